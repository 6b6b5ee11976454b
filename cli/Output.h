#pragma once
// How findings are shown: compiler-style text, or the JSON documented in
// README.md (lines and columns 1-based, columns in code points).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/Finding.h"
#include "text/SourceText.h"

namespace nianbao::cli {

// path:line:col: severity[code]: message, the source line, the range underlined.
std::string formatText(const std::string& file, const SourceText& text, const Finding& finding);

nlohmann::json toJson(const std::string& file, const SourceText& text, const Finding& finding);

}  // namespace nianbao::cli
