// cli/SarifOutput in-process, on findings made here: the SARIF 2.1.0 log's
// shape, positions in code points as SARIF counts them (1-based, endColumn
// just after the range), URIs, fixes and related locations in another file.
// Expected values come from the SARIF 2.1.0 specification (OASIS
// sarif-v2.1.0-os, sections 3.10 artifactLocation, 3.30 region, 3.55 fix,
// 3.57 replacement) and from counting the texts below by hand. That the
// whole log validates against the official schema is tested on the corpus by
// the sarif_schema test (tests/CMakeLists.txt).

#include "SarifOutput.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/RuleDocs.h"

namespace nianbao::cli {
namespace {

using nlohmann::json;

// Line 1 第一行; line 2 第二行 2 (the 2 is code point 5, byte 10 of the
// line); line 3 a😀b <&"' (b is code point 3, byte 5: the emoji is one code
// point, four bytes, two UTF-16 units).
const char* kText = "第一行\n第二行 2\na😀b <&\"'\n";
// Last year's report, another file: 四、结转 2 on line 3, the 2 at code point 6 (byte 13).
const char* kLastYear = "标题\n\n四、结转 2\n";
const char* kMessage = "总计应为 \"1\" <&> 'x' 😀，实为 2";

struct Fixture {
  SourceText text{kText};
  SourceText clean{"没有问题\n"};
  SourceText absolute{"x\n"};
  std::shared_ptr<const OtherDocument> lastYear =
      std::make_shared<const OtherDocument>(OtherDocument{"/srv/去年 报告.md", SourceText(kLastYear)});
  std::vector<FileReport> files;

  Fixture() {
    std::size_t l2 = text.lineStart(1), l3 = text.lineStart(2);
    std::string hinted(ruleDocs().at(0).code);
    std::vector<Finding> findings = {
        // Over lines: 第一行 to 第二| (two code points into line 2).
        {"carryover-mismatch", Severity::Warning, {0, l2 + 6}, "上年结转为 0，而 2023 年年报为 2", std::nullopt, {}},
        {"sum-row", Severity::Error, {l2 + 10, l2 + 11}, kMessage, Fix{"改为 1", {{{l2 + 10, l2 + 11}, "1"}}}, {}},
        {hinted, Severity::Hint, {l3 + 5, l3 + 6}, "hint", Fix{"前面加 x", {{{l3, l3}, "x"}}}, {}},
        {"no-such-code", Severity::Info, {l3, l3 + 1}, "info", std::nullopt, {}},
    };
    // carryover-mismatch's related locations: last year's 2, and 第一 in this text.
    std::size_t ly3 = lastYear->text.lineStart(2);
    findings[0].related = {{{ly3 + 13, ly3 + 14}, "2023 年年报：结转下年度继续办理为 2", lastYear},
                           {{0, 6}, "同一文件", nullptr}};
    files.push_back({"./reports/2024 年报#1.md", &text, findings});
    files.push_back({"clean.md", &clean, {}});
    files.push_back({"/tmp/x y.md", &absolute, {{"sum-row", Severity::Error, {0, 1}, "m", std::nullopt, {}}}});
  }

