#pragma once
// How findings are shown: compiler-style text, or the JSON documented in
// README.md (lines and columns 1-based, columns in code points).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/Finding.h"
#include "text/SourceText.h"

namespace nianbao::cli {

// One checked file as every output format reads it.
struct FileReport {
  std::string name;                  // as given: a path, or --stdin-filename for standard input
  const SourceText* text = nullptr;  // what was analysed (for .docx/.html, the text made from it)
  std::vector<Finding> findings;     // sorted by position, after nianbao.toml and suppressions
};

// path:line:col: severity[code]: message, the source line, the range
// underlined; with `color`, the severity and the underline in ANSI colours.
std::string formatText(const std::string& file, const SourceText& text, const Finding& finding, bool color = false);

nlohmann::json toJson(const std::string& file, const SourceText& text, const Finding& finding);

// A GitHub Actions workflow command (::error file=…,line=…::message), which
// the run's page shows as an annotation on the line: info and hint as notice.
std::string formatGithub(const std::string& file, const SourceText& text, const Finding& finding);

// Whether text output is coloured: "always", "never", or "auto" (a terminal,
// unless NO_COLOR is set or TERM is dumb).
bool useColor(const std::string& when, bool isTerminal);

}  // namespace nianbao::cli
