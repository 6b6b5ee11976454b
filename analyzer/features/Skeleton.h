#pragma once
// New text the template prescribes: a whole table (offered by completion where
// a part lacks one) or a whole report (the editor's "insert report skeleton"
// for an empty file), every number a zero, in the layout asked for.

#include <string>
#include <string_view>

#include "model/ReportModel.h"
#include "rules/RowLayout.h"
#include "templates/Template.h"

namespace nianbao {

// A table as the template has it: caption, header lines (column groups, then
// the column labels), every row with zeros. A table with group names (三、本年度
// 办理结果, （三）不予公开) gets a column for them before the labels, each name
// written beside the first row it heads, as pasted reports do. `zeros` are
// where the user tabs through.
FormattedRows tableSkeleton(const TemplateTable& table, RowLayout layout, bool pipeLeading, std::string_view eol);

// A new report: the title line, the part headings in order, the topics under
// their part, each part's tables, all numbers zero. In the Pipes layout (a
// Markdown file) headings are Markdown headings. Analysed, it has no findings.
std::string reportSkeleton(const Template& t, RowLayout layout, std::string_view eol);

}  // namespace nianbao
