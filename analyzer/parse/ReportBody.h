#pragma once
// Who a report is by, as it names itself: the body before its title's year
// (淮安市洪泽区人民政府 / 2024 年政府信息公开工作年度报告), or, when there is
// no title, the body its preamble says the report is by (本报告由淮安市洪泽区
// 人民政府办公室根据…编制). Two reports by one body may name it differently
// (洪泽区人民政府 in 2023, 淮安市洪泽区人民政府 in 2024); sameReportingBody
// says whether two names are one body.

#include <string>
#include <string_view>

#include "model/ReportModel.h"
#include "parse/ReportDates.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

// The name, without spaces and markup; empty if the report names no body (or
// names the skeleton's placeholder, （机关名称）).
std::string reportingBody(const SourceText& text, const ReportDates& dates, const TemplateCarryover& words);

// Equal once the generic suffix (人民政府) is dropped, or one is the other
// with its region named first (淮安市 + 洪泽区): the region must end as one
// does (市, 区 …), so 示例镇 and 新示例镇 stay two bodies.
bool sameReportingBody(std::string_view a, std::string_view b, const TemplateCarryover& words);

// What two names of one body always share (the last two characters before
// the generic suffix: 泽区 of 洪泽区人民政府), for finding candidates among
// thousands of reports without comparing each with each. Empty for no name.
std::string reportingBodyKey(std::string_view name, const TemplateCarryover& words);

}  // namespace nianbao
