#include "features/Skeleton.h"

#include <algorithm>
#include <vector>

namespace nianbao {
namespace {

void appendLine(std::string& out, std::vector<std::string> cells, RowLayout layout, bool pipeLeading,
                std::string_view eol) {
  std::string_view separator = layout == RowLayout::Pipes ? " | " : "\t";
  if (layout != RowLayout::Pipes)
    while (!cells.empty() && cells.back().empty()) cells.pop_back();  // trailing tabs are invisible
  if (layout == RowLayout::Pipes && pipeLeading) out += "| ";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += separator;
    out += cells[i];
  }
  if (layout == RowLayout::Pipes) out += " |";
  out += eol;
}

}  // namespace

FormattedRows tableSkeleton(const TemplateTable& tt, RowLayout layout, bool pipeLeading, std::string_view eol) {
  FormattedRows out;
  if (!tt.title.empty()) {
    out.text += tt.title;
    out.text += eol;
  }
  bool grouped = std::any_of(tt.rows.begin(), tt.rows.end(), [](const TemplateRow& r) { return r.labelOnly; });
  std::vector<std::string> lead(grouped ? 1 : 0, "");
  std::vector<std::vector<std::string>> headers;
  bool columnGroups =
      std::any_of(tt.columns.begin(), tt.columns.end(), [](const TemplateColumn& c) { return !c.group.empty(); });
  if (columnGroups) {
    std::vector<std::string> cells = lead;
    cells.push_back("");
    for (std::size_t i = 0; i < tt.columns.size(); ++i)
      cells.push_back(i == 0 || tt.columns[i].group != tt.columns[i - 1].group ? tt.columns[i].group : "");
    headers.push_back(std::move(cells));
  }
  std::vector<std::string> labels = lead;
  labels.push_back(tt.labelHeader);
  for (const auto& c : tt.columns) labels.push_back(c.label);
  headers.push_back(std::move(labels));
  for (std::size_t i = 0; i < headers.size(); ++i) {
    appendLine(out.text, headers[i], layout, pipeLeading, eol);
    // Markdown needs its delimiter row under the first line.
    if (i == 0 && layout == RowLayout::Pipes)
      appendLine(out.text, std::vector<std::string>(headers[i].size(), "---"), layout, pipeLeading, eol);
  }
  std::vector<NewRow> rows;
  std::string pendingGroups;
  for (const auto& row : tt.rows) {
    if (row.labelOnly) {
      pendingGroups += (pendingGroups.empty() ? "" : " ") + row.label;
      continue;
    }
    rows.push_back({pendingGroups, row.unlabeled ? "" : row.label, tt.columns.size()});
    pendingGroups.clear();
  }
  Table shape;
  shape.layout = layout;
  shape.pipeLeading = pipeLeading;
  TableRow prototype;
  prototype.layout = layout;
  prototype.leadingEmptyCells = static_cast<int>(lead.size());
  FormattedRows body = formatRowsMarkingZeros(shape, prototype, rows, eol);
  std::size_t shift = out.text.size();
  out.text += body.text;
  for (const auto& z : body.zeros) out.zeros.push_back({z.begin + shift, z.end + shift});
  return out;
}


std::string reportSkeleton(const Template& t, RowLayout layout, std::string_view eol) {
  const bool markdown = layout == RowLayout::Pipes;
  std::string out;
  auto paragraph = [&](std::string_view markup, const std::string& line) {
    if (!out.empty()) out += eol;
    out += markup;
    out += line;
    out += eol;
  };
  std::string title = t.titleExample;
  if (title.empty())
    for (const auto& k : t.titleKeywords) title += k;
  if (!title.empty()) paragraph(markdown ? "# " : "", title);
  for (const auto& part : t.parts) {
    paragraph(markdown ? "## " : "", part.heading());
    if (part.numeral == t.topicsPart)
      for (const auto& topic : t.topics) paragraph(markdown ? "### " : "", "（" + topic.numeral + "）" + topic.title);
    for (const auto& table : t.tables) {
      if (table.part != part.numeral) continue;
      out += eol;
      out += tableSkeleton(table, layout, /*pipeLeading=*/true, eol).text;
    }
  }
  return out;
}

}  // namespace nianbao
