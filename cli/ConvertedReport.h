#pragma once
// A Word (.docx) or web (.html) report turned into the text the analyzer
// reads, with the way back: which paragraph, or which table, row and cell of
// the original each line of that text came from, so that findings name
// places the user can find in the document rather than lines of a text they
// never see.
//
// The text is Markdown as the analyzer already reads it: a heading is a line
// starting with #s, a paragraph one line (a line break inside it starts
// another line of the same paragraph), a table a pipe table (| a | b |, with
// a |---| line after its first row), blocks separated by a blank line.
//
// Tables are written as a full grid, one pipe cell per grid column, so every
// row has as many cells as the widest. A cell merged across columns
// (w:gridSpan, colspan) gives its text to its first column and leaves the
// columns it covers empty: a 第二十条第（一）项 caption spanning the table stays
// a row of one cell, and a 0 spanning three columns stays one value. A cell
// merged across rows (w:vMerge, rowspan) repeats its text on every row it
// covers: the group names of table 三 (三、本年度办理结果, （三）不予公开) then
// stand before each of their rows, and a header row lists every column
// (自然人 … 其他, 总计), as the analyzer reads them best.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::cli {

// Where one line of the converted text came from.
struct Origin {
  enum class Kind {
    None,       // a blank line between blocks
    Paragraph,  // the paragraph-th paragraph of the document
    Table,      // a row of the table-th table (row 0: the |---| line after its first row)
  };
  Kind kind = Kind::None;
  std::size_t paragraph = 0;  // Paragraph: 1-based
  std::size_t table = 0;      // Table: 1-based, counting the document's tables in order
  std::size_t row = 0;        // Table: 1-based row of the table; 0 for the separator line
  // Table rows: one per grid column, in order, covering the line.
  struct Cell {
    std::uint32_t begin = 0, end = 0;  // code point columns of the cell in the line, between its pipes
    std::size_t row = 0, column = 0;   // 1-based: where the cell starts (a merged cell's first row and column)
  };
  std::vector<Cell> cells;
};

// Paragraphs are counted from the start of the document, headings included,
// those with no text (empty lines in Word) and those inside tables not
// counted: what a reader counts going down the page. In a .docx a paragraph
// is a w:p; in a web page, a run of text between block elements (p, div,
// li, h1…) or <br>s, as a browser shows it on a line of its own. Tables are
// numbered in order, rows from 1 counting header rows, columns from 1
// counting the table's grid (a cell spanning two columns counts as two).
struct ConvertedReport {
  std::string markdown;
  std::vector<Origin> lineOrigins;  // one per line of `markdown` (0-based), its last empty line included
};

// The place of (line, column), both 0-based, column in code points, as
// SourceText::toCodePoints gives them: "第12段", "表2 第5行 第3列" (the cell the
// column falls in), "表2" (its separator line), and for a blank line the
// block before it, "第12段之后" or "表2之后" ("文档开头" before any). A line past
// the end is taken as the last.
std::string describeOrigin(const ConvertedReport& report, std::size_t line, std::size_t codePointColumn);

// What a reader gives: the converted report, or what is wrong with the file
// (worded to follow "<file>: ").
struct Conversion {
  std::optional<ConvertedReport> report;
  std::string error;
};

// Builds a ConvertedReport block by block; used by DocxReader and HtmlReader.
class MarkdownBuilder {
 public:
  // A paragraph: its lines (more than one where it had line breaks), and its
  // heading level (1–6; 0 for body text). Lines are trimmed; a paragraph with
  // no text is left out and not counted.
  void paragraph(const std::vector<std::string>& lines, int headingLevel = 0);

  // A table as a grid: rows of cells, each cell with its text (already
  // empty for columns a merged cell covers, repeated for rows it covers)
  // and where it starts. Rows shorter than the longest are padded with empty
  // cells. A table without rows is left out and not counted.
  struct GridCell {
    std::string text;
    std::size_t row = 0, column = 0;  // 1-based
  };
  void table(const std::vector<std::vector<GridCell>>& rows);

  ConvertedReport finish() &&;

 private:
  void line(const std::string& text, Origin origin);
  void startBlock();

  ConvertedReport out_;
  std::size_t paragraphs_ = 0;
  std::size_t tables_ = 0;
};

// Text helpers for the readers.
// `s` with runs of white space (ASCII, and NBSP) as one space and control
// characters gone; a run holding a line break between two CJK characters
// vanishes, as browsers do with Chinese text broken over source lines.
std::string collapseWhiteSpace(std::string_view s);
// Appends `piece` to `out` with a space between, or nothing between when
// the two meet CJK to CJK (a label broken over two paragraphs of a cell).
void appendJoined(std::string& out, std::string_view piece);
// `s` without ASCII white space (and NBSP) at either end.
std::string trimmed(std::string_view s);

}  // namespace nianbao::cli
