// implausible-value: values a body of the report's kind cannot report (a
// township's 规章, a township's fees in the thousands of 万元).
#include <algorithm>
#include <string>

#include "parse/JoinedText.h"
#include "parse/ReportDates.h"
#include "rules/RuleContext.h"

namespace nianbao {
namespace {

bool containsAny(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return !w.empty() && s.find(w) != std::string_view::npos; });
}

bool endsWithAny(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return !w.empty() && s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
  });
}

std::string_view trimMarkup(std::string_view s) {
  auto strip = [](char c) { return c == ' ' || c == '\t' || c == '#' || c == '*'; };
  while (!s.empty() && strip(s.front())) s.remove_prefix(1);
  while (!s.empty() && strip(s.back())) s.remove_suffix(1);
  return s;
}

// The lines after part `index`'s heading, up to the next part heading.
std::pair<std::size_t, std::size_t> partLines(const RuleContext& ctx, const PartHeading& heading) {
  std::size_t last = ctx.text.lineCount();
  for (const auto& h : ctx.model.parts)
    if (h.line > heading.line) last = std::min(last, h.line);
  return {heading.line + 1, last};
}

// Whether the report is a township's (乡镇, 街道): the body named before
// the title's year, or the prose of the first part calling itself 我镇.
bool isTownship(const RuleContext& ctx, const TemplatePlausibility& pl) {
  ReportDates dates = ctx.readDates();
  if (dates.title) {
    std::size_t line = ctx.text.lineOf(dates.title->range.begin);
    std::string_view titleLine = ctx.text.lineText(line);
    std::string_view body = trimMarkup(titleLine.substr(0, dates.title->range.begin - ctx.text.lineStart(line)));
    // A title over two lines names the body on the line before the year.
    for (std::size_t l = line; body.empty() && l > 0; --l) body = trimMarkup(ctx.text.lineText(l - 1));
    if (endsWithAny(body, pl.townshipNameEndings)) return true;
  }
  if (ctx.model.parts.empty()) return false;
  const PartHeading& first = ctx.model.parts.front();
  auto [from, to] = partLines(ctx, first);
  return containsAny(joinProse(ctx.text, ctx.model, from, std::min(to, from + 200)).bytes, pl.townshipWords);
}

}  // namespace

void checkPlausibility(const RuleContext& ctx) {
  if (!ctx.tmpl.plausibility) return;
  const TemplatePlausibility& pl = *ctx.tmpl.plausibility;
  bool township = false, known = false;
  auto townshipReport = [&] {
    if (!known) township = isTownship(ctx, pl), known = true;
    return township;
  };
  for (const auto& ref : pl.townshipZeroCells) {
    const ValueCell* cell = ctx.cell(ref);
    if (!cell || cell->state != CellState::Number || !cell->value || cell->value->tenThousandths == 0) continue;
    if (!townshipReport()) return;
    ctx.report("implausible-value", Severity::Info, cell->cell.range,
               ctx.tmpl.message("implausible-rules", {{"value", cell->value->toString()}}, ctx.locale));
  }
  Number max{static_cast<std::int64_t>(pl.townshipAmountMax * Number::kScale)};
  for (const auto& ref : pl.townshipAmountCells) {
    const ValueCell* cell = ctx.cell(ref);
    if (!cell || cell->state != CellState::Number || !cell->value || *cell->value <= max) continue;
    if (!townshipReport()) return;
    ctx.report("implausible-value", Severity::Info, cell->cell.range,
               ctx.tmpl.message("implausible-amount", {{"value", cell->value->toString()}, {"max", max.toString()}},
                                ctx.locale));
  }
}

}  // namespace nianbao
