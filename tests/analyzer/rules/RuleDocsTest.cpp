// The rule pages (docs/rules/CODE.md) embedded in the program: each parses,
// the README's index agrees with them, and they are true to the rules —
// every code a rule reports (in the corpus, in the tests' own reports, in the
// rules' source and the templates' relations) has a page, at the severity the
// page gives, and a code whose page says it has no fix never carries one.
#include "rules/RuleDocs.h"

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "TemplateChoice.h"
#include "TestSupport.h"
#include "rules/CarryoverRules.h"
#include "rules/RuleSettings.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kSource = NIANBAO_SOURCE_DIR;

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

TEST(RuleDocs, EveryPageParsesWithAKnownSeverityAndTheFixedSections) {
  const auto& docs = ruleDocs();
  ASSERT_GE(docs.size(), 24u);
  std::set<std::string_view> seen;
  for (const RuleDoc& doc : docs) {
    SCOPED_TRACE(std::string(doc.code));
    EXPECT_TRUE(seen.insert(doc.code).second) << "listed twice";
    EXPECT_TRUE(doc.severity == Severity::Error || doc.severity == Severity::Warning ||
                doc.severity == Severity::Info || doc.severity == Severity::Hint);
    EXPECT_TRUE(doc.fix == "yes" || doc.fix == "some" || doc.fix == "no") << doc.fix;
    EXPECT_FALSE(doc.summary.empty());
    EXPECT_EQ(doc.summary.find('\n'), std::string_view::npos);
    EXPECT_EQ(doc.summary.find('`'), std::string_view::npos) << "summaries are plain text (SARIF, --explain)";
    EXPECT_TRUE(doc.markdown.starts_with("# " + std::string(doc.code) + "\n\n**Severity:** " +
                                         std::string(severityName(doc.severity))));
    // The sections, in this order.
    std::size_t at = 0;
    for (const char* section : {"\n## What it checks\n", "\n## Why the template requires it\n", "\n## Wrong\n",
                                "\n## Right\n", "\n## Fix\n", "\n## Turning it off\n", "\nCode: `"}) {
      std::size_t found = doc.markdown.find(section, at);
      EXPECT_NE(found, std::string_view::npos) << "no " << section << " after byte " << at;
      if (found != std::string_view::npos) at = found;
    }
    std::vector<std::string> page = lines(doc.markdown);
    EXPECT_GE(page.size(), 40u);
    EXPECT_LE(page.size(), 90u);
    // How to turn it off names this code, in nianbao.toml and (except for the
    // suppression comments' own code, which they cannot hide) inline.
    std::string code(doc.code);
    EXPECT_THAT(doc.markdown, HasSubstr(code + " = \"off\""));
    if (code != "unused-suppression")
      for (const std::string& comment : {"<!-- nianbao-disable " + code + " -->", "<!-- nianbao-enable " + code + " -->",
                                         "<!-- nianbao-disable-next-line " + code + " -->"})
        EXPECT_THAT(doc.markdown, HasSubstr(comment));
    // Every file the Code: line names exists.
    std::string codeLine = page.back();
    EXPECT_TRUE(codeLine.starts_with("Code: ")) << codeLine;
    std::regex path("`((analyzer|cli|lsp)/[A-Za-z/]+\\.(cpp|h|json))`");
    int paths = 0;
    for (std::sregex_iterator it(codeLine.begin(), codeLine.end(), path), end; it != end; ++it, ++paths)
      EXPECT_TRUE(fs::exists(kSource / (*it)[1].str())) << (*it)[1];
    EXPECT_GE(paths, 1) << codeLine;
  }
}

