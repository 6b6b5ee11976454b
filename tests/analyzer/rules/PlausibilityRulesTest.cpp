// implausible-value on edited copies of the example, a township's report
// (示例镇人民政府, title on line 3; 规章 on line 33, 行政事业性收费 on line 44).
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

std::string example() { return readFile(NIANBAO_EXAMPLE); }

TEST(ImplausibleValue, ATownshipWithRules) {
  Checked c(replaced(example(), "| 规章 | 0 | 0 | 0 |", "| 规章 | 1 | 0 | 1 |"));
  auto found = c.with("implausible-value");
  ASSERT_EQ(found.size(), 2u) << c.describe();
  for (const Finding* f : found) {
    EXPECT_EQ(f->severity, Severity::Info);
    EXPECT_EQ(c.line(*f), 33u);
    EXPECT_EQ(c.at(f->range), "1");
    EXPECT_EQ(f->message, "乡镇、街道不能制定规章，此处却为 1");
  }
}

TEST(ImplausibleValue, ATownshipsFeesInTheMillionsOfYuan) {
  Checked c(replaced(example(), "| 行政事业性收费 | 0 |", "| 行政事业性收费 | 3940 |"));
  auto found = c.with("implausible-value");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.line(*found[0]), 44u);
  EXPECT_EQ(found[0]->message, "乡镇的行政事业性收费为 3940 万元，超过 1000 万元，是否按元填写？");
  // 0.04 万元 (seed 004's 400 yuan) is plausible.
  EXPECT_THAT(Checked(replaced(example(), "| 行政事业性收费 | 0 |", "| 行政事业性收费 | 0.04 |")).with("implausible-value"),
              ::testing::IsEmpty());
}

TEST(ImplausibleValue, ACityMayMakeRulesAndCollectMillions) {
  // The same values under a city's title.
  std::string city = replaced(example(), "# 示例镇人民政府 2024 年", "# 示例市人民政府 2024 年");
  city = replaced(city, "| 规章 | 0 | 0 | 0 |", "| 规章 | 1 | 0 | 1 |");
  city = replaced(city, "| 行政事业性收费 | 0 |", "| 行政事业性收费 | 3940 |");
  Checked c(city);
  // The prose still says 示例镇: only the title decides, and the title says 市.
  EXPECT_THAT(c.with("implausible-value"), ::testing::IsEmpty()) << c.describe();
}

TEST(ImplausibleValue, ATownshipKnownOnlyFromItsProse) {
  // Real 07 has no title; line 2 says 汇报我镇2023年政府信息公开工作.
  Checked c(readFile(std::string(NIANBAO_SHARED) + "/corpus/real/07_xjnlk-town-2023_EXCERPT.txt"));
  auto found = c.with("implausible-value");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.line(*found[0]), 21u);
  EXPECT_EQ(c.at(found[0]->range), "6");
}

}  // namespace
}  // namespace nianbao::testing
