// The server core driven in-process: lifecycle, diagnostics pushed and
// pulled, headings checked on save, code actions, cancellation, settings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "InProcessClient.h"
#include "ReportBuilder.h"
#include "features/Skeleton.h"
#include "fix/TextEdits.h"
#include "incremental/RandomEdits.h"

#include <filesystem>
#include <fstream>
#include <random>

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kUri = "file:///work/report.md";
const std::string kDenied = "1.本机关不掌握相关政府信息";

// A report whose row kDenied totals 2 where its cells add up to 1; the label
// carries an emoji so UTF-16, UTF-8 and code-point columns all differ on the
// line of the wrong cell.
struct WrongTotal {
  std::string text;
  std::size_t cell = 0;  // byte offset of the wrong "2"
};
WrongTotal wrongTotalReport(const std::string& eol = "\n", Layout layout = Layout::Tabs) {
  ReportSpec spec;
  spec.layout = layout;
  spec.eol = eol;
  spec.cells[kDenied] = {"1", "0", "0", "0", "0", "0", "2"};
  spec.labels[kDenied] = kDenied + "😀";
  WrongTotal r{buildReport(spec)};
  std::size_t row = r.text.find(kDenied + "😀");
  std::size_t lineEnd = r.text.find_first_of("\r\n", row);
  r.cell = r.text.rfind('2', lineEnd);
  return r;
}

json rangeJson(const Place& a, const Place& b, bool utf8) {
  return {{"start", {{"line", a.line}, {"character", utf8 ? a.utf8 : a.utf16}}},
          {"end", {{"line", b.line}, {"character", utf8 ? b.utf8 : b.utf16}}}};
}

const json* findCode(json&&, const std::string&) = delete;  // would point into a temporary
const json* findCode(const json& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics)
    if (d["code"] == code) return &d;
  return nullptr;
}

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Applies LSP TextEdits (in the given encoding) the way a client would.
std::string applyLspEdits(const std::string& text, const json& edits, bool utf8) {
  SourceText source(text);
  std::vector<TextEdit> byteEdits;
  for (const auto& e : edits) {
    auto at = [&](const json& p) {
      LineColumn lc{p["line"].get<std::uint32_t>(), p["character"].get<std::uint32_t>()};
      return utf8 ? source.fromUtf8(lc) : source.fromUtf16(lc);
    };
    byteEdits.push_back({{at(e["range"]["start"]), at(e["range"]["end"])}, e["newText"].get<std::string>()});
  }
  return applyEdits(source.str(), byteEdits);
}

