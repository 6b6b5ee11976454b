// nianbao.toml and inline suppressions in the server (lsp/LspServerWorkspace.cpp,
// lsp/Document.cpp's view, lsp/CodeActions.cpp), on the example report, whose
// findings are known from reading it: sum-row and balance on line 51 (总计 2
// where the applicants add up to 1), label-mismatch on line 32, row-missing
// at line 68, sum-review on line 81 and section-title on line 83.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "InProcessClient.h"
#include "Uri.h"
#include "fix/TextEdits.h"

namespace nianbao::testing {
namespace {
namespace fs = std::filesystem;

std::string example() {
  std::ifstream in(NIANBAO_EXAMPLE, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

struct Project {
  fs::path dir;
  Project() {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("nianbao-project-" + std::to_string(rd()));
    fs::create_directories(dir);
  }
  ~Project() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  std::string uri(const std::string& name) const { return lsp::fileUriFromPath(dir / name); }
};

void initializeIn(InProcessClient& client, const Project& p) {
  json params = {{"processId", nullptr},
                 {"rootUri", lsp::fileUriFromPath(p.dir)},
                 {"workspaceFolders", json::array({{{"uri", lsp::fileUriFromPath(p.dir)}, {"name", "p"}}})},
                 {"capabilities", {{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}}}};
  client.request("initialize", params);
  client.notify("initialized", json::object());
}

// code → severity of the diagnostics, in order.
std::vector<std::pair<std::string, int>> codes(const json& diagnostics) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& d : diagnostics) out.emplace_back(d["code"], d["severity"]);
  return out;
}

// The next diagnostics published for `uri` that `match` accepts.
json diagnosticsWhere(InProcessClient& client, const std::string& uri, const std::function<bool(const json&)>& match,
                      const std::string& what) {
  json m = client.waitFor(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
               match(m["params"]["diagnostics"]);
      },
      what);
  return m.is_null() ? json::array() : m["params"]["diagnostics"];
}

bool has(const json& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics)
    if (d["code"] == code) return true;
  return false;
}

using P = std::pair<std::string, int>;
using ::testing::ElementsAre;

TEST(LspProject, RulesFromNianbaoTomlApplyAndReloadWhenItChanges) {
  Project p;
  p.write("nianbao.toml", "[rules]\nsum-row = \"warning\"\nbalance = \"off\"\n");
  InProcessClient client;
  initializeIn(client, p);
  std::string uri = p.uri("reports/2024.md");
  client.open(uri, example());
  EXPECT_THAT(codes(client.diagnostics(uri, 1)),
              ElementsAre(P{"label-mismatch", 2}, P{"sum-row", 2}, P{"row-missing", 1}, P{"sum-review", 1}, P{"section-title", 2}));
  // Changed on disk: the client says so, and the document is published again.
  p.write("nianbao.toml", "[rules]\nsum-row = \"off\"\n");
  client.notify("workspace/didChangeWatchedFiles", {{"changes", json::array({{{"uri", p.uri("nianbao.toml")}, {"type", 2}}})}});
  json after = diagnosticsWhere(client, uri, [](const json& d) { return !has(d, "sum-row"); }, "diagnostics without sum-row");
  EXPECT_THAT(codes(after), ElementsAre(P{"label-mismatch", 2}, P{"balance", 1}, P{"row-missing", 1}, P{"sum-review", 1},
                                        P{"section-title", 2}));
}

TEST(LspProject, ExcludedFilesHaveNoDiagnosticsAndMistakesAreShown) {
  Project p;
  p.write("nianbao.toml", "[files]\nexclude = [\"drafts/**\"]\n[rules]\nsum-rows = \"off\"\n");
  InProcessClient client;
  initializeIn(client, p);
  client.open(p.uri("drafts/2024.md"), example());
  EXPECT_TRUE(client.diagnostics(p.uri("drafts/2024.md"), 1).empty());
  json shown = client.notification("window/showMessage");
  EXPECT_EQ(shown["params"]["type"], 2);
  EXPECT_THAT(shown["params"]["message"].get<std::string>(),
              ::testing::HasSubstr((p.dir / "nianbao.toml").string() + ":4:1: [rules] sum-rows: no rule has this code"));
  // The rest of the file applies: another file is checked as usual.
  client.open(p.uri("2024.md"), example());
  EXPECT_TRUE(has(client.diagnostics(p.uri("2024.md"), 1), "sum-row"));
}

TEST(LspProject, TheProjectsHeadingTimingAppliesWhereTheEditorKeepsTheDefault) {
  Project p;
  p.write("nianbao.toml", "editor.headings-check-on = \"type\"\n");
  InProcessClient client;
  initializeIn(client, p);
  // Opened whole, then part 五 deleted and not saved: reported as one types,
  // as the project asks (the editor's default waits for a save).
  std::string text = example();
  client.open(p.uri("2024.md"), text);
  EXPECT_FALSE(has(client.diagnostics(p.uri("2024.md"), 1), "section-missing"));
  std::size_t five = text.find("#### 五、");
  text.replace(five, text.find("#### 六、") - five, "");
  client.change(p.uri("2024.md"), 2, json::array({{{"text", text}}}));
  EXPECT_TRUE(has(client.diagnostics(p.uri("2024.md"), 2), "section-missing"));
}

