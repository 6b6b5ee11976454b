#include "parse/LineCells.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

std::vector<std::string> texts(const LineCells& lc) {
  std::vector<std::string> out;
  for (const auto& c : lc.cells) out.push_back(c.text);
  return out;
}

TEST(SplitLine, TabsKeepBlankCellsButDropLeadingOnes) {
  LineCells lc = splitLine("\t\t2. 其他法律行政法规禁止公开\t0\t\t0", 100);
  EXPECT_EQ(lc.shape, LineShape::Cells);
  EXPECT_EQ(lc.layout, RowLayout::Tabs);
  EXPECT_EQ(lc.leadingEmptyCells, 2);
  EXPECT_THAT(texts(lc), ::testing::ElementsAre("2. 其他法律行政法规禁止公开", "0", "", "0"));
  EXPECT_EQ(lc.cells[1].range, (ByteRange{100 + 2 + 39 + 1, 100 + 2 + 39 + 2}));
}

TEST(SplitLine, IndentedSingleCellIsOneCell) {
  LineCells lc = splitLine("\t0", 0);
  EXPECT_EQ(lc.shape, LineShape::Single);
  EXPECT_THAT(texts(lc), ::testing::ElementsAre("0"));
}

TEST(SplitLine, Pipes) {
  LineCells lc = splitLine("| 规章 | 0 | 0 | 0 |", 0);
  EXPECT_EQ(lc.layout, RowLayout::Pipes);
  EXPECT_TRUE(lc.leadingPipe);
  EXPECT_THAT(texts(lc), ::testing::ElementsAre("规章", "0", "0", "0"));
  EXPECT_THAT(texts(splitLine("规章 | 0 | 0 | 0 |", 0)), ::testing::ElementsAre("规章", "0", "0", "0"));
  EXPECT_EQ(splitLine("|", 0).shape, LineShape::Separator);
  EXPECT_EQ(splitLine("|---|:--:|", 0).shape, LineShape::Separator);
}

TEST(SplitLine, SpaceAlignedPdfText) {
  LineCells lc = splitLine("本            2.其他法律行政法规禁止公开     30          1        0", 0);
  EXPECT_EQ(lc.layout, RowLayout::Spaced);
  EXPECT_THAT(texts(lc), ::testing::ElementsAre("本", "2.其他法律行政法规禁止公开", "30", "1", "0"));
  // Single spaces inside words do not split; single spaces between numbers do.
  EXPECT_THAT(texts(splitLine("4.无正当理由大量反复 申请        0 0 0", 0)),
              ::testing::ElementsAre("4.无正当理由大量反复 申请", "0", "0", "0"));
  EXPECT_EQ(splitLine("   三 、本 年 度办 理 结果", 0).shape, LineShape::Single);
  // Words then single-space separated numbers: the numbers are cells.
  EXPECT_THAT(texts(splitLine("规章 0 / 3", 0)), ::testing::ElementsAre("规章", "0", "/", "3"));
  EXPECT_EQ(splitLine("收到申请 3 件", 0).shape, LineShape::Single);
}

TEST(SplitLine, PageNumbersSeparatorsAndBlanks) {
  EXPECT_EQ(splitLine("                 -3-", 0).shape, LineShape::PageNumber);
  EXPECT_EQ(splitLine("---\t---\t---", 0).shape, LineShape::Separator);
  EXPECT_EQ(splitLine(" \t \xE3\x80\x80", 0).shape, LineShape::Blank);
}

TEST(SplitLine, ColumnCountsCodePoints) {
  EXPECT_EQ(splitLine("     （一）予以公开     1", 0).column, 5u);
}

TEST(ClassifyValue, NumbersPlaceholdersAndText) {
  std::optional<Number> v;
  EXPECT_EQ(classifyValue("447228", &v), CellState::Number);
  EXPECT_EQ(v->toString(), "447228");
  EXPECT_EQ(classifyValue("0.04", &v), CellState::Number);
  EXPECT_EQ(v->toString(), "0.04");
  EXPECT_EQ(classifyValue("96171.6", &v), CellState::Number);
  EXPECT_EQ(v->tenThousandths, 961716000);
  EXPECT_EQ(classifyValue("１２", &v), CellState::Number);  // full-width digits
  EXPECT_EQ(v->toString(), "12");
  EXPECT_EQ(classifyValue("3,119", &v), CellState::Number);
  EXPECT_EQ(v->toString(), "3119");
  EXPECT_EQ(classifyValue("-3", &v), CellState::Negative);
  EXPECT_EQ(classifyValue("+3", &v), CellState::Number);  // the 2019 format's 本年增/减
  EXPECT_EQ(v->toString(), "3");
  EXPECT_EQ(classifyValue("＋3", &v), CellState::Number);
  EXPECT_EQ(classifyValue("+", nullptr), CellState::Text);
  EXPECT_EQ(classifyValue("", nullptr), CellState::Blank);
  EXPECT_EQ(classifyValue("/", nullptr), CellState::Placeholder);
  EXPECT_EQ(classifyValue("—", nullptr), CellState::Placeholder);
  EXPECT_EQ(classifyValue("无", nullptr), CellState::Placeholder);
  EXPECT_EQ(classifyValue("三件", nullptr), CellState::Text);
  EXPECT_EQ(classifyValue("1.属于国家秘密", nullptr), CellState::Text);
  EXPECT_EQ(classifyValue("99999999999999999999999", nullptr), CellState::Text);  // no overflow
  EXPECT_EQ(classifyValue("999999999999999", nullptr), CellState::Text);
  EXPECT_EQ(classifyValue("99999999999", &v), CellState::Number);
  EXPECT_EQ(v->toString(), "99999999999");
}

}  // namespace
}  // namespace nianbao::testing
