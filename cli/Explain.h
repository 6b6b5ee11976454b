#pragma once
// `nianbao check --explain CODE`: a code's documentation page
// (docs/rules/CODE.md, embedded in the program), or the list of codes.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::cli {

// CODE's page on `out`, exit 0. "" or "all": every code with its severity and
// summary, one a line, in the order of docs/rules/README.md, exit 0. A code
// no rule has: a message on `err` naming the closest codes, exit 2.
int runExplain(std::string_view code, std::ostream& out, std::ostream& err);

// The codes closest to `code` (a typo, a prefix such as "sum" or "section"),
// closest first; empty if none is close.
std::vector<std::string> closestCodes(std::string_view code);

}  // namespace nianbao::cli