  json sarif() const { return toSarif(files, {.toolVersion = "9.8.7", .srcRoot = "/work/项目"}); }
};

const json& run(const json& log) { return log.at("runs").at(0); }
const json& result(const json& log, std::size_t i) { return run(log).at("results").at(i); }
json region(int startLine, int startColumn, int endLine, int endColumn) {
  return {{"startLine", startLine}, {"startColumn", startColumn}, {"endLine", endLine}, {"endColumn", endColumn}};
}
json withoutSnippet(json r) {
  r.erase("snippet");
  return r;
}

TEST(Sarif, ALogOfOneRunByNianbao) {
  Fixture fx;
  json log = fx.sarif();
  EXPECT_EQ(log.at("$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log.at("version"), "2.1.0");
  ASSERT_EQ(log.at("runs").size(), 1u);
  const json& driver = run(log).at("tool").at("driver");
  EXPECT_EQ(driver.at("name"), "nianbao");
  EXPECT_EQ(driver.at("version"), "9.8.7");  // the caller's, not a constant in the output code
  EXPECT_THAT(driver.at("informationUri").get<std::string>(), ::testing::StartsWith("https://"));
  EXPECT_EQ(run(log).at("columnKind"), "unicodeCodePoints");
  EXPECT_EQ(run(log).at("invocations"), json::parse(R"([{"executionSuccessful": true}])"));
  EXPECT_FALSE(run(toSarif(fx.files, {.toolVersion = "1", .srcRoot = "", .executionSuccessful = false}))
                   .at("invocations")
                   .at(0)
                   .at("executionSuccessful")
                   .get<bool>());
  // Every finding is a result, hint and info included; a clean file adds none.
  EXPECT_EQ(run(log).at("results").size(), 5u);
}

TEST(Sarif, OneRuleDescriptorPerDocumentedCode) {
  json log = Fixture().sarif();
  const json& rules = run(log).at("tool").at("driver").at("rules");
  const auto& docs = ruleDocs();
  ASSERT_FALSE(docs.empty());
  // The documented codes first, in their order; then the one code without a page.
  ASSERT_EQ(rules.size(), docs.size() + 1);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    SCOPED_TRACE(std::string(docs[i].code));
    EXPECT_EQ(rules[i].at("id"), std::string(docs[i].code));
    EXPECT_EQ(rules[i].at("shortDescription").at("text"), std::string(docs[i].summary));
    EXPECT_EQ(rules[i].at("helpUri"), ruleDocUrl(docs[i].code));
    EXPECT_EQ(rules[i].at("help").at("markdown"), std::string(docs[i].markdown));
    const char* level = docs[i].severity == Severity::Error     ? "error"
                        : docs[i].severity == Severity::Warning ? "warning"
                                                                : "note";  // SARIF has no info or hint
    EXPECT_EQ(rules[i].at("defaultConfiguration").at("level"), level);
  }
  EXPECT_EQ(rules.back(), json({{"id", "no-such-code"}}));
}

TEST(Sarif, ResultsPointAtTheirRuleWithTheFindingsLevel) {
  json log = Fixture().sarif();
  const json& rules = run(log).at("tool").at("driver").at("rules");
  std::vector<std::string> ids = {"carryover-mismatch", "sum-row", std::string(ruleDocs().at(0).code),
                                  "no-such-code", "sum-row"};
  std::vector<std::string> levels = {"warning", "error", "note", "note", "error"};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const json& r = result(log, i);
    EXPECT_EQ(r.at("ruleId"), ids[i]) << i;
    EXPECT_EQ(rules.at(r.at("ruleIndex").get<std::size_t>()).at("id"), ids[i]) << i;
    EXPECT_EQ(r.at("level"), levels[i]) << i;
  }
  // The first documented code, given as a hint here: the result says note
  // whatever the rule's default level.
  EXPECT_EQ(result(log, 2).at("level"), "note");
}

TEST(Sarif, RegionsAreOneBasedCodePointsEndColumnAfterTheRange) {
  json log = Fixture().sarif();
  auto at = [&](std::size_t i) { return result(log, i).at("locations").at(0).at("physicalLocation").at("region"); };
  // 第一行 … 第二|: from 1:1 to line 2 before its third code point.
  EXPECT_EQ(withoutSnippet(at(0)), region(1, 1, 2, 3));
  EXPECT_EQ(at(0).at("snippet").at("text"), "第一行\n第二");
  // The 2 of 第二行 2.
  json two = region(2, 5, 2, 6);
  two["snippet"] = {{"text", "2"}};
  EXPECT_EQ(at(1), two);
  // b after the emoji: code point 3 (UTF-16 would say 4).
  EXPECT_EQ(withoutSnippet(at(2)), region(3, 3, 3, 4));
  EXPECT_EQ(at(2).at("snippet").at("text"), "b");
  EXPECT_EQ(withoutSnippet(at(3)), region(3, 1, 3, 2));
}

TEST(Sarif, MessagesKeepQuotesMarkupCjkAndEmoji) {
  json log = Fixture().sarif();
  EXPECT_EQ(result(log, 1).at("message").at("text"), kMessage);
  // Written out and read back, as a viewer reads it: the same text, the emoji as UTF-8.
  std::string written = log.dump(2);
  EXPECT_THAT(written, ::testing::HasSubstr(R"(总计应为 \"1\" <&> 'x' 😀，实为 2)"));
  EXPECT_EQ(result(json::parse(written), 1).at("message").at("text"), kMessage);
}

TEST(Sarif, FixesAreReplacementsOfLineColumnRegions) {
  json log = Fixture().sarif();
  const json& fixes = result(log, 1).at("fixes");
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0].at("description").at("text"), "改为 1");
  ASSERT_EQ(fixes[0].at("artifactChanges").size(), 1u);
  const json& change = fixes[0].at("artifactChanges")[0];
  // The file the finding is in.
  EXPECT_EQ(change.at("artifactLocation").at("uri"), "reports/2024%20%E5%B9%B4%E6%8A%A5%231.md");
  EXPECT_EQ(change.at("artifactLocation").at("uriBaseId"), "%SRCROOT%");
  EXPECT_EQ(change.at("replacements"),
            json::array({{{"deletedRegion", region(2, 5, 2, 6)}, {"insertedContent", {{"text", "1"}}}}}));
  // An insertion deletes an empty region: startColumn == endColumn (3.30.2).
  EXPECT_EQ(result(log, 2).at("fixes")[0].at("artifactChanges")[0].at("replacements"),
            json::array({{{"deletedRegion", region(3, 1, 3, 1)}, {"insertedContent", {{"text", "x"}}}}}));
  EXPECT_FALSE(result(log, 0).contains("fixes"));
}

