#include "parse/TableParser.h"

#include <algorithm>
#include <optional>
#include <string>

#include "parse/LineCells.h"
#include "text/Fold.h"

namespace nianbao {
namespace {

// A row before it is placed in a table.
struct RawRow {
  RowLayout layout = RowLayout::Tabs;
  std::size_t firstLine = 0, lastLine = 0;
  std::vector<Cell> textCells;    // context cells, then the label (if any)
  int labelIndex = -1;            // into textCells
  std::uint32_t labelColumn = 0;  // code point column of the label (Spaced)
  std::vector<Cell> values;
  int leadingEmptyCells = 0;
  bool wrapped = false;
  LabelIndex::RowMatch match;
};

struct Item {
  enum Kind { Fragment, Row, Title, Header } kind;
  explicit Item(Kind k) : kind(k) {}
  // Fragment: one text cell on a line of its own.
  Cell cell;
  std::size_t line = 0;
  std::uint32_t column = 0;
  RowLayout fragmentLayout = RowLayout::Spaced;
  bool used = false;
  // Row
  RawRow row;
  // Title
  int table = -1;
  // Header
  std::vector<Cell> cells;
  RowLayout headerLayout = RowLayout::Tabs;
};

// Picks the label among a row's text cells: the rightmost one that names a
// template row (earlier cells hold group names or lost cells).
// When cells were run together with single spaces (三、本年度办理结果 (一) 予以公开),
// the label is the end of the cell: splits it there if a suffix names a row.
bool splitAtLabelSuffix(RawRow& row, int i, const LabelIndex& labels, int preferTable,
                        double toBeat = 0) {
  const Cell cell = row.textCells[static_cast<std::size_t>(i)];
  constexpr int kMaxSplits = 8;
  int tried = 0;
  LabelIndex::RowMatch best;
  best.score = toBeat;
  std::size_t bestAt = 0;
  for (std::size_t space = cell.text.find(' '); space != std::string::npos && tried < kMaxSplits;
       space = cell.text.find(' ', space + 1), ++tried) {
    std::size_t start = cell.text.find_first_not_of(' ', space);
    if (start == std::string::npos) break;
    auto m = labels.matchRow(cell.text.substr(start), preferTable);
    if (m.found() && m.score > best.score) {
      best = m;
      bestAt = start;
    }
  }
  if (!best.found() || bestAt == 0) return false;
  std::size_t prefixEnd = cell.text.find_last_not_of(' ', bestAt - 1) + 1;
  Cell prefix{cell.text.substr(0, prefixEnd), {cell.range.begin, cell.range.begin + prefixEnd}};
  Cell label{cell.text.substr(bestAt), {cell.range.begin + bestAt, cell.range.end}};
  row.textCells[static_cast<std::size_t>(i)] = label;
  row.textCells.insert(row.textCells.begin() + i, prefix);
  row.labelIndex = i + 1;
  row.match = best;
  return true;
}

void chooseLabel(RawRow& row, const LabelIndex& labels, int preferTable) {
  row.labelIndex = -1;
  row.match = {};
  for (int i = static_cast<int>(row.textCells.size()) - 1; i >= 0; --i) {
    const std::string& t = row.textCells[static_cast<std::size_t>(i)].text;
    if (t.empty() || labels.isExactHeader(t)) continue;
    auto m = labels.matchRow(t, preferTable);
    if (m.found()) {
      // A group name run together with its first row's label reads as the
      // group, loosely; the row's own label at the end reads better.
      if (m.score < 1.0 && row.layout == RowLayout::Spaced &&
          splitAtLabelSuffix(row, i, labels, preferTable, m.score))
        return;
      row.labelIndex = i;
      row.match = m;
      return;
    }
  }
  if (row.layout == RowLayout::Spaced)
    for (int i = static_cast<int>(row.textCells.size()) - 1; i >= 0; --i)
      if (splitAtLabelSuffix(row, i, labels, preferTable)) return;
  for (int i = static_cast<int>(row.textCells.size()) - 1; i >= 0; --i) {
    const std::string& t = row.textCells[static_cast<std::size_t>(i)].text;
    if (!t.empty() && classifyValue(t, nullptr) == CellState::Text && !labels.isExactHeader(t)) {
      row.labelIndex = i;
      return;
    }
  }
}

class Builder {
 public:
  Builder(const SourceText& text, const LabelIndex& labels) : text_(text), labels_(labels) {}

