// Hover: relations with their numbers on totals, the template's words on
// labels, headings and captions, in every layout and line ending, with
// astral characters earlier in the text; nothing (and no crash) elsewhere.
#include "features/Hover.h"

#include <filesystem>

#include "ReportBuilder.h"
#include "TestSupport.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A paragraph with characters outside the BMP (4 bytes in UTF-8, 2 UTF-16
// units) before the tables, so byte offsets and characters part ways early.
const char* kAstralProse = "𠮷😀 附注：本部分数字按件统计。";

const TableRow* rowLabeled(const ReportModel& model, const std::string& label) {
  for (const auto& table : model.tables)
    for (const auto& row : table.rows)
      if (row.label == label) return &row;
  return nullptr;
}

const TableRow* reviewRow(const ReportModel& model) {
  int review = -1;
  const auto& tables = builtinAnalyzer().tmpl().tables;
  for (std::size_t i = 0; i < tables.size(); ++i)
    if (tables[i].id == "review-litigation") review = static_cast<int>(i);
  for (const auto& table : model.tables)
    if (table.templateTable == review && !table.rows.empty()) return &table.rows.front();
  return nullptr;
}

std::string joinPlus(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? " + " : "") + v[i];
  return out;
}

class Hover : public LayoutAndEolTest {
 protected:
  ReportSpec astralSpec() const {
    ReportSpec s = spec();
    s.beforeTables = kAstralProse;
    return s;
  }
  static std::optional<HoverInfo> at(const Checked& c, std::size_t offset,
                                     const Analyzer& analyzer = builtinAnalyzer()) {
    return hoverAt(analyzer, c.text, c.analysis.model, offset);
  }
  static std::string markdownAt(const Checked& c, std::size_t offset) {
    auto h = at(c, offset);
    return h ? h->markdown : "(no hover)";
  }
};

TEST_P(Hover, AWrongTotalShowsTheSumAndWhatIsWritten) {
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "1.本机关不掌握相关政府信息");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->values.size(), 7u);
  ByteRange total = row->values[6].cell.range;
  // On the digit and just after it, where the caret sits after typing it.
  for (std::size_t offset : {total.begin, total.end}) {
    auto h = at(c, offset);
    ASSERT_TRUE(h) << offset;
    EXPECT_EQ(h->range, total);
    EXPECT_THAT(h->markdown, HasSubstr("**“1.本机关不掌握相关政府信息”的“总计”**"));
    EXPECT_THAT(h->markdown, HasSubstr("总计 = 1 + 0 + 0 + 0 + 0 + 0 = 1 ✗（写的是 3）"));
    EXPECT_THAT(h->markdown, HasSubstr("不为 0 的：自然人 1"));
    EXPECT_THAT(h->markdown, Not(HasSubstr("✓")));
  }
}

TEST_P(Hover, ARightTotalShowsACheckMark) {
  Checked c(buildReport(astralSpec()));
  const TableRow* row = rowLabeled(c.analysis.model, "1.本机关不掌握相关政府信息");
  ASSERT_TRUE(row && row->values.size() == 7u);
  std::string md = markdownAt(c, row->values[6].cell.range.begin);
  EXPECT_THAT(md, HasSubstr("总计 = 1 + 0 + 0 + 0 + 0 + 0 = 1 ✓"));
  EXPECT_THAT(md, Not(HasSubstr("✗")));
}

TEST_P(Hover, ACellThatIsTwoTotalsShowsBothAndTheBalance) {
  // 本机关's total says 3 where its row adds to 1: the column 总计 of （七）
  // then adds 3 (予以公开) + 3 = 6, but says 4; its row (3 + 1) still holds,
  // and so does the balance in 总计 (4 + 1 both sides).
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "（七）总计");
  ASSERT_TRUE(row && row->values.size() == 7u);
  std::string md = markdownAt(c, row->values[6].cell.range.begin + 1);
  std::vector<std::string> terms(21, "0");
  terms[0] = "3";   // （一）予以公开
  terms[10] = "3";  // （四）1.本机关不掌握相关政府信息
  std::string rowSum = "总计 = 3 + 1 + 0 + 0 + 0 + 0 = 4 ✓";
  std::string columnSum = "（七）总计（总计） = " + joinPlus(terms) + " = 6 ✗（写的是 4）";
  std::string balance = "一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = （七）总计 + "
                        "四、结转下年度继续办理：4 + 1 = 5，4 + 1 = 5 ✓";
  EXPECT_THAT(md, HasSubstr(rowSum));
  EXPECT_THAT(md, HasSubstr(columnSum));
  EXPECT_THAT(md, HasSubstr(balance));
  // In the template's order of relations.
  EXPECT_LT(md.find(rowSum), md.find(columnSum));
  EXPECT_LT(md.find(columnSum), md.find(balance));
}

