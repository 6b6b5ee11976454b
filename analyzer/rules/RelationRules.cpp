// The template's arithmetic (勾稽关系): column-sum relations (sum-row,
// sum-review), row-sum relations (sum-results) and row balances (balance).
// A relation is checked only where every number it needs is present and
// valid; missing rows and bad cells have findings of their own. The checks
// themselves are evaluated in RelationChecks, which hover and hints share.
#include <algorithm>

#include "rules/RelationChecks.h"
#include "rules/RuleContext.h"

namespace nianbao {
namespace {

// A sum that does not hold: which finding, at which row and column, and by
// how much (what the sum says minus what is written).
struct Discrepancy {
  std::size_t finding;
  const Table* table;
  const TemplateRelation* relation;
  const TableRow* row;
  int templateRow;
  std::size_t column;
  Number diff;
};
using Discrepancies = std::vector<Discrepancy>;

// The numbers of a side, as the message shows them: 1+0+2.
std::string plus(const RelationSide& side) {
  std::string out;
  for (std::size_t i = 0; i < side.terms.size(); ++i) {
    if (i) out += "+";
    out += side.terms[i].value ? side.terms[i].value->toString() : "?";
  }
  return out;
}

Fix replaceCell(const RuleContext& ctx, const ValueCell& cell, Number expected) {
  return Fix{ctx.tmpl.message("fix-total", {{"expected", expected.toString()}}, ctx.locale),
             {{cell.cell.range, expected.toString()}}};
}

// A total that is not the sum of its terms: a column sum's in the row
// checked, a row sum's in the column checked.
void wrongTotal(const RuleContext& ctx, const RelationCheck& check, Discrepancies& out) {
  const TemplateRelation& rel = *check.relation;
  const TemplateTable& t = *check.templateTable;
  std::size_t column = check.column;
  Number sum = *check.expected();
  Number actual = *check.actual;
  const ValueCell& cell = *check.target;
  out.push_back({ctx.findings.size(), check.table, &rel, check.row, check.row->templateRow, column,
                 sum - actual});
  ctx.report(rel.code, Severity::Error, cell.cell.range,
             ctx.tmpl.message(rel.code, {{"expected", sum.toString()},
                                         {"terms", plus(check.left)},
                                         {"actual", actual.toString()},
                                         {"group", t.columns[column].group},
                                         {"column", t.columns[column].label}}, ctx.locale),
             replaceCell(ctx, cell, sum));
}

void wrongBalance(const RuleContext& ctx, const RelationCheck& check) {
  const TemplateRelation& rel = *check.relation;
  const TemplateTable& t = *check.templateTable;
  std::size_t c = check.column;
  // No fix: which of the four numbers is wrong is for a person to decide.
  ctx.report(rel.code, Severity::Error, check.left.terms.front().cell->cell.range,
             ctx.tmpl.message(rel.code, {{"column", t.columns[c].label},
                                         {"left", check.left.sum->toString()},
                                         {"left_terms", plus(check.left)},
                                         {"right", check.right.sum->toString()},
                                         {"right_terms", plus(check.right)}}, ctx.locale));
}

// One wrong number inside a table breaks both the sum across its row and the
// sum down its column, by the same amount. Where exactly one row sum and one
// column sum are off by the same amount and cross at a cell both add up, that
// cell is the mistake: both findings' fix corrects it, instead of changing two
// totals that were right (and breaking the balance).
void blameCrossingCells(const RuleContext& ctx, const Discrepancies& rows, const Discrepancies& columns) {
  const Template& tmpl = ctx.tmpl;
  for (const Discrepancy& r : rows) {
    const Discrepancy* match = nullptr;
    int matches = 0;
    for (const Discrepancy& c : columns) {
      if (c.table != r.table || c.diff != r.diff) continue;
      const TemplateTable& t = tmpl.tables[static_cast<std::size_t>(r.table->templateTable)];
      const auto& termColumns = r.relation->terms;
      const auto& termRows = c.relation->terms;
      bool columnIsTerm = std::find(termColumns.begin(), termColumns.end(),
                                    t.columns[c.column].id) != termColumns.end();
      bool rowIsTerm = std::find(termRows.begin(), termRows.end(),
                                 t.rows[static_cast<std::size_t>(r.templateRow)].id) != termRows.end();
      if (columnIsTerm && rowIsTerm) {
        match = &c;
        ++matches;
      }
    }
    if (matches != 1) continue;
    int rowMatches = 0;
    for (const Discrepancy& other : rows)
      if (other.table == r.table && other.diff == r.diff) ++rowMatches;
    if (rowMatches != 1) continue;
    const ValueCell& cell = r.row->values[match->column];
    if (!cell.value) continue;
    Number corrected = *cell.value - r.diff;
    if (corrected.tenThousandths < 0) continue;
    const TemplateTable& t = tmpl.tables[static_cast<std::size_t>(r.table->templateTable)];
    bool over = r.diff.tenThousandths > 0;
    Number by = over ? r.diff : Number{} - r.diff;
    Fix fix{tmpl.message(over ? "fix-cell-over" : "fix-cell-under", {{"row", r.row->label},
                                                                     {"column", t.columns[match->column].label},
                                                                     {"expected", corrected.toString()},
                                                                     {"diff", by.toString()}}, ctx.locale),
            {{cell.cell.range, corrected.toString()}}};
    ctx.findings[r.finding].fix = fix;
    ctx.findings[match->finding].fix = fix;
  }
}

}  // namespace

void checkRelations(const RuleContext& ctx) {
  Discrepancies rowSums, columnSums;  // ColumnSum relations check rows; RowSum ones columns
  // Only the failures: places whose numbers are unusable have findings of their own.
  for (const RelationCheck& check : evaluateRelations(ctx.tmpl, ctx.model)) {
    if (!check.checkable || check.holds) continue;
    switch (check.relation->kind) {
      case RelationKind::ColumnSum: wrongTotal(ctx, check, rowSums); break;
      case RelationKind::RowSum: wrongTotal(ctx, check, columnSums); break;
      case RelationKind::RowBalance: wrongBalance(ctx, check); break;
    }
  }
  blameCrossingCells(ctx, rowSums, columnSums);
}

}  // namespace nianbao
