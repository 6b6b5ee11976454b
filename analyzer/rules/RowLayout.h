#pragma once
// Writing new rows the way a table already writes its rows (tabs, pipes, one
// cell per line, spaces), for the row-missing fix.

#include <string>
#include <string_view>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"

namespace nianbao {

struct NewRow {
  std::string groupLabel;  // written as a context cell before the label, may be empty
  std::string label;
  std::size_t columns = 0;  // how many zeros
};

// The rows' text, each row ending with `eol`; `prototype` is a row of the
// same table whose spacing is copied.
std::string formatRows(const Table& table, const TableRow& prototype, const std::vector<NewRow>& rows,
                       std::string_view eol);

// The same text, with where each zero of it is: an editor inserting the rows
// lets the user tab from one placeholder to the next.
struct FormattedRows {
  std::string text;
  std::vector<ByteRange> zeros;  // byte ranges into `text`, in order
};
FormattedRows formatRowsMarkingZeros(const Table& table, const TableRow& prototype, const std::vector<NewRow>& rows,
                                     std::string_view eol);

}  // namespace nianbao
