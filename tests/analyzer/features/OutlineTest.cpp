// Outline and folding: parts, topics, tables, row groups and rows with ranges
// an editor accepts (selection inside range, children inside parents), in
// every layout and line ending, with astral characters earlier in the text.
#include "features/Outline.h"

#include <filesystem>
#include <functional>

#include "ReportBuilder.h"
#include "TestSupport.h"

namespace nianbao::testing {
namespace {

using Kind = OutlineNode::Kind;

std::vector<std::string> names(const std::vector<OutlineNode>& nodes) {
  std::vector<std::string> out;
  for (const auto& n : nodes) out.push_back(n.name);
  return out;
}

std::vector<Kind> kinds(const std::vector<OutlineNode>& nodes) {
  std::vector<Kind> out;
  for (const auto& n : nodes) out.push_back(n.kind);
  return out;
}

bool inside(ByteRange inner, ByteRange outer) { return outer.begin <= inner.begin && inner.end <= outer.end; }

// What LSP clients require of document symbols, and what makes an outline
// usable: a name, a selection within the range, children within their
// parent and in text order without overlapping.
void expectWellFormed(const std::vector<OutlineNode>& nodes, const SourceText& text, const OutlineNode* parent) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const OutlineNode& n = nodes[i];
    EXPECT_FALSE(n.name.empty()) << "a node of kind " << static_cast<int>(n.kind);
    EXPECT_LE(n.range.begin, n.range.end) << n.name;
    EXPECT_LE(n.range.end, text.str().size()) << n.name;
    EXPECT_TRUE(inside(n.selection, n.range)) << n.name;
    if (parent) {
      EXPECT_TRUE(inside(n.range, parent->range)) << n.name << " in " << parent->name;
    }
    if (i > 0) {
      EXPECT_LE(nodes[i - 1].range.end, n.range.begin) << nodes[i - 1].name << " / " << n.name;
    }
    expectWellFormed(n.children, text, &n);
  }
}

const OutlineNode* childNamed(const OutlineNode& parent, const std::string& name) {
  for (const auto& c : parent.children)
    if (c.name == name) return &c;
  return nullptr;
}

class Outline : public LayoutAndEolTest {
 protected:
  ReportSpec astralSpec() const {
    ReportSpec s = spec();
    s.beforeTables = "𠮷😀 附注：本部分数字按件统计。";
    return s;
  }
  static std::vector<OutlineNode> of(const Checked& c) {
    return outline(builtinAnalyzer().tmpl(), c.text, c.analysis.model);
  }
};

TEST_P(Outline, TheTitleThenTheSixPartsEachFromItsHeadingToTheNext) {
  Checked c(buildReport(astralSpec()));
  auto top = of(c);
  ASSERT_EQ(top.size(), 7u);
  EXPECT_EQ(top[0].kind, Kind::Title);
  EXPECT_EQ(top[0].name, "测试镇 2024 年政府信息公开工作年度报告");
  EXPECT_EQ(names(top), (std::vector<std::string>{
                            "测试镇 2024 年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况",
                            "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                            "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}));
  const auto& parts = c.analysis.model.parts;
  ASSERT_EQ(parts.size(), 6u);
  for (std::size_t k = 0; k < 6; ++k) {
    const OutlineNode& p = top[k + 1];
    EXPECT_EQ(p.kind, Kind::Part);
    EXPECT_EQ(p.selection, parts[k].headingRange);
    EXPECT_EQ(p.range.begin, c.text.lineStart(parts[k].line));
    std::size_t end = k + 1 < 6 ? c.text.lineEnd(parts[k + 1].line - 1) : c.text.str().size();
    EXPECT_EQ(p.range.end, end) << p.name;
    EXPECT_TRUE(p.detail.empty()) << p.detail;
  }
  expectWellFormed(top, c.text, nullptr);
}

