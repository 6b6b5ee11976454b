// The bad-input catalogue's entries that are about size, against the real
// server over pipes: a 50 MB document, 10,000 open documents, and a flood of
// requests from a client that stops reading for a while. Each ends by
// checking that a small document opened first is still served.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ServerProcess.h"

namespace nianbao::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string example() {
  std::ifstream in(NIANBAO_EXAMPLE, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The example grown to `bytes` with prose paragraphs in part 五, after its
// tables, so line 50 (0-based) keeps its wrong total at UTF-16 column 48.
std::string grownExample(std::size_t bytes) {
  std::string text = example();
  std::size_t part5 = text.find("\n", text.find("五、存在的主要问题和改进措施")) + 1;
  std::string prose;
  for (std::size_t i = 0; text.size() + prose.size() < bytes; ++i)
    prose += "\n本机关将持续改进政府信息公开工作，第" + std::to_string(i) + "项措施是加强培训、完善制度、提升质量。\n";
  return text.substr(0, part5) + prose + text.substr(part5);
}

json request(const json& id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}
json didOpen(const std::string& uri, const std::string& text) {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}});
}
json at(int line, int character) { return {{"line", line}, {"character", character}}; }

// The quick fix for the example's wrong total on line 50.
json totalFixRequest(const json& id, const std::string& uri) {
  return request(id, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri}}},
                  {"range", {{"start", at(50, 48)}, {"end", at(50, 49)}}},
                  {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}});
}
// The fix of the example's wrong total, then the offers to suppress its two
// findings (sum-row, balance) around its table.
json totalFixAnswer(const json& id) {
  return {{"id", id},
          {"result", {{{"kind", "quickfix"}, {"edit", {{"changes", "*"}}}},
                      {{"title", "在这张表中屏蔽 sum-row"}},
                      {{"title", "在这张表中屏蔽 balance"}}}}};
}

long statusKilobytes(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

class LargeInput : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = fs::temp_directory_path() /
           ("nianbao-large-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".stderr");
    server_ = std::make_unique<ServerProcess>(log_);
    server_->setTimeout(std::chrono::seconds(300));  // sanitizer builds are slow; nothing here waits on time
    send(request("init", "initialize", {{"capabilities", json::object()}}));
    ASSERT_TRUE(server_->expect({{"id", "init"}}, &seen_));
    send(notification("initialized", json::object()));
    send(didOpen("file:///bystander.md", example()));
  }
  void TearDown() override {
    if (!server_) return;
    send(request("end", "shutdown", nullptr));
    EXPECT_TRUE(server_->expect({{"id", "end"}, {"result", nullptr}}, &seen_));
    send(notification("exit", json::object()));
    EXPECT_EQ(server_->waitForExit(), std::optional<int>(0));
    server_.reset();
    fs::remove(log_);
  }
  void send(const json& message) { server_->write(lsp::frameMessage(message.dump())); }
  void expectBystanderServed() {
    send(totalFixRequest("bystander", "file:///bystander.md"));
    EXPECT_TRUE(server_->expect(totalFixAnswer("bystander"), &seen_)) << seen_;
  }

  fs::path log_;
  std::unique_ptr<ServerProcess> server_;
  std::string seen_;
};

TEST_F(LargeInput, AFiftyMegabyteDocumentIsCheckedEditedAndServedBeside) {
  std::string text = grownExample(50u << 20);
  ASSERT_GE(text.size(), 50u << 20);
  send(didOpen("file:///big.md", text));
  // Its wrong total is found (the fix offered), an edit to it is applied,
  // and the small document is served throughout.
  send(totalFixRequest("big", "file:///big.md"));
  ASSERT_TRUE(server_->expect(totalFixAnswer("big"), &seen_)) << seen_;
  expectBystanderServed();
  send(notification("textDocument/didChange",
                    {{"textDocument", {{"uri", "file:///big.md"}, {"version", 2}}},
                     {"contentChanges", {{{"range", {{"start", at(50, 48)}, {"end", at(50, 49)}}}, {"text", "1"}}}}}));
  send(totalFixRequest("big-fixed", "file:///big.md"));
  ASSERT_TRUE(server_->expect({{"id", "big-fixed"}, {"result", json::array()}}, &seen_)) << seen_;
  std::cout << "50 MB document: server peak resident memory " << statusKilobytes(server_->pid(), "VmHWM") / 1024
            << " MB\n";
}

TEST_F(LargeInput, TenThousandOpenDocumentsAreEachChecked) {
  constexpr int kDocuments = 10000;
  std::string text = example();
  for (int i = 0; i < kDocuments; ++i) send(didOpen("file:///doc-" + std::to_string(i) + ".md", text));
  // Every one gets its diagnostics pushed (the bystander's too).
  std::set<std::string> published;
  while (published.size() < kDocuments + 1) {
    auto m = server_->expect({{"method", "textDocument/publishDiagnostics"}}, &seen_);
    ASSERT_TRUE(m) << "after " << published.size() << " documents";
    EXPECT_FALSE((*m)["params"]["diagnostics"].empty()) << (*m)["params"]["uri"];
    published.insert((*m)["params"]["uri"].get<std::string>());
  }
  for (int i : {0, kDocuments / 2, kDocuments - 1}) {
    std::string uri = "file:///doc-" + std::to_string(i) + ".md";
    send(totalFixRequest(uri, uri));
    EXPECT_TRUE(server_->expect(totalFixAnswer(uri), &seen_)) << uri;
  }
  expectBystanderServed();
  std::cout << "10,000 documents: server resident memory " << statusKilobytes(server_->pid(), "VmRSS") / 1024
            << " MB\n";
  for (int i = 0; i < kDocuments; ++i)
    send(notification("textDocument/didClose", {{"textDocument", {{"uri", "file:///doc-" + std::to_string(i) + ".md"}}}}));
  expectBystanderServed();
}

TEST_F(LargeInput, AFloodOfRequestsWhileTheClientIsNotReadingIsAnsweredInFull) {
  constexpr int kRequests = 20000;
  server_->pauseReading();
  // Written from another thread: were the server to stop reading while its
  // output is blocked, this write would never finish.
  auto writing = std::async(std::launch::async, [&] {
    for (int i = 0; i < kRequests; ++i)
      send(request(i, "textDocument/foldingRange", {{"textDocument", {{"uri", "file:///bystander.md"}}}}));
  });
  bool wrote = writing.wait_for(std::chrono::seconds(120)) == std::future_status::ready;
  std::this_thread::sleep_for(std::chrono::seconds(1));
  server_->resumeReading();
  ASSERT_TRUE(wrote) << "the server stopped reading its input while its output was not being read";
  writing.get();
  std::vector<int> answered(kRequests, 0);
  for (int n = 0; n < kRequests; ++n) {
    auto m = server_->expect({{"id", "*"}, {"result", "*"}}, &seen_);
    ASSERT_TRUE(m) << "after " << n << " answers";
    ASSERT_TRUE((*m)["id"].is_number_integer());
    EXPECT_FALSE((*m)["result"].empty());
    ++answered.at((*m)["id"].get<int>());
  }
  EXPECT_EQ(std::count(answered.begin(), answered.end(), 1), kRequests) << "each request answered once";
  expectBystanderServed();
}

}  // namespace
}  // namespace nianbao::testing
