#include "Summary.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace nianbao::cli {
namespace {

std::string rightAligned(std::size_t n, std::size_t width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < width ? width - s.size() : 0, ' ') + s;
}

}  // namespace

void printCodeTable(const std::map<std::string, CodeCount>& perCode, bool json, std::ostream& out) {
  std::vector<std::pair<std::string, CodeCount>> rows(perCode.begin(), perCode.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [code, c] : rows)
      list.push_back({{"code", code}, {"severity", std::string(severityName(c.severity))}, {"count", c.count}});
    out << list.dump(2) << "\n";
    return;
  }
  for (const auto& [code, c] : rows) out << rightAligned(c.count, 6) << "  " << code << " (" << severityName(c.severity) << ")\n";
}

void printFileTable(const std::vector<FileReport>& files, std::ostream& out) {
  bool header = false;
  for (const auto& f : files) {
    if (f.findings.empty()) continue;
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& finding : f.findings)
      (finding.severity == Severity::Error ? errors : finding.severity == Severity::Warning ? warnings : notes)++;
    if (!header) out << "errors  warnings  notes  file\n";
    header = true;
    out << rightAligned(errors, 6) << rightAligned(warnings, 10) << rightAligned(notes, 7) << "  " << f.name << "\n";
  }
}

}  // namespace nianbao::cli