TEST(RuleDocs, FindAndUrl) {
  const RuleDoc* doc = findRuleDoc("sum-row");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->code, "sum-row");
  EXPECT_EQ(doc->severity, Severity::Error);
  EXPECT_EQ(doc->fix, "yes");
  EXPECT_EQ(findRuleDoc("balance")->fix, "no");
  EXPECT_EQ(findRuleDoc("implausible-value")->severity, Severity::Info);
  EXPECT_EQ(findRuleDoc("unused-suppression")->severity, Severity::Info);
  EXPECT_EQ(findRuleDoc("sum-rows"), nullptr);
  EXPECT_EQ(findRuleDoc(""), nullptr);
  EXPECT_EQ(findRuleDoc("SUM-ROW"), nullptr);  // codes are lower-case; --explain folds case itself
  EXPECT_EQ(ruleDocUrl("sum-row"), "https://github.com/nianbao/nianbao/blob/main/docs/rules/sum-row.md");
  EXPECT_EQ(kRuleDocsBaseUrl, "https://github.com/nianbao/nianbao/blob/main/docs/rules/");
}

// The index: the same pages, in the same order, with the same severity, fix
// and summary as their headers (it is written by hand, so it can drift).
TEST(RuleDocs, TheReadmeIndexListsEveryPageInOrderWithItsHeader) {
  std::string readme = readFile((kSource / "docs/rules/README.md").string());
  ASSERT_FALSE(readme.empty());
  std::regex row(R"(^\| \[([a-z0-9-]+)\]\(([a-z0-9-]+)\.md\) \| (\w+) \| (\w+) \| (.*) \|$)");
  std::vector<std::string> listed;
  for (const std::string& line : lines(readme)) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    SCOPED_TRACE(line);
    listed.push_back(m[1]);
    EXPECT_EQ(m[1].str(), m[2].str());
    const RuleDoc* doc = findRuleDoc(m[1].str());
    ASSERT_NE(doc, nullptr);
    EXPECT_EQ(m[3].str(), severityName(doc->severity));
    EXPECT_EQ(m[4].str(), doc->fix);
    EXPECT_EQ(m[5].str(), doc->summary);
  }
  std::vector<std::string> order;
  for (const RuleDoc& doc : ruleDocs()) order.emplace_back(doc.code);
  EXPECT_EQ(listed, order);
  // And every page in the directory is one of them.
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(kSource / "docs/rules"))
    if (e.path().extension() == ".md" && e.path().stem() != "README") files.insert(e.path().stem().string());
  EXPECT_EQ(files, std::set<std::string>(order.begin(), order.end()));
}

TEST(RuleDocs, ParseRefusesAMalformedHeaderSayingWhy) {
  const std::string good = "# sum-row\n\n**Severity:** error · **Fix:** yes\n\nIn table 三, a row's 总计 is off.\n\n## What it checks\n";
  std::string error;
  auto doc = parseRuleDoc("sum-row", good, &error);
  ASSERT_TRUE(doc) << error;
  EXPECT_EQ(doc->severity, Severity::Error);
  EXPECT_EQ(doc->fix, "yes");
  EXPECT_EQ(doc->summary, "In table 三, a row's 总计 is off.");
  EXPECT_EQ(doc->markdown.size(), good.size());

  struct Bad {
    std::string page, why;
  };
  std::vector<Bad> bad = {
      {replaced(good, "# sum-row", "# sum-rows"), "first line"},
      {replaced(good, "# sum-row\n\n", "# sum-row\n"), "third line"},
      {replaced(good, "error", "fatal"), "severity 'fatal'"},
      {replaced(good, "error", "Error"), "severity 'Error'"},
      {replaced(good, " · **Fix:** yes", ""), "Fix"},
      {replaced(good, "**Fix:** yes", "**Fix:** maybe"), "fix 'maybe'"},
      {replaced(good, "In table 三, a row's 总计 is off.\n", ""), "summary"},
      {replaced(good, "In table 三, a row's 总计 is off.\n", "## What it checks\n"), "summary"},
      {replaced(good, "is off.\n\n", "is off.\nand more.\n\n"), "summary"},
      {replaced(good, "\n\n**Severity", "\r\n\r\n**Severity"), "CR"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.page);
    error.clear();
    EXPECT_FALSE(parseRuleDoc("sum-row", b.page, &error));
    EXPECT_THAT(error, HasSubstr(b.why));
  }
  EXPECT_FALSE(parseRuleDoc("Sum Row", good, &error));
  EXPECT_FALSE(parseRuleDoc("sum-row", "", &error));
}

