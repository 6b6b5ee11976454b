// cli/JunitOutput: the JUnit XML report, read back with pugixml as a CI
// server would read it. In-process on findings made here (counts, names,
// which findings fail, escaping of awkward text), and the real binary on the
// corpus (a testcase per finding of `--format json`, a passing one per clean
// file).

#include "JunitOutput.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "Spawn.h"
#include "TestFiles.h"

namespace nianbao::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// Whether `s` is well-formed UTF-8 (RFC 3629: no overlongs, surrogates or
// code points past U+10FFFF), written out here rather than taken from the
// code under test.
bool validUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 99;
    if (n == 99 || i + n >= s.size()) return false;  // a bad lead byte, or the sequence cut off
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (std::size_t k = 1; k <= n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 0x2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static const char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < minimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// Bytes XML 1.0 never allows, whatever the escaping: C0 controls but tab, LF
// and CR (U+FFFE and U+FFFF are checked separately).
bool hasForbiddenControl(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 && u != '\t' && u != '\n' && u != '\r';
  });
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  EXPECT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset << " of\n" << xml;
  return doc;
}

// Line 1 第一行, line 2 第二行 2 (the 2 at code point 5).
const char* kText = "第一行\n第二行 2\n";

TEST(Junit, ATestcasePerFindingAndPerCleanFileWithCounts) {
  SourceText a(kText), b("干净\n"), c("x\n");
  std::size_t l2 = a.lineStart(1);
  std::vector<FileReport> files = {
      {"a.md",
       &a,
       {{"part-empty", Severity::Warning, {0, 3}, "警告", std::nullopt, {}},
        {"prose-hint", Severity::Info, {3, 6}, "提示", std::nullopt, {}},
        {"obsolete-word", Severity::Hint, {l2, l2 + 3}, "暗示", std::nullopt, {}},
        {"sum-row", Severity::Error, {l2 + 10, l2 + 11}, "总计应为 1", Fix{"改为 1", {{{l2 + 10, l2 + 11}, "1"}}}, {}}}},
      {"b.md", &b, {}},
      {"dir/c.md", &c, {{"sum-row", Severity::Error, {0, 1}, "错", std::nullopt, {}}}},
  };
  std::string xml = toJunit(files);
  EXPECT_THAT(xml, ::testing::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  pugi::xml_document doc = parse(xml);
  pugi::xml_node suites = doc.child("testsuites");
  ASSERT_TRUE(suites);
  // 4 + 1 + 1 testcases; the error and the warning in a.md and c.md's error fail.
  EXPECT_STREQ(suites.attribute("tests").value(), "6");
  EXPECT_STREQ(suites.attribute("failures").value(), "3");
  EXPECT_STREQ(suites.attribute("errors").value(), "0");
  std::vector<pugi::xml_node> suiteList(suites.children("testsuite").begin(), suites.children("testsuite").end());
  ASSERT_EQ(suiteList.size(), 1u);
  pugi::xml_node suite = suiteList[0];
  EXPECT_STREQ(suite.attribute("name").value(), "nianbao");
  EXPECT_STREQ(suite.attribute("tests").value(), "6");
  EXPECT_STREQ(suite.attribute("failures").value(), "3");
  EXPECT_STREQ(suite.attribute("errors").value(), "0");

  struct Case {
    std::string classname, name, failureType, failureMessage;
    bool out;
  };
  std::vector<Case> cases;
  for (pugi::xml_node t : suite.children("testcase")) {
    pugi::xml_node failure = t.child("failure");
    cases.push_back({t.attribute("classname").value(), t.attribute("name").value(),
                     failure ? failure.attribute("type").value() : "", failure ? failure.attribute("message").value() : "",
                     static_cast<bool>(t.child("system-out"))});
  }
  ASSERT_EQ(cases.size(), 6u);
  auto expect = [&](std::size_t i, std::string classname, std::string name, std::string type, std::string message,
                    bool out) {
    SCOPED_TRACE(i);
    EXPECT_EQ(cases[i].classname, classname);
    EXPECT_EQ(cases[i].name, name);
    EXPECT_EQ(cases[i].failureType, type);
    EXPECT_EQ(cases[i].failureMessage, message);
    EXPECT_EQ(cases[i].out, out);
  };
  expect(0, "a.md", "part-empty 1:1", "warning", "警告", false);
  expect(1, "a.md", "prose-hint 1:2", "", "", true);      // a note passes, shown in its output
  expect(2, "a.md", "obsolete-word 2:1", "", "", true);
  expect(3, "a.md", "sum-row 2:5", "error", "总计应为 1", false);
  expect(4, "b.md", "no findings", "", "", false);         // a clean file passes
  expect(5, "dir/c.md", "sum-row 1:1", "error", "错", false);
  // The failure's text is the text output's: place, line, caret, fix.
  std::string body = std::next(suite.children("testcase").begin(), 3)->child("failure").child_value();
  EXPECT_THAT(body, HasSubstr("a.md:2:5: error[sum-row]: 总计应为 1\n"));
  EXPECT_THAT(body, HasSubstr("    第二行 2\n"));
  EXPECT_THAT(body, HasSubstr("fix: 改为 1"));
}

TEST(Junit, AnEmptyRunIsAnEmptySuite) {
  pugi::xml_document doc = parse(toJunit({}));
  EXPECT_STREQ(doc.child("testsuites").attribute("tests").value(), "0");
  EXPECT_STREQ(doc.child("testsuites").child("testsuite").attribute("failures").value(), "0");
  EXPECT_FALSE(doc.child("testsuites").child("testsuite").child("testcase"));
}

TEST(Junit, AwkwardTextIsEscapedAndForbiddenCharactersReplaced) {
  // Quotes, markup, CJK, an emoji, a line break and a tab; then C0 controls,
  // U+FFFE, and a byte that is not UTF-8 (in the file name) that XML 1.0 cannot carry.
  std::string message = "a \"b\" 'c' <d> & e ]]> 中文 😀\n第二行\t制表";
  std::string awkward = message + "\x01\x1b\xEF\xBF\xBE";
  SourceText text("<行> & \"x\"\n");
  std::vector<FileReport> files = {
      {"bad\xFF 'q'&<.md", &text, {{"sum-row", Severity::Error, {0, 5}, awkward, std::nullopt, {}}}}};
  std::string xml = toJunit(files);
  EXPECT_TRUE(validUtf8(xml));
  EXPECT_FALSE(hasForbiddenControl(xml));
  EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos);

  pugi::xml_document doc = parse(xml);
  pugi::xml_node testcase = doc.child("testsuites").child("testsuite").child("testcase");
  ASSERT_TRUE(testcase);
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(std::string(testcase.attribute("classname").value()), "bad" + fffd + " 'q'&<.md");
  // The line break and tab survive attribute normalisation; each forbidden character is U+FFFD.
  EXPECT_EQ(std::string(testcase.child("failure").attribute("message").value()), message + fffd + fffd + fffd);
  std::string body = testcase.child("failure").child_value();
  EXPECT_THAT(body, HasSubstr("error[sum-row]: " + message + fffd + fffd + fffd + "\n"));
  EXPECT_THAT(body, HasSubstr("    <行> & \"x\"\n"));  // the source line, markup and all
}