TEST_P(Hover, TheBalanceShowsOnEveryBalanceRow) {
  // 四 grows by 1 in 自然人 (and so in 总计): 一 + 二 no longer equals （七） + 四.
  ReportSpec s = astralSpec();
  s.cells["四、结转下年度继续办理"] = {"2", "0", "0", "0", "0", "0", "2"};
  Checked c(buildReport(s));
  const TableRow* first = rowLabeled(c.analysis.model, "一、本年新收政府信息公开申请数量");
  const TableRow* second = rowLabeled(c.analysis.model, "二、上年结转政府信息公开申请数量");
  const TableRow* plain = rowLabeled(c.analysis.model, "（一）予以公开");
  ASSERT_TRUE(first && second && plain);
  ASSERT_EQ(second->values.size(), 7u);
  EXPECT_THAT(markdownAt(c, first->values[0].cell.range.begin), HasSubstr("：3 + 1 = 4，3 + 2 = 5 ✗"));
  std::string md = markdownAt(c, second->values[6].cell.range.begin);
  EXPECT_THAT(md, HasSubstr("总计 = 1 + 0 + 0 + 0 + 0 + 0 = 1 ✓"));
  EXPECT_THAT(md, HasSubstr("：4 + 1 = 5，4 + 2 = 6 ✗"));
  // An ordinary cell is in no relation's total: its row and column only.
  std::string ordinary = markdownAt(c, plain->values[0].cell.range.begin);
  EXPECT_THAT(ordinary, HasSubstr("“（一）予以公开”的“自然人”"));
  EXPECT_THAT(ordinary, Not(HasSubstr("✓")));
  EXPECT_THAT(ordinary, Not(HasSubstr("✗")));
}

TEST_P(Hover, TheReviewTotalsNameTheirGroup) {
  ReportSpec s = astralSpec();
  s.review[4] = "3";  // 行政复议: 1 + 0 + 1 + 0 is 2
  Checked c(buildReport(s));
  const TableRow* row = reviewRow(c.analysis.model);
  ASSERT_TRUE(row && row->values.size() == 15u);
  EXPECT_THAT(markdownAt(c, row->values[4].cell.range.begin), HasSubstr("行政复议总计 = 1 + 0 + 1 + 0 = 2 ✗（写的是 3）"));
  EXPECT_THAT(markdownAt(c, row->values[14].cell.range.begin), HasSubstr("复议后起诉总计 = 0 + 0 + 0 + 1 = 1 ✓"));
}

TEST_P(Hover, ARowLabelTellsItsTableGroupColumnsAndRelations) {
  Checked c(buildReport(astralSpec()));
  const TableRow* row = rowLabeled(c.analysis.model, "2.重复申请");
  ASSERT_NE(row, nullptr);
  // Byte 4 is inside 重 (bytes 2–4): any byte of a character finds its label.
  for (std::size_t offset : {row->labelRange.begin, row->labelRange.begin + 4, row->labelRange.end}) {
    auto h = at(c, offset);
    ASSERT_TRUE(h) << offset;
    EXPECT_EQ(h->range, row->labelRange);
    EXPECT_THAT(h->markdown, HasSubstr("**2.重复申请**"));
    EXPECT_THAT(h->markdown, HasSubstr("第三部分“收到和处理政府信息公开申请情况”中“收到和处理政府信息公开申请情况表”的一行"));
    EXPECT_THAT(h->markdown, HasSubstr("属于“（五）不予处理”"));
    EXPECT_THAT(h->markdown, HasSubstr("7 列：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计"));
    EXPECT_THAT(h->markdown, HasSubstr("- sum-row：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"));
    EXPECT_THAT(h->markdown, HasSubstr("- sum-results：计入“（七）总计”"));
    EXPECT_THAT(h->markdown, Not(HasSubstr("balance")));
  }
  const TableRow* total = rowLabeled(c.analysis.model, "（七）总计");
  ASSERT_NE(total, nullptr);
  std::string md = markdownAt(c, total->labelRange.begin);
  EXPECT_THAT(md, HasSubstr("- sum-results：（七）总计 = （一）予以公开 + … + 3.其他（共 21 项）"));
  EXPECT_THAT(md, HasSubstr("- balance：一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = "
                            "（七）总计 + 四、结转下年度继续办理"));
  const TableRow* fee = rowLabeled(c.analysis.model, "行政事业性收费");
  ASSERT_NE(fee, nullptr);
  EXPECT_THAT(markdownAt(c, fee->labelRange.begin), HasSubstr("单位：万元"));
}

