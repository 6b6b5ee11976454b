#pragma once
// The severity each code is reported at, as a project's nianbao.toml sets it
// ([rules] sum-row = "warning", fee-conflict = "off"). The analyzer reports
// every code at its own severity; this is applied after, by whoever knows
// which project a text belongs to.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/Finding.h"
#include "text/SourceText.h"

namespace nianbao {

struct RuleSettings {
  // nullopt: off. Codes not named keep the rule's own severity.
  std::map<std::string, std::optional<Severity>, std::less<>> severity;
  bool empty() const { return severity.empty(); }
  // `other`'s entries win (a per-file entry over the project's).
  void overrideWith(const RuleSettings& other);
  friend bool operator==(const RuleSettings&, const RuleSettings&) = default;
};

// Findings of codes that are off removed, the others at their set severity.
void applyRuleSettings(const RuleSettings& settings, std::vector<Finding>& findings);

// What the user is shown of a text's findings: the suppressed ones removed
// and unused suppressions reported (Suppressions.h), then `settings`'
// severities. Codes are known by their documentation pages (RuleDocs.h).
// `scanner`, when given, finds the comments (an editor's document keeps one).
class SuppressionScanner;
std::vector<Finding> shownFindings(const SourceText& text, std::vector<Finding> findings, const RuleSettings& settings,
                                   std::string_view locale, SuppressionScanner* scanner = nullptr);

// "error", "warning", "info", "hint" or "off"; false for anything else.
bool parseRuleSeverity(std::string_view word, std::optional<Severity>& into);

}  // namespace nianbao