TEST_P(Outline, PartsHoldTheirTopicsAndTables) {
  Checked c(buildReport(astralSpec()));
  auto top = of(c);
  ASSERT_EQ(top.size(), 7u);
  EXPECT_EQ(kinds(top[1].children), std::vector<Kind>(5, Kind::Topic));
  EXPECT_EQ(names(top[1].children), (std::vector<std::string>{"（一）主动公开情况", "（二）依申请公开情况",
                                                              "（三）政府信息管理情况", "（四）政府信息公开平台建设情况",
                                                              "（五）监督保障情况"}));
  EXPECT_EQ(kinds(top[2].children), std::vector<Kind>(4, Kind::Table));
  EXPECT_EQ(names(top[2].children), (std::vector<std::string>{"第二十条第（一）项", "第二十条第（五）项",
                                                              "第二十条第（六）项", "第二十条第（八）项"}));
  EXPECT_EQ(top[2].children[0].detail, "本年制发件数 | 本年废止件数 | 现行有效件数");
  EXPECT_EQ(names(top[3].children), std::vector<std::string>{"收到和处理政府信息公开申请情况表"});
  EXPECT_EQ(names(top[4].children), std::vector<std::string>{"政府信息公开行政复议、行政诉讼情况表"});
  EXPECT_EQ(top[4].children[0].detail, "行政复议 | 未经复议直接起诉 | 复议后起诉");
  EXPECT_TRUE(top[5].children.empty());
  EXPECT_TRUE(top[6].children.empty());
  // A topic runs to the next topic; the last to the end of its part.
  const auto& topics = c.analysis.model.topics;
  ASSERT_EQ(topics.size(), 5u);
  EXPECT_EQ(top[1].children[0].range.end, c.text.lineEnd(topics[1].line - 1));
  EXPECT_EQ(top[1].children[4].range.end, top[1].range.end);
}

TEST_P(Outline, TablesCoverTheirCaptionAndRowsAndStopBeforeTheNextPart) {
  Checked c(buildReport(astralSpec()));
  auto top = of(c);
  ASSERT_EQ(top.size(), 7u);
  // Each article table starts at its caption, not at a header line the parser
  // may have lent it from the table before.
  for (const auto& table : top[2].children) {
    std::size_t caption = c.text.str().find(table.name);
    ASSERT_NE(caption, std::string::npos);
    EXPECT_EQ(table.range.begin, c.text.lineStart(c.text.lineOf(caption))) << table.name;
    EXPECT_EQ(c.at(table.selection), table.name);
  }
  const OutlineNode& applications = top[3].children.at(0);
  const TableRow* last = nullptr;
  for (const auto& t : c.analysis.model.tables)
    for (const auto& r : t.rows)
      if (r.label == "四、结转下年度继续办理") last = &r;
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(applications.range.end, c.text.lineEnd(last->lastLine));
  EXPECT_LT(applications.range.end, c.analysis.model.parts[3].lineRange.begin);
}

TEST_P(Outline, TheApplicationsTableNestsRowsInTheTemplatesGroups) {
  Checked c(buildReport(astralSpec()));
  auto top = of(c);
  ASSERT_EQ(top.size(), 7u);
  const OutlineNode& table = top[3].children.at(0);
  EXPECT_EQ(kinds(table.children), (std::vector<Kind>{Kind::Row, Kind::Row, Kind::RowGroup, Kind::Row}));
  EXPECT_EQ(names(table.children), (std::vector<std::string>{"一、本年新收政府信息公开申请数量",
                                                             "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
                                                             "四、结转下年度继续办理"}));
  EXPECT_EQ(table.children[0].detail, "3 1 0 0 0 0 4");
  const OutlineNode& results = table.children[2];
  EXPECT_EQ(kinds(results.children), (std::vector<Kind>{Kind::Row, Kind::Row, Kind::RowGroup, Kind::RowGroup,
                                                        Kind::RowGroup, Kind::RowGroup, Kind::Row}));
  EXPECT_EQ(results.children[6].name, "（七）总计");
  const OutlineNode* withheld = childNamed(results, "（三）不予公开");
  ASSERT_NE(withheld, nullptr);
  EXPECT_EQ(withheld->children.size(), 8u);
  EXPECT_EQ(withheld->children.front().name, "1.属于国家秘密");
  EXPECT_EQ(withheld->children.back().name, "8.属于行政查询事项");
  const OutlineNode* other = childNamed(results, "（六）其他处理");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(names(other->children).back(), "3.其他");
  // A group spans its rows: from its first row's line to its last row's.
  EXPECT_EQ(withheld->range.begin, withheld->children.front().range.begin);
  EXPECT_EQ(withheld->range.end, withheld->children.back().range.end);
  // The review table's one row has no label: it is named by its table and
  // selected at its first number.
  const OutlineNode& review = top[4].children.at(0);
  ASSERT_EQ(review.children.size(), 1u);
  EXPECT_EQ(review.children[0].name, "政府信息公开行政复议、行政诉讼情况表");
  EXPECT_EQ(c.at(review.children[0].selection), "1");
  EXPECT_EQ(review.children[0].detail, "1 0 1 0 2 0 1 0 0 1 0 0 0 1 1");
}

