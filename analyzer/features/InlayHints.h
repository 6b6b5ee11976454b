#pragma once
// The number a wrong total should be, shown right after it ("= 7"), so a
// clerk sees the correction without opening the finding.

#include <cstddef>
#include <string>
#include <vector>

#include "Analyzer.h"

namespace nianbao {

struct InlayHintItem {
  std::size_t offset;   // the end of the total cell
  std::string label;    // "= 7": numbers only, the same in every language
  std::string tooltip;  // the relation with its numbers, in the analyzer's locale
};

// Hints for every checkable sum that does not hold, at its total cell, for
// cells ending within `visible` (both ends included), in text order. A total
// that is wrong in two sums gets one hint naming both expected numbers.
// Balances get none: they have no total cell, and which of their numbers is
// wrong is for a person to decide (nor do they get a fix).
std::vector<InlayHintItem> inlayHints(const Analyzer& analyzer, const SourceText& text, const ReportModel& model,
                                      ByteRange visible);

}  // namespace nianbao
