#pragma once
// Splitting one line into cells. Tables arrive tab-separated (pasted from
// Word/Excel), as pipe rows (Markdown), one cell per line, or space-aligned
// (pdftotext -layout); this decides which a line is and where its cells are.

#include <string_view>
#include <vector>

#include "model/ReportModel.h"

namespace nianbao {

enum class LineShape {
  Blank,
  Separator,   // "|" alone, |---|---|, a row of dashes: structure, not content
  PageNumber,  // "-3-" from a PDF page footer
  Single,      // one cell: a cell-per-line cell or a fragment of a wrapped label
  Cells,       // several cells
};

struct LineCells {
  LineShape shape = LineShape::Blank;
  RowLayout layout = RowLayout::Spaced;  // for Cells: how they were separated
  std::vector<Cell> cells;               // for Cells, blanks included (Tabs/Pipes)
  int leadingEmptyCells = 0;             // Tabs/Pipes: empty cells dropped from the front
  bool leadingPipe = false;
  std::uint32_t column = 0;              // code point column of the first cell
};

// Whether a trimmed line is one HTML comment (<!-- … -->), which a published
// Markdown report does not show: read as a blank line.
bool isCommentLine(std::string_view trimmed);

// `line` is the line's content, `offset` its byte offset in the text.
LineCells splitLine(std::string_view line, std::size_t offset);

// What a cell holds where a number belongs.
CellState classifyValue(std::string_view cellText, std::optional<Number>* value);

bool isNumberLike(std::string_view cellText);  // a number, maybe negative or fractional
bool isValueLike(std::string_view cellText);   // a number, a placeholder or blank

}  // namespace nianbao
