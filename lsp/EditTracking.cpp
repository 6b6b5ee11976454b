#include "EditTracking.h"

namespace nianbao::lsp {

ByteRange mapRange(ByteRange r, const ByteEdit& e) {
  auto shifted = [&](std::size_t p) { return p - (e.end - e.begin) + e.newLength; };
  // Text inserted exactly at a range's start goes before it, at its end after
  // it: the range keeps its own words and no more.
  std::size_t begin = r.begin < e.begin ? r.begin : r.begin >= e.end ? shifted(r.begin) : e.begin + e.newLength;
  if (r.empty()) return {begin, begin};
  std::size_t end = r.end <= e.begin ? r.end : r.end >= e.end ? shifted(r.end) : e.begin;
  if (end < begin) return {e.begin, e.begin};  // the edit replaced all of it
  return {begin, end};
}

void mapFinding(Finding& f, const ByteEdit& e) {
  f.range = mapRange(f.range, e);
  if (f.fix)
    for (auto& edit : f.fix->edits) edit.range = mapRange(edit.range, e);
}

}  // namespace nianbao::lsp
