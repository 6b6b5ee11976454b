// nianbao.toml and inline suppressions through the real binary: which
// project file applies to which report, what its [rules], [per-file-rules]
// and [files] do to check and fix, how its mistakes stop a run, and the
// <!-- nianbao-disable … --> comments (README.md, Configuration and
// Suppressions; config/ProjectConfig.h; analyzer/rules/Suppressions.h).
//
// Expected lines and columns are counted by hand from the example report
// (CliRun.h lists its mistakes) and the text each test adds to it; columns
// are 1-based code points.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "CliRun.h"
#include "TestFiles.h"

namespace {

namespace fs = std::filesystem;
using namespace nianbao::testing;
using nlohmann::json;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// (code, line) of every finding of a JSON array.
using CodesAndLines = std::multiset<std::pair<std::string, int>>;
CodesAndLines codesAndLines(const json& all) {
  CodesAndLines out;
  for (const auto& f : all) out.emplace(f.at("code").get<std::string>(), f.at("line").get<int>());
  return out;
}

// The codes of a JSON array's findings for one file.
std::multiset<std::string> codesOf(const json& all, const std::string& file) {
  std::multiset<std::string> out;
  for (const auto& f : all)
    if (f.at("file") == file) out.insert(f.at("code").get<std::string>());
  return out;
}

std::string severityOf(const json& all, const std::string& file, const std::string& code) {
  std::string found;
  for (const auto& f : all)
    if (f.at("file") == file && f.at("code") == code) {
      EXPECT_TRUE(found.empty()) << "two " << code << " findings in " << file;
      found = f.at("severity").get<std::string>();
    }
  return found;
}

const std::multiset<std::string> kExampleCodes = {"label-mismatch", "sum-row", "balance", "row-missing", "sum-review",
                                                  "section-title"};

// A project folder: the report files and nianbao.toml files written into it.
class Project {
 public:
  fs::path write(const std::string& relative, const std::string& text) {
    fs::path p = dir_ / relative;
    fs::create_directories(p.parent_path());
    writeBytes(p, text);
    return p;
  }
  fs::path path(const std::string& relative = "") const { return relative.empty() ? dir_.path() : dir_ / relative; }
  std::string str(const std::string& relative = "") const { return path(relative).string(); }
  std::set<std::string> listing() const { return dir_.listing(); }

 private:
  TempDir dir_;
};

// ---------------------------------------------------------------------------
// [rules]: severities in every format, and the exit status that follows them

TEST(ProjectRules, ASeverityChangeShowsInTextJsonGithubAndSarif) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"warning\"\n");
  std::string r = p.write("r.md", example()).string();

  RunResult text = runNianbao({"check", r});
  EXPECT_EQ(text.err, "");
  EXPECT_THAT(text.out, HasSubstr(r + ":51:49: warning[sum-row]: "));
  EXPECT_THAT(text.out, Not(HasSubstr("error[sum-row]")));
  EXPECT_THAT(text.out, HasSubstr("error[balance]"));  // the codes not named keep their own
  EXPECT_THAT(text.out, EndsWith("3 error(s), 3 warning(s) in 1 file(s)\n"));
  EXPECT_EQ(text.status, 1);

  json all = parseJson(runNianbao({"check", "--format", "json", r}).out);
  EXPECT_EQ(severityOf(all, r, "sum-row"), "warning");
  EXPECT_EQ(severityOf(all, r, "balance"), "error");
  EXPECT_EQ(severityOf(all, r, "label-mismatch"), "warning");

  RunResult github = runNianbao({"check", "--format", "github", r});
  EXPECT_THAT(github.out, HasSubstr("::warning file=" + r + ",line=51,col=49,endColumn=50,title=nianbao sum-row::"));

  json sarif = parseJson(runNianbao({"check", "--format", "sarif", r}).out);
  int seen = 0;
  for (const auto& result : sarif.at("runs").at(0).at("results"))
    if (result.at("ruleId") == "sum-row") {
      EXPECT_EQ(result.at("level"), "warning");
      ++seen;
    }
  EXPECT_EQ(seen, 1) << sarif.dump(2);
}

TEST(ProjectRules, ErrorsTurnedIntoWarningsNoLongerFailTheRun) {
  // The report's only errors are sum-row and balance on line 51.
  Project p;
  std::string r = p.write("r.md", reportWithWrongTotal()).string();
  EXPECT_EQ(runNianbao({"check", r}).status, 1);
  p.write("nianbao.toml", "[rules]\nsum-row = \"warning\"\nbalance = \"warning\"\n");
  RunResult t = runNianbao({"check", r});
  EXPECT_EQ(t.status, 0) << t.out << t.err;
  EXPECT_THAT(t.out, HasSubstr(r + ":51:49: warning[sum-row]: "));
  EXPECT_THAT(t.out, HasSubstr("warning[balance]"));
  EXPECT_THAT(t.out, EndsWith("0 error(s), 2 warning(s) in 1 file(s)\n"));
}

