#include "parse/Headings.h"

#include <unicode/utf8.h>

#include <string>

#include "parse/LineCells.h"
#include "text/Fold.h"

namespace nianbao {
namespace {

constexpr std::size_t kMaxTitleCodePoints = 40;  // longer is a sentence, not a heading

// Reads one code point at byte `i` of `s`, advancing `i`.
UChar32 next(std::string_view s, std::size_t& i) {
  UChar32 c;
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(s.data(), at, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(at);
  return c;
}

UChar32 peek(std::string_view s, std::size_t i) { return i < s.size() ? next(s, i) : U_SENTINEL; }

bool isChineseNumeral(UChar32 c) {
  return std::u32string_view(U"一二三四五六七八九十").find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

bool isMarkup(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '#' || c == '*' || c == '>' || c == 0x3000 ||
         c == 0xA0 || c == 0x200B || c == 0xFEFF;  // zero-width space and BOM pasted from web pages
}

// Skips Markdown and indentation before a heading; returns the byte index.
std::size_t skipMarkup(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (!isMarkup(next(s, j))) break;
    i = j;
  }
  return i;
}

// End of the heading's title: the first sentence punctuation, or the line end
// without trailing markup.
std::size_t titleEnd(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    std::size_t j = i;
    UChar32 c = next(s, j);
    if (c == 0xFF1A || c == ':' || c == 0x3002 || c == 0xFF1B || c == ';') break;
    i = j;
  }
  // Drop trailing spaces and bold markers.
  while (i > from && (s[i - 1] == ' ' || s[i - 1] == '*' || s[i - 1] == '#' || s[i - 1] == '\t')) --i;
  return i;
}

std::size_t codePoints(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

bool looksLikeTableRow(std::string_view line) {
  LineCells lc = splitLine(line, 0);
  if (lc.shape != LineShape::Cells) return false;
  int nonEmpty = 0;
  for (const auto& c : lc.cells)
    if (!c.text.empty()) ++nonEmpty;
  return nonEmpty > 1;
}

}  // namespace

std::optional<PartHeading> parsePartHeading(const SourceText& text, std::size_t line,
                                            const LabelIndex& labels) {
  std::string_view s = text.lineText(line);
  std::size_t begin = skipMarkup(s);
  std::size_t i = begin;
  std::size_t numeralEnd = i;
  while (numeralEnd < s.size()) {
    std::size_t j = numeralEnd;
    if (!isChineseNumeral(next(s, j))) break;
    numeralEnd = j;
  }
  if (numeralEnd == i || codePoints(s.substr(i, numeralEnd - i)) > 2) return std::nullopt;
  // A separator must follow: 、 . ． or a space. 一是… has none.
  std::size_t after = numeralEnd;
  UChar32 sep = peek(s, after);
  if (sep == 0x3001 || sep == '.' || sep == 0xFF0E || sep == ',' || sep == 0xFF0C || sep == ' ' ||
      sep == 0x3000) {
    next(s, after);
  } else {
    return std::nullopt;
  }
  while (after < s.size() && s[after] == ' ') ++after;
  std::size_t end = titleEnd(s, after);
  std::string_view title = s.substr(after, end - after);
  if (title.empty() || codePoints(title) > kMaxTitleCodePoints) return std::nullopt;
  if (looksLikeTableRow(s)) return std::nullopt;
  auto match = labels.matchPartTitle(title);
  if (match.part < 0) return std::nullopt;
  // 四、结转下年度继续办理 is a table row, not part 四: the row wins if it fits better.
  auto row = labels.matchRow(s.substr(i));
  if (row.found() && row.score >= match.score) return std::nullopt;
  std::size_t base = text.lineStart(line);
  PartHeading h;
  h.part = match.part;
  h.line = line;
  h.lineRange = {base, base + s.size()};
  h.headingRange = {base + i, base + end};
  h.titleRange = {base + after, base + end};
  h.numeral = std::string(s.substr(i, numeralEnd - i));
  h.title = std::string(title);
  h.markup = std::string(s.substr(0, begin));
  std::string_view rest = s.substr(end);
  if (rest.find_first_not_of("* #") == std::string_view::npos) h.closingMarkup = std::string(rest);
  h.score = match.score;
  h.variant = match.variant;
  return h;
}

std::optional<TopicHeading> parseTopicHeading(const SourceText& text, std::size_t line,
                                              const LabelIndex& labels) {
  std::string_view s = text.lineText(line);
  std::size_t i = skipMarkup(s);
  std::size_t j = i;
  UChar32 open = next(s, j);
  if (open != '(' && open != 0xFF08) return std::nullopt;
  std::size_t numeralEnd = j;
  while (numeralEnd < s.size()) {
    std::size_t k = numeralEnd;
    if (!isChineseNumeral(next(s, k))) break;
    numeralEnd = k;
  }
  if (numeralEnd == j) return std::nullopt;
  std::size_t k = numeralEnd;
  UChar32 close = next(s, k);
  if (close != ')' && close != 0xFF09) return std::nullopt;
  std::size_t end = titleEnd(s, k);
  std::string_view rest = s.substr(k, end - k);
  int topic = labels.matchTopic(rest);
  if (topic < 0) return std::nullopt;
  std::size_t base = text.lineStart(line);
  TopicHeading h;
  h.topic = topic;
  h.line = line;
  h.range = {base + i, base + end};
  return h;
}

}  // namespace nianbao
