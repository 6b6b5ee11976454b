#pragma once
// What to offer where the cursor is: the part and topic headings still
// missing, the rows a table still lacks, whole tables a part still lacks,
// each written the way the document already writes them. The language server
// turns these into LSP completion items; here everything is byte offsets.

#include <cstddef>
#include <string>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct CompletionCandidate {
  enum class Kind { PartHeading, TopicHeading, TableRow, TableSkeleton };
  Kind kind = Kind::PartHeading;
  std::string label;       // shown in the list: "二、主动公开政府信息情况"
  std::string detail;      // short: which part / which table
  std::string filterText;  // pinyin of the words, the label, the words: typed pinyin or Chinese both match
  int rank = 0;            // 0 = the next expected one; list order
  bool preselect = false;  // true for the next expected one only
  ByteRange replace;       // document bytes the insertion replaces (the word typed so far; may be empty)
  std::string insertText;  // text to insert (plain, not snippet syntax)
  std::vector<ByteRange> tabStops;  // ranges within insertText the user tabs through (the zeros), in order
};

// The candidates at byte `offset` of `text`, best first. Empty for a text
// that is not a report and where nothing fits (inside prose, past the end).
// Any offset is safe: one inside a character counts from that character's
// start, one inside a line break from the end of the line.
std::vector<CompletionCandidate> completeAt(const Template& t, const SourceText& text, const ReportModel& model,
                                            std::size_t offset);

}  // namespace nianbao
