#include "parse/ProseCounts.h"

#include "parse/JoinedText.h"
#include "text/Digits.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <unicode/rbnf.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace nianbao {
namespace {

constexpr std::size_t npos = std::string::npos;

bool startsWith(std::string_view s, std::size_t at, std::string_view word) {
  return at <= s.size() && s.substr(at, word.size()) == word;
}

// The clause delimiters, as UTF-8.
constexpr std::string_view kClauseEnds[] = {"\n", "，", "。", "；", "！", "？", "：", ",", ";", "!", "?", ":"};

std::size_t clauseEndAt(std::string_view s, std::size_t at) {
  for (auto d : kClauseEnds)
    if (startsWith(s, at, d)) return d.size();
  return 0;
}

constexpr std::string_view kOpenParens[] = {"（", "("};
constexpr std::string_view kChineseDigits[] = {"零", "〇", "一", "二", "两", "三", "四", "五", "六",
                                               "七", "八", "九", "十", "百", "千", "万"};

std::size_t chineseDigitAt(std::string_view s, std::size_t at) {
  for (auto d : kChineseDigits)
    if (startsWith(s, at, d)) return d.size();
  return 0;
}


std::size_t skipSpaces(std::string_view s, std::size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  return at;
}

std::size_t wordAt(std::string_view s, std::size_t at, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (!w.empty() && startsWith(s, at, w)) return w.size();
  return 0;
}

bool wordEndsAt(std::string_view s, std::size_t end, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (!w.empty() && end >= w.size() && s.substr(end - w.size(), w.size()) == w) return true;
  return false;
}

// A count: a number followed by a unit (件, 条 …).
struct CountToken {
  std::size_t begin = 0, end = 0;  // the number
  std::size_t after = 0;           // just past the unit
  std::int64_t value = 0;
  bool approximate = false;
};

std::optional<CountToken> countAt(std::string_view s, std::size_t at, std::size_t clauseEnd,
                                  const TemplateProseCounts& pc, std::size_t* consumed) {
  CountToken t;
  t.begin = at;
  std::size_t p = at;
  int digit = 0;
  if (std::size_t n = digitAt(s, p, &digit)) {
    std::int64_t v = 0;
    while (p < clauseEnd && (n = digitAt(s, p, &digit)) > 0) {
      if (v < (std::int64_t{1} << 50)) v = v * 10 + digit;
      p += n;
    }
    t.value = v;
  } else {
    while (p < clauseEnd) {
      std::size_t n = chineseDigitAt(s, p);
      if (!n) break;
      p += n;
    }
    if (p == at) return std::nullopt;
    t.value = chineseNumeralValue(s.substr(at, p - at));
    if (t.value < 0) {
      *consumed = p - at;
      return std::nullopt;
    }
  }
  t.end = p;
  *consumed = p - at;
  if (wordEndsAt(s.substr(0, at), at, pc.notCounts)) return std::nullopt;  // 第二十条, 每一条
  std::size_t before = at;
  while (before > 0 && (s[before - 1] == ' ' || s[before - 1] == '\t')) --before;
  t.approximate = wordEndsAt(s, before, pc.approximateBefore);
  std::size_t q = skipSpaces(s, p);
  if (std::size_t n = wordAt(s, q, pc.approximateAfter)) {
    t.approximate = true;
    q = skipSpaces(s, q + n);
  }
  std::size_t unit = wordAt(s, q, pc.units);
  if (!unit) return std::nullopt;
  t.after = q + unit;
  return t;
}

// The last occurrence of any of `words` in [from, to): its end, or npos.
std::size_t lastWordEnd(std::string_view s, std::size_t from, std::size_t to, const std::vector<std::string>& words,
                        std::size_t* length = nullptr) {
  std::size_t best = npos, bestLength = 0;
  for (const auto& w : words) {
    if (w.empty() || to < from + w.size()) continue;
    std::size_t at = s.substr(from, to - from).rfind(w);
    if (at == npos) continue;
    std::size_t end = from + at + w.size();
    if (best == npos || end > best || (end == best && w.size() > bestLength)) best = end, bestLength = w.size();
  }
  if (length) *length = bestLength;
  return best;
}

std::size_t firstWord(std::string_view s, std::size_t from, std::size_t to, const std::vector<std::string>& words) {
  std::size_t best = npos;
  for (const auto& w : words) {
    if (w.empty() || to < from + w.size()) continue;
    std::size_t at = s.substr(from, to - from).find(w);
    if (at != npos) best = std::min(best, from + at);
  }
  return best;
}

bool hasWord(std::string_view s, std::size_t from, std::size_t to, const std::vector<std::string>& words) {
  return firstWord(s, from, to, words) != npos;
}

class ClauseReader {
 public:
  ClauseReader(const JoinedText& j, const TemplateProseCounts& pc, std::vector<ProseCount>& out)
      : j_(j), s_(j.bytes), pc_(pc), out_(out) {}

