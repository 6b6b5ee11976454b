// year-mismatch and period-invalid: the title, the statistics period and the
// years part 一's sentences open with must all be the report's one year,
// and the period must be that whole calendar year.
#include <string>

#include "parse/ReportDates.h"
#include "rules/RuleContext.h"

namespace nianbao {

void checkDates(const RuleContext& ctx) {
  if (!ctx.tmpl.dates) return;
  ReportDates dates = ctx.readDates();
  std::optional<int> year = dates.year();
  if (!year) return;
  // The year everything is measured against, and where it is written.
  ByteRange anchor = dates.title ? dates.title->range : dates.period->to.yearRange;
  std::string where = ctx.tmpl.message(dates.title ? "year-where-title" : "year-where-period", {}, ctx.locale);
  auto mismatch = [&](int other, ByteRange range) {
    if (other == *year || range == anchor) return;
    std::map<std::string, std::string> args{
        {"year", std::to_string(*year)}, {"other", std::to_string(other)}, {"where", where}};
    ctx.report("year-mismatch", Severity::Error, range, ctx.tmpl.message("year-mismatch", args, ctx.locale),
               std::vector<RelatedLocation>{{anchor, ctx.tmpl.message("year-related", args, ctx.locale)}});
  };
  if (dates.period) {
    const StatisticsPeriod& p = *dates.period;
    mismatch(p.from.year, p.from.yearRange);
    mismatch(p.to.year, p.to.yearRange);
    bool wholeYear = p.from.year == p.to.year && p.from.month == 1 && p.from.day == 1 && p.to.month == 12 &&
                     p.to.day == 31;
    if (!wholeYear) {
      std::string written = ctx.text.slice(p.range);
      ctx.report("period-invalid", Severity::Warning, p.range,
                 ctx.tmpl.message("period-invalid", {{"year", std::to_string(*year)}, {"written", written}}, ctx.locale));
    }
  }
  for (const YearMention& m : dates.openingYears) mismatch(m.year, m.range);
}

}  // namespace nianbao