TEST(LspLifecycle, RequestsBeforeInitializeAreRefused) {
  InProcessClient client;
  json r = client.request("textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  EXPECT_EQ(r["error"]["code"], -32002);
  json init = client.initialize();
  EXPECT_TRUE(init.contains("result")) << init.dump();
}

TEST(LspLifecycle, InitializeNegotiatesTheEncodingAndAnnouncesFeatures) {
  InProcessClient utf16;
  json caps = utf16.initialize()["result"]["capabilities"];
  EXPECT_EQ(caps["positionEncoding"], "utf-16");
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
  EXPECT_EQ(caps["textDocumentSync"]["save"]["includeText"], false);
  EXPECT_TRUE(caps.contains("codeActionProvider"));
  EXPECT_TRUE(caps.contains("diagnosticProvider"));

  InProcessClient utf8;
  json caps8 = utf8.initialize({{"general", {{"positionEncodings", {"utf-32", "utf-8", "utf-16"}}}}})["result"]["capabilities"];
  EXPECT_EQ(caps8["positionEncoding"], "utf-8");
}

TEST(LspLifecycle, SecondInitializeIsAnError) {
  InProcessClient client;
  client.initialize();
  EXPECT_EQ(client.request("initialize", {{"capabilities", json::object()}})["error"]["code"], -32600);
}

TEST(LspLifecycle, UnknownRequestsGetMethodNotFoundAndDollarNotificationsAreIgnored) {
  InProcessClient client;
  client.initialize();
  client.notify("$/somethingNew", {{"x", 1}});
  json r = client.request("textDocument/frobnicate", json::object());
  EXPECT_EQ(r["error"]["code"], -32601);
  EXPECT_THAT(r["error"]["message"].get<std::string>(), HasSubstr("textDocument/frobnicate"));
}

TEST(LspLifecycle, AfterShutdownRequestsAreInvalidAndExitEndsWithZero) {
  InProcessClient client;
  client.initialize();
  EXPECT_TRUE(client.request("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}})["error"]["code"], -32600);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.waitForExit(), 0);
}

TEST(LspLifecycle, ExitWithoutShutdownEndsWithOne) {
  InProcessClient client;
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_EQ(client.waitForExit(), 1);
}

TEST(LspLifecycle, EndOfInputEndsTheSession) {
  InProcessClient client;
  client.initialize();
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.waitForExit(), 0);
}

TEST(LspLifecycle, MalformedMessagesAreAnsweredAndTheServerGoesOn) {
  InProcessClient client;
  client.initialize();
  client.raw("{not json");
  json parseError = client.waitFor([](const json& m) { return m.contains("error") && m["id"].is_null(); }, "a parse error");
  EXPECT_EQ(parseError["error"]["code"], -32700);
  client.raw(R"({"jsonrpc":"2.0","id":[1],"method":"x"})");
  json invalid = client.waitFor([](const json& m) { return m.contains("error") && m["error"]["code"] == -32600; }, "InvalidRequest");
  EXPECT_TRUE(invalid["id"].is_null());
  // Params of the wrong shape name what is wrong.
  json r = client.request("textDocument/codeAction", {{"textDocument", 5}});
  EXPECT_EQ(r["error"]["code"], -32602);
  EXPECT_THAT(r["error"]["message"].get<std::string>(), HasSubstr("textDocument.uri"));
  // A change to a document that is not open is logged, not fatal.
  client.change("file:///nowhere.md", 2, json::array({{{"text", "x"}}}));
  client.open(kUri, "hello", 1);
  EXPECT_EQ(client.diagnostics(kUri, 1), json::array());
}

TEST(LspDiagnostics, AWrongTotalIsPushedWithItsExactRangeInUtf16) {
  for (const char* eol : {"\n", "\r\n"}) {
    SCOPED_TRACE(eol[0] == '\r' ? "CRLF" : "LF");
    InProcessClient client;
    client.initialize();
    WrongTotal doc = wrongTotalReport(eol);
    client.open(kUri, doc.text, 7);
    json diags = client.diagnostics(kUri, 7);
    const json* sum = findCode(diags, "sum-row");
    ASSERT_NE(sum, nullptr) << diags.dump(1);
    EXPECT_EQ((*sum)["range"], rangeJson(placeOf(doc.text, doc.cell), placeOf(doc.text, doc.cell + 1), false));
    EXPECT_EQ((*sum)["source"], "nianbao");
    EXPECT_EQ((*sum)["severity"], 1);
    // The code's own page (docs/rules/sum-row.md), not an anchor in one page.
    EXPECT_EQ((*sum)["codeDescription"]["href"], "https://github.com/nianbao/nianbao/blob/main/docs/rules/sum-row.md");
    EXPECT_THAT((*sum)["message"].get<std::string>(), HasSubstr("1"));
    // The emoji makes the label differ from the template's.
    EXPECT_NE(findCode(diags, "label-mismatch"), nullptr);
  }
}

TEST(LspDiagnostics, Utf8ColumnsCountBytes) {
  InProcessClient client;
  client.initialize({{"general", {{"positionEncodings", {"utf-8"}}}}});
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  json list1 = client.diagnostics(kUri, 1);
  const json* sum = findCode(list1, "sum-row");
  ASSERT_NE(sum, nullptr);
  Place at = placeOf(doc.text, doc.cell);
  EXPECT_EQ((*sum)["range"]["start"]["character"], at.utf8);
  EXPECT_NE(at.utf8, at.utf16);  // the test means something only if they differ
}

// Done when: any seed report opened in a client gets the findings of
// `nianbao check` (which the golden tests hold to hand-read expectations).
TEST(LspDiagnostics, EverySeedReportGetsTheFindingsOfCheck) {
  namespace fs = std::filesystem;
  const Analyzer analyzer(governmentInformationDisclosure2021());
  int seeds = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(NIANBAO_SHARED) / "corpus" / "seeds")) {
    SCOPED_TRACE(entry.path().filename().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    SourceText source(text);
    Analysis expected = analyzer.analyze(source);  // seed 002 is clean: an empty list is compared too
    InProcessClient client;
    client.initialize();
    std::string uri = "file:///seeds/" + entry.path().filename().string();
    client.open(uri, text);
    json got = client.diagnostics(uri, 1);
    ASSERT_EQ(got.size(), expected.findings.size()) << got.dump(1);
    for (std::size_t i = 0; i < got.size(); ++i) {
      const Finding& f = expected.findings[i];
      EXPECT_EQ(got[i]["code"], f.code);
      EXPECT_EQ(got[i]["message"], f.message);
      LineColumn start = source.toUtf16(f.range.begin);
      EXPECT_EQ(got[i]["range"]["start"]["line"], start.line);
      EXPECT_EQ(got[i]["range"]["start"]["character"], start.column);
    }
    ++seeds;
  }
  EXPECT_EQ(seeds, 4);
}

// The incremental path end to end: random edits sent as didChange (one to
// three changes each, positions in UTF-16), and after every one the pushed
// diagnostics equal a full check of the text the edits make.
TEST(LspDiagnostics, RandomEditsGiveTheFindingsOfAFullCheckAfterEveryChange) {
  const Analyzer analyzer(governmentInformationDisclosure2021());
  std::ifstream in(std::filesystem::path(NIANBAO_SHARED) / "corpus/real/01_huaian-shi-2024.txt", std::ios::binary);
  std::string original((std::istreambuf_iterator<char>(in)), {});
  ASSERT_FALSE(original.empty());
  InProcessClient client;
  client.initialize(json::object(), {{"headings", {{"checkOn", "type"}}}, {"diagnostics", {{"debounceMs", 0}}}});
  client.open(kUri, original);
  client.diagnostics(kUri, 1);
  SourceText mirror(original, 256);
  std::mt19937 rng(7);
  nianbao::testing::RandomEditor editor([&](std::size_t n) { return static_cast<std::size_t>(rng() % n); });
  auto position = [](LineColumn lc) { return json{{"line", lc.line}, {"character", lc.column}}; };
  for (int version = 2; version < 300; ++version) {
    json changes = json::array();
    for (std::size_t k = 1 + rng() % 3; k > 0; --k) {
      auto edit = editor.next(mirror);
      SourceText check(edit.text);
      if (check.repairedInvalidUtf8() || check.hadBom()) continue;  // JSON strings carry valid text only
      LineColumn from = mirror.toUtf16(edit.range.begin), to = mirror.toUtf16(std::max(edit.range.begin, edit.range.end));
      // What those positions name (a byte inside a character snaps to its start).
      ByteRange named{mirror.fromUtf16(from), mirror.fromUtf16(to)};
      mirror = editor.apply(mirror, {named, edit.text});
      changes.push_back({{"range", {{"start", position(from)}, {"end", position(to)}}}, {"text", edit.text}});
    }
    client.change(kUri, version, changes);
    json got = client.diagnostics(kUri, version);
    SourceText final(mirror.str());
    Analysis want = analyzer.analyze(final);
    ASSERT_EQ(got.size(), want.findings.size()) << "version " << version << "\n" << got.dump(1);
    for (std::size_t i = 0; i < got.size(); ++i) {
      const Finding& f = want.findings[i];
      ASSERT_EQ(got[i]["code"], f.code) << "version " << version;
      ASSERT_EQ(got[i]["message"], f.message) << "version " << version;
      ASSERT_EQ(got[i]["range"]["start"], position(final.toUtf16(f.range.begin))) << "version " << version;
      ASSERT_EQ(got[i]["range"]["end"], position(final.toUtf16(f.range.end))) << "version " << version;
    }
  }
}

// A contradiction's other side travels as relatedInformation: the example's
// prose (line 15, 0-based 14) made to say 3 against table 三's 总计 2 on
// line 51 (0-based 50), the "2" at UTF-16 column 48.
TEST(LspDiagnostics, AProseTableContradictionPointsAtTheCell) {
  std::string text = fileText(NIANBAO_EXAMPLE);
  std::string from = "收到 1 条依申请公开的请求";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "收到 3 条依申请公开的请求");
  InProcessClient client;
  client.initialize();
  client.open(kUri, text);
  json list = client.diagnostics(kUri, 1);
  const json* d = findCode(list, "text-table-mismatch");
  ASSERT_NE(d, nullptr) << list.dump(1);
  EXPECT_EQ((*d)["severity"], 2);
  EXPECT_EQ((*d)["range"]["start"]["line"], 14);
  ASSERT_EQ((*d)["relatedInformation"].size(), 1u);
  const json& related = (*d)["relatedInformation"][0];
  EXPECT_EQ(related["location"]["uri"], kUri);
  EXPECT_EQ(related["location"]["range"]["start"], json({{"line", 50}, {"character", 48}}));
  EXPECT_THAT(related["message"].get<std::string>(), ::testing::HasSubstr("2"));
}

