#include "rules/RowLayout.h"

namespace nianbao {
namespace {

// Appends `cells` joined by `separator`; the last `zeros` of them are the
// placeholders, and where they land is noted.
void appendJoined(FormattedRows& out, const std::vector<std::string>& cells, std::string_view separator,
                  std::size_t zeros) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out.text += separator;
    std::size_t at = out.text.size();
    out.text += cells[i];
    if (i + zeros >= cells.size()) out.zeros.push_back({at, out.text.size()});
  }
}

// The cells of a new row for tab and pipe tables, lined up with the
// prototype: as many cells before the label (a group name goes in the last of
// them), the label, the prototype's empty cells before its values, the zeros.
std::vector<std::string> alignedCells(const TableRow& prototype, const NewRow& row) {
  std::size_t before = static_cast<std::size_t>(prototype.leadingEmptyCells) + prototype.contextCells.size();
  std::vector<std::string> cells(before, "");
  if (!row.groupLabel.empty()) {
    if (cells.empty()) cells.push_back(row.groupLabel);
    else cells.back() = row.groupLabel;
  }
  cells.push_back(row.label);
  cells.insert(cells.end(), static_cast<std::size_t>(prototype.cellsBeforeValues), "");
  cells.insert(cells.end(), row.columns, "0");
  return cells;
}

}  // namespace

FormattedRows formatRowsMarkingZeros(const Table& table, const TableRow& prototype, const std::vector<NewRow>& rows,
                                     std::string_view eol) {
  FormattedRows out;
  for (const NewRow& row : rows) {
    std::vector<std::string> zeros(row.columns, "0");
    switch (prototype.layout) {
      case RowLayout::Tabs:
        appendJoined(out, alignedCells(prototype, row), "\t", row.columns);
        out.text += eol;
        break;
      case RowLayout::Pipes:
        if (table.pipeLeading) out.text += "| ";
        appendJoined(out, alignedCells(prototype, row), " | ", row.columns);
        out.text += " |";
        out.text += eol;
        break;
      case RowLayout::CellPerLine: {
        std::vector<std::string> cells;
        if (!row.groupLabel.empty()) cells.push_back(row.groupLabel);
        cells.push_back(row.label);
        cells.insert(cells.end(), zeros.begin(), zeros.end());
        // Tables with "|" lines have one between every two cells; the new
        // cells go after an existing cell, so each brings its "|" before it.
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (table.cellSeparatorLines) {
            out.text += "|";
            out.text += eol;
          }
          out.text += table.cellIndent;
          appendJoined(out, {cells[i]}, "", i + row.columns >= cells.size() ? 1 : 0);
          out.text += eol;
        }
        break;
      }
      case RowLayout::Spaced:
        if (!row.groupLabel.empty()) out.text += row.groupLabel + "  ";
        out.text += row.label + "    ";
        appendJoined(out, zeros, "    ", row.columns);
        out.text += eol;
        break;
    }
  }
  return out;
}

std::string formatRows(const Table& table, const TableRow& prototype, const std::vector<NewRow>& rows,
                       std::string_view eol) {
  return formatRowsMarkingZeros(table, prototype, rows, eol).text;
}

}  // namespace nianbao
