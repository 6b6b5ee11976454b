#include "model/ReportModel.h"

#include <algorithm>

namespace nianbao {

std::string Number::toString() const {
  std::int64_t v = tenThousandths;
  std::string sign = v < 0 ? "-" : "";
  if (v < 0) v = -v;
  std::string out = sign + std::to_string(v / kScale);
  std::int64_t fraction = v % kScale;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction + kScale).substr(1);  // zero-padded to 4
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

std::map<int, const TableRow*> firstRowsByTemplateRow(const Table& table) {
  std::map<int, const TableRow*> out;
  for (const auto& row : table.rows)
    if (row.templateRow >= 0) out.emplace(row.templateRow, &row);  // emplace keeps the first
  return out;
}

bool hasValues(const TableRow& row) {
  return std::any_of(row.values.begin(), row.values.end(),
                     [](const ValueCell& v) { return v.state != CellState::Blank; });
}

}  // namespace nianbao
