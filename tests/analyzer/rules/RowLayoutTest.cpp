#include "rules/RowLayout.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

TableRow prototype(RowLayout layout, int leading = 0, int context = 0, int beforeValues = 0) {
  TableRow r;
  r.layout = layout;
  r.leadingEmptyCells = leading;
  r.contextCells.resize(static_cast<std::size_t>(context));
  r.cellsBeforeValues = beforeValues;
  return r;
}

TEST(FormatRows, TabsLineUpWithThePrototype) {
  Table table;
  std::vector<NewRow> rows{{"（五）不予处理", "1.信访举报投诉类申请", 3}, {"", "2.重复申请", 3}};
  EXPECT_EQ(formatRows(table, prototype(RowLayout::Tabs, 1, 0, 0), rows, "\n"),
            "（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\n\t2.重复申请\t0\t0\t0\n");
  EXPECT_EQ(formatRows(table, prototype(RowLayout::Tabs, 0, 0, 1), {{"", "3.其他", 2}}, "\r\n"),
            "3.其他\t\t0\t0\r\n");
}

TEST(FormatRows, PipesWithAndWithoutALeadingPipe) {
  Table table;
  table.pipeLeading = true;
  EXPECT_EQ(formatRows(table, prototype(RowLayout::Pipes, 2), {{"", "4.无正当理由大量反复申请", 2}}, "\n"),
            "|  |  | 4.无正当理由大量反复申请 | 0 | 0 |\n");
  table.pipeLeading = false;
  EXPECT_EQ(formatRows(table, prototype(RowLayout::Pipes), {{"", "行政强制", 1}}, "\n"), "行政强制 | 0 |\n");
}

TEST(FormatRows, OneCellPerLine) {
  Table table;
  table.cellIndent = "\t";
  EXPECT_EQ(formatRows(table, prototype(RowLayout::CellPerLine), {{"", "行政强制", 1}}, "\n"), "\t行政强制\n\t0\n");
  table.cellIndent = "";
  table.cellSeparatorLines = true;
  EXPECT_EQ(formatRows(table, prototype(RowLayout::CellPerLine), {{"", "行政强制", 1}}, "\n"), "|\n行政强制\n|\n0\n");
}

TEST(FormatRows, SpaceAligned) {
  Table table;
  EXPECT_EQ(formatRows(table, prototype(RowLayout::Spaced), {{"", "行政强制", 2}}, "\n"), "行政强制    0    0\n");
}

}  // namespace
}  // namespace nianbao::testing
