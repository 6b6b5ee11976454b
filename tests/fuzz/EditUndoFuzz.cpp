// libFuzzer target: edits then their undo, in reverse order, give back the
// text byte for byte and the analysis the text had before them, both through
// the incremental analyzer (whose caches saw every step) and a full parse.

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

namespace {


[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "edit and undo: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nianbao::fuzz::loadCorpus();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  std::size_t which = input.ConsumeIntegralInRange<std::size_t>(0, nianbao::fuzz::corpus().size());
  std::string start = which < nianbao::fuzz::corpus().size() ? nianbao::fuzz::corpus()[which] : input.ConsumeRandomLengthString(4096);
  static constexpr std::size_t kTargets[] = {1, 64, nianbao::SourceText::kChunkTarget};
  nianbao::SourceText original(start, kTargets[input.ConsumeIntegralInRange<std::size_t>(0, 2)]);
  nianbao::IncrementalAnalyzer incremental(nianbao::fuzz::analyzer());
  nianbao::Analysis before = incremental.analyze(original);
  auto pick = [&](std::size_t n) { return input.ConsumeIntegralInRange<std::size_t>(0, n - 1); };
  nianbao::testing::RandomEditor editor(pick);
  // Each edit with what undoes it: the text it replaced, over what it wrote.
  struct Undo {
    nianbao::ByteRange range;
    std::string text;
  };
  std::vector<Undo> undo;
  nianbao::SourceText text = original;
  for (int step = 0; step < 16 && input.remaining_bytes() > 0; ++step) {
    nianbao::testing::RandomEdit edit = editor.next(text);
    nianbao::ByteRange r{std::min(edit.range.begin, text.size()), std::min(edit.range.end, text.size())};
    if (r.begin > r.end) std::swap(r.begin, r.end);
    nianbao::SourceText after = text.edited(r, edit.text);
    nianbao::ByteRange written{r.begin, r.begin + (after.size() + r.size() - text.size())};
    // An edit that cuts a character, or writes half of one, is repaired with
    // its neighbours: it has no exact undo. Undo what came before it.
    if (after.slice(written) != edit.text || after.size() + r.size() != text.size() + edit.text.size()) break;
    undo.push_back({written, text.slice(r)});
    text = std::move(after);
    incremental.analyze(text);
  }
  for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
    text = text.edited(it->range, it->text);
    incremental.analyze(text);
  }
  if (text.str() != original.str()) fail("undo did not give back the text");
  std::string difference = nianbao::testing::firstDifference(incremental.analyze(text), before);
  if (!difference.empty()) fail("undo did not give back the analysis: " + difference);
  return 0;
}
