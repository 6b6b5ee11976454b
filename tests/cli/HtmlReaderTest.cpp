// Web reports: pages built here (rowspan and colspan in table 三, entities,
// GB2312 bytes with a <meta charset>) are converted to the analyzer's text
// with the places they came from, and the real binary names the place of a
// wrong total. Expected lines and places were worked out from the pages
// built here: their text blocks counted, their tables' grids drawn.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ConvertTestSupport.h"
#include "Files.h"
#include "HtmlReader.h"
#include "IcuConvert.h"

namespace {

using namespace nianbao::cli;
using nianbao::testing::BinaryRun;
using nianbao::testing::icuConvert;
using nianbao::testing::kCorner;
using nianbao::testing::resultRows;
using nianbao::testing::runBinary;
using nianbao::testing::TempDir;
using nianbao::testing::writeBytes;
using ::testing::HasSubstr;

std::string td(const std::string& text, int colspan = 1, int rowspan = 1) {
  std::string attrs;
  if (colspan > 1) attrs += " colspan=\"" + std::to_string(colspan) + "\"";
  if (rowspan > 1) attrs += " rowspan=" + std::to_string(rowspan);  // unquoted, as old pages write it
  return "<td" + attrs + ">" + text + "</td>";
}

std::string numbers(const std::vector<int>& values) {
  std::string out;
  for (int v : values) out += td(std::to_string(v));
  return out;
}

// Table 三 as web pages lay it out: the same grid as the Word table (10
// columns; the corner 3×3, 申请人情况 7 wide, 法人或其他组织 5, 自然人 and 总计 2
// high), rowspans instead of continued cells. Row 4 has 总计 2 for 1.
std::string tableThree() {
  std::string t = "<table border=\"1\" cellspacing=\"0\"><tbody>\n";
  t += "<tr>" + td(kCorner, 3, 3) + td("申请人情况", 7) + "</tr>\n";
  t += "<tr>" + td("自然人", 1, 2) + td("法人或其他组织", 5) + td("总计", 1, 2) + "</tr>\n";
  t += "<tr>" + td("商业企业") + td("科研机构") + td("社会公益组织") + td("法律服务机构") + td("其他") + "</tr>\n";
  t += "<tr>" + td("一、本年新收政府信息公开申请数量", 3) + numbers({1, 0, 0, 0, 0, 0, 2}) + "</tr>\n";
  t += "<tr>" + td("二、上年结转政府信息公开申请数量", 3) + numbers({0, 0, 0, 0, 0, 0, 0}) + "</tr>\n";
  const auto& rows = resultRows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string cells = i == 0 ? td("三、本年度办理结果", 1, static_cast<int>(rows.size())) : "";
    if (rows[i].group.empty()) {
      cells += td(rows[i].label, 2);
    } else {
      if (i == 0 || rows[i - 1].group != rows[i].group) {
        int n = 0;
        for (const auto& r : rows) n += r.group == rows[i].group;
        cells += td(rows[i].group, 1, n);
      }
      cells += td(rows[i].label);
    }
    bool one = rows[i].label == "（一）予以公开" || rows[i].label == "（七）总计";
    t += "<tr>" + cells + numbers(one ? std::vector<int>{1, 0, 0, 0, 0, 0, 1} : std::vector<int>(7, 0)) + "</tr>\n";
  }
  t += "<tr>" + td("四、结转下年度继续办理", 3) + numbers({0, 0, 0, 0, 0, 0, 0}) + "</tr>\n";
  return t + "</tbody></table>\n";
}

// The page, in UTF-8; the tests encode it as the site would.
//   block 1  h1 title                                  line 0
//   block 2  h2 一、总体情况                            line 2
//   block 3  the paragraph up to its <br>              line 4
//   block 4  第二行, after the <br>                     line 6
//   block 5  h2 三、…                                   line 8
//   table 1  rows 1–28                                 lines 10 (row 1), 11 (|---|), 12–38 (rows 2–28)
//   block 6  六、… (a <p>, not a heading element)       line 40
//   block 7  its text, in a <div>                      line 42
std::string page(const std::string& charset) {
  return "<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charset +
         "\">\n<title>标题不算</title>\n<style>p { color: red }</style>\n"
         "<script>document.write(\"<p>脚本不算</p>\")</script>\n</head>\n<body>\n"
         "<div class=\"title\"><h1>示例镇人民政府2024年政府信息公开工作年度报告</h1></div>\n"
         "<h2>一、总体情况</h2>\n"
         "<p>　　2024年，示例镇收到&ldquo;申请&rdquo;1件，&amp;&nbsp;答复<span>1件</span>。<br>第二行</p>\n"
         "<!-- <p>注释不算</p> -->\n"
         "<h2>三、收到和处理政府信息公开申请情况</h2>\n" +
         tableThree() +
         "<p>六、其他需要报告的事项</p>\n<div>本单位2024年度未收取信息处理费。</div>\n</body></html>\n";
}

