#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "ProjectConfig.h"

namespace nianbao::config {
namespace {
namespace fs = std::filesystem;
using ::testing::ElementsAre;

ConfigVocabulary vocabulary() {
  ConfigVocabulary v;
  v.knownCode = [](std::string_view code) { return code == "sum-row" || code == "balance" || code == "part-empty"; };
  return v;
}

std::vector<std::string> described(const std::vector<ConfigProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.describe());
  return out;
}

TEST(ParseProjectConfig, ReadsEveryKey) {
  std::vector<ConfigProblem> problems;
  ProjectConfig c = parseProjectConfig(R"(
template = "2019"
language = "en"
[editor]
headings-check-on = "type"
[files]
include = ["**/*.md"]
exclude = ["drafts/**", "old"]
[rules]
sum-row = "warning"
balance = "off"
[per-file-rules]
"*.txt" = { part-empty = "off", sum-row = "hint" }
"notes/**" = ["balance"]
)",
                                       "/p/nianbao.toml", vocabulary(), problems);
  EXPECT_THAT(described(problems), ElementsAre());
  EXPECT_EQ(c.root, fs::path("/p"));
  EXPECT_EQ(c.templateName, "2019");
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.headingsCheckOn, "type");
  EXPECT_EQ(c.rules.severity.at("sum-row"), Severity::Warning);
  EXPECT_EQ(c.rules.severity.at("balance"), std::nullopt);
  // Per file: the project's rules with the entry's over them.
  RuleSettings txt = c.rulesFor("/p/a/报告.txt");
  EXPECT_EQ(txt.severity.at("sum-row"), Severity::Hint);
  EXPECT_EQ(txt.severity.at("part-empty"), std::nullopt);
  EXPECT_EQ(c.rulesFor("/p/a/报告.md"), c.rules);
  EXPECT_EQ(c.rulesFor("/p/notes/x.md").severity.at("balance"), std::nullopt);
  EXPECT_EQ(c.rulesFor("/elsewhere/x.txt"), c.rules);  // not beneath the project
  // Files.
  EXPECT_TRUE(c.excluded("/p/drafts/a.md"));
  EXPECT_TRUE(c.excluded("/p/old/2019/a.md"));  // a folder named in exclude, and all beneath it
  EXPECT_FALSE(c.excluded("/p/older.md"));
  EXPECT_EQ(c.included("/p/x/a.md"), true);
  EXPECT_EQ(c.included("/p/x/a.txt"), false);
}

TEST(ParseProjectConfig, AFolderInIncludeIncludesAllInIt) {
  std::vector<ConfigProblem> problems;
  ProjectConfig c = parseProjectConfig("[files]\ninclude = [\"2024\"]\n", "/p/nianbao.toml", vocabulary(), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(c.included("/p/2024/a.md"), true);
  EXPECT_EQ(c.included("/p/2024/b/c.txt"), true);
  EXPECT_EQ(c.included("/p/2023/a.md"), false);
  EXPECT_EQ(c.included("/p/2024.md"), false);
}

TEST(ParseProjectConfig, AnEmptyFileSetsNothing) {
  std::vector<ConfigProblem> problems;
  ProjectConfig c = parseProjectConfig("# nothing yet\n", "/p/nianbao.toml", vocabulary(), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_FALSE(c.templateName);
  EXPECT_TRUE(c.rules.empty());
  EXPECT_EQ(c.included("/p/a.txt"), std::nullopt);
  EXPECT_FALSE(c.excluded("/p/a.txt"));
}

TEST(ParseProjectConfig, NamesTheFileLineAndKeyOfEachProblem) {
  std::vector<ConfigProblem> problems;
  ProjectConfig c = parseProjectConfig(R"(template = 2021
langauge = "en"
[rules]
sum-rows = "off"
balance = "warn"
sum-row = "warning"
[files]
exclude = "drafts"
include = ["a[b"]
[editor]
headings-check-on = "never"
)",
                                       "/p/nianbao.toml", vocabulary(), problems);
  EXPECT_THAT(described(problems),
              ElementsAre("/p/nianbao.toml:1:12: template: must be \"auto\", \"2019\" or \"2021\", not an integer",
                          "/p/nianbao.toml:2:1: langauge: not a setting nianbao knows (the keys are template, language, "
                          "[editor], [files], [rules] and [per-file-rules])",
                          "/p/nianbao.toml:4:1: [rules] sum-rows: no rule has this code (nianbao check --explain lists them)",
                          "/p/nianbao.toml:5:11: [rules] balance: must be \"error\", \"warning\", \"info\", \"hint\" or "
                          "\"off\", not \"warn\"",
                          "/p/nianbao.toml:8:11: files.exclude: must be an array of globs, not a string",
                          "/p/nianbao.toml:9:12: files.include: \"a[b\": '[' at 2 is not closed",
                          "/p/nianbao.toml:11:21: editor.headings-check-on: must be \"save\" or \"type\", not \"never\""));
  // What could be read is kept.
  EXPECT_EQ(c.rules.severity.size(), 1u);
  EXPECT_EQ(c.rules.severity.at("sum-row"), Severity::Warning);
}

TEST(ParseProjectConfig, ATomlSyntaxErrorHasItsPlace) {
  std::vector<ConfigProblem> problems;
  parseProjectConfig("[rules]\nsum-row = \"off\n", "/p/nianbao.toml", vocabulary(), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_GT(problems[0].column, 0);
  EXPECT_THAT(problems[0].describe(), ::testing::StartsWith("/p/nianbao.toml:2:"));
}

class ProjectFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("nianbao-config-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "a" / "b");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }
  fs::path root_;
};

TEST_F(ProjectFiles, TheNearestFileAboveApplies) {
  EXPECT_EQ(findProjectConfig(root_ / "a" / "b"), fs::path());
  write(root_ / "nianbao.toml", "template = \"2019\"\n");
  EXPECT_EQ(findProjectConfig(root_ / "a" / "b"), root_ / "nianbao.toml");
  write(root_ / "a" / "nianbao.toml", "template = \"2021\"\n");
  EXPECT_EQ(findProjectConfig(root_ / "a" / "b"), root_ / "a" / "nianbao.toml");
  ProjectConfigs configs(vocabulary());
  EXPECT_EQ(configs.forFile(root_ / "a" / "b" / "r.md")->templateName, "2021");
  EXPECT_EQ(configs.forFile(root_ / "r.md")->templateName, "2019");
}

TEST_F(ProjectFiles, EachFileIsReadOnceAndItsProblemsReportedOnce) {
  write(root_ / "nianbao.toml", "tempalte = \"2019\"\n");
  ProjectConfigs configs(vocabulary());
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (int j = 0; j < 50; ++j) configs.forFile(root_ / "a" / (std::to_string(j) + ".md"));
    });
  for (auto& t : threads) t.join();
  auto problems = configs.takeProblems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "tempalte");
  EXPECT_TRUE(configs.takeProblems().empty());
  // After clear(), a changed file is read again.
  write(root_ / "nianbao.toml", "template = \"2019\"\n");
  EXPECT_FALSE(configs.forFile(root_ / "a" / "x.md")->templateName);
  configs.clear();
  EXPECT_EQ(configs.forFile(root_ / "a" / "x.md")->templateName, "2019");
}

TEST_F(ProjectFiles, AnUnreadableFileIsAProblem) {
  ProjectConfigs configs(vocabulary());
  auto c = configs.load(root_ / "missing.toml");
  ASSERT_TRUE(c);
  auto problems = configs.takeProblems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].describe(), (root_ / "missing.toml").string() + ": cannot be read");
}

}  // namespace
}  // namespace nianbao::config
