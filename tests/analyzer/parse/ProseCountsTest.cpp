#include "parse/ProseCounts.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

// What a statement says, as the test reads it: the quantity's id, the
// value, whether approximate, and the words its range covers.
struct Said {
  std::string quantity;
  std::int64_t value;
  bool approximate;
  std::string words;
  friend bool operator==(const Said&, const Said&) = default;
  friend std::ostream& operator<<(std::ostream& o, const Said& s) {
    return o << s.quantity << "=" << s.value << (s.approximate ? "~" : "") << " [" << s.words << "]";
  }
};

std::vector<Said> said(const std::string& report) {
  Checked c(report);
  std::vector<Said> out;
  const auto& quantities = governmentInformationDisclosure2021().proseCounts->quantities;
  for (const auto& p : findProseCounts(c.text, c.analysis.model, governmentInformationDisclosure2021()))
    out.push_back({quantities[static_cast<std::size_t>(p.quantity)].id, p.value, p.approximate, c.at(p.range)});
  return out;
}

// `sentence` as the whole of part 一 of a small report.
std::vector<Said> saidIn(const std::string& sentence) {
  return said("# 示例镇人民政府2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n" + sentence +
              "\n\n## 二、主动公开政府信息情况\n\n略。\n");
}

TEST(ProseCounts, ArabicNumbersAfterTheVerbAndItsObject) {
  EXPECT_THAT(saidIn("2024年，全镇共受理政府信息公开申请 17 件，均已答复。"),
              ::testing::ElementsAre(Said{"received", 17, false, "17"}));
  EXPECT_THAT(saidIn("本年度新收政府信息公开申请5件。"), ::testing::ElementsAre(Said{"received", 5, false, "5"}));
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请１２件。"), ::testing::ElementsAre(Said{"received", 12, false, "１２"}));
}

TEST(ProseCounts, TheObjectMayFollowTheNumber) {
  EXPECT_THAT(saidIn("在 2024 年度，示例镇政府收到 1 条依申请公开的请求。"),
              ::testing::ElementsAre(Said{"received", 1, false, "1"}));
}

TEST(ProseCounts, ChineseNumeralsAreRead) {
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请一件。"), ::testing::ElementsAre(Said{"received", 1, false, "一"}));
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请两件。"), ::testing::ElementsAre(Said{"received", 2, false, "两"}));
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请十二件。"), ::testing::ElementsAre(Said{"received", 12, false, "十二"}));
  EXPECT_EQ(chineseNumeralValue("一百零五"), 105);
  EXPECT_EQ(chineseNumeralValue("三千零一十二"), 3012);
  EXPECT_EQ(chineseNumeralValue("年"), -1);
}

TEST(ProseCounts, NotReceivedIsZero) {
  EXPECT_THAT(saidIn("2024 年，小铺乡未收到政府信息公开申请；"), ::testing::ElementsAre(Said{"received", 0, false, "未收到"}));
  EXPECT_THAT(saidIn("本年度没有收到政府信息公开申请。"), ::testing::ElementsAre(Said{"received", 0, false, "没有收到"}));
}

TEST(ProseCounts, NoReviewOrLawsuitIsZeroForEach) {
  EXPECT_THAT(saidIn("未发生涉及政府信息公开申请的行政复议、行政诉讼、投诉举报案件。"),
              ::testing::ElementsAre(Said{"reconsideration", 0, false, "未发生涉及政府信息公开申请的行政复议"},
                                     Said{"lawsuit", 0, false, "未发生涉及政府信息公开申请的行政复议、行政诉讼"}));
}

TEST(ProseCounts, CarriedOverAnsweredReviewsAndLawsuits) {
  EXPECT_THAT(saidIn("上年结转政府信息公开申请3件，办结 8 件，另有 2 件顺延到下年度答复。"),
              ::testing::ElementsAre(Said{"carried-in", 3, false, "3"}, Said{"answered", 8, false, "8"},
                                     Said{"carried-out", 2, false, "2"}));
  EXPECT_THAT(saidIn("发生政府信息公开行政复议 2 起，行政诉讼一起。"),
              ::testing::ElementsAre(Said{"reconsideration", 2, false, "2"}, Said{"lawsuit", 1, false, "一"}));
}

TEST(ProseCounts, ApproximateNumbersAreMarked) {
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请40余件。"), ::testing::ElementsAre(Said{"received", 40, true, "40"}));
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请约 40 件。"), ::testing::ElementsAre(Said{"received", 40, true, "40"}));
  EXPECT_THAT(saidIn("本年度共收到政府信息公开申请二十多件。"), ::testing::ElementsAre(Said{"received", 20, true, "二十"}));
}

TEST(ProseCounts, LookAlikesAreNotCounts) {
  // Hotline cases, proposals, documents, ordinals, years, "each", and a
  // request the body itself sent upward: none is one of the quantities.
  EXPECT_THAT(saidIn("受理“12345”便民服务热线170件，均已答复。"), ::testing::IsEmpty());
  EXPECT_THAT(saidIn("积极向上级人民政府申请公开信息40余条。"), ::testing::IsEmpty());
  EXPECT_THAT(saidIn("未收到人大代表建议和政协提案。"), ::testing::IsEmpty());
  EXPECT_THAT(saidIn("依据第二十条第（一）项，每一条公开信息都经过审核，2024 年发布信息34条。"), ::testing::IsEmpty());
  EXPECT_THAT(saidIn("本年度共处理群众留言92条。"), ::testing::IsEmpty());
  EXPECT_THAT(saidIn("均在法定期限内予以答复。"), ::testing::IsEmpty());
}

TEST(ProseCounts, OnlyTopicTwoIsReadWhenThePartHasIt) {
  // Topic （一） counts documents published, with 收到 and 件: not read.
  std::string report =
      "# 示例镇人民政府2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n### （一）主动公开\n\n"
      "本年度收到上级转来的申请材料 9 件。\n\n### （二）依申请公开\n\n本年度共收到政府信息公开申请 3 件。\n\n"
      "### （三）政府信息管理\n\n略。\n\n## 二、主动公开政府信息情况\n\n略。\n";
  EXPECT_THAT(said(report), ::testing::ElementsAre(Said{"received", 3, false, "3"}));
}

// Real report 01 (pdftotext, lines 31-36) wraps its sentences mid-word
// (答 / 复 3050 件): every count it states, as read by hand.
TEST(ProseCounts, RealReport01WrappedOverLines) {
  std::string text = readFile(std::string(NIANBAO_SHARED) + "/corpus/real/01_huaian-shi-2024.txt");
  ASSERT_FALSE(text.empty());
  EXPECT_THAT(said(text), ::testing::ElementsAre(Said{"received", 3119, false, "3119"}, Said{"answered", 3050, false, "3050"},
                                                 Said{"carried-in", 34, false, "34"}, Said{"carried-out", 103, false, "103"},
                                                 Said{"reconsideration", 351, false, "351"},
                                                 Said{"lawsuit", 46, false, "46"}));
}

}  // namespace
}  // namespace nianbao::testing
