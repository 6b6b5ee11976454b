// The language server as an editor meets it: the real binary over stdio, a
// report padded to 1 MB and 8 MB (PaddedReport.h) opened, then one-character
// edits, each a didChange followed by a textDocument/diagnostic pull, timed
// from sending the change to receiving the diagnostics.
//
//   lsp_e2e_bench [--binary PATH] [--size-kib 1024,8192] [--edits 300]
//
// The servers for all sizes run side by side and are edited in turn, so
// machine noise falls on every size alike. For each size it prints the time
// from didOpen to the first diagnostics,
// the median and 99th percentile of an edit inside a paragraph and inside a
// table cell, and the server's resident memory (VmRSS after the edits, and
// its peak, VmHWM). It checks the answers as it goes (a wrong total must
// appear and go with the cell's number) and exits 1 if the server gets them
// wrong; it asserts nothing about time.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "Framing.h"
#include "PaddedReport.h"
#include "text/SourceText.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

[[noreturn]] void die(const std::string& why) {
  std::cerr << "lsp_e2e_bench: " << why << "\n";
  std::exit(1);
}

class ServerProcess {
 public:
  explicit ServerProcess(const std::string& binary) {
    int toServer[2], fromServer[2];
    if (pipe(toServer) != 0 || pipe(fromServer) != 0) die("pipe failed");
    pid_ = fork();
    if (pid_ < 0) die("fork failed");
    if (pid_ == 0) {
      dup2(toServer[0], 0);
      dup2(fromServer[1], 1);
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 2);
      close(toServer[1]);
      close(fromServer[0]);
      execl(binary.c_str(), binary.c_str(), "server", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(toServer[0]);
    close(fromServer[1]);
    in_ = toServer[1];
    out_ = fromServer[0];
  }
  ~ServerProcess() {
    if (in_ >= 0) close(in_);
    if (out_ >= 0) close(out_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void send(const json& message) { sendFramed(nianbao::lsp::frameMessage(message.dump())); }
  void sendFramed(const std::string& framed) {
    for (std::size_t done = 0; done < framed.size();) {
      ssize_t n = write(in_, framed.data() + done, framed.size() - done);
      if (n <= 0) die("the server stopped reading");
      done += static_cast<std::size_t>(n);
    }
  }
  int request(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"id", ++lastId_}, {"method", method}, {"params", std::move(params)}});
    return lastId_;
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // The response to request `id`; notifications on the way are dropped.
  json response(int id) {
    for (;;) {
      while (auto event = reader_.next()) {
        if (event->kind != nianbao::lsp::FramedEvent::Kind::Message) die("bad frame: " + event->error);
        json message = json::parse(event->body);
        if (message.contains("id") && message["id"] == id && !message.contains("method")) {
          if (message.contains("error")) die("request " + std::to_string(id) + " failed: " + message["error"].dump());
          return message["result"];
        }
      }
      char buffer[1 << 16];
      ssize_t n = read(out_, buffer, sizeof buffer);
      if (n <= 0) die("the server closed its output");
      reader_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
  }
  // A line of /proc/PID/status in KiB (VmRSS, VmHWM).
  long memoryKib(const std::string& key) const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
    return -1;
  }
  int finish() {
    response(request("shutdown", nullptr));
    notify("exit", nullptr);
    close(in_);
    in_ = -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  int lastId_ = 0;
  nianbao::lsp::MessageReader reader_{256u << 20};
};

struct Percentiles {
  double median = 0, p99 = 0;
};
Percentiles percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  if (ms.empty()) return {};
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

double since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

json position(nianbao::LineColumn lc) { return {{"line", lc.line}, {"character", lc.column}}; }

// One server with one padded report open, and the edits measured on it.
class Session {
 public:
  Session(const std::string& binary, std::size_t kib) : server_(binary) {
    auto report = nianbao::bench::paddedReport(kib * 1024);
    if (!report) die(std::string("cannot read ") + nianbao::bench::kSeedPath);
    report_ = std::move(*report);
    server_.response(server_.request("initialize", {{"processId", getpid()},
                                                    {"capabilities", {{"textDocument", {{"diagnostic", json::object()}}}}}}));
    server_.notify("initialized", json::object());
    // Serialising the message is the editor's work, not the server's: done
    // before the clock starts.
    std::string didOpen = nianbao::lsp::frameMessage(
        json{{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params", {{"textDocument", {{"uri", kUri}, {"languageId", "markdown"}, {"version", 1}, {"text", report_.text}}}}}}
            .dump());
    auto start = Clock::now();
    server_.sendFramed(didOpen);
    baseline_ = pull();
    openMs_ = since(start);
    const nianbao::SourceText text(report_.text);
    at_ = text.toUtf16(report_.paragraph);
    cell_ = text.toUtf16(report_.cell);
  }

  // A character typed into a paragraph, then deleted: the text returns to
  // the original every other edit.
  void paragraphEdit() {
    bool typing = paragraph_.size() % 2 == 0;
    json range = {{"start", position(at_)}, {"end", position({at_.line, at_.column + (typing ? 0u : 1u)})}};
    auto t = Clock::now();
    change(range, typing ? "新" : "");
    std::size_t items = pull();
    paragraph_.push_back(since(t));
    if (items != baseline_) die("typing in a paragraph changed the diagnostics");
  }

  // A table cell's 1 changed to 2 and back: the total no longer adds up, then does again.
  void cellEdit() {
    bool wrong = cell_times_.size() % 2 == 0;
    json range = {{"start", position(cell_)}, {"end", position({cell_.line, cell_.column + 1})}};
    auto t = Clock::now();
    change(range, wrong ? "2" : "1");
    std::size_t items = pull();
    cell_times_.push_back(since(t));
    if (wrong != (items > baseline_)) die("the diagnostics did not follow the cell's number");
  }

  void report() {
    Percentiles p = percentiles(paragraph_), c = percentiles(cell_times_);
    long rss = server_.memoryKib("VmRSS"), peak = server_.memoryKib("VmHWM");
    std::printf("| %.2f MB | %.1f ms | %.3f / %.3f ms | %.3f / %.3f ms | %.1f MB (%.1f MB) |\n",
                static_cast<double>(report_.text.size()) / 1048576.0, openMs_, p.median, p.p99, c.median, c.p99,
                static_cast<double>(rss) / 1024.0, static_cast<double>(peak) / 1024.0);
    if (server_.finish() != 0) die("the server did not exit cleanly");
  }

 private:
  static constexpr const char* kUri = "file:///bench/report.md";

  std::size_t pull() {
    json result = server_.response(server_.request("textDocument/diagnostic", {{"textDocument", {{"uri", kUri}}}}));
    if (result.value("kind", "") != "full") die("expected a full diagnostic report: " + result.dump());
    return result["items"].size();
  }
  void change(json range, const std::string& inserted) {
    server_.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", ++version_}}},
                                              {"contentChanges", json::array({{{"range", range}, {"text", inserted}}})}});
  }

  ServerProcess server_;
  nianbao::bench::PaddedReport report_;
  std::size_t baseline_ = 0;
  double openMs_ = 0;
  int version_ = 1;
  nianbao::LineColumn at_, cell_;
  std::vector<double> paragraph_, cell_times_;
};

std::vector<std::size_t> sizesFrom(const std::string& list) {
  std::vector<std::size_t> out;
  std::stringstream ss(list);
  for (std::string item; std::getline(ss, item, ',');) out.push_back(std::stoul(item));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = NIANBAO_BINARY;
  std::vector<std::size_t> sizes = {1024, 8192};
  int edits = 300;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--binary") binary = argv[i + 1];
    else if (flag == "--size-kib") sizes = sizesFrom(argv[i + 1]);
    else if (flag == "--edits") edits = std::max(2, std::atoi(argv[i + 1]));
    else die("unknown option " + flag);
  }
  std::printf("| document | didOpen to diagnostics | paragraph edit median / p99 | cell edit median / p99 | RSS after edits (peak) |\n");
  std::printf("|---|---|---|---|---|\n");
  // All sizes are open at once and edited in turn, so that whatever else
  // the machine is doing slows them alike.
  std::vector<std::unique_ptr<Session>> sessions;
  for (std::size_t kib : sizes) sessions.push_back(std::make_unique<Session>(binary, kib));
  for (int i = 0; i < edits; ++i)
    for (auto& s : sessions) s->paragraphEdit();
  for (int i = 0; i < edits; ++i)
    for (auto& s : sessions) s->cellEdit();
  for (auto& s : sessions) s->report();
  std::fflush(stdout);
  return 0;
}
