// Word reports: a .docx built here with libzip (the parts Word needs, a
// document.xml written by hand) is converted to the analyzer's text with the
// places it came from, and the real binary names the place of a wrong total
// as 表… 第…行 第…列. Every expected line and place below was worked out from
// the document built here: its paragraphs counted, its table's grid drawn.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ConvertTestSupport.h"
#include "DocxReader.h"
#include "Files.h"

namespace {

using namespace nianbao::cli;
using nianbao::testing::BinaryRun;
using nianbao::testing::kCorner;
using nianbao::testing::readBytes;
using nianbao::testing::resultRows;
using nianbao::testing::runBinary;
using nianbao::testing::TempDir;
using nianbao::testing::writeBytes;
using nianbao::testing::zipOf;
using ::testing::HasSubstr;
using ::testing::Not;

// ---------------------------------------------------------------------------
// Building a document

const std::string kNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

std::string para(const std::string& text, const std::string& style = "") {
  std::string pPr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  return "<w:p>" + pPr + (text.empty() ? "" : run(text)) + "</w:p>";
}

// A cell spanning `span` grid columns; vMerge "restart", "continue" or none.
std::string cell(const std::string& text, int span = 1, const std::string& vMerge = "") {
  std::string pr;
  if (span > 1) pr += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
  if (vMerge == "restart") pr += "<w:vMerge w:val=\"restart\"/>";
  if (vMerge == "continue") pr += "<w:vMerge/>";
  // A continued cell is empty in Word's XML: its text is the first one's.
  return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + para(vMerge == "continue" ? "" : text) + "</w:tc>";
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "<w:tr>";
  for (const auto& c : cells) out += c;
  return out + "</w:tr>";
}

std::vector<std::string> numbers(const std::vector<int>& values) {
  std::vector<std::string> out;
  for (int v : values) out.push_back(cell(std::to_string(v)));
  return out;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Table 三 as the template lays it out in Word: 10 grid columns (three for
// labels, seven numbers), the corner cell spanning 3 columns and 3 rows,
// 申请人情况 7 columns, 法人或其他组织 5, 自然人 and 总计 2 rows down; 三、本年度办理结果
// down the first column of its 22 rows, each group down the second. Row 4
// (一、本年新收) has 总计 2 where 1 + 0 + … = 1.
std::string tableThree() {
  std::string t = "<w:tbl><w:tblGrid>";
  for (int i = 0; i < 10; ++i) t += "<w:gridCol/>";
  t += "</w:tblGrid>";
  t += row({cell(kCorner, 3, "restart"), cell("申请人情况", 7)});
  t += row({cell("", 3, "continue"), cell("自然人", 1, "restart"), cell("法人或其他组织", 5), cell("总计", 1, "restart")});
  t += row({cell("", 3, "continue"), cell("", 1, "continue"), cell("商业企业"), cell("科研机构"), cell("社会公益组织"),
            cell("法律服务机构"), cell("其他"), cell("", 1, "continue")});
  t += row(concat({cell("一、本年新收政府信息公开申请数量", 3)}, numbers({1, 0, 0, 0, 0, 0, 2})));
  t += row(concat({cell("二、上年结转政府信息公开申请数量", 3)}, numbers({0, 0, 0, 0, 0, 0, 0})));
  bool first = true;
  std::string lastGroup;
  for (const auto& r : resultRows()) {
    std::vector<std::string> cells{cell("三、本年度办理结果", 1, first ? "restart" : "continue")};
    first = false;
    if (r.group.empty()) {
      cells.push_back(cell(r.label, 2));
    } else {
      cells.push_back(cell(r.group, 1, r.group == lastGroup ? "continue" : "restart"));
      cells.push_back(cell(r.label));
    }
    lastGroup = r.group;
    bool one = r.label == "（一）予以公开" || r.label == "（七）总计";
    t += row(concat(cells, numbers(one ? std::vector<int>{1, 0, 0, 0, 0, 0, 1} : std::vector<int>(7, 0))));
  }
  t += row(concat({cell("四、结转下年度继续办理", 3)}, numbers({0, 0, 0, 0, 0, 0, 0})));
  return t + "</w:tbl>";
}

// Word's styles: ids are not names (Chinese Word calls heading 1 "1").
const std::string kStyles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " + kNs +
                            ">"
                            "<w:style w:type=\"paragraph\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"
                            "<w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/></w:style>"
                            "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>"
                            "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/></w:style>"
                            "<w:style w:type=\"paragraph\" w:styleId=\"MyPart\"><w:name w:val=\"我的部分\"/>"
                            "<w:basedOn w:val=\"2\"/></w:style>"
                            "</w:styles>";

std::string documentXml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + kNs + "><w:body>" + body +
         "<w:sectPr/></w:body></w:document>";
}

// A .docx as Word writes its minimum: content types, the package's
// relationships, the document and its styles.
std::string docx(const std::string& body, bool withStyles = true) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", documentXml(body)}};
  if (withStyles) parts.push_back({"word/styles.xml", kStyles});
  return zipOf(parts);
}

// The report: a title, part 一 with one paragraph of two lines (a w:br) and
// a deleted run, an empty paragraph, part 三 with its table, part 六.
//   paragraph 1  the title (style Title)        line 0
//   paragraph 2  一、总体情况 (heading 1)        line 2
//   paragraph 3  its text, two lines            lines 4, 5
//   (an empty paragraph: not counted, no line)
//   paragraph 4  三、… (heading 1)               line 7
//   table 1      rows 1–28                      lines 9 (row 1), 10 (|---|), 11–37 (rows 2–28)
//   paragraph 5  六、… (heading 1)               line 39
//   paragraph 6  its text                       line 41
std::string reportBody() {
  return para("示例镇人民政府2024年政府信息公开工作年度报告", "a3") + para("一、总体情况", "1") +
         "<w:p>" + run("2024年，") + "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>删去的字</w:delText></w:r></w:del>" +
         run("示例镇收到政府信息公开申请1件。") + "<w:r><w:br/></w:r>" + run("第二行") + "</w:p>" + para("") +
         para("三、收到和处理政府信息公开申请情况", "1") + tableThree() + para("六、其他需要报告的事项", "1") +
         para("本单位2024年度未收取信息处理费。");
}

// A pipe row as the converter writes one: "| a | b |", an empty cell as "|  |".
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

// The code point column where `needle` starts in `line`.
std::size_t columnOf(const std::string& line, const std::string& needle, std::size_t from = 0) {
  std::size_t at = line.find(needle, from);
  EXPECT_NE(at, std::string::npos) << needle << " not in " << line;
  std::size_t column = 0;
  for (std::size_t i = 0; i < at; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

// ---------------------------------------------------------------------------
// Conversion

TEST(DocxReader, ParagraphsHeadingsAndTheMergedTableBecomeMarkdown) {
  Conversion c = readDocx(docx(reportBody()));
  ASSERT_TRUE(c.report) << c.error;
  std::vector<std::string> ls = lines(c.report->markdown);
  ASSERT_EQ(ls.size(), 43u) << c.report->markdown;
  EXPECT_EQ(c.report->lineOrigins.size(), ls.size());
  EXPECT_EQ(ls[0], "# 示例镇人民政府2024年政府信息公开工作年度报告");  // Title
  EXPECT_EQ(ls[1], "");
  EXPECT_EQ(ls[2], "# 一、总体情况");  // style id 1, named heading 1
  EXPECT_EQ(ls[4], "2024年，示例镇收到政府信息公开申请1件。");  // the deleted run left out
  EXPECT_EQ(ls[5], "第二行");                                  // after the w:br
  EXPECT_EQ(ls[6], "");                                        // the empty paragraph left no line
  EXPECT_EQ(ls[7], "# 三、收到和处理政府信息公开申请情况");
  // The corner spans 3 columns (the 2 it covers empty) and 3 rows (repeated).
  EXPECT_EQ(ls[9], pipeRow({kCorner, "", "", "申请人情况", "", "", "", "", "", ""}));
  EXPECT_EQ(ls[10], "|---|---|---|---|---|---|---|---|---|---|");
  EXPECT_EQ(ls[11], pipeRow({kCorner, "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"}));
  EXPECT_EQ(ls[12], pipeRow({kCorner, "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}));
  EXPECT_EQ(ls[13], pipeRow({"一、本年新收政府信息公开申请数量", "", "", "1", "0", "0", "0", "0", "0", "2"}));
  // Row 6: （一）予以公开 spans two columns, under the first row of 三、本年度办理结果.
  EXPECT_EQ(ls[15], pipeRow({"三、本年度办理结果", "（一）予以公开", "", "1", "0", "0", "0", "0", "0", "1"}));
  // Row 9: both merged label cells repeated.
  EXPECT_EQ(ls[18], pipeRow({"三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"}));
  EXPECT_EQ(ls[37], pipeRow({"四、结转下年度继续办理", "", "", "0", "0", "0", "0", "0", "0", "0"}));
  EXPECT_EQ(ls[39], "# 六、其他需要报告的事项");
  EXPECT_EQ(ls[41], "本单位2024年度未收取信息处理费。");
  EXPECT_EQ(ls[42], "");
}

TEST(DocxReader, EveryLineMapsBackToItsParagraphOrCell) {
  Conversion c = readDocx(docx(reportBody()));
  ASSERT_TRUE(c.report) << c.error;
  const ConvertedReport& r = *c.report;
  std::vector<std::string> ls = lines(r.markdown);
  EXPECT_EQ(describeOrigin(r, 0, 0), "第1段");
  EXPECT_EQ(describeOrigin(r, 2, 3), "第2段");
  EXPECT_EQ(describeOrigin(r, 4, 0), "第3段");
  EXPECT_EQ(describeOrigin(r, 5, 1), "第3段");  // the second line of the same paragraph
  EXPECT_EQ(describeOrigin(r, 7, 0), "第4段");  // the empty paragraph is not counted
  EXPECT_EQ(describeOrigin(r, 39, 0), "第5段");
  EXPECT_EQ(describeOrigin(r, 41, 0), "第6段");
  EXPECT_EQ(describeOrigin(r, 3, 0), "第2段之后");
  EXPECT_EQ(describeOrigin(r, 38, 0), "表1之后");
  EXPECT_EQ(describeOrigin(r, 10, 4), "表1");
  EXPECT_EQ(describeOrigin(r, 999, 0), "第6段之后");  // past the end: the last line

  // Row 4: the wrong total is the 10th grid column; the two empty cells after
  // the label are the label's, which starts in column 1.
  const std::string& row4 = ls[13];
  EXPECT_EQ(describeOrigin(r, 13, columnOf(row4, "| 2 |") + 2), "表1 第4行 第10列");
  EXPECT_EQ(describeOrigin(r, 13, 0), "表1 第4行 第1列");
  EXPECT_EQ(describeOrigin(r, 13, columnOf(row4, "|  |") + 1), "表1 第4行 第1列");
  EXPECT_EQ(describeOrigin(r, 13, columnOf(row4, "| 1 |") + 2), "表1 第4行 第4列");
  // Row 9: the merged cells are placed where they start.
  const std::string& row9 = ls[18];
  EXPECT_EQ(describeOrigin(r, 18, columnOf(row9, "三、本年度办理结果")), "表1 第6行 第1列");
  EXPECT_EQ(describeOrigin(r, 18, columnOf(row9, "（三）不予公开")), "表1 第8行 第2列");
  EXPECT_EQ(describeOrigin(r, 18, columnOf(row9, "2.其他")), "表1 第9行 第3列");
  // Row 3: 总计 continues from row 2.
  EXPECT_EQ(describeOrigin(r, 12, columnOf(ls[12], "总计")), "表1 第2行 第10列");
  EXPECT_EQ(describeOrigin(r, 12, columnOf(ls[12], "科研机构")), "表1 第3行 第6列");
}

TEST(DocxReader, RunsAreReadAsWordShowsThem) {
  std::string body =
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>" + run("甲") +
      "<w:r><w:tab/></w:r>" + run("乙") +
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>" +
      "<w:ins w:id=\"2\" w:author=\"x\">" + run("丙") + "</w:ins>" +
      "<w:hyperlink w:history=\"1\">" + run("丁") + "</w:hyperlink></w:p>" +
      "<w:sdt><w:sdtPr/><w:sdtContent>" + para("控件里的段落", "MyPart") + "</w:sdtContent></w:sdt>" +
      "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>" + run("大纲级别3") + "</w:p>" +
      "<w:tbl><w:tr><w:tc>" + para("外") + "<w:tbl><w:tr><w:tc>" + para("内 | 层") +
      "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>";
  Conversion c = readDocx(docx(body));
  ASSERT_TRUE(c.report) << c.error;
  // A tab is a tab (tab stops in w:pPr are not), field codes are not text,
  // insertions and links are; a style based on heading 2 is a heading 2; a
  // nested table's text is its cell's (paragraphs joined, CJK to CJK without
  // a space), with a pipe that cannot split the cell.
  EXPECT_EQ(c.report->markdown,
            "甲\t乙丙丁\n\n## 控件里的段落\n\n### 大纲级别3\n\n| 外内 ｜ 层 |\n|---|\n");
}

TEST(DocxReader, WithoutStylesXmlHeadingStyleIdsAreRead) {
  Conversion c = readDocx(docx(para("一、总体情况", "Heading1") + para("正文", "a"), false));
  ASSERT_TRUE(c.report) << c.error;
  EXPECT_EQ(c.report->markdown, "# 一、总体情况\n\n正文\n");
}

TEST(DocxReader, HorizontallyMergedAndPaddedRowsKeepAFullGrid) {
  // 第二十条 tables: the caption spans the table, a value spans three columns
  // (stays one value), and a short row (w:gridBefore 1) is padded.
  std::string t = "<w:tbl>" + row({cell("第二十条第（五）项", 4)}) + row({cell("信息内容"), cell("本年处理决定数量", 3)}) +
                  row({cell("行政许可"), cell("0", 3)}) +
                  "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell("x") + "</w:tr></w:tbl>";
  Conversion c = readDocx(docx(t));
  ASSERT_TRUE(c.report) << c.error;
  EXPECT_EQ(c.report->markdown,
            "| 第二十条第（五）项 |  |  |  |\n|---|---|---|---|\n| 信息内容 | 本年处理决定数量 |  |  |\n"
            "| 行政许可 | 0 |  |  |\n|  | x |  |  |\n");
  // "| 行政许可 | 0 |  |  |": the 0 at column 9, the cells it covers at 12–13 and 15–16.
  EXPECT_EQ(describeOrigin(*c.report, 3, 9), "表1 第3行 第2列");
  EXPECT_EQ(describeOrigin(*c.report, 3, 12), "表1 第3行 第2列");
  EXPECT_EQ(describeOrigin(*c.report, 3, 16), "表1 第3行 第2列");
  EXPECT_EQ(describeOrigin(*c.report, 3, 3), "表1 第3行 第1列");
  EXPECT_EQ(describeOrigin(*c.report, 4, 5), "表1 第4行 第2列");  // "|  | x |  |  |": the x
  EXPECT_EQ(describeOrigin(*c.report, 4, 1), "表1 第4行 第1列");  // gridBefore's place
}

// ---------------------------------------------------------------------------
// Bad input: a clear error, never a crash

TEST(DocxReaderBadInput, NotAZip) {
  Conversion c = readDocx("这不是一个 Word 文件\n");
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("not a zip"));
  EXPECT_FALSE(readDocx("").report);
  EXPECT_THAT(readDocx("{\\rtf1\\ansi 一、总体情况}").error, HasSubstr("an RTF document"));
}

TEST(DocxReaderBadInput, EncryptedDocxIsAnOleFileAndSaidSo) {
  std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(500, '\0');
  std::string name = "EncryptionInfo";
  for (char ch : name) ole += std::string{ch, '\0'};
  Conversion c = readDocx(ole);
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("password-protected"));
  EXPECT_THAT(c.error, HasSubstr("not a zip"));
  std::string doc = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0');
  for (char ch : std::string("WordDocument")) doc += std::string{ch, '\0'};
  EXPECT_THAT(readDocx(doc).error, HasSubstr(".doc"));
}

TEST(DocxReaderBadInput, ZipWithoutDocumentXml) {
  Conversion c = readDocx(zipOf({{"[Content_Types].xml", "<Types/>"}, {"word/other.xml", "<x/>"}}));
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("word/document.xml"));
  EXPECT_THAT(readDocx(zipOf({{"xl/workbook.xml", "<workbook/>"}})).error, HasSubstr("Excel"));
}

TEST(DocxReaderBadInput, TruncatedXml) {
  std::string xml = documentXml(para("一、总体情况", "1"));
  Conversion c = readDocx(zipOf({{"word/document.xml", xml.substr(0, xml.size() / 2)}}));
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("not well-formed XML"));
  // XML that is not a Word document.
  EXPECT_THAT(readDocx(zipOf({{"word/document.xml", "<html><body/></html>"}})).error, HasSubstr("w:body"));
}

TEST(DocxReaderBadInput, TruncatedZipAndFlippedBytes) {
  std::string good = docx(reportBody());
  for (std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{30}}) {
    Conversion c = readDocx(good.substr(0, cut));
    EXPECT_FALSE(c.report) << cut;
    EXPECT_FALSE(c.error.empty()) << cut;
  }
  // Damaged compressed data: an error, or whatever text survives; no crash.
  for (std::size_t at = 40; at < good.size(); at += good.size() / 13) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    Conversion c = readDocx(bad);
    EXPECT_TRUE(c.report || !c.error.empty()) << at;
  }
}

