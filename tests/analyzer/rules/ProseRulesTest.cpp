// text-table-mismatch on the shipped example, whose topic （二） (line 15)
// says 示例镇政府收到 1 条依申请公开的请求 and whose table 三 row 一 (line 51)
// writes 总计 2 where its cells add up to 1.
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

std::string example() { return readFile(NIANBAO_EXAMPLE); }

const std::string kSentence = "示例镇政府收到 1 条依申请公开的请求。";

TEST(TextTableMismatch, AProseCountEqualToTheTotalItsCellsMakeIsNotReported) {
  // 1 contradicts the written 总计 2, but not the cells (1): sum-row says so.
  Checked c(example());
  EXPECT_THAT(c.with("text-table-mismatch"), ::testing::IsEmpty()) << c.describe();
  EXPECT_THAT(c.with("sum-row"), ::testing::Not(::testing::IsEmpty()));
}

TEST(TextTableMismatch, AProseCountTheTableContradictsIsReportedWithTheCellBeside) {
  Checked c(replaced(example(), kSentence, "示例镇政府收到 3 条依申请公开的请求。"));
  auto found = c.with("text-table-mismatch");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  const Finding& f = *found[0];
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(c.line(f), 15u);
  EXPECT_EQ(c.at(f.range), "3");
  EXPECT_EQ(f.message, "正文中本年新收政府信息公开申请为 3，而收到和处理政府信息公开申请情况表中为 2");
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(c.text.lineOf(f.related[0].range.begin) + 1, 51u);
  EXPECT_EQ(c.at(f.related[0].range), "2");  // the 总计 cell as written
  EXPECT_EQ(f.related[0].message, "收到和处理政府信息公开申请情况表中的本年新收政府信息公开申请：2");
  EXPECT_FALSE(f.fix) << "which side is wrong is for a person to say";
}

TEST(TextTableMismatch, AgreeingWithTheTableIsSilentAndApproximateNumbersAreNotCompared) {
  std::string fixedTotal = replaced(example(), "|  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |", "|  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |");
  EXPECT_THAT(Checked(fixedTotal).with("text-table-mismatch"), ::testing::IsEmpty());
  Checked approximate(replaced(example(), kSentence, "示例镇政府收到 30 余条依申请公开的请求。"));
  EXPECT_THAT(approximate.with("text-table-mismatch"), ::testing::IsEmpty()) << approximate.describe();
}

TEST(TextTableMismatch, LawsuitsAreComparedWithBothGroupsOfTableFour) {
  // Table 四 (line 81) has no lawsuit in either group: 0 + 0.
  Checked c(replaced(example(), kSentence, kSentence + "本年度发生政府信息公开行政诉讼 2 件。"));
  auto found = c.with("text-table-mismatch");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "2");
  EXPECT_THAT(found[0]->message, ::testing::HasSubstr("政府信息公开行政诉讼为 2"));
  ASSERT_EQ(found[0]->related.size(), 2u);
  for (const auto& r : found[0]->related) EXPECT_EQ(c.text.lineOf(r.range.begin) + 1, 81u);
}

TEST(TextTableMismatch, NoneReceivedAgainstATableWithOne) {
  Checked c(replaced(example(), kSentence, "示例镇政府未收到政府信息公开申请。"));
  auto found = c.with("text-table-mismatch");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "未收到");
  EXPECT_THAT(found[0]->message, ::testing::HasSubstr("为 0"));
}

TEST(TextTableMismatch, MessagesInEnglish) {
  const Analyzer english(governmentInformationDisclosure2021(), "en");
  SourceText text(replaced(example(), kSentence, "示例镇政府收到 3 条依申请公开的请求。"));
  Analysis a = english.analyze(text);
  auto it = std::find_if(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.code == "text-table-mismatch"; });
  ASSERT_NE(it, a.findings.end());
  EXPECT_EQ(it->message, "The text gives applications received this year as 3, but 收到和处理政府信息公开申请情况表 has 2");
}

}  // namespace
}  // namespace nianbao::testing
