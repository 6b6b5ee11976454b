// Who a report is by, read from the corpus's titles and preambles.
#include "parse/ReportBody.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

const TemplateCarryover& words() { return *governmentInformationDisclosure2021().carryover; }

std::string bodyOf(const std::string& bytes) {
  SourceText text(bytes);
  Analysis a = builtinAnalyzer().analyze(text);
  return reportingBody(text, a.dates, words());
}

std::string corpus(const std::string& name) { return readFile(std::string(NIANBAO_SHARED) + "/corpus/" + name); }

TEST(ReportingBody, TheNameBeforeTheTitlesYear) {
  // Seed 004, line 2: 沙湾市金沟河镇2024年政府信息公开.
  EXPECT_EQ(bodyOf(corpus("seeds/004_006f0a812b9c2fe0.txt")), "沙湾市金沟河镇");
  // The example, line 3: # 示例镇人民政府 2024 年政府信息公开工作年度报告.
  EXPECT_EQ(bodyOf(readFile(NIANBAO_EXAMPLE)), "示例镇人民政府");
}

TEST(ReportingBody, ATitleOverTwoLinesNamesItOnTheFirst) {
  // Real 01–03: the body centred on line 1, the year on line 2.
  EXPECT_EQ(bodyOf(corpus("real/01_huaian-shi-2024.txt")), "淮安市人民政府");
  EXPECT_EQ(bodyOf(corpus("real/02_hongze-qu-2023.txt")), "洪泽区人民政府");
  EXPECT_EQ(bodyOf(corpus("real/03_hongze-qu-2024.txt")), "淮安市洪泽区人民政府");
}

TEST(ReportingBody, WithoutATitleThePreambleNamesIt) {
  // Real 02 with its two title lines removed: line 4 says 本报告由淮安市洪泽区人民政府办公室根据….
  std::string text = corpus("real/02_hongze-qu-2023.txt");
  text = replaced(text, "洪泽区人民政府\n", "\n");
  text = replaced(text, "2023 年政府信息公开工作年度报告\n", "政府信息公开工作年度报告\n");
  EXPECT_EQ(bodyOf(text), "淮安市洪泽区人民政府");
}

TEST(ReportingBody, TheSkeletonsPlaceholderNamesNoOne) {
  std::string text = replaced(readFile(NIANBAO_EXAMPLE), "# 示例镇人民政府 2024 年", "# （机关名称）2024 年");
  EXPECT_EQ(bodyOf(text), "");
  // Excerpt 05 has neither a title nor a preamble naming the body.
  EXPECT_EQ(bodyOf(corpus("real/05_changchun-shi-styjrswj-2023_EXCERPT.txt")), "");
}

TEST(SameReportingBody, ARegionNamedFirstIsTheSameBody) {
  EXPECT_TRUE(sameReportingBody("洪泽区人民政府", "淮安市洪泽区人民政府", words()));
  EXPECT_TRUE(sameReportingBody("淮安市洪泽区人民政府", "洪泽区人民政府", words()));
  EXPECT_TRUE(sameReportingBody("洪泽区人民政府", "洪泽区政府", words()));
  EXPECT_TRUE(sameReportingBody("金沟河镇", "沙湾市金沟河镇人民政府", words()));
}

TEST(ReportingBodyKey, NamesOfOneBodyShareIt) {
  // 洪泽区人民政府 and 淮安市洪泽区人民政府: 泽区 before 人民政府.
  EXPECT_EQ(reportingBodyKey("洪泽区人民政府", words()), "泽区");
  EXPECT_EQ(reportingBodyKey("淮安市洪泽区人民政府", words()), "泽区");
  EXPECT_EQ(reportingBodyKey("洪泽区政府", words()), "泽区");
  EXPECT_EQ(reportingBodyKey("金沟河镇", words()), "河镇");
  EXPECT_EQ(reportingBodyKey("沙湾市金沟河镇人民政府", words()), "河镇");
  EXPECT_EQ(reportingBodyKey("镇", words()), "镇");
  EXPECT_EQ(reportingBodyKey("", words()), "");
}

TEST(SameReportingBody, OtherBodiesAreNot) {
  // A city and one of its districts.
  EXPECT_FALSE(sameReportingBody("淮安市人民政府", "淮安市洪泽区人民政府", words()));
  // A longer name that is not a region before the same one.
  EXPECT_FALSE(sameReportingBody("示例镇人民政府", "新示例镇人民政府", words()));
  // The generic suffix alone, and no name at all.
  EXPECT_FALSE(sameReportingBody("人民政府", "洪泽区人民政府", words()));
  EXPECT_FALSE(sameReportingBody("", "", words()));
}

}  // namespace
}  // namespace nianbao::testing
