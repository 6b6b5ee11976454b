// The rule pages embedded by cmake/EmbedRuleDocs.cmake, read once.
#include "rules/RuleDocs.h"

#include <cstdio>
#include <cstdlib>

namespace nianbao {
namespace embedded {
// Generated: EmbeddedRuleDocs.cpp, in the order of docs/rules/README.md.
extern const std::size_t kRuleDocCount;
extern const std::string_view kRuleDocCodes[];
extern const std::string_view kRuleDocPages[];
}  // namespace embedded

namespace {

// The next line of `text` from `*at` (without its \n), moving *at past it.
std::optional<std::string_view> nextLine(std::string_view text, std::size_t* at) {
  if (*at >= text.size()) return std::nullopt;
  std::size_t end = text.find('\n', *at);
  if (end == std::string_view::npos) return std::nullopt;  // a header line always has its line break
  std::string_view line = text.substr(*at, end - *at);
  *at = end + 1;
  return line;
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

std::optional<Severity> severityNamed(std::string_view name) {
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info, Severity::Hint})
    if (severityName(s) == name) return s;
  return std::nullopt;
}

bool isCode(std::string_view code) {
  if (code.empty() || code.front() < 'a' || code.front() > 'z') return false;
  for (char c : code)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::vector<RuleDoc> readEmbedded() {
  std::vector<RuleDoc> docs;
  for (std::size_t i = 0; i < embedded::kRuleDocCount; ++i) {
    std::string error;
    std::optional<RuleDoc> doc = parseRuleDoc(embedded::kRuleDocCodes[i], embedded::kRuleDocPages[i], &error);
    if (!doc) {
      // The build checks the same header (cmake/EmbedRuleDocs.cmake): this is
      // the two disagreeing, which must not pass unnoticed.
      std::fprintf(stderr, "nianbao: internal error: docs/rules/%.*s.md: %s\n",
                   static_cast<int>(embedded::kRuleDocCodes[i].size()), embedded::kRuleDocCodes[i].data(),
                   error.c_str());
      std::abort();
    }
    docs.push_back(*doc);
  }
  return docs;
}

}  // namespace

std::optional<RuleDoc> parseRuleDoc(std::string_view code, std::string_view markdown, std::string* error) {
  constexpr std::string_view kSeverity = "**Severity:** ", kFix = " · **Fix:** ";
  std::size_t at = 0;
  auto line = [&] { return nextLine(markdown, &at); };
  if (!isCode(code)) return fail(error, "'" + std::string(code) + "' is no code (lower-case letters, digits, -)"), std::nullopt;
  if (markdown.find('\r') != std::string_view::npos) return fail(error, "CR line breaks; the pages are LF only"), std::nullopt;
  auto title = line();
  if (!title || *title != "# " + std::string(code))
    return fail(error, "the first line is not '# " + std::string(code) + "'"), std::nullopt;
  auto blank = line();
  auto meta = line();
  if (!blank || !blank->empty() || !meta || !meta->starts_with(kSeverity))
    return fail(error, "the third line is not '**Severity:** … · **Fix:** …' after a blank line"), std::nullopt;
  std::string_view rest = meta->substr(kSeverity.size());
  std::size_t sep = rest.find(kFix);
  if (sep == std::string_view::npos) return fail(error, "the severity line has no ' · **Fix:** '"), std::nullopt;
  std::optional<Severity> severity = severityNamed(rest.substr(0, sep));
  if (!severity)
    return fail(error, "severity '" + std::string(rest.substr(0, sep)) + "' is not error, warning, info or hint"),
           std::nullopt;
  std::string_view fix = rest.substr(sep + kFix.size());
  if (fix != "yes" && fix != "some" && fix != "no")
    return fail(error, "fix '" + std::string(fix) + "' is not yes, some or no"), std::nullopt;
  blank = line();
  auto summary = line();
  auto after = line();
  if (!blank || !blank->empty() || !summary || summary->empty() || !after || !after->empty())
    return fail(error, "the fifth line is not a one-line summary between blank lines"), std::nullopt;
  if (std::string_view("#*|>` -").find(summary->front()) != std::string_view::npos)
    return fail(error, "the fifth line is not a summary sentence: '" + std::string(*summary) + "'"), std::nullopt;
  return RuleDoc{code, *severity, *summary, markdown, fix};
}

const std::vector<RuleDoc>& ruleDocs() {
  static const std::vector<RuleDoc> docs = readEmbedded();
  return docs;
}

const RuleDoc* findRuleDoc(std::string_view code) {
  for (const RuleDoc& doc : ruleDocs())
    if (doc.code == code) return &doc;
  return nullptr;
}

std::string ruleDocUrl(std::string_view code) {
  return std::string(kRuleDocsBaseUrl) + std::string(code) + ".md";
}

}  // namespace nianbao
