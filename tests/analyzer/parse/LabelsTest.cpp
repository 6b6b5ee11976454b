#include "parse/Labels.h"

#include "TestSupport.h"
#include "text/Fold.h"

namespace nianbao::testing {
namespace {

const LabelIndex& labels() {
  static const LabelIndex index(governmentInformationDisclosure2021());
  return index;
}

std::string rowId(const LabelIndex::RowMatch& m) {
  if (!m.found()) return "";
  return labels().tmpl().tables[static_cast<std::size_t>(m.table)].rows[static_cast<std::size_t>(m.row)].id;
}

TEST(SplitEnumerator, SeparatesNumbersFromWords) {
  auto l = splitEnumerator(foldForMatching("（三）不予公开"));
  EXPECT_EQ(toUtf8(l.enumerator), "(三)");
  EXPECT_EQ(toUtf8(l.words), "不予公开");
  EXPECT_EQ(toUtf8(splitEnumerator(foldForMatching("1、申请人")).words), "申请人");
  EXPECT_EQ(toUtf8(splitEnumerator(foldForMatching("四、结转")).enumerator), "四、");
  EXPECT_EQ(toUtf8(splitEnumerator(foldForMatching("2024年")).enumerator), "");  // a year, not a number
}

TEST(MatchRow, ExactAfterFolding) {
  EXPECT_EQ(rowId(labels().matchRow("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)")), "partly");
  EXPECT_EQ(rowId(labels().matchRow("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
            "other-handling-1");
  EXPECT_EQ(labels().matchRow("3.其他").score, 1.0);
}

TEST(MatchRow, FuzzyForTyposAndDroppedWords) {
  auto m = labels().matchRow("规范性文件");
  EXPECT_EQ(rowId(m), "normative-documents");
  EXPECT_EQ(m.score, kShortenedScore);  // better than its edit distance, 1 - 2/7
  auto typo = labels().matchRow("本年新收政府信息公开申请数");
  EXPECT_EQ(rowId(typo), "new");
  EXPECT_NEAR(typo.score, 1.0 - 1.0 / 14.0, 1e-9);  // its edit distance beats the prefix score
  auto swapped = labels().matchRow("保护第三人合法权益");
  EXPECT_EQ(rowId(swapped), "withheld-4");
  EXPECT_NEAR(swapped.score, 1.0 - 1.0 / 9.0, 1e-9);
  EXPECT_EQ(rowId(labels().matchRow("2.其他法律行政止公开")), "withheld-2");
}

TEST(MatchRow, ShortenedLabelsAndAddedUnitsStillMatch) {
  auto m = labels().matchRow("(二) 部分公开");
  EXPECT_EQ(rowId(m), "partly");
  EXPECT_EQ(m.score, kPrefixScore);
  EXPECT_EQ(rowId(labels().matchRow("1. 申请人无正当理由逾期不补正")), "other-handling-1");
  EXPECT_EQ(rowId(labels().matchRow("2. 申请人逾期未按收费通知要求缴纳费用")), "other-handling-2");
  EXPECT_EQ(rowId(labels().matchRow("行政事业性收费（万元）")), "administrative-fees");
  EXPECT_FALSE(labels().matchRow("申请人").found());  // too short to be a shortening
  EXPECT_EQ(rowId(labels().matchRow("一、本年新收申请数量")), "new");  // words left out in the middle
}

TEST(MatchRow, ShortLabelsMatchOnlyExactly) {
  EXPECT_FALSE(labels().matchRow("其他结").found());  // a wrapped header, not 3.其他
  EXPECT_FALSE(labels().matchRow("规划").found());
}

TEST(MatchRow, RowNumbersAloneNeverMatch) {
  EXPECT_FALSE(labels().matchRow("3.").found());
  EXPECT_FALSE(labels().matchRow("（三）").found());
}

TEST(MatchHeader, ColumnsOfTheTable) {
  int table = 0;  // article-20-1
  auto m = labels().matchHeader("本年度止件数", table);
  EXPECT_EQ(m.column, 1);
  EXPECT_EQ(m.expected, "本年废止件数");
  EXPECT_NEAR(m.score, 5.0 / 6.0, 1e-9);
  EXPECT_EQ(labels().matchHeader("信息内容", table).column, -1);  // a header, not a column
  EXPECT_EQ(labels().matchHeader("信息内容", table).score, 1.0);
}

TEST(MatchTableTitle, DistinguishesTheArticleItems) {
  EXPECT_EQ(labels().matchTableTitle("第二十条 第(五)项").table, 1);
  EXPECT_EQ(labels().matchTableTitle("第二十条第（九）项").table, -1);  // 2019's 政府集中采购
}

TEST(MatchPartTitle, TitlesAndVariants) {
  auto m = labels().matchPartTitle("其他事项");
  EXPECT_EQ(m.part, 5);
  EXPECT_EQ(m.variant, 0);
  EXPECT_LT(m.score, 1.0);
  EXPECT_EQ(labels().matchPartTitle("总体情况").score, 1.0);
  EXPECT_EQ(labels().matchPartTitle("会议内容").part, -1);
}

TEST(MatchTopic, KeywordNearTheStart) {
  EXPECT_EQ(labels().matchTopic("平台建设情况"), 3);
  EXPECT_EQ(labels().matchTopic("政府信息公开监督保障情况"), 4);
  EXPECT_EQ(labels().matchTopic("处理群众咨询和投诉工作情况"), -1);
  EXPECT_EQ(labels().matchTopic("政府信息资源规范化标准化管理"), 2);
}

TEST(ReportTitle, NeedsEveryKeyword) {
  EXPECT_TRUE(labels().isReportTitle("# 小铺乡 2024 年政府信息公开工作年度报告"));
  EXPECT_FALSE(labels().isReportTitle("2024 年政府信息公开工作要点"));
}

}  // namespace
}  // namespace nianbao::testing
