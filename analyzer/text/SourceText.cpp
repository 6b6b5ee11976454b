#include "text/SourceText.h"

#include <algorithm>
#include <array>
#include <atomic>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace nianbao {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

const std::uint8_t* bytesOf(std::string_view s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

// Copies `bytes`, replacing each ill-formed subsequence with U+FFFD. ICU's
// U8_NEXT consumes one "maximal subpart" per error, the substitution policy
// Unicode recommends, so the count of U+FFFD matches other conforming tools.
// Returns whether anything was replaced.
bool copyRepairingUtf8(std::string_view bytes, std::string& out) {
  const std::uint8_t* s = bytesOf(bytes);
  const std::size_t length = bytes.size();
  bool repaired = false;
  out.reserve(out.size() + length);
  std::size_t valid = 0;  // start of the bytes checked and not yet copied
  std::size_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {  // ASCII, the common case in markup and numbers
      ++i;
      continue;
    }
    const std::size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out.append(bytes.substr(valid, start - valid));
      out += kReplacement;
      valid = i;
      repaired = true;
    }
  }
  out.append(bytes.substr(valid));
  return repaired;
}

// Width of one code point in the unit a column counts.
using Measure = std::size_t (*)(UChar32 c, std::size_t utf8Bytes);

std::size_t utf16Units(UChar32 c, std::size_t) { return U16_LENGTH(c); }
std::size_t oneCodePoint(UChar32, std::size_t) { return 1; }
std::size_t utf8Bytes(UChar32, std::size_t bytes) { return bytes; }

// A line starts at `i` of `text` when a line break ends just before it. A CR
// at the very end counts: the text after it (another chunk) never starts
// with the LF that would make it a CRLF.
bool lineStartsAt(std::string_view text, std::size_t i) {
  if (i == 0 || i > text.size()) return false;
  char before = text[i - 1];
  return before == '\n' || (before == '\r' && (i == text.size() || text[i] != '\n'));
}

std::atomic<std::uint64_t> nextChunkId{1};

std::shared_ptr<const SourceText::Chunk> makeChunk(std::string_view bytes) {
  auto chunk = std::make_shared<SourceText::Chunk>();
  chunk->bytes.assign(bytes);
  chunk->lineStarts.push_back(0);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
      ++chunk->breaks[1];
      ++i;  // CRLF is one break; the next line starts after the LF.
    } else if (bytes[i] == '\n') {
      ++chunk->breaks[0];
    } else if (bytes[i] == '\r') {
      ++chunk->breaks[2];
    } else {
      continue;
    }
    if (i + 1 < bytes.size()) chunk->lineStarts.push_back(static_cast<std::uint32_t>(i + 1));
  }
  chunk->id = nextChunkId.fetch_add(1, std::memory_order_relaxed);
  return chunk;
}

// Cuts `text` (whole lines) into chunks of about `target` bytes. When
// `toEnd` (the text runs to the document's end) its last line becomes a chunk
// of its own, as the chunk invariant asks.
void appendChunks(std::string_view text, bool toEnd, std::size_t target,
                  std::vector<std::shared_ptr<const SourceText::Chunk>>& out) {
  std::size_t lastLine = text.size();
  if (toEnd) {
    std::size_t brk = text.find_last_of("\r\n");
    lastLine = brk == std::string_view::npos ? 0 : brk + 1;
  }
  std::size_t begin = 0;
  while (begin < lastLine) {
    std::size_t cut = begin + std::max<std::size_t>(target, 1);
    if (cut >= lastLine) {
      cut = lastLine;
    } else {
      while (cut < lastLine && !lineStartsAt(text, cut)) ++cut;
    }
    out.push_back(makeChunk(text.substr(begin, cut - begin)));
    begin = cut;
  }
  if (toEnd) out.push_back(makeChunk(text.substr(lastLine)));
}

// Column of `offset` within its line, counting with `measure`.
LineColumn toColumn(const SourceText& source, std::size_t offset, Measure measure) {
  offset = std::min(offset, source.size());
  const std::size_t line = source.lineOf(offset);
  const std::size_t begin = source.lineStart(line);
  // An offset inside the line break counts as the end of the content.
  const std::string_view s = source.lineText(line);
  const std::size_t end = std::min(offset, source.lineEnd(line)) - begin;
  const std::uint8_t* p = bytesOf(s);
  std::size_t column = 0;
  for (std::size_t i = 0; i < end;) {
    std::size_t next = i;
    UChar32 c;
    U8_NEXT_UNSAFE(p, next, c);  // The text is valid UTF-8 by construction.
    if (next > end) break;       // Inside a character: snap to its start.
    column += measure(c, next - i);
    i = next;
  }
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

std::size_t fromColumn(const SourceText& source, LineColumn position, Measure measure) {
  if (position.line >= source.lineCount()) return source.size();
  const std::string_view s = source.lineText(position.line);
  const std::uint8_t* p = bytesOf(s);
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < s.size() && column < position.column) {
    std::size_t next = i;
    UChar32 c;
    U8_NEXT_UNSAFE(p, next, c);
    const std::size_t width = measure(c, next - i);
    // A column inside a character (between surrogate halves, or inside a
    // UTF-8 sequence) is not a valid position: snap to the character start,
    // as LSP asks clients to treat such positions.
    if (column + width > position.column) break;
    column += width;
    i = next;
  }
  return source.lineStart(position.line) + i;
}

