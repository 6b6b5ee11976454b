// table-missing, row-missing, row-unknown, label-mismatch, cell-count, cell-invalid.
#include <algorithm>
#include <map>
#include <set>

#include "rules/RowLayout.h"
#include "rules/RuleContext.h"

namespace nianbao {
namespace {

std::string listLabels(const std::vector<const TemplateRow*>& rows) {
  constexpr std::size_t kShown = 4;
  std::string out;
  for (std::size_t i = 0; i < rows.size() && i < kShown; ++i) {
    if (i) out += "、";
    out += rows[i]->label;
  }
  if (rows.size() > kShown) out += " …";
  return out;
}

class TableChecker {
 public:
  TableChecker(const RuleContext& ctx, const Table& table)
      : ctx_(ctx),
        table_(table),
        t_(ctx.tmpl.tables[static_cast<std::size_t>(table.templateTable)]),
        present_(firstRowsByTemplateRow(table)) {}

  void run() {
    unknownAndDuplicateRows();
    missingRows();
    labels();
    cells();
  }

 private:
  void unknownAndDuplicateRows() {
    std::size_t firstKnown = SIZE_MAX, lastKnown = 0;
    for (const auto& row : table_.rows)
      if (row.templateRow >= 0) {
        firstKnown = std::min(firstKnown, row.firstLine);
        lastKnown = std::max(lastKnown, row.lastLine);
      }
    for (const auto& row : table_.rows) {
      if (row.templateRow >= 0) {
        const TableRow* first = present_.at(row.templateRow);
        if (first != &row) {
          ctx_.report("row-unknown", Severity::Warning, labelOrRow(row),
                      ctx_.tmpl.message("row-duplicate", {{"table", t_.name},
                                                          {"label", rowName(row)},
                                                          {"first_line", std::to_string(first->firstLine + 1)}}, ctx_.locale));
        }
        continue;
      }
      if (!hasValues(row)) continue;
      // Space-aligned text has prose around its tables: only rows inside one,
      // or directly below its last known row, count.
      constexpr std::size_t kBelow = 2;
      if (row.layout == RowLayout::Spaced && (row.firstLine < firstKnown || row.lastLine > lastKnown + kBelow))
        continue;
      ctx_.report("row-unknown", Severity::Warning, labelOrRow(row),
                  ctx_.tmpl.message("row-unknown", {{"table", t_.name}, {"label", rowName(row)}}, ctx_.locale));
    }
  }

  // A group written as one row of its own (the 2019 format's （六）其他处理)
  // stands in for its children; they are missing, but counted through it.
  bool collapsedInto(const TemplateRow& row) const {
    if (row.group.empty()) return false;
    int g = t_.rowIndex(row.group);
    auto it = present_.find(g);
    return it != present_.end() && t_.rows[static_cast<std::size_t>(g)].labelOnly && hasValues(*it->second);
  }

  void missingRows() {
    std::vector<int> run;
    auto flush = [&] {
      if (!run.empty()) reportRun(run);
      run.clear();
    };
    for (std::size_t r = 0; r < t_.rows.size(); ++r) {
      const TemplateRow& row = t_.rows[r];
      if (row.labelOnly) continue;
      bool missing = !present_.count(static_cast<int>(r)) && !collapsedInto(row);
      if (missing) run.push_back(static_cast<int>(r));
      else flush();
    }
    flush();
    collapsedGroups();
  }

  void collapsedGroups() {
    for (const auto& [index, row] : present_) {
      const TemplateRow& tr = t_.rows[static_cast<std::size_t>(index)];
      if (!tr.labelOnly || !hasValues(*row)) continue;
      std::vector<const TemplateRow*> children;
      for (const TemplateRow* c : t_.children(tr.id))
        if (!present_.count(t_.rowIndex(c->id))) children.push_back(c);
      if (children.empty()) continue;
      ctx_.report("row-missing", Severity::Error, labelOrRow(*row),
                  ctx_.tmpl.message("row-missing-collapsed", {{"table", t_.name},
                                                              {"group", tr.label},
                                                              {"count", std::to_string(children.size())},
                                                              {"rows", listLabels(children)}}, ctx_.locale));
    }
  }