// Some clients repeat a version number; the new text is analysed all the same.
TEST(LspDiagnostics, AChangeThatRepeatsTheVersionIsStillAnalysed) {
  InProcessClient client;
  client.initialize(json::object(), {{"diagnostics", {{"debounceMs", 0}}}});
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  json first = client.diagnostics(kUri, 1);
  ASSERT_NE(findCode(first, "sum-row"), nullptr);
  Place at = placeOf(doc.text, doc.cell);
  json range = {{"start", {{"line", at.line}, {"character", at.utf16}}},
                {"end", {{"line", at.line}, {"character", at.utf16 + 1}}}};
  client.change(kUri, 2, json::array({{{"range", range}, {"text", "7"}}}));
  json second = client.diagnostics(kUri, 2);
  ASSERT_NE(findCode(second, "sum-row"), nullptr);
  // The same version again, now with the right total.
  client.change(kUri, 2, json::array({{{"range", range}, {"text", "1"}}}));
  json third = client.diagnostics(kUri, 2);
  EXPECT_EQ(findCode(third, "sum-row"), nullptr) << third.dump(1);
}

TEST(LspDiagnostics, ATextThatIsNotAReportGetsAnEmptyList) {
  InProcessClient client;
  client.initialize();
  client.open(kUri, "# 会议纪要\n\n今天讨论了 3 件事。\n");
  EXPECT_EQ(client.diagnostics(kUri, 1), json::array());
}

