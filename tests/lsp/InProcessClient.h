#pragma once
// A language client in the test's own process: it drives an LspServer through
// the same entry points the transport uses and collects what the server
// sends, so tests can wait for a given message. Waits give up after a while
// (a failure, not a timing assertion) so a missing message fails the test
// instead of hanging it.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "LspServer.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::testing {

using nlohmann::json;

class InProcessClient : public lsp::MessageSink {
 public:
  InProcessClient() {
    server_ = std::make_unique<lsp::LspServer>(io_, *this, governmentInformationDisclosure2021());
    server_->onExit = [this](int code) {
      std::lock_guard lock(mutex_);
      exitCode_ = code;
      arrived_.notify_all();
    };
    ioThread_ = std::thread([this] { io_.run(); });
  }
  ~InProcessClient() override {
    work_.reset();
    io_.stop();
    ioThread_.join();
    server_.reset();
  }

  // What the server sends.
  void send(std::string body) override {
    std::lock_guard lock(mutex_);
    received_.push_back(json::parse(body));
    arrived_.notify_all();
  }

  void raw(std::string body) { server_->receive(std::move(body)); }
  void notify(const std::string& method, json params) {
    raw(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  }
  int sendRequest(const std::string& method, json params) {
    int id = nextId_++;
    raw(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}.dump());
    return id;
  }
  // The response to a request (the whole message: result or error).
  json request(const std::string& method, json params) {
    int id = sendRequest(method, std::move(params));
    return responseTo(id);
  }
  json responseTo(int id) {
    return waitFor([id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
                   "the response to request " + std::to_string(id));
  }

  // Takes the first message (in arrival order) that `match` accepts.
  json waitFor(const std::function<bool(const json&)>& match, const std::string& what) {
    std::unique_lock lock(mutex_);
    std::optional<json> found;
    bool ok = arrived_.wait_for(lock, kPatience, [&] {
      for (auto it = received_.begin(); it != received_.end(); ++it)
        if (match(*it)) {
          found = std::move(*it);
          received_.erase(it);
          return true;
        }
      return false;
    });
    if (!ok) {
      ADD_FAILURE() << "never received " << what << "; received:\n" << dumpLocked();
      return json();
    }
    return *found;
  }
  json notification(const std::string& method) {
    return waitFor([&](const json& m) { return m.value("method", "") == method && !m.contains("id"); }, method);
  }
  // The next diagnostics pushed for `uri` at `version`.
  json diagnostics(const std::string& uri, int version) {
    return waitFor(
        [&](const json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
                 m["params"].value("version", -1) == version;
        },
        "diagnostics for " + uri + " version " + std::to_string(version))["params"]["diagnostics"];
  }
  // Messages received and not yet taken.
  std::vector<json> pending() {
    std::lock_guard lock(mutex_);
    return {received_.begin(), received_.end()};
  }
  std::optional<int> waitForExit() {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, kPatience, [&] { return exitCode_.has_value(); });
    return exitCode_;
  }

  // initialize + initialized with the given capabilities and options.
  json initialize(json capabilities = json::object(), json options = nullptr, std::string locale = "") {
    json params = {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", std::move(capabilities)}};
    if (!options.is_null()) params["initializationOptions"] = std::move(options);
    if (!locale.empty()) params["locale"] = locale;
    json r = request("initialize", params);
    notify("initialized", json::object());
    return r;
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
  }
  void change(const std::string& uri, int version, json changes) {
    notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", std::move(changes)}});
  }
  void save(const std::string& uri) { notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}); }

 private:
  std::string dumpLocked() const {
    std::string s;
    for (const auto& m : received_) s += "  " + m.dump().substr(0, 400) + "\n";
    return s;
  }
  static constexpr std::chrono::seconds kPatience{20};

  boost::asio::io_context io_{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ = boost::asio::make_work_guard(io_);
  std::unique_ptr<lsp::LspServer> server_;
  std::thread ioThread_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<json> received_;
  std::optional<int> exitCode_;
  int nextId_ = 1;
};

// Line and UTF-16 / UTF-8 column of byte `offset` in `text`, counted
// independently of the server's SourceText so the tests check it.
struct Place {
  int line = 0;
  int utf16 = 0;
  int utf8 = 0;
};
inline Place placeOf(const std::string& text, std::size_t offset) {
  Place p;
  for (std::size_t i = 0; i < offset;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n' && i + 1 < offset) { ++i; continue; }
    if (c == '\n' || c == '\r') {
      ++p.line, p.utf16 = 0, p.utf8 = 0, ++i;
      continue;
    }
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    p.utf8 += len;
    p.utf16 += len == 4 ? 2 : 1;
    i += len;
  }
  return p;
}

}  // namespace nianbao::testing
