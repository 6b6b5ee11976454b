#include "features/Outline.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "parse/Labels.h"
#include "text/Fold.h"

namespace nianbao {
namespace {

using Kind = OutlineNode::Kind;

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Lines [first, last], both included.
struct Span {
  std::size_t first = 0;
  std::size_t last = 0;
  bool contains(std::size_t line) const { return first <= line && line <= last; }
};

ByteRange unite(ByteRange a, ByteRange b) { return {std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

bool inside(ByteRange inner, ByteRange outer) { return outer.begin <= inner.begin && inner.end <= outer.end; }

// LSP refuses a selection outside its range; parser quirks must not make one.
void fitSelections(OutlineNode& node) {
  if (!inside(node.selection, node.range) || node.selection.begin > node.selection.end) {
    std::size_t begin = std::clamp(node.selection.begin, node.range.begin, node.range.end);
    std::size_t end = std::clamp(node.selection.end, begin, node.range.end);
    node.selection = {begin, end};
  }
  for (auto& child : node.children) fitSelections(child);
}

void sortByPlace(std::vector<OutlineNode>& nodes) {
  std::stable_sort(nodes.begin(), nodes.end(),
                   [](const OutlineNode& a, const OutlineNode& b) { return a.range.begin < b.range.begin; });
}

// Where each part and table of the model sits, in lines.
class Layout {
 public:
  Layout(const SourceText& text, const ReportModel& model) : text_(text), model_(model) {
    for (std::size_t k = 0; k < model.parts.size(); ++k) {
      std::size_t next = k + 1 < model.parts.size() ? model.parts[k + 1].line : text.lineCount();
      std::size_t first = model.parts[k].line;
      parts_.push_back({first, std::max(first, next == 0 ? 0 : next - 1)});
    }
    spanTables();
  }

  const std::vector<Span>& parts() const { return parts_; }
  const std::vector<Span>& tables() const { return tables_; }

  // The part whose span holds `line`.
  std::optional<std::size_t> partAt(std::size_t line) const {
    for (std::size_t k = 0; k < parts_.size(); ++k)
      if (parts_[k].contains(line)) return k;
    return std::nullopt;
  }

  // The part's last line with something on it: where folding ends.
  std::size_t lastWritten(const Span& s) const {
    std::size_t last = s.last;
    while (last > s.first && blank(text_.lineText(last))) --last;
    return last;
  }

 private:
  // The lines that are certainly the table's: its caption and its rows.
  Span own(const Table& table) const {
    std::optional<Span> s;
    auto add = [&](std::size_t first, std::size_t last) {
      s = s ? Span{std::min(s->first, first), std::max(s->last, last)} : Span{first, last};
    };
    if (table.title) add(text_.lineOf(table.title->range.begin), text_.lineOf(table.title->range.begin));
    for (const auto& row : table.rows) add(row.firstLine, std::max(row.firstLine, row.lastLine));
    return s ? *s : Span{table.firstLine, std::max(table.firstLine, table.lastLine)};
  }

  // A table runs from its first line (headers included) to its last, but the
  // parser can lend header lines to the wrong neighbour (space-aligned text
  // dates a table's start back to the header of the table before; a table's
  // end can reach the next one's header, across a part heading). Header lines
  // between two tables go to the later one; a table keeps to its side of part
  // headings, starts and ends at a written line, and covers its own rows.
  void spanTables() {
    const auto& tables = model_.tables;
    std::vector<Span> own;
    for (const auto& table : tables) own.push_back(this->own(table));
    for (std::size_t k = 0; k < tables.size(); ++k) {
      std::size_t floor = k > 0 ? own[k - 1].last + 1 : 0;
      for (const auto& heading : model_.parts)
        if (heading.line <= own[k].first) floor = std::max(floor, heading.line + 1);
      std::size_t first = std::min(std::max(tables[k].firstLine, floor), own[k].first);
      while (first < own[k].first && blank(text_.lineText(first))) ++first;
      tables_.push_back({first, own[k].last});
    }
    for (std::size_t k = 0; k < tables.size(); ++k) {
      std::size_t ceiling = k + 1 < tables.size() ? tables_[k + 1].first : text_.lineCount();
      for (const auto& heading : model_.parts)
        if (heading.line > own[k].last) ceiling = std::min(ceiling, heading.line);
      std::size_t last = std::max(std::min(tables[k].lastLine, ceiling == 0 ? 0 : ceiling - 1), own[k].last);
      while (last > own[k].last && blank(text_.lineText(last))) --last;
      tables_[k].last = std::max(last, tables_[k].first);
    }
  }

  const SourceText& text_;
  const ReportModel& model_;
  std::vector<Span> parts_;
  std::vector<Span> tables_;
};

class Builder {
 public:
  Builder(const Template& t, const SourceText& text, const ReportModel& model)
      : t_(t), text_(text), model_(model), layout_(text, model) {}

  std::vector<OutlineNode> build() const {
    std::vector<OutlineNode> top;
    if (model_.title) top.push_back(title(*model_.title));
    for (std::size_t k = 0; k < model_.parts.size(); ++k) top.push_back(part(k));
    for (std::size_t k = 0; k < model_.topics.size(); ++k) place(top, layout_.partAt(model_.topics[k].line), topic(k));
    for (std::size_t k = 0; k < model_.tables.size(); ++k)
      if (auto node = table(k)) place(top, layout_.partAt(layout_.tables()[k].first), std::move(*node));
    sortByPlace(top);
    for (auto& node : top) {
      sortByPlace(node.children);
      endTopicsAtTheirNeighbour(node.children);
      fitSelections(node);
    }
    return top;
  }

 private:
  ByteRange lines(Span s) const { return {text_.lineStart(s.first), text_.lineEnd(s.last)}; }
  std::string written(ByteRange r) const {
    if (r.begin > r.end || r.end > text_.size()) return {};
    return text_.slice(r);
  }

  // A topic runs to the end of its part, unless a table follows it there
  // (its part's heading lost, a table sits in the part before).
  void endTopicsAtTheirNeighbour(std::vector<OutlineNode>& siblings) const {
    for (std::size_t i = 0; i + 1 < siblings.size(); ++i) {
      OutlineNode& topic = siblings[i];
      std::size_t next = siblings[i + 1].range.begin;
      if (topic.kind != Kind::Topic || topic.range.end <= next) continue;
      std::size_t first = text_.lineOf(topic.range.begin);
      std::size_t nextLine = text_.lineOf(next);
      topic.range.end = nextLine > first ? text_.lineEnd(nextLine - 1) : topic.selection.end;
    }
  }

  // Part nodes are the first ones pushed, in model order: part k is top[k]
  // after the title, if there is one.
  void place(std::vector<OutlineNode>& top, std::optional<std::size_t> part, OutlineNode node) const {
    if (part) top[*part + (model_.title ? 1 : 0)].children.push_back(std::move(node));
    else top.push_back(std::move(node));
  }

  OutlineNode title(ByteRange range) const {
    std::string name = written(range);
    for (char& c : name)
      if (c == '\r' || c == '\n') c = ' ';
    std::size_t begin = name.find_first_not_of("#* \t");
    std::size_t end = name.find_last_not_of("#* \t");
    name = begin == std::string::npos ? t_.name : name.substr(begin, end - begin + 1);
    return {Kind::Title, name, "", range, range, {}};
  }

  OutlineNode part(std::size_t k) const {
    const PartHeading& heading = model_.parts[k];
    const TemplatePart* p = heading.part >= 0 && static_cast<std::size_t>(heading.part) < t_.parts.size()
                                ? &t_.parts[static_cast<std::size_t>(heading.part)]
                                : nullptr;
    ByteRange selection = heading.headingRange.empty() ? heading.lineRange : heading.headingRange;
    std::string name = written(selection);
    if (name.empty()) name = p ? p->heading() : heading.numeral;
    std::string detail = p && heading.title != p->title ? p->heading() : "";
    return {Kind::Part, name, detail, lines(layout_.parts()[k]), selection, {}};
  }

  OutlineNode topic(std::size_t k) const {
    const TopicHeading& heading = model_.topics[k];
    std::size_t last = text_.lineCount() - 1;
    if (auto p = layout_.partAt(heading.line)) last = layout_.parts()[*p].last;
    if (k + 1 < model_.topics.size() && model_.topics[k + 1].line > heading.line)
      last = std::min(last, model_.topics[k + 1].line - 1);
    std::string name = written(heading.range);
    if (name.empty() && heading.topic >= 0 && static_cast<std::size_t>(heading.topic) < t_.topics.size())
      name = t_.topics[static_cast<std::size_t>(heading.topic)].title;
    return {Kind::Topic, name, "", lines({heading.line, std::max(heading.line, last)}), heading.range, {}};
  }

  std::optional<OutlineNode> table(std::size_t k) const {
    const Table& table = model_.tables[k];
    if (table.templateTable < 0 || static_cast<std::size_t>(table.templateTable) >= t_.tables.size())
      return std::nullopt;
    const TemplateTable& t = t_.tables[static_cast<std::size_t>(table.templateTable)];
    OutlineNode node{Kind::Table, t.name, columns(t), lines(layout_.tables()[k]), {}, {}};
    if (table.title) node.selection = table.title->range;
    else if (!table.headers.empty() && inside(table.headers.front().cell.range, node.range))
      node.selection = table.headers.front().cell.range;
    else if (!table.rows.empty()) node.selection = rowSelection(table.rows.front());
    else node.selection = {node.range.begin, node.range.begin};
    addRows(node, table, t);
    return node;
  }

  // The column groups, or the columns where there are none.
  static std::string columns(const TemplateTable& t) {
    std::vector<std::string> names;
    for (const auto& c : t.columns) {
      const std::string& name = c.group.empty() ? c.label : c.group;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? " | " : "") + names[i];
    return out;
  }

  ByteRange rowSelection(const TableRow& row) const {
    if (!row.labelRange.empty()) return row.labelRange;
    if (!row.values.empty()) return row.values.front().cell.range;
    return lines({row.firstLine, row.firstLine});
  }

  OutlineNode row(const TableRow& row, const TemplateTable& t, const TemplateRow* tr) const {
    std::string name = row.label;
    if (name.empty() && tr) name = tr->label;
    if (name.empty()) name = t.name;
    std::string detail;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      const std::string& v = row.values[i].cell.text;
      detail += (i ? " " : "") + (v.empty() ? std::string("_") : v);
    }
    return {Kind::Row, name, detail, lines({row.firstLine, std::max(row.firstLine, row.lastLine)}), rowSelection(row), {}};
  }

  // The label-only rows `tr` sits under, outermost first.
  static std::vector<const TemplateRow*> groupsOf(const TemplateTable& t, const TemplateRow& tr) {
    std::vector<const TemplateRow*> out;
    const TemplateRow* g = tr.group.empty() ? nullptr : t.row(tr.group);
    while (g && g->labelOnly && out.size() < t.rows.size()) {
      out.insert(out.begin(), g);
      g = g->group.empty() ? nullptr : t.row(g->group);
    }
    return out;
  }

  // A cell before `row`'s label that names `group` (（三）不予公开 written
  // beside 1.属于国家秘密), if the document writes one.
  static const Cell* groupCell(const TableRow& row, const TemplateRow& group) {
    std::u32string expected = foldForMatching(group.label);
    const Cell* best = nullptr;
    double bestScore = kLabelThreshold;
    for (const auto& c : row.contextCells) {
      double score = similarity(foldForMatching(c.text), expected);
      if (score >= bestScore) {
        best = &c;
        bestScore = score;
      }
    }
    return best;
  }

  // A row group being filled, in its parent's children.
  struct Open {
    const TemplateRow* group;
    OutlineNode* node;
  };

  // Rows in text order, nested in the template's groups. A group opens at
  // the first row under it and closes at the first row outside it, so rows
  // written out of order give a group twice rather than move.
  void addRows(OutlineNode& tableNode, const Table& table, const TemplateTable& t) const {
    std::vector<Open> open;  // outermost first; each node lives in its parent's children
    for (const auto& r : table.rows) {
      const TemplateRow* tr = r.templateRow >= 0 && static_cast<std::size_t>(r.templateRow) < t.rows.size()
                                  ? &t.rows[static_cast<std::size_t>(r.templateRow)]
                                  : nullptr;
      OutlineNode node = row(r, t, tr);
      if (tr) {
        std::vector<const TemplateRow*> chain = groupsOf(t, *tr);
        if (tr->labelOnly) chain.push_back(tr);
        std::size_t keep = 0;
        while (keep < open.size() && keep < chain.size() && open[keep].group == chain[keep]) ++keep;
        open.resize(keep);
        for (std::size_t i = keep; i < chain.size(); ++i) {
          const TemplateRow* g = chain[i];
          OutlineNode groupNode{Kind::RowGroup, g->label, "", node.range, node.selection, {}};
          if (g == tr) {
            groupNode.name = node.name;
            groupNode.detail = node.detail;  // a group written as one row of numbers (2019 format)
          } else if (const Cell* c = groupCell(r, *g)) {
            groupNode.name = c->text;
            groupNode.selection = c->range;
            groupNode.range = unite(groupNode.range, c->range);
          }
          auto& siblings = open.empty() ? tableNode.children : open.back().node->children;
          siblings.push_back(std::move(groupNode));
          open.push_back({g, &siblings.back()});
        }
      }
      grow(open, node.range);
      if (tr && tr->labelOnly) continue;  // the group node stands for it
      (open.empty() ? tableNode.children : open.back().node->children).push_back(std::move(node));
    }
  }

  static void grow(std::vector<Open>& open, ByteRange range) {
    for (auto& o : open) o.node->range = unite(o.node->range, range);
  }

  const Template& t_;
  const SourceText& text_;
  const ReportModel& model_;
  Layout layout_;
};

}  // namespace

std::vector<OutlineNode> outline(const Template& t, const SourceText& text, const ReportModel& model) {
  if (!model.isReport) return {};
  return Builder(t, text, model).build();
}

std::vector<FoldingRegion> foldingRegions(const Template&, const SourceText& text, const ReportModel& model) {
  std::vector<FoldingRegion> out;
  if (!model.isReport) return out;
  Layout layout(text, model);
  for (const Span& s : layout.parts()) {
    std::size_t last = layout.lastWritten(s);
    if (last > s.first) out.push_back({s.first, last, FoldingRegion::Kind::Part});
  }
  for (const Span& s : layout.tables())
    if (s.last > s.first) out.push_back({s.first, s.last, FoldingRegion::Kind::Table});
  std::stable_sort(out.begin(), out.end(), [](const FoldingRegion& a, const FoldingRegion& b) {
    return a.startLine != b.startLine ? a.startLine < b.startLine : a.endLine > b.endLine;
  });
  return out;
}

}  // namespace nianbao
