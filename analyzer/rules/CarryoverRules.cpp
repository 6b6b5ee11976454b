#include "rules/CarryoverRules.h"

#include <algorithm>

#include "parse/ReportBody.h"
#include "rules/RuleContext.h"

namespace nianbao {
namespace {

std::optional<CarriedFigure> figure(const ValueCell* cell) {
  if (!cell || cell->state != CellState::Number || !cell->value) return std::nullopt;
  return CarriedFigure{*cell->value, cell->cell.range};
}

// The cells of `row` in `table`, by column (null where there is none).
std::vector<const ValueCell*> rowCells(const RuleContext& ctx, const std::string& table, const std::string& row) {
  std::vector<const ValueCell*> out;
  const TemplateTable* tt = ctx.tmpl.table(table);
  if (!tt) return out;
  for (const auto& column : tt->columns) out.push_back(ctx.cell({table, row, column.id}));
  return out;
}

}  // namespace

ReportSummary summarizeReport(const Template& t, const SourceText& text, const Analysis& analysis) {
  ReportSummary s;
  if (!t.carryover || !analysis.model.isReport) return s;
  const TemplateCarryover& c = *t.carryover;
  s.isReport = true;
  s.year = analysis.dates.year();
  s.body = reportingBody(text, analysis.dates, c);
  std::vector<Finding> none;
  RuleContext ctx{text, t, analysis.model, none, "zh", &analysis.dates};
  for (const ValueCell* cell : rowCells(ctx, c.carriedOut.table, c.carriedOut.row)) s.carriedOut.push_back(figure(cell));
  if (const TemplateTable* tt = t.table(c.inForceTable))
    for (const auto& row : tt->rows) s.inForce.push_back(figure(ctx.cell({c.inForceTable, row.id, c.inForce})));
  return s;
}

bool isLastYearsReport(const Template& t, const ReportSummary& previous, const ReportSummary& current) {
  return t.carryover && previous.year && current.year && *previous.year + 1 == *current.year &&
         sameReportingBody(previous.body, current.body, *t.carryover);
}

std::vector<Finding> checkCarryover(const Template& t, std::string_view locale, const SourceText& text,
                                    const Analysis& analysis, const ReportSummary& previous,
                                    std::shared_ptr<const OtherDocument> previousDocument) {
  std::vector<Finding> findings;
  if (!t.carryover || !analysis.model.isReport) return findings;
  const TemplateCarryover& c = *t.carryover;
  RuleContext ctx{text, t, analysis.model, findings, locale, &analysis.dates};
  std::string year = previous.year ? std::to_string(*previous.year) : "?";
  auto related = [&](ByteRange range, std::string message) {
    return std::vector<RelatedLocation>{{range, std::move(message), previousDocument}};
  };

  // Applications still open at the end of last year are this year's 上年结转, column by column.
  const TemplateTable* applications = t.table(c.carriedIn.table);
  std::vector<const ValueCell*> carriedIn = rowCells(ctx, c.carriedIn.table, c.carriedIn.row);
  for (std::size_t col = 0; applications && col < carriedIn.size() && col < previous.carriedOut.size(); ++col) {
    auto now = figure(carriedIn[col]);
    const auto& before = previous.carriedOut[col];
    if (!now || !before || now->value == before->value) continue;
    std::map<std::string, std::string> args{{"column", applications->columns[col].label},
                                            {"value", now->value.toString()},
                                            {"previous", before->value.toString()},
                                            {"year", year}};
    ctx.report("carryover-mismatch", Severity::Warning, now->range, t.message("carryover-applications", args, locale),
               related(before->range, t.message("carryover-applications-related", args, locale)));
  }

  // 现行有效件数 rolls forward: last year's, plus what was made, minus what was repealed.
  const TemplateTable* inForce = t.table(c.inForceTable);
  for (std::size_t row = 0; inForce && row < inForce->rows.size() && row < previous.inForce.size(); ++row) {
    const std::string& id = inForce->rows[row].id;
    auto now = figure(ctx.cell({c.inForceTable, id, c.inForce}));
    auto issued = figure(ctx.cell({c.inForceTable, id, c.issued}));
    auto repealed = figure(ctx.cell({c.inForceTable, id, c.repealed}));
    const auto& before = previous.inForce[row];
    if (!now || !issued || !repealed || !before) continue;
    Number expected = before->value + issued->value - repealed->value;
    if (expected == now->value) continue;
    std::map<std::string, std::string> args{{"row", inForce->rows[row].label},
                                            {"value", now->value.toString()},
                                            {"previous", before->value.toString()},
                                            {"issued", issued->value.toString()},
                                            {"repealed", repealed->value.toString()},
                                            {"expected", expected.toString()},
                                            {"year", year}};
    ctx.report("carryover-mismatch", Severity::Warning, now->range, t.message("carryover-in-force", args, locale),
               related(before->range, t.message("carryover-in-force-related", args, locale)));
  }
  return findings;
}

}  // namespace nianbao