TEST(LspProject, WithoutTheProjectFileHeadingsWaitForASave) {
  // The same edit where no nianbao.toml applies: nothing until the save.
  Project p;
  InProcessClient client;
  initializeIn(client, p);
  std::string text = example();
  client.open(p.uri("2024.md"), text);
  client.diagnostics(p.uri("2024.md"), 1);
  std::size_t five = text.find("#### 五、");
  text.replace(five, text.find("#### 六、") - five, "");
  client.change(p.uri("2024.md"), 2, json::array({{{"text", text}}}));
  EXPECT_FALSE(has(client.diagnostics(p.uri("2024.md"), 2), "section-missing"));
}

TEST(LspSuppressions, ACommentSuppressesAndAnUnusedOneIsReported) {
  std::string text = example();
  std::string row = "| 一、本年新收政府信息公开申请数量 |";
  text.replace(text.find(row), 0, "<!-- nianbao-disable-next-line sum-row fee-conflict -->\n");
  InProcessClient client;
  client.initialize();
  client.open("file:///work/r.md", text);
  json list = client.diagnostics("file:///work/r.md", 1);
  EXPECT_FALSE(has(list, "sum-row"));
  EXPECT_TRUE(has(list, "balance"));
  const json* unused = nullptr;
  for (const auto& d : list)
    if (d["code"] == "unused-suppression") unused = &d;
  ASSERT_NE(unused, nullptr) << list.dump(1);
  EXPECT_EQ((*unused)["severity"], 3);
  EXPECT_EQ((*unused)["message"], "nianbao-disable-next-line fee-conflict 没有屏蔽任何问题，可以删除");
  EXPECT_EQ((*unused)["range"]["start"]["line"], 50);
  EXPECT_EQ((*unused)["codeDescription"]["href"], "https://github.com/nianbao/nianbao/blob/main/docs/rules/unused-suppression.md");
}

TEST(LspSuppressions, TheQuickFixSuppressesAndHoverExplainsTheComment) {
  std::string text = example();
  const std::string uri = "file:///work/r.md";
  InProcessClient client;
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  client.open(uri, text);
  json list = client.diagnostics(uri, 1);
  const json* title = nullptr;
  for (const auto& d : list)
    if (d["code"] == "section-title") title = &d;
  ASSERT_NE(title, nullptr);
  json r = client.request("textDocument/codeAction",
                          {{"textDocument", {{"uri", uri}}}, {"range", (*title)["range"]}, {"context", {{"diagnostics", json::array()}}}});
  json suppress;
  for (const auto& a : r["result"])
    if (a["title"] == "屏蔽此处的 section-title") suppress = a;
  ASSERT_FALSE(suppress.is_null()) << r.dump(1);
  const json& edits = suppress["edit"]["documentChanges"][0]["edits"];
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0]["range"]["start"]["line"], 82);  // above 五、, line 83
  EXPECT_EQ(edits[0]["newText"], "<!-- nianbao-disable-next-line section-title -->\n");
  text.insert(text.find("#### 五、"), edits[0]["newText"].get<std::string>());
  client.change(uri, 2, json::array({{{"text", text}}}));
  json after = client.diagnostics(uri, 2);
  EXPECT_FALSE(has(after, "section-title"));
  EXPECT_FALSE(has(after, "unused-suppression"));
  // Hover on the code shows its page.
  json hover = client.request("textDocument/hover",
                              {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 82}, {"character", 35}}}});
  EXPECT_THAT(hover["result"]["contents"]["value"].get<std::string>(), ::testing::StartsWith("# section-title\n"));
  // On the directive, what the comment does.
  hover = client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 82}, {"character", 8}}}});
  EXPECT_THAT(hover["result"]["contents"]["value"].get<std::string>(),
              ::testing::StartsWith("**nianbao-disable-next-line**：下一行不报告下列代码的问题"));
}

TEST(LspSuppressions, PlainTextFilesGetNoSuppressionOffer) {
  InProcessClient client;
  client.initialize();
  client.open("file:///work/r.txt", example());
  json list = client.diagnostics("file:///work/r.txt", 1);
  ASSERT_FALSE(list.empty());
  json r = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///work/r.txt"}}},
                                                      {"range", list[0]["range"]},
                                                      {"context", {{"diagnostics", json::array()}}}});
  for (const auto& a : r["result"]) EXPECT_THAT(a["title"].get<std::string>(), ::testing::Not(::testing::HasSubstr("屏蔽")));
}

}  // namespace
}  // namespace nianbao::testing