TEST(ProjectRules, TheReadmeExampleOfAWarningAndACodeTurnedOff) {
  // README.md, Configuration: sum-row a warning, balance off, on the example.
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"warning\"\nbalance = \"off\"\n");
  std::string r = p.write("shiliz-2024.report.md", example()).string();
  RunResult t = runNianbao({"check", "--statistics", r});
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(t.out,
            "     1  label-mismatch (warning)\n"
            "     1  row-missing (error)\n"
            "     1  section-title (warning)\n"
            "     1  sum-review (error)\n"
            "     1  sum-row (warning)\n"
            "2 error(s), 3 warning(s) in 1 file(s)\n");
  EXPECT_EQ(t.err, "");
}

TEST(ProjectRules, AWarningRaisedToAnErrorFailsTheRun) {
  Project p;
  std::string r = p.write("r.md", reportWithOnlyAWarning()).string();
  EXPECT_EQ(runNianbao({"check", r}).status, 0);
  p.write("nianbao.toml", "[rules]\nsection-title = \"error\"\n");
  RunResult t = runNianbao({"check", r});
  EXPECT_EQ(t.status, 1);
  EXPECT_THAT(t.out, HasSubstr(r + ":84:6: error[section-title]: "));
  EXPECT_THAT(t.out, EndsWith("1 error(s), 0 warning(s) in 1 file(s)\n"));
}

TEST(ProjectRules, InfoAndHintAreCountedAsNotes) {
  Project p;
  std::string r = p.write("r.md", reportWithOnlyAWarning()).string();
  p.write("nianbao.toml", "[rules]\nsection-title = \"info\"\n");
  RunResult info = runNianbao({"check", r});
  EXPECT_EQ(info.status, 0);
  EXPECT_THAT(info.out, HasSubstr(r + ":84:6: info[section-title]: "));
  EXPECT_THAT(info.out, EndsWith("0 error(s), 0 warning(s), 1 note(s) in 1 file(s)\n"));
  p.write("nianbao.toml", "[rules]\nsection-title = \"hint\"\n");
  RunResult hint = runNianbao({"check", r});
  EXPECT_THAT(hint.out, HasSubstr(r + ":84:6: hint[section-title]: "));
  EXPECT_THAT(hint.out, EndsWith("0 error(s), 0 warning(s), 1 note(s) in 1 file(s)\n"));
  EXPECT_EQ(severityOf(parseJson(runNianbao({"check", "--format", "json", r}).out), r, "section-title"), "hint");
}

TEST(ProjectRules, OffRemovesTheCodesFindings) {
  Project p;
  p.write("nianbao.toml", "[rules]\nlabel-mismatch = \"off\"\nrow-missing = \"off\"\n");
  std::string r = p.write("r.md", example()).string();
  RunResult t = runNianbao({"check", "--format", "json", r});
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(codesOf(parseJson(t.out), r),
            (std::multiset<std::string>{"sum-row", "balance", "sum-review", "section-title"}));
}

// ---------------------------------------------------------------------------
// Which nianbao.toml applies

TEST(ProjectFile, TheNearestOneAboveEachReportAppliesAlone) {
  // sub's file says nothing of sum-row: the root's sum-row = "off" is not
  // merged into it.
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"off\"\n");
  p.write("sub/nianbao.toml", "[rules]\nsection-title = \"off\"\n");
  std::string a = p.write("a.md", example()).string();
  std::string b = p.write("sub/b.md", example()).string();
  std::string c = p.write("sub/deeper/c.md", example()).string();
  RunResult t = runNianbao({"check", "--format", "json", p.str()});
  EXPECT_EQ(t.status, 1) << t.err;
  json all = parseJson(t.out);
  std::multiset<std::string> withoutSumRow = kExampleCodes, withoutTitle = kExampleCodes;
  withoutSumRow.erase("sum-row");
  withoutTitle.erase("section-title");
  EXPECT_EQ(codesOf(all, a), withoutSumRow);
  EXPECT_EQ(codesOf(all, b), withoutTitle);
  EXPECT_EQ(codesOf(all, c), withoutTitle);
  // Named one by one, each report gets the same project file.
  EXPECT_EQ(runNianbao({"check", "--format", "json", a, b, c}).out, t.out);
}

TEST(ProjectFile, PerFileRulesGoOverTheProjectsRulesForMatchingFiles) {
  Project p;
  p.write("nianbao.toml",
          "[rules]\n"
          "sum-row = \"warning\"\n"
          "\n"
          "[per-file-rules]\n"
          "\"drafts/*.md\" = { sum-row = \"off\", balance = \"info\" }\n"
          "\"*.draft.md\" = [\"section-title\", \"label-mismatch\"]\n");
  std::string plain = p.write("r.md", example()).string();
  std::string draft = p.write("drafts/r.md", example()).string();
  std::string deeper = p.write("drafts/deeper/r.md", example()).string();      // * stays in drafts/
  std::string elsewhere = p.write("other/drafts/r.md", example()).string();    // relative to the toml's folder
  std::string named = p.write("x/y/z.draft.md", example()).string();           // no /: a name in any folder
  std::string both = p.write("drafts/w.draft.md", example()).string();
  RunResult t = runNianbao({"check", "--format", "json", p.str()});
  ASSERT_EQ(t.err, "");
  json all = parseJson(t.out);

  for (const auto& file : {plain, deeper, elsewhere}) {
    EXPECT_EQ(codesOf(all, file), kExampleCodes) << file;
    EXPECT_EQ(severityOf(all, file, "sum-row"), "warning") << file;
    EXPECT_EQ(severityOf(all, file, "balance"), "error") << file;
  }
  std::multiset<std::string> draftCodes = kExampleCodes;
  draftCodes.erase("sum-row");
  EXPECT_EQ(codesOf(all, draft), draftCodes);
  EXPECT_EQ(severityOf(all, draft, "balance"), "info");

  std::multiset<std::string> namedCodes = kExampleCodes;
  namedCodes.erase("section-title");
  namedCodes.erase("label-mismatch");
  EXPECT_EQ(codesOf(all, named), namedCodes);
  EXPECT_EQ(severityOf(all, named, "sum-row"), "warning");

  std::multiset<std::string> bothCodes = namedCodes;
  bothCodes.erase("sum-row");
  EXPECT_EQ(codesOf(all, both), bothCodes);
  EXPECT_EQ(severityOf(all, both, "balance"), "info");
}

