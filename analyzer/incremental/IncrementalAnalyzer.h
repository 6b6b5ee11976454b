#pragma once
// Analysing a document as it is edited, at the cost of what each edit
// touches. The result is always the one Analyzer::analyze gives for the same
// text (tests/analyzer/incremental checks it over random edit sequences).
//
// What is kept between calls, and when it is reused:
// - the heading lines found in each chunk of the text (SourceText::Chunk),
//   by chunk id: an edit rebuilds one or two chunks, and only their lines are
//   judged again; the others' headings are moved to their chunk's new place;
// - the tables of the zone between the parts that hold them, with their
//   arithmetic findings: reused, moved, while the zone's lines are the same
//   chunks at the same offsets; parsed again when an edit touches them.
// The model is then assembled from these blocks (title, topics and zone
// follow from the headings) and the structure rules, which are cheap and
// read positions all over the model, run on it afresh.
//
// Not thread-safe: one per document, used by one thread at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "Analyzer.h"
#include "parse/ReportParser.h"

namespace nianbao {

class IncrementalAnalyzer {
 public:
  explicit IncrementalAnalyzer(const Analyzer& analyzer) : analyzer_(analyzer) {}
  const Analyzer& analyzer() const { return analyzer_; }

  // The analysis of `text`, equal to analyzer.analyze(text), reusing what
  // the previous call computed wherever the text is the same.
  Analysis analyze(const SourceText& text);

  // What the last call had to compute, for tests and benchmarks.
  struct Work {
    std::size_t chunksParsed = 0;
    std::size_t chunksReused = 0;
    bool tablesParsed = false;
    bool arithmeticChecked = false;
  };
  const Work& lastWork() const { return work_; }

 private:
  // The table zone as last parsed, at the positions of the last text.
  struct TableZone {
    std::vector<std::uint64_t> chunks;  // the chunks holding its lines
    std::size_t beginInChunk = 0;       // its first line, counted from the first chunk's
    std::size_t endInChunk = 0;
    std::size_t chunkStart = 0;         // where the first chunk was
    std::size_t chunkFirstLine = 0;
    std::vector<Table> tables;
    std::optional<std::vector<Finding>> arithmetic;
  };

  Analysis analyzeReusing(const SourceText& text);
  void updateChunks(const SourceText& text);
  HeadingLines headingLines(const SourceText& text) const;
  std::vector<Table> zoneTables(const SourceText& text, std::size_t begin, std::size_t end,
                                const std::vector<std::size_t>& headingLines);

  const Analyzer& analyzer_;
  // The last text, and per chunk of it the heading lines at positions
  // relative to the chunk's start (null when it has none, as most have).
  SourceText last_;
  std::vector<std::unique_ptr<const HeadingLines>> chunkHeadings_;
  std::optional<TableZone> zone_;
  bool zoneReused_ = false;
  Work work_;
};

}  // namespace nianbao
