// What one keystroke costs the analyzer on a long report, against what it
// cost before incremental analysis (a full re-parse). Documents: seed 002
// padded with prose to 1 MB and 8 MB (PaddedReport.h).
//
//   BufferEdit/<how>/MB:<n>   one character typed into the middle of the text, as
//       0 CopyWholeText     the server did before: copy the text, splice, rebuild
//                           the SourceText (UTF-8 check and line index)
//       1 StringInPlace     std::string::insert and erase (a memmove of the tail)
//       2 SourceTextEdited  SourceText::edited (the chunked text nianbao uses)
//   Keystroke/<where>/MB:<n>  SourceText::edited + IncrementalAnalyzer::analyze
//       0 Paragraph         a character typed into a prose paragraph (and removed
//                           again on the next iteration)
//       1 Cell              a table cell's number changed (1 <-> 2)
//   FullReparse/MB:<n>      SourceText + Analyzer::analyze of the whole text, what
//                           every keystroke cost before
//
// Keystroke reports the median and 99th percentile of single iterations
// (counters p50_us, p99_us) beside Google Benchmark's mean.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <vector>

#include "Analyzer.h"
#include "PaddedReport.h"
#include "incremental/IncrementalAnalyzer.h"
#include "templates/BuiltinTemplates.h"

namespace {

using nianbao::bench::PaddedReport;
constexpr std::size_t kMiB = 1024 * 1024;

const PaddedReport* report(benchmark::State& state, std::int64_t mib) {
  static std::map<std::int64_t, std::optional<PaddedReport>> cache;
  auto it = cache.find(mib);
  if (it == cache.end()) it = cache.emplace(mib, nianbao::bench::paddedReport(static_cast<std::size_t>(mib) * kMiB)).first;
  if (!it->second) state.SkipWithError((std::string("cannot read corpus seed ") + nianbao::bench::kSeedPath).c_str());
  return it->second ? &*it->second : nullptr;
}

const nianbao::Analyzer& analyzer() {
  static const nianbao::Analyzer a(nianbao::governmentInformationDisclosure2021());
  return a;
}

void percentiles(benchmark::State& state, std::vector<double>& micros) {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
}

void BM_BufferEdit(benchmark::State& state) {
  const PaddedReport* r = report(state, state.range(1));
  if (!r) return;
  const std::size_t at = r->paragraph;
  std::string text = r->text;
  nianbao::SourceText source(r->text);
  bool typed = false;
  for (auto _ : state) {
    switch (state.range(0)) {
      case 0: {
        std::string next = text;
        if (typed) next.erase(at, 3);
        else next.insert(at, "新");
        text = std::move(next);
        nianbao::SourceText rebuilt(text);
        benchmark::DoNotOptimize(rebuilt);
        break;
      }
      case 1:
        if (typed) text.erase(at, 3);
        else text.insert(at, "新");
        benchmark::DoNotOptimize(text.data());
        break;
      default:
        source = typed ? source.edited({at, at + 3}, "") : source.edited({at, at}, "新");
        benchmark::DoNotOptimize(source);
    }
    typed = !typed;
  }
  state.counters["doc_bytes"] = static_cast<double>(r->text.size());
}

void BM_Keystroke(benchmark::State& state) {
  const PaddedReport* r = report(state, state.range(1));
  if (!r) return;
  const bool inCell = state.range(0) == 1;
  nianbao::SourceText text(r->text);
  nianbao::IncrementalAnalyzer incremental(analyzer());
  incremental.analyze(text);
  std::vector<double> micros;
  bool odd = false;
  std::size_t findings = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    if (inCell) text = text.edited({r->cell, r->cell + 1}, odd ? "1" : "2");
    else text = odd ? text.edited({r->paragraph, r->paragraph + 3}, "") : text.edited({r->paragraph, r->paragraph}, "新");
    nianbao::Analysis a = incremental.analyze(text);
    findings = a.findings.size();
    benchmark::DoNotOptimize(a);
    micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    odd = !odd;
  }
  percentiles(state, micros);
  state.counters["doc_bytes"] = static_cast<double>(r->text.size());
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_FullReparse(benchmark::State& state) {
  const PaddedReport* r = report(state, state.range(0));
  if (!r) return;
  for (auto _ : state) {
    nianbao::SourceText text(r->text);
    nianbao::Analysis a = analyzer().analyze(text);
    benchmark::DoNotOptimize(a);
  }
  state.counters["doc_bytes"] = static_cast<double>(r->text.size());
}

BENCHMARK(BM_BufferEdit)->ArgNames({"how", "MB"})->ArgsProduct({{0, 1, 2}, {1, 8}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Keystroke)->ArgNames({"where", "MB"})->ArgsProduct({{0, 1}, {1, 8}})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FullReparse)->ArgName("MB")->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
