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

}  // namespace

std::string formatRows(const Table& table, const TableRow& prototype, const std::vector<NewRow>& rows,
                       std::string_view eol) {
  std::string out;
  for (const NewRow& row : rows) {
    std::vector<std::string> zeros(row.columns, "0");
    switch (prototype.layout) {
      case RowLayout::Tabs: {
        std::string line(static_cast<std::size_t>(prototype.leadingEmptyCells), '\t');
        if (!row.groupLabel.empty()) line += row.groupLabel + "\t";
        line += row.label;
        line += std::string(static_cast<std::size_t>(1 + prototype.cellsBeforeValues), '\t');
        line += joined(zeros, "\t");
        out += line;
        out += eol;
        break;
      }
      case RowLayout::Pipes: {
        std::vector<std::string> cells;
        if (!row.groupLabel.empty()) cells.push_back(row.groupLabel);
        cells.push_back(row.label);
        cells.insert(cells.end(), zeros.begin(), zeros.end());
        out += (table.pipeLeading ? "| " : "") + joined(cells, " | ") + " |";
        out += eol;
        break;
      }
      case RowLayout::CellPerLine: {
        std::vector<std::string> cells;
        if (!row.groupLabel.empty()) cells.push_back(row.groupLabel);
        cells.push_back(row.label);
        cells.insert(cells.end(), zeros.begin(), zeros.end());
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i && table.cellSeparatorLines) {
            out += "|";
            out += eol;
          }
          out += table.cellIndent + cells[i];
          out += eol;
        }
        if (table.cellSeparatorLines) {
          out += "|";
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
