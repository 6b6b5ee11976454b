// The language server's latency for one keystroke, end to end and in
// process: a didChange notification in, its publishDiagnostics out (JSON
// parsing, text sync, analysis on the pool, diagnostics as JSON). The
// debounce is set to 0 so the figure is the server's own work; an editor
// adds the configured quiet time (50 ms by default) on top.
//
//   Keystroke/<KiB>   seed 002 of the corpus repeated to about that size
//
// Each iteration types one digit over the first number cell of the last
// copy and waits for the diagnostics of that version.

#include <benchmark/benchmark.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "LspServer.h"
#include "text/SourceText.h"
#include "templates/BuiltinTemplates.h"

namespace {

using nlohmann::json;
constexpr const char* kSeedPath = NIANBAO_SHARED "/corpus/seeds/002_205615ee8de7c4c5.txt";

std::optional<std::string> document(std::size_t kib) {
  std::ifstream in(kSeedPath, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string seed = ss.str(), doc;
  while (doc.size() + seed.size() / 2 < kib * 1024 || doc.empty()) doc += (doc.empty() ? "" : "\n") + seed;
  return doc;
}

// Counts the diagnostics notifications that arrive, by version.
class Sink : public nianbao::lsp::MessageSink {
 public:
  void send(std::string body) override {
    if (body.find("\"textDocument/publishDiagnostics\"") == std::string::npos) return;
    int version = json::parse(body)["params"].value("version", -1);
    std::lock_guard lock(mutex_);
    latest_ = std::max(latest_, version);
    cv_.notify_all();
  }
  void waitFor(int version) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return latest_ >= version; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int latest_ = 0;
};

void BM_Keystroke(benchmark::State& state) {
  auto doc = document(static_cast<std::size_t>(state.range(0)));
  if (!doc) return state.SkipWithError((std::string("cannot read corpus seed ") + kSeedPath).c_str());
  boost::asio::io_context io(1);
  auto work = boost::asio::make_work_guard(io);
  Sink sink;
  nianbao::lsp::LspServer server(io, sink, nianbao::governmentInformationDisclosure2021());
  std::thread runner([&] { io.run(); });
  auto notify = [&](const std::string& method, json params) {
    server.receive(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  };
  server.receive(json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                      {"params", {{"capabilities", json::object()},
                                  {"initializationOptions", {{"diagnostics", {{"debounceMs", 0}}}}}}}}
                     .dump());
  const std::string uri = "file:///bench.md";
  notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", *doc}}}});
  sink.waitFor(1);
  // The last "\t1" cell of the document: a digit to retype.
  nianbao::SourceText text(*doc);
  std::size_t cell = doc->rfind("\t1") + 1;
  auto lc = text.toUtf16(cell);
  json range = {{"start", {{"line", lc.line}, {"character", lc.column}}},
                {"end", {{"line", lc.line}, {"character", lc.column + 1}}}};
  int version = 1;
  for (auto _ : state) {
    ++version;
    notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                      {"contentChanges", json::array({{{"range", range}, {"text", version % 2 ? "1" : "2"}}})}});
    sink.waitFor(version);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc->size()));
  state.counters["doc_bytes"] = benchmark::Counter(static_cast<double>(doc->size()));
  work.reset();
  io.stop();
  runner.join();
}
BENCHMARK(BM_Keystroke)->Arg(8)->Arg(50)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
