#include "text/SourceText.h"

#include <algorithm>
#include <array>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace nianbao {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

const std::uint8_t* bytesOf(std::string_view s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

// Copies `bytes`, replacing each ill-formed subsequence with U+FFFD. ICU's
// U8_NEXT consumes one "maximal subpart" per error, the substitution policy
// Unicode recommends, so the count of U+FFFD matches other conforming tools.
// Returns whether anything was replaced.
bool copyRepairingUtf8(std::string_view bytes, std::string& out) {
  const std::uint8_t* s = bytesOf(bytes);
  const std::size_t length = bytes.size();
  bool repaired = false;
  out.reserve(length);
  std::size_t i = 0;
  while (i < length) {
    const std::size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += kReplacement;
      repaired = true;
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return repaired;
}

// Width of one code point in the unit a column counts.
using Measure = std::size_t (*)(UChar32 c, std::size_t utf8Bytes);

std::size_t utf16Units(UChar32 c, std::size_t) { return U16_LENGTH(c); }
std::size_t oneCodePoint(UChar32, std::size_t) { return 1; }
std::size_t utf8Bytes(UChar32, std::size_t bytes) { return bytes; }

std::vector<std::size_t> findLineStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;  // CRLF is one break; the next line starts after the LF.
    }
    if (text[i] == '\n' || text[i] == '\r') starts.push_back(i + 1);
  }
  return starts;
}

LineColumn toColumn(const SourceText& source, std::size_t offset,
                    Measure measure) {
  offset = std::min(offset, source.text().size());
  const std::size_t line = source.lineOf(offset);
  // An offset inside the line break counts as the end of the content.
  const std::size_t end = std::min(offset, source.lineEnd(line));
  const std::uint8_t* s = bytesOf(source.text());
  std::size_t column = 0;
  for (std::size_t i = source.lineStart(line); i < end;) {
    std::size_t next = i;
    UChar32 c;
    U8_NEXT_UNSAFE(s, next, c);  // The text is valid UTF-8 by construction.
    if (next > end) break;       // Inside a character: snap to its start.
    column += measure(c, next - i);
    i = next;
  }
  return {static_cast<std::uint32_t>(line),
          static_cast<std::uint32_t>(column)};
}

std::size_t fromColumn(const SourceText& source, LineColumn position,
                       Measure measure) {
  if (position.line >= source.lineCount()) return source.text().size();
  const std::size_t end = source.lineEnd(position.line);
  const std::uint8_t* s = bytesOf(source.text());
  std::size_t column = 0;
  std::size_t i = source.lineStart(position.line);
  while (i < end && column < position.column) {
    std::size_t next = i;
    UChar32 c;
    U8_NEXT_UNSAFE(s, next, c);
    const std::size_t width = measure(c, next - i);
    // A column inside a character (between surrogate halves, or inside a
    // UTF-8 sequence) is not a valid position: snap to the character start,
    // as LSP asks clients to treat such positions.
    if (column + width > position.column) break;
    column += width;
    i = next;
  }
  return i;
}

}  // namespace

SourceText::SourceText(std::string_view bytes) {
  if (bytes.starts_with(kBom)) {
    hadBom_ = true;
    bytes.remove_prefix(kBom.size());
  }
  repaired_ = copyRepairingUtf8(bytes, text_);
  lineStarts_ = findLineStarts(text_);
}

// Lines past the end are empty and sit at the end of the text, so callers
// that walk one line too far get an empty answer rather than a crash.
std::size_t SourceText::lineStart(std::size_t line) const {
  return line < lineStarts_.size() ? lineStarts_[line] : text_.size();
}

std::size_t SourceText::lineEnd(std::size_t line) const {
  if (line + 1 >= lineStarts_.size()) return text_.size();
  const std::size_t next = lineStarts_[line + 1];
  const bool crlf = text_[next - 1] == '\n' && next - 1 > lineStarts_[line] &&
                    text_[next - 2] == '\r';
  return next - (crlf ? 2 : 1);
}

std::string_view SourceText::lineText(std::size_t line) const {
  const std::size_t begin = lineStart(line);
  return std::string_view(text_).substr(begin, lineEnd(line) - begin);
}

std::string_view SourceText::lineBreak(std::size_t line) const {
  if (line + 1 >= lineStarts_.size()) return "";
  const std::size_t end = lineEnd(line);
  return std::string_view(text_).substr(end, lineStarts_[line + 1] - end);
}

std::string_view SourceText::dominantLineBreak() const {
  // Candidates in tie-break order: a strict majority is needed to displace an
  // earlier one.
  static constexpr std::array<std::string_view, 3> kBreaks = {"\n", "\r\n",
                                                              "\r"};
  std::array<std::size_t, 3> counts{};
  for (std::size_t line = 0; line + 1 < lineStarts_.size(); ++line) {
    const std::string_view brk = lineBreak(line);
    for (std::size_t k = 0; k < kBreaks.size(); ++k) {
      if (brk == kBreaks[k]) ++counts[k];
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kBreaks.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kBreaks[best];
}

std::size_t SourceText::lineOf(std::size_t offset) const {
  // lineStarts_[0] == 0, so upper_bound never returns begin().
  const auto after =
      std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<std::size_t>(after - lineStarts_.begin()) - 1;
}

LineColumn SourceText::toUtf16(std::size_t offset) const {
  return toColumn(*this, offset, utf16Units);
}

std::size_t SourceText::fromUtf16(LineColumn position) const {
  return fromColumn(*this, position, utf16Units);
}

LineColumn SourceText::toCodePoints(std::size_t offset) const {
  return toColumn(*this, offset, oneCodePoint);
}

std::size_t SourceText::fromCodePoints(LineColumn position) const {
  return fromColumn(*this, position, oneCodePoint);
}

LineColumn SourceText::toUtf8(std::size_t offset) const {
  return toColumn(*this, offset, utf8Bytes);
}

std::size_t SourceText::fromUtf8(LineColumn position) const {
  return fromColumn(*this, position, utf8Bytes);
}

}  // namespace nianbao