TEST(DocxReaderBadInput, ZipBombIsRefusedBeforeItIsParsed) {
  std::string huge = documentXml(std::string(kMaxDocumentXmlBytes, ' '));  // compresses to about 64 KB
  std::string zip = zipOf({{"word/document.xml", huge}});
  huge.clear();
  huge.shrink_to_fit();
  EXPECT_LT(zip.size(), 1u << 20);
  Conversion c = readDocx(zip);
  EXPECT_FALSE(c.report);
  EXPECT_THAT(c.error, HasSubstr("larger than 64 MiB"));
}

TEST(DocxReaderBadInput, DeeplyNestedXmlIsNotWalkedForever) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<w:sdt><w:sdtContent>";
  deep += para("深处");
  for (int i = 0; i < 20000; ++i) deep += "</w:sdtContent></w:sdt>";
  Conversion c = readDocx(docx(para("表面") + deep));
  ASSERT_TRUE(c.report) << c.error;
  EXPECT_EQ(c.report->markdown, "表面\n");  // deeper than any report: left out
}

// Found by fuzz_docx (tests/fuzz/regressions/docx/invalid-utf8-in-a-cell):
// pugixml passes ill-formed UTF-8 through, the cells' columns were counted
// in those bytes, and SourceText, reading each ill-formed sequence as one
// U+FFFD, put the later cells of the row off their pipes. The text is now
// repaired as SourceText would, and U+FEFF (invisible) left out.
TEST(DocxReaderBadInput, IllFormedUtf8IsReadAsTheAnalyzerReadsIt) {
  std::string t = "<w:tbl>" + row({cell("\xFF\xFF\xFF\xE4\xB8"), cell("\xC0\x80"), cell("1")}) + "</w:tbl>";
  Conversion c = readDocx(docx(para("\xEF\xBB\xBF一、总体情况\x80") + t));
  ASSERT_TRUE(c.report) << c.error;
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(c.report->markdown, "一、总体情况" + fffd + "\n\n| " + fffd + fffd + fffd + fffd + " | " + fffd + fffd +
                                    " | 1 |\n|---|---|---|\n");
  // "| ���� | �� | 1 |": the 1 at column 14, the second cell at 8–11.
  EXPECT_EQ(describeOrigin(*c.report, 2, 14), "表1 第1行 第3列");
  EXPECT_EQ(describeOrigin(*c.report, 2, 8), "表1 第1行 第2列");
}