  void line(std::size_t lineNo) {
    LineCells lc = splitLine(text_.lineText(lineNo), text_.lineStart(lineNo));
    switch (lc.shape) {
      case LineShape::Blank:
      case LineShape::PageNumber:
        return;
      case LineShape::Separator:
        if (building_) sawSeparatorLine_ = true;
        return;
      case LineShape::Single:
        single(lineNo, lc);
        return;
      case LineShape::Cells:
        cells(lineNo, lc);
        return;
    }
  }

  // A heading ends whatever row was being built.
  void endRow() { flush(); }

  std::vector<Item> finish() {
    flush();
    return std::move(items_);
  }
  bool sawSeparatorLines() const { return sawSeparatorLine_; }

 private:
  void single(std::size_t lineNo, const LineCells& lc) {
    const Cell& cell = lc.cells.front();
    if (auto title = labels_.matchTableTitle(cell.text); title.table >= 0) {
      flush();
      pushTitle(title.table, cell, lineNo);
      return;
    }
    CellState state = classifyValue(cell.text, nullptr);
    if (state != CellState::Text) {
      if (!building_) {
        building_.emplace();
        building_->layout = RowLayout::CellPerLine;
        building_->firstLine = lineNo;
        // The row's text cells are the fragments since the last row.
        for (std::size_t i = fragmentsFrom_; i < items_.size(); ++i) {
          Item& it = items_[i];
          if (it.kind != Item::Fragment || it.used) continue;
          it.used = true;
          building_->textCells.push_back(it.cell);
          building_->firstLine = std::min(building_->firstLine, it.line);
        }
      }
      building_->values.push_back(cell);
      building_->lastLine = lineNo;
      return;
    }
    if (building_) flush();
    Item f(Item::Fragment);
    f.cell = cell;
    f.line = lineNo;
    f.column = lc.column;
    f.fragmentLayout = lc.layout;
    items_.push_back(std::move(f));
  }

