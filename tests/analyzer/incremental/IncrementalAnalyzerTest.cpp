#include "incremental/IncrementalAnalyzer.h"

#include <cstdlib>
#include <random>
#include <sstream>

#include "TestSupport.h"
#include "incremental/AnalysisDifference.h"
#include "incremental/RandomEdits.h"

namespace nianbao {
namespace {

using testing::builtinAnalyzer;
using testing::firstDifference;
using testing::RandomEdit;
using testing::RandomEditor;

// How many random edit sequences per document; NIANBAO_DIFFERENTIAL_SEQUENCES
// runs more (the default keeps scripts/test quick).
int sequenceCount() {
  if (const char* n = std::getenv("NIANBAO_DIFFERENTIAL_SEQUENCES")) return std::max(1, std::atoi(n));
  return 150;
}

// The invariant: after any sequence of edits, the incremental analysis of the
// text equals a full analysis of the same text parsed from scratch.
TEST(IncrementalAnalyzer, RandomEditSequencesOnEveryCorpusDocumentMatchAFullParse) {
  auto files = testing::corpusFiles();
  ASSERT_FALSE(files.empty()) << "no corpus under " << NIANBAO_SHARED;
  std::mt19937_64 rng(20261123);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  constexpr std::array<std::size_t, 4> kChunkTargets = {32, 256, 1024, SourceText::kChunkTarget};
  std::size_t edits = 0, reusedTables = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string original = ss.str();
    IncrementalAnalyzer incremental(builtinAnalyzer());
    for (int sequence = 0; sequence < sequenceCount(); ++sequence) {
      SourceText text(original, kChunkTargets[static_cast<std::size_t>(sequence) % kChunkTargets.size()]);
      RandomEditor editor(pick);
      std::vector<std::string> applied;
      const std::size_t steps = 1 + pick(10);
      for (std::size_t step = 0; step < steps; ++step) {
        RandomEdit edit = editor.next(text);
        applied.push_back(edit.describe());
        text = editor.apply(text, edit);
        ++edits;
        Analysis got = incremental.analyze(text);
        if (!incremental.lastWork().tablesParsed) ++reusedTables;
        SourceText fresh(text.str());
        Analysis want = builtinAnalyzer().analyze(fresh);
        std::string difference = firstDifference(got, want);
        if (!difference.empty()) {
          std::string history;
          for (const auto& a : applied) history += "  " + a + "\n";
          FAIL() << file.filename() << " sequence " << sequence << " step " << step << ": " << difference
                 << "\nedits:\n" << history;
        }
      }
    }
  }
  // The test is about equality, but it must also have exercised reuse.
  EXPECT_GT(reusedTables, edits / 10) << "the table zone was almost never reused";
}

const std::string& seedReport() {
  static const std::string text = [] {
    std::ifstream in(std::filesystem::path(NIANBAO_SHARED) / "corpus/seeds/002_205615ee8de7c4c5.txt", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}

// A report with 300 paragraphs of prose in part 一, as long reports have.
std::string paddedReport() {
  std::string doc = seedReport();
  std::size_t part2 = doc.find("## 二、");
  std::string prose;
  for (int i = 0; i < 300; ++i)
    prose += "本机关坚持以公开为常态、不公开为例外，第" + std::to_string(i) + "段说明主动公开工作的做法和成效。\n";
  return doc.insert(part2, prose);
}

TEST(IncrementalAnalyzer, TypingInProseReparsesOneChunkAndKeepsTheTables) {
  std::string doc = paddedReport();
  ASSERT_NE(doc.find("第150段"), std::string::npos);
  SourceText text(doc);
  IncrementalAnalyzer incremental(builtinAnalyzer());
  Analysis before = incremental.analyze(text);
  ASSERT_TRUE(before.model.isReport);
  ASSERT_GE(before.model.tables.size(), 3u);
  std::size_t at = doc.find("第150段");
  text = text.edited({at, at}, "新");
  Analysis after = incremental.analyze(text);
  EXPECT_LE(incremental.lastWork().chunksParsed, 2u);
  EXPECT_EQ(incremental.lastWork().chunksReused + incremental.lastWork().chunksParsed, text.chunkCount());
  EXPECT_GE(text.chunkCount(), 10u);
  EXPECT_FALSE(incremental.lastWork().tablesParsed);
  EXPECT_FALSE(incremental.lastWork().arithmeticChecked);
  // Everything after the edit moved by the three bytes typed.
  EXPECT_EQ(after.model.tables[0].firstLine, before.model.tables[0].firstLine);
  EXPECT_EQ(after.model.tables[0].rows[0].labelRange.begin, before.model.tables[0].rows[0].labelRange.begin + 3);
  EXPECT_TRUE(firstDifference(after, builtinAnalyzer().analyze(SourceText(text.str()))).empty());
}

TEST(IncrementalAnalyzer, TypingInACellReparsesTheTablesAndRechecksTheSums) {
  SourceText text(paddedReport());
  IncrementalAnalyzer incremental(builtinAnalyzer());
  Analysis before = incremental.analyze(text);
  // The applications table (三), the one with the most rows.
  std::size_t t = 0;
  for (std::size_t k = 0; k < before.model.tables.size(); ++k)
    if (before.model.tables[k].rows.size() > before.model.tables[t].rows.size()) t = k;
  const auto& cell = before.model.tables[t].rows[0].values[0].cell;
  ASSERT_EQ(cell.text, "1");
  text = text.edited(cell.range, "12345");
  Analysis after = incremental.analyze(text);
  EXPECT_TRUE(incremental.lastWork().tablesParsed);
  EXPECT_TRUE(incremental.lastWork().arithmeticChecked);
  EXPECT_EQ(after.model.tables[t].rows[0].values[0].cell.text, "12345");
  EXPECT_GT(after.findings.size(), before.findings.size()) << "a wrong number breaks a sum";
  EXPECT_TRUE(firstDifference(after, builtinAnalyzer().analyze(SourceText(text.str()))).empty());
}

TEST(IncrementalAnalyzer, TurningAParagraphIntoAPartHeadingIsSeen) {
  std::string doc = paddedReport();
  SourceText text(doc);
  IncrementalAnalyzer incremental(builtinAnalyzer());
  std::size_t parts = incremental.analyze(text).model.parts.size();
  std::size_t at = doc.find("本机关坚持以公开为常态、不公开为例外，第200段");
  text = text.edited({at, at}, "\n六、其他需要报告的事项\n");
  Analysis after = incremental.analyze(text);
  EXPECT_EQ(after.model.parts.size(), parts + 1);
  EXPECT_TRUE(firstDifference(after, builtinAnalyzer().analyze(SourceText(text.str()))).empty());
}

TEST(IncrementalAnalyzer, TwoEditsFarApartBeforeOneAnalysisReparseOnlyTheirChunks) {
  std::string doc = paddedReport();
  SourceText text(doc, 512);
  IncrementalAnalyzer incremental(builtinAnalyzer());
  incremental.analyze(text);
  std::size_t early = doc.find("第10段"), late = doc.find("第290段");
  text = text.edited({late, late}, "新").edited({early, early}, "新");
  Analysis after = incremental.analyze(text);
  EXPECT_LE(incremental.lastWork().chunksParsed, 4u);
  EXPECT_GT(text.chunkCount(), 50u);
  EXPECT_TRUE(firstDifference(after, builtinAnalyzer().analyze(SourceText(text.str()))).empty());
}

TEST(IncrementalAnalyzer, AnUnrelatedTextIsAnalysedFromScratch) {
  IncrementalAnalyzer incremental(builtinAnalyzer());
  incremental.analyze(SourceText(paddedReport()));
  SourceText other(seedReport());
  Analysis got = incremental.analyze(other);
  EXPECT_EQ(incremental.lastWork().chunksReused, 0u);
  EXPECT_TRUE(firstDifference(got, builtinAnalyzer().analyze(other)).empty());
}

}  // namespace
}  // namespace nianbao