// ---------------------------------------------------------------------------
// The real binary

TEST(DocxCheck, TheWrongTotalIsNamedByTableRowAndColumn) {
  TempDir dir;
  std::string path = (dir / "report.docx").string();
  writeBytes(path, docx(reportBody()));
  BinaryRun r = runBinary({"check", path});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr(path + ": 表1 第4行 第10列: error[sum-row]: "));
  // No line:column of a text the user never saw.
  EXPECT_FALSE(std::regex_search(r.out, std::regex("report\\.docx:[0-9]+:[0-9]+"))) << r.out;
  // Part 二 and 四 are missing: said where 三 and 六 are.
  EXPECT_THAT(r.out, HasSubstr(path + ": 第4段: error[section-missing]"));

  BinaryRun j = runBinary({"check", "--format", "json", path});
  EXPECT_EQ(j.status, 1) << j.err;
  nlohmann::json all = nlohmann::json::parse(j.out);
  bool found = false;
  for (const auto& f : all)
    if (f["code"] == "sum-row") {
      found = true;
      EXPECT_EQ(f["place"], "表1 第4行 第10列");
      EXPECT_EQ(f["line"], 14);  // line 13 of the converted text, 1-based
    }
  EXPECT_TRUE(found) << j.out;
}

TEST(DocxCheck, DirectoriesPickUpDocxButNotWordLockFiles) {
  TempDir dir;
  writeBytes(dir / "report.docx", docx(reportBody()));
  writeBytes(dir / "~$report.docx", std::string("\x0c" "Word lock file", 15));
  BinaryRun r = runBinary({"check", dir.path().string()});
  EXPECT_EQ(r.status, 1) << r.out << r.err;  // not 2: the lock file is not read
  EXPECT_THAT(r.out, HasSubstr("report.docx: 表1 第4行 第10列: error[sum-row]"));
  EXPECT_THAT(r.out, HasSubstr("in 1 file(s)"));
  EXPECT_EQ(r.err, "");
}

