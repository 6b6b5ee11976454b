#pragma once
// Folding for label matching. Reports mix full- and half-width punctuation,
// stray spaces from PDF extraction and compatibility characters at random, so
// labels are compared after folding and reported as written.

#include <string>
#include <string_view>

namespace nianbao {

// NFKC (ICU), then: all white space removed (including U+3000 and NBSP),
// curly and corner quotes to ", dashes (— ― – －) to -, 、 kept.
// Returns code points so that edit distance counts characters, not bytes.
std::u32string foldForMatching(std::string_view utf8);

// Levenshtein distance over code points.
std::size_t editDistance(std::u32string_view a, std::u32string_view b);

// 1 - distance / max(length); 1.0 for two empty strings.
double similarity(std::u32string_view a, std::u32string_view b);

std::string toUtf8(std::u32string_view codePoints);

}  // namespace nianbao
