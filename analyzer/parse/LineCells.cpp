#include "parse/LineCells.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "text/Fold.h"

namespace nianbao {
namespace {

bool isSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Trims ASCII white space and U+3000 (ideographic space) from both ends.
Cell trimmedCell(std::string_view line, std::size_t begin, std::size_t end, std::size_t offset) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    if (begin < end && isSpaceByte(line[begin])) { ++begin; continue; }
    if (end - begin >= 3 && line.substr(begin, 3) == kIdeographicSpace) { begin += 3; continue; }
    break;
  }
  for (;;) {
    if (end > begin && isSpaceByte(line[end - 1])) { --end; continue; }
    if (end - begin >= 3 && line.substr(end - 3, 3) == kIdeographicSpace) { end -= 3; continue; }
    break;
  }
  return Cell{std::string(line.substr(begin, end - begin)), {offset + begin, offset + end}};
}

std::vector<Cell> splitOn(std::string_view line, char separator, std::size_t offset) {
  std::vector<Cell> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == separator) {
      cells.push_back(trimmedCell(line, start, i, offset));
      start = i + 1;
    }
  }
  return cells;
}

// Fields separated by two or more spaces (or an ideographic space): how
// pdftotext -layout separates columns while words keep single spaces.
std::vector<Cell> splitOnSpaceRuns(std::string_view line, std::size_t offset) {
  std::vector<Cell> cells;
  std::size_t i = 0, n = line.size();
  auto gapAt = [&](std::size_t k) -> std::size_t {
    std::size_t j = k, spaces = 0;
    while (j < n) {
      if (line[j] == ' ') { ++j; ++spaces; continue; }
      if (n - j >= 3 && line.substr(j, 3) == "\xE3\x80\x80") { j += 3; spaces += 2; continue; }
      break;
    }
    return spaces >= 2 ? j - k : 0;
  };
  while (i < n) {
    while (i < n && line[i] == ' ') ++i;
    if (i >= n) break;
    std::size_t start = i;
    while (i < n && gapAt(i) == 0) {
      if (line[i] == ' ') { ++i; continue; }
      ++i;
    }
    cells.push_back(trimmedCell(line, start, i, offset));
    i += gapAt(i);
  }
  // A field of single-space separated numbers ("0 0 0") is several cells.
  std::vector<Cell> out;
  for (auto& c : cells) {
    bool allValues = true;
    std::vector<Cell> parts;
    std::size_t s = 0;
    for (std::size_t k = 0; k <= c.text.size(); ++k) {
      if (k == c.text.size() || c.text[k] == ' ') {
        if (k > s) {
          std::string piece = c.text.substr(s, k - s);
          if (!isNumberLike(piece)) allValues = false;
          parts.push_back({piece, {c.range.begin + s, c.range.begin + k}});
        }
        s = k + 1;
      }
    }
    if (allValues && parts.size() > 1) {
      out.insert(out.end(), parts.begin(), parts.end());
      continue;
    }
    // Tables whose tabs became single spaces (规章 0 0 0): numbers at the end
    // of a field of words are cells of their own.
    std::size_t firstValue = parts.size();
    bool anyNumber = false;
    while (firstValue > 0 && isValueLike(parts[firstValue - 1].text)) {
      --firstValue;
      anyNumber = anyNumber || isNumberLike(parts[firstValue].text);
    }
    if (anyNumber && firstValue > 0 && firstValue < parts.size()) {
      out.push_back({c.text.substr(0, parts[firstValue - 1].range.end - c.range.begin),
                     {c.range.begin, parts[firstValue - 1].range.end}});
      out.insert(out.end(), parts.begin() + static_cast<std::ptrdiff_t>(firstValue), parts.end());
    } else {
      out.push_back(std::move(c));
    }
  }
  return out;
}

bool isDashRun(std::string_view s) {
  if (s.empty()) return false;
  std::u32string f = foldForMatching(s);
  return !f.empty() && std::all_of(f.begin(), f.end(), [](char32_t c) { return c == U'-' || c == U':' || c == U'='; }) &&
         f.size() >= 3;
}