TEST(ProjectFile, IncludeNarrowsAFoldersWalkButNotTheFilesNamed) {
  Project p;
  p.write("nianbao.toml", "[files]\ninclude = [\"**/*.md\"]\n");
  std::string top = p.write("top.md", example()).string();
  std::string md = p.write("sub/x.md", example()).string();
  std::string txt = p.write("sub/y.txt", example()).string();

  RunResult walked = runNianbao({"check", p.str()});
  EXPECT_THAT(walked.out, HasSubstr(top + ":51:49: error[sum-row]"));
  EXPECT_THAT(walked.out, HasSubstr(md + ":51:49: error[sum-row]"));
  EXPECT_THAT(walked.out, Not(HasSubstr(txt)));
  EXPECT_THAT(walked.out, EndsWith("8 error(s), 4 warning(s) in 2 file(s)\n"));

  RunResult sub = runNianbao({"check", p.str("sub")});
  EXPECT_THAT(sub.out, Not(HasSubstr(txt)));
  EXPECT_THAT(sub.out, EndsWith("4 error(s), 2 warning(s) in 1 file(s)\n"));

  RunResult named = runNianbao({"check", txt});
  EXPECT_EQ(named.status, 1);
  EXPECT_THAT(named.out, HasSubstr(txt + ":51:49: error[sum-row]"));
  EXPECT_THAT(named.out, EndsWith("4 error(s), 2 warning(s) in 1 file(s)\n"));
}

TEST(ProjectFile, AFolderWhoseFilesAreAllLeftOutSaysSo) {
  Project p;
  p.write("nianbao.toml", "[files]\ninclude = [\"2024\"]\nexclude = [\"drafts\"]\n");
  p.write("2023/a.md", example());
  p.write("2023/b.txt", example());
  std::string draft = p.write("drafts/d.md", example()).string();
  std::string kept = p.write("2024/sub/c.md", example()).string();  // a folder in include: all in it

  RunResult old = runNianbao({"check", p.str("2023")});
  EXPECT_EQ(old.status, 0);
  EXPECT_EQ(old.out, "");
  EXPECT_EQ(old.err, "nianbao: " + p.str("2023") +
                         ": all 2 report file(s) in it are left out by nianbao.toml ([files] include or exclude); "
                         "nothing checked here\n");
  RunResult named = runNianbao({"check", draft});
  EXPECT_EQ(named.err, "nianbao: " + draft + ": it is left out by nianbao.toml ([files] exclude); nothing checked here\n");
  RunResult all = runNianbao({"check", p.str()});
  EXPECT_EQ(all.err, "");
  EXPECT_THAT(all.out, HasSubstr(kept + ":51:49: error[sum-row]"));
  EXPECT_THAT(all.out, EndsWith("4 error(s), 2 warning(s) in 1 file(s)\n"));
}

TEST(ProjectFile, ExcludeLeavesFilesOutWhetherWalkedOrNamed) {
  Project p;
  p.write("nianbao.toml", "[files]\nexclude = [\"drafts\", \"*.old.md\"]\n");
  std::string kept = p.write("r.md", example()).string();
  std::string draft = p.write("drafts/d.md", example()).string();
  std::string deep = p.write("drafts/deep/e.md", example()).string();
  std::string old = p.write("sub/a.old.md", example()).string();

  RunResult walked = runNianbao({"check", p.str()});
  EXPECT_EQ(walked.status, 1);
  EXPECT_THAT(walked.out, HasSubstr(kept + ":51:49: error[sum-row]"));
  for (const auto& f : {draft, deep, old}) EXPECT_THAT(walked.out, Not(HasSubstr(f))) << f;
  EXPECT_THAT(walked.out, EndsWith("4 error(s), 2 warning(s) in 1 file(s)\n"));

  // Named, or their folder named: not checked either, and stderr says so.
  for (const auto& args : std::vector<std::vector<std::string>>{{"check", draft}, {"check", old}, {"check", p.str("drafts")}}) {
    RunResult t = runNianbao(args);
    EXPECT_EQ(t.status, 0) << args.back() << "\n" << t.out << t.err;
    EXPECT_EQ(t.out, "");
    EXPECT_THAT(t.err, HasSubstr(args.back() + ": ")) << t.err;
    EXPECT_THAT(t.err, HasSubstr(" left out by nianbao.toml")) << t.err;
  }
  RunResult mixed = runNianbao({"check", kept, draft});
  EXPECT_THAT(mixed.out, Not(HasSubstr(draft)));
  EXPECT_THAT(mixed.out, EndsWith("in 1 file(s)\n"));
}

