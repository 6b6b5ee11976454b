#include "ConvertedReport.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nianbao::cli {
namespace {

bool isWide(UChar32 c) {
  if (c < 0x1100) return false;
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

bool isSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0; }

UChar32 firstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(std::min<std::size_t>(s.size(), 8)), c);
  return c;
}

UChar32 lastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

std::uint32_t codePoints(std::string_view s) {
  std::uint32_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// `s` as the analyzer will read it, so that the columns of cells counted
// here are SourceText's: each ill-formed UTF-8 sequence as U+FFFD (a
// .docx's XML is not checked for it, and SourceText repairs it so, one U+FFFD
// per maximal subpart, as U8_NEXT reads; found by fuzz_docx, a cell of 0xFF
// bytes put every later cell of its row a few columns off its pipes), and
// without U+FEFF: a zero-width no-break space shows as nothing, and at the
// start of the text SourceText would drop it as a byte order mark, leaving
// a counted paragraph that reads as a blank line (found by fuzz_html, a page
// of a UTF-16 byte order mark and U+FEFF). Both: tests/fuzz/regressions/.
std::string wellFormed(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) out += "\xEF\xBF\xBD";
    else if (c != 0xFEFF) out.append(s.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
  }
  return out;
}

// A cell's text as it may stand between pipes: one line, no pipe of its own.
std::string cellText(std::string_view s) {
  std::string out;
  for (char c : trimmed(wellFormed(s))) {
    if (c == '|') out += "\xEF\xBD\x9C";  // U+FF5C FULLWIDTH VERTICAL LINE
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out += c;
  }
  return out;
}

// One line of text: no line breaks, no control characters but tabs, well-formed.
std::string lineText(std::string_view s) {
  std::string out;
  for (char c : wellFormed(s)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r') out += ' ';
    else if ((u < 0x20 && c != '\t') || u == 0x7F) continue;
    else out += c;
  }
  return trimmed(out);
}

std::string blockBefore(const ConvertedReport& report, std::size_t line) {
  for (std::size_t i = line + 1; i-- > 0;) {
    const Origin& o = report.lineOrigins[i];
    if (o.kind == Origin::Kind::Paragraph) return "第" + std::to_string(o.paragraph) + "段之后";
    if (o.kind == Origin::Kind::Table) return "表" + std::to_string(o.table) + "之后";
  }
  return "文档开头";
}

}  // namespace

std::string trimmed(std::string_view s) {
  auto space = [](std::string_view t, bool front) {
    if (t.empty()) return std::size_t{0};
    unsigned char c = static_cast<unsigned char>(front ? t.front() : t.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return std::size_t{1};
    if (front && t.starts_with("\xC2\xA0")) return std::size_t{2};
    if (!front && t.ends_with("\xC2\xA0")) return std::size_t{2};
    return std::size_t{0};
  };
  while (std::size_t n = space(s, true)) s.remove_prefix(n);
  while (std::size_t n = space(s, false)) s.remove_suffix(n);
  return std::string(s);
}

std::string collapseWhiteSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  bool inRun = false, runBreaks = false;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (isSpace(c)) {
      inRun = true;
      runBreaks = runBreaks || c == '\n' || c == '\r';
      continue;
    }
    if (c >= 0 && (c < 0x20 || c == 0x7F)) continue;
    if (inRun) {
      bool vanish = runBreaks && isWide(lastCodePoint(out)) && isWide(c);
      if (!vanish) out += ' ';
      inRun = runBreaks = false;
    }
    if (c < 0) out += "\xEF\xBF\xBD";
    else out.append(s.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
  }
  if (inRun) out += ' ';
  return out;
}

void appendJoined(std::string& out, std::string_view piece) {
  std::string p = trimmed(piece);
  if (p.empty()) return;
  std::string_view o = out;
  while (!o.empty() && o.back() == ' ') o.remove_suffix(1);
  out.resize(o.size());
  if (!out.empty() && !(isWide(lastCodePoint(out)) && isWide(firstCodePoint(p)))) out += ' ';
  out += p;
}

void MarkdownBuilder::line(const std::string& text, Origin origin) {
  out_.markdown += text;
  out_.markdown += '\n';
  out_.lineOrigins.push_back(std::move(origin));
}

void MarkdownBuilder::startBlock() {
  if (!out_.lineOrigins.empty()) line("", Origin{});
}

void MarkdownBuilder::paragraph(const std::vector<std::string>& lines, int headingLevel) {
  std::vector<std::string> texts;
  for (const auto& l : lines) {
    std::string t = lineText(l);
    if (!t.empty()) texts.push_back(std::move(t));
  }
  if (texts.empty()) return;
  startBlock();
  Origin origin;
  origin.kind = Origin::Kind::Paragraph;
  origin.paragraph = ++paragraphs_;
  headingLevel = std::clamp(headingLevel, 0, 6);
  for (const auto& t : texts) line(headingLevel ? std::string(static_cast<std::size_t>(headingLevel), '#') + " " + t : t, origin);
}

void MarkdownBuilder::table(const std::vector<std::vector<GridCell>>& rows) {
  if (rows.empty()) return;
  std::size_t width = 1;
  for (const auto& r : rows) width = std::max(width, r.size());
  startBlock();
  std::size_t table = ++tables_;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Origin origin;
    origin.kind = Origin::Kind::Table;
    origin.table = table;
    origin.row = r + 1;
    std::string text = "|";
    std::uint32_t column = 1;  // after the leading pipe
    for (std::size_t c = 0; c < width; ++c) {
      GridCell cell = c < rows[r].size() ? rows[r][c] : GridCell{"", r + 1, c + 1};
      if (cell.row == 0) cell.row = r + 1;
      if (cell.column == 0) cell.column = c + 1;
      std::string t = cellText(cell.text);
      std::string piece = t.empty() ? "  " : " " + t + " ";
      text += piece + "|";
      std::uint32_t end = column + codePoints(piece);
      origin.cells.push_back({column, end, cell.row, cell.column});
      column = end + 1;
    }
    line(text, origin);
    if (r == 0) {
      Origin separator;
      separator.kind = Origin::Kind::Table;
      separator.table = table;
      std::string dashes = "|";
      for (std::size_t c = 0; c < width; ++c) dashes += "---|";
      line(dashes, separator);
    }
  }
}

ConvertedReport MarkdownBuilder::finish() && {
  // The text ends in a line break, after which SourceText has a last, empty line.
  out_.lineOrigins.push_back(Origin{});
  return std::move(out_);
}

std::string describeOrigin(const ConvertedReport& report, std::size_t line, std::size_t codePointColumn) {
  if (report.lineOrigins.empty()) return "文档开头";
  line = std::min(line, report.lineOrigins.size() - 1);
  const Origin& o = report.lineOrigins[line];
  switch (o.kind) {
    case Origin::Kind::None:
      return blockBefore(report, line);
    case Origin::Kind::Paragraph:
      return "第" + std::to_string(o.paragraph) + "段";
    case Origin::Kind::Table: {
      std::string table = "表" + std::to_string(o.table);
      if (o.row == 0 || o.cells.empty()) return table;
      // A column on a pipe belongs to the cell after it; past the last, to the last.
      const Origin::Cell* cell = &o.cells.back();
      for (const auto& c : o.cells)
        if (codePointColumn < c.end) {
          cell = &c;
          break;
        }
      return table + " 第" + std::to_string(cell->row) + "行 第" + std::to_string(cell->column) + "列";
    }
  }
  return "";
}

}  // namespace nianbao::cli
