#include "Encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace nianbao::cli {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kGb18030Bom = "\x84\x31\x95\x33";
constexpr std::string_view kUtf16LEBom = "\xFF\xFE";
constexpr std::string_view kUtf16BEBom = "\xFE\xFF";
constexpr std::string_view kUtf32LEBom("\xFF\xFE\0\0", 4);
constexpr std::string_view kUtf32BEBom("\0\0\xFE\xFF", 4);

// The detector reads at most this much; a report is far smaller.
constexpr std::size_t kDetectLimit = 1 << 20;

class Converter {
 public:
  explicit Converter(const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    conv_ = ucnv_open(charset, &status);
    if (U_FAILURE(status)) {
      if (conv_) ucnv_close(conv_);
      conv_ = nullptr;
      return;
    }
    // Stop at the first byte sequence or character without a mapping, rather
    // than substituting: nothing is ever guessed or replaced.
    ucnv_setToUCallBack(conv_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    ucnv_setFromUCallBack(conv_, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) {
      ucnv_close(conv_);
      conv_ = nullptr;
    }
  }
  ~Converter() {
    if (conv_) ucnv_close(conv_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  UConverter* get() const { return conv_; }

 private:
  UConverter* conv_ = nullptr;
};

// Where a conversion stopped.
struct Failure {
  std::size_t offset = 0;  // of the bad sequence, in bytes (decoding) or UTF-16 units (encoding)
  std::string bytes;       // the bad byte sequence, decoding
  std::u16string chars;    // the character without a mapping, encoding
  bool truncated = false;  // the input ended inside a sequence
};

// `bytes` in `charset` to UTF-16, stopping at the first invalid sequence.
bool toUtf16(std::string_view bytes, const char* charset, std::u16string& out, Failure& failure) {
  out.clear();
  Converter conv(charset);
  if (!conv.get()) return false;
  out.reserve(bytes.size());
  std::vector<UChar> buffer(std::max<std::size_t>(bytes.size(), 64) + 4);
  const char* source = bytes.data();
  const char* end = bytes.data() + bytes.size();
  while (true) {
    UErrorCode status = U_ZERO_ERROR;
    UChar* target = buffer.data();
    ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, end, nullptr, true, &status);
    out.append(buffer.data(), static_cast<std::size_t>(target - buffer.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_SUCCESS(status)) return true;
    char bad[32];
    int8_t length = sizeof bad;
    UErrorCode s2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), bad, &length, &s2);
    if (U_FAILURE(s2)) length = 0;
    failure.bytes.assign(bad, static_cast<std::size_t>(length));
    failure.offset = static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(length);
    failure.truncated = status == U_TRUNCATED_CHAR_FOUND;
    return false;
  }
}

// UTF-16 to `charset`, stopping at the first character without a mapping.
bool fromUtf16(std::u16string_view text, const char* charset, std::string& out, Failure& failure) {
  out.clear();
  Converter conv(charset);
  if (!conv.get()) return false;
  std::vector<char> buffer(std::max<std::size_t>(text.size() * 4, 64) + 16);
  const UChar* source = text.data();
  const UChar* end = text.data() + text.size();
  while (true) {
    UErrorCode status = U_ZERO_ERROR;
    char* target = buffer.data();
    ucnv_fromUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, end, nullptr, true, &status);
    out.append(buffer.data(), static_cast<std::size_t>(target - buffer.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_SUCCESS(status)) return true;
    UChar bad[8];
    int8_t length = 8;
    UErrorCode s2 = U_ZERO_ERROR;
    ucnv_getInvalidUChars(conv.get(), bad, &length, &s2);
    if (U_FAILURE(s2)) length = 0;
    failure.chars.assign(bad, static_cast<std::size_t>(length));
    failure.offset = static_cast<std::size_t>(source - text.data()) - static_cast<std::size_t>(length);
    return false;
  }
}

bool utf8ToUtf16(std::string_view s, std::u16string& out) {
  out.clear();
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
    if (U_IS_BMP(c)) {
      out += static_cast<char16_t>(c);
    } else {
      out += static_cast<char16_t>(U16_LEAD(c));
      out += static_cast<char16_t>(U16_TRAIL(c));
    }
  }
  return true;
}

