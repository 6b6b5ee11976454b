// libFuzzer target: the incremental invariant under edits the fuzzer chooses.
// The input is a stream of choices: which corpus document to start from (or
// text taken from the input itself), the chunk size, then edit after edit
// (RandomEditor, as in the differential test). After every edit the
// incremental analysis must equal a full parse of the text; a difference
// aborts with the edits that led to it.
//
//   scripts/fuzz [seconds]        builds it with clang and runs it

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "Analyzer.h"
#include "FuzzCorpus.h"
#include "incremental/AnalysisDifference.h"
#include "incremental/IncrementalAnalyzer.h"
#include "incremental/RandomEdits.h"
#include "templates/BuiltinTemplates.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nianbao::fuzz::loadCorpus();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  std::string start;
  std::size_t which = input.ConsumeIntegralInRange<std::size_t>(0, nianbao::fuzz::corpus().size());
  if (which < nianbao::fuzz::corpus().size()) start = nianbao::fuzz::corpus()[which];
  else start = input.ConsumeRandomLengthString(8192);
  static constexpr std::size_t kTargets[] = {1, 16, 128, 1024, nianbao::SourceText::kChunkTarget};
  nianbao::SourceText text(start, kTargets[input.ConsumeIntegralInRange<std::size_t>(0, 4)]);
  nianbao::IncrementalAnalyzer incremental(nianbao::fuzz::analyzer());
  incremental.analyze(text);
  nianbao::testing::RandomEditor editor(
      [&](std::size_t n) { return input.ConsumeIntegralInRange<std::size_t>(0, n - 1); });
  std::vector<std::string> applied;
  for (int step = 0; step < 32 && input.remaining_bytes() > 0; ++step) {
    nianbao::testing::RandomEdit edit = editor.next(text);
    applied.push_back(edit.describe());
    text = editor.apply(text, edit);
    nianbao::Analysis got = incremental.analyze(text);
    nianbao::Analysis want = nianbao::fuzz::analyzer().analyze(nianbao::SourceText(text.str()));
    std::string difference = nianbao::testing::firstDifference(got, want);
    if (!difference.empty()) {
      std::fprintf(stderr, "incremental analysis differs from a full parse: %s\nedits:\n", difference.c_str());
      for (const auto& a : applied) std::fprintf(stderr, "  %s\n", a.c_str());
      std::abort();
    }
  }
  return 0;
}
