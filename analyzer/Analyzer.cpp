#include "Analyzer.h"

#include <algorithm>

#include "fix/TextEdits.h"
#include "parse/ReportParser.h"
#include "rules/RuleContext.h"

namespace nianbao {

Analyzer::Analyzer(const Template& t) : labels_(t) {}

Analysis Analyzer::analyze(const SourceText& text) const {
  Analysis a;
  a.model = parseReport(text, labels_);
  if (!a.model.isReport) return a;  // a meeting note stays silent
  RuleContext ctx{text, tmpl(), a.model, a.findings};
  checkSections(ctx);
  checkTableStructure(ctx);
  checkRelations(ctx);
  std::stable_sort(a.findings.begin(), a.findings.end(), [](const Finding& x, const Finding& y) {
    return x.range.begin != y.range.begin ? x.range.begin < y.range.begin : x.range.end < y.range.end;
  });
  return a;
}

FixAllResult fixAll(const Analyzer& analyzer, const SourceText& original) {
  FixAllResult result;
  std::string current = original.text();
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
  for (int round = 0; round < kMaxRounds; ++round) {
    SourceText text(current);
    Analysis a = analyzer.analyze(text);
    std::string relationNow;
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
      LineColumn at = text.toCodePoints(f.range.begin);
      result.applied.push_back({std::move(f), at});
    }
  }
  result.text = std::move(current);
  return result;
}

}  // namespace nianbao