TEST(XmlEscape, EachSpecialCharacter) {
  EXPECT_EQ(xmlEscape("&<>\"'"), "&amp;&lt;&gt;&quot;&apos;");
  EXPECT_EQ(xmlEscape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(xmlEscape("a\tb\nc\rd", false), "a\tb\nc&#13;d");
  EXPECT_EQ(xmlEscape(std::string("\0x", 2)), "\xEF\xBF\xBDx");
  EXPECT_EQ(xmlEscape("年😀\xC2\x85"), "年😀\xC2\x85");  // NEL is a Char in XML 1.0
  // U+FFFF; then a surrogate in UTF-8, which is no UTF-8: one U+FFFD per
  // maximal subpart, here each byte (Unicode 15, 3.9, table 3-9's ED A0 80).
  EXPECT_EQ(xmlEscape("\xEF\xBF\xBF\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Junit, AConvertedReportNamesThePlaceInTheDocument) {
  // Line 2 of the made text is row 5 of table 2 (cells at columns 1-4, 5-8).
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
  std::size_t b = text.lineStart(1) + 6;
  pugi::xml_document doc = parse(toJunit({{"r.docx", &text, {{"sum-row", Severity::Error, {b, b + 1}, "m", std::nullopt, {}}}, &converted}}));
  pugi::xml_node testcase = doc.child("testsuites").child("testsuite").child("testcase");
  EXPECT_STREQ(testcase.attribute("name").value(), "sum-row 表2 第5行 第2列");
  EXPECT_THAT(std::string(testcase.child("failure").child_value()), HasSubstr("r.docx: 表2 第5行 第2列: error[sum-row]: m"));
}

// The real binary on the corpus: seeds and real reports, directories walked.
struct Ran {
  int status = -1;
  std::string out, err;
};

Ran runNianbao(const std::vector<std::string>& args) {
  testing::TempDir io;
  std::vector<std::string> argv = {NIANBAO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string error;
  pid_t pid = testing::spawnProcess(
      argv, {.stdoutPath = (io / "out").string(), .stderrPath = (io / "err").string()}, error);
  Ran ran;
  if (pid < 0) {
    ADD_FAILURE() << error;
    return ran;
  }
  std::optional<int> status = testing::waitProcess(pid, std::chrono::minutes(5));
  EXPECT_TRUE(status) << "nianbao did not finish";
  ran.status = status.value_or(-1);
  ran.out = testing::readBytes(io / "out");
  ran.err = testing::readBytes(io / "err");
  return ran;
}

TEST(JunitCli, ACorpusRunHasATestcasePerFindingAndPerCleanFile) {
  fs::path corpus = fs::path(NIANBAO_SHARED) / "corpus";
  std::vector<std::string> dirs = {(corpus / "seeds").string(), (corpus / "real").string()};
  // Every file check reads there (README: *.md, *.markdown, *.txt; Word
  // documents and web pages, *.docx, *.html, *.htm).
  const std::set<std::string> extensions = {".md", ".markdown", ".txt", ".docx", ".html", ".htm"};
  std::set<std::string> inputs;
  for (const auto& d : dirs)
    for (const auto& e : fs::recursive_directory_iterator(d))
      if (e.is_regular_file() && extensions.count(e.path().extension().string()) &&
          !e.path().filename().string().starts_with("~$"))  // Word's lock files are not reports
        inputs.insert(e.path().string());
  ASSERT_GE(inputs.size(), 10u);

  std::vector<std::string> args = {"check", "--format", "json"};
  args.insert(args.end(), dirs.begin(), dirs.end());
  Ran asJson = runNianbao(args);
  ASSERT_NE(asJson.status, 2) << asJson.err;
  args[2] = "junit";
  Ran junit = runNianbao(args);
  EXPECT_EQ(junit.status, asJson.status) << junit.err;  // the exit status does not depend on the format

  // (file, "code line:col", failure type or "") for each finding.
  std::multiset<std::tuple<std::string, std::string, std::string>> expected;
  std::set<std::string> withFindings;
  std::size_t failures = 0;
  for (const auto& f : nlohmann::json::parse(asJson.out)) {
    std::string severity = f.at("severity");
    bool fails = severity == "error" || severity == "warning";
    failures += fails;
    withFindings.insert(f.at("file"));
    expected.emplace(f.at("file"),
                     f.at("code").get<std::string>() + " " + std::to_string(f.at("line").get<int>()) + ":" +
                         std::to_string(f.at("column").get<int>()),
                     fails ? severity : "");
  }
  ASSERT_FALSE(expected.empty());
  for (const auto& file : inputs)
    if (!withFindings.count(file)) expected.emplace(file, "no findings", "");

  EXPECT_TRUE(validUtf8(junit.out));
  EXPECT_FALSE(hasForbiddenControl(junit.out));
  pugi::xml_document doc = parse(junit.out);
  pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  std::multiset<std::tuple<std::string, std::string, std::string>> got;
  for (pugi::xml_node t : suite.children("testcase"))
    got.emplace(t.attribute("classname").value(), t.attribute("name").value(),
                t.child("failure") ? t.child("failure").attribute("type").value() : "");
  EXPECT_EQ(got, expected);
  EXPECT_EQ(suite.attribute("tests").as_ullong(), expected.size());
  EXPECT_EQ(suite.attribute("failures").as_ullong(), failures);
  EXPECT_EQ(doc.child("testsuites").attribute("tests").as_ullong(), expected.size());
  EXPECT_EQ(doc.child("testsuites").attribute("failures").as_ullong(), failures);
}

}  // namespace
}  // namespace nianbao::cli
