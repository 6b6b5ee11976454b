// nianbao check on many files (README.md, Checking many reports): checked
// in parallel (--jobs) but printed in one order, by file as the arguments
// and the sorted walk give them; for more than one file, a table per code
// and one per file before the totals; a progress line on stderr only when
// stderr is a terminal.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "CliRun.h"
#include "Commands.h"
#include "TemplateChoice.h"
#include "TestFiles.h"
#include "templates/BuiltinTemplates.h"

namespace {

namespace fs = std::filesystem;
using namespace nianbao::testing;
using nlohmann::json;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

fs::path write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  writeBytes(p, text);
  return p;
}

std::string corpusReal(const std::string& name) {
  std::string text = readBytes(fs::path(NIANBAO_SHARED) / "corpus" / "real" / name);
  EXPECT_FALSE(text.empty()) << "cannot read corpus file " << name;
  return text;
}

// The clean report with a disable-next-line over row 一, which has nothing
// wrong: one unused-suppression (info).
std::string reportWithAnUnusedSuppression() {
  return insertLineBefore(cleanReport(), 51, "<!-- nianbao-disable-next-line sum-row -->");
}

// ~30 reports in nested folders: the real corpus and the example three
// times over, a few variants, and a project file in one folder. Returns
// every report's path.
std::vector<fs::path> writeBatch(const fs::path& root) {
  const std::vector<std::string> corpus = {"01_huaian-shi-2024.txt",
                                           "02_hongze-qu-2023.txt",
                                           "03_hongze-qu-2024.txt",
                                           "04_shandong-sheng-bgt-2023_EXCERPT.txt",
                                           "05_changchun-shi-styjrswj-2023_EXCERPT.txt",
                                           "06_gaoping-shi-2023_EXCERPT.txt",
                                           "07_xjnlk-town-2023_EXCERPT.txt",
                                           "08_shenzhen-longgang-dept-2024_EXCERPT.txt"};
  std::vector<fs::path> files;
  for (const std::string folder : {"", "a/b/", "z/q/r/"}) {
    for (const auto& name : corpus) files.push_back(write(root / (folder + name), corpusReal(name)));
    files.push_back(write(root / (folder + "shiliz-2024.report.md"), example()));
  }
  files.push_back(write(root / "a/clean.md", cleanReport()));
  files.push_back(write(root / "a/b/c/warning.md", reportWithOnlyAWarning()));
  files.push_back(write(root / "z/unused.md", reportWithAnUnusedSuppression()));
  write(root / "z/nianbao.toml", "[rules]\nsum-row = \"warning\"\n");
  return files;
}

// ---------------------------------------------------------------------------
// One order whatever the jobs

TEST(Batch, TheOutputIsByteForByteTheSameWhateverTheNumberOfJobs) {
  TempDir dir;
  std::vector<fs::path> files = writeBatch(dir.path());
  ASSERT_EQ(files.size(), 30u);
  const std::string root = dir.path().string();
  const std::vector<std::vector<std::string>> formats = {{}, {"--format", "json"}, {"--format", "sarif"}, {"--statistics"}};
  for (const auto& format : formats) {
    std::vector<std::string> args = {"check"};
    args.insert(args.end(), format.begin(), format.end());
    args.push_back(root);
    std::vector<std::string> one = args, four = args;
    one.insert(one.begin() + 1, {"--jobs", "1"});
    four.insert(four.begin() + 1, {"-j", "4"});
    RunResult a = runNianbao(one), b = runNianbao(four), c = runNianbao(args);
    std::string name = format.empty() ? "text" : format.back();
    EXPECT_EQ(a.status, 1) << name << a.err;
    EXPECT_FALSE(a.out.empty()) << name;
    EXPECT_EQ(b.out, a.out) << name;
    EXPECT_EQ(c.out, a.out) << name << " (one job per core)";
    EXPECT_EQ(b.status, a.status) << name;
    EXPECT_EQ(a.err, "") << name;
    EXPECT_EQ(b.err, "") << name;
  }
}

