#pragma once
// The document as the analyzer sees it: valid UTF-8 with a line index.
//
// Everything else in the analyzer addresses text by byte offset into
// SourceText::text(); editors and the command line want (line, column) in
// UTF-16 code units or code points, so the conversions live here, once.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

// A zero-based line and column. What the column counts (UTF-16 code units or
// code points) depends on the function that produced it.
struct LineColumn {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const LineColumn&, const LineColumn&) = default;
};

// A half-open byte range [begin, end) into SourceText::text().
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin == end; }
  std::size_t size() const { return end - begin; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

class SourceText {
 public:
  // Never fails: a leading UTF-8 byte order mark is dropped (hadBom() says so)
  // and every invalid UTF-8 sequence becomes U+FFFD (repairedInvalidUtf8()).
  explicit SourceText(std::string_view bytes);

  const std::string& text() const { return text_; }
  bool hadBom() const { return hadBom_; }
  bool repairedInvalidUtf8() const { return repaired_; }

  // Lines end at LF, CRLF or CR. A text ending in a line break has a last,
  // empty line after it, as editors show it. Always at least one line.
  std::size_t lineCount() const { return lineStarts_.size(); }
  std::size_t lineStart(std::size_t line) const;
  // End of the line's content, before its line break.
  std::size_t lineEnd(std::size_t line) const;
  std::string_view lineText(std::size_t line) const;
  // The line break that ends `line`: "\n", "\r\n", "\r" or "" for the last line.
  std::string_view lineBreak(std::size_t line) const;
  // The most common line break in the text, "\n" when there is none.
  std::string_view dominantLineBreak() const;
  // The line holding byte `offset` (offsets past the end give the last line).
  std::size_t lineOf(std::size_t offset) const;

  // Byte offset <-> (line, column in UTF-16 code units).
  LineColumn toUtf16(std::size_t offset) const;
  std::size_t fromUtf16(LineColumn position) const;
  // Byte offset <-> (line, column in Unicode code points).
  LineColumn toCodePoints(std::size_t offset) const;
  std::size_t fromCodePoints(LineColumn position) const;
  // Byte offset <-> (line, column in bytes), for UTF-8 position encoding.
  LineColumn toUtf8(std::size_t offset) const;
  std::size_t fromUtf8(LineColumn position) const;

 private:
  std::string text_;
  std::vector<std::size_t> lineStarts_;
  bool hadBom_ = false;
  bool repaired_ = false;
};

}  // namespace nianbao
