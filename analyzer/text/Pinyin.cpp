#include "text/Pinyin.h"

#include <unicode/translit.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>
#include <unordered_map>

namespace nianbao {
namespace {

// Creating a Transliterator parses its rules (tens of milliseconds) and an
// instance must not be used by two threads at once: one instance, and the
// readings it gave, are shared behind a mutex. Labels use a few hundred
// distinct characters, so after the first completions every lookup is a
// cache hit.
class Readings {
 public:
  std::string of(UChar32 c) {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(c); it != cache_.end()) return it->second;
    std::string reading = transliterate(c);
    cache_.emplace(c, reading);
    return reading;
  }

 private:
  // One character at a time, so that every syllable is known and gives its
  // initial; ICU's readings of whole strings run some words together
  // (政府 → "zhengfu") and would hide their second initial.
  std::string transliterate(UChar32 c) {
    if (!created_) {
      created_ = true;
      UErrorCode status = U_ZERO_ERROR;
      transliterator_.reset(icu::Transliterator::createInstance(
          icu::UnicodeString::fromUTF8("Han-Latin; Latin-ASCII; Lower"), UTRANS_FORWARD, status));
      if (U_FAILURE(status)) transliterator_.reset();  // no data: Han characters are dropped
    }
    if (!transliterator_) return "";
    icu::UnicodeString s(c);
    transliterator_->transliterate(s);
    std::string utf8;
    s.toUTF8String(utf8);
    std::string reading;
    for (char ch : utf8)
      if (ch >= 'a' && ch <= 'z') reading += ch;  // an unknown character comes back unchanged
    return reading;
  }

  std::mutex mutex_;
  bool created_ = false;
  std::unique_ptr<icu::Transliterator> transliterator_;
  std::unordered_map<UChar32, std::string> cache_;
};

Readings& readings() {
  static Readings instance;
  return instance;
}

// ASCII letters and digits, and their full-width forms (Ａ, １) typed with a
// Chinese input method, as ASCII; 0 for anything else.
char asciiAlnum(UChar32 c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return static_cast<char>(c);
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return static_cast<char>(c - 0xFEE0);
  return 0;
}

}  // namespace

Pinyin pinyinOf(std::string_view utf8) {
  Pinyin out;
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    if (c < 0) continue;  // an invalid byte
    if (char a = asciiAlnum(c)) {
      out.full += a;
      out.initials += a;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) != USCRIPT_HAN || U_FAILURE(status)) continue;
    std::string reading = readings().of(c);
    if (reading.empty()) continue;
    out.full += reading;
    out.initials += reading.front();
  }
  return out;
}

std::string pinyinFilterText(std::string_view label) {
  Pinyin p = pinyinOf(label);
  if (p.full.empty()) return "";  // nothing to type: no lone space either
  return p.full + " " + p.initials;
}

}  // namespace nianbao
