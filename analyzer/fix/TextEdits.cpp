#include "fix/TextEdits.h"

#include <algorithm>

namespace nianbao {

std::string applyEdits(const std::string& text, std::vector<TextEdit> edits, std::size_t* skipped) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.begin < b.range.begin;
  });
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0, dropped = 0;
  for (const auto& e : edits) {
    // An edit that starts inside an applied one, or runs past the end, is dropped;
    // two insertions at one point both apply, in the order given.
    if (e.range.begin < at || e.range.end > text.size() || e.range.end < e.range.begin) {
      ++dropped;
      continue;
    }
    out.append(text, at, e.range.begin - at);
    out += e.newText;
    at = e.range.end;
  }
  out.append(text, at, std::string::npos);
  if (skipped) *skipped = dropped;
  return out;
}

}  // namespace nianbao
