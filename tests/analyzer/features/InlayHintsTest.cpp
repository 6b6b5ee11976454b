// Inlay hints: the expected number after each wrong total, only there, only
// within the visible range, in every layout and line ending.
#include "features/InlayHints.h"

#include "ReportBuilder.h"
#include "TestSupport.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;

const TableRow* rowLabeled(const ReportModel& model, const std::string& label) {
  for (const auto& table : model.tables)
    for (const auto& row : table.rows)
      if (row.label == label) return &row;
  return nullptr;
}

class InlayHints : public LayoutAndEolTest {
 protected:
  ReportSpec astralSpec() const {
    ReportSpec s = spec();
    s.beforeTables = "𠮷😀 附注：本部分数字按件统计。";
    return s;
  }
  static std::vector<InlayHintItem> all(const Checked& c, const Analyzer& analyzer = builtinAnalyzer()) {
    return inlayHints(analyzer, c.text, c.analysis.model, {0, c.text.str().size()});
  }
};

TEST_P(InlayHints, AConsistentReportHasNone) {
  Checked c(buildReport(astralSpec()));
  EXPECT_TRUE(all(c).empty());
}

TEST_P(InlayHints, AWrongTotalGetsItsExpectedNumberRightAfterIt) {
  // 本机关's total says 3 for 1: its row is wrong, and so is the column 总计
  // of （七）, which adds 3 + 3 = 6 and says 4.
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "1.本机关不掌握相关政府信息");
  const TableRow* total = rowLabeled(c.analysis.model, "（七）总计");
  ASSERT_TRUE(row && total && row->values.size() == 7u && total->values.size() == 7u);
  auto hints = all(c);
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0].offset, row->values[6].cell.range.end);
  EXPECT_EQ(c.text.str().substr(hints[0].offset - 1, 1), "3");
  EXPECT_EQ(hints[0].label, "= 1");
  EXPECT_EQ(hints[0].tooltip, "总计 = 1 + 0 + 0 + 0 + 0 + 0 = 1 ✗（写的是 3）");
  EXPECT_EQ(hints[1].offset, total->values[6].cell.range.end);
  EXPECT_EQ(hints[1].label, "= 6");
  EXPECT_THAT(hints[1].tooltip, HasSubstr("（七）总计（总计） = 3 + 0"));
  EXPECT_THAT(hints[1].tooltip, HasSubstr(" = 6 ✗（写的是 4）"));
}

TEST_P(InlayHints, OnlyHintsEndingWithinTheVisibleRangeAreGiven) {
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "1.本机关不掌握相关政府信息");
  ASSERT_TRUE(row && row->values.size() == 7u);
  std::size_t end = row->values[6].cell.range.end;
  // Both ends are included: a range ending at the hint's offset shows it.
  auto first = inlayHints(builtinAnalyzer(), c.text, c.analysis.model, {0, end});
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].label, "= 1");
  auto rest = inlayHints(builtinAnalyzer(), c.text, c.analysis.model, {end + 1, c.text.str().size()});
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].label, "= 6");
  EXPECT_TRUE(inlayHints(builtinAnalyzer(), c.text, c.analysis.model, {0, 0}).empty());
  EXPECT_TRUE(inlayHints(builtinAnalyzer(), c.text, c.analysis.model, {end + 1, end + 1}).empty());
}

TEST_P(InlayHints, ATotalWrongInTwoSumsGetsOneHintWithBothNumbers) {
  // 2.重复申请 gets 1 in 自然人 and, consistently, 1 in its total. Then
  // （七）'s 自然人 should be 2 + 1 + 1 = 4 (says 3), and （七）'s 总计, here
  // 9, should be 3 + 1 = 4 across its row and 3 + 1 + 1 = 5 down its column.
  ReportSpec s = astralSpec();
  s.cells["2.重复申请"] = {"1", "0", "0", "0", "0", "0", "1"};
  s.cells["（七）总计"] = {"3", "1", "0", "0", "0", "0", "9"};
  Checked c(buildReport(s));
  const TableRow* total = rowLabeled(c.analysis.model, "（七）总计");
  ASSERT_TRUE(total && total->values.size() == 7u);
  auto hints = all(c);
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0].offset, total->values[0].cell.range.end);
  EXPECT_EQ(hints[0].label, "= 4");
  EXPECT_EQ(hints[1].offset, total->values[6].cell.range.end);
  EXPECT_EQ(hints[1].label, "= 4 / 5");
  EXPECT_EQ(hints[1].tooltip, "总计 = 3 + 1 + 0 + 0 + 0 + 0 = 4 ✗（写的是 9）\n"
                              "（七）总计（总计） = 3 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 1 + 0 + 0 + 0 + 1 + "
                              "0 + 0 + 0 + 0 + 0 + 0 = 5 ✗（写的是 9）");
}

TEST_P(InlayHints, ABrokenBalanceAloneGetsNoHint) {
  // Every sum holds; only 一 + 二 ≠ （七） + 四 in 自然人 and 总计. Which of the
  // four is wrong is not for a hint to say.
  ReportSpec s = astralSpec();
  s.cells["四、结转下年度继续办理"] = {"2", "0", "0", "0", "0", "0", "2"};
  Checked c(buildReport(s));
  ASSERT_EQ(c.with("balance").size(), 2u) << c.describe();
  EXPECT_TRUE(all(c).empty());
}

TEST_P(InlayHints, AnUnusableTermMeansNoHint) {
  // 本机关's row and the column 自然人 cannot be added up (cell-invalid says
  // why); the column 总计 still can: 3 + 3 is not the 4 written in （七）.
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"x", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  auto hints = all(c);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0].label, "= 6");
}

TEST_P(InlayHints, TheReviewTableAndEnglishTooltips) {
  ReportSpec s = astralSpec();
  s.review[4] = "3";
  Checked c(buildReport(s));
  Analyzer english(governmentInformationDisclosure2021(), "en");
  auto hints = all(c, english);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0].label, "= 2");
  EXPECT_EQ(hints[0].tooltip, "行政复议 总计 = 1 + 0 + 1 + 0 = 2 ✗ (written: 3)");
  EXPECT_EQ(c.text.str().substr(hints[0].offset - 1, 1), "3");
}

INSTANTIATE_TEST_SUITE_P(Layouts, InlayHints, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(InlayHintsCorpus, TheHongzeReviewTotalsOfZeroGetTheirSums) {
  // SOURCES.md: the district's 2023 table 四 shows 行政复议 10 + 1 with 总计 0
  // (and 复议后起诉 5 with 总计 0).
  Checked c(readFile(std::string(NIANBAO_SHARED) + "/corpus/real/02_hongze-qu-2023.txt"));
  ASSERT_TRUE(c.analysis.model.isReport);
  auto hints = inlayHints(builtinAnalyzer(), c.text, c.analysis.model, {0, c.text.str().size()});
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0].label, "= 11");
  EXPECT_EQ(hints[0].tooltip, "行政复议总计 = 10 + 1 + 0 + 0 = 11 ✗（写的是 0）");
  EXPECT_EQ(hints[1].label, "= 5");
  for (const auto& h : hints) EXPECT_EQ(c.text.str().substr(h.offset - 1, 1), "0");
}

TEST(InlayHintsSilence, ADocumentThatIsNotAReportHasNone) {
  Checked c("会议纪要\n\n一、总体情况\n合计 3 + 1 = 5\n");
  ASSERT_FALSE(c.analysis.model.isReport);
  EXPECT_TRUE(inlayHints(builtinAnalyzer(), c.text, c.analysis.model, {0, c.text.str().size()}).empty());
}

}  // namespace
}  // namespace nianbao::testing
