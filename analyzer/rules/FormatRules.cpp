// obsolete-format: what a report kept from the format before the template's
// (the 2019 one, 国办公开办函〔2019〕60号), named in the template's
// `obsolete_format`: its captions and labels, its document number cited as
// the report's basis, and groups it wrote as one row of numbers.
#include <algorithm>
#include <optional>

#include "parse/LineCells.h"
#include "rules/RowLayout.h"
#include "rules/ObsoleteWords.h"
#include "rules/RuleContext.h"

namespace nianbao {
namespace {

class FormatChecker {
 public:
  FormatChecker(const RuleContext& ctx, const TemplateObsoleteFormat& of)
      : ctx_(ctx), of_(of), words_(obsoleteWords(of)) {}

  void run() {
    labels();
    citations();
    collapsedGroups();
    // One finding per cell, naming the real cause: the structural finding
    // there (a 2019 column read as a misspelt 2021 one, its extra row as
    // unknown, its single （六） row as missing rows) goes.
    std::erase_if(ctx_.findings, [&](const Finding& f) {
      return (f.code == "label-mismatch" || f.code == "row-unknown" || f.code == "row-missing") &&
             std::find(claimed_.begin(), claimed_.end(), f.range) != claimed_.end();
    });
  }

 private:
  // Captions, headers and row labels in the old wording, in any cell of the
  // tables' lines: the old format's own tables (第二十条第（九）项) are no
  // tables of this template and leave no header or row in the model.
  void labels() {
    const std::vector<std::u32string>& wanted = words_.labels;
    std::size_t nextLine = 0;
    for (const Table& table : ctx_.model.tables) {
      for (std::size_t line = std::max(nextLine, table.firstLine); line <= table.lastLine; ++line) {
        std::string_view lineText = ctx_.text.lineText(line);
        if (!words_.labelSieve.mayHold(lineText)) continue;
        LineCells lc = splitLine(lineText, ctx_.text.lineStart(line));
        for (const Cell& cell : lc.cells) {
          // A label with a unit after it, 采购总金额（万元）, and no more: prose is no cell.
          if (cell.text.empty() || cell.text.size() > 2 * words_.longestLabel || !words_.labelSieve.mayHold(cell.text))
            continue;
          std::u32string f = foldObsolete(cell.text);
          for (std::size_t i = 0; i < wanted.size(); ++i) {
            const std::u32string& w = wanted[i];
            bool whole = f == w;
            if (!whole && !(f.size() > w.size() && f.compare(0, w.size(), w) == 0 && f[w.size()] == U'[')) continue;
            ByteRange range = whole ? cell.range : foldWithOffsets(cell.text, cell.range.begin).range(0, w.size());
            reportLabel(of_.labels[i], range, cell.range, line);
            break;
          }
        }
      }
      nextLine = std::max(nextLine, table.lastLine + 1);
    }
  }

  void reportLabel(const TemplateObsoleteLabel& label, ByteRange range, ByteRange cell, std::size_t line) {
    std::string actual = ctx_.text.slice(range);
    const TemplateTable* in = label.kind == TemplateObsoleteLabel::Kind::Dropped ? nullptr : tableAt(line);
    if (!in) {
      report(range, cell, ctx_.tmpl.message("obsolete-label", {{"actual", actual}}, ctx_.locale));
      return;
    }
    bool column = label.kind == TemplateObsoleteLabel::Kind::Column;
    std::vector<std::string> names;
    if (column)
      for (const auto& c : in->columns) names.push_back(c.label);
    else
      for (const TemplateRow* r : in->numberRows()) names.push_back(r->label);
    report(range, cell,
           ctx_.tmpl.message(column ? "obsolete-column" : "obsolete-row",
                             {{"actual", actual}, {"table", in->name}, {"expected", list(names)}}, ctx_.locale));
  }

  // The template table whose lines hold `line`: where a 2019 column or row
  // stands, and so what the 2021 format has there instead.
  const TemplateTable* tableAt(std::size_t line) const {
    for (const Table& t : ctx_.model.tables)
      if (t.templateTable >= 0 && t.firstLine <= line && line <= t.lastLine)
        return &ctx_.tmpl.tables[static_cast<std::size_t>(t.templateTable)];
    return nullptr;
  }