bool utf16ToUtf8(std::u16string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size() * 3);
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U16_NEXT(s.data(), i, n, c);
    if (U_IS_SURROGATE(c)) return false;
    char buf[U8_MAX_LENGTH];
    int32_t k = 0;
    U8_APPEND_UNSAFE(buf, k, c);
    out.append(buf, static_cast<std::size_t>(k));
  }
  return true;
}

// The offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalidUtf8At(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return static_cast<std::size_t>(at);
  }
  return std::string_view::npos;
}

std::string hexBytes(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%s0x%02X", out.empty() ? "" : " ", b);
    out += buf;
  }
  return out;
}

// "U+00E9 (é)", the character at `at` in `text`.
std::string describeChar(std::u16string_view text, std::size_t at) {
  UChar32 c;
  U16_GET(text.data(), 0, static_cast<int32_t>(at), static_cast<int32_t>(text.size()), c);
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  std::string out = buf;
  if (c >= 0x20 && c != 0x7F && !U_IS_SURROGATE(c)) {
    char utf8[U8_MAX_LENGTH];
    int32_t k = 0;
    U8_APPEND_UNSAFE(utf8, k, c);
    out += " (" + std::string(utf8, static_cast<std::size_t>(k)) + ")";
  }
  return out;
}

// 1-based line of UTF-16 offset `at`.
std::size_t lineAt(std::u16string_view text, std::size_t at) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + std::min(at, text.size()), u'\n'));
}

// Where a decoding stopped, in words: "byte 0xFF on line 3, offset 57".
std::string describeFailure(const Failure& f, std::u16string_view decodedBefore) {
  if (f.truncated) return "it ends inside a character (" + hexBytes(f.bytes) + ")";
  std::string what = f.bytes.size() == 1 ? "byte " : "bytes ";
  return what + hexBytes(f.bytes) + " on line " + std::to_string(lineAt(decodedBefore, decodedBefore.size())) +
         ", offset " + std::to_string(f.offset);
}

struct Guess {
  std::string name;
  int confidence = 0;
};

// ICU's guesses, most confident first.
std::vector<Guess> detect(std::string_view bytes) {
  std::vector<Guess> out;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return out;
  ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(std::min(bytes.size(), kDetectLimit)), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = U_SUCCESS(status) ? ucsdet_detectAll(detector, &count, &status) : nullptr;
  for (int32_t i = 0; matches && U_SUCCESS(status) && i < count; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &s);
    int32_t confidence = ucsdet_getConfidence(matches[i], &s);
    if (U_SUCCESS(s) && name) out.push_back({name, confidence});
  }
  ucsdet_close(detector);
  std::stable_sort(out.begin(), out.end(), [](const Guess& a, const Guess& b) { return a.confidence > b.confidence; });
  return out;
}

bool isUnicodeName(const std::string& name) { return name.rfind("UTF-", 0) == 0; }