TEST(DocxCheck, BadFilesExitTwoNamingTheFile) {
  TempDir dir;
  std::string notZip = (dir / "notzip.docx").string();
  writeBytes(notZip, "plain text, not a zip");
  std::string noDocument = (dir / "empty.docx").string();
  writeBytes(noDocument, zipOf({{"[Content_Types].xml", "<Types/>"}}));
  std::string good = (dir / "good.docx").string();
  writeBytes(good, docx(reportBody()));
  BinaryRun r = runBinary({"check", notZip, noDocument, good});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("nianbao: " + notZip + ": not a zip archive"));
  EXPECT_THAT(r.err, HasSubstr("nianbao: " + noDocument + ": a zip without word/document.xml"));
  EXPECT_THAT(r.out, HasSubstr(good + ": 表1 第4行 第10列"));  // the others still checked
}

TEST(DocxCheck, FixRefusesWordDocumentsAndWritesNothing) {
  TempDir dir;
  std::string path = (dir / "report.docx").string();
  std::string bytes = docx(reportBody());
  writeBytes(path, bytes);
  BinaryRun r = runBinary({"fix", path});
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr(path + ": fix does not rewrite Word documents or web pages; nothing was written"));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(readBytes(path), bytes);
  EXPECT_EQ(dir.names(), (std::set<std::string>{"report.docx"}));
}

TEST(DocxCheck, ReadReportGivesTheTextAndWhereItCameFrom) {
  TempDir dir;
  writeBytes(dir / "r.DOCX", docx(para("一、总体情况", "1")));
  ReadResult r = readReport(dir / "r.DOCX");
  ASSERT_TRUE(r.text) << r.error;
  ASSERT_TRUE(r.converted);
  EXPECT_EQ(*r.text, "# 一、总体情况\n");
  EXPECT_EQ(r.converted->markdown, *r.text);
  EXPECT_TRUE(isConvertedReport("a/b.Htm"));
  EXPECT_FALSE(isConvertedReport("a/b.docx.md"));
}

TEST(DocxCheck, StandardInputNamedDocxIsConverted) {
  TempDir dir;
  writeBytes(dir / "in", docx(reportBody()));
  BinaryRun r = runBinary({"check", "--stdin-filename", "上报.docx", "-"}, (dir / "in").string());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("上报.docx: 表1 第4行 第10列: error[sum-row]"));
}

}  // namespace