TEST(LspDiagnostics, MessagesFollowTheClientLocale) {
  InProcessClient client;
  client.initialize(json::object(), nullptr, "en-US");
  client.open(kUri, wrongTotalReport().text);
  json list2 = client.diagnostics(kUri, 1);
  const json* sum = findCode(list2, "sum-row");
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ((*sum)["message"], "The total should be 1 (1+0+0+0+0+0), but is 2");
}

TEST(LspDiagnostics, TypingUpdatesTablesAtOnceAndDropsOutdatedResults) {
  InProcessClient client;
  client.initialize();
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  json list3 = client.diagnostics(kUri, 1);
  ASSERT_NE(findCode(list3, "sum-row"), nullptr);
  // Two quick changes: 2 → 3 → 1. Only the last version need be reported,
  // and it has no sum problem.
  Place at = placeOf(doc.text, doc.cell), after = placeOf(doc.text, doc.cell + 1);
  client.change(kUri, 2, json::array({{{"range", rangeJson(at, after, false)}, {"text", "3"}}}));
  client.change(kUri, 3, json::array({{{"range", rangeJson(at, after, false)}, {"text", "1"}}}));
  json diags = client.diagnostics(kUri, 3);
  EXPECT_EQ(findCode(diags, "sum-row"), nullptr) << diags.dump(1);
  for (const auto& m : client.pending())
    EXPECT_FALSE(m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["version"] == 2 &&
                 findCode(m["params"]["diagnostics"], "sum-row") == nullptr)
        << "version 2 (a total of 3) cannot be free of sum problems";
}

TEST(LspHeadings, MissingPartsAppearOnOpenAndAfterSavingNotWhileTyping) {
  InProcessClient client;
  client.initialize();
  ReportSpec spec;
  spec.headings["五、存在的主要问题及改进情况"] = "";
  std::string text = buildReport(spec);
  client.open(kUri, text);
  json opened = client.diagnostics(kUri, 1);
  ASSERT_NE(findCode(opened, "section-missing"), nullptr) << "opening counts as saving";
  EXPECT_EQ(opened.size(), 1u) << opened.dump(1);

  // Delete the heading of part 六 as one would while retyping it.
  std::string six = "## 六、其他需要报告的事项\n";
  std::size_t at = text.find(six);
  client.change(kUri, 2, json::array({{{"range", rangeJson(placeOf(text, at), placeOf(text, at + six.size()), false)}, {"text", ""}}}));
  json typing = client.diagnostics(kUri, 2);
  int missing = 0;
  for (const auto& d : typing) missing += d["code"] == "section-missing";
  EXPECT_EQ(missing, 1) << "still only part 五 until saved: " << typing.dump(1);

  client.save(kUri);
  json saved = client.diagnostics(kUri, 2);
  missing = 0;
  for (const auto& d : saved) missing += d["code"] == "section-missing";
  EXPECT_EQ(missing, 2) << saved.dump(1);
}

// part-empty waits for a save too: part 五 is written last. The example's
// part 五 is lines 84–101 (its heading on line 83, part 六's on line 102).
TEST(LspHeadings, AnEmptyPartFiveIsReportedOnOpenAndSaveNotWhileTyping) {
  std::string text = fileText(NIANBAO_EXAMPLE);
  std::size_t five = text.find("#### 五、");
  std::size_t body = text.find('\n', five) + 1, six = text.find("#### 六、");
  ASSERT_LT(body, six);
  text.erase(body, six - body);
  InProcessClient client;
  client.initialize();
  client.open(kUri, text);
  json opened = client.diagnostics(kUri, 1);
  const json* empty = findCode(opened, "part-empty");
  ASSERT_NE(empty, nullptr) << opened.dump(1);
  EXPECT_EQ((*empty)["range"]["start"]["line"], 82);

  // Writing part 五: the finding stays until the file is saved.
  std::string sentence = "一是更新不及时。针对这些问题，下一步将加强培训。\n";
  Place at = placeOf(text, body);
  client.change(kUri, 2, json::array({{{"range", rangeJson(at, at, false)}, {"text", sentence}}}));
  json typing = client.diagnostics(kUri, 2);
  EXPECT_NE(findCode(typing, "part-empty"), nullptr) << typing.dump(1);
  client.save(kUri);
  json saved = client.diagnostics(kUri, 2);
  EXPECT_EQ(findCode(saved, "part-empty"), nullptr) << saved.dump(1);
}

TEST(LspHeadings, TypingRightAfterOpeningKeepsTheOpeningChecks) {
  InProcessClient client;
  client.initialize();
  ReportSpec spec;
  spec.headings["五、存在的主要问题及改进情况"] = "";
  std::string text = buildReport(spec);
  client.open(kUri, text);
  // No waiting: the keystroke arrives before the opening analysis is done.
  client.change(kUri, 2, json::array({{{"range", rangeJson({}, {}, false)}, {"text", "x"}}}));
  json typed = client.diagnostics(kUri, 2);
  ASSERT_NE(findCode(typed, "section-missing"), nullptr) << typed.dump(1);
  EXPECT_EQ(client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}})["result"]["kind"], "full");
}

