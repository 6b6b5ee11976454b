// carryover-mismatch on the corpus's one pair of consecutive reports by one
// body: real 02 (洪泽区, 2023) and real 03 (淮安市洪泽区, 2024). Values read
// from the files: 02 line 132 四、结转下年度继续办理 all 0; 02 line 50
// 行政规范性文件 0 5 5; 03 line 96 二、上年结转 all 0; 03 line 50 3 0 8.
#include "rules/CarryoverRules.h"

#include "TemplateChoice.h"
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

std::string real(const std::string& name) { return readFile(std::string(NIANBAO_SHARED) + "/corpus/real/" + name); }

struct Report {
  std::shared_ptr<const OtherDocument> document;
  Analysis analysis;
  ReportSummary summary;
  explicit Report(std::string name, const std::string& bytes)
      : document(std::make_shared<const OtherDocument>(OtherDocument{std::move(name), SourceText(bytes)})),
        analysis(builtinAnalyzer().analyze(document->text)),
        summary(summarizeReport(builtinAnalyzer().tmpl(), document->text, analysis)) {}
  const SourceText& text() const { return document->text; }
  std::vector<Finding> against(const Report& last, std::string_view locale = "zh") const {
    return checkCarryover(builtinAnalyzer().tmpl(), locale, text(), analysis, last.summary, last.document);
  }
  std::string at(ByteRange r) const { return text().slice(r); }
  std::size_t line(ByteRange r) const { return text().lineOf(r.begin) + 1; }
};

const std::string k2023 = "02_hongze-qu-2023.txt", k2024 = "03_hongze-qu-2024.txt";

// Real 03 with line 96's 自然人 and 总计 changed from 0 to 2.
std::string carriedInTwo() {
  std::string text = real(k2024);
  std::size_t line = text.find("二、上年结转政府信息公开申请数量");
  std::size_t end = text.find('\n', line);
  std::string row = text.substr(line, end - line);
  std::size_t first = row.find('0'), last = row.rfind('0');
  row[first] = '2';
  row[last] = '2';
  return text.replace(line, end - line, row);
}

TEST(Carryover, TheHongzePairAgrees) {
  Report last(k2023, real(k2023)), now(k2024, real(k2024));
  EXPECT_TRUE(isLastYearsReport(builtinAnalyzer().tmpl(), last.summary, now.summary));
  EXPECT_EQ(last.summary.year, 2023);
  EXPECT_EQ(now.summary.year, 2024);
  // 2023's 结转下年度 0 = 2024's 上年结转 0; 行政规范性文件 5 + 3 − 0 = 8.
  EXPECT_THAT(now.against(last), ::testing::IsEmpty());
}

TEST(Carryover, CarriedInDiffersFromLastYearsCarriedOut) {
  Report last(k2023, real(k2023)), now(k2024, carriedInTwo());
  auto found = now.against(last);
  ASSERT_EQ(found.size(), 2u);
  for (const auto& f : found) {
    EXPECT_EQ(f.code, "carryover-mismatch");
    EXPECT_EQ(f.severity, Severity::Warning);
    EXPECT_EQ(now.line(f.range), 96u);
    EXPECT_EQ(now.at(f.range), "2");
    ASSERT_EQ(f.related.size(), 1u);
    EXPECT_EQ(f.related[0].document, last.document);
    EXPECT_EQ(last.line(f.related[0].range), 132u);
    EXPECT_EQ(last.at(f.related[0].range), "0");
  }
  EXPECT_EQ(found[0].message, "上年结转（自然人）为 2，而 2023 年年报的结转下年度继续办理为 0");
  EXPECT_EQ(found[0].related[0].message, "2023 年年报：结转下年度继续办理（自然人）为 0");
  EXPECT_EQ(found[1].message, "上年结转（总计）为 2，而 2023 年年报的结转下年度继续办理为 0");
  EXPECT_EQ(found[1].related[0].message, "2023 年年报：结转下年度继续办理（总计）为 0");
  EXPECT_EQ(now.against(last, "en")[1].message,
            "Carried over from last year (总计) is 2, but the 2023 report carried 0 into this year");
}

TEST(Carryover, InForceDoesNotRollForward) {
  // 行政规范性文件 in force 9 where 5 + 3 − 0 = 8.
  Report last(k2023, real(k2023)), now(k2024, replaced(real(k2024), "行政规范性文件          3          0       8",
                                                        "行政规范性文件          3          0       9"));
  auto found = now.against(last);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(now.line(found[0].range), 50u);
  EXPECT_EQ(now.at(found[0].range), "9");
  EXPECT_EQ(found[0].message,
            "行政规范性文件的现行有效件数为 9，按 2023 年年报的 5 件加本年制发 3 件、减本年废止 0 件应为 8 件（修订也会使其不同）");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(last.line(found[0].related[0].range), 50u);
  EXPECT_EQ(last.at(found[0].related[0].range), "5");
}

