// Tests of cli/Encoding: which bytes decode as what, what is refused and
// why, and that encoding gives back exactly the bytes that were read.
//
// Non-UTF-8 inputs are made here from UTF-8 text with ICU's converters (the
// example report in examples/ or text written below), never typed as bytes,
// except where the bytes themselves are the point (byte order marks, invalid
// sequences).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unicode/ucnv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "Encoding.h"
#include "IcuConvert.h"

namespace {

using nianbao::testing::icuConvert;

namespace fs = std::filesystem;
using nianbao::cli::Charset;
using nianbao::cli::decode;
using nianbao::cli::Decoded;
using nianbao::cli::encode;
using nianbao::cli::encodeAs;
using nianbao::cli::Encoded;
using nianbao::cli::Encoding;
using ::testing::HasSubstr;
using ::testing::Not;

// A string literal's bytes, NULs included, without the terminating one.
template <std::size_t N>
std::string literal(const char (&s)[N]) {
  return std::string(s, N - 1);
}

const std::string kUtf8Bom = "\xEF\xBB\xBF";
const std::string kUtf16LEBom = "\xFF\xFE";
const std::string kUtf16BEBom = "\xFE\xFF";

std::string example() {
  std::ifstream in(fs::path(NIANBAO_EXAMPLES) / "shiliz-2024.report.md", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << "cannot read the example report";
  return s.str();
}


// UTF-8 text in `charset`, every character converted.
std::string as(const char* charset, const std::string& utf8) { return icuConvert(utf8, "UTF-8", charset); }

// Decodes `bytes`, expecting text.
Decoded accepted(const std::string& bytes) {
  Decoded d = decode(bytes);
  EXPECT_TRUE(d.text.has_value()) << d.error;
  EXPECT_EQ(d.error, "");
  return d;
}

// Decodes `bytes`, expecting a refusal; returns its reason.
std::string refused(const std::string& bytes) {
  Decoded d = decode(bytes);
  EXPECT_FALSE(d.text.has_value()) << "decoded as " << nianbao::cli::charsetName(d.encoding.charset);
  EXPECT_NE(d.error, "");
  return d.error;
}

// What was decoded, encoded again, is the bytes that were read.
void expectRoundTrip(const std::string& bytes) {
  Decoded d = accepted(bytes);
  ASSERT_TRUE(d.text);
  Encoded e = encode(*d.text, d.encoding);
  ASSERT_TRUE(e.bytes) << e.error;
  EXPECT_EQ(*e.bytes, bytes);
}

// Paragraphs in scripts and charsets nianbao does not read, long enough for
// ICU's detector to be sure of them.
const std::string kTraditional =
    "本機關依照《政府資訊公開條例》規定，主動公開政府資訊，並受理人民申請。\n"
    "本年度共收到申請案件十二件，均已依法處理完畢，無行政復議及行政訴訟案件。\n"
    "今後將繼續加強資訊公開工作，提升服務品質，回應民眾關切。\n";
const std::string kJapanese =
    "本年度の情報公開請求は合計十二件であり、すべて法令に基づいて処理しました。\n"
    "今後も情報公開の取り組みを強化し、住民の皆様の信頼に応えてまいります。\n";
const std::string kKorean =
    "올해 정보 공개 청구는 모두 열두 건이었으며, 모두 법령에 따라 처리하였습니다.\n"
    "앞으로도 정보 공개를 강화하여 주민 여러분의 신뢰에 부응하겠습니다.\n";
const std::string kFrench =
    "Le rapport annuel a été préparé conformément à la réglementation en vigueur.\n"
    "Résumé : les demandes reçues ont déjà été traitées à la fin de l'année.\n";

// ---------------------------------------------------------------------------
// UTF-8: taken as it is

TEST(DecodeUtf8, ValidUtf8IsTheBytesThemselves) {
  for (const std::string& bytes : {std::string(), std::string("plain ASCII\n"), example(), kUtf8Bom + example(),
                                   kUtf8Bom + kUtf8Bom + "二重\n", kTraditional, kJapanese}) {
    Decoded d = accepted(bytes);
    ASSERT_TRUE(d.text);
    EXPECT_EQ(*d.text, bytes);
    EXPECT_EQ(d.encoding, (Encoding{Charset::Utf8, bytes.starts_with(kUtf8Bom)}));
    expectRoundTrip(bytes);
  }
}

TEST(DecodeUtf8, NulBytesAreABinaryFileAsBefore) {
  std::string bytes = "# 某镇 2024 年政府信息公开工作年度报告\n";
  bytes += std::string("\0\0\0abc\n", 7);
  EXPECT_EQ(refused(bytes), "a binary file (contains NUL bytes), not a text report");
}

TEST(DecodeUtf8, ByteOrderMarkFollowedByInvalidUtf8IsRefused) {
  // A UTF-8 mark says UTF-8; GB18030 after it is not read as GB18030.
  std::string bytes = kUtf8Bom + "# 标题\n" + as("GB18030", "政府信息公开工作年度报告\n");
  std::string why = refused(bytes);
  EXPECT_THAT(why, HasSubstr("begins with a UTF-8 byte order mark but is not valid UTF-8"));
  EXPECT_THAT(why, HasSubstr("on line 2"));
}

// ---------------------------------------------------------------------------
// GB18030 (GBK, GB2312)

TEST(DecodeGb18030, TheExampleInGb18030DecodesToTheExample) {
  std::string bytes = as("GB18030", example());
  ASSERT_NE(bytes, example());
  Decoded d = accepted(bytes);
  ASSERT_TRUE(d.text);
  EXPECT_EQ(*d.text, example());
  EXPECT_EQ(d.encoding, (Encoding{Charset::Gb18030, false}));
  expectRoundTrip(bytes);
}

TEST(DecodeGb18030, GbkAndGb2312BytesAreGb18030) {
  // The example has only GB2312 characters: the three charsets agree on it.
  std::string gbk = as("GBK", example());
  EXPECT_EQ(gbk, as("GB18030", example()));
  EXPECT_EQ(as("GB2312", example()), gbk);
  Decoded d = accepted(gbk);
  EXPECT_EQ(d.encoding.charset, Charset::Gb18030);
}

TEST(DecodeGb18030, FourByteSequencesAndCrlfSurvive) {
  // 𠮷 (U+20BB7) and € (U+20AC) take four and two bytes in GB18030;
  // CRLF line breaks are bytes like any other.
  std::string text = example();
  std::string withExtras;
  for (char c : text) {
    if (c == '\n') withExtras += "\r";
    withExtras += c;
  }
  withExtras += "\r\n附：𠮷 € ·\r\n";
  std::string bytes = as("GB18030", withExtras);
  Decoded d = accepted(bytes);
  ASSERT_TRUE(d.text);
  EXPECT_EQ(*d.text, withExtras);
  expectRoundTrip(bytes);
}

TEST(DecodeGb18030, ItsByteOrderMarkIsKept) {
  // U+FEFF in GB18030 is 84 31 95 33.
  std::string bytes = as("GB18030", "\uFEFF" + example());
  EXPECT_EQ(bytes.substr(0, 4), "\x84\x31\x95\x33");
  Decoded d = accepted(bytes);
  ASSERT_TRUE(d.text);
  EXPECT_EQ(*d.text, kUtf8Bom + example());
  EXPECT_EQ(d.encoding, (Encoding{Charset::Gb18030, true}));
  expectRoundTrip(bytes);
}

TEST(DecodeGb18030, TooLittleChineseToBeSureIsRefused) {
  // The example's first heading, five Chinese characters: ICU cannot tell.
  std::string bytes = as("GB18030", "# 示例镇 2024\n\n## 一、\n");
  std::string why = refused(bytes);
  EXPECT_THAT(why, HasSubstr("not valid UTF-8"));
  EXPECT_THAT(why, HasSubstr("too little Chinese text to be sure it is GB18030"));
  EXPECT_THAT(why, HasSubstr("iconv -f GB18030 -t UTF-8"));
}

TEST(DecodeGb18030, AnInvalidByteAnywhereIsRefusedWithItsLine) {
  // 0xFF is never part of GB18030 (nor of UTF-8).
  std::string text = example();
  std::string bytes = as("GB18030", text.substr(0, text.find("## 二")));
  std::size_t lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  bytes += '\xFF';
  bytes += as("GB18030", text.substr(text.find("## 二")));
  std::string why = refused(bytes);
  EXPECT_THAT(why, HasSubstr("not valid UTF-8 or GB18030"));
  EXPECT_THAT(why, HasSubstr("byte 0xFF on line " + std::to_string(lines + 1) + ","));
}

TEST(DecodeGb18030, TruncatedLastCharacterIsRefused) {
  std::string bytes = as("GB18030", example());
  bytes += "\xD5";  // the first byte of 政
  std::string why = refused(bytes);
  EXPECT_THAT(why, HasSubstr("not valid UTF-8 or GB18030"));
  EXPECT_THAT(why, HasSubstr("ends inside a character"));
}

// ---------------------------------------------------------------------------
// Other charsets: named, never guessed into GB18030

TEST(DecodeOthers, Big5IsRefusedEvenThoughItsBytesAreValidGb18030) {
  std::string bytes = as("Big5", kTraditional);
  // Big5's byte ranges lie inside GB18030's: decoding alone would accept it as nonsense.
  std::string why = refused(bytes);
  EXPECT_THAT(why, HasSubstr("not valid UTF-8 (it looks like Big5"));
  EXPECT_THAT(why, HasSubstr("iconv -f Big5 -t UTF-8"));
}

TEST(DecodeOthers, ShiftJisEucKrAndLatin1AreRefusedByName) {
  EXPECT_THAT(refused(as("Shift_JIS", kJapanese)), HasSubstr("it looks like Shift_JIS"));
  EXPECT_THAT(refused(as("EUC-KR", kKorean)), HasSubstr("it looks like EUC-KR"));
  EXPECT_THAT(refused(as("ISO-8859-1", kFrench)), HasSubstr("it looks like ISO-8859-1"));
  // Too little of it to be sure: the first byte GB18030 cannot read is named.
  std::string why = refused(as("ISO-8859-1", "Résumé: été\n"));
  EXPECT_THAT(why, HasSubstr("not valid UTF-8 or GB18030 (byte 0xE9 on line 1, offset "));
}

TEST(DecodeOthers, RandomHighBytesAreRefused) {
  std::string bytes;
  for (int i = 0; i < 4000; ++i) bytes += static_cast<char>(0x80 + (i * 37) % 128);
  EXPECT_THAT(refused(bytes), HasSubstr("not valid UTF-8"));
}

// ---------------------------------------------------------------------------
// UTF-16 and UTF-32

TEST(DecodeUtf16, WithAByteOrderMarkEitherOrder) {
  for (auto [charset, bom, name] : {std::tuple{Charset::Utf16LE, kUtf16LEBom, "UTF-16LE"},
                                    std::tuple{Charset::Utf16BE, kUtf16BEBom, "UTF-16BE"}}) {
    std::string bytes = bom + as(name, example());
    Decoded d = accepted(bytes);
    ASSERT_TRUE(d.text) << name;
    EXPECT_EQ(*d.text, kUtf8Bom + example()) << name;
    EXPECT_EQ(d.encoding, (Encoding{charset, true})) << name;
    expectRoundTrip(bytes);
  }
}

TEST(DecodeUtf16, WithAByteOrderMarkEvenWithLittleText) {
  // The mark is enough: no detector is asked.
  std::string bytes = kUtf16LEBom + as("UTF-16LE", "政府\r\n");
  Decoded d = accepted(bytes);
  ASSERT_TRUE(d.text);
  EXPECT_EQ(*d.text, kUtf8Bom + "政府\r\n");
  expectRoundTrip(bytes);
}

TEST(DecodeUtf16, WithoutAByteOrderMarkOnlyWhenTheDetectorIsSure) {
  // The example starts with blank lines, "# " and the year in ASCII: ICU
  // is sure of UTF-16 from the NUL bytes in them.
  for (auto [charset, name] : {std::pair{Charset::Utf16LE, "UTF-16LE"}, std::pair{Charset::Utf16BE, "UTF-16BE"}}) {
    std::string bytes = as(name, example());
    Decoded d = accepted(bytes);
    ASSERT_TRUE(d.text) << name;
    EXPECT_EQ(*d.text, example());
    EXPECT_EQ(d.encoding, (Encoding{charset, false})) << name;
    expectRoundTrip(bytes);
  }
  // Starting with Chinese, the first units tell ICU little: refused, with advice.
  std::string bytes = as("UTF-16LE", "政府信息公开工作年度报告情况说明书正文\n2024 年 1 月 1 日\n");
  std::string why = refused(bytes);
  EXPECT_THAT(why, HasSubstr("looks like UTF-16LE without a byte order mark"));
  EXPECT_THAT(why, HasSubstr("save it as UTF-8"));
}

TEST(DecodeUtf16, InvalidUtf16IsRefused) {
  // An odd number of bytes.
  std::string odd = kUtf16LEBom + as("UTF-16LE", "政府\n") + "x";
  std::string why = refused(odd);
  EXPECT_THAT(why, HasSubstr("begins with a UTF-16LE byte order mark but is not valid UTF-16LE"));
  // A high surrogate followed by an ordinary character.
  std::string unpaired = kUtf16BEBom + as("UTF-16BE", "政府\n") + std::string("\xD8\x00\x00\x41", 4);
  why = refused(unpaired);
  EXPECT_THAT(why, HasSubstr("not valid UTF-16BE (an unpaired surrogate"));
  EXPECT_THAT(why, HasSubstr("on line 2"));
}

TEST(DecodeUtf16, NulCharactersAreABinaryFile) {
  std::string bytes = kUtf16LEBom + as("UTF-16LE", "政府\n") + std::string("\0\0", 2);
  EXPECT_THAT(refused(bytes), HasSubstr("a binary file"));
}

TEST(DecodeUtf16, Utf32IsRefused) {
  EXPECT_THAT(refused(std::string("\xFF\xFE\0\0", 4) + as("UTF-32LE", example())), HasSubstr("UTF-32"));
  EXPECT_THAT(refused(std::string("\0\0\xFE\xFF", 4) + as("UTF-32BE", example())), HasSubstr("UTF-32"));
  EXPECT_THAT(refused(as("UTF-32LE", example())), Not(HasSubstr("UTF-16")));
}

TEST(DecodeUtf16, BinaryDataIsABinaryFile) {
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes += static_cast<char>((i * 7919 + i / 13) % 256);
  EXPECT_EQ(refused(bytes), "a binary file (contains NUL bytes), not a text report");
  // A PDF's start, as a directory might hold one.
  EXPECT_EQ(refused(literal("%PDF-1.4\n\0\xff\xfe report") + example()),
            "a binary file (contains NUL bytes), not a text report");
}

// ---------------------------------------------------------------------------
// encode

TEST(Encode, Utf8IsWrittenAsItIs) {
  std::string text = kUtf8Bom + example();
  Encoded e = encode(text, {Charset::Utf8, true});
  ASSERT_TRUE(e.bytes);
  EXPECT_EQ(*e.bytes, text);
}

TEST(Encode, EachCharsetGivesWhatIcuGivesAndItsByteOrderMark) {
  std::string text = example() + "\n𠮷\n";
  EXPECT_EQ(encode(text, {Charset::Gb18030, false}).bytes, as("GB18030", text));
  EXPECT_EQ(encode(kUtf8Bom + text, {Charset::Utf16LE, true}).bytes, kUtf16LEBom + as("UTF-16LE", text));
  EXPECT_EQ(encode(kUtf8Bom + text, {Charset::Utf16BE, true}).bytes, kUtf16BEBom + as("UTF-16BE", text));
  EXPECT_EQ(encode(text, {Charset::Utf16LE, false}).bytes, as("UTF-16LE", text));
}

TEST(Encode, ACharacterTheCharsetLacksIsRefusedNamingItAndItsLine) {
  Encoded e = encodeAs("résumé\nok\n政府\n", "ISO-8859-1");
  EXPECT_FALSE(e.bytes);
  EXPECT_EQ(e.error, "cannot be written back as ISO-8859-1: U+653F (政) on line 3 has no ISO-8859-1 form");
  // What it has, it writes.
  Encoded ok = encodeAs("résumé\n", "ISO-8859-1");
  ASSERT_TRUE(ok.bytes) << ok.error;
  EXPECT_EQ(*ok.bytes, "r\xE9sum\xE9\n");
}

TEST(Encode, EveryAcceptedInputEncodesBackToItsBytes) {
  std::string text = example() + "\n附：𠮷 € · ①\n";
  for (const std::string& bytes :
       {as("GB18030", text), as("GB18030", "\uFEFF" + text), kUtf16LEBom + as("UTF-16LE", text),
        kUtf16BEBom + as("UTF-16BE", text), as("UTF-16LE", text), as("UTF-16BE", text), text, kUtf8Bom + text})
    expectRoundTrip(bytes);
}

}  // namespace