TEST(LspHeadings, SavedHeadingFindingsFollowTheTextAsItIsEdited) {
  InProcessClient client;
  client.initialize();
  ReportSpec spec;
  spec.eol = "\r\n";
  spec.headings["二、主动公开政府信息情况"] = "一、总体情况";  // part 一 twice, part 二 missing
  std::string text = buildReport(spec);
  client.open(kUri, text);
  json list4 = client.diagnostics(kUri, 1);
  const json* dup = findCode(list4, "section-duplicate");
  ASSERT_NE(dup, nullptr);
  json before = (*dup)["range"];
  // Two lines typed at the top move it down by two lines.
  client.change(kUri, 2, json::array({{{"range", rangeJson({}, {}, false)}, {"text", "草稿\r\n😀\r\n"}}}));
  json list5 = client.diagnostics(kUri, 2);
  const json* moved = findCode(list5, "section-duplicate");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ((*moved)["range"]["start"]["line"], before["start"]["line"].get<int>() + 2);
  EXPECT_EQ((*moved)["range"]["start"]["character"], before["start"]["character"]);
}

TEST(LspHeadings, CheckOnTypeShowsThemAsOneTypes) {
  InProcessClient client;
  client.initialize(json::object(), {{"headings", {{"checkOn", "type"}}}});
  std::string text = buildReport({});
  client.open(kUri, text);
  EXPECT_EQ(client.diagnostics(kUri, 1), json::array());
  std::string six = "## 六、其他需要报告的事项";
  std::size_t at = text.find(six);
  client.change(kUri, 2, json::array({{{"range", rangeJson(placeOf(text, at), placeOf(text, at + six.size()), false)}, {"text", ""}}}));
  json list6 = client.diagnostics(kUri, 2);
  EXPECT_NE(findCode(list6, "section-missing"), nullptr);
}

TEST(LspHeadings, ChangingTheSettingRepublishes) {
  InProcessClient client;
  client.initialize();
  std::string text = buildReport({});
  client.open(kUri, text);
  client.diagnostics(kUri, 1);
  std::string six = "## 六、其他需要报告的事项";
  std::size_t at = text.find(six);
  client.change(kUri, 2, json::array({{{"range", rangeJson(placeOf(text, at), placeOf(text, at + six.size()), false)}, {"text", ""}}}));
  json list7 = client.diagnostics(kUri, 2);
  EXPECT_EQ(findCode(list7, "section-missing"), nullptr);
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"nianbao", {{"headings", {{"checkOn", "type"}}}}}}}});
  json list8 = client.diagnostics(kUri, 2);
  EXPECT_NE(findCode(list8, "section-missing"), nullptr);
}

