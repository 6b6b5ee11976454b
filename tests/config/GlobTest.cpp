#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "Glob.h"

namespace nianbao::config {
namespace {

bool matches(std::string_view pattern, std::string_view path) {
  std::string error;
  auto g = Glob::parse(pattern, &error);
  EXPECT_TRUE(g) << pattern << ": " << error;
  return g && g->matches(path);
}

TEST(Glob, AStarStaysInAFolder) {
  EXPECT_TRUE(matches("reports/*.md", "reports/2024.md"));
  EXPECT_FALSE(matches("reports/*.md", "reports/old/2024.md"));
  EXPECT_FALSE(matches("reports/*.md", "reports/2024.txt"));
}

TEST(Glob, WithoutASlashItMatchesTheNameInAnyFolder) {
  EXPECT_TRUE(matches("*.txt", "a.txt"));
  EXPECT_TRUE(matches("*.txt", "x/y/a.txt"));
  EXPECT_FALSE(matches("*.txt", "x/a.txt.md"));
}

TEST(Glob, DoubleStarSpansFolders) {
  EXPECT_TRUE(matches("**/*.md", "a.md"));
  EXPECT_TRUE(matches("**/*.md", "x/y/a.md"));
  EXPECT_TRUE(matches("drafts/**", "drafts/a.md"));
  EXPECT_TRUE(matches("drafts/**", "drafts/x/a.md"));
  EXPECT_FALSE(matches("drafts/**", "final/a.md"));
  EXPECT_TRUE(matches("a/**/b.md", "a/b.md"));
  EXPECT_TRUE(matches("a/**/b.md", "a/x/y/b.md"));
}

TEST(Glob, ClassesAlternativesAndQuestionMarks) {
  EXPECT_TRUE(matches("202[34]-*.md", "2023-镇.md"));
  EXPECT_FALSE(matches("202[34]-*.md", "2022-镇.md"));
  EXPECT_TRUE(matches("[!a]*.md", "b.md"));
  EXPECT_FALSE(matches("[!a]*.md", "a.md"));
  EXPECT_TRUE(matches("*.{md,txt}", "x/报告.txt"));
  EXPECT_FALSE(matches("*.{md,txt}", "报告.docx"));
  EXPECT_TRUE(matches("?.md", "a.md"));
  EXPECT_FALSE(matches("?.md", "ab.md"));
}

TEST(Glob, RegexCharactersAreLiteral) {
  EXPECT_TRUE(matches("a+b (1).md", "a+b (1).md"));
  EXPECT_FALSE(matches("a.md", "abmd"));
  EXPECT_TRUE(matches("./x/a.md", "x/a.md"));
}

TEST(Glob, UnclosedBracketsAreErrors) {
  std::string error;
  EXPECT_FALSE(Glob::parse("a[bc.md", &error));
  EXPECT_NE(error.find("'[' at 2 is not closed"), std::string::npos) << error;
  EXPECT_FALSE(Glob::parse("*.{md,txt", &error));
  EXPECT_EQ(error, "'{' is not closed");
}

// Found by fuzz_project_config (tests/fuzz/regressions/project_config/glob-many-stars):
// std::regex backtracked, in time exponential in the number of stars: a glob
// of 92 of them did not finish matching a 33-character path in 10 s.
TEST(Glob, ManyStarsMatchInTimeLinearInThePath) {
  auto start = std::chrono::steady_clock::now();
  std::string path(2000, 'a');
  EXPECT_FALSE(matches(std::string(80, '*') + "x", path));
  EXPECT_TRUE(matches(std::string(80, '*') + "a", path));
  EXPECT_FALSE(matches("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*ab", path));
  EXPECT_FALSE(matches("**/**/**/**/**/**/**/**/**/**/**/x", "a/" + path + "/b/c/d/e/f"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

}  // namespace
}  // namespace nianbao::config
