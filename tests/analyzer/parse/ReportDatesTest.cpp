#include "parse/ReportDates.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

struct Dated {
  Checked checked;
  ReportDates dates;
  explicit Dated(const std::string& text)
      : checked(text), dates(findReportDates(checked.text, checked.analysis.model, governmentInformationDisclosure2021())) {}
  std::size_t line(ByteRange r) const { return checked.text.lineOf(r.begin) + 1; }
};

std::string corpus(const std::string& path) { return readFile(std::string(NIANBAO_SHARED) + "/corpus/" + path); }

void expectWholeYear(const ReportDates& d, int year) {
  ASSERT_TRUE(d.period);
  EXPECT_EQ(d.period->from.year, year);
  EXPECT_EQ(d.period->from.month, 1);
  EXPECT_EQ(d.period->from.day, 1);
  EXPECT_EQ(d.period->to.year, year);
  EXPECT_EQ(d.period->to.month, 12);
  EXPECT_EQ(d.period->to.day, 31);
}

// Real 01: the title over two lines (淮安市人民政府 / 2024 年政府信息公开工作
// 年度报告), the period on line 7 (统计期限自 2024 年 1 月 1 日至 2024 年 12 月
// 31 日), sentences of part 一 opening with 2024 年 (line 31: 2024 年，全市共受理).
TEST(ReportDates, RealReport01) {
  Dated d(corpus("real/01_huaian-shi-2024.txt"));
  ASSERT_TRUE(d.dates.title);
  EXPECT_EQ(d.dates.title->year, 2024);
  EXPECT_EQ(d.line(d.dates.title->range), 2u);
  expectWholeYear(d.dates, 2024);
  EXPECT_EQ(d.line(d.dates.period->range), 7u);
  ASSERT_FALSE(d.dates.openingYears.empty());
  bool line31 = false;
  for (const auto& m : d.dates.openingYears) {
    EXPECT_EQ(m.year, 2024) << "line " << d.line(m.range);
    line31 = line31 || d.line(m.range) == 31;
  }
  EXPECT_TRUE(line31);
}

TEST(ReportDates, APeriodWrappedOverTwoLines) {
  // Real 02, lines 6-7: …统计期限自 2023 年 1 月 1 日 / 起至 2023 年 12 月 31 日止。
  Dated d(corpus("real/02_hongze-qu-2023.txt"));
  expectWholeYear(d.dates, 2023);
  ASSERT_TRUE(d.dates.title);
  EXPECT_EQ(d.dates.title->year, 2023);
}

TEST(ReportDates, WithoutATitleThePeriodGivesTheYear) {
  // Excerpt 04 (从2023年1月1日到2023年12月31日) and 08 (为2024年1月1日至…).
  Dated d04(corpus("real/04_shandong-sheng-bgt-2023_EXCERPT.txt"));
  EXPECT_FALSE(d04.dates.title);
  expectWholeYear(d04.dates, 2023);
  EXPECT_EQ(d04.dates.year(), 2023);
  Dated d08(corpus("real/08_shenzhen-longgang-dept-2024_EXCERPT.txt"));
  expectWholeYear(d08.dates, 2024);
}

TEST(ReportDates, ADocumentsNameIsNotTheTitle) {
  // Seed 004: the title on line 2 (沙湾市金沟河镇2024年政府信息公开); line 7
  // cites 《关于做好沙湾市2024年政府信息公开工作年度报告编制工作的通知》.
  Dated d(corpus("seeds/004_006f0a812b9c2fe0.txt"));
  ASSERT_TRUE(d.dates.title);
  EXPECT_EQ(d.line(d.dates.title->range), 2u);
  expectWholeYear(d.dates, 2024);
}

TEST(ReportDates, OpeningYearsWithAndWithout度AndFullWidthDigits) {
  Dated d("# 示例镇2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n在 2023 年度，收到申请。２０２２年，又收到申请。"
          "截至2024年12月31日，发布信息。发布 2021 年的文件。\n\n## 二、主动公开政府信息情况\n\n略。\n");
  std::vector<int> years;
  for (const auto& m : d.dates.openingYears) years.push_back(m.year);
  EXPECT_THAT(years, ::testing::ElementsAre(2023, 2022));  // a date and a mid-sentence year are not openings
  EXPECT_FALSE(d.dates.period);
}

}  // namespace
}  // namespace nianbao::testing