TEST(ProjectFile, StandardInputGetsTheSettingsOfTheFileItStandsFor) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"warning\"\n");
  fs::create_directories(p.path("sub"));
  std::string standsFor = p.str("sub/r.md");
  RunResult t = runNianbao({"check", "--stdin-filename", standsFor, "-"}, example());
  EXPECT_THAT(t.out, HasSubstr(standsFor + ":51:49: warning[sum-row]: "));
}

TEST(ProjectFile, TemplateAndLanguageApplyUnlessTheFlagsSayOtherwise) {
  Project plain, english, format2019;
  english.write("nianbao.toml", "language = \"en\"\n");
  format2019.write("nianbao.toml", "template = \"2019\"\n");
  std::string p = plain.write("r.md", example()).string();
  std::string e = english.write("r.md", example()).string();
  std::string f = format2019.write("r.md", example()).string();

  // The sum-row message in each language (CliTest's CheckLocale reads them).
  json en = parseJson(runNianbao({"check", "--format", "json", e}).out);
  auto sum = withCode(en, "sum-row");
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(sum[0].at("message"), "The total should be 1 (1+0+0+0+0+0), but is 2");
  json zh = parseJson(runNianbao({"check", "--format", "json", "--locale", "zh", e}).out);
  sum = withCode(zh, "sum-row");
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(sum[0].at("message"), "总计应为 1（1+0+0+0+0+0），实为 2");

  // template = "2019" checks the 2024 report as --template 2019 would; --template auto wins.
  auto withoutFileNames = [](std::string out, const std::string& name) {
    for (std::size_t at; (at = out.find(name)) != std::string::npos;) out = out.substr(0, at) + "R" + out.substr(at + name.size());
    return out;
  };
  RunResult forced = runNianbao({"check", f});
  EXPECT_THAT(forced.out, HasSubstr("label-mismatch"));
  EXPECT_THAT(forced.out, HasSubstr("本年制发件数"));
  EXPECT_EQ(withoutFileNames(forced.out, f),
            withoutFileNames(runNianbao({"check", "--template", "2019", p}).out, p));
  EXPECT_EQ(withoutFileNames(runNianbao({"check", "--template", "auto", f}).out, f),
            withoutFileNames(runNianbao({"check", p}).out, p));
  // --no-config: neither applies.
  EXPECT_EQ(withoutFileNames(runNianbao({"check", "--no-config", e}).out, e),
            withoutFileNames(runNianbao({"check", p}).out, p));
}

TEST(ProjectFile, ConfigFlagUsesThatFileForEveryInputInsteadOfTheNearest) {
  Project p;
  p.write("proj/nianbao.toml", "[rules]\nsum-row = \"off\"\n");
  p.write("ci/ci.toml", "[rules]\nbalance = \"off\"\n");
  std::string a = p.write("proj/a.md", example()).string();
  std::string b = p.write("other/b.md", example()).string();
  RunResult t = runNianbao({"check", "--format", "json", "--config", p.str("ci/ci.toml"), a, b});
  json all = parseJson(t.out);
  std::multiset<std::string> withoutBalance = kExampleCodes;
  withoutBalance.erase("balance");
  EXPECT_EQ(codesOf(all, a), withoutBalance);
  EXPECT_EQ(codesOf(all, b), withoutBalance);
  // Relative to the working folder, as any path on the command line.
  RunResult relative = runNianbao({"check", "--format", "json", "--config", "ci/ci.toml", a, b}, std::nullopt, p.path());
  EXPECT_EQ(relative.out, t.out);
  // A --config file that is not there is a mistake, not an empty project.
  RunResult missing = runNianbao({"check", "--config", p.str("ci/none.toml"), a});
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.err, HasSubstr("none.toml: cannot be read"));
  EXPECT_EQ(missing.out, "");
}

TEST(ProjectFile, NoConfigIgnoresEvenABrokenProjectFile) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"warn\"\n");
  std::string r = p.write("r.md", example()).string();
  EXPECT_EQ(runNianbao({"check", r}).status, 2);
  RunResult t = runNianbao({"check", "--no-config", "--format", "json", r});
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(t.err, "");
  EXPECT_EQ(codesOf(parseJson(t.out), r), kExampleCodes);
}

// ---------------------------------------------------------------------------
// Mistakes in a nianbao.toml: all of them, where they are; nothing checked

