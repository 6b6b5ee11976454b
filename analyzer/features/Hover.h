#pragma once
// What the template says about the thing under the cursor, in Markdown:
// on a number, its row and column and every relation it is the total of (or,
// for balances, adds up), with the numbers and whether it holds; on a row
// label, the row's table, group, columns and relations; on a part or topic
// heading or a table caption, what the template expects there.

#include <cstddef>
#include <optional>
#include <string>

#include "Analyzer.h"

namespace nianbao {

struct HoverInfo {
  ByteRange range;       // what the hover is about, for the editor to highlight
  std::string markdown;  // in the analyzer's locale
};

// Nothing at `offset` (prose, blank space, past the end, not a report):
// nullopt. Never throws, for any offset. `model` is `text`'s.
std::optional<HoverInfo> hoverAt(const Analyzer& analyzer, const SourceText& text, const ReportModel& model,
                                 std::size_t offset);

}  // namespace nianbao