json codeActionParams(const std::string& uri, const json& range, json only = nullptr) {
  json context = {{"diagnostics", json::array()}};
  if (!only.is_null()) context["only"] = std::move(only);
  return {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", context}};
}

TEST(LspCodeActions, AWrongTotalIsFixedByOneVersionedQuickFix) {
  for (bool utf8 : {false, true}) {
    SCOPED_TRACE(utf8 ? "utf-8" : "utf-16");
    InProcessClient client;
    json caps = {{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}};
    if (utf8) caps["general"] = {{"positionEncodings", {"utf-8"}}};
    client.initialize(caps);
    WrongTotal doc = wrongTotalReport("\r\n");
    client.open(kUri, doc.text, 4);
    client.diagnostics(kUri, 4);
    Place at = placeOf(doc.text, doc.cell);
    json r = client.request("textDocument/codeAction", codeActionParams(kUri, rangeJson(at, at, utf8)));
    json fix;
    for (const auto& a : r["result"])
      if (a["diagnostics"][0]["code"] == "sum-row" && fix.is_null()) fix = a;  // the fix, then the offer to suppress
    ASSERT_FALSE(fix.is_null()) << r.dump(1);
    EXPECT_EQ(fix["kind"], "quickfix");
    EXPECT_EQ(fix["isPreferred"], true);
    const json& change = fix["edit"]["documentChanges"][0];
    EXPECT_EQ(change["textDocument"]["uri"], kUri);
    EXPECT_EQ(change["textDocument"]["version"], 4);
    std::string fixed = applyLspEdits(doc.text, change["edits"], utf8);
    std::string expected = doc.text;
    expected[doc.cell] = '1';
    EXPECT_EQ(fixed, expected);
  }
}

TEST(LspCodeActions, WithoutDocumentChangesSupportEditsArePlainChanges) {
  InProcessClient client;
  client.initialize();
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  Place at = placeOf(doc.text, doc.cell);
  json r = client.request("textDocument/codeAction", codeActionParams(kUri, rangeJson(at, at, false)));
  ASSERT_FALSE(r["result"].empty());
  EXPECT_TRUE(r["result"][0]["edit"]["changes"].contains(kUri));
}

TEST(LspCodeActions, MissingRowsAreInsertedButNotPreferred) {
  InProcessClient client;
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  ReportSpec spec;
  spec.dropRows.insert("行政强制");
  std::string text = buildReport(spec);
  client.open(kUri, text);
  json list9 = client.diagnostics(kUri, 1);
  const json* missing = findCode(list9, "row-missing");
  ASSERT_NE(missing, nullptr);
  json r = client.request("textDocument/codeAction", codeActionParams(kUri, (*missing)["range"]));
  ASSERT_EQ(r["result"].size(), 2u) << r.dump(1);  // the fix, and the offer to suppress the finding
  EXPECT_EQ(r["result"][0]["isPreferred"], false);
  std::string fixed = applyLspEdits(text, r["result"][0]["edit"]["documentChanges"][0]["edits"], false);
  EXPECT_NE(fixed.find("行政处罚\t3\n行政强制\t0\n"), std::string::npos) << fixed;
  EXPECT_EQ(r["result"][1]["title"], "屏蔽此处的 row-missing");
  EXPECT_EQ(r["result"][1]["isPreferred"], false);
}

TEST(LspCodeActions, FixAllIsASourceActionWithLineEdits) {
  InProcessClient client;
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  ReportSpec spec;
  spec.cells[kDenied] = {"1", "0", "0", "0", "0", "0", "2"};
  spec.labels["2.其他法律行政法规禁止公开"] = "2.其他法律行政止公开";
  std::string text = buildReport(spec);
  client.open(kUri, text);
  client.diagnostics(kUri, 1);
  json whole = rangeJson({}, placeOf(text, text.size()), false);
  json plain = client.request("textDocument/codeAction", codeActionParams(kUri, whole));
  for (const auto& a : plain["result"]) EXPECT_EQ(a["kind"], "quickfix") << "fix-all only when asked for";
  json r = client.request("textDocument/codeAction", codeActionParams(kUri, whole, {"source.fixAll"}));
  ASSERT_EQ(r["result"].size(), 1u) << r.dump(1);
  EXPECT_EQ(r["result"][0]["kind"], "source.fixAll.nianbao");
  const json& edits = r["result"][0]["edit"]["documentChanges"][0]["edits"];
  EXPECT_EQ(edits.size(), 2u) << "one edit per changed line: " << edits.dump(1);
  EXPECT_EQ(applyLspEdits(text, edits, false), buildReport({}));
}

TEST(LspCodeActions, ARequestOutlivedByAnEditGetsContentModified) {
  InProcessClient client;
  client.initialize(json::object(), {{"diagnostics", {{"debounceMs", 2000}}}});
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  client.diagnostics(kUri, 1);
  client.change(kUri, 2, json::array({{{"range", rangeJson({}, {}, false)}, {"text", "x"}}}));
  int id = client.sendRequest("textDocument/codeAction", codeActionParams(kUri, rangeJson({}, {}, false)));
  client.change(kUri, 3, json::array({{{"range", rangeJson({}, {}, false)}, {"text", "y"}}}));
  EXPECT_EQ(client.responseTo(id)["error"]["code"], -32801);
}

TEST(LspCancel, APendingRequestCancelledAnswersRequestCancelled) {
  InProcessClient client;
  // A long debounce keeps the request waiting for its analysis.
  client.initialize(json::object(), {{"diagnostics", {{"debounceMs", 5000}}}});
  client.open(kUri, wrongTotalReport().text);
  client.diagnostics(kUri, 1);
  client.change(kUri, 2, json::array({{{"range", rangeJson({}, {}, false)}, {"text", "x"}}}));
  int id = client.sendRequest("textDocument/codeAction", codeActionParams(kUri, rangeJson({}, {}, false)));
  client.notify("$/cancelRequest", {{"id", id}});
  json r = client.responseTo(id);
  EXPECT_EQ(r["error"]["code"], -32800);
  // Cancelling what is already answered (or unknown) is harmless.
  client.notify("$/cancelRequest", {{"id", 999}});
  EXPECT_TRUE(client.request("shutdown", nullptr)["result"].is_null());
}

TEST(LspPullDiagnostics, ClientsThatPullAreAnsweredAndNotPushedTo) {
  InProcessClient client;
  client.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}});
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  json first = client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_EQ(first["result"]["kind"], "full");
  EXPECT_NE(findCode(first["result"]["items"], "sum-row"), nullptr);
  std::string id = first["result"]["resultId"];
  json again = client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}, {"previousResultId", id}});
  EXPECT_EQ(again["result"]["kind"], "unchanged");
  EXPECT_EQ(again["result"]["resultId"], id);
  for (const auto& m : client.pending()) EXPECT_NE(m.value("method", ""), "textDocument/publishDiagnostics");
}

