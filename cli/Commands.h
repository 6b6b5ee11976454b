#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "ProjectSettings.h"

namespace nianbao {
class TemplateChoice;
}

namespace nianbao::cli {

struct CheckOptions {
  std::vector<std::string> paths;  // "-" reads standard input
  std::string format = "text";     // text | json | json-lines | github | sarif | junit
  std::string stdinFilename = "<stdin>";
  bool color = false;       // ANSI colours in text output (the caller decides: useColor)
  bool quiet = false;       // text: no summary line
  bool statistics = false;  // counts per code instead of the findings (text or json)
  bool exitZero = false;    // exit 0 even with error findings (2 still means a usage or I/O error)
  // Last year's report by the same body (carryover-mismatch); without it, the
  // inputs are paired with each other by body and year.
  std::string previous;
  ConfigOptions config;     // nianbao.toml: which, and what the flags override
  unsigned jobs = 0;        // threads; 0: one per core
  bool progress = false;    // a progress line on `err` (the caller decides: stderr is a terminal)
};

// Exit status: 0 no error finding (or --exit-zero), 1 at least one, 2 usage or I/O error.
int runCheck(const TemplateChoice& templates, const CheckOptions& options, std::ostream& out, std::ostream& err);

struct FixOptions {
  std::vector<std::string> paths;
  ConfigOptions config;  // suppressed findings and codes a project turns off are not fixed
};

// Applies every safe fix, writing each changed file atomically with its line
// endings, byte order mark and encoding (UTF-8, GB18030, UTF-16) kept; a text
// that would not read back the same in its encoding is not written (exit 2).
// Exit status otherwise as for check, on what is left.
int runFix(const TemplateChoice& templates, const FixOptions& options, std::ostream& out, std::ostream& err);

}  // namespace nianbao::cli
