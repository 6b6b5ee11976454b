#include "Analyzer.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "fix/TextEdits.h"
#include "parse/ReportParser.h"
#include "rules/RuleContext.h"

namespace nianbao {

Analyzer::Analyzer(const Template& t, std::string locale)
    : labels_(t), locale_(std::move(locale)) {}

Analysis Analyzer::analyze(const SourceText& text) const {
  ReportModel model = parseReport(text, labels_);
  std::vector<Finding> arithmetic = checkArithmetic(text, model);
  return complete(text, std::move(model), std::move(arithmetic));
}

std::vector<Finding> Analyzer::checkArithmetic(const SourceText& text, const ReportModel& model) const {
  std::vector<Finding> findings;
  if (!model.isReport) return findings;
  checkRelations(RuleContext{text, tmpl(), model, findings, locale_});
  return findings;
}

Analysis Analyzer::complete(const SourceText& text, ReportModel model, std::vector<Finding> arithmetic) const {
  Analysis a;
  a.model = std::move(model);
  if (!a.model.isReport) return a;  // a meeting note stays silent
  // Read once: the date checks and the plausibility checks both need them.
  a.dates = findReportDates(text, a.model, tmpl());
  RuleContext ctx{text, tmpl(), a.model, a.findings, locale_, &a.dates};
  checkSections(ctx);
  checkTableStructure(ctx);
  checkFormat(ctx);
  checkProseAgainstTables(ctx);
  checkDates(ctx);
  checkPlausibility(ctx);
  checkPartContent(ctx);
  checkFees(ctx);
  a.findings.insert(a.findings.end(), std::make_move_iterator(arithmetic.begin()),
                    std::make_move_iterator(arithmetic.end()));
  std::stable_sort(a.findings.begin(), a.findings.end(), [](const Finding& x, const Finding& y) {
    return x.range.begin != y.range.begin ? x.range.begin < y.range.begin : x.range.end < y.range.end;
  });
  return a;
}

namespace {

// Where byte `p` of the text after `edits` was before them (a position inside
// inserted text maps to where the insertion was made).
std::size_t positionBefore(std::size_t p, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.range.begin < b.range.begin; });
  long long shift = 0;
  for (const auto& e : edits) {
    std::size_t newBegin = static_cast<std::size_t>(static_cast<long long>(e.range.begin) + shift);
    std::size_t newEnd = newBegin + e.newText.size();
    if (p < newBegin) break;
    if (p < newEnd) return e.range.begin;
    shift += static_cast<long long>(e.newText.size()) - static_cast<long long>(e.range.size());
  }
  return static_cast<std::size_t>(static_cast<long long>(p) - shift);
}

}  // namespace

FixAllResult fixAll(const Analyzer& analyzer, const SourceText& original, const FindingFilter& shown) {
  FixAllResult result;
  std::string current = original.str();
  std::vector<std::vector<TextEdit>> rounds;  // the edits of each round, for mapping places back
  std::vector<std::pair<std::size_t, Finding>> applied;
  // Fixes can unlock others (a fixed row total makes a column total checkable),
  // and two fixes may touch one cell; a few rounds settle both.
  // Relation fixes go one relation at a time, in the template's order: a
  // wrong row total also breaks its column's total, and fixing the row first
  // mends both, where fixing the column would hide the row's mistake.
  std::vector<std::string> relationOrder;
  for (const auto& r : analyzer.tmpl().relations)
    if (std::find(relationOrder.begin(), relationOrder.end(), r.code) == relationOrder.end())
      relationOrder.push_back(r.code);
  constexpr int kMaxRounds = 8;
  bool sumsTrustworthy = true;  // until zeros are written where numbers were missing
  for (int round = 0; round < kMaxRounds; ++round) {
    SourceText text(current);
    Analysis a = analyzer.analyze(text);
    if (shown) a.findings = shown(text, std::move(a.findings));
    std::string relationNow;
    if (sumsTrustworthy)
      for (const auto& code : relationOrder)
      if (std::any_of(a.findings.begin(), a.findings.end(),
                      [&](const Finding& f) { return f.code == code && f.fix; })) {
        relationNow = code;
        break;
      }
    std::vector<TextEdit> edits;
    std::vector<Finding> chosen;
    std::vector<ByteRange> taken;
    for (const auto& f : a.findings) {
      if (!f.fix || f.fix->edits.empty()) continue;
      bool isRelation = std::find(relationOrder.begin(), relationOrder.end(), f.code) != relationOrder.end();
      if (isRelation && f.code != relationNow) continue;
      // Sums first, on the numbers as written; zero rows only once they are done.
      if (f.fix->insertsPlaceholders && !relationNow.empty()) continue;
      bool overlaps = false;
      for (const auto& e : f.fix->edits)
        for (const auto& t : taken)
          if (e.range.begin < t.end && t.begin < e.range.end) overlaps = true;
          else if (e.range.begin == t.begin && (e.range.empty() || t.empty())) overlaps = true;
      if (overlaps) continue;
      for (const auto& e : f.fix->edits) {
        taken.push_back(e.range);
        edits.push_back(e);
      }
      chosen.push_back(f);
    }
    if (edits.empty()) break;
    std::string next = applyEdits(current, edits);
    if (next == current) break;
    current = std::move(next);
    for (auto& f : chosen) {
      if (f.fix->insertsPlaceholders) sumsTrustworthy = false;
      std::size_t at = f.range.begin;
      for (std::size_t r = rounds.size(); r-- > 0;) at = positionBefore(at, rounds[r]);
      applied.emplace_back(at, std::move(f));
    }
    rounds.push_back(edits);
  }
  std::stable_sort(applied.begin(), applied.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [at, f] : applied) result.applied.push_back({std::move(f), original.toCodePoints(at)});
  result.text = std::move(current);
  return result;
}

}  // namespace nianbao
