#pragma once
// The analyzer's front door: text in, report model and findings out.
// Knows nothing of files, JSON-RPC or editors; the command line and the
// language server both call it as it is.

#include <vector>

#include "model/ReportModel.h"
#include "parse/Labels.h"
#include "rules/Finding.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct Analysis {
  ReportModel model;
  std::vector<Finding> findings;  // sorted by position; empty if not a report
};

class Analyzer {
 public:
  explicit Analyzer(const Template& t);
  const Template& tmpl() const { return labels_.tmpl(); }

  // Never fails and never throws for any text.
  Analysis analyze(const SourceText& text) const;

 private:
  LabelIndex labels_;
};

// Applies every fix (balance has none: that needs a person), re-analysing
// until nothing more changes. Returns the new text and the fixes applied, in
// the order of their places in the original text.
struct AppliedFix {
  Finding finding;
  LineColumn at;  // where it was in the original text (line, code point column)
};
struct FixAllResult {
  std::string text;
  std::vector<AppliedFix> applied;
};
FixAllResult fixAll(const Analyzer& analyzer, const SourceText& text);

}  // namespace nianbao
