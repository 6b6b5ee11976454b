#pragma once
// The tables after a batch: findings per code, and per file with findings.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "Output.h"

namespace nianbao::cli {

struct CodeCount {
  std::size_t count = 0;
  Severity severity = Severity::Error;  // as reported (a project may have changed it)
};

// How often each code was found, most frequent first; JSON as an array of
// {code, severity, count}.
void printCodeTable(const std::map<std::string, CodeCount>& perCode, bool json, std::ostream& out);

// errors, warnings, notes per file that has findings, in input order.
void printFileTable(const std::vector<FileReport>& files, std::ostream& out);

}  // namespace nianbao::cli