// The codes the rules' source reports (report("code", Severity::…) and
// f.code = "code") and the templates' relation codes: each has a page at the
// severity the source gives, the page's Code: line names the file, and no
// page is for a code nothing reports.
TEST(RuleDocs, EveryCodeInTheRulesSourceAndTheTemplatesHasAPageAndViceVersa) {
  std::map<std::string, std::set<std::string>> filesOf;  // code → files reporting it
  std::regex reported(R"re(report\(\s*"([a-z0-9-]+)",\s*Severity::(\w+))re");
  std::regex assigned(R"re(\.code = "([a-z0-9-]+)")re");
  for (const auto& e : fs::directory_iterator(kSource / "analyzer/rules")) {
    if (e.path().extension() != ".cpp") continue;
    std::string source = readFile(e.path().string());
    std::string file = "analyzer/rules/" + e.path().filename().string();
    for (std::sregex_iterator it(source.begin(), source.end(), reported), end; it != end; ++it) {
      std::string code = (*it)[1];
      filesOf[code].insert(file);
      const RuleDoc* doc = findRuleDoc(code);
      ASSERT_NE(doc, nullptr) << file << " reports " << code << ", which has no page";
      std::string severity = (*it)[2];
      severity[0] = static_cast<char>(std::tolower(severity[0]));
      EXPECT_EQ(severity, severityName(doc->severity)) << file << ": " << code;
    }
    for (std::sregex_iterator it(source.begin(), source.end(), assigned), end; it != end; ++it)
      filesOf[(*it)[1]].insert(file);
  }
  for (const Template* t : builtinTemplates())
    for (const TemplateRelation& r : t->relations) {
      filesOf[r.code].insert("analyzer/rules/RelationRules.cpp");
      const RuleDoc* doc = findRuleDoc(r.code);
      ASSERT_NE(doc, nullptr) << t->id << " has a relation " << r.code << " without a page";
      EXPECT_EQ(doc->severity, Severity::Error) << r.code << ": RelationRules reports every relation as an error";
    }
  // Sanity: the patterns found the codes (the 23 of rules.md and unused-suppression).
  EXPECT_GE(filesOf.size(), 24u);
  for (const auto& [code, files] : filesOf) {
    const RuleDoc* doc = findRuleDoc(code);
    ASSERT_NE(doc, nullptr) << code << " (in " << *files.begin() << ") has no page";
    std::string codeLine = lines(doc->markdown).back();
    bool named = std::any_of(files.begin(), files.end(), [&](const std::string& f) {
      return codeLine.find(f) != std::string::npos;
    });
    EXPECT_TRUE(named) << code << "'s Code: line names none of " << *files.begin() << ": " << codeLine;
  }
  for (const RuleDoc& doc : ruleDocs())
    EXPECT_TRUE(filesOf.count(std::string(doc.code))) << doc.code << " has a page but no rule reports it";
}

// Every report the project has: the shared corpus, the tests' own reports,
// the example, the fuzzers' regressions.
std::vector<fs::path> reportFiles() {
  std::vector<fs::path> out = corpusFiles();
  for (fs::path dir : {fs::path(NIANBAO_TEST_DATA) / "reports", fs::path(NIANBAO_EXAMPLE).parent_path(),
                       kSource / "tests/fuzz/regressions/analyzer"})
    if (fs::exists(dir))
      for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path());
  return out;
}

void expectTrueToItsPage(const Finding& f, const std::string& where) {
  const RuleDoc* doc = findRuleDoc(f.code);
  ASSERT_NE(doc, nullptr) << where << ": " << f.code << " has no page";
  EXPECT_EQ(f.severity, doc->severity) << where << ": " << f.code << " reported as " << severityName(f.severity)
                                       << ", its page says " << severityName(doc->severity);
  if (doc->fix == "no") EXPECT_FALSE(f.fix) << where << ": " << f.code << "'s page says it has no fix: " << f.fix->title;
}

