// text-table-mismatch: a number the prose states (parse/ProseCounts) that
// the table it also appears in contradicts.
#include <map>
#include <string>

#include "parse/ProseCounts.h"
#include "rules/RelationChecks.h"
#include "rules/RuleContext.h"

namespace nianbao {
namespace {

struct TableSide {
  Number written;                       // the cells as written, added up
  std::optional<Number> computed;       // the same cells as their own terms add up, where a sum relation says
  std::vector<const ValueCell*> cells;  // for related information
  const TemplateTable* table = nullptr;
};

// What the table says of `q`, or nothing if a cell is missing or unusable.
std::optional<TableSide> tableSide(const RuleContext& ctx, const TemplateProseQuantity& q,
                                   const std::vector<RelationCheck>* checks) {
  TableSide side;
  Number computed{};
  bool computable = true, differs = false;
  for (const auto& ref : q.cells) {
    side.table = ctx.tmpl.table(ref.table);
    const ValueCell* cell = ctx.cell(ref);
    if (!cell || cell->state != CellState::Number || !cell->value) return std::nullopt;
    side.written = side.written + *cell->value;
    side.cells.push_back(cell);
    // A total its own terms contradict is sum-row's finding; the prose may
    // agree with the terms, and then it is not contradicting the table.
    std::optional<Number> own;
    if (checks)
      for (const RelationCheck* c : checksAt(*checks, cell))
        if (c->target == cell && c->checkable && c->expected()) own = c->expected();
    if (own && *own != *cell->value) differs = true;
    if (own) computed = computed + *own;
    else if (cell->value) computed = computed + *cell->value;
    else computable = false;
  }
  if (computable && differs) side.computed = computed;
  return side;
}

}  // namespace

void checkProseAgainstTables(const RuleContext& ctx) {
  if (!ctx.tmpl.proseCounts) return;
  const auto& quantities = ctx.tmpl.proseCounts->quantities;
  std::optional<std::vector<RelationCheck>> checks;  // evaluated only if a number disagrees
  for (const ProseCount& stated : findProseCounts(ctx.text, ctx.model, ctx.tmpl)) {
    if (stated.approximate) continue;
    const TemplateProseQuantity& q = quantities[static_cast<std::size_t>(stated.quantity)];
    Number value{stated.value * Number::kScale};
    auto side = tableSide(ctx, q, nullptr);
    if (!side || side->written == value) continue;
    if (!checks) checks = evaluateRelations(ctx.tmpl, ctx.model);
    side = tableSide(ctx, q, &*checks);
    if (!side || (side->computed && *side->computed == value)) continue;
    std::string quantity = ctx.tmpl.message("prose-" + q.id, {}, ctx.locale);
    std::map<std::string, std::string> args{{"quantity", quantity},
                                            {"stated", Number{value}.toString()},
                                            {"table", side->table->name},
                                            {"table_value", side->written.toString()}};
    std::vector<RelatedLocation> related;
    for (const ValueCell* cell : side->cells)
      related.push_back({cell->cell.range, ctx.tmpl.message("text-table-related", args, ctx.locale)});
    ctx.report("text-table-mismatch", Severity::Warning, stated.range,
               ctx.tmpl.message("text-table-mismatch", args, ctx.locale), std::move(related));
  }
}

}  // namespace nianbao