TEST(ProjectFileMistakes, EveryMistakeIsPrintedWithLineColumnAndKeyThenExitTwo) {
  Project p;
  p.write("nianbao.toml",
          "language = \"fr\"\n"     // 1: value at 12
          "colour = \"always\"\n"   // 2: unknown key at 1
          "[rules]\n"               // 3
          "sum-rows = \"off\"\n"    // 4: unknown code at 1
          "balance = \"warn\"\n"    // 5: value at 11
          "section-title = 3\n"     // 6: value at 17
          "[files]\n"               // 7
          "include = \"*.md\"\n");  // 8: value at 11
  const std::string toml = "nianbao.toml";  // shown relative to the working folder, the project's
  std::string r = p.write("r.md", example()).string();
  RunResult t = runNianbao({"check", r}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  EXPECT_EQ(t.err,
            "nianbao: " + toml + ":1:12: language: must be \"zh\" or \"en\", not \"fr\"\n"
            "nianbao: " + toml + ":2:1: colour: not a setting nianbao knows (the keys are template, language, "
            "[editor], [files], [rules] and [per-file-rules])\n"
            "nianbao: " + toml + ":4:1: [rules] sum-rows: no rule has this code (nianbao check --explain lists them)\n"
            "nianbao: " + toml + ":5:11: [rules] balance: must be \"error\", \"warning\", \"info\", \"hint\" or \"off\", "
            "not \"warn\"\n"
            "nianbao: " + toml + ":6:17: [rules] section-title: must be \"error\", \"warning\", \"info\", \"hint\" or "
            "\"off\", not an integer\n"
            "nianbao: " + toml + ":8:11: files.include: must be an array of globs, not a string\n"
            "nianbao: fix these mistakes in the project file, or run with --no-config\n");
}

TEST(ProjectFileMistakes, AProjectFileOutsideTheWorkingFolderIsNamedByItsWholePath) {
  Project p;
  std::string toml = p.write("proj/nianbao.toml", "[rules]\nsum-row = \"fatal\"\n").string();
  std::string r = p.write("proj/r.md", example()).string();
  fs::create_directories(p.path("elsewhere"));
  RunResult t = runNianbao({"check", r}, std::nullopt, p.path("elsewhere"));
  EXPECT_EQ(t.status, 2);
  EXPECT_THAT(t.err, StartsWith("nianbao: " + toml + ":2:11: [rules] sum-row: must be "));
}

TEST(ProjectFileMistakes, TheReadmeExample) {
  // README.md: an unknown code and an unknown severity.
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-rows = \"off\"\nbalance = \"warn\"\n");
  const std::string toml = "nianbao.toml";
  std::string r = p.write("shiliz-2024.report.md", example()).string();
  RunResult t = runNianbao({"check", r}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  auto lines = splitLines(t.err);
  ASSERT_EQ(lines.size(), 4u) << t.err;
  EXPECT_EQ(lines[0], "nianbao: " + toml + ":2:1: [rules] sum-rows: no rule has this code (nianbao check --explain lists them)");
  EXPECT_EQ(lines[1], "nianbao: " + toml + ":3:11: [rules] balance: must be \"error\", \"warning\", \"info\", \"hint\" or \"off\", not \"warn\"");
  EXPECT_EQ(lines[2], "nianbao: fix these mistakes in the project file, or run with --no-config");
  EXPECT_EQ(lines[3], "");
}

TEST(ProjectFileMistakes, PerFileRulesAreCheckedAsRulesAre) {
  Project p;
  p.write("nianbao.toml",
          "[per-file-rules]\n"
          "\"*.txt\" = [\"section-titles\"]\n"     // 2: the code at 12
          "\"a/*.md\" = { sum-row = \"of\" }\n");  // 3: the value at 24
  const std::string toml = "nianbao.toml";  // shown relative to the working folder, the project's
  std::string r = p.write("r.md", example()).string();
  RunResult t = runNianbao({"check", r}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  EXPECT_EQ(t.err,
            "nianbao: " + toml + ":2:12: [per-file-rules] \"*.txt\": no rule has the code 'section-titles' "
            "(nianbao check --explain lists them)\n"
            "nianbao: " + toml + ":3:24: [per-file-rules] \"a/*.md\" sum-row: must be \"error\", \"warning\", "
            "\"info\", \"hint\" or \"off\", not \"of\"\n"
            "nianbao: fix these mistakes in the project file, or run with --no-config\n");
}

TEST(ProjectFileMistakes, ATomlSyntaxErrorIsReportedWhereItIs) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = = \"warning\"\n");  // two =
  const std::string toml = "nianbao.toml";
  std::string r = p.write("r.md", example()).string();
  RunResult t = runNianbao({"check", r}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  auto lines = splitLines(t.err);
  ASSERT_EQ(lines.size(), 3u) << t.err;
  EXPECT_THAT(lines[0], StartsWith("nianbao: " + toml + ":2:"));
  EXPECT_EQ(lines[1], "nianbao: fix this mistake in the project file, or run with --no-config");
}

TEST(ProjectFileMistakes, OneMistakeIsReportedOnceForAllTheReportsBelowIt) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"fatal\"\n");
  const std::string toml = "nianbao.toml";
  for (const char* name : {"a.md", "b.md", "sub/c.md"}) p.write(name, example());
  RunResult t = runNianbao({"check", p.str()}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  EXPECT_EQ(t.err,
            "nianbao: " + toml + ":2:11: [rules] sum-row: must be \"error\", \"warning\", \"info\", \"hint\" or "
            "\"off\", not \"fatal\"\n"
            "nianbao: fix this mistake in the project file, or run with --no-config\n");
}