TEST(RuleDocs, EveryFindingOnTheCorpusAndTheTestReportsHasAPageAtItsSeverity) {
  std::vector<fs::path> files = reportFiles();
  ASSERT_GE(files.size(), 14u) << "the corpus at " << NIANBAO_SHARED << ", the example and tests/data";
  // Each report with its year's template, and with each template forced (a
  // 2019-format report under the 2021 template is obsolete-format's case).
  TemplateChoice byYear(builtinTemplates(), "zh");
  std::vector<std::unique_ptr<TemplateChoice>> forced;
  for (const Template* t : builtinTemplates()) forced.push_back(std::make_unique<TemplateChoice>(builtinTemplates(), "zh", t));
  std::map<std::string, int> seen;
  struct Report {
    fs::path path;
    SourceText text;
    Analysis analysis;
    const Analyzer* analyzer;
  };
  std::vector<Report> reports;
  for (const fs::path& file : files) {
    SourceText text(readFile(file.string()));
    std::vector<const TemplateChoice*> choices = {&byYear};
    for (const auto& c : forced) choices.push_back(c.get());
    for (const TemplateChoice* choice : choices) {
      const Analyzer* used = nullptr;
      Analysis a = choice->analyze(text, &used);
      for (const Finding& f : a.findings) {
        expectTrueToItsPage(f, file.filename().string());
        ++seen[f.code];
      }
      if (choice == &byYear) reports.push_back({file, text, std::move(a), used});
    }
  }
  // Last year's figures: every report against every other's, as if it were
  // last year's (whether it is, is the caller's judgement).
  for (const Report& now : reports)
    for (const Report& before : reports) {
      if (&now == &before || &now.analyzer->tmpl() != &before.analyzer->tmpl()) continue;
      ReportSummary previous = summarizeReport(before.analyzer->tmpl(), before.text, before.analysis);
      auto other = std::make_shared<OtherDocument>(OtherDocument{before.path.string(), before.text});
      for (const Finding& f : checkCarryover(now.analyzer->tmpl(), "zh", now.text, now.analysis, previous, other)) {
        expectTrueToItsPage(f, now.path.filename().string() + " after " + before.path.filename().string());
        ++seen[f.code];
      }
    }
  // Not vacuous: the corpus's known defects make findings of many codes.
  for (const char* code : {"sum-row", "section-missing", "row-missing", "cell-invalid", "obsolete-format",
                           "label-mismatch", "carryover-mismatch"})
    EXPECT_GT(seen[code], 0) << code << " was expected somewhere in the corpus";
  EXPECT_GE(seen.size(), 12u);
}

TEST(RuleDocs, UnusedSuppressionIsReportedAsItsPageSays) {
  std::string report = readFile(NIANBAO_EXAMPLE);
  ASSERT_FALSE(report.empty());
  // Three comments that suppress nothing: a code no rule has, an enable with
  // no disable, and a disable of a code with no finding after it.
  report += "\n<!-- nianbao-disable sum-rows -->\n<!-- nianbao-enable balance -->\n"
            "<!-- nianbao-disable-next-line year-mismatch -->\n本报告由示例镇人民政府办公室编制。\n";
  SourceText text(report);
  Analysis a = builtinAnalyzer().analyze(text);
  std::vector<Finding> shown = shownFindings(text, a.findings, {}, "zh");
  int unused = 0;
  for (const Finding& f : shown) {
    expectTrueToItsPage(f, "example + comments");
    if (f.code == "unused-suppression") {
      ++unused;
      EXPECT_TRUE(f.fix) << "the page says the fix removes the comment";
    }
  }
  EXPECT_EQ(unused, 3);
}

TEST(RuleDocs, TheGoldenExpectationsNameOnlyCodesWithPages) {
  int codes = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(NIANBAO_GOLDEN_DIR) / "expected")) {
    if (e.path().extension() != ".expected") continue;
    std::istringstream in(readFile(e.path().string()));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string where, code;
      fields >> where >> code;
      ++codes;
      EXPECT_NE(findRuleDoc(code), nullptr) << e.path() << ": " << line;
    }
  }
  EXPECT_GT(codes, 20);
}

}  // namespace
}  // namespace nianbao::testing