TEST(Sarif, RelatedLocationsInAnotherFileAndThisOne) {
  json log = Fixture().sarif();
  const json& related = result(log, 0).at("relatedLocations");
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0].at("id"), 0);
  EXPECT_EQ(related[1].at("id"), 1);
  EXPECT_EQ(related[0].at("message").at("text"), "2023 年年报：结转下年度继续办理为 2");
  const json& other = related[0].at("physicalLocation");
  // An absolute path: a file URI, UTF-8 and the space percent-encoded, no base.
  EXPECT_EQ(other.at("artifactLocation").at("uri"), "file:///srv/%E5%8E%BB%E5%B9%B4%20%E6%8A%A5%E5%91%8A.md");
  EXPECT_FALSE(other.at("artifactLocation").contains("uriBaseId"));
  // Counted in last year's text: line 3, the 2 after 四、结转 and a space.
  EXPECT_EQ(withoutSnippet(other.at("region")), region(3, 6, 3, 7));
  const json& same = related[1].at("physicalLocation");
  EXPECT_EQ(same.at("artifactLocation").at("uri"), "reports/2024%20%E5%B9%B4%E6%8A%A5%231.md");
  EXPECT_EQ(withoutSnippet(same.at("region")), region(1, 1, 1, 3));
  EXPECT_EQ(same.at("region").at("snippet").at("text"), "第一");
}

