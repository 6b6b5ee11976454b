#include "incremental/Shift.h"

namespace nianbao {
namespace {

void move(std::size_t& at, std::ptrdiff_t by) { at = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(at) + by); }

void move(ByteRange& range, std::ptrdiff_t by) {
  move(range.begin, by);
  move(range.end, by);
}

}  // namespace

void shift(PartHeading& heading, Shift by) {
  move(heading.line, by.lines);
  move(heading.lineRange, by.bytes);
  move(heading.headingRange, by.bytes);
  move(heading.titleRange, by.bytes);
}

void shift(TopicHeading& topic, Shift by) {
  move(topic.line, by.lines);
  move(topic.range, by.bytes);
}

void shift(Table& table, Shift by) {
  move(table.firstLine, by.lines);
  move(table.lastLine, by.lines);
  if (table.title) move(table.title->range, by.bytes);
  for (auto& h : table.headers) move(h.cell.range, by.bytes);
  for (auto& row : table.rows) {
    move(row.firstLine, by.lines);
    move(row.lastLine, by.lines);
    move(row.labelRange, by.bytes);
    for (auto& c : row.contextCells) move(c.range, by.bytes);
    for (auto& v : row.values) move(v.cell.range, by.bytes);
  }
}

void shift(Finding& finding, Shift by) {
  move(finding.range, by.bytes);
  if (finding.fix)
    for (auto& e : finding.fix->edits) move(e.range, by.bytes);
}

}  // namespace nianbao