std::atomic<std::uint64_t> nextPageId{1};

// The first element of each list is 0, so upper_bound never returns begin().
template <typename List>
std::size_t lastAtOrBefore(const List& list, std::size_t value) {
  return static_cast<std::size_t>(std::upper_bound(list.begin(), list.end(), value) - list.begin()) - 1;
}

}  // namespace

SourceText::SourceText(std::string_view bytes, std::size_t chunkTarget) : chunkTarget_(chunkTarget) {
  if (bytes.starts_with(kBom)) {
    hadBom_ = true;
    bytes.remove_prefix(kBom.size());
  }
  std::string text;
  repaired_ = copyRepairingUtf8(bytes, text);
  std::vector<ChunkPtr> chunks;
  appendChunks(text, true, chunkTarget_, chunks);
  auto index = std::make_shared<Index>();
  appendPages(std::move(chunks), index->pages);
  for (const auto& page : index->pages)
    for (std::size_t k = 0; k < 3; ++k) index->breaks[k] += page->breaks[k];
  index->reindexFrom(0);
  index_ = std::move(index);
}

void SourceText::appendPages(std::vector<ChunkPtr> chunks, std::vector<PagePtr>& out) {
  for (std::size_t from = 0; from < chunks.size(); from += kPageChunks) {
    auto page = std::make_shared<Page>();
    std::size_t to = std::min(chunks.size(), from + kPageChunks);
    page->chunks.assign(std::make_move_iterator(chunks.begin() + static_cast<std::ptrdiff_t>(from)),
                        std::make_move_iterator(chunks.begin() + static_cast<std::ptrdiff_t>(to)));
    for (const auto& c : page->chunks) {
      page->starts.push_back(page->size);
      page->firstLines.push_back(page->lineCount);
      page->size += c->bytes.size();
      page->lineCount += c->lineStarts.size();
      for (std::size_t k = 0; k < 3; ++k) page->breaks[k] += c->breaks[k];
    }
    page->id = nextPageId.fetch_add(1, std::memory_order_relaxed);
    out.push_back(std::move(page));
  }
}

void SourceText::Index::reindexFrom(std::size_t first) {
  starts.resize(pages.size());
  firstLines.resize(pages.size());
  firstChunks.resize(pages.size());
  std::size_t offset = first == 0 ? 0 : starts[first - 1] + pages[first - 1]->size;
  std::size_t line = first == 0 ? 0 : firstLines[first - 1] + pages[first - 1]->lineCount;
  std::size_t chunk = first == 0 ? 0 : firstChunks[first - 1] + pages[first - 1]->chunks.size();
  for (std::size_t i = first; i < pages.size(); ++i) {
    starts[i] = offset;
    firstLines[i] = line;
    firstChunks[i] = chunk;
    offset += pages[i]->size;
    line += pages[i]->lineCount;
    chunk += pages[i]->chunks.size();
  }
  size = offset;
  lineCount = line;
  chunkCount = chunk;
}

SourceText::Place SourceText::place(std::size_t page, std::size_t inPage) const {
  const Page& p = *index_->pages[page];
  return {p.chunks[inPage].get(), index_->firstChunks[page] + inPage, index_->starts[page] + p.starts[inPage],
          index_->firstLines[page] + p.firstLines[inPage], page, inPage};
}

SourceText::Place SourceText::placeOfChunk(std::size_t chunk) const {
  std::size_t page = lastAtOrBefore(index_->firstChunks, chunk);
  return place(page, chunk - index_->firstChunks[page]);
}

SourceText::Place SourceText::placeOfLine(std::size_t line) const {
  std::size_t page = lastAtOrBefore(index_->firstLines, line);
  return place(page, lastAtOrBefore(index_->pages[page]->firstLines, line - index_->firstLines[page]));
}