std::string gb2312Page() { return icuConvert(page("gb2312"), "UTF-8", "GB18030"); }

std::string pipeRow(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += c.empty() ? "  |" : " " + c + " |";
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) {
    if (c == '\n') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

std::size_t columnOf(const std::string& line, const std::string& needle) {
  std::size_t at = line.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " not in " << line;
  std::size_t column = 0;
  for (std::size_t i = 0; i < at && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

// ---------------------------------------------------------------------------
// Conversion

TEST(HtmlReader, Gb2312PageBecomesMarkdownWithItsTableAsAGrid) {
  std::string bytes = gb2312Page();
  ASSERT_FALSE(bytes.empty());
  ASSERT_EQ(bytes.find("一、总体情况"), std::string::npos);  // really not UTF-8
  Conversion c = readHtml(bytes);
  ASSERT_TRUE(c.report) << c.error;
  std::vector<std::string> ls = lines(c.report->markdown);
  ASSERT_EQ(ls.size(), 44u) << c.report->markdown;
  EXPECT_EQ(c.report->lineOrigins.size(), ls.size());
  EXPECT_EQ(ls[0], "# 示例镇人民政府2024年政府信息公开工作年度报告");
  EXPECT_EQ(ls[2], "## 一、总体情况");
  // Entities decoded, &nbsp; a space, the ideographic indent kept, inline
  // elements part of the line; head, script, style and comments not text.
  EXPECT_EQ(ls[4], "　　2024年，示例镇收到“申请”1件，& 答复1件。");
  EXPECT_EQ(ls[6], "第二行");
  EXPECT_EQ(ls[8], "## 三、收到和处理政府信息公开申请情况");
  EXPECT_EQ(ls[10], pipeRow({kCorner, "", "", "申请人情况", "", "", "", "", "", ""}));
  EXPECT_EQ(ls[11], "|---|---|---|---|---|---|---|---|---|---|");
  EXPECT_EQ(ls[12], pipeRow({kCorner, "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"}));
  EXPECT_EQ(ls[13], pipeRow({kCorner, "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}));
  EXPECT_EQ(ls[14], pipeRow({"一、本年新收政府信息公开申请数量", "", "", "1", "0", "0", "0", "0", "0", "2"}));
  EXPECT_EQ(ls[16], pipeRow({"三、本年度办理结果", "（一）予以公开", "", "1", "0", "0", "0", "0", "0", "1"}));
  EXPECT_EQ(ls[19], pipeRow({"三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"}));
  EXPECT_EQ(ls[38], pipeRow({"四、结转下年度继续办理", "", "", "0", "0", "0", "0", "0", "0", "0"}));
  EXPECT_EQ(ls[40], "六、其他需要报告的事项");
  EXPECT_EQ(ls[42], "本单位2024年度未收取信息处理费。");
  EXPECT_EQ(ls[43], "");
  EXPECT_EQ(c.report->markdown.find("不算"), std::string::npos);
}

TEST(HtmlReader, EveryLineMapsBackToItsBlockOrCell) {
  Conversion c = readHtml(gb2312Page());
  ASSERT_TRUE(c.report) << c.error;
  const ConvertedReport& r = *c.report;
  std::vector<std::string> ls = lines(r.markdown);
  EXPECT_EQ(describeOrigin(r, 0, 0), "第1段");
  EXPECT_EQ(describeOrigin(r, 4, 5), "第3段");
  EXPECT_EQ(describeOrigin(r, 6, 0), "第4段");  // a <br> starts a line of its own
  EXPECT_EQ(describeOrigin(r, 8, 0), "第5段");
  EXPECT_EQ(describeOrigin(r, 40, 0), "第6段");
  EXPECT_EQ(describeOrigin(r, 42, 0), "第7段");
  EXPECT_EQ(describeOrigin(r, 9, 0), "第5段之后");
  EXPECT_EQ(describeOrigin(r, 14, columnOf(ls[14], "| 2 |") + 2), "表1 第4行 第10列");
  EXPECT_EQ(describeOrigin(r, 19, columnOf(ls[19], "三、本年度办理结果")), "表1 第6行 第1列");
  EXPECT_EQ(describeOrigin(r, 19, columnOf(ls[19], "（三）不予公开")), "表1 第8行 第2列");
  EXPECT_EQ(describeOrigin(r, 19, columnOf(ls[19], "2.其他")), "表1 第9行 第3列");
  EXPECT_EQ(describeOrigin(r, 13, columnOf(ls[13], "总计")), "表1 第2行 第10列");
}

TEST(HtmlReader, UnicodePagesAndTheirCharsetDeclarations) {
  // Valid UTF-8 is UTF-8, whatever the page says.
  Conversion utf8 = readHtml("<meta charset=\"gb2312\"><p>一、总体情况</p>");
  ASSERT_TRUE(utf8.report) << utf8.error;
  EXPECT_EQ(utf8.report->markdown, "一、总体情况\n");
  // Too little GBK to be sure of: read because the page says so …
  std::string shortGbk = icuConvert("<meta charset='GBK'><p>一、总体情况</p>", "UTF-8", "GB18030");
  Conversion gbk = readHtml(shortGbk);
  ASSERT_TRUE(gbk.report) << gbk.error;
  EXPECT_EQ(gbk.report->markdown, "一、总体情况\n");
  // … and refused without it.
  std::string undeclared = icuConvert("<p>一、总体</p>", "UTF-8", "GB18030");
  EXPECT_FALSE(readHtml(undeclared).report);
  EXPECT_EQ(declaredCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">"), "gb2312");
  EXPECT_EQ(declaredCharset("<meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(declaredCharset("<p>charset=gbk</p>"), "");
  // A charset nobody knows is named.
  Conversion unknown = readHtml("<meta charset=\"klingon\"><p>\xB3\xB6</p>");
  EXPECT_FALSE(unknown.report);
  EXPECT_THAT(unknown.error, HasSubstr("klingon"));
  // UTF-16 with a byte order mark.
  std::string utf16 = icuConvert("\xEF\xBB\xBF<p>一、总体情况</p>", "UTF-8", "UTF-16LE");
  Conversion u16 = readHtml(utf16);
  ASSERT_TRUE(u16.report) << u16.error;
  EXPECT_EQ(u16.report->markdown, "一、总体情况\n");
}

TEST(HtmlReader, LayoutTablesAreBlocksAndTheTablesInsideThemTables) {
  Conversion c = readHtml(
      "<table width=\"100%\"><tr><td><h2>一、总体情况</h2>正文<table><caption>表一</caption>"
      "<tr><th>a</th><th>b|c</th></tr><tr><td>1</td></tr></table></td></tr></table>");
  ASSERT_TRUE(c.report) << c.error;
  EXPECT_EQ(c.report->markdown, "## 一、总体情况\n\n正文\n\n表一\n\n| a | b｜c |\n|---|---|\n| 1 |  |\n");
  EXPECT_EQ(describeOrigin(*c.report, 8, 5), "表1 第2行 第2列");  // "| 1 |  |": the padded cell
  EXPECT_EQ(describeOrigin(*c.report, 8, 2), "表1 第2行 第1列");
  EXPECT_EQ(describeOrigin(*c.report, 4, 0), "第3段");  // the caption is a paragraph
}

TEST(HtmlReader, WhiteSpaceIsCollapsedAsBrowsersDo) {
  Conversion c = readHtml("<p>政府信息\n   公开  工作\n</p><pre>a  b\n  c</pre><ul><li>一是</li><li>二是</li></ul>");
  ASSERT_TRUE(c.report) << c.error;
  // A line break between two Chinese characters vanishes; spaces do not.
  EXPECT_EQ(c.report->markdown, "政府信息公开 工作\n\na  b\n\nc\n\n一是\n\n二是\n");
}

// ---------------------------------------------------------------------------
// Bad input

TEST(HtmlReaderBadInput, DeepNestingIsRefusedQuickly) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  auto start = std::chrono::steady_clock::now();
  Conversion c = readHtml(deep + "x");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("nested more than"));
  // Unclosed paragraphs and list items do not nest.
  std::string flat;
  for (int i = 0; i < 20000; ++i) flat += "<p>段<li>项";
  EXPECT_TRUE(readHtml(flat).report);
}

TEST(HtmlReaderBadInput, HugeSpansAreRefusedNotAllocated) {
  std::string t = "<table><tr><td colspan=\"999999\" rowspan=\"0\">x</td></tr>";
  for (int i = 0; i < 3000; ++i) t += "<tr><td>1</td></tr>";
  Conversion c = readHtml(t + "</table>");
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("cells"));
  // Spans within reason are clamped to the table.
  Conversion small = readHtml("<table><tr><td rowspan=\"50\">a</td><td>1</td></tr><tr><td>2</td></tr></table>");
  ASSERT_TRUE(small.report) << small.error;
  EXPECT_EQ(small.report->markdown, "| a | 1 |\n|---|---|\n| a | 2 |\n");
}

// Found by fuzz_html (tests/fuzz/regressions/html/utf16-bom-then-feff): a
// UTF-16 byte order mark and then U+FEFF gave the text "\uFEFF\n", a counted
// paragraph that SourceText, taking U+FEFF for a byte order mark, read as a
// blank line. U+FEFF (a zero-width no-break space) is left out of the text.
TEST(HtmlReaderBadInput, ZeroWidthNoBreakSpacesAreLeftOut) {
  Conversion bom = readHtml(std::string("\xFE\xFF\xFE\xFF", 4));
  ASSERT_TRUE(bom.report) << bom.error;
  EXPECT_EQ(bom.report->markdown, "");
  EXPECT_EQ(bom.report->lineOrigins.size(), 1u);
  Conversion c = readHtml("<p>\xEF\xBB\xBF一、总体情况</p><p>\xEF\xBB\xBF</p><p>本年\xEF\xBB\xBF度</p>"
                          "<table><tr><td>\xEF\xBB\xBF</td><td>\xEF\xBB\xBF 1</td></tr></table>");
  ASSERT_TRUE(c.report) << c.error;
  EXPECT_EQ(c.report->markdown, "一、总体情况\n\n本年度\n\n|  | 1 |\n|---|---|\n");
  EXPECT_EQ(describeOrigin(*c.report, 2, 0), "第2段");
}

TEST(HtmlReaderBadInput, RandomBytesGiveAnErrorOrText) {
  std::mt19937 random(20240101);
  for (int round = 0; round < 20; ++round) {
    std::string bytes(4096, '\0');
    for (auto& b : bytes) b = static_cast<char>(random());
    if (round % 2) std::replace(bytes.begin(), bytes.end(), '\0', '<');
    if (round % 4 == 3) bytes = "<meta charset=gb2312>" + bytes;
    Conversion c = readHtml(bytes);
    if (round % 2 == 0) {
      EXPECT_FALSE(c.report) << round;  // NUL bytes
      EXPECT_THAT(c.error, HasSubstr("binary")) << round;
    } else if (round % 4 == 1) {
      EXPECT_FALSE(c.report) << round;  // no charset nianbao can be sure of
      EXPECT_FALSE(c.error.empty()) << round;
    } else {
      EXPECT_TRUE(c.report) << c.error;  // declared: read, bad bytes as U+FFFD
    }
  }
}

// ---------------------------------------------------------------------------
// The real binary

TEST(HtmlCheck, TheWrongTotalIsNamedByTableRowAndColumn) {
  TempDir dir;
  std::string path = (dir / "report.html").string();
  writeBytes(path, gb2312Page());
  BinaryRun r = runBinary({"check", path});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr(path + ": 表1 第4行 第10列: error[sum-row]: "));
  EXPECT_FALSE(std::regex_search(r.out, std::regex("report\\.html:[0-9]+:[0-9]+"))) << r.out;

  BinaryRun j = runBinary({"check", "--format", "json", path});
  nlohmann::json all = nlohmann::json::parse(j.out);
  bool found = false;
  for (const auto& f : all)
    if (f["code"] == "sum-row") {
      found = true;
      EXPECT_EQ(f["place"], "表1 第4行 第10列");
      EXPECT_EQ(f["line"], 15);
    }
  EXPECT_TRUE(found) << j.out;
}

TEST(HtmlCheck, DirectoriesPickUpHtmAndBadPagesExitTwo) {
  TempDir dir;
  writeBytes(dir / "a.htm", gb2312Page());
  std::string random(2048, '\0');
  std::mt19937 gen(7);
  for (auto& b : random) b = static_cast<char>(gen());
  writeBytes(dir / "b.html", random);
  BinaryRun r = runBinary({"check", dir.path().string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("b.html: "));
  EXPECT_THAT(r.out, HasSubstr("a.htm: 表1 第4行 第10列: error[sum-row]"));

  BinaryRun fix = runBinary({"fix", (dir / "a.htm").string()});
  EXPECT_EQ(fix.status, 2);
  EXPECT_THAT(fix.err, HasSubstr("a.htm: fix does not rewrite Word documents or web pages"));
}

}  // namespace
