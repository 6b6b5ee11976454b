#include "features/Hover.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "features/RelationText.h"
#include "parse/Labels.h"
#include "parse/ReportDates.h"
#include "rules/RelationChecks.h"
#include "rules/RuleDocs.h"
#include "rules/Suppressions.h"
#include "text/Fold.h"

namespace nianbao {
namespace {

// Labels and cells are the document's own text: nothing in them may turn
// into Markdown syntax.
std::string escape(std::string_view s) {
  static constexpr std::string_view kSyntax = "\\`*_[]<>#|~";
  std::string out;
  for (char c : s) {
    if (kSyntax.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A hover's text: a bold first line, paragraphs, and bullet lists (two levels).
class Markdown {
 public:
  void heading(std::string_view s) { block("**" + escape(s) + "**"); }
  void paragraph(std::string_view s) { block(escape(s)); }
  void bullet(std::string_view s, int level = 0) {
    if (!inList_) out_ += out_.empty() ? "" : "\n\n";
    else out_ += "\n";
    out_ += std::string(static_cast<std::size_t>(level) * 2, ' ') + "- " + escape(s);
    inList_ = true;
  }
  std::string str() const { return out_; }

 private:
  void block(const std::string& s) {
    if (!out_.empty()) out_ += "\n\n";
    out_ += s;
    inList_ = false;
  }
  std::string out_;
  bool inList_ = false;
};

// Cursor on a thing: inside it or just after its last character, where
// editors put the caret after typing it.
bool within(ByteRange r, std::size_t offset) { return !r.empty() && r.begin <= offset && offset <= r.end; }

class Hover {
 public:
  Hover(const Analyzer& analyzer, const SourceText& text, const ReportModel& model)
      : t_(analyzer.tmpl()), text_(text), model_(model), words_(t_, analyzer.locale()) {}

  std::optional<HoverInfo> at(std::size_t offset) const {
    for (const auto& table : model_.tables) {
      const TemplateTable* t = templateOf(table);
      if (!t) continue;
      for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.values.size(); ++i)
          if (within(row.values[i].cell.range, offset)) return cell(*t, row, i);
        if (within(row.labelRange, offset)) return label(*t, row);
        for (const auto& c : row.contextCells)
          if (within(c.range, offset)) return groupNamedBy(*t, c);
      }
      if (table.title && within(table.title->range, offset)) return caption(*t, *table.title);
    }
    for (const auto& heading : model_.parts)
      if (within(headingWithMarkup(heading), offset)) return part(heading);
    for (const auto& heading : model_.topics)
      if (within(heading.range, offset)) return topic(heading);
    return title(offset);
  }

 private:
  const TemplateTable* templateOf(const Table& table) const {
    if (table.templateTable < 0 || static_cast<std::size_t>(table.templateTable) >= t_.tables.size()) return nullptr;
    return &t_.tables[static_cast<std::size_t>(table.templateTable)];
  }
  const TemplateRow* templateRowOf(const TemplateTable& t, const TableRow& row) const {
    if (row.templateRow < 0 || static_cast<std::size_t>(row.templateRow) >= t.rows.size()) return nullptr;
    return &t.rows[static_cast<std::size_t>(row.templateRow)];
  }
  const TemplatePart* partOf(const std::string& numeral) const {
    int i = t_.partIndex(numeral);
    return i < 0 ? nullptr : &t_.parts[static_cast<std::size_t>(i)];
  }
  std::string written(ByteRange r) const {
    if (r.begin > r.end || r.end > text_.size()) return {};
    return text_.slice(r);
  }

  // The row's name as the document writes it, else as the template does.
  static std::string rowName(const TemplateTable& t, const TemplateRow* tr, const TableRow& row) {
    if (!row.label.empty()) return row.label;
    if (tr && !tr->label.empty()) return tr->label;
    return t.name;
  }

  HoverInfo cell(const TemplateTable& t, const TableRow& row, std::size_t i) const {
    const ValueCell& v = row.values[i];
    std::string name = rowName(t, templateRowOf(t, row), row);
    Markdown md;
    if (row.values.size() == t.columns.size())
      md.heading(words_.message("hover-cell", {{"row", name}, {"column", words_.columnName(t.columns[i])}}));
    else
      md.heading(words_.message("hover-cell-nth", {{"row", name}, {"n", std::to_string(i + 1)}}));
    std::vector<RelationCheck> checks = evaluateRelations(t_, model_);
    for (const RelationCheck* check : checksAt(checks, &v)) {
      md.bullet(words_.line(*check));
      for (const auto& detail : words_.termDetails(*check)) md.bullet(detail, 1);
    }
    return {v.cell.range, md.str()};
  }

  // What the template says about a row: where it sits and what it adds to.
  std::optional<HoverInfo> label(const TemplateTable& t, const TableRow& row) const {
    const TemplateRow* tr = templateRowOf(t, row);
    if (!tr) return std::nullopt;
    if (tr->labelOnly) return group(t, *tr, row.labelRange, row.label, !row.values.empty());
    Markdown md;
    md.heading(tr->label.empty() ? t.name : tr->label);
    if (!tr->label.empty() && row.label != tr->label)
      md.paragraph(words_.message("hover-written", {{"written", row.label}}));
    whereInTemplate(md, t, *tr);
    std::vector<std::string> columns;
    std::vector<std::string> units;
    for (const auto& c : t.columns) {
      columns.push_back(words_.columnName(c));
      if (!c.unit.empty() && std::find(units.begin(), units.end(), c.unit) == units.end()) units.push_back(c.unit);
    }
    md.paragraph(words_.message("hover-row-columns",
                                {{"count", std::to_string(columns.size())}, {"columns", words_.list(columns)}}));
    if (!units.empty()) md.paragraph(words_.message("hover-row-unit", {{"unit", words_.list(units)}}));
    relations(md, t, *tr, {tr->id});
    return HoverInfo{row.labelRange, md.str()};
  }

  void relations(Markdown& md, const TemplateTable& t, const TemplateRow& tr,
                 const std::vector<std::string>& standsFor) const {
    std::vector<std::string> lines = relationsOf(t, tr, standsFor);
    if (lines.empty()) return;
    md.paragraph(words_.message("hover-row-relations"));
    for (const auto& line : lines) md.bullet(line);
  }

  void whereInTemplate(Markdown& md, const TemplateTable& t, const TemplateRow& tr) const {
    const TemplatePart* p = partOf(t.part);
    md.paragraph(words_.message("hover-row-table", {{"table", t.name},
                                                    {"part", t.part},
                                                    {"part_title", p ? p->title : std::string()}}));
    if (const TemplateRow* g = tr.group.empty() ? nullptr : t.row(tr.group))
      md.paragraph(words_.message("hover-row-group", {{"group", g->label}}));
  }

  // The relations a row of numbers takes part in, each as its code and
  // formula. `standsFor` are the rows whose numbers it holds: itself, or for
  // a group written as one row (2019 format) the rows under it.
  std::vector<std::string> relationsOf(const TemplateTable& t, const TemplateRow& tr,
                                       const std::vector<std::string>& standsFor) const {
    std::vector<std::string> out;
    auto has = [&](const std::vector<std::string>& ids) {
      return std::any_of(standsFor.begin(), standsFor.end(),
                         [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); });
    };
    for (const auto& rel : t_.relations) {
      if (rel.table != t.id) continue;
      bool takesPart = false;
      switch (rel.kind) {
        case RelationKind::ColumnSum: takesPart = true; break;  // every row of numbers
        case RelationKind::RowSum:
          if (has(rel.terms) && rel.target != tr.id) {
            const TemplateRow* target = t.row(rel.target);
            out.push_back(words_.message("hover-relation-term-of",
                                         {{"code", rel.code}, {"target", target ? target->label : rel.target}}));
          }
          takesPart = rel.target == tr.id;
          break;
        case RelationKind::RowBalance: takesPart = has(rel.left) || has(rel.right); break;
      }
      if (takesPart)
        out.push_back(words_.message("hover-relation", {{"code", rel.code}, {"formula", words_.formula(rel, t)}}));
    }
    return out;
  }

  // A label-only row: a group name, or (`collapsed`) a group written as one
  // row of numbers in the 2019 format, which then stands for its rows.
  HoverInfo group(const TemplateTable& t, const TemplateRow& tr, ByteRange range, const std::string& as,
                  bool collapsed = false) const {
    Markdown md;
    md.heading(tr.label);
    if (as != tr.label) md.paragraph(words_.message("hover-written", {{"written", as}}));
    whereInTemplate(md, t, tr);
    md.paragraph(words_.message(collapsed ? "hover-group-collapsed" : "hover-group-no-numbers"));
    std::vector<std::string> children, ids;
    for (const TemplateRow* c : t.children(tr.id)) {
      children.push_back(c->label);
      ids.push_back(c->id);
    }
    if (!children.empty())
      md.paragraph(words_.message("hover-group-rows",
                                  {{"count", std::to_string(children.size())}, {"rows", words_.list(children)}}));
    if (collapsed) relations(md, t, tr, ids);
    return {range, md.str()};
  }

  // A cell before a row's label that names one of the table's groups
  // (（三）不予公开 written beside 1.属于国家秘密).
  std::optional<HoverInfo> groupNamedBy(const TemplateTable& t, const Cell& c) const {
    std::u32string folded = foldForMatching(c.text);
    const TemplateRow* best = nullptr;
    double bestScore = kLabelThreshold;
    for (const auto& r : t.rows) {
      if (!r.labelOnly) continue;
      double score = similarity(folded, foldForMatching(r.label));
      if (score >= bestScore) {
        best = &r;
        bestScore = score;
      }
    }
    if (!best) return std::nullopt;
    return group(t, *best, c.range, c.text);
  }

  HoverInfo caption(const TemplateTable& t, const Cell& title) const {
    Markdown md;
    md.heading(t.name);
    if (!t.title.empty() && title.text != t.title) md.paragraph(words_.message("hover-written", {{"written", title.text}}));
    const TemplatePart* p = partOf(t.part);
    md.paragraph(words_.message("hover-table", {{"part", t.part}, {"part_title", p ? p->title : std::string()}}));
    std::vector<std::string> columns;
    for (const auto& c : t.columns) columns.push_back(words_.columnName(c));
    md.paragraph(words_.message("hover-row-columns",
                                {{"count", std::to_string(columns.size())}, {"columns", words_.list(columns)}}));
    std::vector<std::string> rows;
    for (const TemplateRow* r : t.numberRows())
      if (!r->label.empty()) rows.push_back(r->label);
    if (!rows.empty())
      md.paragraph(words_.message("hover-table-rows", {{"count", std::to_string(rows.size())}, {"rows", words_.list(rows)}}));
    return {title.range, md.str()};
  }

  // The heading with the markup before it (## , **): a cursor on the
  // Markdown hashes is on the heading too.
  static ByteRange headingWithMarkup(const PartHeading& heading) {
    if (heading.headingRange.empty()) return heading.lineRange;
    return {std::min(heading.lineRange.begin, heading.headingRange.begin), heading.headingRange.end};
  }

  std::optional<HoverInfo> part(const PartHeading& heading) const {
    if (heading.part < 0 || static_cast<std::size_t>(heading.part) >= t_.parts.size()) return std::nullopt;
    const TemplatePart& p = t_.parts[static_cast<std::size_t>(heading.part)];
    Markdown md;
    md.heading(p.heading());
    md.paragraph(words_.message("hover-part", {{"numeral", p.numeral}, {"count", std::to_string(t_.parts.size())}}));
    if (heading.title != p.title) md.paragraph(words_.message("hover-written", {{"written", written(heading.headingRange)}}));
    if (p.numeral == t_.topicsPart && !t_.topics.empty()) {
      std::vector<std::string> topics;
      for (const auto& topic : t_.topics)
        topics.push_back(words_.message("hover-topic-name", {{"numeral", topic.numeral}, {"title", topic.title}}));
      md.paragraph(words_.message("hover-part-topics",
                                  {{"count", std::to_string(topics.size())}, {"topics", words_.list(topics)}}));
    }
    std::vector<std::string> tables;
    for (const auto& table : t_.tables)
      if (table.part == p.numeral) tables.push_back(table.name);
    if (!tables.empty())
      md.paragraph(words_.message("hover-part-tables",
                                  {{"count", std::to_string(tables.size())}, {"tables", words_.list(tables)}}));
    return HoverInfo{headingWithMarkup(heading), md.str()};
  }

  std::optional<HoverInfo> topic(const TopicHeading& heading) const {
    if (heading.topic < 0 || static_cast<std::size_t>(heading.topic) >= t_.topics.size()) return std::nullopt;
    const TemplateTopic& topic = t_.topics[static_cast<std::size_t>(heading.topic)];
    const TemplatePart* p = partOf(t_.topicsPart);
    Markdown md;
    md.heading(words_.message("hover-topic-name", {{"numeral", topic.numeral}, {"title", topic.title}}));
    md.paragraph(words_.message("hover-topic", {{"part", t_.topicsPart},
                                                {"part_title", p ? p->title : std::string()},
                                                {"count", std::to_string(t_.topics.size())}}));
    return HoverInfo{heading.range, md.str()};
  }

  // On the title's line: the year the report is for, and its period.
  std::optional<HoverInfo> title(std::size_t offset) const {
    if (!t_.dates) return std::nullopt;
    // The title comes before the first part heading.
    for (const auto& heading : model_.parts)
      if (offset >= text_.lineStart(heading.line)) return std::nullopt;
    ReportDates dates = findReportDates(text_, model_, t_);
    if (!dates.title) return std::nullopt;
    std::size_t line = text_.lineOf(dates.title->range.begin);
    ByteRange range{text_.lineStart(line), text_.lineEnd(line)};
    if (!within(range, offset)) return std::nullopt;
    std::string year = std::to_string(dates.title->year);
    Markdown md;
    md.heading(words_.message("hover-year", {{"year", year}}));
    if (dates.period)
      md.paragraph(words_.message("hover-year-period", {{"period", written(dates.period->range)},
                                                        {"line", std::to_string(text_.lineOf(dates.period->range.begin) + 1)}}));
    else
      md.paragraph(words_.message("hover-year-no-period", {{"year", year}}));
    return HoverInfo{range, md.str()};
  }

  const Template& t_;
  const SourceText& text_;
  const ReportModel& model_;
  RelationText words_;
};

}  // namespace

namespace {

// On a suppression comment: the page of the code under the cursor, or what
// the comment does and the codes it names.
std::optional<HoverInfo> suppressionHover(const Analyzer& analyzer, const SourceText& text, std::size_t offset) {
  auto comments = suppressionCommentsOnLine(text, text.lineOf(offset));
  const SuppressionComment* c = suppressionAt(comments, offset);
  if (!c) return std::nullopt;
  for (std::size_t k = 0; k < c->codes.size(); ++k)
    if (c->codeRanges[k].begin <= offset && offset <= c->codeRanges[k].end) {
      const RuleDoc* doc = findRuleDoc(c->codes[k]);
      if (!doc) return std::nullopt;  // unused-suppression says so
      return HoverInfo{c->codeRanges[k], std::string(doc->markdown)};
    }
  bool zh = analyzer.locale() != "en";
  std::string md;
  switch (c->kind) {
    case SuppressionKind::Disable:
      md = zh ? "**nianbao-disable**：从这里起不报告下列代码的问题，直到 `nianbao-enable`（不列代码：所有代码）。"
              : "**nianbao-disable**: the codes below are not reported from here on, until `nianbao-enable` "
                "(no code: every code).";
      break;
    case SuppressionKind::Enable:
      md = zh ? "**nianbao-enable**：结束前面 `nianbao-disable` 对下列代码的屏蔽（不列代码：全部结束）。"
              : "**nianbao-enable**: ends what an earlier `nianbao-disable` suppressed for the codes below "
                "(no code: all of it).";
      break;
    case SuppressionKind::DisableNextLine:
      md = zh ? "**nianbao-disable-next-line**：下一行不报告下列代码的问题（不列代码：所有代码）。"
              : "**nianbao-disable-next-line**: the codes below are not reported on the next line (no code: every code).";
      break;
  }
  for (const auto& code : c->codes)
    if (const RuleDoc* doc = findRuleDoc(code)) md += "\n\n- `" + code + "`: " + std::string(doc->summary);
  return HoverInfo{c->range, md};
}

}  // namespace

std::optional<HoverInfo> hoverAt(const Analyzer& analyzer, const SourceText& text, const ReportModel& model,
                                 std::size_t offset) {
  if (!model.isReport || offset > text.size()) return std::nullopt;
  if (auto onComment = suppressionHover(analyzer, text, offset)) return onComment;
  return Hover(analyzer, text, model).at(offset);
}

}  // namespace nianbao
