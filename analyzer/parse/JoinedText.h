#pragma once
// Prose lines run together into one string, the way a reader reads them:
// lines of a paragraph joined without a break (PDF text wraps inside words:
// 答 / 复 3050 件), page footers (-1-) and indentation dropped, a blank line
// or a table kept as a line break (the end of a clause). Each byte remembers
// where in the text it came from.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct JoinedText {
  std::string bytes;
  std::vector<std::size_t> source;  // the text offset of each byte

  // The text range bytes [begin, end) came from (begin < end).
  ByteRange sourceRange(std::size_t begin, std::size_t end) const { return {source[begin], source[end - 1] + 1}; }
};

// Whether a trimmed line is what pdftotext leaves of a page number (-1-, — 2 —).
bool isPageFooter(std::string_view line);

// The end of lines [first, last) cut after the last line starting within
// `maxBytes` of the first: what a check reads of a part, so that a keystroke
// in a part holding megabytes (a pasted yearbook) does not read them all.
std::size_t linesWithin(const SourceText& text, std::size_t first, std::size_t last, std::size_t maxBytes);

// The lines a check of the prose reads: part `partNumeral`'s, or only its
// topic `topicNumeral`'s when the report writes that topic (empty: the whole
// part), up to maxBytes. False if the report lacks the part.
bool proseRegion(const SourceText& text, const ReportModel& model, const Template& t, const std::string& partNumeral,
                 const std::string& topicNumeral, std::size_t maxBytes, std::size_t* first, std::size_t* last);

// Lines [firstLine, lastLine) of `text`, tables of `model` left out.
JoinedText joinProse(const SourceText& text, const ReportModel& model, std::size_t firstLine, std::size_t lastLine);

}  // namespace nianbao