SourceText::Place SourceText::placeOfOffset(std::size_t offset) const {
  std::size_t page = lastAtOrBefore(index_->starts, offset);
  return place(page, lastAtOrBefore(index_->pages[page]->starts, offset - index_->starts[page]));
}

const SourceText::Chunk& SourceText::chunk(std::size_t i) const { return *placeOfChunk(i).chunk; }
std::size_t SourceText::chunkStart(std::size_t i) const { return placeOfChunk(i).start; }
std::size_t SourceText::chunkFirstLine(std::size_t i) const { return placeOfChunk(i).firstLine; }
std::size_t SourceText::chunkOfLine(std::size_t line) const { return placeOfLine(line).index; }
std::size_t SourceText::chunkOfOffset(std::size_t offset) const { return placeOfOffset(std::min(offset, size())).index; }

SourceText SourceText::edited(ByteRange range, std::string_view inserted) const {
  range.end = std::min(range.end, size());
  range.begin = std::min(range.begin, range.end);
  const std::size_t chunks = chunkCount();
  // The chunks to rebuild: from the one holding the edit's start (and the one
  // before, if the edit starts a chunk: a CR there may meet an inserted LF)
  // to the one holding its end (the byte after the last one replaced).
  Place first = placeOfOffset(range.begin);
  if (first.index > 0 && first.start == range.begin) first = placeOfChunk(first.index - 1);
  Place last = placeOfOffset(range.end);
  std::string region;
  region.reserve(last.start + last.chunk->bytes.size() - first.start + inserted.size());
  for (std::size_t i = first.index; i <= last.index; ++i) region += chunk(i).bytes;
  const std::size_t base = first.start;
  region.replace(range.begin - base, range.size(), inserted);
  // Deleting lines leaves small chunks; one that gets too small joins its
  // neighbour, so chunks stay few.
  while (region.size() < chunkTarget_ / 4 && last.index + 1 < chunks) {
    last = placeOfChunk(last.index + 1);
    region += last.chunk->bytes;
  }

  SourceText out;
  out.chunkTarget_ = chunkTarget_;
  out.hadBom_ = hadBom_;
  out.repaired_ = repaired_;
  // Only the lines the edit wrote can hold invalid UTF-8 now (the rest was
  // valid, and no invalid sequence reaches past a line break).
  const std::size_t editBegin = range.begin - base, editEnd = editBegin + inserted.size();
  std::size_t lineBegin = std::string_view(region).substr(0, editBegin).find_last_of("\r\n");
  lineBegin = lineBegin == std::string::npos ? 0 : lineBegin + 1;
  std::size_t lineEnd = std::min(region.size(), region.find_first_of("\r\n", editEnd));
  std::string repaired;
  std::string_view written = std::string_view(region).substr(lineBegin, lineEnd - lineBegin);
  if (copyRepairingUtf8(written, repaired)) {
    out.repaired_ = true;
    region.replace(lineBegin, written.size(), repaired);
  }

  // The new chunks, with the chunks kept of the pages they land in.
  const Index& old = *index_;
  std::vector<ChunkPtr> run;
  const Page& firstPage = *old.pages[first.page];
  run.assign(firstPage.chunks.begin(), firstPage.chunks.begin() + static_cast<std::ptrdiff_t>(first.inPage));
  appendChunks(region, last.index + 1 == chunks, chunkTarget_, run);
  std::size_t lastPage = last.page;
  const Page& endPage = *old.pages[lastPage];
  run.insert(run.end(), endPage.chunks.begin() + static_cast<std::ptrdiff_t>(last.inPage) + 1, endPage.chunks.end());
  // A page left small joins the next one, so pages stay few.
  if (run.size() < kPageChunks / 4 && lastPage + 1 < old.pages.size()) {
    const Page& nextPage = *old.pages[++lastPage];
    run.insert(run.end(), nextPage.chunks.begin(), nextPage.chunks.end());
  }
  auto next = std::make_shared<Index>();
  next->pages.reserve(old.pages.size() + run.size() / kPageChunks + 1);
  next->pages.assign(old.pages.begin(), old.pages.begin() + static_cast<std::ptrdiff_t>(first.page));
  appendPages(std::move(run), next->pages);
  const std::size_t rebuiltEnd = next->pages.size();
  next->pages.insert(next->pages.end(), old.pages.begin() + static_cast<std::ptrdiff_t>(lastPage) + 1, old.pages.end());
  next->breaks = old.breaks;
  for (std::size_t i = first.page; i <= lastPage; ++i)
    for (std::size_t k = 0; k < 3; ++k) next->breaks[k] -= old.pages[i]->breaks[k];
  for (std::size_t i = first.page; i < rebuiltEnd; ++i)
    for (std::size_t k = 0; k < 3; ++k) next->breaks[k] += next->pages[i]->breaks[k];
  next->starts.assign(old.starts.begin(), old.starts.begin() + static_cast<std::ptrdiff_t>(first.page));
  next->firstLines.assign(old.firstLines.begin(), old.firstLines.begin() + static_cast<std::ptrdiff_t>(first.page));
  next->firstChunks.assign(old.firstChunks.begin(), old.firstChunks.begin() + static_cast<std::ptrdiff_t>(first.page));
  next->reindexFrom(first.page);
  out.index_ = std::move(next);
  return out;
}