TEST(Batch, FindingsComeFileByFileInTheSortedWalksOrder) {
  TempDir dir;
  std::vector<fs::path> files = writeBatch(dir.path());
  RunResult r = runNianbao({"check", "-j", "4", "--format", "json", dir.path().string()});
  json all = parseJson(r.out);
  std::vector<std::string> order;  // each file once, where its findings begin
  for (const auto& f : all) {
    std::string file = f.at("file");
    if (order.empty() || order.back() != file) {
      EXPECT_EQ(std::count(order.begin(), order.end(), file), 0) << file << "'s findings are not together";
      order.push_back(file);
    }
  }
  std::vector<fs::path> sorted = files;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> expected;
  for (const auto& p : sorted)
    if (std::find(order.begin(), order.end(), p.string()) != order.end()) expected.push_back(p.string());
  EXPECT_EQ(order, expected);
  // Every report with a mistake is there: the example's three copies at least.
  for (const std::string folder : {"", "a/b/", "z/q/r/"})
    EXPECT_NE(std::find(order.begin(), order.end(), (dir.path() / (folder + "shiliz-2024.report.md")).string()),
              order.end())
        << folder;
  EXPECT_EQ(std::count(order.begin(), order.end(), (dir.path() / "a/clean.md").string()), 0);
}

TEST(Batch, FilesNamedOnTheCommandLineKeepTheirOrder) {
  TempDir dir;
  fs::path a = write(dir / "a.md", example()), b = write(dir / "b.md", reportWithOnlyAWarning());
  RunResult r = runNianbao({"check", "-j", "2", "--format", "json", b.string(), a.string()});
  json all = parseJson(r.out);
  ASSERT_EQ(all.size(), 7u) << r.out;
  EXPECT_EQ(all[0].at("file"), b.string());
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_EQ(all[i].at("file"), a.string());
}

// ---------------------------------------------------------------------------
// The tables after the findings

// a.md: the example (4 errors, 2 warnings, one of each code); b.md: clean;
// c/d.md: one section-title warning; e.md: one unused-suppression note.
struct TableBatch {
  TempDir dir;
  std::string a, b, d, e;
  TableBatch() {
    a = write(dir / "a.md", example()).string();
    b = write(dir / "b.md", cleanReport()).string();
    d = write(dir / "c/d.md", reportWithOnlyAWarning()).string();
    e = write(dir / "e.md", reportWithAnUnusedSuppression()).string();
  }
  // The code table: most found first, then by code.
  std::string codeTable() const {
    return "     2  section-title (warning)\n"
           "     1  balance (error)\n"
           "     1  label-mismatch (warning)\n"
           "     1  row-missing (error)\n"
           "     1  sum-review (error)\n"
           "     1  sum-row (error)\n"
           "     1  unused-suppression (info)\n";
  }
  std::string totals() const { return "4 error(s), 3 warning(s), 1 note(s) in 4 file(s)\n"; }
  // What follows the findings: both tables, in input order the files with findings.
  std::string tail() const {
    return "\nFindings by code:\n" + codeTable() +
           "\nFindings by file:\n"
           "errors  warnings  notes  file\n"
           "     4         2      0  " + a + "\n"
           "     0         1      0  " + d + "\n"
           "     0         0      1  " + e + "\n"
           "\n" + totals();
  }
};