  void cells(std::size_t lineNo, const LineCells& lc) {
    flush();
    const auto& cs = lc.cells;
    bool restBlank = std::all_of(cs.begin() + 1, cs.end(), [](const Cell& c) { return c.text.empty(); });
    if (restBlank) {
      if (auto title = labels_.matchTableTitle(cs.front().text); title.table >= 0) {
        pushTitle(title.table, cs.front(), lineNo);
        return;
      }
    }
    std::size_t firstNumber = cs.size();
    for (std::size_t i = 0; i < cs.size(); ++i)
      if (isNumberLike(cs[i].text)) {
        firstNumber = i;
        break;
      }
    RawRow row;
    row.layout = lc.layout;
    row.firstLine = row.lastLine = lineNo;
    row.leadingEmptyCells = lc.leadingEmptyCells;
    row.textCells.assign(cs.begin(), cs.begin() + static_cast<std::ptrdiff_t>(firstNumber));
    chooseLabel(row, labels_, lastTable_);
    // A line of words with no numbers is a header, unless it is a labelled
    // row whose number cells are all empty or placeholders (行政许可⇥⇥).
    bool noNumbers = firstNumber == cs.size();
    if (noNumbers && row.match.found()) {
      for (std::size_t i = static_cast<std::size_t>(row.labelIndex) + 1; i < cs.size(); ++i)
        if (!isValueLike(cs[i].text)) row.match = {};
    }
    if (!row.match.found() && noNumbers) {
      Item h(Item::Header);
      for (const auto& c : cs)
        if (!c.text.empty()) h.cells.push_back(c);
      h.headerLayout = lc.layout;
      h.line = lineNo;
      items_.push_back(std::move(h));
      fragmentsFrom_ = items_.size();
      return;
    }
    // chooseLabel may have split a cell in two; values start after the label's cell in `cs`.
    std::size_t split = row.textCells.size() - firstNumber;
    std::size_t valuesFrom = row.labelIndex >= 0 ? static_cast<std::size_t>(row.labelIndex) + 1 - split : 0;
    std::size_t contextEnd = row.labelIndex >= 0 ? static_cast<std::size_t>(row.labelIndex) + 1 : 0;
    if (row.labelIndex < 0) {
      // No label: everything from the first value-like cell on is a value.
      valuesFrom = firstNumber;
      for (std::size_t i = 0; i < firstNumber; ++i)
        if (!cs[i].text.empty() && isValueLike(cs[i].text)) {
          valuesFrom = i;
          break;
        }
      contextEnd = valuesFrom;
    }
    std::vector<Cell> context;
    for (std::size_t i = 0; i < contextEnd && i < row.textCells.size(); ++i)
      if (static_cast<int>(i) != row.labelIndex) context.push_back(row.textCells[i]);
    if (row.labelIndex >= 0) {
      Cell label = row.textCells[static_cast<std::size_t>(row.labelIndex)];
      row.labelColumn = text_.toCodePoints(label.range.begin).column;
      context.push_back(label);
      row.labelIndex = static_cast<int>(context.size()) - 1;
    }
    std::erase_if(context, [&](const Cell& c) { return c.text.empty(); });
    if (row.labelIndex >= 0) row.labelIndex = static_cast<int>(context.size()) - 1;
    row.textCells = std::move(context);
    row.values.assign(cs.begin() + static_cast<std::ptrdiff_t>(std::min(valuesFrom, cs.size())), cs.end());
    if (row.match.found()) lastTable_ = row.match.table;
    Item r(Item::Row);
    r.row = std::move(row);
    items_.push_back(std::move(r));
    rowsSinceFragments();
  }

  void pushTitle(int table, const Cell& cell, std::size_t lineNo) {
    Item t(Item::Title);
    t.table = table;
    t.cell = cell;
    t.line = lineNo;
    items_.push_back(std::move(t));
    lastTable_ = table;
    fragmentsFrom_ = items_.size();
  }

  void flush() {
    if (!building_) return;
    RawRow row = std::move(*building_);
    building_.reset();
    chooseLabel(row, labels_, lastTable_);
    if (row.match.found()) lastTable_ = row.match.table;
    Item r(Item::Row);
    r.row = std::move(row);
    items_.push_back(std::move(r));
    fragmentsFrom_ = items_.size();
  }

  void rowsSinceFragments() {
    // Spaced rows may still claim the fragments around them (wrapped labels),
    // so they do not close the fragment window for cell-per-line rows.
    if (items_.back().row.layout != RowLayout::Spaced) fragmentsFrom_ = items_.size();
  }

