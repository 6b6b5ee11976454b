// obsolete-format: a 2020 township report in the 2019 format
// (tests/data/reports/township-2020-format-2019.report.md) read against the
// 2021 template, the old citation in the example, real reports 02 and 03's
// single （六）其他处理 row, and the old wording in each table layout.
#include "ReportBuilder.h"
#include "TestSupport.h"
#include "fix/TextEdits.h"

namespace nianbao::testing {
namespace {

using ::testing::IsEmpty;

std::string report2019() {
  return readFile(std::string(NIANBAO_TEST_DATA) + "/reports/township-2020-format-2019.report.md");
}
std::string example() { return readFile(NIANBAO_EXAMPLE); }

const Analyzer& analyzer2019() {
  static const Analyzer analyzer(governmentInformationDisclosure2019());
  return analyzer;
}

struct Expected {
  std::size_t line;
  std::string text;
  std::string message;
};

void expectFindings(const Checked& c, const std::string& code, const std::vector<Expected>& expected) {
  auto found = c.with(code);
  ASSERT_EQ(found.size(), expected.size()) << c.describe();
  for (std::size_t i = 0; i < found.size(); ++i) {
    SCOPED_TRACE(expected[i].text);
    EXPECT_EQ(c.line(*found[i]), expected[i].line);
    EXPECT_EQ(c.at(found[i]->range), expected[i].text);
    EXPECT_EQ(found[i]->message, expected[i].message);
    EXPECT_EQ(found[i]->severity, Severity::Warning);
    EXPECT_FALSE(found[i]->fix);  // the numbers under an old column mean something else
  }
}

const std::string kColumns1 = "2021 年格式“第二十条第（一）项”的列为：本年制发件数、本年废止件数、现行有效件数";
const std::string kColumns5 = "2021 年格式“第二十条第（五）项”的列为：本年处理决定数量";
const std::string kColumns6 = "2021 年格式“第二十条第（六）项”的列为：本年处理决定数量";
const std::string kColumns8 = "2021 年格式“第二十条第（八）项”的列为：本年收费金额（单位：万元）";
const std::string kDropped = "是 2019 年格式（国办公开办函〔2019〕60号）的写法，2021 年格式没有这一项";
const std::string kCitation = "是 2019 年的年度报告格式，2021 年起的年度报告依据国办公开办函〔2021〕30号";
const std::string kOtherHandlingRows =
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请、3.其他";

TEST(ObsoleteFormat, A2019FormatReportIsCleanUnderThe2019Template) {
  Checked c(report2019(), analyzer2019());
  ASSERT_TRUE(c.analysis.model.isReport);
  EXPECT_THAT(c.analysis.findings, IsEmpty()) << c.describe();
}

TEST(ObsoleteFormat, UnderThe2021TemplateEveryOldWordingIsReportedOnce) {
  Checked c(report2019());
  // The citation in the preamble (line 3), part 二's captions, headers and
  // rows (lines 31-48), and the single （六） row of table 三 (line 75).
  expectFindings(c, "obsolete-format", {
      {3, "国办公开办函〔2019〕60号", "“国办公开办函〔2019〕60号”" + kCitation},
      {32, "本年新制作数量", "“本年新制作数量”是 2019 年格式的列名；" + kColumns1},
      {32, "本年新公开数量", "“本年新公开数量”是 2019 年格式的列名；" + kColumns1},
      {32, "对外公开总数量", "“对外公开总数量”是 2019 年格式的列名；" + kColumns1},
      {36, "上一年项目数量", "“上一年项目数量”是 2019 年格式的列名；" + kColumns5},
      {36, "本年增/减", "“本年增/减”是 2019 年格式的列名；" + kColumns5},
      {38, "其他对外管理服务事项",
       "“其他对外管理服务事项”是 2019 年格式的行；2021 年格式“第二十条第（五）项”的行为：行政许可"},
      {40, "上一年项目数量", "“上一年项目数量”是 2019 年格式的列名；" + kColumns6},
      {40, "本年增/减", "“本年增/减”是 2019 年格式的列名；" + kColumns6},
      {44, "上一年项目数量", "“上一年项目数量”是 2019 年格式的列名；" + kColumns8},
      {44, "本年增/减", "“本年增/减”是 2019 年格式的列名；" + kColumns8},
      {46, "第二十条第（九）项", "“第二十条第（九）项”" + kDropped},
      {47, "采购项目数量", "“采购项目数量”" + kDropped},
      {47, "采购总金额", "“采购总金额”" + kDropped},
      {48, "政府集中采购", "“政府集中采购”" + kDropped},
      {75, "（六）其他处理", "“（六）其他处理”按 2019 年格式写成一行合计；2021 年格式分为 3 行：" + kOtherHandlingRows},
  });
  // Not reported a second time as 2021 labels misspelt, as an unknown row or
  // as missing rows. 规范性文件 and 处理决定数量 are the 2021 words shortened
  // (label-mismatch offers the full ones), not words the 2021 format dropped.
  EXPECT_THAT(c.with("row-unknown"), IsEmpty()) << c.describe();
  EXPECT_THAT(c.with("row-missing"), IsEmpty()) << c.describe();
  auto mismatches = c.with("label-mismatch");
  ASSERT_EQ(mismatches.size(), 3u) << c.describe();
  EXPECT_EQ(c.at(mismatches[0]->range), "规范性文件");
  EXPECT_EQ(c.at(mismatches[1]->range), "处理决定数量");
  EXPECT_EQ(c.line(*mismatches[2]), 40u);
  // （六）'s 1 still counts for its group: （七）总计 2 = 1 + 1 (自然人), 3 in all.
  EXPECT_THAT(c.with("sum-results"), IsEmpty()) << c.describe();
  EXPECT_THAT(c.with("balance"), IsEmpty()) << c.describe();
}

TEST(ObsoleteFormat, MessagesInEnglish) {
  SourceText text(report2019());
  Analysis a = Analyzer(governmentInformationDisclosure2021(), "en").analyze(text);
  std::vector<std::string> messages;
  for (const auto& f : a.findings)
    if (f.code == "obsolete-format") messages.push_back(f.message);
  ASSERT_EQ(messages.size(), 16u);
  EXPECT_EQ(messages[0],
            "“国办公开办函〔2019〕60号” is the 2019 format; reports since the one on 2021 follow 国办公开办函〔2021〕30号");
  EXPECT_EQ(messages[1],
            "“本年新制作数量” is a column of the 2019 format; in the 2021 format, “第二十条第（一）项” has the columns "
            "本年制发件数, 本年废止件数, 现行有效件数");
  EXPECT_EQ(messages[6], "“其他对外管理服务事项” is a row of the 2019 format; in the 2021 format, “第二十条第（五）项” has the rows 行政许可");
  EXPECT_EQ(messages[11], "“第二十条第（九）项” is wording of the 2019 format (国办公开办函〔2019〕60号); the 2021 format has no such item");
  EXPECT_EQ(messages[15],
            "“（六）其他处理” is one total row, as in the 2019 format; the 2021 format splits it into 3 rows: "
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请, "
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请, 3.其他");
}

TEST(ObsoleteFormat, PunctuationAndAUnitAfterALabel) {
  std::string text = replaced(report2019(), "| 第二十条第（九）项 |", "| 第二十条第(九)项 |");
  text = replaced(text, "| 采购总金额 |", "| 采购总金额（万元） |");
  Checked c(text);
  auto found = c.with("obsolete-format");
  ASSERT_EQ(found.size(), 16u) << c.describe();
  EXPECT_EQ(c.line(*found[11]), 46u);
  EXPECT_EQ(c.at(found[11]->range), "第二十条第(九)项");  // as written
  EXPECT_EQ(found[11]->message, "“第二十条第(九)项”" + kDropped);
  EXPECT_EQ(c.line(*found[13]), 47u);
  EXPECT_EQ(c.at(found[13]->range), "采购总金额");  // the words, not the unit
  EXPECT_EQ(found[13]->message, "“采购总金额”" + kDropped);
}

TEST(ObsoleteFormat, TheOldCitationWithAnyBracketsAndWidths) {
  // Line 7 of the example, the first paragraph of part 一.
  for (const std::string written : {"国办公开办函〔2019〕60号", "国办公开办函[2019]60号", "国办公开办函【2019】60号",
                                    "国办公开办函（2019）60 号", "国办公开办函〔２０１９〕６０号"}) {
    Checked c(replaced(example(), "贯彻《中华人民共和国政府信息公开条例》",
                       "贯彻《中华人民共和国政府信息公开条例》和年度报告格式（" + written + "）"));
    expectFindings(c, "obsolete-format", {{7, written, "“" + written + "”" + kCitation}});
  }
}

TEST(ObsoleteFormat, OtherCitationsAreNotTheOldFormat) {
  for (const std::string written : {"国办公开办函〔2021〕30号", "苏政办发〔2019〕60号", "国办公开办函〔2019〕6号"}) {
    Checked c(replaced(example(), "贯彻《中华人民共和国政府信息公开条例》",
                       "贯彻《中华人民共和国政府信息公开条例》和（" + written + "）"));
    EXPECT_THAT(c.with("obsolete-format"), IsEmpty()) << written << "\n" << c.describe();
  }
  // The basis is named before the tables: part 六 is not read for it.
  Checked c(replaced(example(), "本单位 2024 年度未收取", "按照国办公开办函〔2019〕60号，本单位 2024 年度未收取"));
  EXPECT_THAT(c.with("obsolete-format"), IsEmpty()) << c.describe();
}

TEST(ObsoleteFormat, TheSingleOtherHandlingRowOfRealReports) {
  // Real 02 line 130 and real 03 line 128: （六）其他处理 with seven zeros,
  // its three sub-rows absent (SOURCES.md).
  for (const auto& [file, line] : {std::pair{"02_hongze-qu-2023.txt", 130u}, std::pair{"03_hongze-qu-2024.txt", 128u}}) {
    Checked c(readFile(std::string(NIANBAO_SHARED) + "/corpus/real/" + file));
    auto found = c.with("obsolete-format");
    ASSERT_EQ(found.size(), 1u) << c.describe();
    EXPECT_EQ(c.line(*found[0]), line);
    EXPECT_EQ(c.at(found[0]->range), "（六）其他处理");
    EXPECT_EQ(found[0]->message, "“（六）其他处理”按 2019 年格式写成一行合计；2021 年格式分为 3 行：" + kOtherHandlingRows);
    EXPECT_THAT(c.with("row-missing"), IsEmpty()) << c.describe();
    EXPECT_THAT(c.with("sum-results"), IsEmpty()) << c.describe();

    // Seven zeros split into three rows of zeros: the fix replaces the row,
    // and the report then has the 2021 rows, each with its seven zeros.
    ASSERT_TRUE(found[0]->fix);
    EXPECT_EQ(found[0]->fix->title, "把“（六）其他处理”分为 2021 年格式的各行（均为 0）");
    EXPECT_FALSE(found[0]->fix->insertsPlaceholders);  // zeros that add up to zero are no guess
    Checked fixed(applyEdits(c.text.str(), found[0]->fix->edits));
    EXPECT_THAT(fixed.with("obsolete-format"), IsEmpty()) << fixed.describe();
    EXPECT_THAT(fixed.with("row-missing"), IsEmpty()) << fixed.describe();
    EXPECT_THAT(fixed.with("row-unknown"), IsEmpty()) << fixed.describe();
    EXPECT_THAT(fixed.with("sum-results"), IsEmpty()) << fixed.describe();
    for (const char* label : {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"}) {
      std::size_t at = fixed.text.str().find(label);
      ASSERT_NE(at, std::string::npos) << label;
      EXPECT_EQ(fixed.text.lineOf(at) + 1, line + (label[0] - '1')) << label;
    }
  }
}

TEST(ObsoleteFormat, AOneRowGroupWithNumbersIsNotSplitByAFix) {
  // The 2020 report's （六）其他处理 has 1 under 自然人: which of the three
  // rows it belongs to is for the writer to say.
  Checked c(report2019());
  std::size_t collapsed = 0;
  for (const Finding* f : c.with("obsolete-format"))
    if (c.at(f->range) == "（六）其他处理") {
      ++collapsed;
      EXPECT_FALSE(f->fix);
    }
  EXPECT_EQ(collapsed, 1u) << c.describe();
}

class ObsoleteFormatLayouts : public LayoutAndEolTest {};

// The line `words` first appears on, read from the document itself.
std::size_t lineOf(const Checked& c, const std::string& words) { return c.text.lineOf(c.text.str().find(words)) + 1; }

TEST_P(ObsoleteFormatLayouts, ColumnsOfThe2019FormatInPlaceOfThe2021Ones) {
  ReportSpec s = spec();
  s.headers["本年制发件数"] = "本年新制作数量";
  s.headers["本年废止件数"] = "本年新公开数量";
  s.headers["现行有效件数"] = "对外公开总数量";
  Checked c(buildReport(s));
  expectFindings(c, "obsolete-format", {
      {lineOf(c, "本年新制作数量"), "本年新制作数量", "“本年新制作数量”是 2019 年格式的列名；" + kColumns1},
      {lineOf(c, "本年新公开数量"), "本年新公开数量", "“本年新公开数量”是 2019 年格式的列名；" + kColumns1},
      {lineOf(c, "对外公开总数量"), "对外公开总数量", "“对外公开总数量”是 2019 年格式的列名；" + kColumns1},
  });
  // Read by place they would be 本年制发件数 … misspelt; renaming them would
  // put 2019 numbers under 2021 columns.
  EXPECT_THAT(c.with("label-mismatch"), IsEmpty()) << c.describe();
}

TEST_P(ObsoleteFormatLayouts, TheDroppedProcurementRowInsideATable) {
  ReportSpec s = spec();
  s.labels["行政强制"] = "政府集中采购";
  Checked c(buildReport(s));
  expectFindings(c, "obsolete-format", {{lineOf(c, "政府集中采购"), "政府集中采购", "“政府集中采购”" + kDropped}});
  EXPECT_THAT(c.with("row-unknown"), IsEmpty()) << c.describe();
  EXPECT_EQ(c.with("row-missing").size(), 1u) << c.describe();  // 行政强制 itself is gone
}

INSTANTIATE_TEST_SUITE_P(Layouts, ObsoleteFormatLayouts, ::testing::ValuesIn(allLayoutsAndEols()),
                         layoutAndEolName<::testing::TestParamInfo<LayoutAndEol>>);

}  // namespace
}  // namespace nianbao::testing
