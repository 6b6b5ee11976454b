#include "rules/Suppressions.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

namespace nianbao {
namespace {

constexpr std::string_view kOpen = "<!--";
constexpr std::string_view kClose = "-->";
constexpr std::string_view kPrefix = "nianbao-";

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isCodeChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

// The comment starting at `at` in `line` (offset `base` in the text), if it is one of ours.
std::optional<SuppressionComment> readComment(std::string_view line, std::size_t at, std::size_t base) {
  std::size_t end = line.find(kClose, at + kOpen.size());
  if (end == std::string_view::npos) return std::nullopt;  // comments are read on one line
  std::size_t i = at + kOpen.size();
  while (i < end && isSpace(line[i])) ++i;
  if (line.compare(i, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  std::size_t wordEnd = i;
  while (wordEnd < end && isCodeChar(line[wordEnd])) ++wordEnd;
  std::string_view word = line.substr(i, wordEnd - i);
  SuppressionComment c;
  if (word == "nianbao-disable") c.kind = SuppressionKind::Disable;
  else if (word == "nianbao-enable") c.kind = SuppressionKind::Enable;
  else if (word == "nianbao-disable-next-line") c.kind = SuppressionKind::DisableNextLine;
  else return std::nullopt;
  c.range = {base + at, base + end + kClose.size()};
  for (std::size_t j = wordEnd; j < end;) {
    // Separators: spaces, commas and full-width commas (U+FF0C, EF BC 8C).
    // Only the whole comma: skipping any EF byte cut the first character
    // off a code such as ｓｕｍ－ｒｏｗ (full-width, as a Chinese input method
    // types it) or U+FFFD, leaving a code and a range that start inside a
    // character (found by fuzz_suppressions).
    bool fullWidthComma = line.compare(j, 3, "\xef\xbc\x8c") == 0;
    if (isSpace(line[j]) || line[j] == ',' || fullWidthComma) {
      j += fullWidthComma ? 3 : 1;
      continue;
    }
    std::size_t k = j;
    while (k < end && !isSpace(line[k]) && line[k] != ',' && line.compare(k, 3, "\xef\xbc\x8c") != 0) ++k;
    c.codes.emplace_back(line.substr(j, k - j));
    c.codeRanges.push_back({base + j, base + k});
    j = k;
  }
  return c;
}

// Where a comment's codes apply: [begin, end], for one code of it ("" = every code).
struct Region {
  std::size_t begin = 0, end = 0;
  std::size_t comment = 0;
  std::size_t codeIndex = 0;  // into the comment's codes; npos when it names none
  std::string_view code;      // "" = every code
};

bool zh(std::string_view locale) { return locale != "en"; }

std::string directive(const SuppressionComment& c) {
  switch (c.kind) {
    case SuppressionKind::Disable: return "nianbao-disable";
    case SuppressionKind::Enable: return "nianbao-enable";
    case SuppressionKind::DisableNextLine: return "nianbao-disable-next-line";
  }
  return "";
}

// The edit that removes a comment: its whole line when nothing else is on it.
TextEdit removeComment(const SourceText& text, const SuppressionComment& c) {
  std::size_t line = text.lineOf(c.range.begin);
  std::string_view content = text.lineText(line);
  std::size_t start = text.lineStart(line);
  bool alone = std::all_of(content.begin(), content.begin() + static_cast<long>(c.range.begin - start), isSpace) &&
               std::all_of(content.begin() + static_cast<long>(c.range.end - start), content.end(), isSpace);
  if (alone && line + 1 < text.lineCount()) return {{start, text.lineStart(line + 1)}, ""};
  if (alone && line > 0) return {{text.lineEnd(line - 1), text.lineEnd(line)}, ""};
  return {c.range, ""};
}

// The edit that removes one code of several from a comment, with the separator before it.
TextEdit removeCode(const SuppressionComment& c, std::size_t index) {
  ByteRange r = c.codeRanges[index];
  std::size_t from = index == 0 ? r.begin : c.codeRanges[index - 1].end;
  std::size_t to = index == 0 ? c.codeRanges[1].begin : r.end;
  return {{from, to}, ""};
}

Finding unused(const SourceText& text, const SuppressionComment& c, std::size_t index, std::string message,
               std::string_view locale) {
  Finding f;
  f.code = "unused-suppression";
  f.severity = Severity::Info;
  f.range = index == std::string::npos ? c.range : c.codeRanges[index];
  f.message = std::move(message);
  bool whole = index == std::string::npos || c.codes.size() == 1;
  f.fix = Fix{zh(locale) ? (whole ? "删除这条屏蔽注释" : "从屏蔽注释中删除 " + c.codes[index])
                         : (whole ? "Remove the suppression comment" : "Remove " + c.codes[index] + " from the comment"),
              {whole ? removeComment(text, c) : removeCode(c, index)}};
  return f;
}

}  // namespace

namespace {

// The comments in one chunk, with ranges relative to its start. Chunks hold
// whole lines, so a one-line comment is inside one chunk.
std::vector<SuppressionComment> commentsInChunk(const std::string& bytes) {
  std::vector<SuppressionComment> out;
  std::size_t from = 0;
  while (true) {
    const void* hit = memmem(bytes.data() + from, bytes.size() - from, kPrefix.data(), kPrefix.size());
    if (!hit) break;
    std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - bytes.data());
    from = at + kPrefix.size();
    std::size_t lineBegin = bytes.rfind('\n', at);
    lineBegin = lineBegin == std::string::npos ? 0 : lineBegin + 1;
    std::size_t cr = bytes.rfind('\r', at);
    if (cr != std::string::npos && cr + 1 > lineBegin) lineBegin = cr + 1;
    std::size_t lineEnd = bytes.find_first_of("\r\n", at);
    if (lineEnd == std::string::npos) lineEnd = bytes.size();
    std::string_view line(bytes.data() + lineBegin, lineEnd - lineBegin);
    std::size_t open = line.rfind(kOpen, at - lineBegin);
    if (open == std::string_view::npos) continue;
    if (auto c = readComment(line, open, lineBegin)) {
      if (!out.empty() && out.back().range == c->range) continue;
      from = c->range.end;
      out.push_back(std::move(*c));
    }
  }
  return out;
}

void appendShifted(const std::vector<SuppressionComment>& comments, std::size_t base, std::vector<SuppressionComment>& out) {
  for (SuppressionComment c : comments) {
    c.range = {c.range.begin + base, c.range.end + base};
    for (auto& r : c.codeRanges) r = {r.begin + base, r.end + base};
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<SuppressionComment> findSuppressionComments(const SourceText& text) {
  std::vector<SuppressionComment> out;
  for (std::size_t i = 0; i < text.chunkCount(); ++i) appendShifted(commentsInChunk(text.chunk(i).bytes), text.chunkStart(i), out);
  return out;
}

std::vector<SuppressionComment> SuppressionScanner::find(const SourceText& text) {
  std::vector<SuppressionComment> out;
  std::unordered_map<std::uint64_t, std::vector<SuppressionComment>> seen;
  seen.reserve(text.chunkCount());
  for (std::size_t i = 0; i < text.chunkCount(); ++i) {
    const SourceText::Chunk& chunk = text.chunk(i);
    auto known = byChunk_.find(chunk.id);
    auto& comments = seen[chunk.id];
    comments = known != byChunk_.end() ? std::move(known->second) : commentsInChunk(chunk.bytes);
    appendShifted(comments, text.chunkStart(i), out);
  }
  byChunk_ = std::move(seen);  // the chunks of texts before this one are gone
  return out;
}

std::vector<SuppressionComment> suppressionCommentsOnLine(const SourceText& text, std::size_t line) {
  std::vector<SuppressionComment> out;
  std::string_view content = text.lineText(line);
  std::size_t base = text.lineStart(line);
  for (std::size_t open = content.find(kOpen); open != std::string_view::npos; open = content.find(kOpen, open + 1))
    if (auto c = readComment(content, open, base)) {
      open = c->range.end - base - 1;
      out.push_back(std::move(*c));
    }
  return out;
}

const SuppressionComment* suppressionAt(const std::vector<SuppressionComment>& comments, std::size_t offset) {
  for (const auto& c : comments)
    if (c.range.begin <= offset && offset <= c.range.end) return &c;
  return nullptr;
}

std::vector<Finding> applySuppressions(const SourceText& text, std::vector<Finding> findings, std::string_view locale,
                                       bool (*known)(std::string_view code)) {
  return applySuppressions(text, findSuppressionComments(text), std::move(findings), locale, known);
}

std::vector<Finding> applySuppressions(const SourceText& text, const std::vector<SuppressionComment>& comments,
                                       std::vector<Finding> findings, std::string_view locale,
                                       bool (*known)(std::string_view code)) {
  if (comments.empty()) return findings;
  constexpr std::size_t npos = std::string::npos;
  std::vector<Finding> notes;
  std::vector<Region> regions;
  std::vector<Region> open;  // disables not yet enabled
  for (std::size_t ci = 0; ci < comments.size(); ++ci) {
    const SuppressionComment& c = comments[ci];
    std::vector<std::pair<std::string_view, std::size_t>> codes;  // (code, index) of the known codes
    for (std::size_t k = 0; k < c.codes.size(); ++k) {
      if (known && !known(c.codes[k])) {
        notes.push_back(unused(text, c, k,
                               zh(locale) ? "没有规则的代码是 " + c.codes[k] + "，这条屏蔽不起作用"
                                          : "no rule has the code '" + c.codes[k] + "'; this suppresses nothing",
                               locale));
        continue;
      }
      codes.emplace_back(c.codes[k], k);
    }
    if (c.codes.empty()) codes.emplace_back("", npos);
    else if (codes.empty()) continue;
    switch (c.kind) {
      case SuppressionKind::DisableNextLine: {
        std::size_t line = text.lineOf(c.range.end) + 1;
        if (line >= text.lineCount()) line = text.lineCount() - 1;
        for (auto [code, k] : codes) regions.push_back({text.lineStart(line), text.lineEnd(line), ci, k, code});
        break;
      }
      case SuppressionKind::Disable:
        for (auto [code, k] : codes) open.push_back({c.range.end, text.size(), ci, k, code});
        break;
      case SuppressionKind::Enable:
        for (auto [code, k] : codes) {
          bool ended = false;
          for (auto it = open.begin(); it != open.end();) {
            if (code.empty() || it->code == code) {
              it->end = c.range.begin;
              regions.push_back(*it);
              it = open.erase(it);
              ended = true;
            } else {
              ++it;
            }
          }
          if (!ended) {
            std::string what = directive(c) + (code.empty() ? "" : " " + std::string(code));
            notes.push_back(unused(text, c, k,
                                   zh(locale) ? what + " 之前没有对应的 nianbao-disable，可以删除"
                                              : what + " ends no nianbao-disable; it can be removed",
                                   locale));
          }
        }
        break;
    }
  }
  regions.insert(regions.end(), open.begin(), open.end());
  std::vector<char> used(regions.size(), 0);
  std::erase_if(findings, [&](const Finding& f) {
    bool suppressed = false;
    for (std::size_t r = 0; r < regions.size(); ++r)
      if (regions[r].begin <= f.range.begin && f.range.begin <= regions[r].end &&
          (regions[r].code.empty() || regions[r].code == f.code)) {
        used[r] = 1;
        suppressed = true;
      }
    return suppressed;
  });
  for (std::size_t r = 0; r < regions.size(); ++r) {
    if (used[r]) continue;
    const SuppressionComment& c = comments[regions[r].comment];
    std::string what = directive(c) + (regions[r].code.empty() ? "" : " " + std::string(regions[r].code));
    notes.push_back(unused(text, c, regions[r].codeIndex,
                           zh(locale) ? what + " 没有屏蔽任何问题，可以删除" : what + " suppresses nothing; it can be removed",
                           locale));
  }
  findings.insert(findings.end(), notes.begin(), notes.end());
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end < b.range.end;
  });
  return findings;
}

std::optional<Fix> suppressionFix(const SourceText& text, const Finding& finding, std::string_view locale) {
  if (finding.code == "unused-suppression") return std::nullopt;
  std::string lineBreak(text.dominantLineBreak());
  std::size_t line = text.lineOf(finding.range.begin);
  std::string title = zh(locale) ? "屏蔽此处的 " + finding.code : "Suppress " + finding.code + " here";
  // A comment line inside a Markdown table would end it: around the table instead.
  auto isPipeRow = [&](std::size_t l) {
    std::string_view content = text.lineText(l);
    std::size_t first = content.find_first_not_of(" \t");
    return first != std::string_view::npos && content[first] == '|';
  };
  if (isPipeRow(line)) {
    std::size_t first = line, last = line;
    while (first > 0 && isPipeRow(first - 1)) --first;
    while (last + 1 < text.lineCount() && isPipeRow(last + 1)) ++last;
    std::size_t start = text.lineStart(first), end = text.lineEnd(last);
    return Fix{zh(locale) ? "在这张表中屏蔽 " + finding.code : "Suppress " + finding.code + " in this table",
               {{{start, start}, "<!-- nianbao-disable " + finding.code + " -->" + lineBreak},
                {{end, end}, lineBreak + "<!-- nianbao-enable " + finding.code + " -->"}}};
  }
  // Another code for the comment already on the line above.
  if (line > 0) {
    std::vector<SuppressionComment> above = findSuppressionComments(text);
    for (const auto& c : above)
      if (c.kind == SuppressionKind::DisableNextLine && text.lineOf(c.range.end) + 1 == line && !c.codes.empty()) {
        std::size_t at = c.codeRanges.back().end;
        return Fix{title, {{{at, at}, " " + finding.code}}};
      }
  }
  std::size_t start = text.lineStart(line);
  return Fix{title, {{{start, start}, "<!-- nianbao-disable-next-line " + finding.code + " -->" + lineBreak}}};
}

}  // namespace nianbao