TEST_P(Outline, LineRangesEndBeforeTheLineBreak) {
  Checked c(buildReport(astralSpec()));
  const std::string& s = c.text.str();
  std::function<void(const std::vector<OutlineNode>&)> check = [&](const std::vector<OutlineNode>& nodes) {
    for (const auto& n : nodes) {
      if (n.range.end > 0 && n.range.end < s.size()) {
        EXPECT_NE(s[n.range.end - 1], '\r') << n.name;
        EXPECT_TRUE(s[n.range.end] == '\r' || s[n.range.end] == '\n') << n.name;
      }
      check(n.children);
    }
  };
  check(of(c));
}

TEST_P(Outline, StaysWellFormedWhenTheReportIsBroken) {
  std::vector<ReportSpec> broken(5, astralSpec());
  broken[0].headings["二、主动公开政府信息情况"] = "";  // its tables now sit in part 一
  broken[1].headings["四、政府信息公开行政复议、行政诉讼情况"] = "";
  broken[2].dropRows = {"（一）予以公开", "1.属于国家秘密", "3.其他", "四、结转下年度继续办理"};
  broken[3].labels["3.其他"] = "其他";
  broken[4].dropTopics = {"一", "五"};
  broken[4].headings["五、存在的主要问题及改进情况"] = "五、存在的主要问题和改进措施";
  for (std::size_t i = 0; i < broken.size(); ++i) {
    SCOPED_TRACE(i);
    Checked c(buildReport(broken[i]));
    auto top = of(c);
    ASSERT_FALSE(top.empty());
    expectWellFormed(top, c.text, nullptr);
  }
}

TEST_P(Outline, PartsAndTablesFold) {
  Checked c(buildReport(astralSpec()));
  auto regions = foldingRegions(builtinAnalyzer().tmpl(), c.text, c.analysis.model);
  const auto& parts = c.analysis.model.parts;
  ASSERT_EQ(parts.size(), 6u);
  std::vector<std::pair<std::size_t, std::size_t>> partRegions, tableRegions;
  for (const auto& r : regions) {
    EXPECT_LT(r.startLine, r.endLine);
    (r.kind == FoldingRegion::Kind::Part ? partRegions : tableRegions).push_back({r.startLine, r.endLine});
  }
  // Every part ends with a line of text and a blank line before the next
  // heading (two after a table written one cell per line); the last part's
  // text is followed by the final line break.
  ASSERT_EQ(partRegions.size(), 6u);
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(partRegions[k].first, parts[k].line);
    bool endsWithCellLines = layout() == Layout::CellPerLine && k >= 1 && k <= 3;
    std::size_t expectedEnd = k + 1 < 6 ? parts[k + 1].line - 2 - (endsWithCellLines ? 1 : 0) : c.text.lineCount() - 2;
    EXPECT_EQ(partRegions[k].second, expectedEnd) << k;
  }
  // The tables fold as the outline spans them.
  auto top = of(c);
  std::vector<std::pair<std::size_t, std::size_t>> tableSpans;
  for (const auto& part : top)
    for (const auto& child : part.children)
      if (child.kind == OutlineNode::Kind::Table)
        tableSpans.push_back({c.text.lineOf(child.range.begin), c.text.lineOf(child.range.end)});
  EXPECT_EQ(tableRegions, tableSpans);
  EXPECT_EQ(tableRegions.size(), 6u);
  for (std::size_t i = 1; i < regions.size(); ++i) EXPECT_LE(regions[i - 1].startLine, regions[i].startLine);
}

