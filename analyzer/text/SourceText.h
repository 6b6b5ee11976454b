#pragma once
// The document as the analyzer sees it: valid UTF-8 with a line index.
//
// Everything else in the analyzer addresses text by byte offset; editors and
// the command line want (line, column) in UTF-16 code units or code points,
// so the conversions live here, once.
//
// A SourceText is a value that edits cheaply. The bytes are held in chunks of
// whole lines (about kChunkTarget bytes each), shared between a text and the
// texts edited from it: an edit copies the one or two chunks it touches and
// the small per-chunk index, never the document. A line never spans two
// chunks, so lineText() is always one contiguous view. Chunks have ids, so
// the analyzer can tell which parts of an edited text are unchanged.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
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

// A half-open byte range [begin, end) into a SourceText.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin == end; }
  std::size_t size() const { return end - begin; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

class SourceText {
 public:
  // Whole lines of the text. Every chunk but the last ends in a line break;
  // the last holds exactly the text's last line (without a break, possibly
  // empty). No chunk boundary falls inside a CRLF.
  struct Chunk {
    std::string bytes;
    std::vector<std::uint32_t> lineStarts;  // offsets in `bytes`; lineStarts[0] == 0
    std::array<std::uint32_t, 3> breaks{};  // how many LF, CRLF, CR end its lines
    std::uint64_t id = 0;                   // unique among the chunks of this process
  };
  static constexpr std::size_t kChunkTarget = 4096;

  // Never fails: a leading UTF-8 byte order mark is dropped (hadBom() says so)
  // and every invalid UTF-8 sequence becomes U+FFFD (repairedInvalidUtf8()).
  // `chunkTarget` only tunes speed (tests make it small, to put chunk
  // boundaries everywhere); texts edited from this one keep it.
  explicit SourceText(std::string_view bytes = {}, std::size_t chunkTarget = kChunkTarget);

  // This text with bytes `range` replaced by `inserted` (a range past the end
  // is clamped). Invalid UTF-8 the edit makes, in `inserted` or by cutting a
  // character, is repaired as the constructor would; a byte order mark is
  // kept where it is inserted. Costs what the edit touches: the chunks around
  // it are rebuilt, the others shared.
  SourceText edited(ByteRange range, std::string_view inserted) const;

  std::size_t size() const { return index_->size; }
  // The whole text, or part of it, copied out.
  std::string str() const;
  std::string slice(ByteRange range) const;
  bool hadBom() const { return hadBom_; }
  bool repairedInvalidUtf8() const { return repaired_; }

  // Lines end at LF, CRLF or CR. A text ending in a line break has a last,
  // empty line after it, as editors show it. Always at least one line.
  std::size_t lineCount() const { return index_->lineCount; }
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

  // The chunks, for code that caches what it computed per chunk. Chunks are
  // grouped in pages of up to kPageChunks; an edit copies the pages it
  // touches and the list of pages, never the list of all chunks, and a page
  // an edit did not touch keeps its id, so two texts are compared page by page.
  static constexpr std::size_t kPageChunks = 64;
  std::size_t chunkCount() const { return index_->chunkCount; }
  const Chunk& chunk(std::size_t i) const;
  std::size_t chunkStart(std::size_t i) const;
  std::size_t chunkFirstLine(std::size_t i) const;
  std::size_t chunkOfLine(std::size_t line) const;
  std::size_t chunkOfOffset(std::size_t offset) const;
  std::size_t pageCount() const { return index_->pages.size(); }
  std::uint64_t pageId(std::size_t page) const { return index_->pages[page]->id; }
  std::size_t pageFirstChunk(std::size_t page) const { return index_->firstChunks[page]; }
  std::size_t pageChunkCount(std::size_t page) const { return index_->pages[page]->chunks.size(); }

 private:
  using ChunkPtr = std::shared_ptr<const Chunk>;
  struct Page {
    std::vector<ChunkPtr> chunks;
    std::vector<std::size_t> starts;      // of each chunk, in bytes from the page's start
    std::vector<std::size_t> firstLines;  // of each chunk, in lines from the page's first line
    std::array<std::size_t, 3> breaks{};  // LF, CRLF, CR in the page
    std::size_t size = 0;
    std::size_t lineCount = 0;
    std::uint64_t id = 0;
  };
  using PagePtr = std::shared_ptr<const Page>;
  // Where the pages are. Shared by copies of a text, so copying a SourceText
  // (into an analysis, a view) costs one reference count.
  struct Index {
    std::vector<PagePtr> pages;
    std::vector<std::size_t> starts;       // byte offset of each page
    std::vector<std::size_t> firstLines;   // first line of each page
    std::vector<std::size_t> firstChunks;  // index of each page's first chunk
    std::array<std::size_t, 3> breaks{};   // LF, CRLF, CR over the whole text
    std::size_t size = 0;
    std::size_t lineCount = 1;
    std::size_t chunkCount = 0;
    void reindexFrom(std::size_t page);
  };
  // A chunk found by index, line or offset.
  struct Place {
    const Chunk* chunk = nullptr;
    std::size_t index = 0;      // of the chunk in the text
    std::size_t start = 0;      // its byte offset
    std::size_t firstLine = 0;  // its first line
    std::size_t page = 0;
    std::size_t inPage = 0;
  };
  Place place(std::size_t page, std::size_t inPage) const;
  Place placeOfChunk(std::size_t chunk) const;
  Place placeOfLine(std::size_t line) const;
  Place placeOfOffset(std::size_t offset) const;
  static void appendPages(std::vector<ChunkPtr> chunks, std::vector<PagePtr>& out);

  std::shared_ptr<const Index> index_;
  std::size_t chunkTarget_ = kChunkTarget;
  bool hadBom_ = false;
  bool repaired_ = false;
};

}  // namespace nianbao
