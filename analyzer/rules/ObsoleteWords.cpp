#include "rules/ObsoleteWords.h"

#include <algorithm>

#include "text/Fold.h"

namespace nianbao {

namespace {

char32_t foldBracket(char32_t c) {
  switch (c) {
    case U'(': case U'[': case U'〔': case U'【': case U'〖': case U'〘':
      return U'[';
    case U')': case U']': case U'〕': case U'】': case U'〗': case U'〙':
      return U']';
    default:
      return c;
  }
}

// The first run of digits of a folded citation (its year), in ASCII and in
// full-width digits; empty if it has none.
std::pair<std::string, std::string> firstDigits(std::u32string_view folded) {
  std::string half, full;
  for (char32_t c : folded) {
    if (c >= U'0' && c <= U'9') {
      half += static_cast<char>(c);
      full += toUtf8(std::u32string(1, c - U'0' + U'０'));
    } else if (!half.empty()) {
      break;
    }
  }
  return {half, full};
}

}  // namespace

std::u32string foldObsolete(std::string_view text) {
  std::u32string f = foldForMatching(text);
  std::transform(f.begin(), f.end(), f.begin(), foldBracket);
  return f;
}

FoldedSpan foldWithOffsets(std::string_view text, std::size_t offset) {
  FoldedSpan out;
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = std::min<std::size_t>(lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, text.size() - i);
    for (char32_t c : foldObsolete(text.substr(i, n))) {
      out.chars.push_back(c);
      out.from.push_back({offset + i, offset + i + n});
    }
    i += n;
  }
  return out;
}

IdeographSieve::IdeographSieve(const std::vector<std::u32string>& words) : index_(kCount, 0) {
  std::uint8_t next = 0;
  for (const auto& w : words) {
    std::uint64_t mask = 0;
    for (char32_t c : w) {
      if (c < kFirst || c >= kFirst + kCount) continue;
      std::uint8_t& i = index_[c - kFirst];
      if (i == 0 && next < 64) i = ++next;  // past 64, a word is sieved on fewer of its characters
      if (i != 0) mask |= std::uint64_t{1} << (i - 1);
    }
    masks_.push_back(mask);
  }
}

bool IdeographSieve::mayHold(std::string_view text) const {
  if (index_.empty()) return !masks_.empty();
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0xE4 || b0 > 0xE9) continue;  // not the lead byte of an ideograph
    char32_t c = (char32_t{b0} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(text[i + 1])} & 0x3F) << 6 |
                 (char32_t{static_cast<unsigned char>(text[i + 2])} & 0x3F);
    if (c >= kFirst && c < kFirst + kCount)
      if (std::uint8_t at = index_[c - kFirst]) seen |= std::uint64_t{1} << (at - 1);
    i += 2;
  }
  return std::any_of(masks_.begin(), masks_.end(), [&](std::uint64_t m) { return (seen & m) == m; });
}

const ObsoleteWords& obsoleteWords(const TemplateObsoleteFormat& of) {
  // Keyed by the words themselves, not the template's address, which a
  // later template may reuse.
  thread_local std::string key;
  thread_local ObsoleteWords words;
  std::string now;
  for (const auto& l : of.labels) now += l.text + '\0';
  now += '\1';
  for (const auto& c : of.citations) now += c + '\0';
  if (now == key) return words;
  key = std::move(now);
  words = {};
  for (const auto& l : of.labels) {
    words.labels.push_back(foldObsolete(l.text));
    words.longestLabel = std::max(words.longestLabel, l.text.size());
  }
  words.labelSieve = IdeographSieve(words.labels);
  bool everyLine = false;
  for (const auto& c : of.citations) {
    words.citations.push_back(foldObsolete(c));
    auto [half, full] = firstDigits(words.citations.back());
    everyLine = everyLine || half.empty();
    words.citationYears.push_back(half);
    words.citationYears.push_back(full);
  }
  if (everyLine) words.citationYears.clear();
  return words;
}

}  // namespace nianbao
