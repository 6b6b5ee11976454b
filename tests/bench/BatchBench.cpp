// What a reviewer checking a province's reports waits for (cli/CheckCommand):
//
//   Check/copies:<n>/jobs:<j>   `nianbao check DIR` in process on the shared
//                               corpus's 12 reports copied n times into nested
//                               folders (n = 1000: 12,000 files, 72 MB), with j
//                               threads (0: one per core); text output to a
//                               discarded stream. items/s is files per second,
//                               by the wall clock.
//
// The files' modification times are set an hour back: the reader reads a file
// changed in the last two seconds twice, with a pause, which a just-written
// tree would otherwise measure. Asserts nothing about time; the README quotes
// the figures.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <streambuf>

#include "Commands.h"
#include "TemplateChoice.h"
#include "templates/BuiltinTemplates.h"

namespace {

namespace fs = std::filesystem;

struct NullBuffer : std::streambuf {
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// The corpus's reports, `copies` times, 100 copies to a folder.
struct Tree {
  fs::path dir;
  std::size_t files = 0;
  explicit Tree(std::size_t copies) {
    dir = fs::temp_directory_path() / ("nianbao-bench-batch-" + std::to_string(copies));
    fs::remove_all(dir);
    std::vector<fs::path> reports;
    for (const char* sub : {"seeds", "real"})
      for (const auto& e : fs::directory_iterator(fs::path(NIANBAO_SHARED) / "corpus" / sub))
        if (e.path().extension() == ".txt") reports.push_back(e.path());
    auto past = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (std::size_t c = 0; c < copies; ++c) {
      fs::path folder = dir / ("group" + std::to_string(c / 100)) / ("copy" + std::to_string(c));
      fs::create_directories(folder);
      for (const auto& r : reports) {
        fs::copy_file(r, folder / r.filename());
        fs::last_write_time(folder / r.filename(), past);
        ++files;
      }
    }
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

void Check(benchmark::State& state) {
  static const nianbao::TemplateChoice templates(nianbao::builtinTemplates(), "zh");
  Tree tree(static_cast<std::size_t>(state.range(0)));
  if (tree.files == 0) {
    state.SkipWithError("no corpus reports under NIANBAO_SHARED");
    return;
  }
  nianbao::cli::CheckOptions options;
  options.paths = {tree.dir.string()};
  options.jobs = static_cast<unsigned>(state.range(1));
  options.config.noConfig = true;
  NullBuffer null;
  std::ostream out(&null), err(&null);
  for (auto _ : state) {
    int rc = nianbao::cli::runCheck(templates, options, out, err);
    if (rc == 2) state.SkipWithError("check exited 2");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tree.files));
  state.counters["files"] = static_cast<double>(tree.files);
}

BENCHMARK(Check)->ArgNames({"copies", "jobs"})->Args({10, 1})->Args({10, 0})->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(Check)->ArgNames({"copies", "jobs"})->Args({1000, 1})->Args({1000, 0})->Iterations(2)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
