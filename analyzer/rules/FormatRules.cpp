// obsolete-format: what a report kept from the format before the template's
// (the 2019 one, 国办公开办函〔2019〕60号), named in the template's
// `obsolete_format`: its captions and labels, its document number cited as
// the report's basis, and groups it wrote as one row of numbers.
#include <algorithm>
#include <map>

#include "parse/LineCells.h"
#include "rules/RuleContext.h"
#include "text/Fold.h"

namespace nianbao {
namespace {

// Document numbers bracket the year as 〔2019〕, [2019], 【2019】 or (2019)
// at random: all compare as [2019].
char32_t foldBracket(char32_t c) {
  switch (c) {
    case U'(': case U'[': case U'〔': case U'【': case U'〖': case U'〘':
      return U'[';
    case U')': case U']': case U'〕': case U'】': case U'〗': case U'〙':
      return U']';
    default:
      return c;
  }
}

std::u32string fold(std::string_view s) {
  std::u32string f = foldForMatching(s);
  std::transform(f.begin(), f.end(), f.begin(), foldBracket);
  return f;
}

// `text` folded a code point at a time, each folded character remembering
// the bytes it came from, so that a match found folded is a range as written.
struct FoldedSpan {
  std::u32string chars;
  std::vector<ByteRange> from;
  ByteRange range(std::size_t at, std::size_t length) const { return {from[at].begin, from[at + length - 1].end}; }
};

FoldedSpan foldWithOffsets(std::string_view text, std::size_t offset) {
  FoldedSpan out;
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    n = std::min(n, text.size() - i);
    for (char32_t c : fold(text.substr(i, n))) {
      out.chars.push_back(c);
      out.from.push_back({offset + i, offset + i + n});
    }
    i += n;
  }
  return out;
}

// The first run of digits of a folded citation (its year), as written in
// ASCII and in full-width digits; empty if it has none.
std::pair<std::string, std::string> firstDigits(std::u32string_view folded) {
  std::string half, full;
  for (char32_t c : folded) {
    if (c >= U'0' && c <= U'9') {
      half += static_cast<char>(c);
      full += toUtf8(std::u32string(1, c - U'0' + U'０'));
    } else if (!half.empty()) {
      break;
    }
  }
  return {half, full};
}

bool hasValues(const TableRow& row) {
  return std::any_of(row.values.begin(), row.values.end(),
                     [](const ValueCell& v) { return v.state != CellState::Blank; });
}

class FormatChecker {
 public:
  FormatChecker(const RuleContext& ctx, const TemplateObsoleteFormat& of) : ctx_(ctx), of_(of) {}

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
    struct Wanted {
      std::u32string words;
      std::string ideograph;  // its last CJK ideograph, as written (folding keeps them)
      const TemplateObsoleteLabel* label;
    };
    std::vector<Wanted> wanted;
    std::size_t longest = 0;
    for (const auto& l : of_.labels) {
      std::u32string words = fold(l.text);
      auto last = std::find_if(words.rbegin(), words.rend(), [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; });
      wanted.push_back({words, last == words.rend() ? "" : toUtf8(std::u32string(1, *last)), &l});
      longest = std::max(longest, l.text.size());
    }
    std::size_t nextLine = 0;
    for (const Table& table : ctx_.model.tables) {
      for (std::size_t line = std::max(nextLine, table.firstLine); line <= table.lastLine; ++line) {
        // Most lines and cells are numbers and 2021 labels: look for a
        // character of the old words before splitting and folding.
        auto candidate = [&](std::string_view text) {
          return std::any_of(wanted.begin(), wanted.end(),
                             [&](const Wanted& w) { return text.find(w.ideograph) != std::string_view::npos; });
        };
        std::string_view lineText = ctx_.text.lineText(line);
        if (!candidate(lineText)) continue;
        LineCells lc = splitLine(lineText, ctx_.text.lineStart(line));
        for (const Cell& cell : lc.cells) {
          // A label with a unit after it, 采购总金额（万元）, and no more: prose is no cell.
          if (cell.text.empty() || cell.text.size() > 2 * longest || !candidate(cell.text)) continue;
          std::u32string f = fold(cell.text);
          for (const auto& [words, ideograph, label] : wanted) {
            bool whole = f == words;
            if (!whole && !(f.size() > words.size() && f.compare(0, words.size(), words) == 0 && f[words.size()] == U'['))
              continue;
            ByteRange range = whole ? cell.range : foldWithOffsets(cell.text, cell.range.begin).range(0, words.size());
            reportLabel(*label, range, cell.range, line);
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

  // The basis a report names is in its preamble or opening paragraph: read
  // up to the first table or the second part, 64 KB at most.
  void citations() {
    if (of_.citations.empty()) return;
    std::size_t end = ctx_.text.lineCount();
    for (const Table& t : ctx_.model.tables) end = std::min(end, t.firstLine);
    for (const PartHeading& h : ctx_.model.parts)
      if (h.part > 0) end = std::min(end, h.line);
    constexpr std::size_t kMaxBytes = 64 * 1024;
    std::vector<std::u32string> wanted;
    std::vector<std::pair<std::string, std::string>> years;  // each citation's digits, half- and full-width
    for (const auto& c : of_.citations) {
      wanted.push_back(fold(c));
      years.push_back(firstDigits(wanted.back()));
    }
    for (std::size_t line = 0; line < end && ctx_.text.lineStart(line) < kMaxBytes; ++line) {
      std::string_view s = ctx_.text.lineText(line);
      for (std::size_t i = 0; i < wanted.size(); ++i) {
        const std::u32string& w = wanted[i];
        // Folding a paragraph costs far more than looking for its year.
        const auto& [half, full] = years[i];
        if (w.empty() || (s.find(half) == std::string_view::npos && s.find(full) == std::string_view::npos)) continue;
        if (fold(s).find(w) == std::u32string::npos) continue;
        FoldedSpan span = foldWithOffsets(s, ctx_.text.lineStart(line));
        for (std::size_t at = span.chars.find(w); at != std::u32string::npos; at = span.chars.find(w, at + w.size())) {
          ByteRange range = span.range(at, w.size());
          std::string actual = ctx_.text.slice(range);
          report(range, range, ctx_.tmpl.message("obsolete-citation", {{"actual", actual}}, ctx_.locale));
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
      std::vector<const TemplateRow*> children = tt->children(ref.row);
      for (const Table& table : ctx_.model.tables) {
        if (table.templateTable != tableIndex) continue;
        std::map<int, const TableRow*> present = firstRowsByTemplateRow(table);
        auto it = present.find(group);
        if (it == present.end() || !hasValues(*it->second) || it->second->labelRange.empty()) continue;
        bool split = std::any_of(children.begin(), children.end(),
                                 [&](const TemplateRow* c) { return present.count(tt->rowIndex(c->id)) > 0; });
        if (split) continue;
        std::vector<std::string> names;
        for (const TemplateRow* c : children) names.push_back(c->label);
        const TableRow& row = *it->second;
        report(row.labelRange, row.labelRange,
               ctx_.tmpl.message("obsolete-collapsed", {{"group", row.label},
                                                        {"count", std::to_string(children.size())},
                                                        {"rows", list(names)}}, ctx_.locale));
      }
    }
  }

  std::string list(const std::vector<std::string>& names) const {
    std::string separator = ctx_.tmpl.message("hover-list-separator", {}, ctx_.locale);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? separator : "") + names[i];
    return out;
  }

  void report(ByteRange range, ByteRange claimed, std::string message) {
    // No fix (the numbers under a 2019 column mean something else), and the
    // overload without one: GCC 12 warns about its defaulted std::optional here.
    ctx_.report("obsolete-format", Severity::Warning, range, std::move(message), std::vector<RelatedLocation>{});
    claimed_.push_back(claimed);
  }

  const RuleContext& ctx_;
  const TemplateObsoleteFormat& of_;
  std::vector<ByteRange> claimed_;
};

}  // namespace

void checkFormat(const RuleContext& ctx) {
  if (ctx.tmpl.obsoleteFormat) FormatChecker(ctx, *ctx.tmpl.obsoleteFormat).run();
}

}  // namespace nianbao
