// The analyzer as a whole: clean reports in every layout are silent, things
// that are not reports are silent, and no input makes it fail.
#include "ReportBuilder.h"
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

class CleanReport : public ::testing::TestWithParam<Layout> {};

TEST_P(CleanReport, HasNoFindings) {
  ReportSpec spec;
  spec.layout = GetParam();
  Checked c(buildReport(spec));
  EXPECT_TRUE(c.analysis.model.isReport);
  EXPECT_TRUE(c.analysis.findings.empty()) << c.describe();
}

TEST_P(CleanReport, FindsEveryTableAndRow) {
  ReportSpec spec;
  spec.layout = GetParam();
  Checked c(buildReport(spec));
  const auto& model = c.analysis.model;
  ASSERT_EQ(model.tables.size(), 6u);
  EXPECT_EQ(model.parts.size(), 6u);
  EXPECT_EQ(model.topics.size(), 5u);
  std::size_t applicationRows = 0;
  for (const auto& t : model.tables)
    if (builtinAnalyzer().tmpl().tables[static_cast<std::size_t>(t.templateTable)].id == "applications")
      applicationRows = t.rows.size();
  EXPECT_EQ(applicationRows, 25u);
}

TEST_P(CleanReport, CrlfLineEndingsChangeNothing) {
  ReportSpec spec;
  spec.layout = GetParam();
  spec.eol = "\r\n";
  Checked c(buildReport(spec));
  EXPECT_TRUE(c.analysis.findings.empty()) << c.describe();
}

INSTANTIATE_TEST_SUITE_P(Layouts, CleanReport,
                         ::testing::Values(Layout::Tabs, Layout::Pipes, Layout::CellPerLine, Layout::Spaced),
                         [](const auto& info) { return std::string(layoutName(info.param)); });

TEST(Analyzer, MeetingNoteIsSilent) {
  Checked c("关于召开工作会议的通知\n\n一、会议内容\n\n研究部署 2024 年重点工作。\n\n二、参会人员\n\n各科室负责人。\n");
  EXPECT_FALSE(c.analysis.model.isReport);
  EXPECT_TRUE(c.analysis.findings.empty());
}

TEST(Analyzer, ANoticeAboutTheReportIsSilent) {
  Checked c("关于做好2024年政府信息公开工作年度报告编制工作的通知\n\n各单位：请于1月20日前报送。\n");
  EXPECT_FALSE(c.analysis.model.isReport);
  EXPECT_TRUE(c.analysis.findings.empty());
}

TEST(Analyzer, EmptyAndWhitespaceTextsAreSilent) {
  for (std::string_view text : {"", "\n", "\r\n\r\n", "   \t  ", "\xEF\xBB\xBF"}) {
    Checked c(text);
    EXPECT_TRUE(c.analysis.findings.empty());
  }
}

TEST(Analyzer, ArbitraryBytesNeverFail) {
  // Every byte value, invalid UTF-8, NULs, lone CRs, and a report cut mid-character.
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  ReportSpec spec;
  std::string report = buildReport(spec);
  for (std::size_t cut : {std::size_t{1}, report.size() / 3, report.size() / 2 + 1, report.size() - 1}) {
    Checked c(report.substr(0, cut) + bytes);
    for (const auto& f : c.analysis.findings) {
      EXPECT_LE(f.range.begin, f.range.end);
      EXPECT_LE(f.range.end, c.text.str().size());
    }
  }
}

TEST(Analyzer, FindingsAreSortedByPosition) {
  ReportSpec spec;
  spec.cells["（一）予以公开"] = {"2", "1", "0", "0", "0", "0", "9"};
  spec.labels["行政许可"] = "行政许";
  spec.headings["四、政府信息公开行政复议、行政诉讼情况"] = "";
  Checked c(buildReport(spec));
  ASSERT_GE(c.analysis.findings.size(), 2u);
  for (std::size_t i = 1; i < c.analysis.findings.size(); ++i)
    EXPECT_LE(c.analysis.findings[i - 1].range.begin, c.analysis.findings[i].range.begin);
}

