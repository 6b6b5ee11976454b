#include "features/RelationText.h"

namespace nianbao {
namespace {

// Beyond this many names a formula keeps only its first and last.
constexpr std::size_t kMaxNamedTerms = 6;

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

bool isBalance(const RelationCheck& check) { return check.relation->kind == RelationKind::RowBalance; }

}  // namespace

std::string RelationText::list(const std::vector<std::string>& items) const {
  return joined(items, message("hover-list-separator"));
}

std::string RelationText::columnName(const TemplateColumn& column) const {
  if (column.group.empty()) return column.label;
  return message("hover-column-in-group", {{"group", column.group}, {"column", column.label}});
}

std::string RelationText::rowLabel(const TemplateTable& table, const std::string& id) const {
  const TemplateRow* row = table.row(id);
  if (!row) return id;
  return row->label.empty() ? table.name : row->label;
}

std::string RelationText::termName(const RelationCheck& check, const RelationTerm& term) const {
  const TemplateTable& t = *check.templateTable;
  if (check.relation->kind == RelationKind::ColumnSum) {
    int column = t.columnIndex(term.id);
    return column < 0 ? term.id : columnName(t.columns[static_cast<std::size_t>(column)]);
  }
  return rowLabel(t, term.id);
}

std::string RelationText::numbers(const RelationSide& side) const {
  std::vector<std::string> out;
  for (const auto& term : side.terms) out.push_back(term.value ? term.value->toString() : "?");
  return joined(out, " + ");
}

std::string RelationText::names(const std::vector<std::string>& items) const {
  if (items.size() <= kMaxNamedTerms) return joined(items, " + ");
  return message("hover-elided",
                 {{"first", items.front()}, {"last", items.back()}, {"count", std::to_string(items.size())}});
}

std::string RelationText::line(const RelationCheck& check) const {
  const TemplateTable& t = *check.templateTable;
  auto sideNames = [&](const RelationSide& side) {
    std::vector<std::string> out;
    for (const auto& term : side.terms) out.push_back(termName(check, term));
    return names(out);
  };
  std::string out;
  if (isBalance(check)) {
    auto sum = [](const RelationSide& side) { return side.sum ? side.sum->toString() : std::string("?"); };
    out = sideNames(check.left) + " = " + sideNames(check.right) +
          message("hover-balance-values", {{"left_terms", numbers(check.left)},
                                           {"left", sum(check.left)},
                                           {"right_terms", numbers(check.right)},
                                           {"right", sum(check.right)}});
    if (!check.checkable) return out + message("hover-not-checked");
    return out + (check.holds ? " ✓" : " ✗");
  }
  const TemplateColumn& column = t.columns[check.column];
  std::string target = check.relation->kind == RelationKind::ColumnSum
                           ? columnName(column)
                           : message("hover-row-in-column", {{"row", rowLabel(t, check.relation->target)},
                                                             {"column", columnName(column)}});
  out = target + " = " + numbers(check.left);
  if (check.left.sum) out += " = " + check.left.sum->toString();
  if (!check.checkable) return out + message("hover-not-checked");
  if (check.holds) return out + " ✓";
  return out + " ✗" + message("hover-written-value", {{"actual", check.actual->toString()}});
}

std::vector<std::string> RelationText::termDetails(const RelationCheck& check) const {
  std::vector<std::string> nonZero, unusable, missing;
  for (const RelationSide* side : {&check.left, &check.right})
    for (const auto& term : side->terms) {
      std::string name = termName(check, term);
      if (!term.row) {
        missing.push_back(name);
      } else if (!term.value) {
        std::string written = term.cell ? term.cell->cell.text : std::string("?");
        unusable.push_back(message("hover-term-written", {{"label", name}, {"text", written}}));
      } else if (term.value->tenThousandths != 0) {
        nonZero.push_back(message("hover-term-value", {{"label", name}, {"value", term.value->toString()}}));
      }
    }
  std::vector<std::string> out;
  if (!nonZero.empty()) out.push_back(message("hover-nonzero-terms", {{"terms", list(nonZero)}}));
  if (!unusable.empty()) out.push_back(message("hover-unusable-terms", {{"terms", list(unusable)}}));
  if (!missing.empty()) out.push_back(message("hover-missing-terms", {{"terms", list(missing)}}));
  return out;
}

std::string RelationText::formula(const TemplateRelation& relation, const TemplateTable& table) const {
  auto rowNames = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(rowLabel(table, id));
    return names(out);
  };
  switch (relation.kind) {
    case RelationKind::ColumnSum: {
      auto column = [&](const std::string& id) {
        int c = table.columnIndex(id);
        return c < 0 ? id : columnName(table.columns[static_cast<std::size_t>(c)]);
      };
      std::vector<std::string> terms;
      for (const auto& id : relation.terms) terms.push_back(column(id));
      return column(relation.target) + " = " + names(terms);
    }
    case RelationKind::RowSum: return rowLabel(table, relation.target) + " = " + rowNames(relation.terms);
    case RelationKind::RowBalance: return rowNames(relation.left) + " = " + rowNames(relation.right);
  }
  return {};
}

}  // namespace nianbao
