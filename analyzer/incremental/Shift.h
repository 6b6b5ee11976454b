#pragma once
// Moving analysed values to where their text now is. An edit elsewhere moves
// a heading, a table or a finding by whole bytes and lines without changing
// it; the incremental analyzer reuses them, shifted, instead of re-parsing.

#include <cstddef>

#include "model/ReportModel.h"
#include "rules/Finding.h"

namespace nianbao {

struct Shift {
  std::ptrdiff_t bytes = 0;
  std::ptrdiff_t lines = 0;
};

void shift(PartHeading& heading, Shift by);
void shift(TopicHeading& topic, Shift by);
void shift(Table& table, Shift by);
void shift(Finding& finding, Shift by);  // its range and its fix's edits

}  // namespace nianbao