TEST(Analyzer, LocaleIsChineseUnlessGiven) {
  EXPECT_EQ(builtinAnalyzer().locale(), "zh");
  EXPECT_EQ(Analyzer(governmentInformationDisclosure2021(), "en").locale(), "en");
}

TEST(Analyzer, EnglishSumMessagesCarryTheNumbers) {
  // 一's total says 5 where its applicant columns add up to 3+1 = 4; in the
  // 总计 column that also breaks the balance: 一 + 二 = 5 + 1, （七）+ 四 = 4 + 1.
  ReportSpec spec;
  spec.cells["一、本年新收政府信息公开申请数量"] = {"3", "1", "0", "0", "0", "0", "5"};
  SourceText text(buildReport(spec));
  Analysis a = Analyzer(governmentInformationDisclosure2021(), "en").analyze(text);
  std::vector<std::string> got;
  for (const auto& f : a.findings) got.push_back(f.code + ": " + f.message);
  EXPECT_THAT(got, ::testing::ElementsAre(
                       "sum-row: The total should be 4 (3+1+0+0+0+0), but is 5",
                       "balance: In the column “总计”, rows 一 and 二 add up to 6 (5+1), "
                       "but the total （七） and row 四 add up to 5 (4+1)"));
  ASSERT_TRUE(a.findings[0].fix);
  EXPECT_EQ(a.findings[0].fix->title, "Change to 4");
}

TEST(Analyzer, EnglishNamesTheKindOfNumberACellNeeds) {
  ReportSpec spec;
  spec.cells["二、上年结转政府信息公开申请数量"] = {"x", "0", "0", "0", "0", "0", "1"};
  SourceText text(buildReport(spec));
  Analysis a = Analyzer(governmentInformationDisclosure2021(), "en").analyze(text);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].message,
            "“自然人” of “二、上年结转政府信息公开申请数量” should be a non-negative whole number, but is “x”");
}

TEST(Analyzer, EnglishFindsTheSameThingsInOtherWords) {
  // One report with a finding from every family: parts, topics, tables, rows,
  // labels, cells, sums and a crossing-cell fix.
  ReportSpec spec;
  spec.headings["四、政府信息公开行政复议、行政诉讼情况"] = "";
  spec.headings["五、存在的主要问题及改进情况"] = "五、存在的主要问题和改进措施";
  spec.dropTopics.insert("三");
  spec.dropRows.insert("行政强制");  // not in table 三, whose sums need every row
  spec.labels["行政规范性文件"] = "规范性文件";
  spec.cells["（一）予以公开"] = {"5", "1", "0", "0", "0", "0", "3"};  // 5 for 2: row and column off by 3
  spec.cells["二、上年结转政府信息公开申请数量"] = {"1", "0", "0", "0", "0", "", "1"};
  spec.review[4] = "0";
  SourceText text(buildReport(spec));
  Analysis zh = builtinAnalyzer().analyze(text);
  Analysis en = Analyzer(governmentInformationDisclosure2021(), "en").analyze(text);
  std::vector<std::string> codes;
  for (const auto& f : zh.findings) codes.push_back(f.code);
  EXPECT_THAT(codes, ::testing::IsSupersetOf({"section-missing", "section-title", "topic-missing", "row-missing",
                                              "label-mismatch", "cell-invalid", "sum-row", "sum-results",
                                              "sum-review"}));
  ASSERT_EQ(zh.findings.size(), en.findings.size());
  for (std::size_t i = 0; i < zh.findings.size(); ++i) {
    const Finding& z = zh.findings[i];
    const Finding& e = en.findings[i];
    EXPECT_EQ(e.code, z.code);
    EXPECT_EQ(e.range.begin, z.range.begin);
    EXPECT_EQ(e.range.end, z.range.end);
    // Every wording came from the English translation, not the fallback.
    EXPECT_NE(e.message, z.message) << z.code << ": " << z.message;
    ASSERT_EQ(e.fix.has_value(), z.fix.has_value()) << z.code;
    if (!z.fix) continue;
    EXPECT_NE(e.fix->title, z.fix->title) << z.code << ": " << z.fix->title;
    EXPECT_TRUE(e.fix->edits == z.fix->edits) << z.code;
  }
  for (const auto& f : en.findings)
    if (f.code == "sum-row") {
      ASSERT_TRUE(f.fix);
      EXPECT_EQ(f.fix->title,
                "Change “自然人” of “（一）予以公开” to 2 (this row's and this column's totals are both 3 too high)");
    }
}

