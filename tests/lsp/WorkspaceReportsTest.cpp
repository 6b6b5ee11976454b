// Last year's report found in the workspace or among the open documents,
// and carryover-mismatch kept current as either changes. The pair is the
// corpus's: real 02 (洪泽区, 2023) and real 03 (淮安市洪泽区, 2024). 02's
// 四、结转下年度继续办理 (line 132) is all 0; 03's 二、上年结转 (line 96) too,
// so the two agree until a test changes one.
#include "WorkspaceReports.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "InProcessClient.h"
#include "Uri.h"

namespace nianbao::testing {
namespace {

std::string real(const std::string& name) {
  std::ifstream in(std::string(NIANBAO_SHARED) + "/corpus/real/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
const std::string k2023 = real("02_hongze-qu-2023.txt");
const std::string k2024 = real("03_hongze-qu-2024.txt");

// `text` with the numbers of its `label` row set to `value` (the first and the last: 自然人 and 总计).
std::string withRow(std::string text, const std::string& label, char value) {
  std::size_t line = text.find(label);
  std::size_t end = text.find('\n', line);
  std::size_t first = text.find_first_of("0123456789", line + label.size());
  std::size_t last = text.find_last_of("0123456789", end);
  text[first] = value;
  text[last] = value;
  return text;
}
std::string carriedOut(char value) { return withRow(k2023, "四、结转下年度继续办理", value); }
std::string carriedIn(char value) { return withRow(k2024, "二、上年结转政府信息公开申请数量", value); }

// A workspace folder of its own, with 年报 in its name so URIs need encoding.
struct Workspace {
  std::filesystem::path dir;
  Workspace() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("nianbao-年报-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
  }
  ~Workspace() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::filesystem::path p = dir / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  std::string uri(const std::string& name) const { return lsp::fileUriFromPath(dir / name); }
};

const TemplateChoice& templates() {
  static const TemplateChoice choice(builtinTemplates(), "zh");
  return choice;
}

struct Open {
  SourceText text;
  const Analyzer* analyzer = nullptr;
  Analysis analysis;
  explicit Open(const std::string& bytes) : text(bytes), analysis(templates().analyze(text, &analyzer)) {}
};

// ---- the index on its own ----

TEST(WorkspaceReports, LastYearsFileIsFoundByBodyAndYear) {
  Workspace ws;
  ws.write("2023/洪泽区2023年报.txt", carriedOut('2'));
  ws.write("notes.md", "会议纪要\n");
  ws.write(".git/old.txt", carriedOut('7'));  // hidden directories are not read
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{false};
  EXPECT_EQ(reports.scan({ws.dir}, stop), 1u);
  Open now(k2024);
  auto found = reports.check("file:///elsewhere/2024.txt", now.text, now.analysis, *now.analyzer);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].message, "上年结转（总计）为 0，而 2023 年年报的结转下年度继续办理为 2");
  ASSERT_EQ(found[0].related.size(), 1u);
  const RelatedLocation& related = found[0].related[0];
  ASSERT_TRUE(related.document);
  EXPECT_EQ(related.document->name, ws.uri("2023/洪泽区2023年报.txt"));
  EXPECT_EQ(related.document->text.lineOf(related.range.begin) + 1, 132u);
  EXPECT_EQ(related.document->text.slice(related.range), "2");
}

TEST(WorkspaceReports, TheScanStaysNearTheSurfaceAndReadsOnlyReports) {
  Workspace ws;
  ws.write("a/b/c/2023.txt", carriedOut('2'));         // three folders down: read
  ws.write("a/b/c/d/e/f/g/2023.txt", carriedOut('3'));  // seven: beyond kMaxDepth
  // The report's tables without its title: its opening names no report.
  std::string untitled = carriedOut('4');
  untitled.erase(0, untitled.find("年度报告") + std::string("年度报告").size());
  ws.write("untitled.txt", untitled);
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{false};
  EXPECT_EQ(reports.scan({ws.dir}, stop), 1u);
  Open now(k2024);
  auto found = reports.check("file:///x/2024.txt", now.text, now.analysis, *now.analyzer);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].related[0].document->name, ws.uri("a/b/c/2023.txt"));
}

TEST(WorkspaceReports, TheRootHomeAndTemporaryDirectoriesAreNoProject) {
  EXPECT_FALSE(lsp::isProjectFolder("/"));
  EXPECT_FALSE(lsp::isProjectFolder(std::filesystem::temp_directory_path()));
  EXPECT_FALSE(lsp::isProjectFolder(std::filesystem::temp_directory_path() / "."));
  if (const char* home = std::getenv("HOME")) EXPECT_FALSE(lsp::isProjectFolder(home));
  Workspace ws;
  EXPECT_TRUE(lsp::isProjectFolder(ws.dir));
}