TEST_P(Hover, ALabelWrittenOtherwiseIsQuotedWithoutMarkdown) {
  ReportSpec s = astralSpec();
  s.labels["行政规范性文件"] = "行政_规范性*文件";
  Checked c(buildReport(s));
  const TableRow* row = rowLabeled(c.analysis.model, "行政_规范性*文件");
  ASSERT_NE(row, nullptr) << c.describe();
  std::string md = markdownAt(c, row->labelRange.begin);
  EXPECT_THAT(md, HasSubstr("**行政规范性文件**"));
  EXPECT_THAT(md, HasSubstr("文中写作“行政\\_规范性\\*文件”"));
}

TEST_P(Hover, PartHeadingsSayWhatThePartHolds) {
  ReportSpec s = astralSpec();
  s.headings["五、存在的主要问题及改进情况"] = "五、存在的主要问题和改进措施";
  Checked c(buildReport(s));
  const auto& parts = c.analysis.model.parts;
  ASSERT_EQ(parts.size(), 6u);
  // From the Markdown markup before the numeral to the end of the title.
  for (std::size_t offset : {parts[0].lineRange.begin, parts[0].headingRange.end}) {
    auto h = at(c, offset);
    ASSERT_TRUE(h) << offset;
    EXPECT_EQ(c.at(h->range), "## 一、总体情况");
    EXPECT_THAT(h->markdown, HasSubstr("**一、总体情况**"));
    EXPECT_THAT(h->markdown, HasSubstr("模板 6 个部分中的第一部分"));
    EXPECT_THAT(h->markdown, HasSubstr("应写 5 项：（一）主动公开、（二）依申请公开、（三）政府信息管理、"
                                       "（四）政府信息公开平台建设、（五）监督保障"));
  }
  EXPECT_THAT(markdownAt(c, parts[1].headingRange.begin),
              HasSubstr("应有 4 个表格：第二十条第（一）项、第二十条第（五）项、第二十条第（六）项、第二十条第（八）项"));
  EXPECT_THAT(markdownAt(c, parts[2].headingRange.begin), HasSubstr("应有 1 个表格：收到和处理政府信息公开申请情况表"));
  std::string fifth = markdownAt(c, parts[4].headingRange.begin);
  EXPECT_THAT(fifth, HasSubstr("**五、存在的主要问题及改进情况**"));
  EXPECT_THAT(fifth, HasSubstr("文中写作“五、存在的主要问题和改进措施”"));
  EXPECT_THAT(fifth, Not(HasSubstr("应写")));
  EXPECT_THAT(fifth, Not(HasSubstr("应有")));
}

TEST_P(Hover, TopicHeadingsAndCaptionsSayWhatTheTemplateHas) {
  Checked c(buildReport(astralSpec()));
  const auto& topics = c.analysis.model.topics;
  ASSERT_EQ(topics.size(), 5u);
  auto h = at(c, topics[2].range.begin + 1);  // inside the full-width （
  ASSERT_TRUE(h);
  EXPECT_EQ(h->range, topics[2].range);
  EXPECT_THAT(h->markdown, HasSubstr("**（三）政府信息管理**"));
  EXPECT_THAT(h->markdown, HasSubstr("第一部分“总体情况”应写的 5 项之一"));
  std::size_t caption = c.text.str().find("第二十条第（八）项");
  ASSERT_NE(caption, std::string::npos);
  std::string md = markdownAt(c, caption);
  EXPECT_THAT(md, HasSubstr("第二部分“主动公开政府信息情况”中的表格"));
  EXPECT_THAT(md, HasSubstr("1 列：本年收费金额（单位：万元）"));
  EXPECT_THAT(md, HasSubstr("1 行：行政事业性收费"));
}

