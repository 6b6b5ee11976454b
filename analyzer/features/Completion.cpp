#include "features/Completion.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>

#include "features/Skeleton.h"
#include "parse/Labels.h"
#include "rules/RowLayout.h"
#include "text/Fold.h"
#include "text/Pinyin.h"

namespace nianbao {
namespace {

using Kind = CompletionCandidate::Kind;

constexpr UChar32 kIdeographicSpace = 0x3000;

// ---------------------------------------------------------------------------
// The cursor and what was typed before it

UChar32 nextCodePoint(std::string_view s, std::size_t& i) {
  UChar32 c;
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(s.data(), at, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(at);
  return c;
}

bool isSpace(UChar32 c) { return c == ' ' || c == '\t' || c == kIdeographicSpace || c == 0xA0; }

bool onlySpaces(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (!isSpace(nextCodePoint(s, i))) return false;
  return true;
}

// What may precede a heading's words: indentation and Markdown.
bool isHeadingMarkup(UChar32 c) { return isSpace(c) || c == '#' || c == '*' || c == '>'; }
// What may precede a row's first cell: indentation and a pipe.
bool isRowOpening(UChar32 c) { return isSpace(c) || c == '|'; }

struct Cursor {
  std::size_t offset = 0;
  std::size_t line = 0;
  std::string_view before;  // the line's text before the cursor
  bool restBlank = false;   // only spaces after the cursor on its line
};

std::optional<Cursor> cursorAt(const SourceText& text, std::size_t offset) {
  if (offset > text.size()) return std::nullopt;
  Cursor c;
  c.line = text.lineOf(offset);
  std::size_t begin = text.lineStart(c.line), end = text.lineEnd(c.line);
  std::string_view s = text.lineText(c.line);
  std::size_t at = std::clamp(offset, begin, end) - begin;  // inside a CRLF: the end of the line
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  c.offset = begin + at;
  c.before = s.substr(0, at);
  c.restBlank = onlySpaces(s.substr(at, end - begin - at));
  return c;
}

// The word being typed (pinyin or characters, no spaces) and what precedes it.
struct Typed {
  std::string_view lead;
  ByteRange word;  // in the text
};

// Chinese prose has no spaces between words; a sentence is told from a word
// being typed by its length and its punctuation.
constexpr std::size_t kMaxWordCodePoints = 40;
bool endsClause(UChar32 c) {
  return std::u32string_view(U"。，；：！？,;!?").find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

std::optional<Typed> typedWord(const Cursor& c, bool (*isLead)(UChar32)) {
  if (!c.restBlank) return std::nullopt;  // words after the cursor: the line is prose or a row already
  std::size_t leadEnd = 0;
  for (std::size_t i = 0; i < c.before.size();) {
    if (!isLead(nextCodePoint(c.before, i))) break;
    leadEnd = i;
  }
  std::size_t length = 0;
  for (std::size_t i = leadEnd; i < c.before.size(); ++length) {
    UChar32 ch = nextCodePoint(c.before, i);
    if (isSpace(ch) || ch == '|' || endsClause(ch) || length >= kMaxWordCodePoints) return std::nullopt;
  }
  std::size_t lineStart = c.offset - c.before.size();
  return Typed{c.before.substr(0, leadEnd), {lineStart + leadEnd, c.offset}};
}

// Blank, or only a table's own separators ("|", "---").
bool structuralLine(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    UChar32 ch = nextCodePoint(s, i);
    if (!isSpace(ch) && ch != '|' && ch != '-' && ch != ':' && ch != '\r') return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Where the cursor is in the report

// The part whose heading is the last one above the cursor, -1 above them all.
int partAt(const ReportModel& model, std::size_t line) {
  int part = -1;
  for (const auto& h : model.parts)
    if (h.line < line) part = h.part;
  return part;
}

bool onLine(const SourceText& text, const Cell& cell, std::size_t line) {
  return text.lineOf(cell.range.begin) == line;
}

// Whether one of the row's cells is on the line. A row written one cell per
// line spans blank lines and lines of other cells: those are not the row's.
bool rowHasCellOn(const SourceText& text, const TableRow& row, std::size_t line) {
  if (line < row.firstLine || line > row.lastLine) return false;
  // A label wrapped over lines (PDF text) holds every line it spans.
  if (!row.label.empty() && text.lineOf(row.labelRange.begin) <= line && line <= text.lineOf(row.labelRange.end))
    return true;
  for (const auto& c : row.contextCells)
    if (onLine(text, c, line)) return true;
  for (const auto& v : row.values)
    if (onLine(text, v.cell, line)) return true;
  return false;
}

// Where the table's own text starts: its caption, header or first row. The
// parser's firstLine may reach back over header lines it did not place (PDF
// text), into the table before.
std::size_t tableBegin(const SourceText& text, const Table& table) {
  std::size_t begin = table.lastLine;
  if (table.title) begin = std::min(begin, text.lineOf(table.title->range.begin));
  for (const auto& h : table.headers) begin = std::min(begin, text.lineOf(h.cell.range.begin));
  for (const auto& row : table.rows) begin = std::min(begin, row.firstLine);
  return std::max(begin, table.firstLine);
}

struct TableSpot {
  const Table* table = nullptr;
  bool inside = false;  // among its lines, not just below it
};

// A line of the table's header words only. PDF text and one cell per line
// leave such lines out of a table that has no rows yet.
bool headerLine(const TemplateTable& tt, std::string_view line) {
  std::vector<std::u32string> words{foldForMatching(tt.labelHeader)};
  for (const auto& c : tt.columns) {
    words.push_back(foldForMatching(c.label));
    words.push_back(foldForMatching(c.group));
  }
  for (const auto& h : tt.headerLabels) words.push_back(foldForMatching(h));
  bool any = false;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t begin = line.find_first_not_of(" \t|", i);
    if (begin == std::string_view::npos) break;
    std::size_t end = line.find_first_of("\t|", begin);
    std::size_t run = line.find("  ", begin);  // cells of PDF text are two spaces or more apart
    end = std::min({end, run, line.size()});
    std::u32string cell = foldForMatching(line.substr(begin, end - begin));
    if (cell.empty() || std::find(words.begin(), words.end(), cell) == words.end()) return false;
    any = true;
    i = end;
  }
  return any;
}

// A table of this template (a model built with another template is not read).
bool known(const Template& t, const Table& table) {
  return table.templateTable >= 0 && static_cast<std::size_t>(table.templateTable) < t.tables.size();
}

// The table the cursor line belongs to (the one starting last, where PDF
// tables overlap), or that it follows with only blank lines between.
TableSpot tableAt(const Template& t, const SourceText& text, const ReportModel& model, std::size_t line) {
  TableSpot spot;
  std::size_t innermost = 0;
  for (const auto& table : model.tables) {
    if (!known(t, table) || line > table.lastLine) continue;
    std::size_t begin = tableBegin(text, table);
    if (line >= begin && (!spot.table || begin >= innermost)) {
      spot = {&table, true};
      innermost = begin;
    }
  }
  if (spot.table) return spot;
  for (const auto& table : model.tables) {
    if (!known(t, table) || table.lastLine >= line) continue;
    const TemplateTable& tt = t.tables[static_cast<std::size_t>(table.templateTable)];
    bool adjacent = true;
    for (std::size_t l = table.lastLine + 1; l < line && adjacent; ++l)
      adjacent = structuralLine(text.lineText(l)) || headerLine(tt, text.lineText(l));
    if (adjacent) return {&table, false};
  }
  return {};
}

// Whether the line already holds part of the table (its caption, a header, a
// row with numbers): the user is editing that, not adding a row.
bool holdsTablePart(const SourceText& text, const Table& table, std::size_t line) {
  if (table.title && onLine(text, *table.title, line)) return true;
  for (const auto& h : table.headers)
    if (onLine(text, h.cell, line)) return true;
  for (const auto& row : table.rows)
    if (!row.values.empty() && rowHasCellOn(text, row, line)) return true;
  return false;
}

// The layout a new table is written in: pipes where the document has pipe
// tables, tab rows otherwise (one cell per line and PDF spacing are what
// copying produced, not what anyone types).
RowLayout newTableLayout(const ReportModel& model, bool* pipeLeading) {
  for (const auto& table : model.tables)
    if (table.layout == RowLayout::Pipes) {
      *pipeLeading = table.pipeLeading;
      return RowLayout::Pipes;
    }
  *pipeLeading = true;
  return RowLayout::Tabs;
}

// ---------------------------------------------------------------------------
// Candidates

// Words in Chinese and in pinyin, then the label. Editors match the typed
// text at the start of a word of the filter text (VS Code needs the first
// letter there), so the words stand alone as well as inside the label,
// where an enumerator (二、, （一）, 1.) precedes them.
std::string filterTextOf(const std::string& label, const std::string& words) {
  std::string out = pinyinFilterText(words) + " " + label;
  if (words != label) out += " " + words;
  return out;
}

// A label without its enumerator: what a person calls the row.
std::string wordsOf(const std::string& label) {
  std::string words = toUtf8(splitEnumerator(foldForMatching(label)).words);
  return words.empty() ? label : words;
}

struct Insertion {
  std::string text;
  std::vector<ByteRange> tabStops;
};

// Text that opens a row ("| ", a tab) may already be typed before the word:
// it is not written twice, and whatever else was typed there stands in for
// the row's own opening.
Insertion afterLead(FormattedRows rows, std::string_view eol, std::string_view lead) {
  if (rows.text.ends_with(eol)) rows.text.resize(rows.text.size() - eol.size());  // the line's own break follows
  std::size_t drop = 0;
  if (std::string_view(rows.text).starts_with(lead)) {
    drop = lead.size();
  } else if (!lead.empty()) {
    drop = rows.text.find_first_not_of(" \t|");
    if (drop == std::string::npos) drop = rows.text.size();
  }
  Insertion out{rows.text.substr(drop), {}};
  for (const auto& z : rows.zeros)
    if (z.begin >= drop && z.end <= rows.text.size()) out.tabStops.push_back({z.begin - drop, z.end - drop});
  return out;
}

CompletionCandidate candidate(Kind kind, std::string label, std::string detail, const std::string& words,
                              ByteRange replace, Insertion insertion) {
  CompletionCandidate c;
  c.kind = kind;
  c.filterText = filterTextOf(label, words);
  c.label = std::move(label);
  c.detail = std::move(detail);
  c.replace = replace;
  c.insertText = std::move(insertion.text);
  c.tabStops = std::move(insertion.tabStops);
  return c;
}

// The ones after `last` in template order first (what comes next at the
// cursor), then the earlier ones that are missing too.
template <typename T>
std::vector<T> nextFirst(const std::vector<std::pair<int, T>>& missing, int last) {
  std::vector<T> out;
  for (const auto& [index, item] : missing)
    if (index > last) out.push_back(item);
  for (const auto& [index, item] : missing)
    if (index <= last) out.push_back(item);
  return out;
}

// ---- Rows

class RowCandidates {
 public:
  RowCandidates(const Template& t, const SourceText& text, const ReportModel& model, const Table& table,
                const Cursor& cursor)
      : text_(text),
        model_(model),
        table_(table),
        t_(t.tables[static_cast<std::size_t>(table.templateTable)]),
        cursor_(cursor) {
    // A row on the cursor line is the one being typed: not there yet.
    for (const auto& row : table.rows)
      if (row.templateRow >= 0 && static_cast<std::size_t>(row.templateRow) < t_.rows.size() &&
          !rowHasCellOn(text, row, cursor.line))
        present_.emplace(row.templateRow, &row);  // emplace keeps the first
  }

  void add(const Typed& typed, std::vector<CompletionCandidate>& out) const {
    int last = -1;
    for (const auto& [index, row] : present_)
      if (row->lastLine < cursor_.line) last = std::max(last, index);
    std::vector<std::pair<int, int>> missing;
    for (std::size_t r = 0; r < t_.rows.size(); ++r) {
      const TemplateRow& row = t_.rows[r];
      int index = static_cast<int>(r);
      // A table's label-only group names carry no numbers; its unlabeled row
      // is its only row, so the table is missing, not the row.
      if (row.labelOnly || row.unlabeled || present_.count(index)) continue;
      missing.push_back({index, index});
    }
    std::string eol(text_.dominantLineBreak());
    for (int r : nextFirst(missing, last)) {
      const TemplateRow& row = t_.rows[static_cast<std::size_t>(r)];
      NewRow n{groupLabelFor(row), row.label, t_.columns.size()};
      const TableRow* prototype = prototypeFor(r);
      Insertion insertion =
          prototype ? afterLead(formatRowsMarkingZeros(table_, *prototype, {n}, eol), eol, typed.lead)
                    : afterLead(formatRowsMarkingZeros(fallbackShape(), fallbackRow(), {n}, eol), eol, typed.lead);
      std::string detail = t_.name;
      if (const TemplateRow* group = t_.row(row.group)) detail += " " + group->label;
      out.push_back(candidate(Kind::TableRow, row.label, detail, wordsOf(row.label), typed.word, insertion));
    }
  }

 private:
  // The first row of a group carries the group's name in a cell before its
  // label (seed 002, excerpt 08) unless the table has that name already.
  std::string groupLabelFor(const TemplateRow& row) const {
    const TemplateRow* group = t_.row(row.group);
    if (!group || !group->labelOnly) return "";
    auto siblings = t_.children(row.group);
    if (siblings.empty() || siblings.front() != &row) return "";
    if (present_.count(t_.rowIndex(group->id))) return "";
    // Written beside another row, or on a line of its own (PDF text, one
    // cell per line), the name is there already.
    std::u32string folded = foldForMatching(group->label);
    for (const auto& r : table_.rows)
      for (const auto& c : r.contextCells)
        if (foldForMatching(c.text) == folded) return "";
    for (std::size_t line = table_.firstLine; line <= table_.lastLine; ++line) {
      std::string_view s = text_.lineText(line);
      s.remove_prefix(std::min(s.size(), s.find_first_not_of(" \t|")));
      if (foldForMatching(s).starts_with(folded)) return "";
    }
    return group->label;
  }

  // Spacing is copied from a neighbour in template order, one of the same
  // group if there is one, as the row-missing fix does.
  const TableRow* prototypeFor(int r) const {
    const TableRow* before = nullptr;
    const TableRow* after = nullptr;
    for (const auto& [index, row] : present_) {
      if (index < r) before = row;
      if (index > r && !after) after = row;
    }
    const std::string& group = t_.rows[static_cast<std::size_t>(r)].group;
    for (const TableRow* candidate : {before, after})
      if (candidate && t_.rows[static_cast<std::size_t>(candidate->templateRow)].group == group) return candidate;
    return before ? before : after;
  }

  // A table with a caption and no rows yet is written like the nearest
  // table that has rows (one cell per line, pipes …), or as new tables are.
  const Table& fallbackShape() const {
    const Table* nearest = nullptr;
    auto distance = [&](const Table& o) {
      return o.firstLine > table_.firstLine ? o.firstLine - table_.firstLine : table_.firstLine - o.firstLine;
    };
    for (const auto& other : model_.tables)
      if (!other.rows.empty() && (!nearest || distance(other) < distance(*nearest))) nearest = &other;
    if (nearest) return *nearest;
    if (!newShape_) {
      newShape_.emplace();
      newShape_->layout = newTableLayout(model_, &newShape_->pipeLeading);
    }
    return *newShape_;
  }
  TableRow fallbackRow() const {
    TableRow row;
    row.layout = fallbackShape().layout;
    return row;
  }

  const SourceText& text_;
  const ReportModel& model_;
  const Table& table_;
  const TemplateTable& t_;
  const Cursor& cursor_;
  std::map<int, const TableRow*> present_;
  mutable std::optional<Table> newShape_;
};

// ---- Whole tables

void addSkeletons(const Template& t, const SourceText& text, const ReportModel& model, const Cursor& cursor,
                  const Typed& typed, std::vector<CompletionCandidate>& out) {
  int part = partAt(model, cursor.line);
  if (part < 0 || !onlySpaces(typed.lead)) return;
  int last = -1;
  for (const auto& table : model.tables)
    if (table.templateTable >= 0 && table.lastLine < cursor.line) last = std::max(last, table.templateTable);
  std::vector<std::pair<int, int>> missing;
  for (std::size_t ti = 0; ti < t.tables.size(); ++ti) {
    int index = static_cast<int>(ti);
    if (t.partIndex(t.tables[ti].part) != part) continue;
    bool present = std::any_of(model.tables.begin(), model.tables.end(),
                               [&](const Table& table) { return table.templateTable == index; });
    if (!present) missing.push_back({index, index});
  }
  bool pipeLeading = true;
  RowLayout layout = newTableLayout(model, &pipeLeading);
  std::string eol(text.dominantLineBreak());
  for (int ti : nextFirst(missing, last)) {
    const TemplateTable& tt = t.tables[static_cast<std::size_t>(ti)];
    Insertion insertion = afterLead(tableSkeleton(tt, layout, pipeLeading, eol), eol, typed.lead);
    out.push_back(candidate(Kind::TableSkeleton, tt.name, t.message("table-missing", {{"table", tt.name}}), tt.name,
                            typed.word, insertion));
  }
}

// ---- Headings

// How the document dresses a kind of heading: "## " before, "**" after.
struct Dress {
  std::string markup;
  std::string closing;
};

std::string withoutSpaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t from = i;
    if (!isSpace(nextCodePoint(s, i))) out += s.substr(from, i - from);
  }
  return out;
}

std::string dressed(const Dress& d, std::string_view lead, const std::string& heading) {
  if (onlySpaces(lead)) {
    // Indentation typed already; the markup goes after it.
    std::string_view markup = d.markup;
    if (!lead.empty())
      while (!markup.empty() && (markup.front() == ' ' || markup.front() == '\t')) markup.remove_prefix(1);
    return std::string(markup) + heading + d.closing;
  }
  // Markup typed already: not written again. "##" still needs its space.
  std::string out = lead.back() == '#' ? " " : "";
  out += heading;
  if (withoutSpaces(lead) == withoutSpaces(d.markup)) out += d.closing;
  return out;
}

// A new heading is dressed like the nearest existing one of its kind.
Dress partDress(const ReportModel& model, int part, std::size_t cursorLine) {
  const PartHeading* nearest = nullptr;
  for (const auto& h : model.parts)
    if (h.line != cursorLine && (!nearest || std::abs(h.part - part) < std::abs(nearest->part - part))) nearest = &h;
  return nearest ? Dress{nearest->markup, nearest->closingMarkup} : Dress{};
}

struct TopicStyle {
  Dress dress;
  std::string open = "（", close = "）";
};

bool isChineseNumeral(UChar32 c) {
  return std::u32string_view(U"一二三四五六七八九十").find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

TopicStyle topicStyle(const SourceText& text, const ReportModel& model, int topic, std::size_t cursorLine) {
  TopicStyle style;
  const TopicHeading* nearest = nullptr;
  for (const auto& h : model.topics)
    if (h.line != cursorLine && (!nearest || std::abs(h.topic - topic) < std::abs(nearest->topic - topic)))
      nearest = &h;
  if (!nearest) return style;
  std::string_view line = text.lineText(nearest->line);
  std::size_t begin = nearest->range.begin - text.lineStart(nearest->line);
  std::size_t end = nearest->range.end - text.lineStart(nearest->line);
  style.dress.markup = std::string(line.substr(0, begin));
  std::string_view rest = line.substr(end);
  if (rest.find_first_not_of("* #") == std::string_view::npos) style.dress.closing = std::string(rest);
  // The brackets as written: （一） or (一).
  std::size_t i = begin;
  nextCodePoint(line, i);
  std::string open(line.substr(begin, i - begin));
  std::size_t j = i;
  while (j < line.size()) {
    std::size_t k = j;
    if (!isChineseNumeral(nextCodePoint(line, k))) break;
    j = k;
  }
  std::size_t k = j;
  nextCodePoint(line, k);
  std::string close(line.substr(j, k - j));
  if ((open == "(" || open == "（") && (close == ")" || close == "）")) {
    style.open = open;
    style.close = close;
  }
  return style;
}

void addHeadings(const Template& t, const SourceText& text, const ReportModel& model, const Cursor& cursor,
                 const Typed& typed, std::vector<CompletionCandidate>& out) {
  // Parts and topics in template order: 一, （一）…（五）, 二, … 六.
  struct Slot {
    int part;
    int topic;  // -1 for the part's own heading
  };
  int topicsPart = t.partIndex(t.topicsPart);
  std::vector<Slot> slots;
  for (std::size_t p = 0; p < t.parts.size(); ++p) {
    slots.push_back({static_cast<int>(p), -1});
    if (static_cast<int>(p) == topicsPart)
      for (std::size_t k = 0; k < t.topics.size(); ++k) slots.push_back({topicsPart, static_cast<int>(k)});
  }
  // A heading on the cursor line is the one being typed: not there yet.
  auto lines = [&](const Slot& s) {
    std::vector<std::size_t> out;
    if (s.topic < 0) {
      for (const auto& h : model.parts)
        if (h.part == s.part && h.line != cursor.line) out.push_back(h.line);
    } else {
      for (const auto& h : model.topics)
        if (h.topic == s.topic && h.line != cursor.line) out.push_back(h.line);
    }
    return out;
  };
  bool inTopicsPart = topicsPart >= 0 && partAt(model, cursor.line) == topicsPart;
  int last = -1;
  std::vector<std::pair<int, Slot>> missing;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    auto found = lines(slots[i]);
    if (std::any_of(found.begin(), found.end(), [&](std::size_t l) { return l < cursor.line; }))
      last = static_cast<int>(i);
    if (found.empty() && (slots[i].topic < 0 || inTopicsPart)) missing.push_back({static_cast<int>(i), slots[i]});
  }
  for (const Slot& s : nextFirst(missing, last)) {
    if (s.topic < 0) {
      const TemplatePart& tp = t.parts[static_cast<std::size_t>(s.part)];
      Insertion insertion{dressed(partDress(model, s.part, cursor.line), typed.lead, tp.heading()), {}};
      out.push_back(candidate(Kind::PartHeading, tp.heading(),
                              t.message("section-missing", {{"numeral", tp.numeral}, {"title", tp.title}}), tp.title,
                              typed.word, insertion));
    } else {
      const TemplateTopic& topic = t.topics[static_cast<std::size_t>(s.topic)];
      TopicStyle style = topicStyle(text, model, s.topic, cursor.line);
      std::string heading = style.open + topic.numeral + style.close + topic.title;
      Insertion insertion{dressed(style.dress, typed.lead, heading), {}};
      out.push_back(candidate(Kind::TopicHeading, heading,
                              t.message("topic-missing", {{"numeral", topic.numeral}, {"title", topic.title}}),
                              topic.title, typed.word, insertion));
    }
  }
}

}  // namespace

std::vector<CompletionCandidate> completeAt(const Template& t, const SourceText& text, const ReportModel& model,
                                            std::size_t offset) {
  std::vector<CompletionCandidate> out;
  if (!model.isReport) return out;
  std::optional<Cursor> cursor = cursorAt(text, offset);
  if (!cursor) return out;
  TableSpot spot = tableAt(t, text, model, cursor->line);
  if (spot.table && !holdsTablePart(text, *spot.table, cursor->line))
    if (auto typed = typedWord(*cursor, isRowOpening))
      RowCandidates(t, text, model, *spot.table, *cursor).add(*typed, out);
  // Inside a table only its rows fit; below it, what follows it too.
  if (!spot.inside) {
    if (auto typed = typedWord(*cursor, isRowOpening)) addSkeletons(t, text, model, *cursor, *typed, out);
    if (auto typed = typedWord(*cursor, isHeadingMarkup)) addHeadings(t, text, model, *cursor, *typed, out);
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].rank = static_cast<int>(i);
    out[i].preselect = i == 0;
  }
  return out;
}

}  // namespace nianbao