TEST(FixAll, MendsTotalsLabelsRowsAndHeadingsInEveryLayout) {
  for (Layout layout : {Layout::Tabs, Layout::Pipes, Layout::CellPerLine, Layout::Spaced}) {
    ReportSpec spec;
    spec.layout = layout;
    spec.cells["（一）予以公开"] = {"2", "1", "0", "0", "0", "0", "9"};
    spec.labels["行政规范性文件"] = "规范性文件";
    spec.dropRows.insert("2.重复申请");
    spec.headings["五、存在的主要问题及改进情况"] = "五、存在的主要问题和改进措施";
    spec.review[4] = "0";
    SourceText text(buildReport(spec));
    FixAllResult fixed = fixAll(builtinAnalyzer(), text);
    Checked after(fixed.text);
    EXPECT_TRUE(after.analysis.findings.empty()) << layoutName(layout) << "\n" << after.describe() << fixed.text;
    EXPECT_GE(fixed.applied.size(), 5u) << layoutName(layout);
  }
}

TEST(FixAll, FixesTheRowTotalBeforeTheColumnTotal) {
  // One wrong number breaks its row's sum and its column's sum; the row is
  // wrong, so the fix must change the row's total and leave （七）总计 alone.
  ReportSpec spec;
  spec.cells["（一）予以公开"] = {"2", "1", "0", "0", "0", "0", "9"};
  SourceText text(buildReport(spec));
  FixAllResult fixed = fixAll(builtinAnalyzer(), text);
  ASSERT_EQ(fixed.applied.size(), 1u);
  EXPECT_EQ(fixed.applied[0].finding.code, "sum-row");
  spec.cells.clear();
  EXPECT_EQ(fixed.text, buildReport(spec));
}

TEST(FixAll, NeverFixesTotalsAgainstTheZerosOfAnInsertedRow) {
  // The missing row held 1 application; writing it back with zeros must not
  // lead to （七）总计 being "corrected" to match the zeros.
  ReportSpec spec;
  spec.dropRows.insert("1.本机关不掌握相关政府信息");
  SourceText text(buildReport(spec));
  FixAllResult fixed = fixAll(builtinAnalyzer(), text);
  ASSERT_EQ(fixed.applied.size(), 1u);
  EXPECT_EQ(fixed.applied[0].finding.code, "row-missing");
  EXPECT_NE(fixed.text.find("（七）总计\t3\t1\t0\t0\t0\t0\t4"), std::string::npos);
  Checked after(fixed.text);
  EXPECT_FALSE(after.with("sum-results").empty()) << after.describe();  // left to a person
}

TEST(FixAll, LeavesBalanceToAPerson) {
  ReportSpec spec;
  spec.cells["二、上年结转政府信息公开申请数量"] = {"2", "0", "0", "0", "0", "0", "2"};
  std::string report = buildReport(spec);
  Checked before(report);
  EXPECT_EQ(before.with("balance").size(), 2u) << before.describe();
  FixAllResult fixed = fixAll(builtinAnalyzer(), SourceText(report));
  EXPECT_TRUE(fixed.applied.empty());
  EXPECT_EQ(fixed.text, report);
}

}  // namespace
}  // namespace nianbao::testing
