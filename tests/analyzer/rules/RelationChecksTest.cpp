// Relations evaluated place by place: what is listed, what is checkable, and
// that the failures are exactly the relation findings.
#include "rules/RelationChecks.h"

#include <set>
#include <tuple>

#include "ReportBuilder.h"
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

const TableRow* rowLabeled(const ReportModel& model, const std::string& label) {
  for (const auto& table : model.tables)
    for (const auto& row : table.rows)
      if (row.label == label) return &row;
  return nullptr;
}

std::vector<const RelationCheck*> withCode(const std::vector<RelationCheck>& checks, const std::string& code) {
  std::vector<const RelationCheck*> out;
  for (const auto& c : checks)
    if (c.relation->code == code) out.push_back(&c);
  return out;
}

class RelationChecks : public LayoutAndEolTest {};

TEST_P(RelationChecks, AConsistentReportHoldsEverywhere) {
  Checked c(buildReport(spec()));
  auto checks = evaluateRelations(builtinAnalyzer().tmpl(), c.analysis.model);
  // 25 number rows of table 三 and one row of table 四 times its three sums;
  // seven columns each for sum-results and balance.
  EXPECT_EQ(withCode(checks, "sum-row").size(), 25u);
  EXPECT_EQ(withCode(checks, "sum-results").size(), 7u);
  EXPECT_EQ(withCode(checks, "balance").size(), 7u);
  EXPECT_EQ(withCode(checks, "sum-review").size(), 3u);
  for (const auto& check : checks) {
    EXPECT_TRUE(check.checkable) << check.relation->code << " column " << check.column;
    EXPECT_TRUE(check.holds) << check.relation->code << " column " << check.column;
  }
}

TEST_P(RelationChecks, AWrongTotalIsCheckableAndFailsWithItsNumbers) {
  ReportSpec s = spec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "1.本机关不掌握相关政府信息");
  ASSERT_NE(row, nullptr);
  auto checks = evaluateRelations(builtinAnalyzer().tmpl(), c.analysis.model);
  const RelationCheck* found = nullptr;
  for (const auto* check : withCode(checks, "sum-row"))
    if (check->row == row) found = check;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->target, &row->values[6]);
  EXPECT_EQ(c.at(found->target->cell.range), "3");
  EXPECT_TRUE(found->checkable);
  EXPECT_FALSE(found->holds);
  ASSERT_TRUE(found->actual && found->expected());
  EXPECT_EQ(found->actual->toString(), "3");
  EXPECT_EQ(found->expected()->toString(), "1");
  ASSERT_EQ(found->left.terms.size(), 6u);
  EXPECT_EQ(found->left.terms[0].id, "natural");
  EXPECT_EQ(found->left.terms[0].cell, &row->values[0]);
  EXPECT_EQ(found->left.terms[5].id, "other");
  EXPECT_TRUE(found->right.terms.empty());
}

TEST_P(RelationChecks, APlaceholderCellMakesItsChecksUncheckable) {
  ReportSpec s = spec();
  s.cells["二、上年结转政府信息公开申请数量"] = {"1", "0", "0", "0", "0", "/", "1"};
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "二、上年结转政府信息公开申请数量");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->values.size(), 7u);
  auto checks = evaluateRelations(builtinAnalyzer().tmpl(), c.analysis.model);
  for (const auto& check : checks) {
    // The placeholder is a term of 二's row sum and of the balance in 其他 (column 5).
    bool needsIt = (check.relation->code == "sum-row" && check.row == row) ||
                   (check.relation->code == "balance" && check.column == 5);
    EXPECT_EQ(check.checkable, !needsIt) << check.relation->code << " column " << check.column;
    EXPECT_EQ(check.holds, !needsIt);
  }
}

TEST_P(RelationChecks, AMissingRowIsATermWithoutARow) {
  ReportSpec s = spec();
  s.dropRows.insert("2.重复申请");
  Checked c(buildReport(s));
  auto checks = evaluateRelations(builtinAnalyzer().tmpl(), c.analysis.model);  // the results point into it
  auto results = withCode(checks, "sum-results");
  ASSERT_EQ(results.size(), 7u);
  for (const auto* check : results) {
    EXPECT_FALSE(check->checkable);
    ASSERT_EQ(check->left.terms.size(), 21u);
    // （一）, （二）, eight of （三）, three of （四）, then （五）1. and 2.
    const RelationTerm& missing = check->left.terms[14];
    EXPECT_EQ(missing.id, "not-processed-2");
    EXPECT_EQ(missing.row, nullptr);
    EXPECT_EQ(missing.cell, nullptr);
    EXPECT_FALSE(check->left.sum);
  }
}

TEST_P(RelationChecks, FailuresAreExactlyTheRelationFindings) {
  ReportSpec s = spec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  s.cells["四、结转下年度继续办理"] = {"2", "0", "0", "0", "0", "0", "2"};
  s.review[9] = "5";
  Checked c(buildReport(s));
  std::set<std::tuple<std::string, std::size_t, std::size_t>> failing, reported;
  for (const auto& check : evaluateRelations(builtinAnalyzer().tmpl(), c.analysis.model)) {
    if (!check.checkable || check.holds) continue;
    // A balance has no total; its finding points at the first cell it adds.
    const ValueCell* at = check.target ? check.target : check.left.terms.front().cell;
    failing.insert({check.relation->code, at->cell.range.begin, at->cell.range.end});
  }
  for (const auto& f : c.analysis.findings)
    if (f.code == "sum-row" || f.code == "sum-results" || f.code == "balance" || f.code == "sum-review")
      reported.insert({f.code, f.range.begin, f.range.end});
  // sum-row at 本机关's total, sum-results at （七）'s 总计 (3+3 ≠ 4), balance
  // in 自然人 and 总计 (四 grew by 1 there), sum-review at 未经复议直接起诉.
  EXPECT_EQ(failing.size(), 5u) << c.describe();
  EXPECT_EQ(failing, reported) << c.describe();
}

INSTANTIATE_TEST_SUITE_P(Layouts, RelationChecks, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(RelationChecksAt, FindsTheTotalAndTheBalanceCellsButNotOrdinaryTerms) {
  Checked c(buildReport(ReportSpec{}));
  auto checks = evaluateRelations(builtinAnalyzer().tmpl(), c.analysis.model);
  const TableRow* total = rowLabeled(c.analysis.model, "（七）总计");
  const TableRow* first = rowLabeled(c.analysis.model, "（一）予以公开");
  ASSERT_TRUE(total && first);
  // （七）总计's 总计: its row's sum-row, its column's sum-results, the balance.
  std::multiset<std::string> codes;
  for (const auto* check : checksAt(checks, &total->values[6])) codes.insert(check->relation->code);
  EXPECT_EQ(codes, (std::multiset<std::string>{"sum-row", "sum-results", "balance"}));
  // （一）予以公开's 自然人 only adds to totals elsewhere.
  EXPECT_TRUE(checksAt(checks, &first->values[0]).empty());
  EXPECT_TRUE(checksAt(checks, nullptr).empty());
}

}  // namespace
}  // namespace nianbao::testing