TEST(LspPullDiagnostics, SavingAsksPullingClientsToRefresh) {
  InProcessClient client;
  client.initialize({{"textDocument", {{"diagnostic", json::object()}}},
                     {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  client.open(kUri, buildReport({}));
  client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}});
  client.save(kUri);
  json refresh = client.waitFor([](const json& m) { return m.value("method", "") == "workspace/diagnostic/refresh"; },
                                "a refresh request");
  ASSERT_TRUE(refresh.contains("id"));
  client.raw(json{{"jsonrpc", "2.0"}, {"id", refresh["id"]}, {"result", nullptr}}.dump());
}

TEST(LspSettings, TheServerAsksForItsSectionAndBadValuesAreReported) {
  InProcessClient client;
  client.initialize({{"workspace", {{"configuration", true}}}}, {{"logLevel", "info"}});
  json ask = client.waitFor([](const json& m) { return m.value("method", "") == "workspace/configuration"; },
                            "workspace/configuration");
  EXPECT_EQ(ask["params"]["items"][0]["section"], "nianbao");
  client.raw(json{{"jsonrpc", "2.0"}, {"id", ask["id"]}, {"result", {{{"headings", {{"checkOn", "sometimes"}}}}}}}.dump());
  json log = client.waitFor(
      [](const json& m) {
        return m.value("method", "") == "window/logMessage" &&
               m["params"]["message"].get<std::string>().find("headings.checkOn") != std::string::npos;
      },
      "a log message naming the bad setting");
  EXPECT_EQ(log["params"]["type"], 2);
}

// The format a report is checked against: its year's, or the one the
// nianbao.template setting forces. The test report is on 2020 in the 2019
// format (title on line 1: # 示例乡人民政府 2020 年…; 本年新制作数量 in its part 二).
std::string report2020() { return fileText(std::string(NIANBAO_TEST_DATA) + "/reports/township-2020-format-2019.report.md"); }

std::size_t countCode(const json& diagnostics, const std::string& code) {
  std::size_t n = 0;
  for (const auto& d : diagnostics) n += d["code"] == code;
  return n;
}

TEST(LspTemplate, AReportOn2020IsCheckedInThe2019FormatUntilItsYearChanges) {
  InProcessClient client;
  client.initialize();
  std::string text = report2020();
  client.open(kUri, text);
  json opened = client.diagnostics(kUri, 1);
  EXPECT_TRUE(opened.empty()) << opened.dump(1);
  // Hover reads the 2019 template: 规范性文件 is its row (the 2021 one is 行政规范性文件).
  std::size_t label = text.find("| 规范性文件 |") + 2;
  json hover = client.request("textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", rangeJson(placeOf(text, label), placeOf(text, label), false)["start"]}});
  EXPECT_THAT(hover.dump(), HasSubstr("规范性文件"));
  EXPECT_THAT(hover.dump(), Not(HasSubstr("行政规范性文件"))) << hover.dump();
  // The title's year made 2024: now the 2021 format applies, and the old tables are flagged.
  std::size_t year = text.find("2020 年政府信息公开");
  client.change(kUri, 2, json::array({{{"range", rangeJson(placeOf(text, year), placeOf(text, year + 4), false)}, {"text", "2024"}}}));
  json typed = client.diagnostics(kUri, 2);
  EXPECT_GT(countCode(typed, "obsolete-format"), 0u) << typed.dump(1);
}

TEST(LspTemplate, TheSettingForcesAFormatAndAnUnknownOneIsReported) {
  InProcessClient client;
  client.initialize(json::object(), {{"logLevel", "info"}, {"template", "2021"}});
  client.open(kUri, report2020());
  json forced = client.diagnostics(kUri, 1);
  EXPECT_GT(countCode(forced, "obsolete-format"), 0u) << forced.dump(1);
  // Back to each report's year: the document is analysed again at once.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"nianbao", {{"template", "auto"}}}}}});
  EXPECT_TRUE(client.diagnostics(kUri, 1).empty());
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"nianbao", {{"template", "2030"}}}}}});
  json log = client.waitFor(
      [](const json& m) {
        return m.value("method", "") == "window/logMessage" &&
               m["params"]["message"].get<std::string>().find("nianbao.template must be") != std::string::npos;
      },
      "a log message naming the unknown template");
  EXPECT_THAT(log["params"]["message"].get<std::string>(), HasSubstr("\"2030\""));
}

