// Soak: the real server, over pipes, kept busy the way a long editing day
// would, then checked.
//
//   lsp_soak [--documents 200] [--edits 100000] [--pull-every 20] [--seed 1]
//            [--no-memory-check] [--binary PATH]
//
// It opens the documents (the corpus reports and the shipped example, in
// turn), then sends random edits (RandomEdits.h: typing, deleting, pasting,
// line breaks of every kind, undo), one to three changes per didChange, to
// documents picked at random. The client takes pushed diagnostics and also
// pulls them for the document just edited every --pull-every edits; every
// pulled list must equal a full check of the client's text. At the end every
// document is pulled and compared, and the last push of each must carry its
// last version and the same findings. Resident memory (VmRSS) is read after
// the first tenth of the edits and at the end, both times once every
// document has been analysed; the end must be within 10% of the first.
// Exits 0 if all holds, 1 otherwise, printing the figures either way.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "Analyzer.h"
#include "ServerProcess.h"
#include "incremental/RandomEdits.h"
#include "templates/BuiltinTemplates.h"

namespace {

using nlohmann::json;
using nianbao::Analysis;
using nianbao::ByteRange;
using nianbao::LineColumn;
using nianbao::SourceText;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Options {
  int documents = 200;
  long edits = 100000;
  int pullEvery = 20;
  unsigned seed = 1;
  bool memoryCheck = true;
  std::string binary = NIANBAO_BINARY;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--documents") o.documents = std::stoi(value());
    else if (a == "--edits") o.edits = std::stol(value());
    else if (a == "--pull-every") o.pullEvery = std::stoi(value());
    else if (a == "--seed") o.seed = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--no-memory-check") o.memoryCheck = false;
    else if (a == "--binary") o.binary = value();
    else throw std::runtime_error("unknown option " + a);
  }
  if (o.documents < 1 || o.edits < 10 || o.pullEvery < 1) throw std::runtime_error("options out of range");
  return o;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> sourceTexts() {
  std::vector<fs::path> paths;
  for (const char* dir : {"seeds", "real"})
    for (const auto& e : fs::directory_iterator(fs::path(NIANBAO_SHARED) / "corpus" / dir))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  paths.push_back(NIANBAO_EXAMPLE);
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(readFile(p));
  return texts;
}

long statusKilobytes(pid_t pid, const char* field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(std::string(field) + ":", 0) == 0) return std::stol(line.substr(std::strlen(field) + 1));
  return -1;
}

json position(LineColumn lc) { return {{"line", lc.line}, {"character", lc.column}}; }

// What differs between the diagnostics the server sent and a full check of
// `text`; empty if nothing.
std::string difference(const json& got, const SourceText& text, const Analysis& want) {
  if (!got.is_array()) return "not a list: " + got.dump().substr(0, 200);
  if (got.size() != want.findings.size())
    return std::to_string(got.size()) + " diagnostics, a full check finds " + std::to_string(want.findings.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    const auto& f = want.findings[i];
    json range = {{"start", position(text.toUtf16(f.range.begin))}, {"end", position(text.toUtf16(f.range.end))}};
    if (got[i]["code"] != f.code || got[i]["message"] != f.message || got[i]["range"] != range)
      return "diagnostic " + std::to_string(i) + ": " + got[i].dump().substr(0, 300) + ", a full check has " + f.code +
             " at " + range.dump();
  }
  return "";
}

struct Document {
  std::string uri;
  SourceText text;
  int version = 1;
  nianbao::testing::RandomEditor editor;
};

class Soak {
 public:
  explicit Soak(const Options& o)
      : options_(o),
        log_(fs::temp_directory_path() / ("nianbao-soak-" + std::to_string(getpid()) + ".stderr")),
        server_(log_, o.binary),
        analyzer_(nianbao::governmentInformationDisclosure2021()),
        rng_(o.seed) {
    server_.setTimeout(std::chrono::seconds(120));
    server_.observe([this](const json& m) {
      if (m.value("method", "") != "textDocument/publishDiagnostics") return;
      std::lock_guard lock(pushMutex_);
      lastPush_[m["params"]["uri"].get<std::string>()] = m["params"];
      ++pushes_;
    });
  }