  const SourceText& text_;
  const LabelIndex& labels_;
  std::vector<Item> items_;
  std::optional<RawRow> building_;
  std::size_t fragmentsFrom_ = 0;
  int lastTable_ = -1;
  bool sawSeparatorLine_ = false;
};

// pdftotext wraps long labels over lines, with the numbers on any of them:
// join a spaced row's label with the fragments just above and below it,
// aligned with it, when the joined text names a template row better.
void joinWrappedLabels(std::vector<Item>& items, const LabelIndex& labels) {
  constexpr std::uint32_t kAlign = 4;  // columns of slack between wrapped pieces
  constexpr std::size_t kMaxPieces = 2;
  for (std::size_t r = 0; r < items.size(); ++r) {
    if (items[r].kind != Item::Row || items[r].row.layout != RowLayout::Spaced) continue;
    RawRow& row = items[r].row;
    if (row.match.found() && row.match.score >= 1.0) continue;  // whole already
    std::vector<std::size_t> before, after;
    const Cell* label = row.labelIndex >= 0 ? &row.textCells[static_cast<std::size_t>(row.labelIndex)] : nullptr;
    // Fragments of other columns (a group name wrapped beside the label, a
    // vertical 三、本年度办理结果) sit between the pieces: skip them.
    std::optional<std::uint32_t> anchor;
    if (label) anchor = row.labelColumn;
    auto aligned = [&](std::size_t i) {
      if (!anchor) return true;
      std::uint32_t c = items[i].column;
      return (c > *anchor ? c - *anchor : *anchor - c) <= kAlign;
    };
    for (std::size_t i = r; i-- > 0 && before.size() < kMaxPieces;) {
      if (items[i].kind != Item::Fragment) break;
      if (!items[i].used && items[i].fragmentLayout == RowLayout::Spaced && aligned(i)) {
        before.push_back(i);
        if (!anchor) anchor = items[i].column;
      }
    }
    for (std::size_t i = r + 1; i < items.size() && after.size() < kMaxPieces; ++i) {
      if (items[i].kind != Item::Fragment) break;
      if (!items[i].used && items[i].fragmentLayout == RowLayout::Spaced && aligned(i)) {
        after.push_back(i);
        if (!anchor) anchor = items[i].column;
      }
    }
    if (before.empty() && after.empty()) continue;
    double bestScore = label ? row.match.score : 0;
    std::size_t bestBefore = 0, bestAfter = 0;
    for (std::size_t b = 0; b <= before.size(); ++b) {
      for (std::size_t a = 0; a <= after.size(); ++a) {
        if (a == 0 && b == 0) continue;
        if (!label && a + b == 0) continue;
        std::string joined;
        for (std::size_t k = b; k-- > 0;) joined += items[before[k]].cell.text;
        if (label) joined += label->text;
        for (std::size_t k = 0; k < a; ++k) joined += items[after[k]].cell.text;
        auto m = labels.matchRow(joined);
        if (m.found() && m.score > bestScore + 1e-9) {
          bestScore = m.score;
          bestBefore = b;
          bestAfter = a;
          row.match = m;
        }
      }
    }
    if (bestBefore + bestAfter == 0) continue;
    Cell joined;
    ByteRange range{SIZE_MAX, 0};
    auto add = [&](const Cell& c) {
      joined.text += c.text;
      range.begin = std::min(range.begin, c.range.begin);
      range.end = std::max(range.end, c.range.end);
    };
    for (std::size_t k = bestBefore; k-- > 0;) {
      add(items[before[k]].cell);
      items[before[k]].used = true;
      row.firstLine = std::min(row.firstLine, items[before[k]].line);
    }
    if (label) add(*label);
    for (std::size_t k = 0; k < bestAfter; ++k) {
      add(items[after[k]].cell);
      items[after[k]].used = true;
      row.lastLine = std::max(row.lastLine, items[after[k]].line);
    }
    joined.range = range;
    row.wrapped = true;
    if (label) {
      row.textCells[static_cast<std::size_t>(row.labelIndex)] = joined;
    } else {
      row.textCells.push_back(joined);
      row.labelIndex = static_cast<int>(row.textCells.size()) - 1;
    }
  }
}

// The table whose unlabeled row has exactly this many columns (the review table).
int unlabeledTableFor(const Template& t, std::size_t valueCount, int* rowIndex) {
  for (std::size_t ti = 0; ti < t.tables.size(); ++ti) {
    const auto& table = t.tables[ti];
    for (std::size_t ri = 0; ri < table.rows.size(); ++ri)
      if (table.rows[ri].unlabeled && table.columns.size() == valueCount) {
        *rowIndex = static_cast<int>(ri);
        return static_cast<int>(ti);
      }
  }
  return -1;
}

std::size_t nonBlankCount(const std::vector<Cell>& cells) {
  return static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [](const Cell& c) { return !c.text.empty(); }));
}

