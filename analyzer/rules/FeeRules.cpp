// fee-conflict: what the prose says of fees against part 二's 行政事业性收费,
// which is every fee the body charged. The 信息处理费 is one of those fees,
// so a 信息处理费 above the cell contradicts it, and so does a sentence saying
// nothing at all was charged beside a cell above zero. A 信息处理费 of 0 元
// beside thousands of 万元 does not: the other fees make up the rest.
#include <cstdint>
#include <map>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "parse/JoinedText.h"
#include "parse/LineCells.h"
#include "rules/RuleContext.h"
#include "text/Digits.h"

namespace nianbao {
namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t kMaxBytes = 64 * 1024;  // of each part read: a keystroke must not read megabytes

constexpr std::string_view kSentenceEnds[] = {"\n", "。", "；", "！", "？", ";", "!", "?"};

bool startsWith(std::string_view s, std::size_t at, std::string_view w) { return s.substr(at, w.size()) == w; }

std::size_t endAt(std::string_view s, std::size_t at, bool clause) {
  // Every end is \n ; ! ? , or starts with E3 (。) or EF (；！？，): most bytes are none.
  unsigned char c = static_cast<unsigned char>(s[at]);
  if (c != '\n' && c != ';' && c != '!' && c != '?' && c != ',' && c != 0xE3 && c != 0xEF) return 0;
  for (auto e : kSentenceEnds)
    if (startsWith(s, at, e)) return e.size();
  if (!clause) return 0;
  if (startsWith(s, at, "，")) return 3;
  int digit = 0;
  // A comma between digits is a thousands separator (3,940 元).
  if (s[at] == ',' && !(at > 0 && digitAt(s, at - 1, &digit) && digitAt(s, at + 1, &digit))) return 1;
  return 0;
}

// The pieces of s[begin, end) between sentence ends (or clause ends too).
template <class F>
void forEachPiece(std::string_view s, std::size_t begin, std::size_t end, bool clause, F f) {
  std::size_t from = begin;
  for (std::size_t p = begin; p < end;) {
    if (std::size_t n = endAt(s, p, clause)) {
      if (p > from) f(from, p);
      p += n;
      from = p;
    } else {
      ++p;
    }
  }
  if (from < end) f(from, end);
}

std::size_t firstOf(std::string_view s, std::size_t begin, std::size_t end, const std::vector<std::string>& words,
                    std::size_t* length = nullptr) {
  std::size_t best = npos;
  for (const auto& w : words) {
    std::size_t at = w.empty() ? npos : s.substr(0, end).find(w, begin);
    if (at != npos && (best == npos || at < best)) {
      best = at;
      if (length) *length = w.size();
    }
  }
  return best;
}

std::size_t wordAt(std::string_view s, std::size_t at, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (!w.empty() && startsWith(s, at, w)) return w.size();
  return 0;
}

std::size_t skipSpaces(std::string_view s, std::size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  return at;
}

// An amount of money: a number (3940, ３９４０, 0.5, 3,940) and its unit (元, 万元).
struct Amount {
  std::size_t begin = 0, end = 0;  // the number and its unit
  Number value;
  std::int64_t yuanPerUnit = 1;
};

// The number starting at `at` with the unit after it; *consumed is the
// number's length either way.
std::optional<Amount> amountAt(std::string_view s, std::size_t at, std::size_t end, const TemplateFees& fees,
                               std::size_t* consumed) {
  int digit = 0;
  std::size_t p = at;
  while (p < end) {
    if (std::size_t n = digitAt(s, p, &digit)) p += n;
    else if (std::size_t sep = s[p] == '.' || s[p] == ',' ? 1 : startsWith(s, p, "．") ? 3 : 0;
             sep && p > at && digitAt(s, p + sep, &digit))
      p += sep;
    else break;
  }
  *consumed = p - at;
  if (p == at) return std::nullopt;
  std::size_t q = skipSpaces(s, p), unitLength = 0;
  Amount a;
  for (const auto& [unit, yuan] : fees.units)
    if (unit.size() > unitLength && startsWith(s, q, unit)) unitLength = unit.size(), a.yuanPerUnit = yuan;
  std::optional<Number> value;
  if (!unitLength || classifyValue(s.substr(at, p - at), &value) != CellState::Number || !value) return std::nullopt;
  a.begin = at;
  a.end = q + unitLength;
  a.value = *value;
  return a;
}

// `n` units of `yuanPerUnit` yuan, in yuan; nothing if no report could mean it.
std::optional<Number> inYuan(Number n, std::int64_t yuanPerUnit) {
  if (n.tenThousandths > std::numeric_limits<std::int64_t>::max() / yuanPerUnit) return std::nullopt;
  return Number{n.tenThousandths * yuanPerUnit};
}

// Each amount of the 信息处理费 in the clause: the first after a fee word
// (收取信息处理费 3940 元), or one a fee word follows (收取 3940 元信息处理费).
template <class F>
void forEachFeeAmount(std::string_view s, std::size_t begin, std::size_t end, const TemplateFees& fees, F f) {
  if (firstOf(s, begin, end, fees.rateWords) != npos) return;  // 每件 100 元: a rate, not what was collected
  bool afterFeeWord = false;
  for (std::size_t p = begin; p < end;) {
    if (std::size_t n = wordAt(s, p, fees.feeWords)) {
      afterFeeWord = true;
      p += n;
      continue;
    }
    std::size_t consumed = 0;
    if (auto a = amountAt(s, p, end, fees, &consumed)) {
      std::size_t next = skipSpaces(s, a->end);
      if (startsWith(s, next, "的")) next += 3;
      if (afterFeeWord || wordAt(s, next, fees.feeWords)) f(*a);
      afterFeeWord = false;
      p = a->end;
    } else {
      p += consumed ? consumed : 1;
      while (p < end && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) ++p;
    }
  }
}

}  // namespace

