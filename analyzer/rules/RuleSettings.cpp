#include "rules/RuleSettings.h"

#include <algorithm>

#include "rules/RuleDocs.h"
#include "rules/Suppressions.h"

namespace nianbao {

void RuleSettings::overrideWith(const RuleSettings& other) {
  for (const auto& [code, level] : other.severity) severity[code] = level;
}

void applyRuleSettings(const RuleSettings& settings, std::vector<Finding>& findings) {
  if (settings.empty()) return;
  std::erase_if(findings, [&](Finding& f) {
    auto it = settings.severity.find(f.code);
    if (it == settings.severity.end()) return false;
    if (!it->second) return true;
    f.severity = *it->second;
    return false;
  });
}

std::vector<Finding> shownFindings(const SourceText& text, std::vector<Finding> findings, const RuleSettings& settings,
                                   std::string_view locale, SuppressionScanner* scanner) {
  findings = applySuppressions(text, scanner ? scanner->find(text) : findSuppressionComments(text), std::move(findings),
                               locale, [](std::string_view code) { return findRuleDoc(code) != nullptr; });
  applyRuleSettings(settings, findings);
  return findings;
}

bool parseRuleSeverity(std::string_view word, std::optional<Severity>& into) {
  if (word == "off") {
    into.reset();
    return true;
  }
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info, Severity::Hint})
    if (word == severityName(s)) {
      into = s;
      return true;
    }
  return false;
}

}  // namespace nianbao
