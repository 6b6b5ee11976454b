#pragma once
// Building the report model: the heading lines found line by line, then the
// title, the topics of part 一 and the tables between the parts that hold them.
// The full parse and the incremental one (incremental/) share every step; the
// incremental one only finds the heading lines of changed chunks and may
// reuse the tables.

#include <functional>
#include <vector>

#include "model/ReportModel.h"
#include "parse/Labels.h"
#include "text/SourceText.h"

namespace nianbao {

// Builds the report model of a whole document. Never fails: any text gives a
// model; a document that is not a report gives one with isReport == false.
ReportModel parseReport(const SourceText& text, const LabelIndex& labels);

// The lines of [firstLine, endLine) that read as part headings, and those
// that read as topic headings (wherever they are; assembleReport keeps the
// ones inside the topics' part). Each line is judged on its own.
struct HeadingLines {
  std::vector<PartHeading> parts;
  std::vector<TopicHeading> topics;
};
HeadingLines findHeadingLines(const SourceText& text, std::size_t firstLine, std::size_t endLine,
                              const LabelIndex& labels);

// The tables of lines [zoneBegin, zoneEnd), skipping the (sorted) heading lines.
using TableZoneParser = std::function<std::vector<Table>(std::size_t zoneBegin, std::size_t zoneEnd,
                                                         const std::vector<std::size_t>& headingLines)>;

// The model from the heading lines of the whole text (in line order) and a
// way to get the tables of the zone they delimit.
ReportModel assembleReport(const SourceText& text, const LabelIndex& labels, HeadingLines headings,
                           const TableZoneParser& parseZone);

}  // namespace nianbao
