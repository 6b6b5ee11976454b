#pragma once
#include "model/ReportModel.h"
#include "parse/Labels.h"
#include "text/SourceText.h"

namespace nianbao {

// Builds the report model of a whole document. Never fails: any text gives a
// model; a document that is not a report gives one with isReport == false.
ReportModel parseReport(const SourceText& text, const LabelIndex& labels);

}  // namespace nianbao
