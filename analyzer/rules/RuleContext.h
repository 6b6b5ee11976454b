#pragma once
#include <string_view>
#include <utility>
#include <vector>

#include "model/ReportModel.h"
#include "parse/ReportDates.h"
#include "rules/Finding.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

// What every rule reads, and where it writes.
struct RuleContext {
  const SourceText& text;
  const Template& tmpl;
  const ReportModel& model;
  std::vector<Finding>& findings;
  std::string_view locale;  // the wording of messages: "zh" or "en"
  // The report's dates, read once per analysis by the caller (null: each
  // rule that needs them reads them).
  const ReportDates* dates = nullptr;

  ReportDates readDates() const { return dates ? *dates : findReportDates(text, model, tmpl); }

  void report(std::string code, Severity severity, ByteRange range, std::string message,
              std::optional<Fix> fix = std::nullopt) const {
    findings.push_back({std::move(code), severity, range, std::move(message), std::move(fix), {}});
  }
  void report(std::string code, Severity severity, ByteRange range, std::string message,
              std::vector<RelatedLocation> related) const {
    findings.push_back({std::move(code), severity, range, std::move(message), std::nullopt, std::move(related)});
  }
  // The whole content of `line`, for findings about a place rather than a token.
  ByteRange lineRange(std::size_t line) const { return {text.lineStart(line), text.lineEnd(line)}; }

  // The first heading of the part numbered `numeral` (a repeated part is read
  // where it first appears), or nullptr if the report lacks it.
  const PartHeading* partHeading(const std::string& numeral) const {
    int part = tmpl.partIndex(numeral);
    if (part < 0) return nullptr;
    for (const auto& h : model.parts)
      if (h.part == part) return &h;
    return nullptr;
  }
  // The lines after `heading` up to the next part heading: [first, last).
  std::pair<std::size_t, std::size_t> partBody(const PartHeading& heading) const {
    std::size_t last = text.lineCount();
    for (const auto& h : model.parts)
      if (h.line > heading.line && h.line < last) last = h.line;
    return {heading.line + 1, last};
  }

  // The cell `ref` names, in the first row of its kind; nullptr if the table
  // or the row is missing, or the row's cells do not line up with the columns.
  const ValueCell* cell(const TemplateCellRef& ref) const {
    const TemplateTable* tt = tmpl.table(ref.table);
    if (!tt) return nullptr;
    int tableIndex = static_cast<int>(tt - tmpl.tables.data());
    int row = tt->rowIndex(ref.row), column = tt->columnIndex(ref.column);
    for (const auto& table : model.tables) {
      if (table.templateTable != tableIndex) continue;
      for (const auto& r : table.rows)
        if (r.templateRow == row)
          return r.values.size() == tt->columns.size() && column >= 0 ? &r.values[static_cast<std::size_t>(column)]
                                                                        : nullptr;
    }
    return nullptr;
  }
};

// Part structure: section-missing, section-order, section-duplicate,
// section-title, topic-missing.
void checkSections(const RuleContext& ctx);

// Table shape: table-missing, row-missing, row-unknown, label-mismatch,
// cell-count, cell-invalid.
void checkTableStructure(const RuleContext& ctx);

// The template's arithmetic relations: sum-row, sum-results, balance,
// sum-review (the code of each comes from the template).
void checkRelations(const RuleContext& ctx);

// Numbers the prose states against the tables: text-table-mismatch.
void checkProseAgainstTables(const RuleContext& ctx);

// The report's year in its title, statistics period and prose: year-mismatch,
// period-invalid.
void checkDates(const RuleContext& ctx);

// Values the reporting body cannot have: implausible-value.
void checkPlausibility(const RuleContext& ctx);

// The 2019 format left in a report: obsolete-format (it takes over checkTableStructure's finding on the same cell, so it runs after it).
void checkFormat(const RuleContext& ctx);

// Part 五 left empty, or naming problems without improvements: part-empty.
void checkPartContent(const RuleContext& ctx);

// The prose's fees against part 二's 行政事业性收费: fee-conflict.
void checkFees(const RuleContext& ctx);

}  // namespace nianbao