// Text as people write it: no control characters but tab, line breaks and
// form feed, no noncharacter U+FFFE (a byte-swapped byte order mark).
bool plainText(std::u16string_view text) {
  for (char16_t c : text) {
    if (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\v' && c != u'\f' && c != u'\r') return false;
    if (c == 0xFFFE || c == 0xFFFF) return false;
  }
  return true;
}

Decoded refuse(std::string why) {
  Decoded d;
  d.error = std::move(why);
  return d;
}

std::string convertHint(const std::string& charset) {
  return "convert it first, e.g. iconv -f " + charset + " -t UTF-8";
}

// The decoded text, once it is known to encode back to exactly `bytes`.
Decoded accept(std::string_view bytes, std::u16string_view text, Encoding encoding) {
  const char* name = charsetName(encoding.charset);
  std::string utf8;
  if (!utf16ToUtf8(text, utf8)) return refuse(std::string("not valid ") + name);
  Encoded back = encodeAs(utf8, name);
  if (!back.bytes || *back.bytes != bytes)
    return refuse(std::string(name) + " that would not be written back byte for byte; " + convertHint(name));
  Decoded d;
  d.text = std::move(utf8);
  d.encoding = encoding;
  return d;
}

Decoded decodeUtf16WithBom(std::string_view bytes, Charset charset) {
  const char* name = charsetName(charset);
  std::u16string text;
  Failure f;
  if (!toUtf16(bytes, name, text, f))
    return refuse(std::string("begins with a ") + name + " byte order mark but is not valid " + name + " (" +
                  (f.truncated ? "an odd number of bytes, or a surrogate cut off at the end"
                               : "an unpaired surrogate, " + describeFailure(f, text)) +
                  ")");
  if (text.find(u'\0') != std::u16string::npos)
    return refuse("a binary file (contains NUL characters), not a text report");
  return accept(bytes, text, {charset, true});
}

// The byte order NUL bytes suggest for UTF-16 without a mark (the high byte
// of ASCII is NUL), if the whole file then reads as plain text.
std::optional<Charset> mayBeUtf16(std::string_view bytes) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\0') ++(i % 2 ? odd : even);
  // Digits, spaces and line breaks put a NUL in at least a tenth of the units.
  if ((odd + even) * 20 < bytes.size()) return std::nullopt;
  Charset charset;
  if (odd * 10 >= (odd + even) * 9) charset = Charset::Utf16LE;
  else if (even * 10 >= (odd + even) * 9) charset = Charset::Utf16BE;
  else return std::nullopt;
  std::u16string text;
  Failure f;
  if (!toUtf16(bytes, charsetName(charset), text, f) || !plainText(text)) return std::nullopt;
  return charset;
}

Decoded decodeWithNul(std::string_view bytes) {
  std::vector<Guess> guesses = detect(bytes);
  if (!guesses.empty() && guesses[0].confidence >= kConfidentUtf16) {
    const std::string& top = guesses[0].name;
    if (top == "UTF-16LE" || top == "UTF-16BE") {
      Charset charset = top == "UTF-16LE" ? Charset::Utf16LE : Charset::Utf16BE;
      std::u16string text;
      Failure f;
      if (toUtf16(bytes, charsetName(charset), text, f) && plainText(text))
        return accept(bytes, text, {charset, false});
    }
    if (top == "UTF-32LE" || top == "UTF-32BE")
      return refuse("UTF-32 text, which nianbao does not read; save it as UTF-8");
  }
  if (auto charset = mayBeUtf16(bytes))
    return refuse(std::string("looks like ") + charsetName(*charset) +
                  " without a byte order mark, but not surely enough to read it; save it as UTF-8, "
                  "or as UTF-16 with a byte order mark");
  return refuse("a binary file (contains NUL bytes), not a text report");
}

// Neither UTF-8 nor UTF-16: GB18030 if the detector agrees, else refused.
Decoded decodeLegacy(std::string_view bytes) {
  std::vector<Guess> guesses = detect(bytes);
  int gb = 0;
  const Guess* other = nullptr;  // the likeliest charset that is neither GB18030 nor Unicode
  for (const auto& g : guesses) {
    if (g.name == "GB18030") gb = std::max(gb, g.confidence);
    else if (!isUnicodeName(g.name) && (!other || g.confidence > other->confidence)) other = &g;
  }
  std::u16string text;
  Failure f;
  bool gbValid = toUtf16(bytes, "GB18030", text, f);
  if (gbValid && gb >= kConfidentGb18030 && (!other || gb > other->confidence))
    return accept(bytes, text, {Charset::Gb18030, bytes.starts_with(kGb18030Bom)});
  if (other && other->confidence >= kConfidentGb18030 && other->confidence >= gb)
    return refuse("not valid UTF-8 (it looks like " + other->name + ", which nianbao does not read; " +
                  convertHint(other->name) + ")");
  if (gbValid)
    return refuse("not valid UTF-8, and too little Chinese text to be sure it is GB18030 (GBK); if it is, " +
                  convertHint("GB18030"));
  std::string why = "not valid UTF-8 or GB18030 (" + describeFailure(f, text) + ")";
  if (other && other->confidence > 0)
    why += "; it may be " + other->name + ": " + convertHint(other->name);
  else
    why += "; save it as UTF-8";
  return refuse(why);
}

}  // namespace

