#pragma once
// Each finding code's documentation page (docs/rules/CODE.md), embedded in
// the program at build time: `check --explain CODE` prints it, SARIF carries
// its summary as rule metadata, the server links diagnostics to it
// (codeDescription) and hover on a suppression comment shows it.

#include <string>
#include <string_view>
#include <vector>

#include "rules/Finding.h"

namespace nianbao {

struct RuleDoc {
  std::string_view code;      // sum-row
  Severity severity;          // what the rule reports unless nianbao.toml says otherwise
  std::string_view summary;   // one sentence: what it checks
  std::string_view markdown;  // the whole page
};

// Every code any rule reports, in the order of docs/rules/README.md.
const std::vector<RuleDoc>& ruleDocs();
// Null for a code no rule reports.
const RuleDoc* findRuleDoc(std::string_view code);
// Where the page is published: kRuleDocsBaseUrl + code + ".md".
std::string ruleDocUrl(std::string_view code);

}  // namespace nianbao