  void read(std::size_t begin, std::size_t end) {
    std::vector<CountToken> counts;
    for (std::size_t p = begin; p < end;) {
      std::size_t consumed = 0;
      if (auto t = countAt(s_, p, end, pc_, &consumed)) {
        counts.push_back(*t);
        p = t->after;
      } else {
        p += consumed ? consumed : 1;
        while (p < end && (static_cast<unsigned char>(s_[p]) & 0xC0) == 0x80) ++p;  // to a character's start
      }
    }
    if (counts.empty()) return readNegation(begin, end);
    std::size_t previous = begin;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      const CountToken& t = counts[i];
      std::size_t segment = previous;
      for (auto paren : kOpenParens)
        if (std::size_t at = s_.substr(previous, t.begin - previous).rfind(paren); at != npos)
          segment = std::max(segment, previous + at + paren.size());
      std::size_t next = i + 1 < counts.size() ? counts[i + 1].begin : end;
      int q = quantityBefore(segment, t, next);
      if (q < 0) q = quantityAfter(t, next);
      if (q >= 0) out_.push_back({q, t.value, t.approximate, range(t.begin, t.end)});
      previous = t.after;
    }
  }

 private:
  bool objectsPresent(const TemplateProseQuantity& q, std::size_t from, std::size_t to) const {
    return q.objects.empty() || hasWord(s_, from, to, q.objects);
  }

  // The quantity whose keyword is nearest before the number, in its segment.
  int quantityBefore(std::size_t segment, const CountToken& t, std::size_t next) const {
    int best = -1;
    std::size_t bestEnd = 0, bestLength = 0;
    for (std::size_t qi = 0; qi < pc_.quantities.size(); ++qi) {
      const auto& q = pc_.quantities[qi];
      std::size_t length = 0;
      std::size_t end = lastWordEnd(s_, segment, t.begin, q.keywords, &length);
      if (end == npos) continue;
      if (!objectsPresent(q, end - length, t.begin) && !objectsPresent(q, t.after, next)) continue;
      if (best < 0 || end > bestEnd || (end == bestEnd && length > bestLength))
        best = static_cast<int>(qi), bestEnd = end, bestLength = length;
    }
    return best;
  }

  // A quantity named after the number: 另有 3 件顺延到下年度.
  int quantityAfter(const CountToken& t, std::size_t next) const {
    int best = -1;
    std::size_t bestAt = npos;
    for (std::size_t qi = 0; qi < pc_.quantities.size(); ++qi) {
      std::size_t at = firstWord(s_, t.after, next, pc_.quantities[qi].keywordsAfter);
      if (at != npos && at < bestAt) best = static_cast<int>(qi), bestAt = at;
    }
    return best;
  }

  // 未收到…申请, 未发生…行政复议、行政诉讼: each quantity named after the
  // negation is zero.
  void readNegation(std::size_t begin, std::size_t end) {
    std::size_t at = firstWord(s_, begin, end, pc_.negations);
    if (at == npos) return;
    for (std::size_t qi = 0; qi < pc_.quantities.size(); ++qi) {
      const auto& q = pc_.quantities[qi];
      std::size_t k = firstWord(s_, at, end, q.keywords);
      if (k == npos || !objectsPresent(q, at, end)) continue;
      std::size_t length = 0;
      for (const auto& w : q.keywords)
        if (startsWith(s_, k, w)) length = std::max(length, w.size());
      out_.push_back({static_cast<int>(qi), 0, false, range(at, k + length)});
    }
  }

  ByteRange range(std::size_t begin, std::size_t end) const { return j_.sourceRange(begin, end); }

  const JoinedText& j_;
  std::string_view s_;
  const TemplateProseCounts& pc_;
  std::vector<ProseCount>& out_;
};


}  // namespace

std::int64_t chineseNumeralValue(std::string_view numerals) {
  // ICU's spelled-out number rules for Chinese read 十二, 一百零五, 两 …
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> spellout = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    return U_SUCCESS(status) ? std::move(f) : nullptr;
  }();
  if (!spellout || numerals.empty()) return -1;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(numerals.data(), static_cast<int32_t>(numerals.size())));
  icu::Formattable result;
  icu::ParsePosition position(0);
  spellout->parse(u, result, position);
  if (position.getIndex() != u.length()) return -1;
  UErrorCode status = U_ZERO_ERROR;
  std::int64_t v = result.getInt64(status);
  return U_SUCCESS(status) && v >= 0 ? v : -1;
}

std::vector<ProseCount> findProseCounts(const SourceText& text, const ReportModel& model, const Template& t) {
  std::vector<ProseCount> out;
  if (!t.proseCounts || !model.isReport || text.lineCount() == 0) return out;
  const TemplateProseCounts& pc = *t.proseCounts;
  std::size_t first = 0, last = 0;
  if (!proseRegion(text, model, t, pc.part, pc.topic, pc.maxBytes, &first, &last) || first >= last) return out;
  JoinedText j = joinProse(text, model, first, last);
  ClauseReader reader(j, pc, out);
  std::string_view s = j.bytes;
  std::size_t begin = 0;
  for (std::size_t p = 0; p < s.size();) {
    if (std::size_t n = clauseEndAt(s, p)) {
      if (p > begin) reader.read(begin, p);
      p += n;
      begin = p;
    } else {
      ++p;
    }
  }
  if (begin < s.size()) reader.read(begin, s.size());
  return out;
}

}  // namespace nianbao
