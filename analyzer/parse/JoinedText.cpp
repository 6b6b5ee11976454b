#include "parse/JoinedText.h"

#include <algorithm>
#include <string_view>

namespace nianbao {

bool isPageFooter(std::string_view line) {
  // "-1-", "— 2 —", "3": what pdftotext leaves of a page number.
  bool digit = false;
  for (std::size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= '0' && c <= '9') digit = true, ++i;
    else if (c == '-' || c == ' ' || c == '\t') ++i;
    else if (line.substr(i, 3) == "\xE2\x80\x94" || line.substr(i, 3) == "\xE2\x80\x93") i += 3;  // — –
    else return false;
  }
  return digit;
}

namespace {

std::string_view trimmed(std::string_view s, std::size_t* skipped) {
  std::size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f')) ++b;
  while (s.substr(b, 3) == "\xE3\x80\x80") b += 3;  // ideographic spaces, an indent
  std::size_t e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\f')) --e;
  *skipped = b;
  return s.substr(b, e - b);
}

}  // namespace

JoinedText joinProse(const SourceText& text, const ReportModel& model, std::size_t firstLine, std::size_t lastLine) {
  JoinedText j;
  auto inTable = [&](std::size_t line) {
    for (const auto& t : model.tables)
      if (line >= t.firstLine && line <= t.lastLine) return true;
    return false;
  };
  auto lineBreak = [&](std::size_t line) {
    if (!j.bytes.empty() && j.bytes.back() == '\n') return;
    j.bytes += '\n';
    j.source.push_back(text.lineStart(line));
  };
  for (std::size_t line = firstLine; line < lastLine && line < text.lineCount(); ++line) {
    if (inTable(line)) {
      lineBreak(line);
      continue;
    }
    std::size_t skipped = 0;
    std::string_view content = trimmed(text.lineText(line), &skipped);
    if (isPageFooter(content)) continue;
    if (content.empty()) {
      lineBreak(line);
      continue;
    }
    std::size_t start = text.lineStart(line) + skipped;
    j.bytes.append(content);
    for (std::size_t i = 0; i < content.size(); ++i) j.source.push_back(start + i);
  }
  return j;
}

std::size_t linesWithin(const SourceText& text, std::size_t first, std::size_t last, std::size_t maxBytes) {
  last = std::min(last, text.lineCount());
  if (first >= last) return first;
  std::size_t limit = text.lineStart(first) + maxBytes;
  // One lookup, not a walk over the lines (each lineStart is a search itself).
  if (limit >= text.size()) return last;
  return std::min(last, text.lineOf(limit) + 1);
}

bool proseRegion(const SourceText& text, const ReportModel& model, const Template& t, const std::string& partNumeral,
                 const std::string& topicNumeral, std::size_t maxBytes, std::size_t* first, std::size_t* last) {
  int part = t.partIndex(partNumeral);
  const PartHeading* heading = nullptr;
  for (const auto& h : model.parts)
    if (h.part == part) {
      heading = &h;
      break;
    }
  if (!heading) return false;
  *first = heading->line + 1;
  *last = text.lineCount();
  for (const auto& h : model.parts)
    if (h.line > heading->line) *last = std::min(*last, h.line);
  int topic = -1;
  for (std::size_t i = 0; i < t.topics.size(); ++i)
    if (!topicNumeral.empty() && t.topicsPart == partNumeral && t.topics[i].numeral == topicNumeral) topic = static_cast<int>(i);
  const TopicHeading* found = nullptr;
  for (const auto& h : model.topics)
    if (h.topic == topic && h.line >= *first && h.line < *last) {
      found = &h;
      break;
    }
  if (found) {
    *first = found->line;
    for (const auto& h : model.topics)
      if (h.line > found->line) *last = std::min(*last, h.line);
  }
  // Either way no more than maxBytes: a keystroke must not read megabytes.
  *last = linesWithin(text, *first, *last, maxBytes);
  return true;
}

}  // namespace nianbao