TEST(LspTextSync, ChangesApplyInOrderAndADocumentCanBeClosed) {
  InProcessClient client;
  client.initialize();
  WrongTotal doc = wrongTotalReport();
  client.open(kUri, doc.text);
  client.diagnostics(kUri, 1);
  // Two changes in one notification: the second's range is in the text the
  // first left (a line inserted at the top shifts the cell down by one).
  Place at = placeOf(doc.text, doc.cell), after = placeOf(doc.text, doc.cell + 1);
  at.line += 1, after.line += 1;
  client.change(kUri, 2, json::array({{{"range", rangeJson({}, {}, false)}, {"text", "𠮷\n"}},
                                      {{"range", rangeJson(at, after, false)}, {"text", "1"}}}));
  json list10 = client.diagnostics(kUri, 2);
  EXPECT_EQ(findCode(list10, "sum-row"), nullptr);
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  json cleared = client.waitFor(
      [](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" && !m["params"].contains("version");
      },
      "diagnostics cleared on close");
  EXPECT_EQ(cleared["params"]["diagnostics"], json::array());
}

}  // namespace
}  // namespace nianbao::testing

namespace nianbao::testing {
namespace {

// ---- editor support: the skeleton command, the report status, the language option

TEST(LspCommands, InsertSkeletonWritesANewReportIntoAnEmptyDocument) {
  InProcessClient client;
  json init = client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  EXPECT_EQ(init["result"]["capabilities"]["executeCommandProvider"]["commands"], json::array({"nianbao.insertSkeleton"}));
  client.open(kUri, "\n", 3);
  int id = client.sendRequest("workspace/executeCommand",
                              {{"command", "nianbao.insertSkeleton"}, {"arguments", {{{"uri", kUri}, {"layout", "pipes"}}}}});
  json apply = client.waitFor([](const json& m) { return m.value("method", "") == "workspace/applyEdit"; }, "applyEdit");
  const json& change = apply["params"]["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["uri"], kUri);
  EXPECT_EQ(change["textDocument"]["version"], 3);
  EXPECT_EQ(change["edits"][0]["range"]["start"], (json{{"line", 0}, {"character", 0}}));
  EXPECT_EQ(change["edits"][0]["range"]["end"], (json{{"line", 1}, {"character", 0}}));
  EXPECT_EQ(change["edits"][0]["newText"], reportSkeleton(governmentInformationDisclosure2021(), RowLayout::Pipes, "\n"));
  EXPECT_TRUE(client.responseTo(id)["result"].is_null());
}

TEST(LspCommands, InsertSkeletonRefusesAWrittenDocumentAndUnknownArguments) {
  InProcessClient client;
  client.initialize();
  client.open(kUri, "一、总体情况\n");
  json notEmpty = client.request("workspace/executeCommand", {{"command", "nianbao.insertSkeleton"}, {"arguments", {{{"uri", kUri}}}}});
  EXPECT_EQ(notEmpty["error"]["code"], -32602);
  EXPECT_THAT(notEmpty["error"]["message"].get<std::string>(), HasSubstr("not empty"));
  json badLayout = client.request("workspace/executeCommand",
                                  {{"command", "nianbao.insertSkeleton"}, {"arguments", {{{"uri", kUri}, {"layout", "grid"}}}}});
  EXPECT_THAT(badLayout["error"]["message"].get<std::string>(), HasSubstr("layout"));
  json unknown = client.request("workspace/executeCommand", {{"command", "nianbao.format"}});
  EXPECT_THAT(unknown["error"]["message"].get<std::string>(), HasSubstr("unknown command"));
  json notOpen = client.request("workspace/executeCommand",
                                {{"command", "nianbao.insertSkeleton"}, {"arguments", {{{"uri", "file:///elsewhere.md"}}}}});
  EXPECT_EQ(notOpen["error"]["code"], -32602);
}

TEST(LspCommands, ReportStatusIsSentToClientsThatAskForIt) {
  InProcessClient client;
  client.initialize(json::object(), {{"reportStatus", true}});
  client.open(kUri, wrongTotalReport().text);
  json status = client.notification("nianbao/reportStatus")["params"];
  EXPECT_EQ(status["uri"], kUri);
  EXPECT_EQ(status["version"], 1);
  EXPECT_EQ(status["isReport"], true);
  EXPECT_GE(status["errors"].get<int>(), 1);
  client.open("file:///notes.md", "# 会议纪要\n");
  json notes = client.notification("nianbao/reportStatus")["params"];
  EXPECT_EQ(notes["isReport"], false);
  EXPECT_EQ(notes["errors"], 0);
  // A client that did not ask gets none.
  InProcessClient plain;
  plain.initialize();
  plain.open(kUri, wrongTotalReport().text);
  plain.diagnostics(kUri, 1);
  for (const auto& m : plain.pending()) EXPECT_NE(m.value("method", ""), "nianbao/reportStatus");
}

TEST(LspCommands, TheLanguageOptionOverridesTheClientLocale) {
  InProcessClient client;
  client.initialize(json::object(), {{"language", "en"}}, "zh-CN");
  client.open(kUri, wrongTotalReport().text);
  json diags = client.diagnostics(kUri, 1);
  const json* sum = findCode(diags, "sum-row");
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ((*sum)["message"], "The total should be 1 (1+0+0+0+0+0), but is 2");
}

}  // namespace
}  // namespace nianbao::testing
