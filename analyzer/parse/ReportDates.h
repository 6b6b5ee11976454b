#pragma once
// The year a report is about, as it writes it: in its title (2024 年政府信息
// 公开工作年度报告), its statistics period (统计期限自 2024 年 1 月 1 日至
// 2024 年 12 月 31 日) and the sentences of part 一 that open with a year
// (2024 年，全市共受理…). The words come from the template (TemplateDates);
// rules/DateRules checks that they agree.

#include <optional>
#include <vector>

#include "model/ReportModel.h"
#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

struct YearMention {
  int year = 0;
  ByteRange range;  // the digits
};

struct PeriodDate {
  int year = 0, month = 0, day = 0;
  ByteRange yearRange;  // the year's digits
};

struct StatisticsPeriod {
  PeriodDate from, to;
  ByteRange range;  // from the first date to the end of the second
};

struct ReportDates {
  std::optional<YearMention> title;
  std::optional<StatisticsPeriod> period;
  std::vector<YearMention> openingYears;  // years part 一's sentences open with

  // The year reported on: the title's, else the period's end.
  std::optional<int> year() const {
    if (title) return title->year;
    if (period) return period->to.year;
    return std::nullopt;
  }
};

ReportDates findReportDates(const SourceText& text, const ReportModel& model, const Template& t);

}  // namespace nianbao
