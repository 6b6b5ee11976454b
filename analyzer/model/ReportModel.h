#pragma once
// What the parser found in a document: a value, rebuilt from the text, that
// rules read and never change. Every element keeps the byte ranges it came
// from, so a finding can point at exactly the cell or label concerned.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "text/SourceText.h"

namespace nianbao {

// A number as written, exact to four decimals (the fee column has decimals;
// sums must not pick up binary rounding).
struct Number {
  std::int64_t tenThousandths = 0;
  static constexpr std::int64_t kScale = 10000;
  bool isWhole() const { return tenThousandths % kScale == 0; }
  std::string toString() const;
  friend auto operator<=>(const Number&, const Number&) = default;
  Number operator+(Number o) const { return {tenThousandths + o.tenThousandths}; }
  Number operator-(Number o) const { return {tenThousandths - o.tenThousandths}; }
};

// A cell as written: its trimmed text and where it is.
struct Cell {
  std::string text;
  ByteRange range;
  friend bool operator==(const Cell&, const Cell&) = default;
};

enum class CellState {
  Number,       // a valid number; `value` holds it
  Blank,        // an empty cell where a number belongs
  Placeholder,  // "/", "—", "无" and the like
  Text,         // words where a number belongs
  Negative,
  Fraction,     // decimals in a whole-number column (state set by the rules)
};

struct ValueCell {
  Cell cell;
  CellState state = CellState::Blank;
  std::optional<Number> value;  // set for Number, Negative and Fraction
  friend bool operator==(const ValueCell&, const ValueCell&) = default;
};

// How a row was written; fixes write new rows the same way.
enum class RowLayout { Tabs, Pipes, CellPerLine, Spaced };

struct TableRow {
  RowLayout layout = RowLayout::Tabs;
  std::size_t firstLine = 0;
  std::size_t lastLine = 0;
  // The label as written; for a label wrapped over lines, the pieces joined.
  std::string label;
  // Where the label is; when it was wrapped, from the first piece to the last.
  ByteRange labelRange;
  bool labelWrapped = false;
  std::vector<Cell> contextCells;  // cells before the label (a group name, lost cells)
  std::vector<ValueCell> values;
  int templateRow = -1;            // index into TemplateTable::rows, -1 if unknown
  double labelScore = 0;           // similarity of the folded label to the template's
  int leadingEmptyCells = 0;       // for Tabs/Pipes: empty cells written before the label
  int cellsBeforeValues = 0;       // for Tabs/Pipes: empty cells between label and values
  friend bool operator==(const TableRow&, const TableRow&) = default;
};

// A header cell that matched one of the table's column (or header) labels.
struct HeaderCell {
  Cell cell;
  int templateColumn = -1;         // index into TemplateTable::columns, -1 for other headers
  std::string expected;            // the template's wording
  double score = 0;
  friend bool operator==(const HeaderCell&, const HeaderCell&) = default;
};

struct Table {
  int templateTable = -1;          // index into Template::tables
  std::optional<Cell> title;       // e.g. 第二十条第（一）项
  std::vector<HeaderCell> headers;
  std::vector<TableRow> rows;      // matched and unknown rows, in document order
  std::size_t firstLine = 0;
  std::size_t lastLine = 0;
  RowLayout layout = RowLayout::Tabs;
  // The prefix the document's pipe rows start with ("| " or ""), for fixes.
  bool pipeLeading = true;
  std::string cellIndent;          // CellPerLine: what precedes each cell ("\t")
  bool cellSeparatorLines = false; // CellPerLine: "|" lines between cells
  friend bool operator==(const Table&, const Table&) = default;
};

// The first row written for each template row of `table` (later ones are
// duplicates), by index into TemplateTable::rows.
std::map<int, const TableRow*> firstRowsByTemplateRow(const Table& table);

// Whether any of the row's value cells holds something (a group name written
// with numbers beside it is a collapsed group, not a label).
bool hasValues(const TableRow& row);

struct PartHeading {
  int part = -1;                 // index into Template::parts
  std::size_t line = 0;
  ByteRange lineRange;           // the whole line's content
  ByteRange headingRange;        // from the numeral to the end of the title
  ByteRange titleRange;          // the title words
  std::string numeral;           // as written
  std::string title;             // as written
  std::string markup;            // what precedes the numeral ("## ", "   ", "**")
  std::string closingMarkup;     // what closes it ("**"), if only markup follows the title
  double score = 0;              // similarity of the title to the template's
  int variant = -1;              // index into TemplatePart::variants if one matched
  friend bool operator==(const PartHeading&, const PartHeading&) = default;
};

struct TopicHeading {
  int topic = -1;                // index into Template::topics
  std::size_t line = 0;
  ByteRange range;
  friend bool operator==(const TopicHeading&, const TopicHeading&) = default;
};

struct ReportModel {
  bool isReport = false;          // false: not this template's report, stay silent
  std::optional<ByteRange> title;
  std::vector<PartHeading> parts; // in document order
  std::vector<TopicHeading> topics;
  std::vector<Table> tables;      // in document order
  friend bool operator==(const ReportModel&, const ReportModel&) = default;
};

}  // namespace nianbao
