// `nianbao check --explain`: the real binary prints a code's page, lists the
// codes, and refuses a code no rule has (exit 2, naming the closest codes);
// and the closest-code matching in-process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "Explain.h"
#include "Spawn.h"
#include "TestFiles.h"
#include "rules/RuleDocs.h"

namespace {

using namespace nianbao::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

struct Ran {
  int status = -1;
  std::string out, err;
};

Ran runNianbao(std::vector<std::string> args) {
  TempDir io;
  args.insert(args.begin(), NIANBAO_BINARY);
  SpawnOptions options;
  options.stdoutPath = (io / "out").string();
  options.stderrPath = (io / "err").string();
  std::string error;
  pid_t pid = spawnProcess(args, options, error);
  Ran r;
  if (pid < 0) {
    ADD_FAILURE() << error;
    return r;
  }
  std::optional<int> status = waitProcess(pid, std::chrono::seconds(60));
  EXPECT_TRUE(status) << "nianbao did not end";
  r.status = status.value_or(-1);
  r.out = readBytes(io / "out");
  r.err = readBytes(io / "err");
  return r;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Explain, PrintsTheWholePageOfACodeWithoutAnyPath) {
  Ran r = runNianbao({"check", "--explain", "sum-row"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, StartsWith("# sum-row\n\n**Severity:** error · **Fix:** yes\n\n"
                                "In table 三, a row's 总计 is not the sum of its applicant columns.\n"));
  // Words of docs/rules/sum-row.md's body, to its last line.
  EXPECT_THAT(r.out, HasSubstr("总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"));
  EXPECT_THAT(r.out, HasSubstr("<!-- nianbao-disable-next-line sum-row -->"));
  EXPECT_THAT(r.out, HasSubstr("\nCode: `analyzer/rules/RelationRules.cpp`"));
  EXPECT_EQ(r.out.back(), '\n');
  // The same bytes as the embedded page, with nothing around it.
  EXPECT_EQ(r.out, std::string(nianbao::findRuleDoc("sum-row")->markdown));
}

TEST(Explain, CaseAndSpacesAroundTheCodeDoNotMatter) {
  Ran r = runNianbao({"check", "--explain", " Balance "});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("# balance\n\n**Severity:** error · **Fix:** no\n"));
}

TEST(Explain, AnUnknownCodeExitsTwoNamingTheClosestCodes) {
  Ran r = runNianbao({"check", "--explain", "sum-rows"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "nianbao: no rule has the code 'sum-rows'; did you mean sum-row? (nianbao check --explain lists them)\n");

  r = runNianbao({"check", "--explain", "xyz"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "nianbao: no rule has the code 'xyz' (nianbao check --explain lists them)\n");
}

TEST(Explain, WithoutACodeOrWithAllItListsEveryCodeWithSeverityAndSummary) {
  for (std::vector<std::string> args : {std::vector<std::string>{"check", "--explain"},
                                        std::vector<std::string>{"check", "--explain", "all"},
                                        std::vector<std::string>{"check", "--explain="}}) {
    SCOPED_TRACE(args.back());
    Ran r = runNianbao(args);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::vector<std::string> listed = lines(r.out);
    // The 23 codes of the rules and unused-suppression, in the index's order.
    ASSERT_EQ(listed.size(), 24u) << r.out;
    EXPECT_THAT(listed.front(), StartsWith("section-missing "));
    EXPECT_THAT(listed.front(), HasSubstr(" error "));
    EXPECT_THAT(listed.front(), HasSubstr("(一、总体情况 … 六、其他需要报告的事项) has no heading."));
    EXPECT_THAT(listed.back(), StartsWith("unused-suppression "));
    EXPECT_THAT(listed.back(), HasSubstr(" info "));
    for (const char* code : {"sum-row", "balance", "obsolete-format", "part-empty", "fee-conflict", "carryover-mismatch",
                             "implausible-value", "text-table-mismatch"}) {
      int found = 0;
      for (const std::string& line : listed)
        if (line.starts_with(std::string(code) + " ")) ++found;
      EXPECT_EQ(found, 1) << code;
    }
    // Severity in a column of its own: after the longest code and two spaces.
    std::size_t column = std::string("text-table-mismatch").size() + 2;
    for (const std::string& line : listed) {
      std::string severity = line.substr(column, line.find(' ', column) - column);
      EXPECT_TRUE(severity == "error" || severity == "warning" || severity == "info" || severity == "hint") << line;
    }
  }
}

TEST(Explain, CheckWithoutPathsOrExplainIsStillAUsageError) {
  Ran r = runNianbao({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("check"));
}

TEST(ExplainInProcess, ClosestCodesForTyposAndParts) {
  using nianbao::cli::closestCodes;
  EXPECT_THAT(closestCodes("sumrow"), ElementsAre("sum-row"));
  EXPECT_THAT(closestCodes("balanse"), ElementsAre("balance"));
  EXPECT_THAT(closestCodes("sum"), ElementsAre("sum-row", "sum-review", "sum-results"));
  EXPECT_THAT(closestCodes("obsolete"), ElementsAre("obsolete-format"));
  EXPECT_THAT(closestCodes("xyz"), IsEmpty());
  EXPECT_THAT(closestCodes("a"), IsEmpty());
}

TEST(ExplainInProcess, StreamsAndExitCodes) {
  std::ostringstream out, err;
  EXPECT_EQ(nianbao::cli::runExplain("fee-conflict", out, err), 0);
  EXPECT_THAT(out.str(), StartsWith("# fee-conflict\n\n**Severity:** warning · **Fix:** no\n"));
  EXPECT_EQ(err.str(), "");
  out.str("");
  EXPECT_EQ(nianbao::cli::runExplain("section", out, err), 2);
  EXPECT_EQ(out.str(), "");
  EXPECT_THAT(err.str(), HasSubstr("did you mean section-order, section-title, section-missing or section-duplicate?"));
}

}  // namespace
