#pragma once
// Pinyin for labels, so that an editor's completion list can be filtered by
// what a clerk types on a Latin keyboard before the input method turns it
// into characters: 主动公开 is found by "zhudonggongkai" and by "zdgk".

#include <string>
#include <string_view>

namespace nianbao {

struct Pinyin {
  std::string full;      // toneless syllables run together: "zhudonggongkai"
  std::string initials;  // the first letter of each syllable: "zdgk"
};

// Each Han character by its reading (ICU's Han-Latin, tones and ü folded to
// ASCII, lower case); ASCII and full-width letters and digits as written
// (full-width ones as ASCII), in both strings; everything else dropped.
// Characters ICU has no reading for (rare extension ideographs) are dropped.
// Safe to call from several threads; never throws.
Pinyin pinyinOf(std::string_view utf8);

// full + " " + initials: what an editor matches typed letters against;
// empty when the label has nothing to spell.
std::string pinyinFilterText(std::string_view label);

}  // namespace nianbao