INSTANTIATE_TEST_SUITE_P(Layouts, Outline, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(OutlineSmall, AOneLinePartIsInTheOutlineButDoesNotFold) {
  for (std::string eol : {"\n", "\r\n"}) {
    std::string doc = "# 某局 2024 年政府信息公开工作年度报告" + eol + "## 一、总体情况" + eol +
                      "## 二、主动公开政府信息情况" + eol + "本年度无新增。" + eol;
    Checked c(doc);
    ASSERT_TRUE(c.analysis.model.isReport);
    auto top = outline(builtinAnalyzer().tmpl(), c.text, c.analysis.model);
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(c.at(top[1].range), "## 一、总体情况");
    EXPECT_EQ(top[2].range.end, doc.size());
    auto regions = foldingRegions(builtinAnalyzer().tmpl(), c.text, c.analysis.model);
    ASSERT_EQ(regions.size(), 1u);
    EXPECT_EQ(regions[0].startLine, 2u);
    EXPECT_EQ(regions[0].endLine, 3u);
    EXPECT_EQ(regions[0].kind, FoldingRegion::Kind::Part);
  }
}

TEST(OutlineGroups, AGroupWrittenAsOneRowIsAGroupWithItsNumbers) {
  // The 2019 format's single （六）其他处理 row; the other layouts would also
  // write the group's name on a line of its own.
  for (Layout layout : {Layout::Tabs, Layout::Pipes}) {
    SCOPED_TRACE(layoutName(layout));
    ReportSpec s;
    s.layout = layout;
    s.dropRows = {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"};
    s.labels["3.其他"] = "（六）其他处理";
    Checked c(buildReport(s));
    auto top = outline(builtinAnalyzer().tmpl(), c.text, c.analysis.model);
    ASSERT_EQ(top.size(), 7u);
    const OutlineNode& table = top[3].children.at(0);
    ASSERT_EQ(table.children.size(), 4u);
    const OutlineNode* group = childNamed(table.children[2], "（六）其他处理");
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->kind, Kind::RowGroup);
    EXPECT_EQ(group->detail, "0 0 0 0 0 0 0");
    EXPECT_TRUE(group->children.empty());
    EXPECT_EQ(c.at(group->selection), "（六）其他处理");
    expectWellFormed(top, c.text, nullptr);
  }
}

TEST(OutlineCorpus, EveryPublishedReportGivesAWellFormedOutline) {
  // Real reports: lost headings, PDF text, tables pasted in pieces.
  std::size_t files = 0;
  for (const auto& path : corpusFiles()) {
    SCOPED_TRACE(path.filename().string());
    ++files;
    Checked c(readFile(path.string()));
    auto top = outline(builtinAnalyzer().tmpl(), c.text, c.analysis.model);
    EXPECT_EQ(top.empty(), !c.analysis.model.isReport);
    expectWellFormed(top, c.text, nullptr);
    for (const auto& r : foldingRegions(builtinAnalyzer().tmpl(), c.text, c.analysis.model)) {
      EXPECT_LT(r.startLine, r.endLine);
      EXPECT_LT(r.endLine, c.text.lineCount());
    }
  }
  EXPECT_GE(files, 12u) << "expected the shared corpus at " << NIANBAO_SHARED;
}

TEST(OutlineSilence, ADocumentThatIsNotAReportHasNoOutline) {
  Checked c("会议纪要\n\n今天开会，讨论年度报告的写法。\n");
  ASSERT_FALSE(c.analysis.model.isReport);
  EXPECT_TRUE(outline(builtinAnalyzer().tmpl(), c.text, c.analysis.model).empty());
  EXPECT_TRUE(foldingRegions(builtinAnalyzer().tmpl(), c.text, c.analysis.model).empty());
}

}  // namespace
}  // namespace nianbao::testing
