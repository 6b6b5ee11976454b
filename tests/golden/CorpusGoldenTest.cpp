// Every document of the shared corpus against the findings a careful reader
// finds in it, written by hand in tests/golden/expected/ (with the reasons).
#include <filesystem>

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

struct Expected {
  std::size_t line = 0;
  std::size_t column = 0;  // 0: any column
  std::string code;
};

std::vector<Expected> readExpected(const fs::path& path) {
  std::vector<Expected> out;
  std::istringstream in(readFile(path.string()));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string where;
    Expected e;
    fields >> where >> e.code;
    std::size_t colon = where.find(':');
    e.line = std::stoul(where.substr(0, colon));
    if (colon != std::string::npos) e.column = std::stoul(where.substr(colon + 1));
    out.push_back(e);
  }
  return out;
}

TEST(CorpusGolden, TheCorpusIsThere) {
  EXPECT_GE(corpusFiles().size(), 12u) << "expected the shared corpus at " << NIANBAO_SHARED;
}

class CorpusGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(CorpusGolden, FindingsAreWhatAReaderFinds) {
  const fs::path& doc = GetParam();
  fs::path expectedPath = fs::path(NIANBAO_GOLDEN_DIR) / "expected" / doc.parent_path().filename() /
                          (doc.stem().string() + ".expected");
  ASSERT_TRUE(fs::exists(expectedPath)) << "no expectations written for " << doc;
  Checked c(readFile(doc.string()));
  std::vector<std::string> actual, expected;
  for (const auto& f : c.analysis.findings) {
    LineColumn at = c.text.toCodePoints(f.range.begin);
    actual.push_back(std::to_string(at.line + 1) + ":" + std::to_string(at.column + 1) + " " + f.code);
  }
  std::vector<Expected> want = readExpected(expectedPath);
  // Where an expectation leaves the column open, take the actual one for the comparison.
  for (const auto& e : want) {
    std::string prefix = std::to_string(e.line) + ":";
    std::string found = prefix + "? " + e.code;
    for (const auto& a : actual)
      if (a.rfind(prefix, 0) == 0 && a.substr(a.find(' ') + 1) == e.code &&
          (e.column == 0 || a == prefix + std::to_string(e.column) + " " + e.code) &&
          std::count(expected.begin(), expected.end(), a) < std::count(actual.begin(), actual.end(), a)) {
        found = a;
        break;
      }
    expected.push_back(found);
  }
  std::sort(actual.begin(), actual.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(actual, expected) << c.describe();
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusGolden, ::testing::ValuesIn(corpusFiles()), [](const auto& info) {
  std::string name = info.param.stem().string();
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
});

}  // namespace
}  // namespace nianbao::testing
