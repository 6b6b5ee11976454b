#pragma once
// carryover-mismatch: this year's report against last year's by the same
// body. Unlike the other rules it needs two texts, so the caller (the command
// line's --previous, the server's workspace index) finds last year's report
// and keeps its summary; the analyzer only compares.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Analyzer.h"

namespace nianbao {

// A figure next year's report must start from, and where it is written.
struct CarriedFigure {
  Number value;
  ByteRange range;
  friend bool operator==(const CarriedFigure&, const CarriedFigure&) = default;
};

// What a report hands on to next year's, and whose report of which year it is.
struct ReportSummary {
  bool isReport = false;
  std::string body;         // as reportingBody names it; empty if it names none
  std::optional<int> year;
  std::vector<std::optional<CarriedFigure>> carriedOut;  // 四、结转下年度继续办理, by column
  std::vector<std::optional<CarriedFigure>> inForce;     // 现行有效件数, by row of its table
  friend bool operator==(const ReportSummary&, const ReportSummary&) = default;
};

// Empty (no year) if the template compares no years or `analysis` is not a report.
ReportSummary summarizeReport(const Template& t, const SourceText& text, const Analysis& analysis);

// Whether `previous` is the report of the year before `current`'s, by the same body.
bool isLastYearsReport(const Template& t, const ReportSummary& previous, const ReportSummary& current);

// The findings of this year's report (`text`, `analysis`) against last year's,
// summarised in `previous`, whose text is `previousDocument` (for the related
// locations). Whether `previous` is last year's report is the caller's
// judgement (isLastYearsReport, or the user naming it with --previous).
std::vector<Finding> checkCarryover(const Template& t, std::string_view locale, const SourceText& text,
                                    const Analysis& analysis, const ReportSummary& previous,
                                    std::shared_ptr<const OtherDocument> previousDocument);

}  // namespace nianbao
