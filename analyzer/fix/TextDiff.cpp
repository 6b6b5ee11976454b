#include "TextDiff.h"

#include <cstdint>
#include <string>

namespace nianbao {

namespace {

struct Line {
  std::size_t begin;
  std::string_view text;  // with its line break
};

std::vector<Line> splitLines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool cr = s[i] == '\r';
    if (s[i] != '\n' && !cr) continue;
    if (cr && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    lines.push_back({start, s.substr(start, i + 1 - start)});
    start = i + 1;
  }
  if (start < s.size()) lines.push_back({start, s.substr(start)});
  return lines;
}

// Beyond this many cells the quadratic table is not worth it: one edit for
// the changed middle is still correct, only coarser.
constexpr std::uint64_t kMaxTableCells = 4'000'000;

}  // namespace

std::vector<TextEdit> lineDiff(std::string_view before, std::string_view after) {
  std::vector<Line> a = splitLines(before), b = splitLines(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix].text == b[prefix].text) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix].text == b[b.size() - 1 - suffix].text)
    ++suffix;
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  if (n == 0 && m == 0) return {};

  auto offsetOfA = [&](std::size_t i) { return i < a.size() ? a[i].begin : before.size(); };
  std::vector<TextEdit> edits;
  // Replaces a[i0, i1) by b[j0, j1).
  auto emit = [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
    if (i0 == i1 && j0 == j1) return;
    std::string text;
    for (std::size_t j = j0; j < j1; ++j) text += b[j].text;
    edits.push_back({{offsetOfA(i0), offsetOfA(i1)}, std::move(text)});
  };
  if (static_cast<std::uint64_t>(n + 1) * (m + 1) > kMaxTableCells) {
    emit(prefix, prefix + n, prefix, prefix + m);
    return edits;
  }
  // Longest common subsequence of the middle lines, then walk it.
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[prefix + i].text == b[prefix + j].text ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0, hunkI = 0, hunkJ = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i].text == b[prefix + j].text) {
      emit(prefix + hunkI, prefix + i, prefix + hunkJ, prefix + j);
      ++i, ++j;
      hunkI = i, hunkJ = j;
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      ++j;
    } else {
      ++i;
    }
  }
  emit(prefix + hunkI, prefix + n, prefix + hunkJ, prefix + m);
  return edits;
}

}  // namespace nianbao
