#include "rules/RowLayout.h"

namespace nianbao {
namespace {

std::string joined(const std::vector<std::string>& cells, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += separator;
    out += cells[i];
  }
  return out;
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

std::string formatRows(const Table& table, const TableRow& prototype, const std::vector<NewRow>& rows,
                       std::string_view eol) {
  std::string out;
  for (const NewRow& row : rows) {
    std::vector<std::string> zeros(row.columns, "0");
    switch (prototype.layout) {
      case RowLayout::Tabs:
        out += joined(alignedCells(prototype, row), "\t");
        out += eol;
        break;
      case RowLayout::Pipes: {
        std::string line = joined(alignedCells(prototype, row), " | ");
        out += (table.pipeLeading ? "| " : "") + line + " |";
        out += eol;
        break;
      }
      case RowLayout::CellPerLine: {
        std::vector<std::string> cells;
        if (!row.groupLabel.empty()) cells.push_back(row.groupLabel);
        cells.push_back(row.label);
        cells.insert(cells.end(), zeros.begin(), zeros.end());
        // Tables with "|" lines have one between every two cells; the new
        // cells go after an existing cell, so each brings its "|" before it.
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (table.cellSeparatorLines) {
            out += "|";
            out += eol;
          }
          out += table.cellIndent + cells[i];
          out += eol;
        }
        break;
      }
      case RowLayout::Spaced: {
        std::string line;
        if (!row.groupLabel.empty()) line += row.groupLabel + "  ";
        line += row.label + "    " + joined(zeros, "    ");
        out += line;
        out += eol;
        break;
      }
    }
  }
  return out;
}

}  // namespace nianbao