TEST(BatchTables, TextOutputEndsWithACodeTableAFileTableAndTheTotals) {
  TableBatch t;
  RunResult r = runNianbao({"check", t.dir.path().string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, EndsWith(t.tail()));
  EXPECT_EQ(countOf(r.out, "Findings by code:"), 1u);
  EXPECT_EQ(countOf(r.out, "Findings by file:"), 1u);
  // Before the tables: every finding, and nothing of the clean file.
  std::string findings = r.out.substr(0, r.out.size() - t.tail().size());
  EXPECT_THAT(findings, HasSubstr(t.a + ":51:49: error[sum-row]: "));
  EXPECT_THAT(findings, HasSubstr(t.d + ":84:6: warning[section-title]: "));
  EXPECT_THAT(findings, HasSubstr(t.e + ":51:32: info[unused-suppression]: "));
  EXPECT_THAT(findings, Not(HasSubstr(t.b)));
}

TEST(BatchTables, TheReadmeExample) {
  // README.md, Checking many reports: the example in reports/a and, as
  // 2024.txt, in reports/b; `nianbao check reports | tail -n 14`.
  TempDir dir;
  write(dir / "reports/a/shiliz-2024.report.md", example());
  write(dir / "reports/b/2024.txt", example());
  RunResult r = runNianbao({"check", "reports"}, std::nullopt, dir.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out, EndsWith("Findings by code:\n"
                              "     2  balance (error)\n"
                              "     2  label-mismatch (warning)\n"
                              "     2  row-missing (error)\n"
                              "     2  section-title (warning)\n"
                              "     2  sum-review (error)\n"
                              "     2  sum-row (error)\n"
                              "\n"
                              "Findings by file:\n"
                              "errors  warnings  notes  file\n"
                              "     4         2      0  reports/a/shiliz-2024.report.md\n"
                              "     4         2      0  reports/b/2024.txt\n"
                              "\n"
                              "8 error(s), 4 warning(s) in 2 file(s)\n"));
}

TEST(BatchTables, QuietLeavesOutBothTablesAndTheTotals) {
  TableBatch t;
  RunResult full = runNianbao({"check", t.dir.path().string()});
  RunResult quiet = runNianbao({"check", "--quiet", t.dir.path().string()});
  EXPECT_EQ(quiet.status, 1);
  EXPECT_THAT(quiet.out, HasSubstr("error[sum-row]"));
  EXPECT_EQ(quiet.out + t.tail(), full.out);
}

TEST(BatchTables, StatisticsGivesTheCodeTableAndTheTotalsOnly) {
  TableBatch t;
  RunResult r = runNianbao({"check", "--statistics", t.dir.path().string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, t.codeTable() + t.totals());
  RunResult quiet = runNianbao({"check", "--statistics", "--quiet", t.dir.path().string()});
  EXPECT_EQ(quiet.out, t.codeTable());
  RunResult j = runNianbao({"check", "--statistics", "--format", "json", t.dir.path().string()});
  json rows = parseJson(j.out);
  ASSERT_EQ(rows.size(), 7u) << j.out;
  EXPECT_EQ(rows[0], (json{{"code", "section-title"}, {"severity", "warning"}, {"count", 2}}));
  EXPECT_EQ(rows[6], (json{{"code", "unused-suppression"}, {"severity", "info"}, {"count", 1}}));
}

TEST(BatchTables, TheCodeTableShowsTheSeverityAProjectGave) {
  TableBatch t;
  writeBytes(t.dir / "nianbao.toml", "[rules]\nsum-row = \"warning\"\nsection-title = \"info\"\n");
  RunResult r = runNianbao({"check", t.dir.path().string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out, HasSubstr("\nFindings by code:\n"
                               "     2  section-title (info)\n"
                               "     1  balance (error)\n"
                               "     1  label-mismatch (warning)\n"
                               "     1  row-missing (error)\n"
                               "     1  sum-review (error)\n"
                               "     1  sum-row (warning)\n"
                               "     1  unused-suppression (info)\n"));
  EXPECT_THAT(r.out, HasSubstr("errors  warnings  notes  file\n"
                               "     3         2      1  " + t.a + "\n"
                               "     0         0      1  " + t.d + "\n"
                               "     0         0      1  " + t.e + "\n"));
  EXPECT_THAT(r.out, EndsWith("3 error(s), 2 warning(s), 3 note(s) in 4 file(s)\n"));
}

TEST(BatchTables, NoTablesForOneFileOrForAnotherFormat) {
  TableBatch t;
  RunResult one = runNianbao({"check", t.a});
  EXPECT_THAT(one.out, Not(HasSubstr("Findings by")));
  EXPECT_THAT(one.out, EndsWith("\n4 error(s), 2 warning(s) in 1 file(s)\n"));
  RunResult j = runNianbao({"check", "--format", "json", t.dir.path().string()});
  EXPECT_EQ(parseJson(j.out).size(), 8u);  // one array, nothing after it
  for (const char* format : {"json-lines", "github", "sarif", "junit"})
    EXPECT_THAT(runNianbao({"check", "--format", format, t.dir.path().string()}).out, Not(HasSubstr("Findings by")))
        << format;
}

TEST(BatchTables, ACleanBatchPrintsOnlyTheTotalsAndNothingOnStderr) {
  // Through pipes, as in CI: no tables with nothing to tabulate, and no progress line.
  TempDir dir;
  for (const char* name : {"a.md", "b/c.md", "b/d/e.md"}) write(dir / name, cleanReport());
  RunResult r = runPiped({"check", dir.path().string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "0 error(s), 0 warning(s) in 3 file(s)\n");
  EXPECT_EQ(r.err, "");
}

// ---------------------------------------------------------------------------
// The progress line: on a terminal only, erased at the end

TEST(BatchProgress, NoProgressLineWhenStderrIsAPipeOrAFile) {
  TempDir dir;
  writeBatch(dir.path());
  EXPECT_EQ(runPiped({"check", dir.path().string()}).err, "");
  EXPECT_EQ(runNianbao({"check", dir.path().string()}).err, "");
}

TEST(BatchProgress, OnATerminalTheLineIsDrawnAndErased) {
  if (!pseudoTerminalsAvailable()) GTEST_SKIP() << "no pseudo-terminal to run under";
  // One job, so files finish in order: the first file's line is always
  // drawn, the last's too (done == total), the ones between only after a
  // tenth of a second; then the line is erased. 1 of 3 fills 10 of the 30
  // columns.
  TempDir dir;
  for (const char* name : {"a.md", "b.md", "c.md"}) write(dir / name, example());
  RunResult r = runWithStderrOnTerminal({"check", "--jobs", "1", dir.path().string()});
  EXPECT_EQ(r.status, 1);
  const std::string drawn = R"(\r\[[#.]{30}\] [123]/3 files, \d+ files/s\x1b\[K)";
  EXPECT_TRUE(std::regex_match(r.err, std::regex("(" + drawn + ")+" + R"(\r\x1b\[K)")))
      << ::testing::PrintToString(r.err);
  EXPECT_THAT(r.err, ::testing::StartsWith("\r[" + std::string(10, '#') + std::string(20, '.') + "] 1/3 files, "));
  EXPECT_THAT(r.err, HasSubstr("\r[" + std::string(30, '#') + "] 3/3 files, "));
  EXPECT_THAT(r.err, EndsWith("\x1b[K\r\x1b[K"));
  // stdout, a file here, has none of it, and is what it is without a terminal.
  EXPECT_THAT(r.out, Not(HasSubstr("files/s")));
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
  EXPECT_EQ(r.out, runNianbao({"check", "--jobs", "1", dir.path().string()}).out);
}

TEST(BatchProgress, InProcessTheLineGoesToErrOnlyWhenAskedAndTheOutputIsTheSame) {
  // runCheck draws on `err` when CheckOptions::progress says so (main sets
  // it when stderr is a terminal); the findings do not change.
  TempDir dir;
  for (const char* name : {"a.md", "b/c.md", "d.md"}) write(dir / name, example());
  nianbao::TemplateChoice templates{nianbao::builtinTemplates(), "zh"};
  auto run = [&](bool progress, unsigned jobs, std::string& err) {
    nianbao::cli::CheckOptions o;
    o.paths = {dir.path().string()};
    o.jobs = jobs;
    o.progress = progress;
    std::ostringstream out, errStream;
    EXPECT_EQ(nianbao::cli::runCheck(templates, o, out, errStream), 1);
    err = errStream.str();
    return out.str();
  };
  std::string quietErr, drawnErr;
  std::string plain = run(false, 1, quietErr);
  std::string drawn = run(true, 2, drawnErr);
  EXPECT_EQ(quietErr, "");
  EXPECT_EQ(drawn, plain);
  EXPECT_TRUE(std::regex_match(drawnErr, std::regex(R"((\r\[[#.]{30}\] [123]/3 files, \d+ files/s\x1b\[K)+\r\x1b\[K)")))
      << ::testing::PrintToString(drawnErr);
}

TEST(BatchProgress, NoProgressLineForASingleFileEvenOnATerminal) {
  if (!pseudoTerminalsAvailable()) GTEST_SKIP() << "no pseudo-terminal to run under";
  TempDir dir;
  write(dir / "a.md", example());
  RunResult r = runWithStderrOnTerminal({"check", (dir / "a.md").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "");
}

}  // namespace
