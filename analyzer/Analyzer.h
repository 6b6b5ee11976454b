#pragma once
// The analyzer's front door: text in, report model and findings out.
// Knows nothing of files, JSON-RPC or editors; the command line and the
// language server both call it as it is.

#include <functional>
#include <string>
#include <vector>

#include "model/ReportModel.h"
#include "parse/ReportDates.h"
#include "parse/Labels.h"
#include "rules/Finding.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct Analysis {
  ReportModel model;
  std::vector<Finding> findings;  // sorted by position; empty if not a report
  ReportDates dates;              // the year it is about, for hover and for pairing with last year's
};

class Analyzer {
 public:
  // `locale` is "zh" (the template's own wording) or "en"; normalizeLocale
  // turns a client's tag into one of them.
  explicit Analyzer(const Template& t, std::string locale = "zh");
  const Template& tmpl() const { return labels_.tmpl(); }
  const std::string& locale() const { return locale_; }

  const LabelIndex& labels() const { return labels_; }

  // Never fails and never throws for any text.
  Analysis analyze(const SourceText& text) const;

  // The steps of analyze() after parsing, for the incremental analyzer. The
  // arithmetic findings depend on the model's tables alone, so it keeps them
  // while the tables stay the same; complete() adds the other rules' findings.
  std::vector<Finding> checkArithmetic(const SourceText& text, const ReportModel& model) const;
  Analysis complete(const SourceText& text, ReportModel model, std::vector<Finding> arithmetic) const;

 private:
  LabelIndex labels_;
  std::string locale_;
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
// `shown`, when given, turns each round's findings into what the user sees
// (shownFindings: suppressions and a project's severities), so nothing
// suppressed or turned off is fixed.
using FindingFilter = std::function<std::vector<Finding>(const SourceText&, std::vector<Finding>)>;
FixAllResult fixAll(const Analyzer& analyzer, const SourceText& text, const FindingFilter& shown = {});

}  // namespace nianbao
