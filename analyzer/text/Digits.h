#pragma once
// Digits as reports write them: ASCII, or full-width (０–９, U+FF10–FF19).

#include <cstddef>
#include <string_view>

namespace nianbao {

// The digit at `at` of UTF-8 `s`: its length in bytes (1 or 3) with its
// value in *value, or 0 if there is none.
inline std::size_t digitAt(std::string_view s, std::size_t at, int* value) {
  if (at < s.size() && s[at] >= '0' && s[at] <= '9') {
    *value = s[at] - '0';
    return 1;
  }
  if (at + 3 <= s.size() && static_cast<unsigned char>(s[at]) == 0xEF && static_cast<unsigned char>(s[at + 1]) == 0xBC &&
      static_cast<unsigned char>(s[at + 2]) >= 0x90 && static_cast<unsigned char>(s[at + 2]) <= 0x99) {
    *value = static_cast<unsigned char>(s[at + 2]) - 0x90;
    return 3;
  }
  return 0;
}

}  // namespace nianbao
