#pragma once
// Carrying byte ranges across edits. Findings that only update on save (the
// heading checks) keep pointing at the same words while the user types
// around them.

#include <cstddef>
#include <vector>

#include "rules/Finding.h"

namespace nianbao::lsp {

// One replacement: bytes [begin, end) of the old text became `newLength` bytes.
struct ByteEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t newLength = 0;
  friend bool operator==(const ByteEdit&, const ByteEdit&) = default;
};

// Where `range` is after `edit`. Text before and after the edit keeps its
// place; a range the edit cuts into shrinks to what is left of it, and one the
// edit swallows becomes empty at the edit's start.
ByteRange mapRange(ByteRange range, const ByteEdit& edit);

// A finding and its fix carried over `edit`.
void mapFinding(Finding& finding, const ByteEdit& edit);

}  // namespace nianbao::lsp