TEST(WorkspaceReports, AgreeingReportsAndOtherBodiesGiveNothing) {
  Workspace ws;
  ws.write("02.txt", k2023);
  ws.write("01.txt", real("01_huaian-shi-2024.txt"));
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{false};
  EXPECT_EQ(reports.scan({ws.dir}, stop), 2u);
  Open now(k2024);
  EXPECT_THAT(reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer), ::testing::IsEmpty());
  // The city's own 2024 report is nobody's last year here.
  Open city(real("01_huaian-shi-2024.txt"));
  EXPECT_THAT(reports.check(ws.uri("01.txt"), city.text, city.analysis, *city.analyzer), ::testing::IsEmpty());
}

TEST(WorkspaceReports, AnOpenDocumentWinsOverItsFile) {
  Workspace ws;
  ws.write("02.txt", k2023);
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{false};
  reports.scan({ws.dir}, stop);
  Open now(k2024);
  EXPECT_TRUE(reports.putOpen("file:///x/03.txt", now.text, now.analysis, *now.analyzer).empty());
  // Last year's report opened in the editor, with unsaved changes: 03 follows it.
  Open edited(carriedOut('4'));
  EXPECT_THAT(reports.putOpen(ws.uri("02.txt"), edited.text, edited.analysis, *edited.analyzer), ::testing::ElementsAre("file:///x/03.txt"));
  auto found = reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].related[0].document->name, ws.uri("02.txt"));
  EXPECT_EQ(found[0].related[0].document->text.slice(found[0].related[0].range), "4");
  // The same figures again: nobody to tell.
  EXPECT_TRUE(reports.putOpen(ws.uri("02.txt"), edited.text, edited.analysis, *edited.analyzer).empty());
  // Closed without saving: the file's figures count again.
  EXPECT_THAT(reports.closeOpen(ws.uri("02.txt")), ::testing::ElementsAre("file:///x/03.txt"));
  EXPECT_THAT(reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer), ::testing::IsEmpty());
}

TEST(WorkspaceReports, FileChangesAndDeletionsAreFollowed) {
  Workspace ws;
  std::filesystem::path file = ws.write("02.txt", k2023);
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{false};
  reports.scan({ws.dir}, stop);
  Open now(carriedIn('3'));
  reports.putOpen("file:///x/03.txt", now.text, now.analysis, *now.analyzer);
  EXPECT_EQ(reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer).size(), 2u);
  // Saved with 3 carried over: they agree.
  ws.write("02.txt", carriedOut('3'));
  EXPECT_THAT(reports.fileChanged(file), ::testing::ElementsAre("file:///x/03.txt"));
  EXPECT_THAT(reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer), ::testing::IsEmpty());
  // Deleted: no last year's report, nothing to compare.
  ws.write("02.txt", k2023);
  reports.fileChanged(file);
  EXPECT_EQ(reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer).size(), 2u);
  std::filesystem::remove(file);
  EXPECT_THAT(reports.fileChanged(file), ::testing::ElementsAre("file:///x/03.txt"));
  EXPECT_THAT(reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer), ::testing::IsEmpty());
}

TEST(WorkspaceReports, AFileThatChangedSinceTheScanIsReadAgainForItsPlaces) {
  Workspace ws;
  std::filesystem::path file = ws.write("02.txt", carriedOut('2'));
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{false};
  reports.scan({ws.dir}, stop);
  // Changed behind the watcher's back: two lines inserted above the table.
  ws.write("02.txt", "\n\n" + carriedOut('2'));
  Open now(k2024);
  auto found = reports.check("file:///x/03.txt", now.text, now.analysis, *now.analyzer);
  ASSERT_EQ(found.size(), 2u);
  const RelatedLocation& related = found[0].related[0];
  EXPECT_EQ(related.document->text.lineOf(related.range.begin) + 1, 134u);
  EXPECT_EQ(related.document->text.slice(related.range), "2");
}

TEST(WorkspaceReports, AStoppedScanEndsAtOnce) {
  Workspace ws;
  ws.write("02.txt", k2023);
  lsp::WorkspaceReports reports(templates(), nullptr);
  std::atomic<bool> stop{true};
  EXPECT_EQ(reports.scan({ws.dir}, stop), 0u);
  // A folder that does not exist is no error.
  std::atomic<bool> go{false};
  EXPECT_EQ(reports.scan({ws.dir / "missing"}, go), 0u);
}

// ---- through the server ----

json initializeIn(InProcessClient& client, const Workspace& ws, json capabilities = json::object()) {
  json params = {{"processId", nullptr},
                 {"rootUri", lsp::fileUriFromPath(ws.dir)},
                 {"workspaceFolders", json::array({{{"uri", lsp::fileUriFromPath(ws.dir)}, {"name", "ws"}}})},
                 {"capabilities", std::move(capabilities)}};
  json r = client.request("initialize", params);
  client.notify("initialized", json::object());
  return r;
}

