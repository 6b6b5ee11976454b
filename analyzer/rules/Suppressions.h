#pragma once
// Inline suppressions, invisible in a published Markdown report:
//   <!-- nianbao-disable CODE … -->            from here on (no code: every code)
//   <!-- nianbao-enable CODE … -->             ends what a disable began (no code: all of it)
//   <!-- nianbao-disable-next-line CODE … -->  the line after the comment
// Codes are separated by spaces or commas. A comment that suppresses nothing,
// names a code no rule reports, or enables what was never disabled is itself
// reported (unused-suppression, info), with a fix that removes it.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "rules/Finding.h"
#include "text/SourceText.h"

namespace nianbao {

enum class SuppressionKind { Disable, Enable, DisableNextLine };

struct SuppressionComment {
  SuppressionKind kind = SuppressionKind::Disable;
  ByteRange range;                  // the whole comment, <!-- to -->
  std::vector<std::string> codes;   // empty: every code
  std::vector<ByteRange> codeRanges;
};

// Every nianbao comment in the text, in order. Other HTML comments are not
// theirs and are skipped.
std::vector<SuppressionComment> findSuppressionComments(const SourceText& text);

// findSuppressionComments for the texts an editor makes from one another, as
// one types: a chunk seen in the previous text is not read again, so a
// keystroke in an 8 MB report reads one chunk, not 8 MB. Not thread-safe.
class SuppressionScanner {
 public:
  std::vector<SuppressionComment> find(const SourceText& text);

 private:
  std::unordered_map<std::uint64_t, std::vector<SuppressionComment>> byChunk_;  // ranges relative to the chunk
};

// The nianbao comments on one line (hover reads only the line it is on).
std::vector<SuppressionComment> suppressionCommentsOnLine(const SourceText& text, std::size_t line);

// The comment covering `offset`, if any (for hover).
const SuppressionComment* suppressionAt(const std::vector<SuppressionComment>& comments, std::size_t offset);

// `findings` without the suppressed ones, plus an unused-suppression finding
// for each comment or code that suppressed nothing. `known` says whether a
// code is one any rule reports. Keeps the order by position.
std::vector<Finding> applySuppressions(const SourceText& text, std::vector<Finding> findings, std::string_view locale,
                                       bool (*known)(std::string_view code));
// The same with the text's comments already found.
std::vector<Finding> applySuppressions(const SourceText& text, const std::vector<SuppressionComment>& comments,
                                       std::vector<Finding> findings, std::string_view locale,
                                       bool (*known)(std::string_view code));

// The edit that suppresses `finding`: a disable-next-line comment above its
// line; in a Markdown pipe table, which a comment line would end (the
// parser reads one as blank, but a published page would break the table), a
// disable before the table and an enable after it. Null for
// unused-suppression itself.
std::optional<Fix> suppressionFix(const SourceText& text, const Finding& finding, std::string_view locale);

}  // namespace nianbao