bool isPageNumber(std::string_view s) {
  std::u32string f = foldForMatching(s);
  if (f.size() < 3 || f.front() != U'-' || f.back() != U'-') return false;
  return std::all_of(f.begin() + 1, f.end() - 1, [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

std::uint32_t codePointColumn(std::string_view line, std::size_t byte) {
  std::uint32_t column = 0;
  for (std::size_t i = 0; i < byte && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

}  // namespace

CellState classifyValue(std::string_view cellText, std::optional<Number>* value) {
  std::u32string f = foldForMatching(cellText);
  if (f.empty()) return CellState::Blank;
  std::size_t i = 0;
  bool negative = false;
  // A sign: -2 is invalid in most columns (the rules say so), +3 is how the
  // 2019 format's 本年增/减 writes an increase.
  if ((f[0] == U'-' || f[0] == U'+') && f.size() > 1) {
    negative = f[0] == U'-';
    i = 1;
  }
  std::int64_t whole = 0, fraction = 0, fractionScale = 1;
  bool digits = false, point = false, ok = true;
  for (; i < f.size(); ++i) {
    char32_t c = f[i];
    if (c >= U'0' && c <= U'9') {
      digits = true;
      if (!point) {
        // No report counts a trillion of anything; beyond that, scaled sums
        // could overflow, so such a "number" is not taken as one.
        if (whole >= 100'000'000'000) { ok = false; break; }
        whole = whole * 10 + (c - U'0');
      } else if (fractionScale < Number::kScale) {
        fraction = fraction * 10 + (c - U'0');
        fractionScale *= 10;
      }
    } else if (c == U',' && digits && !point) {
      continue;  // thousands separator
    } else if (c == U'.' && digits && !point) {
      point = true;
    } else {
      ok = false;
      break;
    }
  }
  if (ok && digits) {
    Number n{whole * Number::kScale + fraction * (Number::kScale / fractionScale)};
    if (negative) n.tenThousandths = -n.tenThousandths;
    if (value) *value = n;
    return negative ? CellState::Negative : CellState::Number;
  }
  static const std::u32string kPlaceholders[] = {U"/", U"\\", U"-", U"--", U"---", U"无", U"×", U"x", U"X", U"╱", U"…", U"...", U"——"};
  for (const auto& p : kPlaceholders)
    if (f == p) return CellState::Placeholder;
  return CellState::Text;
}

bool isNumberLike(std::string_view cellText) {
  CellState s = classifyValue(cellText, nullptr);
  return s == CellState::Number || s == CellState::Negative;
}

bool isValueLike(std::string_view cellText) {
  CellState s = classifyValue(cellText, nullptr);
  return s != CellState::Text;
}

bool isCommentLine(std::string_view trimmed) {
  return trimmed.size() >= 7 && trimmed.substr(0, 4) == "<!--" && trimmed.substr(trimmed.size() - 3) == "-->" &&
         trimmed.find("-->") == trimmed.size() - 3;
}

LineCells splitLine(std::string_view line, std::size_t offset) {
  LineCells out;
  Cell whole = trimmedCell(line, 0, line.size(), offset);
  if (whole.text.empty()) return out;
  std::string_view content = whole.text;
  if (isCommentLine(content)) return out;  // an HTML comment (a suppression) is invisible in the report
  if (isPageNumber(content)) {
    out.shape = LineShape::PageNumber;
    return out;
  }
  std::vector<Cell> cells;
  if (line.find('\t') != std::string_view::npos) {
    out.layout = RowLayout::Tabs;
    cells = splitOn(line, '\t', offset);
  } else if (content.find('|') != std::string_view::npos) {
    out.layout = RowLayout::Pipes;
    out.leadingPipe = content.front() == '|';
    cells = splitOn(line, '|', offset);
    if (out.leadingPipe && !cells.empty() && cells.front().text.empty()) cells.erase(cells.begin());
    if (content.back() == '|' && !cells.empty() && cells.back().text.empty()) cells.pop_back();
  } else {
    out.layout = RowLayout::Spaced;
    cells = splitOnSpaceRuns(line, offset);
  }
  std::size_t nonEmpty = 0, dashes = 0;
  for (const auto& c : cells) {
    if (c.text.empty()) continue;
    ++nonEmpty;
    if (isDashRun(c.text)) ++dashes;
  }
  if (nonEmpty == 0 || (dashes == nonEmpty)) {
    out.shape = LineShape::Separator;
    return out;
  }
  while (!cells.empty() && cells.front().text.empty()) {
    cells.erase(cells.begin());
    ++out.leadingEmptyCells;
  }
  out.column = codePointColumn(line, cells.front().range.begin - offset);
  if (cells.size() == 1) {
    out.shape = LineShape::Single;
    out.cells = std::move(cells);
    return out;
  }
  out.shape = LineShape::Cells;
  out.cells = std::move(cells);
  return out;
}

}  // namespace nianbao
