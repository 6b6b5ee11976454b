// Completion, hover, inlay hints, symbols and folding through the server, on
// CRLF text with astral characters, in both position encodings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "Features.h"
#include "InProcessClient.h"
#include "ReportBuilder.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;

const std::string kUri = "file:///work/report.md";

json position(const Place& p, bool utf8) { return {{"line", p.line}, {"character", utf8 ? p.utf8 : p.utf16}}; }
json at(const std::string& uri, const Place& p, bool utf8) {
  return {{"textDocument", {{"uri", uri}}}, {"position", position(p, utf8)}};
}

json capabilities(bool utf8, bool snippets = true) {
  json caps = {{"textDocument", {{"completion", {{"completionItem", {{"snippetSupport", snippets}}}}}}}};
  if (utf8) caps["general"] = {{"positionEncodings", {"utf-8"}}};
  return caps;
}

const json* itemLabelled(const json& items, const std::string& label) {
  for (const auto& i : items)
    if (i["label"] == label) return &i;
  return nullptr;
}

// A part heading typed as pinyin initials on the line where it belongs.
TEST(LspCompletion, AMissingPartHeadingCompletesFromItsPinyin) {
  for (bool utf8 : {false, true}) {
    SCOPED_TRACE(utf8 ? "utf-8" : "utf-16");
    InProcessClient client;
    client.initialize(capabilities(utf8));
    ReportSpec spec;
    spec.eol = "\r\n";
    spec.headings["五、存在的主要问题及改进情况"] = "## 😀czdzy";
    std::string text = buildReport(spec);
    client.open(kUri, text);
    client.diagnostics(kUri, 1);
    // The clerk types "## czdzy" (the emoji stands for anything before it).
    std::size_t typedEnd = text.find("czdzy") + 5;
    json r = client.request("textDocument/completion", at(kUri, placeOf(text, typedEnd), utf8));
    const json& items = r["result"]["items"];
    const json* five = itemLabelled(items, "五、存在的主要问题及改进情况");
    ASSERT_NE(five, nullptr) << r.dump(1);
    EXPECT_THAT((*five)["filterText"].get<std::string>(), HasSubstr("czdzywt"));
    EXPECT_THAT((*five)["filterText"].get<std::string>(), HasSubstr("cunzaidezhuyaowenti"));
    EXPECT_EQ((*five)["textEdit"]["range"]["end"], position(placeOf(text, typedEnd), utf8));
    EXPECT_EQ((*five)["textEdit"]["range"]["start"]["line"], placeOf(text, typedEnd).line);
  }
}

// A report without the row 行政强制, an empty line typed after 行政处罚,
// and the completion list asked for there.
json completeOnBlankLineAfterPunishments(InProcessClient& client) {
  ReportSpec spec;
  spec.dropRows.insert("行政强制");
  std::string text = buildReport(spec);
  client.open(kUri, text);
  std::string row = "行政处罚\t3\n";
  Place lineEnd = placeOf(text, text.find(row) + row.size());
  client.change(kUri, 2, json::array({{{"range", {{"start", position(lineEnd, false)}, {"end", position(lineEnd, false)}}},
                                       {"text", "\n"}}}));
  return client.request("textDocument/completion", at(kUri, lineEnd, false));
}

TEST(LspCompletion, AMissingRowIsOfferedInTheTablesLayoutWithZerosAsTabStops) {
  InProcessClient client;
  client.initialize(capabilities(false));
  json r = completeOnBlankLineAfterPunishments(client);
  const json* item = itemLabelled(r["result"]["items"], "行政强制");
  ASSERT_NE(item, nullptr) << r.dump(1);
  EXPECT_EQ((*item)["insertTextFormat"], 2);
  EXPECT_EQ((*item)["textEdit"]["newText"], "行政强制\t${1:0}$0");
  EXPECT_EQ((*item)["preselect"], true);
  EXPECT_EQ((*item)["sortText"], "0000");
}

TEST(LspCompletion, WithoutSnippetSupportTheZerosArePlainText) {
  InProcessClient client;
  client.initialize(capabilities(false, /*snippets=*/false));
  json r = completeOnBlankLineAfterPunishments(client);
  const json* item = itemLabelled(r["result"]["items"], "行政强制");
  ASSERT_NE(item, nullptr) << r.dump(1);
  EXPECT_EQ((*item)["insertTextFormat"], 1);
  EXPECT_EQ((*item)["textEdit"]["newText"], "行政强制\t0");
}

