#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rules/Finding.h"

namespace nianbao {

// Applies edits to `text`. Edits are against the original text; ones that
// overlap an earlier-accepted edit are skipped and counted in `skipped`.
std::string applyEdits(const std::string& text, std::vector<TextEdit> edits, std::size_t* skipped = nullptr);

}  // namespace nianbao
