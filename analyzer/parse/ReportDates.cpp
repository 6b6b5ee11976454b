#include "parse/ReportDates.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "parse/JoinedText.h"
#include "text/Digits.h"

namespace nianbao {
namespace {

constexpr std::size_t npos = std::string::npos;

bool startsWith(std::string_view s, std::size_t at, std::string_view word) {
  return !word.empty() && at <= s.size() && s.substr(at, word.size()) == word;
}

std::size_t skipSpaces(std::string_view s, std::size_t at) {
  for (;;) {
    if (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
    else if (startsWith(s, at, "\xE3\x80\x80")) at += 3;  // an ideographic space
    else return at;
  }
}


// One to `maxDigits` digits at `at`: their value (-1 if none, or more) and end.
int digitsAt(std::string_view s, std::size_t at, std::size_t* end, int maxDigits) {
  int count = 0, value = 0, digit = 0;
  std::size_t p = at;
  while (std::size_t n = digitAt(s, p, &digit)) {
    value = value * 10 + digit;
    p += n;
    if (++count > maxDigits) return -1;
  }
  *end = p;
  return count == 0 ? -1 : value;
}

// A four-digit year followed by 年 at `at`: its value, the digits' end and
// the end of 年; -1 if none. A digit just before it makes it no year.
int yearAt(std::string_view s, std::size_t at, const TemplateDates& d, std::size_t* digitsEnd, std::size_t* end) {
  int previous = 0;
  if (at > 0 && s[at - 1] >= '0' && s[at - 1] <= '9') return -1;
  if (at >= 3 && digitAt(s, at - 3, &previous) == 3) return -1;
  std::size_t p = 0;
  int value = digitsAt(s, at, &p, 4);
  if (value < 0 || p - at < 4 || (p - at != 4 && p - at != 12)) return -1;  // four digits, ASCII or full-width
  *digitsEnd = p;
  std::size_t q = skipSpaces(s, p);
  if (!startsWith(s, q, d.year)) return -1;
  *end = q + d.year.size();
  return value;
}

// A date (2024 年 1 月 1 日) at `at`, or nothing.
std::optional<PeriodDate> dateAt(std::string_view s, std::size_t at, const TemplateDates& d, const JoinedText& j,
                                 std::size_t* end) {
  std::size_t digitsEnd = 0, p = 0;
  int year = yearAt(s, at, d, &digitsEnd, &p);
  if (year < 0) return std::nullopt;
  PeriodDate date;
  date.year = year;
  date.yearRange = j.sourceRange(at, digitsEnd);
  std::size_t e = 0;
  p = skipSpaces(s, p);
  date.month = digitsAt(s, p, &e, 2);
  if (date.month < 0) return std::nullopt;
  p = skipSpaces(s, e);
  if (!startsWith(s, p, d.month)) return std::nullopt;
  p = skipSpaces(s, p + d.month.size());
  date.day = digitsAt(s, p, &e, 2);
  if (date.day < 0) return std::nullopt;
  p = skipSpaces(s, e);
  if (!startsWith(s, p, d.day)) return std::nullopt;
  *end = p + d.day.size();
  return date;
}

// The next date at or after `from`, before `limit`: its start, or npos.
std::size_t nextDate(std::string_view s, std::size_t from, std::size_t limit, const TemplateDates& d,
                     const JoinedText& j, PeriodDate* date, std::size_t* end) {
  for (std::size_t p = from; p < limit; ++p) {
    if (auto found = dateAt(s, p, d, j, end)) {
      *date = *found;
      return p;
    }
  }
  return npos;
}

std::size_t sentenceEnd(std::string_view s, std::size_t from) {
  std::size_t a = s.find("。", from), b = s.find('\n', from);
  return std::min(a == npos ? s.size() : a, b == npos ? s.size() : b);
}

std::optional<StatisticsPeriod> findPeriod(const JoinedText& j, const TemplateDates& d) {
  std::string_view s = j.bytes;
  for (const auto& keyword : d.periodKeywords) {
    for (std::size_t at = s.find(keyword); at != npos; at = s.find(keyword, at + keyword.size())) {
      std::size_t limit = sentenceEnd(s, at);
      StatisticsPeriod period;
      std::size_t firstEnd = 0, secondEnd = 0;
      std::size_t first = nextDate(s, at + keyword.size(), limit, d, j, &period.from, &firstEnd);
      if (first == npos) continue;
      std::size_t second = nextDate(s, firstEnd, limit, d, j, &period.to, &secondEnd);
      if (second == npos) continue;
      bool joined = false;
      for (const auto& w : d.rangeWords)
        if (s.substr(firstEnd, second - firstEnd).find(w) != npos) joined = true;
      if (!joined) continue;
      period.range = j.sourceRange(first, secondEnd);
      return period;
    }
  }
  return std::nullopt;
}

std::optional<YearMention> findTitleYear(const SourceText& text, const Template& t, std::size_t lastLine) {
  for (std::size_t line = 0; line < lastLine && line < text.lineCount(); ++line) {
    std::string_view l = text.lineText(line);
    if (l.find("《") != npos) continue;  // a document's name, not the title
    bool titleWords = std::any_of(t.titleKeywords.begin(), t.titleKeywords.end(),
                                  [&](const std::string& k) { return l.find(k) != npos; });
    if (!titleWords) continue;
    for (std::size_t p = 0; p < l.size(); ++p) {
      std::size_t digitsEnd = 0, end = 0;
      int year = yearAt(l, p, *t.dates, &digitsEnd, &end);
      if (year < 0) continue;
      std::size_t e = 0;
      if (digitsAt(l, skipSpaces(l, end), &e, 2) >= 0) continue;  // a date, not the report's year
      std::size_t start = text.lineStart(line);
      return YearMention{year, {start + p, start + digitsEnd}};
    }
  }
  return std::nullopt;
}

// How far the dates are looked for: a report's opening pages (the period
// and part 一's opening sentences are in its first few kilobytes). A pasted
// yearbook in part 一 must not make every keystroke read megabytes.
constexpr std::size_t kMaxBytes = 16 * 1024;

const PartHeading* partHeading(const ReportModel& model, int part) {
  for (const auto& h : model.parts)
    if (h.part == part) return &h;
  return nullptr;
}

// Years opening the clauses of `j` that lie in [from, to) of the text.
std::vector<YearMention> findOpeningYears(const JoinedText& j, const TemplateDates& d, std::size_t from, std::size_t to) {
  std::vector<YearMention> out;
  std::string_view s = j.bytes;
  constexpr std::string_view kClauseEnds[] = {"\n", "，", "。", "；", ",", ";"};
  auto clauseEndAt = [&](std::size_t at) -> std::size_t {
    for (auto end : kClauseEnds)
      if (startsWith(s, at, end)) return end.size();
    return 0;
  };
  for (std::size_t clause = 0; clause < s.size();) {
    std::size_t p = skipSpaces(s, clause);
    for (const auto& opener : d.openers)
      if (startsWith(s, p, opener)) p = skipSpaces(s, p + opener.size());
    std::size_t digitsEnd = 0, end = 0;
    int year = yearAt(s, p, d, &digitsEnd, &end);
    std::size_t e = 0;
    if (year >= 0 && digitsAt(s, skipSpaces(s, end), &e, 2) < 0 && j.source[p] >= from && j.source[p] < to)
      out.push_back({year, j.sourceRange(p, digitsEnd)});
    // On to the next clause, reading each byte once.
    std::size_t q = clause;
    std::size_t n = 0;
    // Only a line break, an ASCII , ; or a three-byte character's first
    // byte can start a delimiter.
    while (q < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[q]);
      if ((c == '\n' || c == ',' || c == ';' || c == 0xE3 || c == 0xEF) && (n = clauseEndAt(q)) > 0) break;
      ++q;
    }
    clause = q + n;
  }
  return out;
}

}  // namespace

ReportDates findReportDates(const SourceText& text, const ReportModel& model, const Template& t) {
  ReportDates dates;
  if (!t.dates || !model.isReport || text.lineCount() == 0) return dates;
  // The title and the period come before part 二 (a preamble, part 一).
  std::size_t firstTable = text.lineCount();
  for (const auto& table : model.tables) firstTable = std::min(firstTable, table.firstLine);
  std::size_t firstPart = text.lineCount();
  for (const auto& h : model.parts) firstPart = std::min(firstPart, h.line);
  std::size_t partTwo = firstTable;
  for (const auto& h : model.parts)
    if (h.part > t.partIndex(t.dates->part)) partTwo = std::min(partTwo, h.line);
  dates.title = findTitleYear(text, t, firstPart == text.lineCount() ? std::min<std::size_t>(5, firstPart) : firstPart);
  // One reading of the opening pages serves the period and part 一's sentences.
  JoinedText j = joinProse(text, model, 0, linesWithin(text, 0, partTwo, kMaxBytes));
  dates.period = findPeriod(j, *t.dates);
  if (const PartHeading* heading = partHeading(model, t.partIndex(t.dates->part))) {
    std::size_t end = text.size();
    for (const auto& h : model.parts)
      if (h.line > heading->line) end = std::min(end, text.lineStart(h.line));
    dates.openingYears = findOpeningYears(j, *t.dates, text.lineEnd(heading->line), end);
  }
  return dates;
}

}  // namespace nianbao
