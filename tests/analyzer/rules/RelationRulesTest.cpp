// sum-row, sum-results, balance, sum-review in each table layout, with the
// numbers named in the message and the fix replacing only the wrong cell.
#include "ReportBuilder.h"
#include "TestSupport.h"
#include "fix/TextEdits.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;

class Relations : public LayoutAndEolTest {};

TEST_P(Relations, SumRowOnTheTotalCell) {
  ReportSpec s = spec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  auto found = c.with("sum-row");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->message, "总计应为 1（1+0+0+0+0+0），实为 3");
  EXPECT_EQ(c.at(found[0]->range), "3");
  EXPECT_EQ(c.line(*found[0]), c.text.lineOf(c.text.str().find("1.本机关不掌握")) + 1 +
                                     (layout() == Layout::CellPerLine ? 7 : 0));
  ASSERT_TRUE(found[0]->fix);
  ASSERT_EQ(found[0]->fix->edits.size(), 1u);
  EXPECT_EQ(found[0]->fix->edits[0].newText, "1");
  EXPECT_EQ(found[0]->fix->edits[0].range, found[0]->range);
}

TEST_P(Relations, SumResultsOnTheColumnTotal) {
  ReportSpec s = spec();
  s.cells["（七）总计"] = {"3", "1", "0", "0", "0", "0", "4"};
  s.cells["2.重复申请"] = {"0", "1", "0", "0", "0", "0", "1"};
  Checked c(buildReport(s));
  auto found = c.with("sum-results");
  ASSERT_EQ(found.size(), 2u) << c.describe();
  EXPECT_EQ(found[0]->message,
            "“商业企业”列（七）总计应为 2（1+0+0+0+0+0+0+0+0+0+0+0+0+0+1+0+0+0+0+0+0），实为 1");
  EXPECT_THAT(found[1]->message, HasSubstr("“总计”列（七）总计应为 5"));
  EXPECT_EQ(c.at(found[0]->range), "1");
}

TEST_P(Relations, AWrongCellInsideTheTableIsBlamedNotTheTotals) {
  // 2.重复申请 gets 1 in 自然人: its row total (0) and the column's （七）总计
  // (3) are both right; the cell is wrong, by 1, and both findings say so.
  ReportSpec s = spec();
  s.cells["2.重复申请"] = {"1", "0", "0", "0", "0", "0", "0"};
  std::string report = buildReport(s);
  Checked c(report);
  auto row = c.with("sum-row");
  auto column = c.with("sum-results");
  ASSERT_EQ(row.size(), 1u) << c.describe();
  ASSERT_EQ(column.size(), 1u) << c.describe();
  ASSERT_TRUE(row[0]->fix);
  ASSERT_TRUE(column[0]->fix);
  EXPECT_EQ(row[0]->fix->edits, column[0]->fix->edits);
  EXPECT_EQ(row[0]->fix->edits[0].newText, "0");
  EXPECT_EQ(row[0]->fix->title, "把“2.重复申请”的“自然人”改为 0（这一行和这一列的合计都多出 1）");
  FixAllResult fixed = fixAll(builtinAnalyzer(), SourceText(report));
  s.cells.clear();
  EXPECT_EQ(fixed.text, buildReport(s));
}

TEST_P(Relations, ACellThatIsTooSmallIsRaised) {
  ReportSpec s = spec();
  s.cells["（一）予以公开"] = {"0", "1", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  auto row = c.with("sum-row");
  ASSERT_EQ(row.size(), 1u) << c.describe();
  ASSERT_TRUE(row[0]->fix);
  EXPECT_EQ(row[0]->fix->edits[0].newText, "2");
  EXPECT_EQ(row[0]->fix->title, "把“（一）予以公开”的“自然人”改为 2（这一行和这一列的合计都少了 2）");
}

TEST_P(Relations, BalanceHasNoFix) {
  ReportSpec s = spec();
  s.cells["四、结转下年度继续办理"] = {"2", "0", "0", "0", "0", "0", "2"};
  Checked c(buildReport(s));
  auto found = c.with("balance");
  ASSERT_EQ(found.size(), 2u) << c.describe();
  EXPECT_EQ(found[0]->message, "“自然人”列一、二之和 4（3+1）不等于（七）总计与四之和 5（3+2）");
  EXPECT_FALSE(found[0]->fix);
  EXPECT_EQ(found[0]->severity, Severity::Error);
}

TEST_P(Relations, SumReviewPerGroup) {
  ReportSpec s = spec();
  s.review = {"10", "1", "0", "0", "0", "0", "1", "0", "0", "1", "5", "0", "0", "0", "0"};
  Checked c(buildReport(s));
  auto found = c.with("sum-review");
  ASSERT_EQ(found.size(), 2u) << c.describe();
  EXPECT_EQ(found[0]->message, "行政复议总计应为 11（10+1+0+0），实为 0");
  EXPECT_EQ(found[1]->message, "复议后起诉总计应为 5（5+0+0+0），实为 0");
  ASSERT_TRUE(found[1]->fix);
  EXPECT_EQ(found[1]->fix->edits[0].newText, "5");
}

TEST_P(Relations, NotCheckedWhereANumberIsUnusable) {
  ReportSpec s = spec();
  s.cells["（一）予以公开"] = {"2", "/", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  EXPECT_EQ(c.with("cell-invalid").size(), 1u) << c.describe();
  EXPECT_TRUE(c.with("sum-row").empty()) << c.describe();
  EXPECT_TRUE(c.with("sum-results").empty()) << c.describe();
}

INSTANTIATE_TEST_SUITE_P(Layouts, Relations, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(Relations, AstralCharactersAndCrlfBeforeATableKeepRangesExact) {
  ReportSpec s;
  s.eol = "\r\n";
  s.beforeTables = "𠮷野家😀的说明：以下数据截至年底。";
  s.cells["（一）予以公开"] = {"2", "1", "0", "0", "0", "0", "9"};
  Checked c(buildReport(s));
  auto found = c.with("sum-row");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "9");
  LineColumn utf16 = c.text.toUtf16(found[0]->range.begin);
  LineColumn points = c.text.toCodePoints(found[0]->range.begin);
  EXPECT_EQ(utf16.column, points.column);  // this line has no astral characters
  EXPECT_EQ(points.column, 20u);  // 7 characters of label, then \t2\t1\t0\t0\t0\t0\t
}

}  // namespace
}  // namespace nianbao::testing