TEST(ProjectFileMistakes, OneBrokenProjectStopsTheWholeRun) {
  // Two projects in one run: the good one's reports are not checked either.
  Project p;
  p.write("good/nianbao.toml", "[rules]\nsum-row = \"warning\"\n");
  p.write("bad/nianbao.toml", "[rule]\nsum-row = \"warning\"\n");
  const std::string bad = "bad/nianbao.toml";
  p.write("good/r.md", example());
  p.write("bad/r.md", example());
  RunResult t = runNianbao({"check", p.str()}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  auto lines = splitLines(t.err);
  ASSERT_EQ(lines.size(), 3u) << t.err;
  EXPECT_THAT(lines[0], StartsWith("nianbao: " + bad + ":1:"));
  EXPECT_THAT(lines[0], HasSubstr(": rule: not a setting nianbao knows"));
  EXPECT_EQ(lines[1], "nianbao: fix this mistake in the project file, or run with --no-config");
}

// ---------------------------------------------------------------------------
// Suppressions in check

TEST(Suppressions, DisableNextLineInsideATableHidesThatCodeOnThatLineOnly) {
  // The comment becomes line 51 and row 一 line 52; balance on that row stays.
  Project p;
  std::string r =
      p.write("r.md", insertLineBefore(example(), 51, "<!-- nianbao-disable-next-line sum-row -->")).string();
  RunResult t = runNianbao({"check", "--format", "json", r});
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(codesAndLines(parseJson(t.out)),
            (CodesAndLines{
                {"label-mismatch", 32}, {"balance", 52}, {"row-missing", 69}, {"sum-review", 82}, {"section-title", 84}}));
}

TEST(Suppressions, ACommentLineInsideATableDoesNotEndTheTable) {
  // A comment that suppresses nothing, inside part 三's table (before line
  // 61): the table is read as before, every finding is where it was (one
  // line lower after 61), and the comment is reported at its code, 61:32.
  Project p;
  std::string r =
      p.write("r.md", insertLineBefore(example(), 61, "<!-- nianbao-disable-next-line fee-conflict -->")).string();
  json all = parseJson(runNianbao({"check", "--format", "json", r}).out);
  EXPECT_EQ(codesAndLines(all), (CodesAndLines{{"label-mismatch", 32},
                                                                          {"sum-row", 51},
                                                                          {"balance", 51},
                                                                          {"unused-suppression", 61},
                                                                          {"row-missing", 69},
                                                                          {"sum-review", 82},
                                                                          {"section-title", 84}}))
      << all.dump(2);
  auto unused = withCode(all, "unused-suppression");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].at("column"), 32);
  EXPECT_EQ(unused[0].at("severity"), "info");
}

TEST(Suppressions, DisableAndEnableWithoutCodesHideEveryCodeBetween) {
  // Around part 三's table: its sum-row, balance and row-missing go; the
  // findings before (32) and after it (sum-review, section-title, two lines
  // lower) stay.
  std::string text = example();
  replaceOnce(text, "### 三、收到和处理政府信息公开申请情况\n\n",
              "### 三、收到和处理政府信息公开申请情况\n\n<!-- nianbao-disable -->\n");
  replaceOnce(text, "| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
              "| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n<!-- nianbao-enable -->\n");
  Project p;
  std::string r = p.write("r.md", text).string();
  RunResult t = runNianbao({"check", "--format", "json", r});
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(codesAndLines(parseJson(t.out)),
            (CodesAndLines{{"label-mismatch", 32}, {"sum-review", 83}, {"section-title", 85}}));
}

TEST(Suppressions, ADisableWithoutAnEnableRunsToTheEndOfTheFile) {
  std::string text = example();
  replaceOnce(text, "#### 四、政府信息公开行政复议、行政诉讼情况\n",
              "<!-- nianbao-disable sum-review section-title -->\n#### 四、政府信息公开行政复议、行政诉讼情况\n");
  Project p;
  std::string r = p.write("r.md", text).string();
  RunResult t = runNianbao({"check", "--format", "json", r});
  EXPECT_EQ(codesAndLines(parseJson(t.out)),
            (CodesAndLines{
                {"label-mismatch", 32}, {"sum-row", 51}, {"balance", 51}, {"row-missing", 68}}));
}

TEST(Suppressions, CodesAreSeparatedBySpacesOrCommas) {
  for (const std::string codes : {"sum-row balance", "sum-row,balance", "sum-row, balance", "sum-row，balance"}) {
    Project p;
    std::string r =
        p.write("r.md", insertLineBefore(reportWithWrongTotal(), 51, "<!-- nianbao-disable-next-line " + codes + " -->"))
            .string();
    RunResult t = runNianbao({"check", r});
    EXPECT_EQ(t.status, 0) << codes << "\n" << t.out;
    EXPECT_EQ(t.out, "0 error(s), 0 warning(s) in 1 file(s)\n") << codes;
  }
}

