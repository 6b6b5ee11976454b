#include "features/InlayHints.h"

#include <algorithm>
#include <map>

#include "features/RelationText.h"
#include "rules/RelationChecks.h"

namespace nianbao {

std::vector<InlayHintItem> inlayHints(const Analyzer& analyzer, const SourceText& text, const ReportModel& model,
                                      ByteRange visible) {
  std::vector<InlayHintItem> out;
  if (!model.isReport) return out;
  RelationText words(analyzer.tmpl(), analyzer.locale());
  struct Wrong {
    std::vector<std::string> expected;  // distinct, in template order
    std::vector<std::string> lines;
  };
  std::map<std::size_t, Wrong> byEnd;  // ordered: hints come out in text order
  for (const RelationCheck& check : evaluateRelations(analyzer.tmpl(), model)) {
    if (check.relation->kind == RelationKind::RowBalance || !check.checkable || check.holds || !check.target)
      continue;
    std::size_t end = check.target->cell.range.end;
    if (end < visible.begin || end > visible.end || end > text.size()) continue;
    Wrong& w = byEnd[end];
    std::string expected = check.expected()->toString();
    if (std::find(w.expected.begin(), w.expected.end(), expected) == w.expected.end()) w.expected.push_back(expected);
    w.lines.push_back(words.line(check));
  }
  for (auto& [end, w] : byEnd) {
    std::string label = "= ";
    std::string tooltip;
    for (std::size_t i = 0; i < w.expected.size(); ++i) label += (i ? " / " : "") + w.expected[i];
    for (std::size_t i = 0; i < w.lines.size(); ++i) tooltip += (i ? "\n" : "") + w.lines[i];
    out.push_back({end, std::move(label), std::move(tooltip)});
  }
  return out;
}

}  // namespace nianbao