  const TableRow* presentBefore(int index) const {
    for (int r = index - 1; r >= 0; --r)
      if (auto it = present_.find(r); it != present_.end()) return it->second;
    return nullptr;
  }
  const TableRow* presentAfter(int index) const {
    for (int r = index + 1; r < static_cast<int>(t_.rows.size()); ++r)
      if (auto it = present_.find(r); it != present_.end()) return it->second;
    return nullptr;
  }

  void reportRun(const std::vector<int>& run) {
    std::vector<const TemplateRow*> rows;
    std::vector<NewRow> newRows;
    for (int r : run) {
      const TemplateRow& row = t_.rows[static_cast<std::size_t>(r)];
      rows.push_back(&row);
      NewRow n{"", row.label, t_.columns.size()};
      if (!row.group.empty()) {
        auto siblings = t_.children(row.group);
        const TemplateRow* group = t_.row(row.group);
        if (group && group->labelOnly && !siblings.empty() && siblings.front() == &row) n.groupLabel = group->label;
      }
      if (row.unlabeled) n.label.clear();
      newRows.push_back(std::move(n));
    }
    const TableRow* before = presentBefore(run.front());
    const TableRow* after = presentAfter(run.back());
    std::string eol(ctx_.text.dominantLineBreak());
    std::optional<Fix> fix;
    ByteRange range;
    // Copy the spacing of a row of the same group if there is one: group
    // rows and their sub-rows have different cells before the label.
    const TableRow* prototype = before ? before : after;
    const std::string& group = t_.rows[static_cast<std::size_t>(run.front())].group;
    for (const TableRow* candidate : {before, after})
      if (candidate && candidate->templateRow >= 0 &&
          t_.rows[static_cast<std::size_t>(candidate->templateRow)].group == group) {
        prototype = candidate;
        break;
      }
    if (prototype) {
      Fix f;
      f.title = ctx_.tmpl.message("fix-insert-rows", {}, ctx_.locale);
      f.insertsPlaceholders = true;
      std::string rowsText = formatRows(table_, *prototype, newRows, eol);
      if (before) {
        std::size_t at = ctx_.text.lineEnd(before->lastLine);
        rowsText.resize(rowsText.size() - eol.size());  // the line break goes first
        f.edits.push_back({{at, at}, eol + rowsText});
        range = ctx_.lineRange(before->lastLine);
      } else {
        std::size_t at = ctx_.text.lineStart(after->firstLine);
        f.edits.push_back({{at, at}, rowsText});
        range = ctx_.lineRange(after->firstLine);
      }
      fix = std::move(f);
    } else if (table_.title) {
      range = table_.title->range;
    } else {
      range = ctx_.lineRange(table_.firstLine);
    }
    ctx_.report("row-missing", Severity::Error, range,
                ctx_.tmpl.message("row-missing", {{"table", t_.name},
                                                  {"count", std::to_string(rows.size())},
                                                  {"rows", listLabels(rows)}}, ctx_.locale),
                std::move(fix));
  }

  void labels() {
    for (const auto& row : table_.rows) {
      if (row.templateRow < 0 || row.label.empty() || row.labelScore >= 1.0) continue;
      const TemplateRow& tr = t_.rows[static_cast<std::size_t>(row.templateRow)];
      if (tr.unlabeled) continue;
      reportLabel(row.labelRange, row.label, tr.label, !row.labelWrapped);
    }
    for (const auto& h : table_.headers) {
      if (h.score >= 1.0 || h.templateColumn < 0) continue;
      reportLabel(h.cell.range, h.cell.text, h.expected, true);
    }
  }

  void reportLabel(ByteRange range, const std::string& actual, const std::string& expected, bool fixable) {
    std::optional<Fix> fix;
    if (fixable) fix = Fix{ctx_.tmpl.message("fix-label", {{"expected", expected}}, ctx_.locale), {{range, expected}}};
    ctx_.report("label-mismatch", Severity::Warning, range,
                ctx_.tmpl.message("label-mismatch", {{"expected", expected}, {"actual", actual}}, ctx_.locale), std::move(fix));
  }