void checkFees(const RuleContext& ctx) {
  if (!ctx.tmpl.fees) return;
  const TemplateFees& fees = *ctx.tmpl.fees;
  const ValueCell* cell = ctx.cell(fees.cell);
  if (!cell || cell->state != CellState::Number || !cell->value) return;
  const TemplateTable* table = ctx.tmpl.table(fees.cell.table);
  const TemplateRow* row = table->row(fees.cell.row);
  const std::string& unit = table->columns[static_cast<std::size_t>(table->columnIndex(fees.cell.column))].unit;
  auto yuanPerUnit = fees.units.find(unit);
  if (yuanPerUnit == fees.units.end()) return;
  std::optional<Number> cellYuan = inYuan(*cell->value, yuanPerUnit->second);
  if (!cellYuan) return;
  std::map<std::string, std::string> args{{"row", row->label}, {"table_value", cell->value->toString()}, {"unit", unit}};
  auto related = [&] {
    return std::vector<RelatedLocation>{{cell->cell.range, ctx.tmpl.message("fee-related", args, ctx.locale)}};
  };
  for (const auto& numeral : fees.parts) {
    // Part 一 speaks of fees in its topic on applications, if anywhere.
    auto topic = fees.topics.find(numeral);
    std::size_t first = 0, last = 0;
    if (!proseRegion(ctx.text, ctx.model, ctx.tmpl, numeral, topic == fees.topics.end() ? "" : topic->second, kMaxBytes,
                     &first, &last))
      continue;
    JoinedText j = joinProse(ctx.text, ctx.model, first, last);
    std::string_view s = j.bytes;
    // Most parts never speak of fees: one search each for the words, rather
    // than reading every sentence (a keystroke in part 一 reads it again).
    bool speaksOfFees = firstOf(s, 0, s.size(), fees.feeWords) != npos;
    bool saysNone = cell->value->tenThousandths > 0 && firstOf(s, 0, s.size(), fees.noneWords) != npos;
    if (!speaksOfFees && !saysNone) continue;
    std::size_t previous = 0;
    forEachPiece(s, 0, s.size(), /*clause=*/false, [&](std::size_t b, std::size_t e) {
      std::size_t length = 0, none = cell->value->tenThousandths > 0 ? firstOf(s, b, e, fees.noneWords, &length) : npos;
      // 依申请公开未收取任何费用 speaks of one kind of fee, not of all of them;
      // so does a sentence under a heading such as 收取信息处理费的情况：.
      if (none != npos && firstOf(s, previous, e, fees.scopeWords) == npos) {
        args["written"] = std::string(s.substr(none, length));
        ctx.report("fee-conflict", Severity::Warning, j.sourceRange(none, none + length),
                   ctx.tmpl.message("fee-none-collected", args, ctx.locale), related());
      }
      if (speaksOfFees && firstOf(s, b, e, fees.feeWords) != npos)
      forEachPiece(s, b, e, /*clause=*/true, [&](std::size_t cb, std::size_t ce) {
        forEachFeeAmount(s, cb, ce, fees, [&](const Amount& a) {
          std::optional<Number> stated = inYuan(a.value, a.yuanPerUnit);
          if (!stated || *stated <= *cellYuan) return;
          args["written"] = std::string(s.substr(a.begin, a.end - a.begin));
          ctx.report("fee-conflict", Severity::Warning, j.sourceRange(a.begin, a.end),
                     ctx.tmpl.message("fee-over-total", args, ctx.locale), related());
        });
      });
      previous = b;
    });
  }
}

}  // namespace nianbao
