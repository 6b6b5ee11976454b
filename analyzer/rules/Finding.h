#pragma once
// What a rule reports: a stable code, a severity, the exact range it is
// about, a message naming the numbers, and the edit that fixes it when one is
// safe to make without asking.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/SourceText.h"

namespace nianbao {

enum class Severity { Error, Warning, Info, Hint };
std::string_view severityName(Severity s);  // "error", "warning", "info", "hint"

struct TextEdit {
  ByteRange range;
  std::string newText;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

struct Fix {
  std::string title;
  std::vector<TextEdit> edits;
  // The fix writes numbers nobody knows (zeros in an inserted row): sums
  // checked after it are about placeholders, so fixAll makes no sum fix after it.
  bool insertsPlaceholders = false;
  friend bool operator==(const Fix&, const Fix&) = default;
};

// The other side of a contradiction: the table cell a sentence disagrees with.
struct RelatedLocation {
  ByteRange range;
  std::string message;
  friend bool operator==(const RelatedLocation&, const RelatedLocation&) = default;
};

struct Finding {
  std::string code;  // section-missing, sum-row, … (see ARCHITECTURE.md)
  Severity severity = Severity::Error;
  ByteRange range;
  std::string message;
  std::optional<Fix> fix;
  std::vector<RelatedLocation> related;
  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace nianbao
