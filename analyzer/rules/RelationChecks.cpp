#include "rules/RelationChecks.h"

#include <algorithm>
#include <map>
#include <utility>

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

  // Whether the row's cells line up with the columns, so a column names a cell.
  bool linedUp(const TableRow& row) const { return row.values.size() == t_.columns.size(); }

  // The usable number in (row, column): present, a number, whole if a count.
  std::optional<Number> value(const TableRow& row, std::size_t column) const {
    if (!linedUp(row) || column >= row.values.size()) return std::nullopt;
    const ValueCell& v = row.values[column];
    if (v.state != CellState::Number || !v.value) return std::nullopt;
    if (t_.columns[column].kind == NumberKind::Count && !v.value->isWhole()) return std::nullopt;
    return v.value;
  }

  RelationTerm term(std::string id, const TableRow* row, std::size_t column) const {
    RelationTerm out;
    out.id = std::move(id);
    out.row = row;
    out.column = column;
    if (row && linedUp(*row) && column < row->values.size()) {
      out.cell = &row->values[column];
      out.value = value(*row, column);
    }
    return out;
  }

  // The rows standing for `ids`, nullptr for a missing one: a missing row
  // whose group was written as a single row (2019 format) is counted through
  // that group row, once.
  std::vector<std::pair<std::string, const TableRow*>> termRows(const std::vector<std::string>& ids) const {
    std::vector<std::pair<std::string, const TableRow*>> out;
    auto counted = [&](const TableRow* r) {
      return std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.second == r; });
    };
    for (const auto& id : ids) {
      int index = t_.rowIndex(id);
      if (const TableRow* r = row(index)) {
        out.emplace_back(id, r);
        continue;
      }
      const TemplateRow* tr = index < 0 ? nullptr : &t_.rows[static_cast<std::size_t>(index)];
      int groupIndex = tr && !tr->group.empty() ? t_.rowIndex(tr->group) : -1;
      const TableRow* group = row(groupIndex);
      if (!group || !t_.rows[static_cast<std::size_t>(groupIndex)].labelOnly) {
        out.emplace_back(id, nullptr);
        continue;
      }
      if (!counted(group)) out.emplace_back(tr->group, group);
    }
    return out;
  }

  const std::map<int, const TableRow*>& rows() const { return rows_; }

 private:
  const TemplateTable& t_;
  std::map<int, const TableRow*> rows_;
};

RelationCheck placed(const TemplateRelation& rel, const Table& table, const TemplateTable& t,
                     const TableRow* row, std::size_t column) {
  RelationCheck check;
  check.relation = &rel;
  check.table = &table;
  check.templateTable = &t;
  check.row = row;
  check.column = column;
  return check;
}

RelationSide addUp(std::vector<RelationTerm> terms) {
  RelationSide side;
  side.terms = std::move(terms);
  Number sum;
  for (const auto& t : side.terms) {
    if (!t.value) return side;
    sum = sum + *t.value;
  }
  side.sum = sum;
  return side;
}

void settle(RelationCheck& check) {
  check.checkable = check.left.sum && check.compared();
  check.holds = check.checkable && *check.left.sum == *check.compared();
}

void columnSum(const TemplateRelation& rel, const Table& table, const TemplateTable& t,
               std::vector<RelationCheck>& out) {
  Grid grid(table, t);
  int target = t.columnIndex(rel.target);
  if (target < 0) return;
  for (const auto& [index, row] : grid.rows()) {
    if (!grid.linedUp(*row)) continue;
    RelationCheck check = placed(rel, table, t, row, static_cast<std::size_t>(target));
    check.target = &row->values[check.column];
    check.actual = grid.value(*row, check.column);
    std::vector<RelationTerm> terms;
    for (const auto& id : rel.terms) {
      int column = t.columnIndex(id);
      terms.push_back(grid.term(id, column < 0 ? nullptr : row, column < 0 ? 0 : static_cast<std::size_t>(column)));
    }
    check.left = addUp(std::move(terms));
    settle(check);
    out.push_back(std::move(check));
  }
}

void rowSum(const TemplateRelation& rel, const Table& table, const TemplateTable& t,
            std::vector<RelationCheck>& out) {
  Grid grid(table, t);
  const TableRow* target = grid.row(t.rowIndex(rel.target));
  if (!target || !grid.linedUp(*target)) return;
  auto termRows = grid.termRows(rel.terms);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    RelationCheck check = placed(rel, table, t, target, c);
    check.target = &target->values[c];
    check.actual = grid.value(*target, c);
    std::vector<RelationTerm> terms;
    for (const auto& [id, row] : termRows) terms.push_back(grid.term(id, row, c));
    check.left = addUp(std::move(terms));
    settle(check);
    out.push_back(std::move(check));
  }
}

void rowBalance(const TemplateRelation& rel, const Table& table, const TemplateTable& t,
                std::vector<RelationCheck>& out) {
  Grid grid(table, t);
  auto left = grid.termRows(rel.left);
  auto right = grid.termRows(rel.right);
  auto missing = [](const auto& rows) {
    return rows.empty() || std::any_of(rows.begin(), rows.end(), [](const auto& p) { return !p.second; });
  };
  if (missing(left) || missing(right)) return;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    RelationCheck check = placed(rel, table, t, nullptr, c);
    std::vector<RelationTerm> l, r;
    for (const auto& [id, row] : left) l.push_back(grid.term(id, row, c));
    for (const auto& [id, row] : right) r.push_back(grid.term(id, row, c));
    check.left = addUp(std::move(l));
    check.right = addUp(std::move(r));
    settle(check);
    out.push_back(std::move(check));
  }
}

}  // namespace

std::vector<RelationCheck> evaluateRelations(const Template& tmpl, const ReportModel& model) {
  std::vector<RelationCheck> out;
  for (const auto& rel : tmpl.relations) {
    for (const auto& table : model.tables) {
      if (table.templateTable < 0 || static_cast<std::size_t>(table.templateTable) >= tmpl.tables.size()) continue;
      const TemplateTable& t = tmpl.tables[static_cast<std::size_t>(table.templateTable)];
      if (t.id != rel.table) continue;
      switch (rel.kind) {
        case RelationKind::ColumnSum: columnSum(rel, table, t, out); break;
        case RelationKind::RowSum: rowSum(rel, table, t, out); break;
        case RelationKind::RowBalance: rowBalance(rel, table, t, out); break;
      }
    }
  }
  return out;
}

std::vector<const RelationCheck*> checksAt(const std::vector<RelationCheck>& checks, const ValueCell* cell) {
  std::vector<const RelationCheck*> out;
  if (!cell) return out;
  auto adds = [&](const RelationSide& side) {
    return std::any_of(side.terms.begin(), side.terms.end(), [&](const RelationTerm& t) { return t.cell == cell; });
  };
  for (const auto& check : checks) {
    bool balance = check.relation->kind == RelationKind::RowBalance;
    if (balance ? adds(check.left) || adds(check.right) : check.target == cell) out.push_back(&check);
  }
  return out;
}

}  // namespace nianbao
