#include "features/Completion.h"

#include <filesystem>

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

using Kind = CompletionCandidate::Kind;

// Where the cursor is in a test document; taken out before analysis.
constexpr std::string_view kCursor = "‸";

// A document with its cursor, analysed, and the candidates at the cursor.
struct Doc {
  std::size_t cursor;
  SourceText text;
  ReportModel model;
  std::vector<CompletionCandidate> list;

  explicit Doc(const std::string& withCursor)
      : cursor(withCursor.find(kCursor)),
        text(without(withCursor)),
        model(builtinAnalyzer().analyze(text).model),
        list(at(cursor)) {}

  std::vector<CompletionCandidate> at(std::size_t offset) const {
    return completeAt(builtinAnalyzer().tmpl(), text, model, offset);
  }
  std::string applied(const CompletionCandidate& c) const {
    std::string out = text.str();
    return out.replace(c.replace.begin, c.replace.size(), c.insertText);
  }
  std::string replaced(const CompletionCandidate& c) const {
    return text.str().substr(c.replace.begin, c.replace.size());
  }
  std::vector<std::string> labels() const {
    std::vector<std::string> out;
    for (const auto& c : list) out.push_back(c.label);
    return out;
  }

 private:
  static std::string without(std::string s) {
    std::size_t at = s.find(kCursor);
    if (at != std::string::npos) s.erase(at, kCursor.size());
    return s;
  }
};

std::size_t lineStartOf(const std::string& doc, std::size_t pos) {
  std::size_t nl = doc.rfind('\n', pos);
  return nl == std::string::npos ? 0 : nl + 1;
}

// `line` on a line of its own just before the line holding `needle`.
std::string insertLineBefore(std::string doc, const std::string& needle, const std::string& line,
                             const std::string& eol) {
  std::size_t pos = doc.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  return doc.insert(lineStartOf(doc, pos), line + eol);
}

// `line` on a line of its own just after the text `needle` (which ends a line).
std::string insertLineAfter(std::string doc, const std::string& needle, const std::string& line,
                            const std::string& eol) {
  std::size_t pos = doc.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  return doc.insert(pos + needle.size(), eol + line);
}

// The lines after the one holding `after` and before the one holding
// `before`, replaced by `lines`.
std::string replaceLinesBetween(const std::string& doc, const std::string& after, const std::string& before,
                                const std::string& lines) {
  std::size_t a = doc.find(after);
  std::size_t b = doc.find(before, a);
  EXPECT_NE(a, std::string::npos) << after;
  EXPECT_NE(b, std::string::npos) << before;
  std::size_t from = doc.find('\n', a) + 1;
  return doc.substr(0, from) + lines + doc.substr(lineStartOf(doc, b));
}

// A row as ReportBuilder writes it in each layout.
std::string rowWritten(Layout layout, const std::vector<std::string>& cells, const std::string& eol) {
  auto join = [&](const std::string& sep, const std::string& before) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? sep : "") + before + cells[i];
    return out;
  };
  switch (layout) {
    case Layout::Tabs: return join("\t", "");
    case Layout::Pipes: return "| " + join(" | ", "") + " |";
    case Layout::Spaced: return join("    ", "");
    case Layout::CellPerLine: return join(eol, "\t");
  }
  return "";
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Every tab stop is one "0" of the inserted text, in order.
void expectStopsOnZeros(const CompletionCandidate& c, std::size_t count) {
  ASSERT_EQ(c.tabStops.size(), count) << c.label;
  std::size_t previous = 0;
  for (const auto& stop : c.tabStops) {
    ASSERT_LE(stop.end, c.insertText.size());
    EXPECT_EQ(c.insertText.substr(stop.begin, stop.size()), "0");
    EXPECT_GE(stop.begin, previous);
    previous = stop.end;
  }
}

void expectOnlyFirstPreselected(const std::vector<CompletionCandidate>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i].rank, static_cast<int>(i));
    EXPECT_EQ(list[i].preselect, i == 0) << list[i].label;
  }
}

const std::string kPart5 = "五、存在的主要问题及改进情况";
const std::string kPart6 = "六、其他需要报告的事项";
const std::string kProsePart5 = "一是公开的主动性不强";

// ---------------------------------------------------------------------------
// Part and topic headings

class CompletionHeadings : public LayoutAndEolTest {};