TEST(Suppressions, UnusedOnesAreNotesAndDoNotFailTheRun) {
  // In the clean report: a disable-next-line over a row with nothing wrong
  // (line 52 once the first comment is in), a code no rule has (line 3) and
  // an enable that ends nothing (appended as line 108). Each is reported at
  // its code: `<!-- nianbao-disable-next-line ` is 31 code points and
  // `<!-- nianbao-enable ` 20.
  std::string text = insertLineBefore(cleanReport(), 51, "<!-- nianbao-disable-next-line sum-row -->");
  text = insertLineBefore(text, 3, "<!-- nianbao-disable-next-line no-such-code -->");
  text += "\n<!-- nianbao-enable balance -->";
  Project p;
  std::string r = p.write("r.md", text).string();
  RunResult t = runNianbao({"check", r});
  EXPECT_EQ(t.status, 0) << t.out;
  EXPECT_EQ(t.err, "");
  EXPECT_THAT(t.out, HasSubstr(r + ":3:32: info[unused-suppression]: 没有规则的代码是 no-such-code，这条屏蔽不起作用\n"));
  EXPECT_THAT(t.out,
              HasSubstr(r + ":52:32: info[unused-suppression]: nianbao-disable-next-line sum-row 没有屏蔽任何问题，可以删除\n"));
  EXPECT_THAT(t.out,
              HasSubstr(r + ":108:21: info[unused-suppression]: nianbao-enable balance 之前没有对应的 nianbao-disable，可以删除\n"));
  EXPECT_EQ(countOf(t.out, "info[unused-suppression]"), 3u);
  EXPECT_THAT(t.out, EndsWith("0 error(s), 0 warning(s), 3 note(s) in 1 file(s)\n"));

  // A project can turn the code off like any other.
  p.write("nianbao.toml", "[rules]\nunused-suppression = \"off\"\n");
  RunResult off = runNianbao({"check", r});
  EXPECT_EQ(off.out, "0 error(s), 0 warning(s) in 1 file(s)\n");
}

TEST(Suppressions, ASuppressedCodeThatTheProjectTurnsOffIsStillUsed) {
  // Suppressions are applied before the project's severities: the comment
  // did suppress sum-row, so it is not reported as unused.
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"off\"\nbalance = \"off\"\n");
  std::string r =
      p.write("r.md", insertLineBefore(reportWithWrongTotal(), 51, "<!-- nianbao-disable-next-line sum-row -->")).string();
  RunResult t = runNianbao({"check", r});
  EXPECT_EQ(t.status, 0);
  EXPECT_EQ(t.out, "0 error(s), 0 warning(s) in 1 file(s)\n");
}

// ---------------------------------------------------------------------------
// fix: the same settings as check

TEST(FixWithProject, ASuppressedFindingIsNotFixed) {
  // sum-row is suppressed around part 三's table; balance, on the same row,
  // has no fix and is left for a person.
  std::string text = reportWithWrongTotal();
  replaceOnce(text, "### 三、收到和处理政府信息公开申请情况\n\n",
              "### 三、收到和处理政府信息公开申请情况\n\n<!-- nianbao-disable sum-row -->\n");
  replaceOnce(text, "| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
              "| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n<!-- nianbao-enable sum-row -->\n");
  Project p;
  fs::path r = p.write("r.md", text);
  RunResult t = runNianbao({"fix", r.string()});
  EXPECT_EQ(t.status, 1) << t.out << t.err;
  EXPECT_EQ(t.out, r.string() + ": 1 error(s) left that need a person (run nianbao check)\n");
  EXPECT_TRUE(sameText(readBytes(r), text));
}

TEST(FixWithProject, ACodeTheProjectTurnsOffIsNotFixed) {
  // A wrong total and a wrong title; section-title is off: only the total is fixed.
  std::string text = reportWithWrongTotal();
  replaceOnce(text, kTitle83Fixed, kTitle83);
  Project p;
  p.write("nianbao.toml", "[rules]\nsection-title = \"off\"\n");
  fs::path r = p.write("r.md", text);
  RunResult t = runNianbao({"fix", r.string()});
  EXPECT_EQ(t.status, 0) << t.out << t.err;
  EXPECT_THAT(t.out, HasSubstr(r.string() + ":51:49: fixed[sum-row]: "));
  EXPECT_THAT(t.out, Not(HasSubstr("section-title")));
  EXPECT_TRUE(sameText(readBytes(r), reportWithOnlyAWarning()));
}

TEST(FixWithProject, ABrokenProjectFileStopsFixBeforeAnythingIsWritten) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"warn\"\n");
  fs::path r = p.write("r.md", reportWithWrongTotal());
  RunResult t = runNianbao({"fix", r.string()}, std::nullopt, p.path());
  EXPECT_EQ(t.status, 2);
  EXPECT_EQ(t.out, "");
  EXPECT_THAT(t.err, StartsWith("nianbao: nianbao.toml:2:11: [rules] sum-row: must be "));
  EXPECT_THAT(t.err, HasSubstr("--no-config"));
  EXPECT_TRUE(sameText(readBytes(r), reportWithWrongTotal()));
  EXPECT_EQ(p.listing(), (std::set<std::string>{"nianbao.toml", "r.md"}));  // no temporary file left
  // --no-config: fixed.
  RunResult noConfig = runNianbao({"fix", "--no-config", r.string()});
  EXPECT_EQ(noConfig.status, 0) << noConfig.err;
  EXPECT_TRUE(sameText(readBytes(r), cleanReport()));
}

