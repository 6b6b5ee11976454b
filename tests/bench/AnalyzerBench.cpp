// Analysis throughput on a large document: seed 002 of the shared corpus
// repeated (whole copies joined with "\n") to about 1 MB and 8 MB.
//
//   SourceText/<MB>   building the SourceText alone (UTF-8 repair, line index)
//   Analyze/<MB>      Analyzer::analyze on a prebuilt SourceText
//   Check/<MB>        both, as the command line checks a document
//
// Bytes/second in the output is document bytes analysed per second; the
// counter "doc_bytes" is the size of the document.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "Analyzer.h"
#include "templates/BuiltinTemplates.h"
#include "text/SourceText.h"

namespace {

constexpr const char* kSeedPath = NIANBAO_SHARED "/corpus/seeds/002_205615ee8de7c4c5.txt";
constexpr std::size_t kMiB = 1024 * 1024;

std::optional<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof()) return std::nullopt;
  return ss.str();
}

const std::optional<std::string>& seed() {
  static const std::optional<std::string> s = [] {
    auto bytes = readFile(kSeedPath);
    if (bytes && bytes->empty()) return std::optional<std::string>{};
    return bytes;
  }();
  return s;
}

// The seed repeated to about `mib` MiB, whole copies joined with "\n".
// Null if the seed cannot be read.
const std::string* document(std::size_t mib) {
  static std::map<std::size_t, std::string> cache;
  const auto& s = seed();
  if (!s) return nullptr;
  auto it = cache.find(mib);
  if (it != cache.end()) return &it->second;
  const std::size_t target = mib * kMiB;
  const std::size_t unit = s->size() + 1;
  const std::size_t copies = std::max<std::size_t>(1, (target + unit / 2) / unit);
  std::string doc;
  doc.reserve(copies * unit);
  for (std::size_t i = 0; i < copies; ++i) {
    if (i) doc += '\n';
    doc += *s;
  }
  return &cache.emplace(mib, std::move(doc)).first->second;
}

const nianbao::Analyzer& analyzer() {
  static const nianbao::Analyzer a(nianbao::governmentInformationDisclosure2021());
  return a;
}

const std::string* documentOrSkip(benchmark::State& state) {
  const std::string* doc = document(static_cast<std::size_t>(state.range(0)));
  if (!doc) state.SkipWithError((std::string("cannot read corpus seed ") + kSeedPath).c_str());
  return doc;
}

void finish(benchmark::State& state, std::size_t docBytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(docBytes));
  state.counters["doc_bytes"] = benchmark::Counter(static_cast<double>(docBytes));
}

void BM_SourceText(benchmark::State& state) {
  const std::string* doc = documentOrSkip(state);
  if (!doc) return;
  for (auto _ : state) {
    nianbao::SourceText text(*doc);
    benchmark::DoNotOptimize(text);
  }
  finish(state, doc->size());
}

void BM_Analyze(benchmark::State& state) {
  const std::string* doc = documentOrSkip(state);
  if (!doc) return;
  const nianbao::Analyzer& a = analyzer();
  const nianbao::SourceText text(*doc);
  std::size_t findings = 0;
  for (auto _ : state) {
    nianbao::Analysis result = a.analyze(text);
    findings = result.findings.size();
    benchmark::DoNotOptimize(result);
  }
  finish(state, doc->size());
  state.counters["findings"] = benchmark::Counter(static_cast<double>(findings));
}

void BM_Check(benchmark::State& state) {
  const std::string* doc = documentOrSkip(state);
  if (!doc) return;
  const nianbao::Analyzer& a = analyzer();
  for (auto _ : state) {
    nianbao::SourceText text(*doc);
    nianbao::Analysis result = a.analyze(text);
    benchmark::DoNotOptimize(result);
  }
  finish(state, doc->size());
}

BENCHMARK(BM_SourceText)->ArgName("MB")->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze)->ArgName("MB")->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Check)->ArgName("MB")->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