  // The basis a report names is in its preamble or its opening paragraph:
  // read up to the first table, topic or second part, 16 KB at most.
  void citations() {
    if (of_.citations.empty()) return;
    const SourceText& text = ctx_.text;
    std::size_t end = text.lineCount();
    for (const Table& t : ctx_.model.tables) end = std::min(end, t.firstLine);
    for (const TopicHeading& t : ctx_.model.topics) end = std::min(end, t.line);
    for (const PartHeading& h : ctx_.model.parts)
      if (h.part > 0) end = std::min(end, h.line);
    constexpr std::size_t kMaxBytes = 16 * 1024;
    std::size_t endByte = std::min(end < text.lineCount() ? text.lineStart(end) : text.size(), kMaxBytes);
    const std::vector<std::string>& years = words_.citationYears;
    bool everyLine = years.empty();
    // Folding a paragraph costs far more than looking for a year in its bytes.
    std::vector<std::size_t> lines;
    if (everyLine)
      for (std::size_t l = 0; l < end && text.lineStart(l) < endByte; ++l) lines.push_back(l);
    for (std::size_t c = 0; !everyLine && c < text.chunkCount() && text.chunkStart(c) < endByte; ++c) {
      std::string_view bytes = text.chunk(c).bytes;
      std::size_t start = text.chunkStart(c);
      for (const std::string& year : years)
        for (std::size_t at = bytes.find(year); at != std::string_view::npos && start + at < endByte;
             at = bytes.find(year, at + 1))
          lines.push_back(text.lineOf(start + at));
    }
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    for (std::size_t line : lines) {
      if (line >= end) break;
      std::string_view s = text.lineText(line);
      std::u32string folded = foldObsolete(s);
      for (const std::u32string& w : words_.citations) {
        if (folded.find(w) == std::u32string::npos) continue;
        FoldedSpan span = foldWithOffsets(s, text.lineStart(line));
        for (std::size_t at = span.chars.find(w); at != std::u32string::npos; at = span.chars.find(w, at + w.size())) {
          ByteRange range = span.range(at, w.size());
          report(range, range, ctx_.tmpl.message("obsolete-citation", {{"actual", text.slice(range)}}, ctx_.locale));
        }
      }
    }
  }

  // A group the old format wrote as one row of numbers, its sub-rows absent.
  // Its numbers still count for the group in the sums (RelationChecks).
  void collapsedGroups() {
    for (const TemplateRowRef& ref : of_.collapsedGroups) {
      const TemplateTable* tt = ctx_.tmpl.table(ref.table);
      if (!tt) continue;
      int tableIndex = static_cast<int>(tt - ctx_.tmpl.tables.data());
      int group = tt->rowIndex(ref.row);
      for (const Table& table : ctx_.model.tables) {
        if (table.templateTable != tableIndex) continue;
        auto row = std::find_if(table.rows.begin(), table.rows.end(),
                                [&](const TableRow& r) { return r.templateRow == group; });
        if (row == table.rows.end() || !hasValues(*row) || row->labelRange.empty()) continue;
        bool split = std::any_of(table.rows.begin(), table.rows.end(), [&](const TableRow& r) {
          return r.templateRow >= 0 && tt->rows[static_cast<std::size_t>(r.templateRow)].group == ref.row;
        });
        if (split) continue;
        std::vector<std::string> names;
        for (const TemplateRow* c : tt->children(ref.row)) names.push_back(c->label);
        report(row->labelRange, row->labelRange,
               ctx_.tmpl.message("obsolete-collapsed", {{"group", row->label},
                                                        {"count", std::to_string(names.size())},
                                                        {"rows", list(names)}}, ctx_.locale),
               splitZeros(table, *tt, *row));
      }
    }
  }

  std::string list(const std::vector<std::string>& names) const {
    std::string separator = ctx_.tmpl.message("hover-list-separator", {}, ctx_.locale);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? separator : "") + names[i];
    return out;
  }

  // A collapsed group of zeros splits into sub-rows of zeros, written the
  // way the table writes its other sub-rows; a group with numbers needs the
  // writer to say where they belong.
  std::optional<Fix> splitZeros(const Table& table, const TemplateTable& tt, const TableRow& row) const {
    bool zeros = !row.values.empty() && std::all_of(row.values.begin(), row.values.end(), [](const ValueCell& v) {
      return v.state == CellState::Number && v.value && v.value->tenThousandths == 0;
    });
    auto subRow = std::find_if(table.rows.begin(), table.rows.end(), [&](const TableRow& r) {
      return r.templateRow >= 0 && !tt.rows[static_cast<std::size_t>(r.templateRow)].group.empty();
    });
    if (!zeros || subRow == table.rows.end()) return std::nullopt;
    const TemplateRow& group = tt.rows[static_cast<std::size_t>(row.templateRow)];
    std::vector<NewRow> rows;
    for (const TemplateRow* c : tt.children(group.id))
      rows.push_back({rows.empty() ? group.label : "", c->label, tt.columns.size()});
    std::string eol(ctx_.text.dominantLineBreak());
    std::string text = formatRows(table, *subRow, rows, eol);
    text.resize(text.size() - eol.size());
    ByteRange lines{ctx_.text.lineStart(row.firstLine), ctx_.text.lineEnd(row.lastLine)};
    return Fix{ctx_.tmpl.message("fix-split-group", {{"group", group.label}}, ctx_.locale), {{lines, std::move(text)}}};
  }

  void report(ByteRange range, ByteRange claimed, std::string message, std::optional<Fix> fix = std::nullopt) {
    // Fixes only where nothing is lost: the numbers under a 2019 column mean
    // something else, so a label is not renamed.
    if (fix) ctx_.report("obsolete-format", Severity::Warning, range, std::move(message), std::move(fix));
    // The overload without a fix: GCC 12 warns about a defaulted std::optional here.
    else ctx_.report("obsolete-format", Severity::Warning, range, std::move(message), std::vector<RelatedLocation>{});
    claimed_.push_back(claimed);
  }

  const RuleContext& ctx_;
  const TemplateObsoleteFormat& of_;
  const ObsoleteWords& words_;
  std::vector<ByteRange> claimed_;
};

}  // namespace

void checkFormat(const RuleContext& ctx) {
  if (ctx.tmpl.obsoleteFormat) FormatChecker(ctx, *ctx.tmpl.obsoleteFormat).run();
}

}  // namespace nianbao
