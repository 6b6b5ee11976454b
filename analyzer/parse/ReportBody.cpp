#include "parse/ReportBody.h"

#include <algorithm>

namespace nianbao {
namespace {

bool endsWith(std::string_view s, std::string_view end) {
  return !end.empty() && s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Spaces (ASCII and U+3000), Markdown heading and emphasis marks dropped.
std::string compact(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '#' || c == '*') continue;
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

bool isPlaceholder(std::string_view name) {
  return name.find("（") != std::string_view::npos || name.find('(') != std::string_view::npos;
}

std::string fromTitle(const SourceText& text, const YearMention& year) {
  std::size_t line = text.lineOf(year.range.begin);
  std::string body = compact(text.lineText(line).substr(0, year.range.begin - text.lineStart(line)));
  // A title over two lines names the body on the line before the year.
  for (std::size_t l = line; body.empty() && l > 0 && line - l < 3; --l) body = compact(text.lineText(l - 1));
  return body;
}

std::string fromPreamble(const SourceText& text, const TemplateCarryover& words) {
  // The preamble is the report's first paragraph or two.
  constexpr std::size_t kPreambleBytes = 4096;
  std::string head = compact(text.slice({0, std::min(text.size(), kPreambleBytes)}));
  for (const auto& opener : words.preambleOpeners) {
    std::size_t at = head.find(opener);
    if (at == std::string::npos) continue;
    std::string_view rest = std::string_view(head).substr(at + opener.size());
    std::size_t end = rest.size();
    for (const auto& closer : words.preambleClosers) end = std::min(end, rest.find(closer));
    // Longer than any body's name: not a name.
    if (end == std::string_view::npos || end == rest.size() || end > 120) continue;
    std::string_view name = rest.substr(0, end);
    for (const auto& suffix : words.compilerSuffixes)
      if (endsWith(name, suffix)) name.remove_suffix(suffix.size());
    if (!name.empty()) return std::string(name);
  }
  return {};
}

std::string_view core(std::string_view name, const TemplateCarryover& words) {
  for (const auto& suffix : words.bodySuffixes)
    if (endsWith(name, suffix) && name.size() > suffix.size()) return name.substr(0, name.size() - suffix.size());
  return name;
}

}  // namespace

std::string reportingBody(const SourceText& text, const ReportDates& dates, const TemplateCarryover& words) {
  std::string body = dates.title ? fromTitle(text, *dates.title) : std::string();
  if (body.empty()) body = fromPreamble(text, words);
  return isPlaceholder(body) ? std::string() : body;
}

std::string reportingBodyKey(std::string_view name, const TemplateCarryover& words) {
  if (name.empty()) return {};
  std::string_view c = core(name, words);
  // Back over two UTF-8 characters (continuation bytes are 10xxxxxx).
  std::size_t start = c.size();
  for (int n = 0; n < 2 && start > 0; ++n) {
    --start;
    while (start > 0 && (static_cast<unsigned char>(c[start]) & 0xC0) == 0x80) --start;
  }
  return std::string(c.substr(start));
}

bool sameReportingBody(std::string_view a, std::string_view b, const TemplateCarryover& words) {
  if (a.empty() || b.empty()) return false;
  std::string_view x = core(a, words), y = core(b, words);
  if (x == y) return true;
  if (x.size() < y.size()) std::swap(x, y);
  // A bare 人民政府 names no one in particular.
  if (std::find(words.bodySuffixes.begin(), words.bodySuffixes.end(), y) != words.bodySuffixes.end()) return false;
  if (!endsWith(x, y)) return false;
  std::string_view region = x.substr(0, x.size() - y.size());
  return std::any_of(words.regionEndings.begin(), words.regionEndings.end(),
                     [&](const std::string& e) { return endsWith(region, e); });
}

}  // namespace nianbao
