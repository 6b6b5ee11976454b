#pragma once
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "Analyzer.h"
#include "ReportBuilder.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::testing {

inline const Analyzer& builtinAnalyzer() {
  static const Analyzer analyzer(governmentInformationDisclosure2021());
  return analyzer;
}

// Keeps the text alive beside its analysis, so ranges can be read back.
struct Checked {
  SourceText text;
  Analysis analysis;
  explicit Checked(std::string_view bytes) : text(bytes), analysis(builtinAnalyzer().analyze(text)) {}
  Checked(std::string_view bytes, const Analyzer& analyzer) : text(bytes), analysis(analyzer.analyze(text)) {}

  std::vector<const Finding*> with(const std::string& code) const {
    std::vector<const Finding*> out;
    for (const auto& f : analysis.findings)
      if (f.code == code) out.push_back(&f);
    return out;
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& f : analysis.findings) out.push_back(f.code);
    return out;
  }
  std::string at(ByteRange r) const { return text.str().substr(r.begin, r.size()); }
  std::size_t line(const Finding& f) const { return text.lineOf(f.range.begin) + 1; }
  std::string describe() const {
    std::string out;
    for (const auto& f : analysis.findings)
      out += std::to_string(line(f)) + " " + f.code + " [" + at(f.range) + "] " + f.message + "\n";
    return out;
  }
};

// A test run once per table layout and line ending (see allLayoutsAndEols).
class LayoutAndEolTest : public ::testing::TestWithParam<LayoutAndEol> {
 protected:
  Layout layout() const { return GetParam().layout; }
  ReportSpec spec() const {
    ReportSpec s;
    s.layout = GetParam().layout;
    s.eol = GetParam().eol;
    return s;
  }
};

// `text` with the first `from` replaced by `to` (a failure if there is none).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

#ifdef NIANBAO_SHARED
// The shared corpus's reports (seeds and real ones), sorted; empty if absent.
inline std::vector<std::filesystem::path> corpusFiles() {
  std::vector<std::filesystem::path> out;
  for (const char* dir : {"seeds", "real"}) {
    std::filesystem::path p = std::filesystem::path(NIANBAO_SHARED) / "corpus" / dir;
    if (!std::filesystem::exists(p)) continue;
    for (const auto& e : std::filesystem::directory_iterator(p))
      if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}
#endif

}  // namespace nianbao::testing
