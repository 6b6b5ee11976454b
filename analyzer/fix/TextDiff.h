#pragma once
// The smallest set of whole-line edits that turns one text into another, so
// that applying "fix all" in an editor keeps the cursor, the undo steps and
// the untouched lines as they were instead of replacing the whole document.

#include <string_view>
#include <vector>

#include "rules/Finding.h"

namespace nianbao {

// Edits (in order, not overlapping) that turn `before` into `after`; applied
// to `before` with applyEdits they give exactly `after`.
std::vector<TextEdit> lineDiff(std::string_view before, std::string_view after);

}  // namespace nianbao