TEST(Carryover, UnreadableCellsAreNotCompared) {
  // A 上年结转 written as "/" is cell-invalid's business, not a carry-over of "/".
  std::string text = carriedInTwo();
  std::size_t line = text.find("二、上年结转政府信息公开申请数量");
  text.replace(text.find('2', line + std::string("二、上年结转政府信息公开申请数量").size()), 1, "/");
  Report last(k2023, real(k2023)), now(k2024, text);
  auto found = now.against(last);
  ASSERT_EQ(found.size(), 1u);  // only 总计 is still a number
  EXPECT_EQ(found[0].message, "上年结转（总计）为 2，而 2023 年年报的结转下年度继续办理为 0");
}

TEST(Carryover, OnlyTheSameBodysPreviousYearIsLastYears) {
  const Template& t = builtinAnalyzer().tmpl();
  Report r02(k2023, real(k2023)), r03(k2024, real(k2024)), r01("01", real("01_huaian-shi-2024.txt"));
  // Not the other way round, not the same year, not the city for its district.
  EXPECT_FALSE(isLastYearsReport(t, r03.summary, r02.summary));
  EXPECT_FALSE(isLastYearsReport(t, r03.summary, r03.summary));
  EXPECT_FALSE(isLastYearsReport(t, r02.summary, r01.summary));
  // Two years back is not last year.
  Report r2022("2022", replaced(replaced(real(k2023), "2023 年政府信息公开工作年度报告", "2022 年政府信息公开工作年度报告"),
                                "2023 年 12 月 31 日", "2022 年 12 月 31 日"));
  EXPECT_EQ(r2022.summary.year, 2022);
  EXPECT_FALSE(isLastYearsReport(t, r2022.summary, r03.summary));
}

TEST(Carryover, LastYearInThe2019FormatCarriesIntoThe2021Format) {
  // The test report on 2020 (2019 format) carries 1 application (自然人 1,
  // 总计 1, line 77) into 2021. The example made a 2021 report by the same
  // township carries in 0 (line 52): both cells are flagged. The 2019 format
  // has no 现行有效件数, so nothing else is compared.
  TemplateChoice templates(builtinTemplates(), "zh");
  auto last2020 = std::make_shared<const OtherDocument>(
      OtherDocument{"2020", SourceText(readFile(std::string(NIANBAO_TEST_DATA) + "/reports/township-2020-format-2019.report.md"))});
  const Analyzer* lastAnalyzer = nullptr;
  Analysis lastAnalysis = templates.analyze(last2020->text, &lastAnalyzer);
  EXPECT_EQ(lastAnalyzer->tmpl().id, "gov-info-disclosure-2019");
  ReportSummary last = summarizeReport(lastAnalyzer->tmpl(), last2020->text, lastAnalysis);
  EXPECT_TRUE(last.inForce.empty());

  SourceText now(replaced(readFile(NIANBAO_EXAMPLE), "# 示例镇人民政府 2024 年", "# 示例乡人民政府 2021 年"));
  const Analyzer* nowAnalyzer = nullptr;
  Analysis nowAnalysis = templates.analyze(now, &nowAnalyzer);
  EXPECT_EQ(nowAnalyzer->tmpl().id, "gov-info-disclosure-2021");
  ReportSummary summary = summarizeReport(nowAnalyzer->tmpl(), now, nowAnalysis);
  EXPECT_TRUE(isLastYearsReport(nowAnalyzer->tmpl(), last, summary));
  auto found = checkCarryover(nowAnalyzer->tmpl(), "zh", now, nowAnalysis, last, last2020);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(now.lineOf(found[0].range.begin) + 1, 52u);
  EXPECT_EQ(found[1].message, "上年结转（总计）为 0，而 2020 年年报的结转下年度继续办理为 1");
  EXPECT_EQ(last2020->text.lineOf(found[1].related[0].range.begin) + 1, 77u);
}

TEST(Carryover, SomethingThatIsNotAReportHasNoSummary) {
  Report note("note", "会议纪要\n\n今天讨论了 3 件事。\n");
  EXPECT_FALSE(note.summary.isReport);
  EXPECT_FALSE(note.summary.year);
  Report last(k2023, real(k2023));
  EXPECT_THAT(note.against(last), ::testing::IsEmpty());
}

}  // namespace
}  // namespace nianbao::testing
