// section-missing, section-order, section-duplicate, section-title, topic-missing.
#include "ReportBuilder.h"
#include "TestSupport.h"
#include "fix/TextEdits.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;

TEST(SectionMissing, ReportsThePartAndInsertsItsHeadingBeforeTheNextPart) {
  ReportSpec spec;
  spec.headings["五、存在的主要问题及改进情况"] = "";
  Checked c(buildReport(spec));
  auto found = c.with("section-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->severity, Severity::Error);
  EXPECT_THAT(found[0]->message, HasSubstr("第五部分“存在的主要问题及改进情况”"));
  // The next line of prose is where the heading was.
  EXPECT_EQ(c.at(found[0]->range), "一是公开的主动性不强。下一步将加强培训。");
  ASSERT_TRUE(found[0]->fix);
  std::string fixed = applyEdits(c.text.str(), found[0]->fix->edits);
  EXPECT_THAT(fixed, HasSubstr("## 五、存在的主要问题及改进情况\n\n一是公开的主动性不强。"));
  EXPECT_TRUE(Checked(fixed).analysis.findings.empty());
}

TEST(SectionMissing, PlacesALostHeadingBeforeItsTable) {
  // Seed 000's mistake: part 四's heading is gone but its table is there.
  for (Layout layout : {Layout::Tabs, Layout::Pipes, Layout::CellPerLine, Layout::Spaced}) {
    ReportSpec spec;
    spec.layout = layout;
    spec.headings["四、政府信息公开行政复议、行政诉讼情况"] = "";
    Checked c(buildReport(spec));
    auto found = c.with("section-missing");
    ASSERT_EQ(found.size(), 1u) << layoutName(layout) << c.describe();
    ASSERT_TRUE(found[0]->fix);
    std::string fixed = applyEdits(c.text.str(), found[0]->fix->edits);
    std::size_t heading = fixed.find("四、政府信息公开行政复议、行政诉讼情况");
    std::size_t table = fixed.find("结果维持");
    ASSERT_NE(heading, std::string::npos);
    EXPECT_LT(heading, table) << layoutName(layout);
    EXPECT_GT(heading, fixed.find("四、结转下年度继续办理"));
  }
}

TEST(SectionMissing, TheNewHeadingIsDressedLikeItsNeighbours) {
  ReportSpec spec;
  std::string text = buildReport(spec);
  for (std::string h : {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"}) {
    std::size_t at = text.find("## " + h);
    text.replace(at, h.size() + 3, "**" + h + "**");
  }
  std::size_t five = text.find("## 五、");
  text.erase(five, text.find('\n', five) + 1 - five);
  Checked c(text);
  auto found = c.with("section-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  ASSERT_TRUE(found[0]->fix);
  EXPECT_EQ(found[0]->fix->edits[0].newText, "**五、存在的主要问题及改进情况**\n\n");
}

TEST(SectionMissing, ALostPartTwoHeadingLeavesItsTablesReadable) {
  for (Layout layout : {Layout::Tabs, Layout::Pipes, Layout::CellPerLine, Layout::Spaced}) {
    ReportSpec spec;
    spec.layout = layout;
    spec.headings["二、主动公开政府信息情况"] = "";
    spec.cells["规章"] = {"/", "0", "0"};
    Checked c(buildReport(spec));
    EXPECT_EQ(c.with("cell-invalid").size(), 1u) << layoutName(layout) << c.describe();
    EXPECT_TRUE(c.with("table-missing").empty()) << layoutName(layout) << c.describe();
    auto found = c.with("section-missing");
    ASSERT_EQ(found.size(), 1u) << layoutName(layout) << c.describe();
    ASSERT_TRUE(found[0]->fix);
    std::string fixed = applyEdits(c.text.str(), found[0]->fix->edits);
    EXPECT_LT(fixed.find("二、主动公开政府信息情况"), fixed.find("第二十条第（一）项")) << layoutName(layout);
    EXPECT_GT(fixed.find("二、主动公开政府信息情况"), fixed.find("（五）监督保障情况")) << layoutName(layout);
  }
}

TEST(SectionMissing, PartOneGoesBeforeItsTopicsAndTheLastPartAtTheEnd) {
  ReportSpec spec;
  spec.headings["一、总体情况"] = "";
  spec.headings["六、其他需要报告的事项"] = "";
  SourceText text(buildReport(spec));
  FixAllResult fixed = fixAll(builtinAnalyzer(), text);
  EXPECT_EQ(fixed.applied.size(), 2u);
  EXPECT_LT(fixed.text.find("## 一、总体情况"), fixed.text.find("（一）主动公开情况"));
  EXPECT_GT(fixed.text.find("## 六、其他需要报告的事项"), fixed.text.find("## 五、"));
  EXPECT_TRUE(Checked(fixed.text).analysis.findings.empty()) << Checked(fixed.text).describe();
}

TEST(SectionMissing, TwoLostPartsComeBackInOrder) {
  ReportSpec spec;
  spec.headings["五、存在的主要问题及改进情况"] = "";
  spec.headings["六、其他需要报告的事项"] = "";
  FixAllResult fixed = fixAll(builtinAnalyzer(), SourceText(buildReport(spec)));
  EXPECT_LT(fixed.text.find("五、存在的主要问题及改进情况"), fixed.text.find("六、其他需要报告的事项"));
  EXPECT_TRUE(Checked(fixed.text).with("section-order").empty());
}

TEST(SectionOrder, FlagsAPartThatComesAfterALaterOne) {
  ReportSpec spec;
  std::string text = buildReport(spec);
  // Swap the headings of parts 五 and 六.
  std::string five = "## 五、存在的主要问题及改进情况", six = "## 六、其他需要报告的事项";
  std::size_t a = text.find(five), b = text.find(six);
  text.replace(b, six.size(), five);
  text.replace(a, five.size(), six);
  Checked c(text);
  auto found = c.with("section-order");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "五、存在的主要问题及改进情况");
  EXPECT_THAT(found[0]->message, HasSubstr("第六部分之后"));
}

TEST(SectionDuplicate, FlagsTheSecondHeading) {
  ReportSpec spec;
  std::string text = buildReport(spec) + "\n## 六、其他需要报告的事项\n\n无。\n";
  Checked c(text);
  auto found = c.with("section-duplicate");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_GT(found[0]->range.begin, text.find("本单位 2024 年度未收取信息处理费"));
  EXPECT_THAT(found[0]->message, HasSubstr("第一次在第"));
}

TEST(SectionTitle, AcceptsAVariantButOffersTheTemplateWording) {
  ReportSpec spec;
  spec.headings["四、政府信息公开行政复议、行政诉讼情况"] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况";
  Checked c(buildReport(spec));
  auto found = c.with("section-title");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(c.at(found[0]->range), "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况");
  ASSERT_TRUE(found[0]->fix);
  EXPECT_EQ(found[0]->fix->edits[0].newText, "四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_TRUE(c.with("section-missing").empty());
}

TEST(SectionTitle, FoldsPunctuationAndSpacesButNotWords) {
  ReportSpec spec;
  spec.headings["一、总体情况"] = "一、 总体情况";
  spec.headings["六、其他需要报告的事项"] = "六、其他事项";
  Checked c(buildReport(spec));
  auto found = c.with("section-title");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "六、其他事项");
}

TEST(Headings, ComeInEveryDress) {
  std::string text =
      "某局2024年政府信息公开工作年度报告\n"
      "一、总体情况\n（一）主动公开：本年主动公开信息 10 条。\n(二) 依申请公开情况。本年未收到申请。\n"
      "**（三）政府信息管理**\n   （四）政府信息公开平台建设情况\n#### (五)监督保障\n"
      "  二.主动公开政府信息情况\n"
      "### 三、收到和处理政府信息公开申请情况\n"
      "#四、政府信息公开行政复议、行政诉讼情况\n"
      "**五、存在的主要问题及改进情况**\n一是公开不及时。二是形式单一。\n1.信息公开的全面性不足。\n"
      "六、其他需要报告的事项：无。\n";
  Checked c(text);
  EXPECT_EQ(c.analysis.model.parts.size(), 6u);
  EXPECT_EQ(c.analysis.model.topics.size(), 5u);
  EXPECT_TRUE(c.with("section-missing").empty()) << c.describe();
  EXPECT_TRUE(c.with("topic-missing").empty()) << c.describe();
  EXPECT_TRUE(c.with("section-title").empty()) << c.describe();
}

TEST(TopicMissing, NamesEachAbsentTopicOfPartOne) {
  ReportSpec spec;
  spec.dropTopics = {"三", "五"};
  Checked c(buildReport(spec));
  auto found = c.with("topic-missing");
  ASSERT_EQ(found.size(), 2u) << c.describe();
  EXPECT_THAT(found[0]->message, HasSubstr("（三）政府信息管理"));
  EXPECT_THAT(found[1]->message, HasSubstr("（五）监督保障"));
  EXPECT_EQ(c.at(found[0]->range), "一、总体情况");
  EXPECT_EQ(found[0]->severity, Severity::Warning);
}

}  // namespace
}  // namespace nianbao::testing
