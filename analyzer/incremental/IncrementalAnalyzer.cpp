#include "incremental/IncrementalAnalyzer.h"

#include <iterator>
#include <unordered_map>
#include <utility>

#include "incremental/Shift.h"
#include "parse/TableParser.h"

namespace nianbao {

Analysis IncrementalAnalyzer::analyze(const SourceText& text) {
  try {
    return analyzeReusing(text);
  } catch (...) {
    // Half-updated caches would be wrong next time: start afresh.
    chunkHeadings_.clear();
    last_ = SourceText();
    zone_.reset();
    throw;
  }
}

Analysis IncrementalAnalyzer::analyzeReusing(const SourceText& text) {
  work_ = {};
  zoneReused_ = false;
  updateChunks(text);
  ReportModel model = assembleReport(
      text, analyzer_.labels(), headingLines(text),
      [&](std::size_t begin, std::size_t end, const std::vector<std::size_t>& headings) {
        return zoneTables(text, begin, end, headings);
      });
  std::vector<Finding> arithmetic;
  if (model.isReport) {
    if (zoneReused_ && zone_ && zone_->arithmetic) {
      arithmetic = *zone_->arithmetic;
    } else {
      arithmetic = analyzer_.checkArithmetic(text, model);
      work_.arithmeticChecked = true;
      if (zone_) zone_->arithmetic = arithmetic;
    }
  }
  return analyzer_.complete(text, std::move(model), std::move(arithmetic));
}

// The new text's chunks in order: those the last text had too keep their
// headings; the rest are judged line by line. An edit keeps all chunks before
// and after the ones it rebuilt: whole pages are compared from both ends
// first, then chunks, and only what lies between is looked up by id (the
// chunks between two edits far apart) or judged. The list is spliced.
void IncrementalAnalyzer::updateChunks(const SourceText& text) {
  const SourceText& old = last_;
  const std::size_t n = text.chunkCount(), m = chunkHeadings_.size();
  const std::size_t pages = text.pageCount(), oldPages = m == 0 ? 0 : old.pageCount();
  std::size_t prefix = 0, page = 0;
  while (page < pages && page < oldPages && text.pageId(page) == old.pageId(page))
    prefix += text.pageChunkCount(page++);
  while (prefix < n && prefix < m && text.chunk(prefix).id == old.chunk(prefix).id) ++prefix;
  std::size_t suffix = 0;
  for (std::size_t p = 1; p <= pages && p <= oldPages; ++p) {
    std::size_t count = text.pageChunkCount(pages - p);
    if (text.pageId(pages - p) != old.pageId(oldPages - p) || suffix + count > n - prefix || suffix + count > m - prefix)
      break;
    suffix += count;
  }
  while (suffix < n - prefix && suffix < m - prefix && text.chunk(n - 1 - suffix).id == old.chunk(m - 1 - suffix).id)
    ++suffix;
  // Between them: chunks the last text also had (two edits far apart, made
  // before one analysis) are found by id; the others are judged.
  std::unordered_map<std::uint64_t, std::size_t> oldAt;
  for (std::size_t i = prefix; i < m - suffix; ++i) oldAt.emplace(old.chunk(i).id, i);
  std::vector<std::unique_ptr<const HeadingLines>> middle;
  std::size_t parsed = 0;
  for (std::size_t i = prefix; i < n - suffix; ++i) {
    const SourceText::Chunk& chunk = text.chunk(i);
    if (auto it = oldAt.find(chunk.id); it != oldAt.end()) {
      middle.push_back(std::move(chunkHeadings_[it->second]));
      continue;
    }
    ++parsed;
    const std::size_t first = text.chunkFirstLine(i);
    HeadingLines h = findHeadingLines(text, first, first + chunk.lineStarts.size(), analyzer_.labels());
    if (h.parts.empty() && h.topics.empty()) {
      middle.push_back(nullptr);
      continue;
    }
    Shift home{-static_cast<std::ptrdiff_t>(text.chunkStart(i)), -static_cast<std::ptrdiff_t>(first)};
    for (auto& p : h.parts) shift(p, home);
    for (auto& t : h.topics) shift(t, home);
    middle.push_back(std::make_unique<const HeadingLines>(std::move(h)));
  }
  const auto from = static_cast<std::ptrdiff_t>(prefix);
  chunkHeadings_.erase(chunkHeadings_.begin() + from, chunkHeadings_.begin() + static_cast<std::ptrdiff_t>(m - suffix));
  chunkHeadings_.insert(chunkHeadings_.begin() + from, std::make_move_iterator(middle.begin()),
                        std::make_move_iterator(middle.end()));
  work_.chunksParsed = parsed;
  work_.chunksReused = n - parsed;
  last_ = text;
}

HeadingLines IncrementalAnalyzer::headingLines(const SourceText& text) const {
  HeadingLines all;
  for (std::size_t i = 0; i < chunkHeadings_.size(); ++i) {
    if (!chunkHeadings_[i]) continue;
    const HeadingLines& h = *chunkHeadings_[i];
    Shift there{static_cast<std::ptrdiff_t>(text.chunkStart(i)), static_cast<std::ptrdiff_t>(text.chunkFirstLine(i))};
    for (PartHeading p : h.parts) {
      shift(p, there);
      all.parts.push_back(std::move(p));
    }
    for (TopicHeading t : h.topics) {
      shift(t, there);
      all.topics.push_back(t);
    }
  }
  return all;
}

std::vector<Table> IncrementalAnalyzer::zoneTables(const SourceText& text, std::size_t begin, std::size_t end,
                                                   const std::vector<std::size_t>& headings) {
  if (begin >= end) {
    zone_.reset();
    return {};
  }
  TableZone key;
  const std::size_t first = text.chunkOfLine(begin), last = text.chunkOfLine(end - 1);
  for (std::size_t i = first; i <= last; ++i) key.chunks.push_back(text.chunk(i).id);
  key.chunkStart = text.chunkStart(first);
  key.chunkFirstLine = text.chunkFirstLine(first);
  key.beginInChunk = begin - key.chunkFirstLine;
  key.endInChunk = end - key.chunkFirstLine;
  // The same chunks at the same offsets are the same lines, and the headings
  // among them are those lines' own: the tables are the same, moved.
  if (zone_ && zone_->chunks == key.chunks && zone_->beginInChunk == key.beginInChunk &&
      zone_->endInChunk == key.endInChunk) {
    Shift by{static_cast<std::ptrdiff_t>(key.chunkStart) - static_cast<std::ptrdiff_t>(zone_->chunkStart),
             static_cast<std::ptrdiff_t>(key.chunkFirstLine) - static_cast<std::ptrdiff_t>(zone_->chunkFirstLine)};
    if (by.bytes != 0 || by.lines != 0) {
      for (auto& t : zone_->tables) shift(t, by);
      if (zone_->arithmetic)
        for (auto& f : *zone_->arithmetic) shift(f, by);
    }
    zone_->chunkStart = key.chunkStart;
    zone_->chunkFirstLine = key.chunkFirstLine;
    zoneReused_ = true;
    return zone_->tables;
  }
  key.tables = parseTables(text, begin, end, headings, analyzer_.labels());
  work_.tablesParsed = true;
  zone_ = std::move(key);
  return zone_->tables;
}

}  // namespace nianbao
