#pragma once
// Finding the template's tables in a run of lines, in any of the layouts
// (tabs, pipes, one cell per line, space-aligned PDF text). Rows are known by
// their label text, matched against the template, never by position alone.

#include <cstddef>
#include <vector>

#include "model/ReportModel.h"
#include "parse/Labels.h"
#include "text/SourceText.h"

namespace nianbao {

// Parses lines [firstLine, endLine) skipping `headingLines` (sorted). Never
// fails: lines that are not table rows are ignored. Reads no line outside the
// range, so equal lines give equal tables wherever they sit.
std::vector<Table> parseTables(const SourceText& text, std::size_t firstLine,
                               std::size_t endLine, const std::vector<std::size_t>& headingLines,
                               const LabelIndex& labels);

}  // namespace nianbao
