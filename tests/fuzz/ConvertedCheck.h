#pragma once
// What the .docx and .html fuzz targets check of a converted report: every
// line of the Markdown has its origin, describeOrigin names a place for any
// line and column, and a table row's cells lie in order within the line,
// each between its pipes.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "ConvertedReport.h"
#include "text/SourceText.h"

namespace nianbao::fuzz {

// Aborts, naming the line of the check that failed.
inline void require(bool ok, int line = __builtin_LINE()) {
  if (ok) return;
  std::fprintf(stderr, "check failed at line %d of %s\n", line, __FILE__);
  std::abort();
}

inline void checkConverted(const cli::ConvertedReport& report) {
  const std::string& md = report.markdown;
  std::size_t breaks = 0;
  for (char c : md) breaks += c == '\n' || c == '\r';
  require(md.empty() || md.back() == '\n');
  require(report.lineOrigins.size() == breaks + 1);
  SourceText text(md);
  require(text.lineCount() == report.lineOrigins.size());
  for (std::size_t line = 0; line < report.lineOrigins.size(); ++line) {
    const cli::Origin& o = report.lineOrigins[line];
    std::size_t width = text.toCodePoints(text.lineEnd(line)).column;
    for (std::size_t column : {std::size_t{0}, std::size_t{1}, width / 2, width, width + 3})
      require(!cli::describeOrigin(report, line, column).empty());
    switch (o.kind) {
      case cli::Origin::Kind::None:
        require(width == 0);
        break;
      case cli::Origin::Kind::Paragraph:
        require(o.paragraph >= 1 && width > 0);
        break;
      case cli::Origin::Kind::Table:
        require(o.table >= 1);
        if (o.row == 0) break;
        require(!o.cells.empty());
        // The first byte of each character of the line, by code point column.
        std::string firsts;
        for (char b : text.lineText(line))
          if ((static_cast<unsigned char>(b) & 0xC0) != 0x80) firsts += b;
        for (std::size_t c = 0; c < o.cells.size(); ++c) {
          const cli::Origin::Cell& cell = o.cells[c];
          require(cell.begin >= 1 && cell.begin < cell.end && cell.end <= width && cell.row >= 1 && cell.row <= o.row &&
                  cell.column >= 1 && cell.column <= c + 1);
          if (c > 0) require(o.cells[c - 1].end < cell.begin);
          // Between its pipes, in the text as the analyzer reads it.
          require(firsts[cell.begin - 1] == '|' && cell.end < firsts.size() && firsts[cell.end] == '|');
        }
        break;
    }
  }
  require(!cli::describeOrigin(report, report.lineOrigins.size() + 5, 0).empty());
}

}  // namespace nianbao::fuzz