TEST(FixWithProject, AnUnusedSuppressionIsRemovedWithItsLine) {
  Project p;
  fs::path r = p.write("r.md", insertLineBefore(cleanReport(), 51, "<!-- nianbao-disable-next-line sum-row -->"));
  RunResult t = runNianbao({"fix", r.string()});
  EXPECT_EQ(t.status, 0) << t.out << t.err;
  EXPECT_EQ(t.out, r.string() +
                       ":51:32: fixed[unused-suppression]: nianbao-disable-next-line sum-row 没有屏蔽任何问题，可以删除 — "
                       "删除这条屏蔽注释\n");
  EXPECT_TRUE(sameText(readBytes(r), cleanReport()));
}

TEST(FixWithProject, AnUnusedCodeIsRemovedFromACommentWhoseOtherCodeIsUsed) {
  // sum-row is suppressed on row 一 (line 52), section-title is not wrong
  // there: " section-title" goes (the code at 40, after the 31 code points
  // of `<!-- nianbao-disable-next-line ` and "sum-row "); the total stays.
  Project p;
  std::string text = insertLineBefore(reportWithWrongTotal(), 51, "<!-- nianbao-disable-next-line sum-row section-title -->");
  fs::path r = p.write("r.md", text);
  RunResult t = runNianbao({"fix", r.string()});
  EXPECT_EQ(t.status, 1) << t.out << t.err;  // balance is left
  EXPECT_THAT(t.out, StartsWith(r.string() + ":51:40: fixed[unused-suppression]: nianbao-disable-next-line section-title "
                                             "没有屏蔽任何问题，可以删除 — 从屏蔽注释中删除 section-title\n"));
  EXPECT_TRUE(sameText(readBytes(r), insertLineBefore(reportWithWrongTotal(), 51, "<!-- nianbao-disable-next-line sum-row -->")));
}

TEST(FixWithProject, ExcludedFilesAreNotFixedWhetherNamedOrWalked) {
  Project p;
  p.write("nianbao.toml", "[files]\nexclude = [\"drafts\"]\n");
  fs::path kept = p.write("r.md", reportWithWrongTotal());
  fs::path draft = p.write("drafts/d.md", reportWithWrongTotal());
  RunResult named = runNianbao({"fix", draft.string()});
  EXPECT_EQ(named.status, 0) << named.out << named.err;
  EXPECT_EQ(named.out, "");
  EXPECT_TRUE(sameText(readBytes(draft), reportWithWrongTotal()));
  RunResult walked = runNianbao({"fix", p.str()});
  EXPECT_EQ(walked.status, 0) << walked.out << walked.err;
  EXPECT_TRUE(sameText(readBytes(kept), cleanReport()));
  EXPECT_TRUE(sameText(readBytes(draft), reportWithWrongTotal()));
  EXPECT_THAT(walked.out, Not(HasSubstr("drafts")));
}

TEST(FixWithProject, AFoldersWalkFixesOnlyWhatIncludeNames) {
  // As check: a folder's files that [files] include does not name are not
  // checked, so not fixed; named on the command line, they are.
  Project p;
  p.write("nianbao.toml", "[files]\ninclude = [\"reports/**\"]\n");
  fs::path report = p.write("reports/a.md", reportWithWrongTotal());
  fs::path note = p.write("notes/b.md", reportWithWrongTotal());
  RunResult check = runNianbao({"check", p.str()});
  EXPECT_THAT(check.out, Not(HasSubstr(note.string())));
  RunResult walked = runNianbao({"fix", p.str()});
  EXPECT_EQ(walked.status, 0) << walked.out << walked.err;
  EXPECT_TRUE(sameText(readBytes(report), cleanReport()));
  EXPECT_TRUE(sameText(readBytes(note), reportWithWrongTotal()));
  EXPECT_THAT(walked.out, Not(HasSubstr(note.string())));
  RunResult named = runNianbao({"fix", note.string()});
  EXPECT_EQ(named.status, 0);
  EXPECT_TRUE(sameText(readBytes(note), cleanReport()));
}

TEST(FixWithProject, AnExcludedWordDocumentInTheWalkIsNoError) {
  // fix refuses to rewrite .docx files it is asked to fix; one the project
  // excludes is not asked for, as check does not read it.
  Project p;
  p.write("nianbao.toml", "[files]\nexclude = [\"*.docx\"]\n");
  fs::path report = p.write("a.md", reportWithWrongTotal());
  p.write("b.docx", "not a zip");
  EXPECT_EQ(runNianbao({"check", p.str()}).status, 1);
  RunResult t = runNianbao({"fix", p.str()});
  EXPECT_EQ(t.status, 0) << t.out << t.err;
  EXPECT_EQ(t.err, "");
  EXPECT_TRUE(sameText(readBytes(report), cleanReport()));
}

TEST(FixWithProject, TheProjectsLanguageWordsTheFixLines) {
  Project p;
  p.write("nianbao.toml", "language = \"en\"\n");
  fs::path r = p.write("r.md", reportWithWrongTotal());
  RunResult t = runNianbao({"fix", r.string()});
  EXPECT_EQ(t.out, r.string() + ":51:49: fixed[sum-row]: The total should be 1 (1+0+0+0+0+0), but is 2 — Change to 1\n");
  EXPECT_TRUE(sameText(readBytes(r), cleanReport()));
}

}  // namespace
