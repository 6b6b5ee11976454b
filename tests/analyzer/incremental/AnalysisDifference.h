#pragma once
// Where two analyses of the same text first differ, in words: the check of
// the incremental invariant, shared by the differential test and the fuzzer.

#include <algorithm>
#include <string>

#include "Analyzer.h"

namespace nianbao::testing {

// "" when they are equal.
inline std::string firstDifference(const Analysis& incremental, const Analysis& full) {
  const ReportModel& a = incremental.model;
  const ReportModel& b = full.model;
  if (a.isReport != b.isReport) return "isReport";
  if (a.title != b.title) return "title";
  if (a.parts != b.parts) return "parts (" + std::to_string(a.parts.size()) + " vs " + std::to_string(b.parts.size()) + ")";
  if (a.topics != b.topics) return "topics";
  if (a.tables.size() != b.tables.size()) return "table count";
  for (std::size_t t = 0; t < a.tables.size(); ++t)
    if (a.tables[t] != b.tables[t]) return "table " + std::to_string(t);
  if (a != b) return "model";
  const auto& f = incremental.findings;
  const auto& g = full.findings;
  for (std::size_t i = 0; i < std::min(f.size(), g.size()); ++i)
    if (!(f[i] == g[i]))
      return "finding " + std::to_string(i) + ": " + f[i].code + "@" + std::to_string(f[i].range.begin) + " vs " +
             g[i].code + "@" + std::to_string(g[i].range.begin);
  if (f.size() != g.size()) return "finding count " + std::to_string(f.size()) + " vs " + std::to_string(g.size());
  return "";
}


}  // namespace nianbao::testing