TEST_P(CompletionHeadings, OffersTheMissingPartInTheDocumentsMarkdown) {
  ReportSpec s = spec();
  s.headings[kPart5] = "";
  // An empty line below table 四, where part 五 begins.
  Doc d(insertLineBefore(buildReport(s), kProsePart5, "‸", s.eol));
  ASSERT_EQ(d.list.size(), 1u);
  const CompletionCandidate& c = d.list[0];
  EXPECT_EQ(c.kind, Kind::PartHeading);
  EXPECT_EQ(c.label, kPart5);
  EXPECT_EQ(c.detail, "缺少第五部分“存在的主要问题及改进情况”");
  EXPECT_EQ(c.replace, (ByteRange{d.cursor, d.cursor}));
  EXPECT_EQ(c.insertText, "## " + kPart5);  // ReportBuilder writes "## " before every part
  EXPECT_TRUE(c.tabStops.empty());
  expectOnlyFirstPreselected(d.list);
  // With the heading in place the report is whole again.
  EXPECT_TRUE(Checked(d.applied(c)).analysis.findings.empty()) << Checked(d.applied(c)).describe();
}

TEST_P(CompletionHeadings, ReplacesOnlyTheWordTypedAfterTheMarkup) {
  ReportSpec s = spec();
  s.headings[kPart5] = "";
  std::string report = buildReport(s);
  {
    Doc d(insertLineBefore(report, kProsePart5, "## czd‸", s.eol));
    ASSERT_EQ(d.list.size(), 1u);
    EXPECT_EQ(d.replaced(d.list[0]), "czd");
    EXPECT_EQ(d.list[0].insertText, kPart5);  // "## " is typed already
    EXPECT_TRUE(Checked(d.applied(d.list[0])).analysis.findings.empty());
  }
  {
    Doc d(insertLineBefore(report, kProsePart5, "存在‸", s.eol));
    ASSERT_EQ(d.list.size(), 1u);
    EXPECT_EQ(d.replaced(d.list[0]), "存在");
    EXPECT_EQ(d.list[0].insertText, "## " + kPart5);
  }
  {
    // "##" without its space gets one.
    Doc d(insertLineBefore(report, kProsePart5, "##‸", s.eol));
    ASSERT_EQ(d.list.size(), 1u);
    EXPECT_EQ(d.list[0].replace, (ByteRange{d.cursor, d.cursor}));
    EXPECT_EQ(d.list[0].insertText, " " + kPart5);
  }
}

TEST_P(CompletionHeadings, TheNextExpectedPartComesFirst) {
  ReportSpec s = spec();
  for (const std::string& h : {std::string("二、主动公开政府信息情况"), kPart5, kPart6}) s.headings[h] = "";
  Doc d(insertLineBefore(buildReport(s), kProsePart5, "‸", s.eol));
  // 一, 三 and 四 are above the cursor: 五 is next, then 六, then the 二 left out earlier.
  EXPECT_EQ(d.labels(), (std::vector<std::string>{kPart5, kPart6, "二、主动公开政府信息情况"}));
  expectOnlyFirstPreselected(d.list);
}

TEST_P(CompletionHeadings, TopicsInsidePartOneNextOneFirst) {
  ReportSpec s = spec();
  s.dropTopics = {"一", "四"};
  Doc d(insertLineBefore(buildReport(s), "（三）政府信息管理情况", "‸", s.eol));
  // （二） is above the cursor, （三） below it: （四） is next, （一） was left out.
  ASSERT_EQ(d.labels(), (std::vector<std::string>{"（四）政府信息公开平台建设", "（一）主动公开"}));
  EXPECT_EQ(d.list[0].kind, Kind::TopicHeading);
  EXPECT_EQ(d.list[0].detail, "第一部分缺少“（四）政府信息公开平台建设”");
  EXPECT_EQ(d.list[0].insertText, "（四）政府信息公开平台建设");  // topics are bare lines here
  expectOnlyFirstPreselected(d.list);
}