// Lines up a row's cells with the table's columns: pasted rows carry empty
// cells left over from merged label columns before the values and after them.
void placeValues(TableRow& out, const RawRow& raw, std::size_t expected) {
  std::vector<Cell> cells = raw.values;
  if (raw.layout == RowLayout::Tabs || raw.layout == RowLayout::Pipes) {
    while (cells.size() > expected && !cells.empty() && cells.back().text.empty()) cells.pop_back();
    while (cells.size() > expected && !cells.empty() && cells.front().text.empty()) {
      cells.erase(cells.begin());
      ++out.cellsBeforeValues;
    }
  } else {
    std::erase_if(cells, [](const Cell& c) { return c.text.empty(); });
  }
  for (auto& c : cells) {
    ValueCell v;
    v.cell = c;
    v.state = classifyValue(c.text, &v.value);
    out.values.push_back(std::move(v));
  }
}

void addHeaders(Table& table, const std::vector<Cell>& cells, const LabelIndex& labels) {
  // A header row that starts with the label header (信息内容) names the
  // columns in order: a cell is the column at its place, however unlike its
  // wording (the 2019 format's 本年新制作数量 under 本年制发件数).
  const TemplateTable& t = labels.tmpl().tables[static_cast<std::size_t>(table.templateTable)];
  if (!cells.empty() && !t.labelHeader.empty() && cells.size() == t.columns.size() + 1) {
    auto first = labels.matchHeader(cells.front().text, table.templateTable);
    if (first.score >= 1.0 && first.column < 0 && first.expected == toUtf8(foldForMatching(t.labelHeader))) {
      table.headers.push_back({cells.front(), -1, t.labelHeader, 1.0});
      for (std::size_t k = 1; k < cells.size(); ++k) {
        const TemplateColumn& column = t.columns[k - 1];
        double score = similarity(foldForMatching(cells[k].text), foldForMatching(column.label));
        table.headers.push_back({cells[k], static_cast<int>(k - 1), column.label, score});
      }
      return;
    }
  }
  for (const auto& c : cells) {
    auto m = labels.matchHeader(c.text, table.templateTable);
    if (m.score <= 0) continue;
    table.headers.push_back({c, m.column, m.expected, m.score});
  }
}

