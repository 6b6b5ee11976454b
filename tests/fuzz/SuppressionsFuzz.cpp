// libFuzzer target: inline suppressions and rule settings on arbitrary bytes.
//
// Input: byte 0 picks the locale (bit 7) and how many [rules] entries
// follow (bits 0–1); each entry is two bytes, a code (an index into the
// rule pages) and a severity (error, warning, info, hint, off). The rest is
// the text, analysed with the 2021 analyzer, then shownFindings.
//
// Checked:
//   - every shown finding's range, and its fix's edits, lie in the text;
//   - the nianbao comments findSuppressionComments finds are in order, each
//     on one line with its codes inside it (whole characters), and are the ones
//     suppressionCommentsOnLine finds on their lines (hover reads a line);
//   - every unused-suppression finding lies inside one of them, and has no
//     suppression fix of its own;
//   - for the first three other shown findings (each costs an analysis),
//     suppressionFix gives edits in the text, in order, not overlapping;
//     applied, the new text holds a comment naming the code; and if the
//     same finding (code, shifted place) is still reported there, it is no
//     longer shown. (A comment line reads as a blank line, so the finding
//     may be gone or moved: then nothing more is asked.)

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "Analyzer.h"
#include "fix/TextEdits.h"
#include "rules/RuleDocs.h"
#include "rules/RuleSettings.h"
#include "rules/Suppressions.h"
#include "templates/BuiltinTemplates.h"

namespace {

const nianbao::Analyzer& analyzer() {
  static const nianbao::Analyzer a(nianbao::governmentInformationDisclosure2021());
  return a;
}

// Aborts, naming the line of the check that failed.
void require(bool ok, int line = __builtin_LINE()) {
  if (ok) return;
  std::fprintf(stderr, "check failed at line %d of %s\n", line, __FILE__);
  std::abort();
}

bool inText(nianbao::ByteRange r, const nianbao::SourceText& text) { return r.begin <= r.end && r.end <= text.size(); }

// Whether `offset` is not inside a character (its byte is no continuation byte).
bool startsCharacter(const nianbao::SourceText& text, std::size_t offset) {
  if (offset >= text.size()) return offset == text.size();
  unsigned char b = static_cast<unsigned char>(text.slice({offset, offset + 1})[0]);
  return (b & 0xC0) != 0x80;
}

bool sameComment(const nianbao::SuppressionComment& a, const nianbao::SuppressionComment& b) {
  return a.kind == b.kind && a.range == b.range && a.codes == b.codes && a.codeRanges == b.codeRanges;
}

// Whether a disable or disable-next-line comment names `code` (whether it
// covers the finding is asked of shownFindings).
bool namesCode(const std::vector<nianbao::SuppressionComment>& comments, const std::string& code) {
  for (const auto& c : comments)
    if (c.kind != nianbao::SuppressionKind::Enable && std::find(c.codes.begin(), c.codes.end(), code) != c.codes.end())
      return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao;
  if (size == 0) return 0;
  std::string_view locale = (data[0] & 0x80) ? "en" : "zh";
  std::size_t entries = data[0] & 3;
  std::size_t header = 1 + 2 * entries;
  if (size < header) return 0;
  RuleSettings settings;
  const auto& docs = ruleDocs();
  for (std::size_t e = 0; e < entries && !docs.empty(); ++e) {
    std::string code(docs[data[1 + 2 * e] % docs.size()].code);
    static const char* const levels[] = {"error", "warning", "info", "hint", "off"};
    std::optional<Severity> level;
    require(parseRuleSeverity(levels[data[2 + 2 * e] % 5], level));
    settings.severity[code] = level;
  }

  SourceText text(std::string_view(reinterpret_cast<const char*>(data + header), size - header));
  Analysis a = analyzer().analyze(text);
  std::vector<Finding> shown = shownFindings(text, a.findings, settings, locale);
  std::vector<SuppressionComment> comments = findSuppressionComments(text);

  for (std::size_t i = 1; i < comments.size(); ++i) require(comments[i - 1].range.end <= comments[i].range.begin);
  for (const auto& c : comments) {
    require(inText(c.range, text) && c.codes.size() == c.codeRanges.size());
    require(text.lineOf(c.range.begin) == text.lineOf(c.range.end));
    for (const auto& r : c.codeRanges) {
      require(c.range.begin <= r.begin && r.begin < r.end && r.end <= c.range.end);
      require(startsCharacter(text, r.begin) && startsCharacter(text, r.end));
    }
    require(suppressionAt(comments, c.range.begin + 1) == &c);  // its end may be the next one's begin
  }
  // Hover reads one line: the same comments as the whole text's on it.
  for (std::size_t i = 0; i < comments.size();) {
    std::size_t line = text.lineOf(comments[i].range.begin);
    std::vector<SuppressionComment> onLine = suppressionCommentsOnLine(text, line);
    std::size_t n = 0;
    while (i + n < comments.size() && text.lineOf(comments[i + n].range.begin) == line) ++n;
    require(onLine.size() == n);
    for (std::size_t k = 0; k < n; ++k) require(sameComment(onLine[k], comments[i + k]));
    i += n;
  }

  for (const auto& f : shown) {
    require(inText(f.range, text));
    if (f.fix)
      for (const auto& e : f.fix->edits) require(inText(e.range, text));
    if (f.code == "unused-suppression") {
      require(!suppressionFix(text, f, locale));
      bool inside = std::any_of(comments.begin(), comments.end(), [&](const SuppressionComment& c) {
        return c.range.begin <= f.range.begin && f.range.end <= c.range.end;
      });
      require(inside);
    }
  }

  // The suppression fix of a few findings (each costs an analysis).
  std::size_t tried = 0;
  for (const auto& f : shown) {
    if (f.code == "unused-suppression") continue;
    if (++tried > 3) break;
    std::optional<Fix> fix = suppressionFix(text, f, locale);
    require(fix.has_value() && !fix->edits.empty());
    for (std::size_t i = 0; i < fix->edits.size(); ++i) {
      require(inText(fix->edits[i].range, text));
      if (i > 0) require(fix->edits[i - 1].range.end <= fix->edits[i].range.begin);
    }
    std::size_t skipped = 0;
    SourceText fixed(applyEdits(text.str(), fix->edits, &skipped));
    require(skipped == 0);
    require(namesCode(findSuppressionComments(fixed), f.code));
    // Where the finding is now: the edits are insertions, before it (the
    // comment above, the disable before a table) or after it (the enable).
    std::size_t begin = f.range.begin;
    for (const auto& e : fix->edits)
      if (e.range.empty() && e.range.begin <= f.range.begin && e.newText.find("nianbao-enable") == std::string::npos)
        begin += e.newText.size();
    bool insertions = std::all_of(fix->edits.begin(), fix->edits.end(), [](const TextEdit& e) { return e.range.empty(); });
    if (!insertions) continue;
    Analysis again = analyzer().analyze(fixed);
    bool stillThere = std::any_of(again.findings.begin(), again.findings.end(),
                                  [&](const Finding& g) { return g.code == f.code && g.range.begin == begin; });
    if (!stillThere) continue;  // the comment line changed how the text reads
    std::vector<Finding> after = shownFindings(fixed, again.findings, settings, locale);
    require(std::none_of(after.begin(), after.end(),
                         [&](const Finding& g) { return g.code == f.code && g.range.begin == begin; }));
  }
  return 0;
}
