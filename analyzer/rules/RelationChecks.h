#pragma once
// The template's arithmetic relations evaluated on a model, place by place:
// which cells each relation adds up, what they hold and whether it holds.
// The relation rules report the failures; hover and inlay hints show the
// same checks, so an editor never disagrees with the findings.

#include <optional>
#include <string>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"

namespace nianbao {

// One operand of a relation: a row's cell in a column.
struct RelationTerm {
  // The template id of what the term stands for: a column (column sums) or a
  // row (row sums, balances). A missing row counted through its label-only
  // group row (the 2019 format's single （六）其他处理) has the group's id.
  std::string id;
  const TableRow* row = nullptr;     // nullptr when the row is missing
  std::size_t column = 0;
  const ValueCell* cell = nullptr;   // nullptr when the row's cells do not line up with the columns
  std::optional<Number> value;       // set when the cell holds a usable number
};

// Terms added up.
struct RelationSide {
  std::vector<RelationTerm> terms;
  std::optional<Number> sum;         // set when every term has a value
};

// One relation at one place: a row of a column sum, a column of a row sum or
// of a balance.
struct RelationCheck {
  const TemplateRelation* relation = nullptr;
  const Table* table = nullptr;
  const TemplateTable* templateTable = nullptr;
  // Column sums: the row checked. Row sums: the target row. Balances: nullptr.
  const TableRow* row = nullptr;
  // Column sums: the target column. Row sums and balances: the column checked.
  std::size_t column = 0;
  // Sums: the total cell and what it holds. Balances: no target, no actual.
  const ValueCell* target = nullptr;
  std::optional<Number> actual;
  // Sums: the terms in `left`, `right` empty. Balances: both sides.
  RelationSide left;
  RelationSide right;
  // Every number the relation needs is present and usable.
  bool checkable = false;
  // Checkable, and the two sides agree.
  bool holds = false;

  // The number the target should hold (sums), or the left side (balances).
  std::optional<Number> expected() const { return left.sum; }
  // The number compared with `expected`: the actual total, or the right side.
  std::optional<Number> compared() const {
    return relation && relation->kind == RelationKind::RowBalance ? right.sum : actual;
  }
};

// Every check of every relation in the model's tables, in the order findings
// are reported: relations as the template lists them, then tables in document
// order, then rows by template row (column sums) or columns left to right.
// A place is listed when its target cell can be lined up with the columns
// (sums) or both sides' rows exist (balances); whether its numbers are usable
// is `checkable`.
std::vector<RelationCheck> evaluateRelations(const Template& tmpl, const ReportModel& model);

// The checks whose target is `cell` (sums) or that add `cell` up on either
// side (balances): what a person looking at that cell wants explained.
std::vector<const RelationCheck*> checksAt(const std::vector<RelationCheck>& checks, const ValueCell* cell);

}  // namespace nianbao