std::string SourceText::str() const {
  std::string out;
  out.reserve(size());
  for (const auto& page : index_->pages)
    for (const auto& c : page->chunks) out += c->bytes;
  return out;
}

std::string SourceText::slice(ByteRange range) const {
  range.end = std::min(range.end, size());
  std::string out;
  if (range.begin >= range.end) return out;
  out.reserve(range.size());
  Place at = placeOfOffset(range.begin);
  for (std::size_t start = at.start, i = at.index; i < chunkCount() && start < range.end; ++i) {
    std::string_view bytes = chunk(i).bytes;
    std::size_t from = range.begin > start ? range.begin - start : 0;
    std::size_t to = std::min(bytes.size(), range.end - start);
    out.append(bytes.substr(from, to - from));
    start += bytes.size();
  }
  return out;
}

// Lines past the end are empty and sit at the end of the text, so callers
// that walk one line too far get an empty answer rather than a crash.
std::size_t SourceText::lineStart(std::size_t line) const {
  if (line >= lineCount()) return size();
  Place p = placeOfLine(line);
  return p.start + p.chunk->lineStarts[line - p.firstLine];
}

std::size_t SourceText::lineEnd(std::size_t line) const {
  if (line >= lineCount()) return size();
  Place p = placeOfLine(line);
  const Chunk& chunk = *p.chunk;
  std::size_t k = line - p.firstLine;
  std::size_t begin = chunk.lineStarts[k];
  std::size_t next = k + 1 < chunk.lineStarts.size() ? chunk.lineStarts[k + 1] : chunk.bytes.size();
  if (p.index + 1 == chunkCount() && k + 1 == chunk.lineStarts.size()) return p.start + next;  // the last line
  const bool crlf = chunk.bytes[next - 1] == '\n' && next - 1 > begin && chunk.bytes[next - 2] == '\r';
  return p.start + next - (crlf ? 2 : 1);
}

std::string_view SourceText::lineText(std::size_t line) const {
  if (line >= lineCount()) return {};
  Place p = placeOfLine(line);
  std::size_t begin = lineStart(line) - p.start;
  return std::string_view(p.chunk->bytes).substr(begin, lineEnd(line) - p.start - begin);
}

std::string_view SourceText::lineBreak(std::size_t line) const {
  if (line + 1 >= lineCount()) return "";
  Place p = placeOfLine(line);
  std::size_t end = lineEnd(line) - p.start;
  std::size_t next = lineStart(line + 1);
  return std::string_view(p.chunk->bytes).substr(end, next - p.start - end);
}

std::string_view SourceText::dominantLineBreak() const {
  // Candidates in tie-break order: a strict majority is needed to displace an
  // earlier one.
  static constexpr std::array<std::string_view, 3> kBreaks = {"\n", "\r\n", "\r"};
  std::size_t best = 0;
  for (std::size_t k = 1; k < kBreaks.size(); ++k)
    if (index_->breaks[k] > index_->breaks[best]) best = k;
  return kBreaks[best];
}

std::size_t SourceText::lineOf(std::size_t offset) const {
  offset = std::min(offset, size());
  Place p = placeOfOffset(offset);
  return p.firstLine + lastAtOrBefore(p.chunk->lineStarts, offset - p.start);
}

LineColumn SourceText::toUtf16(std::size_t offset) const { return toColumn(*this, offset, utf16Units); }
std::size_t SourceText::fromUtf16(LineColumn position) const { return fromColumn(*this, position, utf16Units); }
LineColumn SourceText::toCodePoints(std::size_t offset) const { return toColumn(*this, offset, oneCodePoint); }
std::size_t SourceText::fromCodePoints(LineColumn position) const { return fromColumn(*this, position, oneCodePoint); }
LineColumn SourceText::toUtf8(std::size_t offset) const { return toColumn(*this, offset, utf8Bytes); }
std::size_t SourceText::fromUtf8(LineColumn position) const { return fromColumn(*this, position, utf8Bytes); }

}  // namespace nianbao
