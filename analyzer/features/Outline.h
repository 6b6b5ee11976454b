#pragma once
// The report's structure for an editor's outline and folding: parts, the
// topics of part 一, the tables in their parts, the template's row groups
// (三、本年度办理结果, （三）不予公开 …) and the rows, each with the byte range
// it spans and the range naming it.

#include <cstddef>
#include <string>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct OutlineNode {
  enum class Kind { Title, Part, Topic, Table, RowGroup, Row };
  Kind kind = Kind::Part;
  std::string name;    // as written where the document writes it; never empty
  std::string detail;  // a part's template heading when it is worded otherwise, a table's columns, a row's numbers
  ByteRange range;     // everything the node spans
  ByteRange selection; // what names it (heading, caption, label); always within `range`
  std::vector<OutlineNode> children;  // in text order
};

// Top level: the title, then the parts in text order (a table whose part
// heading is lost, before any part, stands at the top level too). A part runs
// from its heading to just before the next part heading or the end; it holds
// the topics and tables that start within it. Not a report: nothing.
std::vector<OutlineNode> outline(const Template& t, const SourceText& text, const ReportModel& model);

struct FoldingRegion {
  std::size_t startLine = 0;  // zero-based, both ends included
  std::size_t endLine = 0;
  enum class Kind { Part, Table } kind = Kind::Part;
};

// Parts (heading to the last non-blank line before the next part heading)
// and tables (first to last line), where they span two lines or more, in
// text order. Not a report: nothing.
std::vector<FoldingRegion> foldingRegions(const Template& t, const SourceText& text, const ReportModel& model);

}  // namespace nianbao
