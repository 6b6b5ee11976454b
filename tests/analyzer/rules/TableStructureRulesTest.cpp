// table-missing, row-missing, row-unknown, label-mismatch, cell-count,
// cell-invalid, each in each table layout.
#include "ReportBuilder.h"
#include "TestSupport.h"
#include "fix/TextEdits.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;

class TableRules : public LayoutAndEolTest {};

TEST_P(TableRules, TableMissing) {
  ReportSpec s = spec();
  s.dropRows = {"行政处罚", "行政强制"};
  std::string text = buildReport(s);
  // Drop the caption too: the whole table is gone.
  std::size_t at = text.find("第二十条第（六）项");
  std::size_t end = text.find("第二十条第（八）项");
  std::size_t lineStart = text.rfind('\n', at) + 1;
  std::size_t endLineStart = text.rfind('\n', end) + 1;
  text.erase(lineStart, endLineStart - lineStart);
  Checked c(text);
  auto found = c.with("table-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_THAT(found[0]->message, HasSubstr("第二十条第（六）项"));
  EXPECT_EQ(c.at(found[0]->range), "二、主动公开政府信息情况");
}

TEST_P(TableRules, RowMissingWithAFixInTheTablesOwnLayout) {
  ReportSpec s = spec();
  s.dropRows = {"2.重复申请", "3.要求提供公开出版物"};
  Checked c(buildReport(s));
  auto found = c.with("row-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_THAT(found[0]->message, HasSubstr("缺少 2 行：2.重复申请、3.要求提供公开出版物"));
  ASSERT_TRUE(found[0]->fix);
  std::string fixed = applyEdits(c.text.str(), found[0]->fix->edits);
  Checked after(fixed);
  EXPECT_TRUE(after.analysis.findings.empty()) << after.describe() << fixed;
}

TEST_P(TableRules, AMissingFirstSubRowIsWrittenLikeItsSiblings) {
  ReportSpec s = spec();
  s.dropRows = {"1.属于国家秘密"};
  Checked c(buildReport(s));
  auto found = c.with("row-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  ASSERT_TRUE(found[0]->fix);
  const std::string& inserted = found[0]->fix->edits[0].newText;
  EXPECT_NE(inserted.find("1.属于国家秘密"), std::string::npos);
  Checked after(applyEdits(c.text.str(), found[0]->fix->edits));
  EXPECT_TRUE(after.analysis.findings.empty()) << after.describe();
}

TEST_P(TableRules, RowMissingAtTheStartOfATable) {
  ReportSpec s = spec();
  s.dropRows = {"一、本年新收政府信息公开申请数量"};
  Checked c(buildReport(s));
  auto found = c.with("row-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  ASSERT_TRUE(found[0]->fix);
  Checked after(applyEdits(c.text.str(), found[0]->fix->edits));
  // The row comes back with zeros, so the balance no longer holds: 0 + 1 ≠ 3 + 1.
  EXPECT_TRUE(after.with("row-missing").empty()) << after.describe();
  EXPECT_FALSE(after.with("balance").empty()) << after.describe();
}

TEST_P(TableRules, RowUnknown) {
  ReportSpec s = spec();
  // An item no format has (the 2019 format's 政府集中采购 is obsolete-format).
  s.labels["行政强制"] = "行政征收";
  Checked c(buildReport(s));
  auto found = c.with("row-unknown");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "行政征收");
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(c.with("row-missing").size(), 1u);  // 行政强制 itself is gone
}

TEST_P(TableRules, LabelMismatchOnRowCoversExactlyTheLabel) {
  ReportSpec s = spec();
  s.labels["2.其他法律行政法规禁止公开"] = "2.其他法律行政止公开";
  s.labels["行政规范性文件"] = "规范性文件";
  Checked c(buildReport(s));
  auto found = c.with("label-mismatch");
  ASSERT_EQ(found.size(), 2u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "规范性文件");
  EXPECT_EQ(c.at(found[1]->range), "2.其他法律行政止公开");
  ASSERT_TRUE(found[1]->fix);
  EXPECT_EQ(found[1]->fix->edits[0].newText, "2.其他法律行政法规禁止公开");
  EXPECT_THAT(found[0]->message, HasSubstr("应为“行政规范性文件”，实为“规范性文件”"));
}

TEST_P(TableRules, LabelMismatchOnColumnHeader) {
  ReportSpec s = spec();
  s.headers["本年废止件数"] = "本年度止件数";
  Checked c(buildReport(s));
  auto found = c.with("label-mismatch");
  if (layout() == Layout::Spaced) {
    // PDF text wraps header words over lines (商业企 / 业), so pieces would
    // look like typos: headers of space-aligned tables are not checked.
    EXPECT_TRUE(found.empty()) << c.describe();
    return;
  }
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "本年度止件数");
  ASSERT_TRUE(found[0]->fix);
  EXPECT_EQ(found[0]->fix->edits[0].newText, "本年废止件数");
}

TEST_P(TableRules, CellCount) {
  ReportSpec s = spec();
  s.cells["规章"] = {"0", "0"};
  Checked c(buildReport(s));
  auto found = c.with("cell-count");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_THAT(found[0]->message, HasSubstr("“规章”应有 3 个数字，实有 2 个"));
}

TEST_P(TableRules, CellInvalidPlaceholderTextNegativeAndFraction) {
  ReportSpec s = spec();
  s.cells["规章"] = {"/", "0", "0"};
  s.cells["行政许可"] = {"—"};
  s.cells["行政处罚"] = {"-3"};
  s.cells["行政强制"] = {"1.5"};
  s.cells["行政事业性收费"] = {"0.25"};  // the fee may have decimals
  Checked c(buildReport(s));
  auto found = c.with("cell-invalid");
  ASSERT_EQ(found.size(), 4u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "/");
  EXPECT_EQ(c.at(found[1]->range), "—");
  EXPECT_EQ(c.at(found[2]->range), "-3");
  EXPECT_EQ(c.at(found[3]->range), "1.5");
  EXPECT_THAT(found[3]->message, HasSubstr("应为非负整数"));
}

INSTANTIATE_TEST_SUITE_P(Layouts, TableRules, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(LabelMismatch, AstralCharactersInTheLabelAreCoveredExactly) {
  ReportSpec s;
  s.eol = "\r\n";
  s.labels["行政许可"] = "行政许可𠮷";
  Checked c(buildReport(s));
  auto found = c.with("label-mismatch");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "行政许可𠮷");
  LineColumn start = c.text.toUtf16(found[0]->range.begin), end = c.text.toUtf16(found[0]->range.end);
  EXPECT_EQ(start.column, 0u);
  EXPECT_EQ(end.column, 6u);  // 𠮷 is two UTF-16 code units
  EXPECT_EQ(c.text.toCodePoints(found[0]->range.end).column, 5u);
}

TEST(CellInvalid, BlankCellInATabRow) {
  ReportSpec s;
  s.cells["规章"] = {"0", "", "0"};
  Checked c(buildReport(s));
  auto found = c.with("cell-invalid");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_TRUE(found[0]->range.empty());
  EXPECT_THAT(found[0]->message, HasSubstr("“本年废止件数”应为非负整数，实为空"));
}

TEST(RowMissing, GroupWrittenAsOneRow) {
  // （五）不予处理 carries numbers, its sub-rows are gone. (The 2019 format's
  // single （六）其他处理 is obsolete-format instead: FormatRulesTest.)
  ReportSpec s;
  s.layout = Layout::Spaced;
  s.dropRows = {"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息"};
  std::string text = buildReport(s);
  std::size_t at = text.find("（五）不予处理");
  text.insert(at + std::string("（五）不予处理").size(), "    0    0    0    0    0    0    0");
  Checked c(text);
  auto found = c.with("row-missing");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.at(found[0]->range), "（五）不予处理");
  EXPECT_EQ(c.line(*found[0]), c.text.lineOf(at) + 1);
  EXPECT_EQ(found[0]->severity, Severity::Error);
  EXPECT_EQ(found[0]->message,
            "表格“收到和处理政府信息公开申请情况表”中“（五）不予处理”只有一行合计，缺少 5 行："
            "1.信访举报投诉类申请、2.重复申请、3.要求提供公开出版物、4.无正当理由大量反复申请 …");
  // The group row stands in for its sub-rows in the column sums.
  EXPECT_TRUE(c.with("sum-results").empty()) << c.describe();
}

}  // namespace
}  // namespace nianbao::testing
