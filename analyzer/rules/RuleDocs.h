#pragma once
// Each finding code's documentation page (docs/rules/CODE.md), embedded in
// the program at build time: `check --explain CODE` prints it, SARIF carries
// its summary as rule metadata, the server links diagnostics to it
// (codeDescription) and hover on a suppression comment shows it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/Finding.h"

namespace nianbao {

// Where the pages are published; a page's address is this + code + ".md".
inline constexpr std::string_view kRuleDocsBaseUrl = "https://github.com/nianbao/nianbao/blob/main/docs/rules/";

struct RuleDoc {
  std::string_view code;      // sum-row
  Severity severity;          // what the rule reports unless nianbao.toml says otherwise
  std::string_view summary;   // one sentence: what it checks
  std::string_view markdown;  // the whole page
  std::string_view fix = {};  // "yes" (its findings carry a fix), "some" (some do) or "no"
};

// Every code any rule reports, in the order of docs/rules/README.md.
const std::vector<RuleDoc>& ruleDocs();
// Null for a code no rule reports.
const RuleDoc* findRuleDoc(std::string_view code);
// Where the page is published: kRuleDocsBaseUrl + code + ".md".
std::string ruleDocUrl(std::string_view code);

// A page's fixed header, as docs/rules/README.md describes it:
//   # CODE
//   (blank)
//   **Severity:** error|warning|info|hint · **Fix:** yes|some|no
//   (blank)
//   the summary, one line
//   (blank)
// The RuleDoc it gives (its views into `markdown`), or nullopt with *error
// saying what is wrong. ruleDocs() reads the embedded pages with it (the
// build has already refused malformed ones).
std::optional<RuleDoc> parseRuleDoc(std::string_view code, std::string_view markdown, std::string* error = nullptr);

}  // namespace nianbao
