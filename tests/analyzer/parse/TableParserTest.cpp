#include "parse/TableParser.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

const LabelIndex& labels() {
  static const LabelIndex index(governmentInformationDisclosure2021());
  return index;
}

std::vector<Table> tablesOf(const SourceText& text) {
  return parseTables(text, 0, text.lineCount(), {}, labels());
}

std::string rowId(const Table& t, const TableRow& r) {
  if (r.templateRow < 0) return "?";
  return labels().tmpl().tables[static_cast<std::size_t>(t.templateTable)].rows[static_cast<std::size_t>(r.templateRow)].id;
}

TEST(TableParser, WrappedPdfLabelsAreJoinedWithTheirPieces) {
  // From real report 01: the numbers sit on the middle line of a three-line
  // label, with a group name wrapped beside it in another column.
  SourceText text(
      "               1、申请人无正当理由逾期不补\n"
      "\n"
      "               正、行政机关不再处理其政府信           67        3        0         0        1         0    71\n"
      "               息公开申请\n"
      "\n"
      "     （六）其\n"
      "               2、申请人逾期未按收费通知要\n"
      "     他处理\n"
      "               求缴纳费用、行政机关不再处理           6         0        0         0        0         0    6\n"
      "               其政府信息公开申请\n");
  auto tables = tablesOf(text);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 2u);
  EXPECT_EQ(rowId(tables[0], tables[0].rows[0]), "other-handling-1");
  EXPECT_EQ(rowId(tables[0], tables[0].rows[1]), "other-handling-2");
  EXPECT_EQ(tables[0].rows[1].labelScore, 1.0);
  EXPECT_TRUE(tables[0].rows[1].labelWrapped);
  EXPECT_EQ(tables[0].rows[1].firstLine, 6u);
  EXPECT_EQ(tables[0].rows[1].lastLine, 9u);
  EXPECT_EQ(tables[0].rows[0].values.size(), 7u);
}

TEST(TableParser, NumbersOnALineOfTheirOwn) {
  // From real report 02: the label wraps above its numbers.
  SourceText text(
      "                  （二）部分公开（区分处理的，只计这一情 形，不\n"
      "                  计其他情形）\n"
      "                                              4    0      0     0   0   0     4\n");
  auto tables = tablesOf(text);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].rows.size(), 1u);
  EXPECT_EQ(rowId(tables[0], tables[0].rows[0]), "partly");
  EXPECT_EQ(tables[0].rows[0].values.size(), 7u);
}

TEST(TableParser, OneCellPerLineWithPipeLines) {
  // From real excerpt 07.
  SourceText text("第二十条第(一)项\n|\n信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n"
                  "规章\n|\n0\n|\n0\n|\n6\n|\n行政规范性文件\n|\n0\n|\n0\n|\n0\n|\n");
  auto tables = tablesOf(text);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  ASSERT_TRUE(t.title);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].layout, RowLayout::CellPerLine);
  EXPECT_EQ(t.rows[0].label, "规章");
  ASSERT_EQ(t.rows[0].values.size(), 3u);
  EXPECT_EQ(t.rows[0].values[2].cell.text, "6");
  EXPECT_EQ(t.headers.size(), 4u);
  EXPECT_TRUE(t.cellSeparatorLines);
}

TEST(TableParser, TabRowsWithGroupCellsAndLostLeadingCells) {
  // From seed 001.
  SourceText text(
      "三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t\n"
      "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
      "3. 其他\t\t0\t0\t0\t0\t0\t0\t0\t\n");
  auto tables = tablesOf(text);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(rowId(t, t.rows[0]), "disclosed");
  EXPECT_EQ(t.rows[0].contextCells.size(), 1u);
  EXPECT_EQ(rowId(t, t.rows[1]), "withheld-1");
  EXPECT_EQ(t.rows[1].leadingEmptyCells, 1);
  EXPECT_EQ(rowId(t, t.rows[2]), "other-handling-3");
  EXPECT_EQ(t.rows[2].values.size(), 7u);
  EXPECT_EQ(t.rows[2].cellsBeforeValues, 1);
}

TEST(TableParser, AnUnlabeledRowOfFifteenIsTheReviewTable) {
  SourceText text("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t---\n");
  auto tables = tablesOf(text);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(labels().tmpl().tables[static_cast<std::size_t>(tables[0].templateTable)].id, "review-litigation");
  ASSERT_EQ(tables[0].rows.size(), 1u);
  EXPECT_EQ(tables[0].rows[0].values.size(), 15u);
}

TEST(TableParser, TabsCollapsedToSingleSpaces) {
  // Pasted from a web page that turned tabs into single spaces.
  SourceText text("一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n"
                  "三、本年度办理结果 (一) 予以公开 1 0 0 0 0 0 1\n"
                  "(三) 不予公开 1. 属于国家秘密 0 0 0 0 0 0 0\n");
  auto tables = tablesOf(text);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(rowId(t, t.rows[0]), "new");
  EXPECT_EQ(rowId(t, t.rows[1]), "disclosed");
  EXPECT_EQ(t.rows[1].label, "(一) 予以公开");
  EXPECT_EQ(t.rows[1].labelScore, 1.0);
  EXPECT_EQ(rowId(t, t.rows[2]), "withheld-1");
  for (const auto& r : t.rows) EXPECT_EQ(r.values.size(), 7u);
}

TEST(TableParser, ProseIsNotARow) {
  SourceText text("2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件。\n本年度未收取信息处理费。\n");
  EXPECT_TRUE(tablesOf(text).empty());
}

}  // namespace
}  // namespace nianbao::testing
