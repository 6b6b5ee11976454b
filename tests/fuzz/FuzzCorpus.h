#pragma once
// What the edit-sequence fuzz targets start from: the shared corpus's reports,
// loaded once, and the analyzer of the built-in template.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "Analyzer.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::fuzz {

inline std::vector<std::string>& corpus() {
  static std::vector<std::string> docs;
  return docs;
}

// Call from LLVMFuzzerInitialize.
inline void loadCorpus() {
  for (const char* dir : {"seeds", "real"}) {
    std::filesystem::path p = std::filesystem::path(NIANBAO_SHARED) / "corpus" / dir;
    if (!std::filesystem::exists(p)) continue;
    for (const auto& e : std::filesystem::directory_iterator(p)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      corpus().push_back(ss.str());
    }
  }
}

inline const Analyzer& analyzer() {
  static const Analyzer a(governmentInformationDisclosure2021());
  return a;
}

}  // namespace nianbao::fuzz