TEST_P(Hover, NoOffsetThrowsAndEveryHoverCoversItsOffset) {
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  std::size_t size = c.text.str().size();
  for (std::size_t offset = 0; offset <= size + 2; ++offset) {
    std::optional<HoverInfo> h;
    ASSERT_NO_THROW(h = at(c, offset)) << offset;
    if (!h) continue;
    EXPECT_LE(h->range.begin, offset);
    EXPECT_GE(h->range.end, offset);
    EXPECT_LE(h->range.end, size);
    EXPECT_FALSE(h->markdown.empty());
  }
  // The prose is nothing to hover, on any byte of its 4-byte characters.
  std::size_t prose = c.text.str().find("𠮷");
  ASSERT_NE(prose, std::string::npos);
  for (std::size_t k = 0; k < 8; ++k) EXPECT_FALSE(at(c, prose + k)) << k;
  EXPECT_FALSE(at(c, size + 1));
}

TEST_P(Hover, EnglishWordsKeepTheNumbersAndTheDocumentsLabels) {
  ReportSpec s = astralSpec();
  s.cells["1.本机关不掌握相关政府信息"] = {"1", "0", "0", "0", "0", "0", "3"};
  Checked c(buildReport(s));
  Analyzer english(governmentInformationDisclosure2021(), "en");
  const TableRow* row = rowLabeled(c.analysis.model, "1.本机关不掌握相关政府信息");
  const TableRow* repeated = rowLabeled(c.analysis.model, "2.重复申请");
  ASSERT_TRUE(row && repeated && row->values.size() == 7u);
  auto h = at(c, row->values[6].cell.range.begin, english);
  ASSERT_TRUE(h);
  EXPECT_THAT(h->markdown, HasSubstr("**“总计” of “1.本机关不掌握相关政府信息”**"));
  EXPECT_THAT(h->markdown, HasSubstr("总计 = 1 + 0 + 0 + 0 + 0 + 0 = 1 ✗ (written: 3)"));
  auto label = at(c, repeated->labelRange.begin, english);
  ASSERT_TRUE(label);
  EXPECT_THAT(label->markdown, HasSubstr("- sum-results: counted in “（七）总计”"));
  EXPECT_THAT(label->markdown, HasSubstr("Under “（五）不予处理”"));
}

