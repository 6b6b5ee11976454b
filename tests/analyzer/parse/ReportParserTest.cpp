#include "parse/ReportParser.h"

#include "ReportBuilder.h"
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

const LabelIndex& labels() {
  static const LabelIndex index(governmentInformationDisclosure2021());
  return index;
}

TEST(ReportParser, TitleOverTwoLines) {
  SourceText text("            淮安市人民政府\n     2024 年政府信息公开工作年度报告\n\n   一、总体情况\n");
  ReportModel m = parseReport(text, labels());
  ASSERT_TRUE(m.title);
  EXPECT_EQ(text.lineOf(m.title->begin), 0u);
  EXPECT_EQ(text.lineOf(m.title->end), 1u);
  EXPECT_TRUE(m.isReport);
}

TEST(ReportParser, AReportNeedsATitleOrTwoParts) {
  EXPECT_FALSE(parseReport(SourceText("一、总体情况\n\n工作平稳。\n"), labels()).isReport);
  EXPECT_TRUE(parseReport(SourceText("一、总体情况\n\n二、主动公开政府信息情况\n"), labels()).isReport);
}

TEST(ReportParser, PartsInDocumentOrderWithLines) {
  ReportSpec spec;
  SourceText text(buildReport(spec));
  ReportModel m = parseReport(text, labels());
  ASSERT_EQ(m.parts.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(m.parts[i].part, static_cast<int>(i));
    if (i) {
      EXPECT_GT(m.parts[i].line, m.parts[i - 1].line);
    }
  }
}

TEST(ReportParser, TablesAreNotLookedForInPartsFiveAndSix) {
  // A table-like line of prose in part 五 must not become a row.
  ReportSpec spec;
  std::string text = buildReport(spec) + "行政许可\t12\n";
  ReportModel m = parseReport(SourceText(text), labels());
  std::size_t rows = 0;
  for (const auto& t : m.tables) rows += t.rows.size();
  EXPECT_EQ(rows, 2u + 1 + 2 + 1 + 25 + 1);
}

}  // namespace
}  // namespace nianbao::testing
