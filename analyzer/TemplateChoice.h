#pragma once
// Which template a report is checked against: the one the user forces (the
// command line's --template, the server's nianbao.template setting), or the
// format of the report's own year (a report on 2020 was due in the 2019
// format, one on 2021 in the 2021 format). Holds one Analyzer per template.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Analyzer.h"

namespace nianbao {

class TemplateChoice {
 public:
  // `templates` newest first (builtinTemplates()); `forced` one of them, or
  // null to follow each report's year.
  TemplateChoice(const std::vector<const Template*>& templates, const std::string& locale,
                 const Template* forced = nullptr);

  // "auto" (or "") follows the year; otherwise a template's id or the year
  // its format came into force ("2019", "2021"). Null if it names none.
  static const Template* forcedByName(const std::vector<const Template*>& templates, std::string_view name,
                                      bool* known);

  // The analyzer of the template `name` names (as forcedByName reads it);
  // null for "auto" and for names of no template.
  const Analyzer* named(std::string_view name) const;

  bool forced() const { return forced_ != nullptr; }
  const Analyzer& newest() const { return *analyzers_.front(); }
  // The analyzer a report starts with: the forced one, else the newest.
  const Analyzer& first() const { return forced_ ? *forced_ : *analyzers_.front(); }
  // The analyzer for a report of `year` (the forced one whatever the year).
  const Analyzer& forYear(std::optional<int> year) const;

  // The analysis of `text` against the right template: first()'s, made again
  // with the year's template when the year calls for another one. `used`
  // gets the analyzer that made it.
  Analysis analyze(const SourceText& text, const Analyzer** used = nullptr) const;

 private:
  std::vector<std::unique_ptr<Analyzer>> analyzers_;  // one per template, newest first
  const Analyzer* forced_ = nullptr;
};

}  // namespace nianbao
