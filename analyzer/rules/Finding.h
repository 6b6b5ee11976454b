#pragma once
// What a rule reports: a stable code, a severity, the exact range it is
// about, a message naming the numbers, and the edit that fixes it when one is
// safe to make without asking.

#include <memory>
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

// Another text a finding points into (last year's report), with the name the
// caller gave it (a path, a URI): the analyzer knows no files.
struct OtherDocument {
  std::string name;
  SourceText text;
};

// The other side of a contradiction: the table cell a sentence disagrees
// with, or last year's figure this year's does not follow from.
struct RelatedLocation {
  ByteRange range;
  std::string message;
  std::shared_ptr<const OtherDocument> document = nullptr;  // null: the text the finding is in
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