std::vector<Table> assemble(const SourceText& text, std::vector<Item>& items, const LabelIndex& labels,
                            bool separatorLines) {
  const Template& tmpl = labels.tmpl();
  std::vector<Table> tables;
  Table* current = nullptr;
  std::vector<const Item*> pendingHeaders;
  auto startTable = [&](int tableIndex, std::size_t line) {
    tables.emplace_back();
    current = &tables.back();
    current->templateTable = tableIndex;
    current->firstLine = current->lastLine = line;
    for (const Item* h : pendingHeaders) {
      if (h->headerLayout != RowLayout::Spaced) addHeaders(*current, h->cells, labels);
      current->firstLine = std::min(current->firstLine, h->line);  // the table starts at its header
    }
    pendingHeaders.clear();
  };
  for (Item& item : items) {
    if (item.kind == Item::Title) {
      startTable(item.table, item.line);
      current->title = item.cell;
      continue;
    }
    if (item.kind == Item::Header) {
      // Under a caption or among the table's rows, a header belongs to that table.
      bool belongsToCurrent = false;
      if (current && item.headerLayout != RowLayout::Spaced)
        for (const auto& c : item.cells)
          if (labels.matchHeader(c.text, current->templateTable).score > 0) belongsToCurrent = true;
      if (belongsToCurrent) {
        addHeaders(*current, item.cells, labels);
        current->lastLine = std::max(current->lastLine, item.line);
      } else {
        pendingHeaders.push_back(&item);
      }
      continue;
    }
    if (item.kind != Item::Row) continue;
    RawRow& raw = item.row;
    int tableIndex = raw.match.table;
    int rowIndex = raw.match.row;
    if (!raw.match.found() && raw.labelIndex < 0)
      tableIndex = unlabeledTableFor(tmpl, nonBlankCount(raw.values), &rowIndex);
    if (!raw.match.found() && raw.labelIndex < 0 && tableIndex < 0 && current) {
      // A label-less row of the wrong length in a table that has one: still that row.
      int r = -1;
      const auto& t = tmpl.tables[static_cast<std::size_t>(current->templateTable)];
      for (std::size_t k = 0; k < t.rows.size(); ++k)
        if (t.rows[k].unlabeled) r = static_cast<int>(k);
      if (r >= 0) {
        tableIndex = current->templateTable;
        rowIndex = r;
      }
    }
    if (tableIndex >= 0 && (!current || current->templateTable != tableIndex)) {
      startTable(tableIndex, raw.firstLine);
    }
    if (!current) continue;  // an unknown row before any table: prose, not a row
    if (tableIndex < 0 && pendingHeaders.size() > 0) pendingHeaders.clear();
    const TemplateTable& t = tmpl.tables[static_cast<std::size_t>(current->templateTable)];
    TableRow row;
    row.layout = raw.layout;
    row.firstLine = raw.firstLine;
    row.lastLine = raw.lastLine;
    row.templateRow = tableIndex >= 0 ? rowIndex : -1;
    row.labelScore = raw.match.found() ? raw.match.score : (rowIndex >= 0 && tableIndex >= 0 ? 1.0 : 0.0);
    row.labelWrapped = raw.wrapped;
    row.leadingEmptyCells = raw.leadingEmptyCells;
    for (int i = 0; i < static_cast<int>(raw.textCells.size()); ++i) {
      const Cell& c = raw.textCells[static_cast<std::size_t>(i)];
      if (i == raw.labelIndex) {
        row.label = c.text;
        row.labelRange = c.range;
      } else if (raw.layout == RowLayout::CellPerLine &&
                 labels.matchHeader(c.text, current->templateTable).score > 0 &&
                 !labels.matchRow(c.text).found()) {
        addHeaders(*current, {c}, labels);
      } else {
        row.contextCells.push_back(c);
      }
    }
    if (raw.labelIndex < 0) {
      std::size_t at = raw.values.empty() ? text.lineStart(raw.firstLine) : raw.values.front().range.begin;
      row.labelRange = {at, at};
    }
    placeValues(row, raw, t.columns.size());
    current->rows.push_back(std::move(row));
    current->lastLine = std::max(current->lastLine, raw.lastLine);
    if (current->rows.size() == 1) current->layout = raw.layout;
    if (raw.layout == RowLayout::CellPerLine) current->cellSeparatorLines = separatorLines;
    if (raw.layout == RowLayout::Pipes) {
      std::string_view line = text.lineText(raw.firstLine);
      std::size_t first = line.find_first_not_of(" \t");
      current->pipeLeading = first != std::string_view::npos && line[first] == '|';
    }
    if (raw.layout == RowLayout::CellPerLine && !raw.values.empty()) {
      std::string_view line = text.lineText(text.lineOf(raw.values.front().range.begin));
      std::size_t first = line.find_first_not_of(" \t");
      current->cellIndent = std::string(line.substr(0, first == std::string_view::npos ? 0 : first));
    }
  }
  std::erase_if(tables, [](const Table& t) { return t.rows.empty() && !t.title; });
  return tables;
}

}  // namespace

std::vector<Table> parseTables(const SourceText& text, std::size_t firstLine, std::size_t endLine,
                               const std::vector<std::size_t>& headingLines, const LabelIndex& labels) {
  Builder builder(text, labels);
  auto heading = std::lower_bound(headingLines.begin(), headingLines.end(), firstLine);
  for (std::size_t line = firstLine; line < endLine && line < text.lineCount(); ++line) {
    while (heading != headingLines.end() && *heading < line) ++heading;
    if (heading != headingLines.end() && *heading == line) {
      builder.endRow();
      continue;
    }
    builder.line(line);
  }
  bool separators = builder.sawSeparatorLines();
  std::vector<Item> items = builder.finish();
  joinWrappedLabels(items, labels);
  return assemble(text, items, labels, separators);
}

}  // namespace nianbao
