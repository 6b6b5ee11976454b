// year-mismatch and period-invalid on edited copies of the example (title on
// line 3, 示例镇人民政府 2024 年…; part 一's sentences open with 2024 年 on
// lines 7, 11, 15 and 27) and of real report 01 (period on line 7).
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

std::vector<std::size_t> linesOf(const Checked& c, const std::string& code) {
  std::vector<std::size_t> out;
  for (const Finding* f : c.with(code)) out.push_back(c.line(*f));
  return out;
}

const std::string kPeriod = "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日";

TEST(YearMismatch, TheCorpusAndTheExampleAgreeWithThemselves) {
  for (const auto& path : corpusFiles()) {
    Checked c(readFile(path.string()));
    EXPECT_THAT(c.with("year-mismatch"), ::testing::IsEmpty()) << path;
    EXPECT_THAT(c.with("period-invalid"), ::testing::IsEmpty()) << path;
  }
  EXPECT_THAT(Checked(readFile(NIANBAO_EXAMPLE)).with("year-mismatch"), ::testing::IsEmpty());
}

TEST(YearMismatch, LastYearsTitleOnThisYearsText) {
  Checked c(replaced(readFile(NIANBAO_EXAMPLE), "示例镇人民政府 2024 年", "示例镇人民政府 2023 年"));
  EXPECT_THAT(linesOf(c, "year-mismatch"), ::testing::ElementsAre(7u, 11u, 15u, 27u)) << c.describe();
  const Finding& f = *c.with("year-mismatch")[0];
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(c.at(f.range), "2024");
  EXPECT_EQ(f.message, "本报告是 2023 年的年度报告（见标题），此处却写 2024 年");
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(c.at(f.related[0].range), "2023");
  EXPECT_EQ(c.text.lineOf(f.related[0].range.begin) + 1, 3u);
}

TEST(YearMismatch, APeriodEndingInAnotherYearIsBothWrongAndInvalid) {
  std::string r01 = readFile(std::string(NIANBAO_SHARED) + "/corpus/real/01_huaian-shi-2024.txt");
  Checked c(replaced(r01, "至 2024 年 12 月 31 日", "至 2023 年 12 月 31 日"));
  EXPECT_THAT(linesOf(c, "year-mismatch"), ::testing::ElementsAre(7u));
  EXPECT_EQ(c.at(c.with("year-mismatch")[0]->range), "2023");
  ASSERT_EQ(c.with("period-invalid").size(), 1u);
  EXPECT_EQ(c.at(c.with("period-invalid")[0]->range), "2024 年 1 月 1 日至 2023 年 12 月 31 日");
}

TEST(PeriodInvalid, NotFromTheFirstOfJanuaryToTheLastOfDecember) {
  std::string r01 = readFile(std::string(NIANBAO_SHARED) + "/corpus/real/01_huaian-shi-2024.txt");
  Checked c(replaced(r01, "自 2024 年 1 月 1 日至", "自 2024 年 2 月 1 日至"));
  ASSERT_EQ(c.with("period-invalid").size(), 1u) << c.describe();
  EXPECT_EQ(c.with("period-invalid")[0]->severity, Severity::Warning);
  EXPECT_EQ(c.with("period-invalid")[0]->message,
            "统计期限应为 2024年1月1日至2024年12月31日，此处为 2024 年 2 月 1 日至 2024 年 12 月 31 日");
  EXPECT_THAT(c.with("year-mismatch"), ::testing::IsEmpty());
}

TEST(YearMismatch, MessagesInEnglish) {
  const Analyzer english(governmentInformationDisclosure2021(), "en");
  SourceText text(replaced(readFile(NIANBAO_EXAMPLE), "示例镇人民政府 2024 年", "示例镇人民政府 2023 年"));
  Analysis a = english.analyze(text);
  auto it = std::find_if(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.code == "year-mismatch"; });
  ASSERT_NE(it, a.findings.end());
  EXPECT_EQ(it->message, "This is the annual report for 2023 (see the title), but this says 2024");
}

}  // namespace
}  // namespace nianbao::testing
