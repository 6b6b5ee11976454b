#pragma once
// How findings are shown: compiler-style text, or the JSON documented in
// README.md (lines and columns 1-based, columns in code points).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ConvertedReport.h"
#include "rules/Finding.h"
#include "text/SourceText.h"

namespace nianbao::cli {

// One checked file as every output format reads it.
struct FileReport {
  std::string name;                  // as given: a path, or --stdin-filename for standard input
  const SourceText* text = nullptr;  // what was analysed (for .docx/.html, the text made from it)
  std::vector<Finding> findings;     // sorted by position, after nianbao.toml and suppressions
  const ConvertedReport* converted = nullptr;  // for .docx/.html: the places in the original
};

// path:line:col: severity[code]: message, the source line, the range
// underlined; with `color`, the severity and the underline in ANSI colours.
// With `converted` (a .docx or .html report, `text` made from it), the place
// in the original instead of line:col (path: 表3 第5行 第2列: severity…,
// describeOrigin), and the same for notes in the same file; the line shown is
// that paragraph's text or that table row.
std::string formatText(const std::string& file, const SourceText& text, const Finding& finding, bool color = false,
                       const ConvertedReport* converted = nullptr);

// With `converted`, line and column stay those of the converted text and a
// "place" names the place in the original (for related notes in the same file too).
nlohmann::json toJson(const std::string& file, const SourceText& text, const Finding& finding,
                      const ConvertedReport* converted = nullptr);

// A GitHub Actions workflow command (::error file=…,line=…::message), which
// the run's page shows as an annotation on the line: info and hint as notice.
// For a Word or web report (`converted`), no line: the place starts the message.
std::string formatGithub(const std::string& file, const SourceText& text, const Finding& finding,
                         const ConvertedReport* converted = nullptr);

// Whether text output is coloured: "always", "never", or "auto" (a terminal,
// unless NO_COLOR is set or TERM is dumb).
bool useColor(const std::string& when, bool isTerminal);

}  // namespace nianbao::cli