// The next diagnostics for `uri` whose carryover-mismatch count is `count`.
json carryoverDiagnostics(InProcessClient& client, const std::string& uri, std::size_t count) {
  json found = client.waitFor(
      [&](const json& m) {
        if (m.value("method", "") != "textDocument/publishDiagnostics" || m["params"]["uri"] != uri) return false;
        std::size_t n = 0;
        for (const auto& d : m["params"]["diagnostics"]) n += d["code"] == "carryover-mismatch";
        return n == count;
      },
      std::to_string(count) + " carryover-mismatch for " + uri);
  json out = json::array();
  if (found.is_null()) return out;
  for (const auto& d : found["params"]["diagnostics"])
    if (d["code"] == "carryover-mismatch") out.push_back(d);
  return out;
}

TEST(LspCarryover, LastYearsFileInTheWorkspaceIsPointedAt) {
  Workspace ws;
  ws.write("2023.txt", carriedOut('2'));
  InProcessClient client;
  json init = initializeIn(client, ws);
  EXPECT_EQ(init["result"]["capabilities"]["diagnosticProvider"]["interFileDependencies"], true);
  client.open(ws.uri("2024.txt"), k2024);
  json list = carryoverDiagnostics(client, ws.uri("2024.txt"), 2);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1]["severity"], 2);
  EXPECT_EQ(list[1]["range"]["start"]["line"], 95);
  const json& related = list[1]["relatedInformation"][0];
  EXPECT_EQ(related["location"]["uri"], ws.uri("2023.txt"));
  EXPECT_EQ(related["location"]["range"]["start"]["line"], 131);
  EXPECT_EQ(related["message"], "2023 年年报：结转下年度继续办理（总计）为 2");
}

TEST(LspCarryover, HoverOverTheTitleNamesLastYearsReport) {
  Workspace ws;
  InProcessClient client;
  initializeIn(client, ws);
  client.open(ws.uri("2024.txt"), k2024);
  client.diagnostics(ws.uri("2024.txt"), 1);
  // Real 03's title year is on line 2 (0-based 1): six spaces, then 2024.
  json at = {{"textDocument", {{"uri", ws.uri("2024.txt")}}}, {"position", {{"line", 1}, {"character", 7}}}};
  std::string none = client.request("textDocument/hover", at)["result"]["contents"]["value"];
  EXPECT_THAT(none, ::testing::HasSubstr("工作区中没有同一机关 2023 年的年报，结转数据未核对"));
  client.open(ws.uri("2023.txt"), k2023);
  client.diagnostics(ws.uri("2023.txt"), 1);
  std::string found = client.request("textDocument/hover", at)["result"]["contents"]["value"];
  EXPECT_THAT(found, ::testing::HasSubstr("上年年报：[2023 年](" + ws.uri("2023.txt") + ")"));
}

TEST(LspCarryover, WatchedFileChangesUpdateTheFindings) {
  Workspace ws;
  ws.write("2023.txt", carriedOut('2'));
  InProcessClient client;
  initializeIn(client, ws, {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  // Asked to watch the report files.
  json reg = client.waitFor([](const json& m) { return m.value("method", "") == "client/registerCapability"; },
                            "client/registerCapability");
  EXPECT_EQ(reg["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
  client.raw(json{{"jsonrpc", "2.0"}, {"id", reg["id"]}, {"result", nullptr}}.dump());
  client.open(ws.uri("2024.txt"), k2024);
  carryoverDiagnostics(client, ws.uri("2024.txt"), 2);
  // Last year's report corrected and saved outside the editor.
  ws.write("2023.txt", k2023);
  client.notify("workspace/didChangeWatchedFiles", {{"changes", json::array({{{"uri", ws.uri("2023.txt")}, {"type", 2}}})}});
  EXPECT_TRUE(carryoverDiagnostics(client, ws.uri("2024.txt"), 0).is_array());
}

TEST(LspCarryover, NoWatchingAskedForARootThatIsNoProject) {
  // Eglot watches by walking every folder of the root: for /tmp that took
  // 13 s of an editor's time, and there is nothing of ours to watch there.
  InProcessClient client;
  json params = {{"processId", nullptr},
                 {"rootUri", lsp::fileUriFromPath(std::filesystem::temp_directory_path())},
                 {"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}};
  client.request("initialize", params);
  client.notify("initialized", json::object());
  // Whatever initialized sent is sent before this answer.
  client.request("shutdown", nullptr);
  for (const auto& m : client.pending()) EXPECT_NE(m.value("method", ""), "client/registerCapability") << m.dump();
}

TEST(LspCarryover, EditingLastYearsOpenReportUpdatesThisYears) {
  Workspace ws;
  InProcessClient client;
  initializeIn(client, ws);
  client.open(ws.uri("2024.txt"), k2024);
  client.diagnostics(ws.uri("2024.txt"), 1);
  client.open(ws.uri("2023.txt"), carriedOut('5'));
  json list = carryoverDiagnostics(client, ws.uri("2024.txt"), 2);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["relatedInformation"][0]["location"]["uri"], ws.uri("2023.txt"));
  // Closing it, unsaved, with no file on disk: nothing to compare with.
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", ws.uri("2023.txt")}}}});
  EXPECT_TRUE(carryoverDiagnostics(client, ws.uri("2024.txt"), 0).is_array());
}

}  // namespace
}  // namespace nianbao::testing
