#pragma once
// The character encodings of report files. The analyzer reads UTF-8 only;
// reports also come in GB18030 (which covers GBK and GB2312, what WPS and
// Word write on Chinese Windows) and UTF-16. decode() finds which of these a
// file is, conservatively, and gives its text as UTF-8; encode() turns a UTF-8
// text back into the file's encoding, refusing anything that would not read
// back the same. Bytes in, bytes out: no files, no output.

#include <optional>
#include <string>
#include <string_view>

namespace nianbao::cli {

enum class Charset { Utf8, Gb18030, Utf16LE, Utf16BE };

// The charset's name for ICU and iconv: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE".
const char* charsetName(Charset charset);

// How a file was written.
struct Encoding {
  Charset charset = Charset::Utf8;
  bool bom = false;  // it began with a byte order mark (U+FEFF in the charset's form)
  friend bool operator==(const Encoding&, const Encoding&) = default;
};

struct Decoded {
  // The file's characters as UTF-8, a byte order mark included (as EF BB BF,
  // which SourceText drops and remembers). For a UTF-8 file, its bytes.
  std::optional<std::string> text;
  Encoding encoding;
  std::string error;  // without text: what is wrong, worded to follow "<file>: "
};

// In this order:
// - a UTF-32 byte order mark: refused;
// - a UTF-16 byte order mark: UTF-16 of that byte order, which must be valid;
// - NUL bytes: UTF-16 without a byte order mark if ICU's detector is sure of
//   it (confidence of at least kConfidentUtf16) and the whole file reads as
//   text in it; otherwise a binary file, refused;
// - valid UTF-8: taken as it is, nothing asked (a UTF-8 byte order mark with
//   invalid UTF-8 after it is refused);
// - otherwise GB18030, if every byte decodes as GB18030 and ICU's detector
//   rates GB18030 at least kConfidentGb18030 and above every other charset.
//   Anything else (Big5, Shift_JIS, EUC-KR, ISO-8859-x, too little text to
//   tell) is refused, naming what it looks like and how to convert it.
// A text that is not UTF-8 must also encode back to exactly its bytes.
Decoded decode(std::string_view bytes);

inline constexpr int kConfidentUtf16 = 80;
inline constexpr int kConfidentGb18030 = 50;

struct Encoded {
  std::optional<std::string> bytes;
  std::string error;  // without bytes: why the text cannot be written so, to follow "<file>: "
};

// `text` (valid UTF-8; a leading U+FEFF becomes the charset's byte order
// mark) in `encoding`'s charset. The result is decoded again and must give
// `text` back; a character with no form in the charset, or one that would
// read back as another, is an error. UTF-8 is written as it is.
Encoded encode(std::string_view text, const Encoding& encoding);

// encode() for any charset ICU converts ("ISO-8859-1", "Big5"...), which
// lets tests reach the round-trip check with characters a charset lacks.
Encoded encodeAs(std::string_view text, const char* icuCharset);

}  // namespace nianbao::cli
