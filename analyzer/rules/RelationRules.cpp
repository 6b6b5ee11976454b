// The template's arithmetic (勾稽关系): column-sum relations (sum-row,
// sum-review), row-sum relations (sum-results) and row balances (balance).
// A relation is checked only where every number it needs is present and
// valid; missing rows and bad cells have findings of their own.
#include <algorithm>
#include <map>

#include "rules/RuleContext.h"

namespace nianbao {
namespace {

// The rows of one table instance, by template row.
class Grid {
 public:
  Grid(const Table& table, const TemplateTable& t) : t_(t), rows_(firstRowsByTemplateRow(table)) {}

  const TableRow* row(int index) const {
    auto it = rows_.find(index);
    return it == rows_.end() ? nullptr : it->second;
  }

  // The usable number in (row, column): present, a number, whole if a count.
  std::optional<Number> value(const TableRow& row, std::size_t column) const {
    if (row.values.size() != t_.columns.size() || column >= row.values.size()) return std::nullopt;
    const ValueCell& v = row.values[column];
    if (v.state != CellState::Number || !v.value) return std::nullopt;
    if (t_.columns[column].kind == NumberKind::Count && !v.value->isWhole()) return std::nullopt;
    return v.value;
  }

  // The rows standing for `ids`: a missing row whose group was written as a
  // single row (2019 format) is counted through that group row, once.
  std::optional<std::vector<const TableRow*>> termRows(const std::vector<std::string>& ids) const {
    std::vector<const TableRow*> out;
    for (const auto& id : ids) {
      int index = t_.rowIndex(id);
      if (const TableRow* r = row(index)) {
        out.push_back(r);
        continue;
      }
      const TemplateRow& tr = t_.rows[static_cast<std::size_t>(index)];
      const TableRow* group = tr.group.empty() ? nullptr : row(t_.rowIndex(tr.group));
      if (!group || !t_.rows[static_cast<std::size_t>(t_.rowIndex(tr.group))].labelOnly) return std::nullopt;
      if (std::find(out.begin(), out.end(), group) == out.end()) out.push_back(group);
    }
    return out;
  }

  const std::map<int, const TableRow*>& rows() const { return rows_; }

 private:
  const TemplateTable& t_;
  std::map<int, const TableRow*> rows_;
};

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

std::string plus(const std::vector<Number>& terms) {
  std::string out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i) out += "+";
    out += terms[i].toString();
  }
  return out;
}

// Numbers added up, with the terms kept for the message.
struct Addition {
  std::vector<Number> terms;
  Number sum;
};

// Adds valueAt(0 … n-1); nothing if any of them is not a usable number.
template <typename ValueAt>
std::optional<Addition> addUp(std::size_t n, ValueAt valueAt) {
  Addition a;
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<Number> v = valueAt(i);
    if (!v) return std::nullopt;
    a.terms.push_back(*v);
    a.sum = a.sum + *v;
  }
  return a;
}

Fix replaceCell(const RuleContext& ctx, const ValueCell& cell, Number expected) {
  return Fix{ctx.tmpl.message("fix-total", {{"expected", expected.toString()}}),
             {{cell.cell.range, expected.toString()}}};
}

void columnSum(const RuleContext& ctx, const TemplateRelation& rel, const Table& table, const TemplateTable& t,
               Discrepancies& out) {
  Grid grid(table, t);
  std::size_t target = static_cast<std::size_t>(t.columnIndex(rel.target));
  for (const auto& [index, row] : grid.rows()) {
    auto actual = grid.value(*row, target);
    if (!actual) continue;
    auto added = addUp(rel.terms.size(), [&](std::size_t i) {
      return grid.value(*row, static_cast<std::size_t>(t.columnIndex(rel.terms[i])));
    });
    if (!added || added->sum == *actual) continue;
    const auto& [terms, sum] = *added;
    const ValueCell& cell = row->values[target];
    out.push_back({ctx.findings.size(), &table, &rel, row, index, target,
                   sum - *actual});
    ctx.report(rel.code, Severity::Error, cell.cell.range,
               ctx.tmpl.message(rel.code, {{"expected", sum.toString()},
                                           {"terms", plus(terms)},
                                           {"actual", actual->toString()},
                                           {"group", t.columns[target].group},
                                           {"column", t.columns[target].label}}),
               replaceCell(ctx, cell, sum));
  }
}

void rowSum(const RuleContext& ctx, const TemplateRelation& rel, const Table& table, const TemplateTable& t,
            Discrepancies& out) {
  Grid grid(table, t);
  const TableRow* target = grid.row(t.rowIndex(rel.target));
  auto termRows = grid.termRows(rel.terms);
  if (!target || !termRows) return;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    auto actual = grid.value(*target, c);
    if (!actual) continue;
    auto added = addUp(termRows->size(), [&](std::size_t i) { return grid.value(*(*termRows)[i], c); });
    if (!added || added->sum == *actual) continue;
    const auto& [terms, sum] = *added;
    const ValueCell& cell = target->values[c];
    out.push_back({ctx.findings.size(), &table, &rel, target, t.rowIndex(rel.target), c,
                   sum - *actual});
    ctx.report(rel.code, Severity::Error, cell.cell.range,
               ctx.tmpl.message(rel.code, {{"expected", sum.toString()},
                                           {"terms", plus(terms)},
                                           {"actual", actual->toString()},
                                           {"column", t.columns[c].label}}),
               replaceCell(ctx, cell, sum));
  }
}

void rowBalance(const RuleContext& ctx, const TemplateRelation& rel, const Table& table, const TemplateTable& t) {
  Grid grid(table, t);
  auto left = grid.termRows(rel.left);
  auto right = grid.termRows(rel.right);
  if (!left || !right || left->empty() || right->empty()) return;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    auto l = addUp(left->size(), [&](std::size_t i) { return grid.value(*(*left)[i], c); });
    auto r = addUp(right->size(), [&](std::size_t i) { return grid.value(*(*right)[i], c); });
    if (!l || !r || l->sum == r->sum) continue;
    // No fix: which of the four numbers is wrong is for a person to decide.
    ctx.report(rel.code, Severity::Error, (*left->front()).values[c].cell.range,
               ctx.tmpl.message(rel.code, {{"column", t.columns[c].label},
                                           {"left", l->sum.toString()},
                                           {"left_terms", plus(l->terms)},
                                           {"right", r->sum.toString()},
                                           {"right_terms", plus(r->terms)}}));
  }
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
                                                                     {"diff", by.toString()}}),
            {{cell.cell.range, corrected.toString()}}};
    ctx.findings[r.finding].fix = fix;
    ctx.findings[match->finding].fix = fix;
  }
}

}  // namespace

void checkRelations(const RuleContext& ctx) {
  Discrepancies rowSums, columnSums;  // ColumnSum relations check rows; RowSum ones columns
  for (const auto& rel : ctx.tmpl.relations) {
    for (const auto& table : ctx.model.tables) {
      if (table.templateTable < 0) continue;
      const TemplateTable& t = ctx.tmpl.tables[static_cast<std::size_t>(table.templateTable)];
      if (t.id != rel.table) continue;
      switch (rel.kind) {
        case RelationKind::ColumnSum: columnSum(ctx, rel, table, t, rowSums); break;
        case RelationKind::RowSum: rowSum(ctx, rel, table, t, columnSums); break;
        case RelationKind::RowBalance: rowBalance(ctx, rel, table, t); break;
      }
    }
  }
  blameCrossingCells(ctx, rowSums, columnSums);
}

}  // namespace nianbao
