#include "parse/ReportParser.h"

#include <algorithm>
#include <set>

#include "parse/Headings.h"
#include "parse/TableParser.h"

namespace nianbao {
namespace {

constexpr std::size_t kTitleSearchLines = 12;  // non-blank lines before part 一

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::optional<ByteRange> findTitle(const SourceText& text, std::size_t endLine, const LabelIndex& labels) {
  std::size_t seen = 0;
  std::optional<std::size_t> previous;
  for (std::size_t line = 0; line < endLine && seen < kTitleSearchLines; ++line) {
    std::string_view s = text.lineText(line);
    if (blank(s)) continue;
    ++seen;
    ByteRange lineRange{text.lineStart(line), text.lineEnd(line)};
    if (labels.isReportTitle(s)) {
      // The issuing body often sits on the line above (淮安市人民政府 / 2024 年…报告).
      constexpr std::size_t kShortLine = 30;
      if (previous && *previous + 1 == line && text.lineText(*previous).size() <= kShortLine * 3 &&
          !labels.isReportTitle(text.lineText(*previous)))
        return ByteRange{text.lineStart(*previous), lineRange.end};
      return lineRange;
    }
    // A title broken over two lines (PDF text, Word line breaks).
    if (previous) {
      std::string joined(text.lineText(*previous));
      joined += s;
      if (labels.isReportTitle(joined)) return ByteRange{text.lineStart(*previous), lineRange.end};
    }
    previous = line;
  }
  return std::nullopt;
}

}  // namespace

HeadingLines findHeadingLines(const SourceText& text, std::size_t firstLine, std::size_t endLine,
                              const LabelIndex& labels) {
  HeadingLines found;
  for (std::size_t line = firstLine; line < endLine && line < text.lineCount(); ++line) {
    if (auto h = parsePartHeading(text, line, labels)) found.parts.push_back(std::move(*h));
    if (auto t = parseTopicHeading(text, line, labels)) found.topics.push_back(*t);
  }
  return found;
}

ReportModel assembleReport(const SourceText& text, const LabelIndex& labels, HeadingLines headings,
                           const TableZoneParser& parseZone) {
  const Template& tmpl = labels.tmpl();
  ReportModel model;
  model.parts = std::move(headings.parts);
  std::vector<std::size_t> headingLines;
  headingLines.reserve(model.parts.size());
  for (const auto& p : model.parts) headingLines.push_back(p.line);
  std::size_t firstPartLine = model.parts.empty() ? text.lineCount() : model.parts.front().line;
  model.title = findTitle(text, std::max<std::size_t>(firstPartLine, 1), labels);

  // Topics live in their part: from its heading to the next part heading.
  int topicsPart = tmpl.partIndex(tmpl.topicsPart);
  std::size_t topicsBegin = 0, topicsEnd = firstPartLine;
  for (std::size_t k = 0; k < model.parts.size(); ++k)
    if (model.parts[k].part == topicsPart) {
      topicsBegin = model.parts[k].line + 1;
      topicsEnd = k + 1 < model.parts.size() ? model.parts[k + 1].line : text.lineCount();
      break;
    }
  if (topicsPart >= 0)
    for (auto& t : headings.topics)
      if (t.line >= topicsBegin && t.line < topicsEnd) model.topics.push_back(t);

  // Tables are looked for from the first part that holds one to the first
  // later part that holds none, so prose elsewhere is never taken for rows.
  std::set<int> tableParts;
  for (const auto& t : tmpl.tables) tableParts.insert(tmpl.partIndex(t.part));
  int lastTablePart = tableParts.empty() ? -1 : *tableParts.rbegin();
  // The zone starts at the heading of the first part with tables; if that
  // heading is lost, right after the last heading before it (or at the top),
  // so the lost part's tables are still read.
  int firstTablePart = tableParts.empty() ? 0 : *tableParts.begin();
  std::size_t zoneBegin = 0;
  for (const auto& p : model.parts) {
    if (p.part == firstTablePart) {
      zoneBegin = p.line;
      break;
    }
    if (p.part < firstTablePart) zoneBegin = p.line + 1;
  }
  std::size_t zoneEnd = text.lineCount();
  for (const auto& p : model.parts)
    if (p.line > zoneBegin && p.part > lastTablePart) {
      zoneEnd = p.line;
      break;
    }
  std::set<int> distinctParts;
  for (const auto& p : model.parts) distinctParts.insert(p.part);
  // A notice about the annual report has the title words but no parts; a
  // meeting note may have one numbered heading that looks like a part.
  model.isReport = (model.title.has_value() && !distinctParts.empty()) || distinctParts.size() >= 2;
  // Nothing reads the tables of a text that is not a report; its "zone" would
  // be all of it.
  if (model.isReport) model.tables = parseZone(zoneBegin, std::max(zoneBegin, zoneEnd), headingLines);
  return model;
}

ReportModel parseReport(const SourceText& text, const LabelIndex& labels) {
  return assembleReport(text, labels, findHeadingLines(text, 0, text.lineCount(), labels),
                        [&](std::size_t begin, std::size_t end, const std::vector<std::size_t>& headingLines) {
                          return parseTables(text, begin, end, headingLines, labels);
                        });
}

}  // namespace nianbao
