// section-missing, section-order, section-duplicate, section-title, topic-missing.
#include <algorithm>
#include <map>
#include <optional>

#include "rules/RuleContext.h"
#include "text/Fold.h"

namespace nianbao {
namespace {

const PartHeading* firstHeadingOf(const ReportModel& model, int part) {
  for (const auto& h : model.parts)
    if (h.part == part) return &h;
  return nullptr;
}

// Where a missing part's heading belongs: before its own table if that was
// found (seed 000 lost part 四's heading but not its table), else before the
// next part present, else at the end.
std::size_t insertionLine(const RuleContext& ctx, int part) {
  const Template& t = ctx.tmpl;
  for (const auto& table : ctx.model.tables) {
    if (table.templateTable < 0) continue;
    if (t.partIndex(t.tables[static_cast<std::size_t>(table.templateTable)].part) != part) continue;
    // Only when the table sits after the previous part's heading.
    return table.firstLine;
  }
  // The part holding the topics starts at its first topic.
  if (part == t.partIndex(t.topicsPart) && !ctx.model.topics.empty()) return ctx.model.topics.front().line;
  std::size_t next = ctx.text.lineCount();
  for (const auto& h : ctx.model.parts)
    if (h.part > part) {
      next = h.line;
      break;
    }
  // A part right after one whose tables end its text (五 after 四) starts
  // where that table ends; otherwise the next part's heading is the place.
  const PartHeading* previous = nullptr;
  for (const auto& h : ctx.model.parts)
    if (h.part < part && h.line < next && (!previous || h.part > previous->part)) previous = &h;
  std::optional<std::size_t> afterTable;
  for (const auto& table : ctx.model.tables) {
    if (table.templateTable < 0 || table.lastLine >= next) continue;
    int tablePart = t.partIndex(t.tables[static_cast<std::size_t>(table.templateTable)].part);
    if (tablePart < part && (!previous || (tablePart == previous->part && table.firstLine > previous->line)))
      afterTable = table.lastLine + 1;
  }
  if (afterTable) {
    std::size_t line = *afterTable;
    // Blank lines and a table's own separator lines ("|", "---") are not content.
    while (line < next && ctx.text.lineText(line).find_first_not_of(" \t\r|-") == std::string_view::npos) ++line;
    if (line < next) return line;
  }
  return next;
}

// A new heading is dressed like its nearest neighbour (## …, **…**).
std::string dressedLike(const ReportModel& model, int part, const std::string& heading) {
  const PartHeading* nearest = nullptr;
  for (const auto& h : model.parts)
    if (!nearest || std::abs(h.part - part) < std::abs(nearest->part - part)) nearest = &h;
  return nearest ? nearest->markup + heading + nearest->closingMarkup : heading;
}

void checkMissing(const RuleContext& ctx) {
  const Template& t = ctx.tmpl;
  std::string eol(ctx.text.dominantLineBreak());
  for (std::size_t p = 0; p < t.parts.size(); ++p) {
    int part = static_cast<int>(p);
    if (firstHeadingOf(ctx.model, part)) continue;
    const TemplatePart& tp = t.parts[p];
    std::size_t line = insertionLine(ctx, part);
    Fix fix;
    std::string heading = dressedLike(ctx.model, part, tp.heading());
    fix.title = t.message("fix-insert-heading", {{"heading", tp.heading()}}, ctx.locale);
    ByteRange range;
    if (line < ctx.text.lineCount()) {
      std::size_t at = ctx.text.lineStart(line);
      fix.edits.push_back({{at, at}, heading + eol + eol});
      range = ctx.lineRange(line);
    } else {
      std::size_t end = ctx.text.size();
      std::string_view last = ctx.text.lineText(ctx.text.lineCount() - 1);
      fix.edits.push_back({{end, end}, (last.empty() ? "" : eol + eol) + heading + eol});
      range = ctx.lineRange(ctx.text.lineCount() - 1);
    }
    ctx.report("section-missing", Severity::Error, range,
               t.message("section-missing", {{"numeral", tp.numeral}, {"title", tp.title}}, ctx.locale), std::move(fix));
  }
}

void checkOrderAndDuplicates(const RuleContext& ctx) {
  const Template& t = ctx.tmpl;
  std::map<int, const PartHeading*> seen;
  const PartHeading* highest = nullptr;
  for (const auto& h : ctx.model.parts) {
    const TemplatePart& tp = t.parts[static_cast<std::size_t>(h.part)];
    if (auto it = seen.find(h.part); it != seen.end()) {
      ctx.report("section-duplicate", Severity::Error, h.headingRange,
                 t.message("section-duplicate", {{"numeral", tp.numeral},
                                                 {"title", tp.title},
                                                 {"first_line", std::to_string(it->second->line + 1)}}, ctx.locale));
      continue;
    }
    seen[h.part] = &h;
    if (highest && h.part < highest->part) {
      ctx.report("section-order", Severity::Error, h.headingRange,
                 t.message("section-order", {{"numeral", tp.numeral},
                                             {"title", tp.title},
                                             {"previous", t.parts[static_cast<std::size_t>(highest->part)].numeral}}, ctx.locale));
      continue;
    }
    highest = &h;
  }
}

void checkTitles(const RuleContext& ctx) {
  const Template& t = ctx.tmpl;
  for (const auto& h : ctx.model.parts) {
    const TemplatePart& tp = t.parts[static_cast<std::size_t>(h.part)];
    bool sameWords = foldForMatching(h.title) == foldForMatching(tp.title);
    bool sameNumeral = h.numeral == tp.numeral;
    if (sameWords && sameNumeral) continue;
    std::string actual = ctx.text.slice(h.headingRange);
    Fix fix{t.message("fix-label", {{"expected", tp.heading()}}, ctx.locale), {{h.headingRange, tp.heading()}}};
    ctx.report("section-title", Severity::Warning, h.headingRange,
               t.message("section-title", {{"expected", tp.heading()}, {"actual", actual}}, ctx.locale), std::move(fix));
  }
}

void checkTopics(const RuleContext& ctx) {
  const Template& t = ctx.tmpl;
  if (t.topics.empty()) return;
  const PartHeading* holder = firstHeadingOf(ctx.model, t.partIndex(t.topicsPart));
  if (!holder) return;  // the part itself is missing: section-missing says so
  for (std::size_t k = 0; k < t.topics.size(); ++k) {
    bool found = std::any_of(ctx.model.topics.begin(), ctx.model.topics.end(),
                             [&](const TopicHeading& h) { return h.topic == static_cast<int>(k); });
    if (found) continue;
    ctx.report("topic-missing", Severity::Warning, holder->headingRange,
               t.message("topic-missing", {{"numeral", t.topics[k].numeral}, {"title", t.topics[k].title}}, ctx.locale));
  }
}

}  // namespace

void checkSections(const RuleContext& ctx) {
  checkMissing(ctx);
  checkOrderAndDuplicates(ctx);
  checkTitles(ctx);
  checkTopics(ctx);
}

}  // namespace nianbao
