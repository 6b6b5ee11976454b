// What finding last year's report costs the language server (lsp/WorkspaceReports):
//
//   Scan/files:<n>        reading a workspace of n report files at start (each read,
//                         analysed and summarised; real 02 and 03 under n/2 bodies)
//   Keystroke/files:<n>   what each analysis of an open report adds: handing its
//                         summary to the index and looking for last year's among
//                         n reports (WorkspaceReports::analysed), with last year's present
//                         and agreeing, so no file is read
//
// Asserts nothing about time; the README quotes the figures.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "TemplateChoice.h"
#include "WorkspaceReports.h"
#include "templates/BuiltinTemplates.h"

namespace {

namespace fs = std::filesystem;

std::string real(const std::string& name) {
  std::ifstream in(std::string(NIANBAO_SHARED) + "/corpus/real/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replacedOnce(std::string text, const std::string& from, const std::string& to) {
  if (auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

const nianbao::TemplateChoice& templates() {
  static const nianbao::TemplateChoice choice(nianbao::builtinTemplates(), "zh");
  return choice;
}

// n report files: pairs of 2023 and 2024 reports by n/2 districts (洪泽区 renamed 洪泽<i>区).
struct Workspace {
  fs::path dir;
  explicit Workspace(std::size_t files) {
    dir = fs::temp_directory_path() / ("nianbao-bench-ws-" + std::to_string(files));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string r2023 = real("02_hongze-qu-2023.txt"), r2024 = real("03_hongze-qu-2024.txt");
    for (std::size_t i = 0; i < files; ++i) {
      std::string name = "洪泽" + std::to_string(i / 2) + "区";
      std::string text = i % 2 ? replacedOnce(r2024, "洪泽区人民政府", name + "人民政府")
                               : replacedOnce(r2023, "洪泽区人民政府", name + "人民政府");
      std::ofstream(dir / (std::to_string(i) + ".txt"), std::ios::binary) << text;
    }
  }
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

void Scan(benchmark::State& state) {
  Workspace ws(static_cast<std::size_t>(state.range(0)));
  std::atomic<bool> stop{false};
  std::size_t found = 0;
  for (auto _ : state) {
    nianbao::lsp::WorkspaceReports reports(templates(), nullptr);
    found = reports.scan({ws.dir}, stop);
  }
  if (found != static_cast<std::size_t>(state.range(0))) state.SkipWithError("not every file was read as a report");
  state.counters["files"] = static_cast<double>(found);
}
BENCHMARK(Scan)->ArgName("files")->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void Keystroke(benchmark::State& state) {
  Workspace ws(static_cast<std::size_t>(state.range(0)));
  std::atomic<bool> stop{false};
  nianbao::lsp::WorkspaceReports reports(templates(), nullptr);
  reports.scan({ws.dir}, stop);
  // This year's report of the first district, open in the editor.
  nianbao::SourceText text(replacedOnce(real("03_hongze-qu-2024.txt"), "洪泽区人民政府", "洪泽0区人民政府"));
  const nianbao::Analyzer* analyzer = nullptr;
  nianbao::Analysis analysis = templates().analyze(text, &analyzer);
  const std::string uri = "file:///open/2024.txt";
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = reports.analysed(uri, text, analysis, *analyzer).findings.size();
  }
  if (findings != 0) state.SkipWithError("the pair should agree");
}
BENCHMARK(Keystroke)->ArgName("files")->Arg(0)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