INSTANTIATE_TEST_SUITE_P(AllLayouts, CompletionHeadings, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(CompletionHeadingStyle, BoldPartsGetTheirClosingMarkup) {
  ReportSpec s;
  for (const char* h : {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"})
    s.headings[h] = std::string("**") + h + "**";
  s.headings[kPart5] = "";
  std::string report = buildReport(s);
  EXPECT_EQ(Doc(insertLineBefore(report, kProsePart5, "‸", "\n")).list.at(0).insertText, "## **" + kPart5 + "**");
  EXPECT_EQ(Doc(insertLineBefore(report, kProsePart5, "## **cz‸", "\n")).list.at(0).insertText, kPart5 + "**");
  // Markup other than the document's: the user's choice, nothing added.
  EXPECT_EQ(Doc(insertLineBefore(report, kProsePart5, "# cz‸", "\n")).list.at(0).insertText, kPart5);
}

TEST(CompletionHeadingStyle, TopicsTakeTheBracketsAndMarkupOfTheirNeighbours) {
  ReportSpec s;
  s.dropTopics = {"四"};
  std::string report = buildReport(s);
  for (const char* t : {"（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况", "（五）监督保障情况"}) {
    std::string written(t);
    std::string half = "### (" + written.substr(3, 3) + ")" + written.substr(9);
    report.replace(report.find(written), written.size(), half);
  }
  Doc d(insertLineBefore(report, "### (五)监督保障情况", "‸", "\n"));
  ASSERT_EQ(d.list.size(), 1u) << report;
  EXPECT_EQ(d.list[0].label, "(四)政府信息公开平台建设");
  EXPECT_EQ(d.list[0].insertText, "### (四)政府信息公开平台建设");
}

TEST(CompletionFilterText, PinyinWordsAndLabel) {
  ReportSpec s;
  s.headings[kPart5] = "";
  s.dropTopics = {"二"};
  std::string report = buildReport(s);
  Doc part(insertLineBefore(report, kProsePart5, "‸", "\n"));
  EXPECT_EQ(part.list.at(0).filterText,
            "cunzaidezhuyaowentijigaijinqingkuang czdzywtjgjqk " + kPart5 + " 存在的主要问题及改进情况");
  Doc topic(insertLineBefore(report, "（三）政府信息管理情况", "‸", "\n"));
  EXPECT_EQ(topic.list.at(0).filterText, "yishenqinggongkai ysqgk （二）依申请公开 依申请公开");
}

// ---------------------------------------------------------------------------
// Rows of a table

class CompletionRows : public LayoutAndEolTest {};

TEST_P(CompletionRows, OffersTheMissingRowInTheTablesLayout) {
  ReportSpec s = spec();
  s.dropRows = {"行政强制"};
  Doc d(insertLineAfter(buildReport(s), rowWritten(layout(), {"行政处罚", "3"}, s.eol), "‸", s.eol));
  ASSERT_EQ(d.list.size(), 1u);
  const CompletionCandidate& c = d.list[0];
  EXPECT_EQ(c.kind, Kind::TableRow);
  EXPECT_EQ(c.label, "行政强制");
  EXPECT_EQ(c.detail, "第二十条第（六）项");
  EXPECT_EQ(c.filterText, "xingzhengqiangzhi xzqz 行政强制");
  EXPECT_EQ(c.replace, (ByteRange{d.cursor, d.cursor}));
  const std::string expected[] = {"行政强制\t0", "| 行政强制 | 0 |", "\t行政强制" + s.eol + "\t0", "行政强制    0"};
  EXPECT_EQ(c.insertText, expected[static_cast<int>(layout())]);
  expectStopsOnZeros(c, 1);
  std::size_t zero = c.insertText.rfind('0');  // the only digit: the labels have none
  EXPECT_EQ(c.tabStops[0], (ByteRange{zero, zero + 1}));
  EXPECT_TRUE(c.preselect);
  EXPECT_TRUE(Checked(d.applied(c)).analysis.findings.empty()) << Checked(d.applied(c)).describe();
}

TEST_P(CompletionRows, FirstRowOfAGroupCarriesTheGroupNameWhereTheTableLacksIt) {
  ReportSpec s = spec();
  s.dropRows = {"1.属于国家秘密"};
  Doc d(insertLineBefore(buildReport(s), "2.其他法律行政法规禁止公开", "‸", s.eol));
  ASSERT_EQ(d.list.size(), 1u);
  const CompletionCandidate& c = d.list[0];
  EXPECT_EQ(c.label, "1.属于国家秘密");
  EXPECT_EQ(c.detail, "收到和处理政府信息公开申请情况表 （三）不予公开");
  EXPECT_EQ(c.filterText, "shuyuguojiamimi sygjmm 1.属于国家秘密 属于国家秘密");
  // Tab and pipe reports here leave group names out; PDF text and one cell
  // per line write them on lines of their own, one of which is above the cursor.
  const std::string expected[] = {
      "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
      "| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "\t1.属于国家秘密" + repeat(s.eol + "\t0", 7),
      "1.属于国家秘密    0    0    0    0    0    0    0",
  };
  EXPECT_EQ(c.insertText, expected[static_cast<int>(layout())]);
  expectStopsOnZeros(c, 7);
  EXPECT_TRUE(Checked(d.applied(c)).analysis.findings.empty()) << Checked(d.applied(c)).describe();
}

TEST_P(CompletionRows, TheNextMissingRowBelowThoseAboveTheCursorComesFirst) {
  ReportSpec s = spec();
  s.dropRows = {"（一）予以公开", "2.重复申请", "4.无正当理由大量反复申请"};
  Doc d(insertLineBefore(buildReport(s), "5.要求行政机关确认或重新出具已获取信息", "‸", s.eol));
  // Rows up to 3.要求提供公开出版物 are above: 4. is next; the others follow in template order.
  EXPECT_EQ(d.labels(),
            (std::vector<std::string>{"4.无正当理由大量反复申请", "（一）予以公开", "2.重复申请"}));
  expectOnlyFirstPreselected(d.list);
  ASSERT_EQ(d.list.size(), 3u);
  EXPECT_EQ(d.list[2].detail, "收到和处理政府信息公开申请情况表 （五）不予处理");
  for (const auto& c : d.list) expectStopsOnZeros(c, 7);
}

TEST_P(CompletionRows, NothingInsideATableThatLacksNothing) {
  ReportSpec s = spec();
  Doc d(insertLineAfter(buildReport(s), rowWritten(layout(), {"行政处罚", "3"}, s.eol), "‸", s.eol));
  EXPECT_TRUE(d.list.empty()) << d.list.front().label;
}

TEST_P(CompletionRows, ATableWithOnlyItsCaptionAndHeaderIsWrittenLikeItsNeighbours) {
  ReportSpec s = spec();
  s.dropRows = {"行政许可"};
  Doc d(insertLineAfter(buildReport(s), rowWritten(layout(), {"信息内容", "本年处理决定数量"}, s.eol), "‸", s.eol));
  ASSERT_EQ(d.list.size(), 1u);
  const std::string expected[] = {"行政许可\t0", "| 行政许可 | 0 |", "\t行政许可" + s.eol + "\t0", "行政许可    0"};
  EXPECT_EQ(d.list[0].insertText, expected[static_cast<int>(layout())]);
  expectStopsOnZeros(d.list[0], 1);
  EXPECT_TRUE(Checked(d.applied(d.list[0])).analysis.findings.empty()) << Checked(d.applied(d.list[0])).describe();
}

INSTANTIATE_TEST_SUITE_P(AllLayouts, CompletionRows, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(CompletionRowCases, APipeTypedBeforeTheWordIsNotWrittenTwice) {
  ReportSpec s;
  s.layout = Layout::Pipes;
  s.dropRows = {"行政强制"};
  Doc d(insertLineAfter(buildReport(s), "| 行政处罚 | 3 |", "| xzqz‸", "\n"));
  ASSERT_EQ(d.list.size(), 1u);
  EXPECT_EQ(d.replaced(d.list[0]), "xzqz");
  EXPECT_EQ(d.list[0].insertText, "行政强制 | 0 |");
  EXPECT_EQ(d.list[0].tabStops, (std::vector<ByteRange>{{15, 16}}));  // 行政强制 is 12 bytes, then " | "
  EXPECT_TRUE(Checked(d.applied(d.list[0])).analysis.findings.empty());
}

TEST(CompletionRowCases, TheGroupNameGoesBesideTheFirstRowOfItsGroup) {
  ReportSpec s;
  s.dropRows = {"（一）予以公开"};
  Doc d(insertLineBefore(buildReport(s), "（二）部分公开", "‸", "\n"));
  ASSERT_EQ(d.list.size(), 1u);
  EXPECT_EQ(d.list[0].insertText, "三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0");
}

TEST(CompletionRowCases, NotOnALineThatIsARowAlready) {
  // The cursor at the end of an existing label, one cell per line: editing
  // that row, not adding one.
  ReportSpec s;
  s.layout = Layout::CellPerLine;
  s.dropRows = {"行政强制"};
  std::string report = buildReport(s);
  std::size_t end = report.find("\t行政处罚") + std::string("\t行政处罚").size();
  Doc atLabel(report.substr(0, end) + std::string(kCursor) + report.substr(end));
  EXPECT_TRUE(atLabel.list.empty());
}

// ---------------------------------------------------------------------------
// Whole tables

class CompletionSkeletons : public LayoutAndEolTest {};

TEST_P(CompletionSkeletons, OffersAnAbsentTableOfThePartBelowTheOneBeforeIt) {
  ReportSpec s = spec();
  std::string report = buildReport(s);
  // Table 第二十条第（五）项 taken out; the cursor where it was.
  std::size_t from = lineStartOf(report, report.find("第二十条第（五）项"));
  std::size_t to = lineStartOf(report, report.find("第二十条第（六）项"));
  Doc d(report.substr(0, from) + "‸" + s.eol + report.substr(to));
  ASSERT_EQ(d.list.size(), 1u);
  const CompletionCandidate& c = d.list[0];
  EXPECT_EQ(c.kind, Kind::TableSkeleton);
  EXPECT_EQ(c.label, "第二十条第（五）项");
  EXPECT_EQ(c.detail, "缺少表格“第二十条第（五）项”");
  EXPECT_EQ(c.filterText, "diershitiaodiwuxiang destdwx 第二十条第（五）项");
  const std::string& e = s.eol;
  // Pipe tables where the document has them, tab rows otherwise.
  std::string expected = layout() == Layout::Pipes
                             ? "第二十条第（五）项" + e + "| 信息内容 | 本年处理决定数量 |" + e + "| --- | --- |" + e +
                                   "| 行政许可 | 0 |"
                             : "第二十条第（五）项" + e + "信息内容\t本年处理决定数量" + e + "行政许可\t0";
  EXPECT_EQ(c.insertText, expected);
  expectStopsOnZeros(c, 1);
  EXPECT_TRUE(Checked(d.applied(c)).analysis.findings.empty()) << Checked(d.applied(c)).describe();
}

TEST_P(CompletionSkeletons, TheReviewTableWithItsColumnGroups) {
  ReportSpec s = spec();
  const std::string& e = s.eol;
  Doc d(replaceLinesBetween(buildReport(s), "政府信息公开行政复议、行政诉讼情况", kPart5, e + "‸" + e + e));
  ASSERT_EQ(d.list.size(), 1u);
  const CompletionCandidate& c = d.list[0];
  EXPECT_EQ(c.label, "政府信息公开行政复议、行政诉讼情况表");
  std::string labels = repeat(" | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计", 3);
  std::string expected =
      layout() == Layout::Pipes
          ? "|  | 行政复议 |  |  |  |  | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |" + e +
                "|" + repeat(" --- |", 16) + e + "| " + labels + " |" + e + "| " + repeat(" | 0", 15) + " |"
          : "\t行政复议\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉" + e +
                repeat("\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计", 3) + e + repeat("\t0", 15);
  EXPECT_EQ(c.insertText, expected);
  expectStopsOnZeros(c, 15);
  EXPECT_TRUE(Checked(d.applied(c)).analysis.findings.empty()) << Checked(d.applied(c)).describe();
}

TEST_P(CompletionSkeletons, TheApplicationsTableWithAColumnForGroupNames) {
  ReportSpec s = spec();
  const std::string& e = s.eol;
  Doc d(replaceLinesBetween(buildReport(s), "## 三、收到和处理政府信息公开申请情况",
                            "## 四、政府信息公开行政复议、行政诉讼情况", e + "‸" + e + e));
  ASSERT_EQ(d.list.size(), 1u);
  const CompletionCandidate& c = d.list[0];
  EXPECT_EQ(c.label, "收到和处理政府信息公开申请情况表");
  // 25 rows of 7 numbers: every one a tab stop, in the order a clerk fills them.
  expectStopsOnZeros(c, 25 * 7);
  std::string zeros = layout() == Layout::Pipes ? repeat(" | 0", 7) + " |" : repeat("\t0", 7);
  if (layout() == Layout::Pipes) {
    EXPECT_TRUE(c.insertText.starts_with("|  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |" +
                                         e + "|" + repeat(" --- |", 9) + e + "|  | 一、本年新收政府信息公开申请数量" +
                                         zeros + e))
        << c.insertText;
    EXPECT_NE(c.insertText.find(e + "| 三、本年度办理结果 | （一）予以公开" + zeros + e), std::string::npos);
    EXPECT_NE(c.insertText.find(e + "| （三）不予公开 | 1.属于国家秘密" + zeros + e), std::string::npos);
    EXPECT_TRUE(c.insertText.ends_with(e + "|  | 四、结转下年度继续办理" + zeros));
  } else {
    EXPECT_TRUE(c.insertText.starts_with("\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计" + e +
                                         "\t一、本年新收政府信息公开申请数量" + zeros + e))
        << c.insertText;
    EXPECT_NE(c.insertText.find(e + "三、本年度办理结果\t（一）予以公开" + zeros + e), std::string::npos);
    EXPECT_NE(c.insertText.find(e + "（三）不予公开\t1.属于国家秘密" + zeros + e), std::string::npos);
    EXPECT_TRUE(c.insertText.ends_with(e + "\t四、结转下年度继续办理" + zeros));
  }
  EXPECT_TRUE(Checked(d.applied(c)).analysis.findings.empty()) << Checked(d.applied(c)).describe();
}

INSTANTIATE_TEST_SUITE_P(AllLayouts, CompletionSkeletons, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(CompletionSkeletonOrder, TablesBeforeHeadingsNextTableFirst) {
  ReportSpec s;
  s.headings[kPart6] = "";
  std::string report = buildReport(s);
  // Part 二 with only its table 第二十条第（六）项 left; the cursor below that.
  std::size_t from = lineStartOf(report, report.find("第二十条第（一）项"));
  std::size_t to = lineStartOf(report, report.find("第二十条第（六）项"));
  report = report.substr(0, from) + report.substr(to);
  from = lineStartOf(report, report.find("第二十条第（八）项"));
  to = lineStartOf(report, report.find("## 三、"));
  Doc d(report.substr(0, from) + "‸\n\n" + report.substr(to));
  EXPECT_EQ(d.labels(), (std::vector<std::string>{"第二十条第（八）项", "第二十条第（一）项", "第二十条第（五）项",
                                                  kPart6}));
  expectOnlyFirstPreselected(d.list);
}

// ---------------------------------------------------------------------------
// Offsets

TEST(CompletionOffsets, NothingForATextThatIsNotAReport) {
  SourceText text("会议纪要\n\n\n今天讨论年度报告。\n");
  ReportModel model = builtinAnalyzer().analyze(text).model;
  for (std::size_t offset = 0; offset <= text.str().size() + 1; ++offset)
    EXPECT_TRUE(completeAt(builtinAnalyzer().tmpl(), text, model, offset).empty()) << offset;
}

TEST(CompletionOffsets, AstralCharactersBeforeTheCursor) {
  ReportSpec s;
  s.eol = "\r\n";
  s.headings[kPart5] = "";
  std::string report = buildReport(s);
  report = insertLineBefore(report, "（一）主动公开情况", "𠮷😀 本年度共发布信息 12 条。", "\r\n");
  Doc d(insertLineBefore(report, kProsePart5, "## 😀𠮷‸", "\r\n"));
  ASSERT_EQ(d.list.size(), 1u);
  // 😀 and 𠮷 are four bytes each in UTF-8.
  EXPECT_EQ(d.list[0].replace, (ByteRange{d.cursor - 8, d.cursor}));
  EXPECT_EQ(d.replaced(d.list[0]), "😀𠮷");
  // An offset inside 𠮷 counts from its start, and 𠮷 after the cursor makes
  // the line a word being edited in its middle: nothing is offered.
  for (std::size_t inside = d.cursor - 3; inside < d.cursor; ++inside) EXPECT_TRUE(d.at(inside).empty());
  // Typed after the astral characters of an earlier line, the offsets are exact.
  Doc typed(insertLineBefore(report, kProsePart5, "cz‸", "\r\n"));
  ASSERT_EQ(typed.list.size(), 1u);
  EXPECT_EQ(typed.list[0].replace, (ByteRange{typed.cursor - 2, typed.cursor}));
  EXPECT_EQ(typed.replaced(typed.list[0]), "cz");
  // Between the CR and the LF: the end of the line.
  ASSERT_EQ(d.text.str().substr(d.cursor, 2), "\r\n");
  auto inBreak = d.at(d.cursor + 1);
  ASSERT_EQ(inBreak.size(), 1u);
  EXPECT_EQ(inBreak[0].replace, d.list[0].replace);
}

TEST(CompletionOffsets, AtAndPastTheEnd) {
  ReportSpec s;
  s.headings[kPart6] = "";
  std::string report = buildReport(s);
  Doc d(report + "qt‸");
  ASSERT_EQ(d.cursor, d.text.str().size());
  ASSERT_EQ(d.list.size(), 1u);
  EXPECT_EQ(d.list[0].label, kPart6);
  EXPECT_EQ(d.replaced(d.list[0]), "qt");
  EXPECT_TRUE(d.at(d.cursor + 1).empty());
  EXPECT_TRUE(d.at(SIZE_MAX).empty());
}

TEST(CompletionOffsets, EveryOffsetGivesRangesInsideTheText) {
  // A report with something to offer almost everywhere: missing parts, topics, rows, a table.
  for (const char* eol : {"\n", "\r\n"}) {
    ReportSpec s;
    s.eol = eol;
    s.headings[kPart5] = "";
    s.dropTopics = {"三"};
    s.dropRows = {"行政强制", "2.重复申请"};
    std::string report = insertLineBefore(buildReport(s), "（一）主动公开情况", "𠮷😀", eol);
    SourceText text(report);
    ReportModel model = builtinAnalyzer().analyze(text).model;
    const std::string& t = text.str();
    auto boundary = [&](std::size_t o) { return o >= t.size() || (static_cast<unsigned char>(t[o]) & 0xC0) != 0x80; };
    std::size_t offered = 0;
    for (std::size_t offset = 0; offset <= t.size() + 2; ++offset) {
      for (const auto& c : completeAt(builtinAnalyzer().tmpl(), text, model, offset)) {
        ++offered;
        EXPECT_LE(c.replace.begin, c.replace.end);
        EXPECT_LE(c.replace.end, std::min(offset, t.size()));
        EXPECT_TRUE(boundary(c.replace.begin) && boundary(c.replace.end)) << offset;
        EXPECT_EQ(text.lineOf(c.replace.begin), text.lineOf(c.replace.end));
        for (const auto& stop : c.tabStops) EXPECT_EQ(c.insertText.substr(stop.begin, stop.size()), "0");
      }
    }
    EXPECT_GT(offered, 0u);
  }
}

TEST(CompletionOffsets, EveryOffsetOfTheCorpus) {
  // Real reports: PDF text with wrapped labels, pipe tables, cell-per-line
  // tables with "|" lines. Nothing may throw, and every range must be sound.
  std::size_t files = 0;
  for (const auto& path : corpusFiles()) {
    ++files;
    SourceText text(readFile(path.string()));
    ReportModel model = builtinAnalyzer().analyze(text).model;
    for (std::size_t offset = 0; offset <= text.str().size(); ++offset)
      for (const auto& c : completeAt(builtinAnalyzer().tmpl(), text, model, offset)) {
        ASSERT_LE(c.replace.begin, c.replace.end) << path << " " << offset;
        ASSERT_LE(c.replace.end, offset);
        EXPECT_EQ(text.lineOf(c.replace.begin), text.lineOf(offset));
        for (const auto& stop : c.tabStops) EXPECT_EQ(c.insertText.substr(stop.begin, stop.size()), "0");
      }
  }
  EXPECT_GE(files, 12u);
}

TEST(CompletionOffsets, NothingAtTheEndOfProseOrOfAWrappedLabel) {
  ReportSpec s;
  s.headings[kPart5] = "";
  std::string report = buildReport(s);
  // A sentence has no spaces in Chinese, but it has its full stop.
  std::string prose = "一是公开的主动性不强。下一步将加强培训。";
  EXPECT_TRUE(Doc(report.insert(report.find(prose) + prose.size(), kCursor)).list.empty());
  // Hongze 2023: （二）部分公开… is wrapped, its last piece on a line of its own.
  std::string real = readFile(std::string(NIANBAO_SHARED) + "/corpus/real/02_hongze-qu-2023.txt");
  std::string piece = "计其他情形）";
  std::size_t at = real.find(piece);
  ASSERT_NE(at, std::string::npos);
  EXPECT_TRUE(Doc(real.insert(at + piece.size(), kCursor)).list.empty());
}

}  // namespace
}  // namespace nianbao::testing