  void cells() {
    for (const auto& row : table_.rows) {
      if (row.templateRow < 0) continue;
      const TemplateRow& tr = t_.rows[static_cast<std::size_t>(row.templateRow)];
      if (tr.labelOnly && !hasValues(row)) continue;
      if (present_.at(row.templateRow) != &row) continue;  // duplicates already reported
      std::size_t expected = t_.columns.size();
      if (row.values.size() != expected) {
        ByteRange range = row.values.empty()
                              ? labelOrRow(row)
                              : ByteRange{row.values.front().cell.range.begin, row.values.back().cell.range.end};
        ctx_.report("cell-count", Severity::Error, range,
                    ctx_.tmpl.message("cell-count", {{"row", rowName(row)},
                                                     {"expected", std::to_string(expected)},
                                                     {"actual", std::to_string(row.values.size())}}, ctx_.locale));
      }
      for (std::size_t c = 0; c < row.values.size() && c < expected; ++c) checkCell(row, row.values[c], t_.columns[c]);
    }
  }

  void checkCell(const TableRow& row, const ValueCell& v, const TemplateColumn& column) {
    bool signedOk = column.kind == NumberKind::Change && v.state == CellState::Negative;  // a decrease
    bool number = v.state == CellState::Number || signedOk;
    bool fraction = number && v.value && column.kind != NumberKind::Amount && !v.value->isWhole();
    if (number && !fraction) return;
    std::map<std::string, std::string> args{{"row", rowName(row)},
                                            {"column", column.label},
                                            {"kind", ctx_.tmpl.kindName(column.kind, ctx_.locale)},
                                            {"actual", v.cell.text}};
    ctx_.report("cell-invalid", Severity::Error, v.cell.range,
                ctx_.tmpl.message(v.state == CellState::Blank ? "cell-blank" : "cell-invalid", args, ctx_.locale));
  }

  std::string rowName(const TableRow& row) const {
    if (!row.label.empty()) return row.label;
    if (row.templateRow >= 0) {
      const TemplateRow& tr = t_.rows[static_cast<std::size_t>(row.templateRow)];
      if (!tr.label.empty()) return tr.label;
    }
    return t_.name;
  }

  ByteRange labelOrRow(const TableRow& row) const {
    if (!row.labelRange.empty()) return row.labelRange;
    if (!row.values.empty()) return {row.values.front().cell.range.begin, row.values.back().cell.range.end};
    return ctx_.lineRange(row.firstLine);
  }

  const RuleContext& ctx_;
  const Table& table_;
  const TemplateTable& t_;
  std::map<int, const TableRow*> present_;
};

void checkMissingTables(const RuleContext& ctx) {
  const Template& t = ctx.tmpl;
  for (std::size_t ti = 0; ti < t.tables.size(); ++ti) {
    bool found = std::any_of(ctx.model.tables.begin(), ctx.model.tables.end(),
                             [&](const Table& table) { return table.templateTable == static_cast<int>(ti); });
    if (found) continue;
    int part = t.partIndex(t.tables[ti].part);
    std::optional<ByteRange> where;
    for (const auto& h : ctx.model.parts)
      if (h.part == part) {
        where = h.headingRange;
        break;
      }
    if (!where)  // the part heading is lost too: place it by a sibling table
      for (const auto& table : ctx.model.tables)
        if (table.templateTable >= 0 && t.partIndex(t.tables[static_cast<std::size_t>(table.templateTable)].part) == part) {
          where = ctx.lineRange(table.firstLine);
          break;
        }
    if (!where) continue;  // the whole part is missing: section-missing says so
    ctx.report("table-missing", Severity::Error, *where, t.message("table-missing", {{"table", t.tables[ti].name}}, ctx.locale));
  }
}

}  // namespace

void checkTableStructure(const RuleContext& ctx) {
  checkMissingTables(ctx);
  for (const auto& table : ctx.model.tables)
    if (table.templateTable >= 0) TableChecker(ctx, table).run();
}

}  // namespace nianbao
