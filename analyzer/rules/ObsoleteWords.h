#pragma once
// The words of a template's obsolete_format made ready for searching a
// report: folded as labels are (text/Fold.h), with the brackets of document
// numbers alike, and with byte-level tests that rule out most lines before
// anything is folded (obsolete-format runs on every keystroke).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "templates/Template.h"
#include "text/SourceText.h"

namespace nianbao {

// foldForMatching, and 〔2019〕, [2019], 【2019】, (2019) all as [2019].
std::u32string foldObsolete(std::string_view text);

// `text` folded a code point at a time, each folded character remembering
// the bytes it came from, so that a match found folded is a range as written.
struct FoldedSpan {
  std::u32string chars;
  std::vector<ByteRange> from;
  ByteRange range(std::size_t at, std::size_t length) const { return {from[at].begin, from[at + length - 1].end}; }
};
FoldedSpan foldWithOffsets(std::string_view text, std::size_t offset);

// Whether a text can hold one of some words, from their CJK ideographs
// (which folding leaves as they are): all of a word's must be in the text.
class IdeographSieve {
 public:
  IdeographSieve() = default;
  explicit IdeographSieve(const std::vector<std::u32string>& words);
  bool mayHold(std::string_view text) const;

 private:
  static constexpr char32_t kFirst = 0x4E00, kCount = 0x5200;  // U+4E00–U+9FFF
  std::vector<std::uint8_t> index_;  // by ideograph: its bit plus one, 0 for none
  std::vector<std::uint64_t> masks_;
};

struct ObsoleteWords {
  std::vector<std::u32string> labels;  // folded, in the order of TemplateObsoleteFormat::labels
  std::size_t longestLabel = 0;        // in bytes, as the template writes it
  IdeographSieve labelSieve;
  std::vector<std::u32string> citations;  // folded
  // Each citation's year, in ASCII and full-width digits: a line without one
  // is not folded. Empty if some citation has no digits.
  std::vector<std::string> citationYears;
};

// Made once per thread for a set of words: every analysis asks again.
const ObsoleteWords& obsoleteWords(const TemplateObsoleteFormat& of);

}  // namespace nianbao
