#include "text/Fold.h"

#include <algorithm>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace nianbao {

namespace {

constexpr UChar32 kReplacement = 0xFFFD;

// Quotes and dashes that label text uses interchangeably. Everything else is
// returned unchanged; in particular 、 stays, since it separates list items.
UChar32 foldPunctuation(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // “ ” „ ‟
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:  // 「 」 『 』
    case 0xFF02: case 0x2033:                            // ＂ ″
      return '"';
    case 0x2018: case 0x2019:  // ‘ ’
      return '\'';
    case 0x2014: case 0x2015: case 0x2013: case 0x2012:  // — ― – ‒
    case 0xFF0D: case 0x2212:                            // － −
      return '-';
    default:
      return c;
  }
}

bool isFoldedSpace(UChar32 c) {
  // U+FEFF and U+200B are not White_Space in Unicode but PDF extraction
  // leaves them between characters all the same.
  return u_isUWhiteSpace(c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF ||
         c == 0x200B;
}

// Decodes UTF-8, one U+FFFD per ill-formed subsequence, mapping punctuation
// on the way in: NFKC would split ″ into two primes, so it must go first.
icu::UnicodeString decodeAndFoldPunctuation(std::string_view utf8) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::size_t length = utf8.size();
  icu::UnicodeString out;
  for (std::size_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.append(foldPunctuation(c < 0 ? kReplacement : c));
  }
  return out;
}

// Folding is best effort: without normalization data the labels still
// compare, only less leniently, so errors fall back to the input.
icu::UnicodeString normalizeNfkc(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return text;
  icu::UnicodeString normalized = nfkc->normalize(text, status);
  if (U_FAILURE(status)) return text;
  return normalized;
}

}  // namespace

std::u32string foldForMatching(std::string_view utf8) {
  // ASCII (numbers, most cells) is its own NFKC and has no punctuation to
  // fold: only the spaces go. Skipping ICU here halves a table's parse.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::u32string folded;
    folded.reserve(utf8.size());
    for (char c : utf8)
      if (c != ' ' && !(c >= '\t' && c <= '\r')) folded.push_back(static_cast<char32_t>(c));
    return folded;
  }
  const icu::UnicodeString normalized =
      normalizeNfkc(decodeAndFoldPunctuation(utf8));
  const char16_t* units = normalized.getBuffer();
  const int32_t length = normalized.length();
  std::u32string folded;
  folded.reserve(static_cast<std::size_t>(length));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(units, i, length, c);
    // Mapped again after NFKC, which produces “ — 「 from compatibility
    // forms such as ﹁ and ﹘.
    c = foldPunctuation(c);
    if (!isFoldedSpace(c)) folded.push_back(static_cast<char32_t>(c));
  }
  return folded;
}

std::size_t editDistance(std::u32string_view a, std::u32string_view b) {
  // One row over the shorter string keeps memory at O(min(n, m)).
  if (a.size() < b.size()) std::swap(a, b);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];  // distance(a[0, i-1), b[0, j-1))
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

double similarity(std::u32string_view a, std::u32string_view b) {
  const std::size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(editDistance(a, b)) /
                   static_cast<double>(longest);
}

std::string toUtf8(std::u32string_view codePoints) {
  std::string out;
  out.reserve(codePoints.size());
  for (const char32_t cp : codePoints) {
    UChar32 c = static_cast<UChar32>(cp);
    // Surrogates and values past U+10FFFF have no UTF-8 form.
    if (cp > 0x10FFFF || U_IS_SURROGATE(c)) c = kReplacement;
    char buffer[U8_MAX_LENGTH];
    std::size_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    out.append(buffer, length);
  }
  return out;
}

}  // namespace nianbao