  int run() {
    auto start = Clock::now();
    send({{"jsonrpc", "2.0"}, {"id", "init"}, {"method", "initialize"},
          {"params", {{"capabilities", json::object()},
                      {"initializationOptions", {{"headings", {{"checkOn", "type"}}}}}}}});
    if (!expect({{"id", "init"}})) return fail("no answer to initialize");
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
    std::vector<std::string> texts = sourceTexts();
    for (int i = 0; i < options_.documents; ++i) {
      std::string uri = "file:///soak/doc-" + std::to_string(i) + ".md";
      const std::string& text = texts[static_cast<std::size_t>(i) % texts.size()];
      docs_.push_back({uri, SourceText(text), 1,
                       nianbao::testing::RandomEditor([this](std::size_t n) { return static_cast<std::size_t>(rng_() % n); })});
      send({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
            {"params", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}}});
    }
    long checkpoint = std::max(1L, options_.edits / 10);
    long rssCheckpoint = 0;
    for (long edit = 1; edit <= options_.edits; ++edit) {
      Document& doc = docs_[rng_() % docs_.size()];
      change(doc);
      if (edit % options_.pullEvery == 0 && !pullAndCompare(doc)) return fail("a pull differed from a full check");
      if (edit == checkpoint) {
        if (!pullAll()) return fail("a pull differed from a full check");
        rssCheckpoint = settledRss();
        std::printf("after %ld edits: VmRSS %.1f MB\n", edit, rssCheckpoint / 1024.0);
        std::fflush(stdout);
      }
    }
    if (!pullAll()) return fail("a final pull differed from a full check");
    long rssEnd = settledRss();
    long hwm = statusKilobytes(server_.pid(), "VmHWM");
    if (!lastPushesMatch()) return fail("the last pushed diagnostics differ from a full check");
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("documents %d, edits %ld (%d changes), pulls %ld, pushes %ld, %.0f s (%.0f edits/s)\n",
                options_.documents, options_.edits, changes_, pulls_, pushes(), seconds, options_.edits / seconds);
    std::printf("VmRSS after %ld edits %.1f MB, at the end %.1f MB (%+.1f%%), peak VmHWM %.1f MB\n", checkpoint,
                rssCheckpoint / 1024.0, rssEnd / 1024.0, 100.0 * (rssEnd - rssCheckpoint) / rssCheckpoint, hwm / 1024.0);
    send({{"jsonrpc", "2.0"}, {"id", "end"}, {"method", "shutdown"}});
    if (!expect({{"id", "end"}, {"result", nullptr}})) return fail("no answer to shutdown");
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    if (server_.waitForExit() != std::optional<int>(0)) return fail("the server did not exit with 0");
    if (options_.memoryCheck && rssEnd > rssCheckpoint * 11 / 10)
      return fail("resident memory grew more than 10% after the first tenth of the edits");
    std::printf("soak passed\n");
    fs::remove(log_);
    return 0;
  }

 private:
  void send(const json& m) { server_.write(nianbao::lsp::frameMessage(m.dump())); }
  std::optional<json> expect(const json& pattern) {
    std::string seen;  // passed-over messages: pushes, logs
    return server_.expect(pattern, &seen);
  }
  long pushes() {
    std::lock_guard lock(pushMutex_);
    return pushes_;
  }
  int fail(const std::string& why) {
    std::printf("soak FAILED: %s (server log: %s)\n", why.c_str(), log_.c_str());
    return 1;
  }

  // One didChange of one to three random edits, positions in UTF-16.
  void change(Document& doc) {
    json changes = json::array();
    for (std::size_t k = 1 + rng_() % 3; k > 0; --k) {
      auto edit = doc.editor.next(doc.text);
      SourceText check(edit.text);
      if (check.repairedInvalidUtf8() || check.hadBom()) continue;  // JSON strings carry valid text only
      // A document that has grown past 200 KB only shrinks.
      if (doc.text.size() > 200000 && edit.text.size() > edit.range.size()) continue;
      LineColumn from = doc.text.toUtf16(edit.range.begin);
      LineColumn to = doc.text.toUtf16(std::max(edit.range.begin, edit.range.end));
      ByteRange named{doc.text.fromUtf16(from), doc.text.fromUtf16(to)};  // a byte inside a character snaps to its start
      doc.text = doc.editor.apply(doc.text, {named, edit.text});
      changes.push_back({{"range", {{"start", position(from)}, {"end", position(to)}}}, {"text", edit.text}});
    }
    if (changes.empty()) return;
    ++changes_;
    send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
          {"params", {{"textDocument", {{"uri", doc.uri}, {"version", ++doc.version}}}, {"contentChanges", changes}}}});
  }

  bool pullAndCompare(const Document& doc) {
    std::string id = "pull-" + std::to_string(++pulls_);
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/diagnostic"},
          {"params", {{"textDocument", {{"uri", doc.uri}}}}}});
    auto answer = expect({{"id", id}});
    if (!answer) {
      std::printf("no answer to %s for %s\n", id.c_str(), doc.uri.c_str());
      return false;
    }
    SourceText fresh(doc.text.str());
    std::string diff = difference((*answer)["result"]["items"], fresh, analyzer_.analyze(fresh));
    if (!diff.empty()) std::printf("%s version %d: %s\n", doc.uri.c_str(), doc.version, diff.c_str());
    return diff.empty();
  }

  bool pullAll() {
    for (const auto& doc : docs_)
      if (!pullAndCompare(doc)) return false;
    return true;
  }

  // VmRSS once the server is idle: every document has just been analysed.
  long settledRss() {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    return statusKilobytes(server_.pid(), "VmRSS");
  }

  bool lastPushesMatch() {
    for (int attempt = 0;; ++attempt) {
      std::string problem;
      {
        std::lock_guard lock(pushMutex_);
        for (const auto& doc : docs_) {
          auto it = lastPush_.find(doc.uri);
          if (it == lastPush_.end() || it->second["version"] != doc.version) {
            problem = doc.uri + ": no push for version " + std::to_string(doc.version) + " yet";
            break;
          }
          SourceText fresh(doc.text.str());
          std::string diff = difference(it->second["diagnostics"], fresh, analyzer_.analyze(fresh));
          if (!diff.empty()) {
            std::printf("%s: last push: %s\n", doc.uri.c_str(), diff.c_str());
            return false;
          }
        }
      }
      if (problem.empty()) return true;
      if (attempt == 100) {
        std::printf("%s\n", problem.c_str());
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  Options options_;
  fs::path log_;
  nianbao::testing::ServerProcess server_;
  nianbao::Analyzer analyzer_;
  std::mt19937 rng_;
  std::vector<Document> docs_;
  std::mutex pushMutex_;
  std::map<std::string, json> lastPush_;
  long pushes_ = 0, pulls_ = 0;
  int changes_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  try {
    Options options = parse(argc, argv);
    Soak soak(options);
    return soak.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lsp_soak: %s\n", e.what());
    return 2;
  }
}