INSTANTIATE_TEST_SUITE_P(Layouts, Hover, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

TEST(HoverGroups, AGroupNameBesideARowTellsWhatItHolds) {
  // One cell per line writes （三）不予公开 as a cell of its own, just before
  // 1.属于国家秘密: the parser keeps it as that row's context cell.
  ReportSpec s;
  s.layout = Layout::CellPerLine;
  Checked c(buildReport(s));
  std::size_t group = c.text.str().find("（三）不予公开");
  ASSERT_NE(group, std::string::npos);
  auto h = hoverAt(builtinAnalyzer(), c.text, c.analysis.model, group);
  ASSERT_TRUE(h);
  EXPECT_EQ(c.at(h->range), "（三）不予公开");
  EXPECT_THAT(h->markdown, HasSubstr("**（三）不予公开**"));
  EXPECT_THAT(h->markdown, HasSubstr("属于“三、本年度办理结果”"));
  EXPECT_THAT(h->markdown, HasSubstr("分组名称，本身不填数字"));
  EXPECT_THAT(h->markdown, HasSubstr("下分 8 项：1.属于国家秘密、2.其他法律行政法规禁止公开"));
}

// The 2019 format's single （六）其他处理 row of numbers, in the layouts
// that write group names only where a row carries them.
ReportSpec collapsedOtherHandling(Layout layout) {
  ReportSpec s;
  s.layout = layout;
  s.dropRows = {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"};
  s.labels["3.其他"] = "（六）其他处理";
  return s;
}

TEST(HoverGroups, AGroupWrittenAsOneRowStandsForItsRows) {
  for (Layout layout : {Layout::Tabs, Layout::Pipes}) {
    SCOPED_TRACE(layoutName(layout));
    Checked c(buildReport(collapsedOtherHandling(layout)));
    const TableRow* group = rowLabeled(c.analysis.model, "（六）其他处理");
    const TableRow* total = rowLabeled(c.analysis.model, "（七）总计");
    ASSERT_TRUE(group && total && total->values.size() == 7u) << c.describe();
    auto h = hoverAt(builtinAnalyzer(), c.text, c.analysis.model, group->labelRange.begin);
    ASSERT_TRUE(h);
    EXPECT_THAT(h->markdown, HasSubstr("按 2019 年格式写成一行数字，代替其下各行"));
    EXPECT_THAT(h->markdown, HasSubstr("- sum-row：总计 = 自然人 + 商业企业"));
    EXPECT_THAT(h->markdown, HasSubstr("- sum-results：计入“（七）总计”"));
    // （七） adds the one row in place of three: 19 terms, still checkable.
    std::vector<std::string> terms(19, "0");
    terms[0] = "2";   // （一）予以公开
    terms[10] = "1";  // （四）1.本机关不掌握相关政府信息
    auto sum = hoverAt(builtinAnalyzer(), c.text, c.analysis.model, total->values[0].cell.range.begin);
    ASSERT_TRUE(sum);
    EXPECT_THAT(sum->markdown, HasSubstr("（七）总计（自然人） = " + joinPlus(terms) + " = 3 ✓"));
  }
}

// On the title's line: the year, and the statistics period with its line.
// Real 01: 2024 年政府信息公开工作年度报告 on line 2, the period on line 7.
TEST(HoverTitle, TheYearAndThePeriod) {
  Checked c(readFile(std::string(NIANBAO_SHARED) + "/corpus/real/01_huaian-shi-2024.txt"));
  std::size_t at = c.text.lineStart(1) + 20;
  auto h = hoverAt(builtinAnalyzer(), c.text, c.analysis.model, at);
  ASSERT_TRUE(h);
  EXPECT_THAT(h->markdown, HasSubstr("2024 年的政府信息公开工作年度报告"));
  EXPECT_THAT(h->markdown, HasSubstr("统计期限：2024 年 1 月 1 日至 2024 年 12 月 31 日（第 7 行）"));
  EXPECT_EQ(h->range.begin, c.text.lineStart(1));
  // The example (title on line 3) states no period.
  Checked ex(readFile(NIANBAO_EXAMPLE));
  auto e = hoverAt(builtinAnalyzer(), ex.text, ex.analysis.model, ex.text.lineStart(2) + 3);
  ASSERT_TRUE(e);
  EXPECT_THAT(e->markdown, HasSubstr("报告没有写统计期限，应为 2024年1月1日至2024年12月31日"));
}

TEST(HoverCorpus, EveryByteOfEveryPublishedReportIsSafe) {
  std::size_t files = 0;
  for (const auto& path : corpusFiles()) {
    SCOPED_TRACE(path.filename().string());
    ++files;
    Checked c(readFile(path.string()));
    for (std::size_t offset = 0; offset <= c.text.str().size(); ++offset) {
      std::optional<HoverInfo> h;
      ASSERT_NO_THROW(h = hoverAt(builtinAnalyzer(), c.text, c.analysis.model, offset)) << offset;
      if (h) {
        EXPECT_TRUE(h->range.begin <= offset && offset <= h->range.end) << offset;
      }
    }
  }
  EXPECT_GE(files, 12u) << "expected the shared corpus at " << NIANBAO_SHARED;
}

TEST(HoverSilence, ADocumentThatIsNotAReportHasNoHovers) {
  Checked c("会议纪要\n\n一、总体情况\n今天开会。\n");
  ASSERT_FALSE(c.analysis.model.isReport);
  for (std::size_t offset = 0; offset <= c.text.str().size(); ++offset)
    EXPECT_FALSE(hoverAt(builtinAnalyzer(), c.text, c.analysis.model, offset)) << offset;
}

}  // namespace
}  // namespace nianbao::testing
