#include "features/Skeleton.h"

#include "TestSupport.h"

namespace nianbao {
namespace {

using testing::builtinAnalyzer;

struct LayoutCase {
  RowLayout layout;
  const char* eol;
};

class ReportSkeletonTest : public ::testing::TestWithParam<LayoutCase> {};

// The skeleton is what the template asks for and nothing else: analysed, it
// is a report with every part, topic and table, and not one finding.
TEST_P(ReportSkeletonTest, IsACompleteReportWithoutFindings) {
  const Template& t = builtinAnalyzer().tmpl();
  std::string text = reportSkeleton(t, GetParam().layout, GetParam().eol);
  testing::Checked c(text);
  ASSERT_TRUE(c.analysis.model.isReport);
  EXPECT_TRUE(c.analysis.findings.empty()) << c.describe();
  EXPECT_EQ(c.analysis.model.parts.size(), t.parts.size());
  EXPECT_EQ(c.analysis.model.topics.size(), t.topics.size());
  EXPECT_TRUE(c.analysis.model.title.has_value());
  std::size_t rows = 0, expectedRows = 0;
  for (const auto& table : c.analysis.model.tables) rows += table.rows.size();
  for (const auto& table : t.tables)
    for (const auto& row : table.rows) expectedRows += row.labelOnly ? 0 : 1;
  EXPECT_EQ(rows, expectedRows);
  // One kind of line break throughout.
  auto count = [&](std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  if (std::string_view(GetParam().eol) == "\n") EXPECT_EQ(count("\r"), 0u);
  else EXPECT_EQ(count("\r\n"), count("\n"));
}

INSTANTIATE_TEST_SUITE_P(AllLayouts, ReportSkeletonTest,
                         ::testing::Values(LayoutCase{RowLayout::Tabs, "\n"}, LayoutCase{RowLayout::Pipes, "\n"},
                                           LayoutCase{RowLayout::CellPerLine, "\n"}, LayoutCase{RowLayout::Tabs, "\r\n"},
                                           LayoutCase{RowLayout::Pipes, "\r\n"}));

TEST(ReportSkeleton, MarkdownGetsHeadingsPlainTextDoesNot) {
  const Template& t = builtinAnalyzer().tmpl();
  std::string md = reportSkeleton(t, RowLayout::Pipes, "\n");
  EXPECT_TRUE(md.starts_with("# （机关名称）××××年政府信息公开工作年度报告\n"));
  EXPECT_NE(md.find("\n## 一、总体情况\n"), std::string::npos);
  EXPECT_NE(md.find("\n### （一）"), std::string::npos);
  std::string plain = reportSkeleton(t, RowLayout::Tabs, "\n");
  EXPECT_NE(plain.find("\n一、总体情况\n"), std::string::npos);
  EXPECT_EQ(plain.find('#'), std::string::npos);
}

}  // namespace
}  // namespace nianbao