const char* charsetName(Charset charset) {
  switch (charset) {
    case Charset::Utf8: return "UTF-8";
    case Charset::Gb18030: return "GB18030";
    case Charset::Utf16LE: return "UTF-16LE";
    case Charset::Utf16BE: return "UTF-16BE";
  }
  return "UTF-8";
}

Decoded decode(std::string_view bytes) {
  // FF FE 00 00 begins UTF-32LE and, in theory, UTF-16LE text starting with NUL.
  if (bytes.starts_with(kUtf32LEBom) || bytes.starts_with(kUtf32BEBom))
    return refuse("UTF-32 text, which nianbao does not read; save it as UTF-8");
  if (bytes.starts_with(kUtf16LEBom)) return decodeUtf16WithBom(bytes, Charset::Utf16LE);
  if (bytes.starts_with(kUtf16BEBom)) return decodeUtf16WithBom(bytes, Charset::Utf16BE);
  if (bytes.find('\0') != std::string_view::npos) return decodeWithNul(bytes);
  std::size_t bad = invalidUtf8At(bytes);
  if (bad == std::string_view::npos) {
    Decoded d;
    d.text = std::string(bytes);
    d.encoding = {Charset::Utf8, bytes.starts_with(kUtf8Bom)};
    return d;
  }
  if (bytes.starts_with(kUtf8Bom)) {
    std::size_t line = 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + bad, '\n'));
    return refuse("begins with a UTF-8 byte order mark but is not valid UTF-8 (byte " + hexBytes(bytes.substr(bad, 1)) +
                  " on line " + std::to_string(line) + ", offset " + std::to_string(bad) + ")");
  }
  return decodeLegacy(bytes);
}

Encoded encode(std::string_view text, const Encoding& encoding) {
  if (encoding.charset == Charset::Utf8) return {std::string(text), {}};
  return encodeAs(text, charsetName(encoding.charset));
}

Encoded encodeAs(std::string_view text, const char* icuCharset) {
  Encoded e;
  std::string name = icuCharset;
  std::u16string utf16;
  if (!utf8ToUtf16(text, utf16)) {
    e.error = "cannot be written as " + name + ": the text is not valid UTF-8";
    return e;
  }
  std::string bytes;
  Failure f;
  if (!fromUtf16(utf16, icuCharset, bytes, f)) {
    if (f.chars.empty())
      e.error = "cannot be written as " + name + " (ICU cannot convert to it)";
    else
      e.error = "cannot be written back as " + name + ": " + describeChar(utf16, f.offset) + " on line " +
                std::to_string(lineAt(utf16, f.offset)) + " has no " + name + " form";
    return e;
  }
  // What a reader of the file will get: it must be the text, exactly.
  std::u16string back;
  Failure g;
  bool read = toUtf16(bytes, icuCharset, back, g);
  if (!read || back != utf16) {
    auto diff = std::mismatch(utf16.begin(), utf16.end(), back.begin(), back.end());
    std::size_t at = static_cast<std::size_t>(diff.first - utf16.begin());
    if (at >= utf16.size()) at = utf16.empty() ? 0 : utf16.size() - 1;
    e.error = "cannot be written back as " + name + ": " +
              (utf16.empty() ? std::string("the text") : describeChar(utf16, at)) + " on line " +
              std::to_string(lineAt(utf16, at)) + " would not read back the same";
    return e;
  }
  e.bytes = std::move(bytes);
  return e;
}

}  // namespace nianbao::cli
