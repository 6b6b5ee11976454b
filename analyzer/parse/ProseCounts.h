#pragma once
// Numbers the prose states that a table states too: "共受理政府信息公开申请
// 17 件", "另有 3 件顺延到下年度", "未发生…行政复议". Read from the part (its
// topic when it has one) the template names, clause by clause, with the
// template's words (TemplateProseCounts); rules/ProseRules compares them.

#include <cstdint>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct ProseCount {
  int quantity = -1;          // index into TemplateProseCounts::quantities
  std::int64_t value = 0;
  bool approximate = false;   // 40余件, 约 40 件: not an exact statement
  ByteRange range;            // the number as written, or the negation and what it negates
  friend bool operator==(const ProseCount&, const ProseCount&) = default;
};

// In text order. Nothing if the template has no prose_counts or the report
// lacks the part.
std::vector<ProseCount> findProseCounts(const SourceText& text, const ReportModel& model, const Template& t);

// The value of a number written in Chinese numerals (一, 两, 十二, 一百零五),
// or -1 if `numerals` is not one.
std::int64_t chineseNumeralValue(std::string_view numerals);

}  // namespace nianbao
