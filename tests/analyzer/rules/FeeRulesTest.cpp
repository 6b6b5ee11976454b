// fee-conflict on edited copies of the example (行政事业性收费 0 万元 on line
// 44; part 六 on line 104: 本单位 2024 年度未收取政府信息公开信息处理费。) and of
// real 01 (96171.6 万元 on line 106; 全年收取政府信息公开信息处理费 3940 元 on
// line 241).
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

constexpr const char* kFeeCell = "| 行政事业性收费 | 0 |";
constexpr const char* kPartSix = "本单位 2024 年度未收取政府信息公开信息处理费。";

std::string example() { return readFile(NIANBAO_EXAMPLE); }

// The example with 行政事业性收费 `fees` 万元 and part 六 saying `six`.
std::string withFees(const std::string& fees, const std::string& six) {
  return replaced(replaced(example(), kFeeCell, "| 行政事业性收费 | " + fees + " |"), kPartSix, six);
}

void expectRelatedCell(const Checked& c, const Finding& f, const std::string& value) {
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(c.text.lineOf(f.related[0].range.begin) + 1, 44u);
  EXPECT_EQ(c.at(f.related[0].range), value);
  EXPECT_EQ(f.related[0].message, "第二部分的行政事业性收费：" + value + " 万元");
}

TEST(FeeConflict, NothingCollectedAgainstFeesInPartTwo) {
  Checked c(withFees("0.04", "本单位 2024 年度未收取任何费用。"));
  auto found = c.with("fee-conflict");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(c.line(*found[0]), 104u);
  EXPECT_EQ(c.at(found[0]->range), "未收取任何费用");
  EXPECT_EQ(found[0]->message, "正文说“未收取任何费用”，而第二部分的行政事业性收费为 0.04 万元");
  expectRelatedCell(c, *found[0], "0.04");
}

TEST(FeeConflict, NothingCollectedAgainstNoFees) {
  EXPECT_THAT(Checked(withFees("0", "本单位 2024 年度未收取任何费用。")).with("fee-conflict"), ::testing::IsEmpty());
}

TEST(FeeConflict, NoFeeOfOneKindIsNotNoFeeAtAll) {
  // Seed 004's case: fees in part 二, no 信息处理费 collected.
  for (const char* six : {kPartSix, "本单位 2024 年度依申请公开政府信息未收取任何费用。",
                          "本单位 2024 年度政府信息公开工作中未收取费用。",
                          "（一）收取信息处理费的情况：\n\n本单位 2024 年度未收取任何费用。"}) {
    Checked c(withFees("0.04", six));
    EXPECT_THAT(c.with("fee-conflict"), ::testing::IsEmpty()) << six << "\n" << c.describe();
  }
}

TEST(FeeConflict, AProcessingFeeAboveAllFees) {
  Checked c(withFees("0", "本单位 2024 年度收取政府信息公开信息处理费 3940 元。"));
  auto found = c.with("fee-conflict");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(c.line(*found[0]), 104u);
  EXPECT_EQ(c.at(found[0]->range), "3940 元");
  EXPECT_EQ(found[0]->message, "信息处理费为 3940 元，多于第二部分的行政事业性收费 0 万元，而信息处理费是行政事业性收费的一部分");
  expectRelatedCell(c, *found[0], "0");
}

TEST(FeeConflict, YuanAgainstWanYuan) {
  // 0.04 万元 is 400 元.
  struct Case {
    const char* six;
    const char* flagged;  // "" for none
  };
  for (const Case& k : {Case{"收取信息处理费 400 元。", ""}, Case{"收取信息处理费 401 元。", "401 元"},
                        Case{"收取信息处理费 0.04 万元。", ""}, Case{"收取信息处理费 0.05 万元。", "0.05 万元"},
                        Case{"收取信息处理费３９９．５元。", ""}, Case{"收取信息处理费４０１元。", "４０１元"},
                        Case{"收取信息处理费 1,000 元。", "1,000 元"}, Case{"共收取 401 元信息处理费。", "401 元"}}) {
    Checked c(withFees("0.04", k.six));
    auto found = c.with("fee-conflict");
    if (std::string(k.flagged).empty()) {
      EXPECT_THAT(found, ::testing::IsEmpty()) << k.six << "\n" << c.describe();
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << k.six << "\n" << c.describe();
    EXPECT_EQ(c.at(found[0]->range), k.flagged);
  }
}

TEST(FeeConflict, RatesAndOtherAmountsAreNotWhatWasCollected) {
  for (const char* six : {"信息处理费按每件 100 元收取。", "收取信息处理费的标准为 100 元。",
                          "未收取信息处理费，复印费 100 元。"}) {
    Checked c(withFees("0", six));
    EXPECT_THAT(c.with("fee-conflict"), ::testing::IsEmpty()) << six << "\n" << c.describe();
  }
}

TEST(FeeConflict, AnAmountInPartOne) {
  // Line 15: 在 2024 年度，示例镇政府收到 1 条依申请公开的请求。
  Checked c(replaced(example(), "收到 1 条依申请公开的请求。", "收到 1 条依申请公开的请求，收取信息处理费 100 元。"));
  auto found = c.with("fee-conflict");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.line(*found[0]), 15u);
  EXPECT_EQ(c.at(found[0]->range), "100 元");
}

TEST(FeeConflict, RealOneWithItsFeesCut) {
  // 3940 元 of 信息处理费 fits in 96171.6 万元, not in 0.3 万元 (3000 元).
  std::string real = readFile(std::string(NIANBAO_SHARED) + "/corpus/real/01_huaian-shi-2024.txt");
  Checked c(replaced(real, "96171.6", "0.3"));
  auto found = c.with("fee-conflict");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.line(*found[0]), 241u);
  EXPECT_EQ(c.at(found[0]->range), "3940 元");
  ASSERT_EQ(found[0]->related.size(), 1u);
  EXPECT_EQ(c.text.lineOf(found[0]->related[0].range.begin) + 1, 106u);
  EXPECT_EQ(c.at(found[0]->related[0].range), "0.3");
  EXPECT_THAT(Checked(replaced(real, "96171.6", "0.394")).with("fee-conflict"), ::testing::IsEmpty());
}

TEST(FeeConflict, MessagesInEnglish) {
  const Analyzer english(governmentInformationDisclosure2021(), "en");
  SourceText text(withFees("0", "本单位 2024 年度收取政府信息公开信息处理费 3940 元。"));
  Analysis a = english.analyze(text);
  auto it = std::find_if(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.code == "fee-conflict"; });
  ASSERT_NE(it, a.findings.end());
  EXPECT_EQ(it->message,
            "The information processing fee of 3940 元 exceeds part 二's 行政事业性收费 of 0 万元, of which it is a part");
  ASSERT_EQ(it->related.size(), 1u);
  EXPECT_EQ(it->related[0].message, "行政事业性收费 in part 二: 0 万元");
}

TEST(FeeConflict, SilentOnTheCorpusAndTheExample) {
  // Real 02 and 03 collect thousands of 万元 and 0 元 of 信息处理费; real 01
  // 96171.6 万元 and 3940 元; seed 004 0.04 万元 and says nothing of the fee.
  auto files = corpusFiles();
  ASSERT_GE(files.size(), 12u);
  for (const auto& path : files) {
    Checked c(readFile(path.string()));
    EXPECT_THAT(c.with("fee-conflict"), ::testing::IsEmpty()) << path << "\n" << c.describe();
  }
  EXPECT_THAT(Checked(example()).with("fee-conflict"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace nianbao::testing