TEST(Sarif, RelativePathsUnderSrcRootAbsoluteOnesFileUris) {
  EXPECT_EQ(pathToUriReference("a.md"), "a.md");
  EXPECT_EQ(pathToUriReference("./dir/a.md"), "dir/a.md");
  EXPECT_EQ(pathToUriReference("../a.md"), "../a.md");
  // A colon in a first segment would read as a scheme; % and # as escapes and a fragment.
  EXPECT_EQ(pathToUriReference("c:d 100%#.md"), "c%3Ad%20100%25%23.md");
  EXPECT_EQ(pathToUriReference("/tmp/x y.md"), "file:///tmp/x%20y.md");
  json log = Fixture().sarif();
  EXPECT_EQ(run(log).at("originalUriBaseIds"),
            json::parse(R"({"%SRCROOT%": {"uri": "file:///work/%E9%A1%B9%E7%9B%AE/"}})"));
  const json& absolute = result(log, 4).at("locations")[0].at("physicalLocation").at("artifactLocation");
  EXPECT_EQ(absolute.at("uri"), "file:///tmp/x%20y.md");
  EXPECT_FALSE(absolute.contains("uriBaseId"));
  // No working directory given: no base URI, the paths still relative.
  EXPECT_FALSE(run(toSarif(Fixture().files, {.toolVersion = "1", .srcRoot = ""})).contains("originalUriBaseIds"));
}

TEST(Sarif, ArtifactsListEveryFileOnceAndLocationsIndexThem) {
  json log = Fixture().sarif();
  const json& artifacts = run(log).at("artifacts");
  // The three inputs (the clean one too) and last year's report, once each.
  std::vector<std::string> uris;
  for (const auto& a : artifacts) uris.push_back(a.at("location").at("uri"));
  EXPECT_THAT(uris, ::testing::UnorderedElementsAre("reports/2024%20%E5%B9%B4%E6%8A%A5%231.md", "clean.md",
                                                    "file:///tmp/x%20y.md",
                                                    "file:///srv/%E5%8E%BB%E5%B9%B4%20%E6%8A%A5%E5%91%8A.md"));
  for (const auto& a : artifacts) {
    bool lastYear = a.at("location").at("uri") == "file:///srv/%E5%8E%BB%E5%B9%B4%20%E6%8A%A5%E5%91%8A.md";
    EXPECT_EQ(a.contains("roles"), !lastYear) << a;  // read, not analysed
  }
  // Every artifactLocation with an index names the artifact with its URI.
  std::size_t checked = 0;
  auto check = [&](const json& location) {
    if (!location.contains("index")) return;
    ++checked;
    EXPECT_EQ(artifacts.at(location.at("index").get<std::size_t>()).at("location").at("uri"), location.at("uri"));
  };
  for (const auto& r : run(log).at("results")) {
    check(r.at("locations")[0].at("physicalLocation").at("artifactLocation"));
    for (const auto& l : r.value("relatedLocations", json::array())) check(l.at("physicalLocation").at("artifactLocation"));
    for (const auto& f : r.value("fixes", json::array()))
      for (const auto& c : f.at("artifactChanges")) check(c.at("artifactLocation"));
  }
  EXPECT_EQ(checked, 5u + 2u + 2u);
}

// A Word document or web page: the text nianbao made from it has lines the
// user never sees. Line 1 came from the document's 12th paragraph, line 2
// from row 5 of its 2nd table (cells between the pipes: columns 1-4, 5-8).
TEST(Sarif, AConvertedReportHasPlacesNotRegionsAndNoFixes) {
  SourceText text("段落\n| a | b |\n");
  ConvertedReport converted;
  converted.markdown = text.str();
  converted.lineOrigins.resize(3);
  converted.lineOrigins[0].kind = Origin::Kind::Paragraph;
  converted.lineOrigins[0].paragraph = 12;
  converted.lineOrigins[1].kind = Origin::Kind::Table;
  converted.lineOrigins[1].table = 2;
  converted.lineOrigins[1].row = 5;
  converted.lineOrigins[1].cells = {{1, 4, 5, 1}, {5, 8, 5, 2}};
  std::size_t b = text.lineStart(1) + 6;  // the b
  Finding f{"sum-row", Severity::Error, {b, b + 1}, "总计不对", Fix{"改", {{{b, b + 1}, "c"}}},
            {{{0, 6}, "段落里说的", nullptr}}};
  json log = toSarif({{"报告.docx", &text, {f}, &converted}}, {.toolVersion = "1", .srcRoot = ""});
  const json& r = result(log, 0);
  const json& location = r.at("locations").at(0);
  EXPECT_EQ(location.at("physicalLocation"),
            json::parse(R"({"artifactLocation": {"uri": "%E6%8A%A5%E5%91%8A.docx", "uriBaseId": "%SRCROOT%", "index": 0}})"));
  EXPECT_EQ(location.at("message").at("text"), "表2 第5行 第2列");
  EXPECT_FALSE(r.contains("fixes"));  // they edit the made text, not the .docx
  const json& related = r.at("relatedLocations").at(0);
  EXPECT_FALSE(related.at("physicalLocation").contains("region"));
  EXPECT_EQ(related.at("message").at("text"), "第12段: 段落里说的");
}

}  // namespace
}  // namespace nianbao::cli