TEST(LspHover, AWrongTotalShowsItsSumInBothEncodings) {
  for (bool utf8 : {false, true}) {
    SCOPED_TRACE(utf8 ? "utf-8" : "utf-16");
    InProcessClient client;
    client.initialize(capabilities(utf8));
    ReportSpec spec;
    spec.eol = "\r\n";
    spec.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "2"};
    spec.labels["1.本机关不掌握相关政府信息"] = "1.本机关不掌握相关政府信息𠮷";
    std::string text = buildReport(spec);
    std::size_t row = text.find("𠮷");
    std::size_t cell = text.rfind('2', text.find("\r\n", row));
    client.open(kUri, text);
    json r = client.request("textDocument/hover", at(kUri, placeOf(text, cell), utf8));
    ASSERT_TRUE(r["result"].is_object()) << r.dump(1);
    std::string value = r["result"]["contents"]["value"];
    EXPECT_THAT(value, HasSubstr("✗"));
    EXPECT_THAT(value, HasSubstr("1 + 0 + 0 + 0 + 0 + 0"));
    EXPECT_EQ(r["result"]["range"]["start"], position(placeOf(text, cell), utf8));
    EXPECT_EQ(r["result"]["range"]["end"], position(placeOf(text, cell + 1), utf8));
    // Nothing to say about a plain paragraph.
    std::size_t prose = text.find("一是做好相关工作");
    EXPECT_TRUE(client.request("textDocument/hover", at(kUri, placeOf(text, prose), utf8))["result"].is_null());
  }
}

TEST(LspInlayHints, AWrongTotalGetsItsExpectedValueAfterIt) {
  InProcessClient client;
  client.initialize(capabilities(false));
  ReportSpec spec;
  spec.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "2"};
  spec.labels["1.本机关不掌握相关政府信息"] = "1.本机关不掌握相关政府信息😀";
  std::string text = buildReport(spec);
  std::size_t cell = text.rfind('2', text.find('\n', text.find("😀")));
  client.open(kUri, text);
  Place end = placeOf(text, text.size());
  json r = client.request("textDocument/inlayHint",
                          {{"textDocument", {{"uri", kUri}}},
                           {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", position(end, false)}}}});
  bool found = false;
  for (const auto& h : r["result"])
    if (h["position"] == position(placeOf(text, cell + 1), false)) {
      found = true;
      EXPECT_THAT(h["label"].get<std::string>(), HasSubstr("1"));
    }
  EXPECT_TRUE(found) << r.dump(1);
}

void expectSelectionsInside(const json& symbols) {
  auto before = [](const json& a, const json& b) {
    return a["line"] < b["line"] || (a["line"] == b["line"] && a["character"] <= b["character"]);
  };
  for (const auto& s : symbols) {
    EXPECT_TRUE(before(s["range"]["start"], s["selectionRange"]["start"]) &&
                before(s["selectionRange"]["end"], s["range"]["end"]))
        << s["name"];
    expectSelectionsInside(s["children"]);
  }
}

TEST(LspSymbols, PartsHoldTheirTopicsAndTables) {
  InProcessClient client;
  client.initialize(capabilities(false));
  ReportSpec spec;
  spec.eol = "\r\n";
  spec.layout = Layout::Pipes;
  std::string text = buildReport(spec);
  client.open(kUri, text);
  json r = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}});
  const json& symbols = r["result"];
  std::vector<std::string> parts;
  const json* partOne = nullptr;
  std::function<void(const json&)> walk = [&](const json& list) {
    for (const auto& s : list) {
      if (s["kind"] == 3) parts.push_back(s["name"]);
      if (s["kind"] == 3 && s["name"].get<std::string>().find("总体情况") != std::string::npos) partOne = &s;
      walk(s["children"]);
    }
  };
  walk(symbols);
  EXPECT_EQ(parts.size(), 6u) << symbols.dump(1);
  ASSERT_NE(partOne, nullptr);
  EXPECT_EQ((*partOne)["children"].size(), 5u) << "the five topics";
  expectSelectionsInside(symbols);
}

TEST(LspFolding, PartsAndTablesFold) {
  InProcessClient client;
  client.initialize(capabilities(false));
  std::string text = buildReport({});
  client.open(kUri, text);
  json r = client.request("textDocument/foldingRange", {{"textDocument", {{"uri", kUri}}}});
  ASSERT_TRUE(r["result"].is_array());
  // Six parts and six tables (four in part 二, one each in 三 and 四).
  EXPECT_GE(r["result"].size(), 12u) << r.dump(1);
  for (const auto& f : r["result"]) EXPECT_LT(f["startLine"], f["endLine"]);
}

TEST(LspSnippets, LiteralDollarsAndBracesAreEscaped) {
  std::string text = "a$b}\t0\t0";
  EXPECT_EQ(lsp::snippetOf(text, {{5, 6}, {7, 8}}), "a\\$b\\}\t${1:0}\t${2:0}$0");
  EXPECT_EQ(lsp::snippetOf("x", {}), "x$0");
}

}  // namespace
}  // namespace nianbao::testing
