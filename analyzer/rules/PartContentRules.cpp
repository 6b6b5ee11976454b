// part-empty: the part of problems and improvements (五) left without a word,
// or naming problems with nothing said of how they will be remedied.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "parse/JoinedText.h"
#include "parse/LineCells.h"
#include "rules/RuleContext.h"
#include "text/Digits.h"

namespace nianbao {
namespace {

constexpr std::size_t npos = std::string_view::npos;
// A keystroke must not read megabytes; the cues are near the part's start.
constexpr std::size_t kMaxBytes = 64 * 1024;

constexpr std::string_view kSentencePunctuation[] = {"。", "，", "；", "！", "？", ",", ";", "!", "?"};
constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

bool startsWith(std::string_view s, std::string_view w) { return s.substr(0, w.size()) == w; }

std::string_view trim(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\f')) s.remove_prefix(1), again = true;
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\f' || s.back() == '\r'))
      s.remove_suffix(1), again = true;
    if (startsWith(s, "\u3000")) s.remove_prefix(3), again = true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") s.remove_suffix(3), again = true;
  }
  return s;
}

// A numeral of an enumeration (一, 十二, 3, ３) at the start of `s`: its length.
std::size_t numeralLength(std::string_view s) {
  std::size_t at = 0;
  for (bool more = true; more;) {
    more = false;
    int digit = 0;
    if (std::size_t n = digitAt(s, at, &digit)) at += n, more = true;
    for (auto n : kNumerals)
      if (!more && startsWith(s.substr(at), n)) at += n.size(), more = true;
  }
  return at;
}

// （一）, (1), 一、, 1. or 1、 at the start of `s`: its length, or 0.
std::size_t enumeratorLength(std::string_view s) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}})
    if (startsWith(s, open)) {
      std::size_t n = numeralLength(s.substr(open.size()));
      std::string_view rest = s.substr(open.size() + n);
      return n && startsWith(rest, close) ? open.size() + n + close.size() : 0;
    }
  std::size_t n = numeralLength(s);
  if (!n) return 0;
  for (std::string_view after : {"、", ".", "．"})
    if (startsWith(s.substr(n), after)) return n + after.size();
  return 0;
}

// Whether a line says something. Blank lines, page footers and sub-headings
// with nothing under them (（一）存在的主要问题, ### 改进措施: a skeleton's or an
// outline's) do not; a line with a sentence's punctuation does.
bool isProseLine(std::string_view line) {
  std::string_view s = trim(line);
  if (s.empty() || isPageFooter(s) || isCommentLine(s)) return false;
  bool marked = s.front() == '#' || s.front() == '*';
  while (!s.empty() && std::string_view("#*>-+ \t").find(s.front()) != npos) s.remove_prefix(1);
  for (bool again = true; again;) {
    again = false;
    while (!s.empty() && (s.back() == '*' || s.back() == ' ' || s.back() == ':')) s.remove_suffix(1), again = true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "：") s.remove_suffix(3), again = true;
  }
  std::size_t enumerator = enumeratorLength(s);
  s = trim(s.substr(enumerator));
  if (s.empty()) return false;
  if (!marked && !enumerator) return true;
  for (auto p : kSentencePunctuation)
    if (s.find(p) != npos) return true;
  std::size_t codePoints = std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  return codePoints > 30;  // longer than any heading: a sentence without its full stop
}

bool inTable(const ReportModel& model, std::size_t line) {
  return std::any_of(model.tables.begin(), model.tables.end(),
                     [&](const Table& t) { return line >= t.firstLine && line <= t.lastLine; });
}

// Whether the part under `heading` says anything, on the heading's own line
// (五、存在的主要问题及改进情况：无) or below it.
bool hasProse(const RuleContext& ctx, const PartHeading& heading) {
  std::string_view rest = ctx.text.lineText(heading.line).substr(heading.headingRange.end - ctx.text.lineStart(heading.line));
  while (!rest.empty() && (rest.front() == '*' || rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
  while (startsWith(rest, "：")) rest.remove_prefix(3);
  if (!trim(rest).empty() && isProseLine(rest)) return true;
  auto [first, last] = ctx.partBody(heading);
  for (std::size_t line = first; line < last; ++line) {
    if (ctx.text.lineStart(line) - heading.lineRange.begin > kMaxBytes) return true;  // too long to be empty
    if (!inTable(ctx.model, line) && isProseLine(ctx.text.lineText(line))) return true;
  }
  return false;
}

// The first of `words` in `s` from `from`: its position, with its length in *length.
std::size_t firstOf(std::string_view s, std::size_t from, const std::vector<std::string>& words, std::size_t* length) {
  std::size_t best = npos;
  for (const auto& w : words) {
    std::size_t at = w.empty() ? npos : s.find(w, from);
    if (at != npos && (best == npos || at < best)) best = at, *length = w.size();
  }
  return best;
}

}  // namespace

void checkPartContent(const RuleContext& ctx) {
  if (!ctx.tmpl.partContent) return;
  const TemplatePartContent& pc = *ctx.tmpl.partContent;
  const PartHeading* heading = ctx.partHeading(pc.part);
  if (!heading) return;  // section-missing says so
  // A new report's skeleton has every part empty: until its writer has
  // written something of part 一, an empty part 五 is work not yet begun,
  // not a mistake.
  const PartHeading* written = ctx.partHeading(pc.afterProseIn);
  if (!written || !hasProse(ctx, *written)) return;
  const TemplatePart& part = ctx.tmpl.parts[static_cast<std::size_t>(heading->part)];
  std::map<std::string, std::string> args{{"numeral", part.numeral}, {"title", part.title}};
  if (!hasProse(ctx, *heading)) {
    ctx.report("part-empty", Severity::Warning, heading->headingRange, ctx.tmpl.message("part-empty", args, ctx.locale));
    return;
  }
  auto [first, last] = ctx.partBody(*heading);
  std::size_t start = ctx.text.lineStart(heading->line), end = first;
  while (end < last && ctx.text.lineStart(end) - start <= kMaxBytes) ++end;
  JoinedText j = joinProse(ctx.text, ctx.model, heading->line, end);
  // The heading's own words (存在的主要问题和改进措施) are the template's, not the writer's.
  std::size_t from = 0;
  while (from < j.source.size() && j.source[from] < heading->headingRange.end) ++from;
  std::size_t length = 0;
  if (firstOf(j.bytes, from, pc.improvementWords, &length) != npos) return;
  std::size_t problem = firstOf(j.bytes, from, pc.problemWords, &length);
  if (problem == npos) return;
  ctx.report("part-empty", Severity::Warning, heading->headingRange,
             ctx.tmpl.message("part-no-improvements", args, ctx.locale),
             std::vector<RelatedLocation>{
                 {j.sourceRange(problem, problem + length), ctx.tmpl.message("part-problems-here", {}, ctx.locale)}});
}

}  // namespace nianbao
