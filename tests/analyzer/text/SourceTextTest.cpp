#include "text/SourceText.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <unicode/utf8.h>

namespace nianbao {
namespace {

// "\xEF\xBF\xBD" is U+FFFD. Hex escapes are split from following letters
// ("\x80" "b") because C++ hex escapes are greedy.
const std::string kFFFD = "\xEF\xBF\xBD";

bool isValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c;
    U8_NEXT(p, i, s.size(), c);
    if (c < 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------- lines

TEST(SourceTextLines, EmptyTextHasOneEmptyLine) {
  SourceText t("");
  EXPECT_EQ(t.str(), "");
  EXPECT_EQ(t.lineCount(), 1u);
  EXPECT_EQ(t.lineStart(0), 0u);
  EXPECT_EQ(t.lineEnd(0), 0u);
  EXPECT_EQ(t.lineText(0), "");
  EXPECT_EQ(t.lineBreak(0), "");
  EXPECT_EQ(t.lineOf(0), 0u);
  EXPECT_EQ(t.toUtf16(0), (LineColumn{0, 0}));
  EXPECT_EQ(t.toUtf16(7), (LineColumn{0, 0}));
  EXPECT_EQ(t.fromUtf16({0, 3}), 0u);
  EXPECT_EQ(t.fromUtf16({1, 0}), 0u);
  EXPECT_EQ(t.dominantLineBreak(), "\n");
  EXPECT_FALSE(t.hadBom());
  EXPECT_FALSE(t.repairedInvalidUtf8());
}

TEST(SourceTextLines, LineFeed) {
  SourceText t("ab\ncd");  // a0 b1 \n2 c3 d4
  ASSERT_EQ(t.lineCount(), 2u);
  EXPECT_EQ(t.lineStart(0), 0u);
  EXPECT_EQ(t.lineEnd(0), 2u);
  EXPECT_EQ(t.lineStart(1), 3u);
  EXPECT_EQ(t.lineEnd(1), 5u);
  EXPECT_EQ(t.lineText(0), "ab");
  EXPECT_EQ(t.lineText(1), "cd");
  EXPECT_EQ(t.lineBreak(0), "\n");
  EXPECT_EQ(t.lineBreak(1), "");
}

TEST(SourceTextLines, CarriageReturnLineFeed) {
  SourceText t("ab\r\ncd");  // a0 b1 \r2 \n3 c4 d5
  ASSERT_EQ(t.lineCount(), 2u);
  EXPECT_EQ(t.lineEnd(0), 2u);
  EXPECT_EQ(t.lineStart(1), 4u);
  EXPECT_EQ(t.lineText(0), "ab");
  EXPECT_EQ(t.lineText(1), "cd");
  EXPECT_EQ(t.lineBreak(0), "\r\n");
  // Both bytes of the break belong to the line they end.
  EXPECT_EQ(t.lineOf(2), 0u);
  EXPECT_EQ(t.lineOf(3), 0u);
  EXPECT_EQ(t.lineOf(4), 1u);
  // An offset between CR and LF is the end of the line's content.
  EXPECT_EQ(t.toUtf16(3), (LineColumn{0, 2}));
}

TEST(SourceTextLines, CarriageReturn) {
  SourceText t("ab\rcd");
  ASSERT_EQ(t.lineCount(), 2u);
  EXPECT_EQ(t.lineEnd(0), 2u);
  EXPECT_EQ(t.lineStart(1), 3u);
  EXPECT_EQ(t.lineBreak(0), "\r");
  EXPECT_EQ(t.lineText(1), "cd");
}

TEST(SourceTextLines, MixedLineBreaks) {
  SourceText t("a\nb\r\nc\rd");  // a0 \n1 b2 \r3 \n4 c5 \r6 d7
  ASSERT_EQ(t.lineCount(), 4u);
  EXPECT_EQ(t.lineStart(0), 0u);
  EXPECT_EQ(t.lineStart(1), 2u);
  EXPECT_EQ(t.lineStart(2), 5u);
  EXPECT_EQ(t.lineStart(3), 7u);
  EXPECT_EQ(t.lineEnd(0), 1u);
  EXPECT_EQ(t.lineEnd(1), 3u);
  EXPECT_EQ(t.lineEnd(2), 6u);
  EXPECT_EQ(t.lineEnd(3), 8u);
  EXPECT_EQ(t.lineBreak(0), "\n");
  EXPECT_EQ(t.lineBreak(1), "\r\n");
  EXPECT_EQ(t.lineBreak(2), "\r");
  EXPECT_EQ(t.lineBreak(3), "");
  EXPECT_EQ(t.lineText(0), "a");
  EXPECT_EQ(t.lineText(1), "b");
  EXPECT_EQ(t.lineText(2), "c");
  EXPECT_EQ(t.lineText(3), "d");
}

TEST(SourceTextLines, FinalLineBreakGivesEmptyLastLine) {
  SourceText lf("a\n");
  ASSERT_EQ(lf.lineCount(), 2u);
  EXPECT_EQ(lf.lineStart(1), 2u);
  EXPECT_EQ(lf.lineEnd(1), 2u);
  EXPECT_EQ(lf.lineText(1), "");

  SourceText crlf("a\r\n");
  ASSERT_EQ(crlf.lineCount(), 2u);
  EXPECT_EQ(crlf.lineStart(1), 3u);
  EXPECT_EQ(crlf.lineEnd(0), 1u);

  SourceText cr("\r");
  ASSERT_EQ(cr.lineCount(), 2u);
  EXPECT_EQ(cr.lineStart(1), 1u);
  EXPECT_EQ(cr.lineText(0), "");
}

TEST(SourceTextLines, ConsecutiveBreaks) {
  SourceText lflf("\n\n");
  ASSERT_EQ(lflf.lineCount(), 3u);
  EXPECT_EQ(lflf.lineStart(1), 1u);
  EXPECT_EQ(lflf.lineStart(2), 2u);

  // CR then CRLF: two breaks, not one CR and a stray LF.
  SourceText crcrlf("\r\r\n");  // \r0 \r1 \n2
  ASSERT_EQ(crcrlf.lineCount(), 3u);
  EXPECT_EQ(crcrlf.lineStart(1), 1u);
  EXPECT_EQ(crcrlf.lineStart(2), 3u);
  EXPECT_EQ(crcrlf.lineBreak(0), "\r");
  EXPECT_EQ(crcrlf.lineBreak(1), "\r\n");

  // LF then CR is two breaks as well.
  SourceText lfcr("\n\r");
  ASSERT_EQ(lfcr.lineCount(), 3u);
  EXPECT_EQ(lfcr.lineBreak(0), "\n");
  EXPECT_EQ(lfcr.lineBreak(1), "\r");
}

TEST(SourceTextLines, LineOfAtBoundaries) {
  SourceText t("ab\ncd\n");  // a0 b1 \n2 c3 d4 \n5, end 6
  EXPECT_EQ(t.lineOf(0), 0u);
  EXPECT_EQ(t.lineOf(1), 0u);
  EXPECT_EQ(t.lineOf(2), 0u);  // the '\n' belongs to its line
  EXPECT_EQ(t.lineOf(3), 1u);  // the byte after it starts the next
  EXPECT_EQ(t.lineOf(5), 1u);
  EXPECT_EQ(t.lineOf(6), 2u);  // the empty last line
  EXPECT_EQ(t.lineOf(1000), 2u);
  EXPECT_EQ(t.toUtf16(2), (LineColumn{0, 2}));
  EXPECT_EQ(t.toUtf16(3), (LineColumn{1, 0}));
  EXPECT_EQ(t.toUtf16(6), (LineColumn{2, 0}));
}

TEST(SourceTextLines, LinesPastTheEndAreEmptyAtTheEnd) {
  SourceText t("ab\ncd");
  EXPECT_EQ(t.lineStart(9), 5u);
  EXPECT_EQ(t.lineEnd(9), 5u);
  EXPECT_EQ(t.lineText(9), "");
  EXPECT_EQ(t.lineBreak(9), "");
}

TEST(SourceTextLines, DominantLineBreak) {
  EXPECT_EQ(SourceText("abc").dominantLineBreak(), "\n");
  EXPECT_EQ(SourceText("a\rb").dominantLineBreak(), "\r");
  EXPECT_EQ(SourceText("a\r\nb\r\nc\n").dominantLineBreak(), "\r\n");
  EXPECT_EQ(SourceText("a\rb\rc\n").dominantLineBreak(), "\r");
  EXPECT_EQ(SourceText("a\nb\nc\r\n").dominantLineBreak(), "\n");
  // Ties: "\n" first, then "\r\n".
  EXPECT_EQ(SourceText("a\r\nb\n").dominantLineBreak(), "\n");
  EXPECT_EQ(SourceText("a\rb\n").dominantLineBreak(), "\n");
  EXPECT_EQ(SourceText("a\r\nb\rc").dominantLineBreak(), "\r\n");
  EXPECT_EQ(SourceText("a\nb\r\nc\rd").dominantLineBreak(), "\n");
}

// ------------------------------------------------------------ BOM, repair

TEST(SourceTextBytes, LeadingBomIsDropped) {
  SourceText t("\xEF\xBB\xBF" "ab\ncd");
  EXPECT_TRUE(t.hadBom());
  EXPECT_FALSE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), "ab\ncd");
  EXPECT_EQ(t.lineStart(1), 3u);  // offsets do not count the BOM
}

TEST(SourceTextBytes, BomOnly) {
  SourceText t("\xEF\xBB\xBF");
  EXPECT_TRUE(t.hadBom());
  EXPECT_EQ(t.str(), "");
  EXPECT_EQ(t.lineCount(), 1u);
}

TEST(SourceTextBytes, OnlyTheLeadingBomIsDropped) {
  SourceText twice("\xEF\xBB\xBF\xEF\xBB\xBF" "a");
  EXPECT_TRUE(twice.hadBom());
  EXPECT_EQ(twice.str(), "\xEF\xBB\xBF" "a");

  SourceText inside("a\xEF\xBB\xBF");
  EXPECT_FALSE(inside.hadBom());
  EXPECT_EQ(inside.str(), "a\xEF\xBB\xBF");
}

TEST(SourceTextBytes, ValidTextIsUnchanged) {
  const std::string bytes = "本年度\r\n𠮷😀" + kFFFD;  // a real U+FFFD
  SourceText t(bytes);
  EXPECT_EQ(t.str(), bytes);
  EXPECT_FALSE(t.repairedInvalidUtf8());
  EXPECT_FALSE(t.hadBom());
}

TEST(SourceTextBytes, EmbeddedNulIsKept) {
  const std::string bytes("a\0b", 3);
  SourceText t(bytes);
  EXPECT_EQ(t.str(), bytes);
  EXPECT_FALSE(t.repairedInvalidUtf8());
}

// Counts follow Unicode's "maximal subpart" practice: one U+FFFD per
// longest prefix of a valid sequence, or per single byte otherwise.
TEST(SourceTextBytes, LoneContinuationByte) {
  SourceText t("a\x80" "b");
  EXPECT_TRUE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), "a" + kFFFD + "b");
  EXPECT_EQ(t.str().size(), 5u);
}

TEST(SourceTextBytes, TruncatedThreeByteSequenceAtEnd) {
  // E4 B8 is the start of 丁..乿; both bytes form one maximal subpart.
  SourceText t("a\xE4\xB8");
  EXPECT_TRUE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), "a" + kFFFD);
  EXPECT_EQ(t.toCodePoints(t.str().size()), (LineColumn{0, 2}));
}

TEST(SourceTextBytes, TruncatedSequenceBeforeAscii) {
  SourceText t("\xE4\xB8" "a");
  EXPECT_EQ(t.str(), kFFFD + "a");
}

TEST(SourceTextBytes, TruncatedBomIsRepairedNotDropped) {
  SourceText t("\xEF\xBB");
  EXPECT_FALSE(t.hadBom());
  EXPECT_TRUE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), kFFFD);
}

TEST(SourceTextBytes, OverlongEncoding) {
  // C0 never starts a sequence, so C0 and 80 are each replaced.
  SourceText t("\xC0\x80");
  EXPECT_TRUE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), kFFFD + kFFFD);
}

TEST(SourceTextBytes, EncodedSurrogate) {
  // After ED only 80..9F may follow, so ED, A0 and 80 are each replaced.
  SourceText t("\xED\xA0\x80");
  EXPECT_TRUE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), kFFFD + kFFFD + kFFFD);
  EXPECT_EQ(t.toUtf16(t.str().size()), (LineColumn{0, 3}));
}

TEST(SourceTextBytes, ByteFF) {
  SourceText t("x\xFF");
  EXPECT_TRUE(t.repairedInvalidUtf8());
  EXPECT_EQ(t.str(), "x" + kFFFD);
}

TEST(SourceTextBytes, RepairKeepsLineStructure) {
  SourceText t("\xFF\n\xFF");
  ASSERT_EQ(t.lineCount(), 2u);
  EXPECT_EQ(t.lineText(0), kFFFD);
  EXPECT_EQ(t.lineText(1), kFFFD);
  EXPECT_EQ(t.lineStart(1), 4u);
  EXPECT_EQ(t.toUtf16(4), (LineColumn{1, 0}));
  EXPECT_EQ(t.toUtf16(7), (LineColumn{1, 1}));
}

TEST(SourceTextBytes, EveryOneAndTwoByteInputGivesValidUtf8) {
  for (int a = 0; a < 256; ++a) {
    for (int b = -1; b < 256; ++b) {
      std::string bytes(1, static_cast<char>(a));
      if (b >= 0) bytes.push_back(static_cast<char>(b));
      SourceText t(bytes);
      ASSERT_TRUE(isValidUtf8(t.str())) << a << " " << b;
      ASSERT_EQ(t.repairedInvalidUtf8(), !isValidUtf8(bytes)) << a << " " << b;
      ASSERT_GE(t.lineCount(), 1u);
      t.toUtf16(bytes.size());
    }
  }
}

// -------------------------------------------------------------- columns

TEST(SourceTextColumns, ChineseIsThreeBytesOneUnitOneCodePoint) {
  SourceText t("本年度");  // 本0..2 年3..5 度6..8
  ASSERT_EQ(t.str().size(), 9u);
  EXPECT_EQ(t.toUtf16(3), (LineColumn{0, 1}));
  EXPECT_EQ(t.toUtf16(9), (LineColumn{0, 3}));
  EXPECT_EQ(t.toCodePoints(6), (LineColumn{0, 2}));
  EXPECT_EQ(t.toUtf8(6), (LineColumn{0, 6}));
  EXPECT_EQ(t.fromUtf16({0, 2}), 6u);
  EXPECT_EQ(t.fromCodePoints({0, 1}), 3u);
  EXPECT_EQ(t.fromUtf8({0, 3}), 3u);
}

TEST(SourceTextColumns, OffsetInsideCharacterSnapsToItsStart) {
  SourceText t("本年度");
  EXPECT_EQ(t.toUtf16(4), (LineColumn{0, 1}));
  EXPECT_EQ(t.toUtf16(5), (LineColumn{0, 1}));
  EXPECT_EQ(t.toCodePoints(8), (LineColumn{0, 2}));
  EXPECT_EQ(t.toUtf8(7), (LineColumn{0, 6}));
  EXPECT_EQ(t.fromUtf8({0, 4}), 3u);
  EXPECT_EQ(t.fromUtf8({0, 8}), 6u);
}

TEST(SourceTextColumns, AstralCharacters) {
  // a0 𠮷1..4 b5 😀6..9 c10, end 11; UTF-16 columns 0 1 3 4 6 7.
  SourceText t("a𠮷b😀c");
  ASSERT_EQ(t.str().size(), 11u);
  EXPECT_EQ(t.toUtf16(5), (LineColumn{0, 3}));
  EXPECT_EQ(t.toUtf16(6), (LineColumn{0, 4}));
  EXPECT_EQ(t.toUtf16(10), (LineColumn{0, 6}));
  EXPECT_EQ(t.toUtf16(11), (LineColumn{0, 7}));
  EXPECT_EQ(t.toCodePoints(10), (LineColumn{0, 4}));
  EXPECT_EQ(t.toCodePoints(11), (LineColumn{0, 5}));
  EXPECT_EQ(t.toUtf16(3), (LineColumn{0, 1}));  // inside 𠮷
  EXPECT_EQ(t.toCodePoints(8), (LineColumn{0, 3}));  // inside 😀
  EXPECT_EQ(t.fromUtf16({0, 6}), 10u);
  EXPECT_EQ(t.fromCodePoints({0, 2}), 5u);
}

TEST(SourceTextColumns, Utf16ColumnBetweenSurrogatesSnapsToCharacterStart) {
  SourceText t("a𠮷b😀c");
  EXPECT_EQ(t.fromUtf16({0, 2}), 1u);  // between the halves of 𠮷
  EXPECT_EQ(t.fromUtf16({0, 5}), 6u);  // between the halves of 😀

  SourceText emoji("😀");
  EXPECT_EQ(emoji.fromUtf16({0, 1}), 0u);
  EXPECT_EQ(emoji.fromUtf16({0, 2}), 4u);
  EXPECT_EQ(emoji.toUtf16(4), (LineColumn{0, 2}));
}

TEST(SourceTextColumns, RoundTripsAtEveryBoundaryOfAMixedLine) {
  // Line 1 is 年a𠮷😀、b: widths in bytes 3 1 4 4 3 1, in UTF-16 1 1 2 2 1 1.
  SourceText t("x\r\n年a𠮷😀、b\ny");
  ASSERT_EQ(t.lineStart(1), 3u);
  ASSERT_EQ(t.lineEnd(1), 19u);
  struct Boundary {
    std::size_t offset;
    std::uint32_t utf16;
    std::uint32_t codePoint;
    std::uint32_t byte;
  };
  const Boundary boundaries[] = {
      {3, 0, 0, 0},   {6, 1, 1, 3},   {7, 2, 2, 4},   {11, 4, 3, 8},
      {15, 6, 4, 12}, {18, 7, 5, 15}, {19, 8, 6, 16},
  };
  for (const Boundary& b : boundaries) {
    SCOPED_TRACE(b.offset);
    EXPECT_EQ(t.toUtf16(b.offset), (LineColumn{1, b.utf16}));
    EXPECT_EQ(t.toCodePoints(b.offset), (LineColumn{1, b.codePoint}));
    EXPECT_EQ(t.toUtf8(b.offset), (LineColumn{1, b.byte}));
    EXPECT_EQ(t.fromUtf16(t.toUtf16(b.offset)), b.offset);
    EXPECT_EQ(t.fromCodePoints(t.toCodePoints(b.offset)), b.offset);
    EXPECT_EQ(t.fromUtf8(t.toUtf8(b.offset)), b.offset);
  }
  EXPECT_EQ(t.toUtf16(20), (LineColumn{2, 0}));
}

TEST(SourceTextColumns, PositionsPastTheEndAreClamped) {
  SourceText t("ab\n本");  // a0 b1 \n2 本3..5, end 6
  EXPECT_EQ(t.fromUtf16({2, 0}), 6u);  // line past the end
  EXPECT_EQ(t.fromCodePoints({7, 7}), 6u);
  EXPECT_EQ(t.fromUtf8({2, 0}), 6u);
  EXPECT_EQ(t.fromUtf16({0, 99}), 2u);  // column past the line end
  EXPECT_EQ(t.fromCodePoints({0, 3}), 2u);
  EXPECT_EQ(t.fromUtf8({0, 3}), 2u);
  EXPECT_EQ(t.fromUtf16({1, 2}), 6u);
  EXPECT_EQ(t.fromUtf8({1, 4}), 6u);
  EXPECT_EQ(t.toUtf16(99), (LineColumn{1, 1}));
  EXPECT_EQ(t.toCodePoints(99), (LineColumn{1, 1}));
  EXPECT_EQ(t.toUtf8(99), (LineColumn{1, 3}));
}

TEST(SourceTextColumns, ColumnPastLineEndStopsBeforeCrLf) {
  SourceText t("ab\r\ncd");
  EXPECT_EQ(t.fromUtf16({0, 3}), 2u);
  EXPECT_EQ(t.fromUtf16({0, 4}), 2u);
  EXPECT_EQ(t.fromUtf16({1, 1}), 5u);
}

// ---------------------------------------------------------------- edits

// `edited` must give exactly the text, line index and line breaks that
// building the edited bytes whole gives, and keep the chunk invariant.
void expectSameAsWhole(const SourceText& t, const std::string& context) {
  SourceText whole(t.str());
  ASSERT_EQ(t.size(), whole.size()) << context;
  ASSERT_EQ(t.lineCount(), whole.lineCount()) << context;
  for (std::size_t line = 0; line < whole.lineCount(); ++line) {
    ASSERT_EQ(t.lineStart(line), whole.lineStart(line)) << context << " line " << line;
    ASSERT_EQ(t.lineEnd(line), whole.lineEnd(line)) << context << " line " << line;
    ASSERT_EQ(t.lineBreak(line), whole.lineBreak(line)) << context << " line " << line;
  }
  for (std::size_t offset = 0; offset <= whole.size() + 1; offset += 1 + offset / 7)
    ASSERT_EQ(t.lineOf(offset), whole.lineOf(offset)) << context << " offset " << offset;
  EXPECT_EQ(t.dominantLineBreak(), whole.dominantLineBreak()) << context;
  EXPECT_TRUE(isValidUtf8(t.str())) << context;
  for (std::size_t i = 0; i < t.chunkCount(); ++i) {
    const std::string& bytes = t.chunk(i).bytes;
    bool last = i + 1 == t.chunkCount();
    if (!last) {
      ASSERT_FALSE(bytes.empty()) << context;
      ASSERT_TRUE(bytes.back() == '\n' || bytes.back() == '\r') << context << " chunk " << i;
      ASSERT_FALSE(bytes.back() == '\r' && t.chunk(i + 1).bytes.starts_with("\n")) << context << " CRLF split";
    } else {
      ASSERT_EQ(bytes.find_first_of("\r\n"), std::string::npos) << context << " last chunk holds one line";
    }
  }
}

TEST(SourceTextEdits, RandomEditsGiveTheTextBuiltWhole) {
  const std::vector<std::string> pieces = {"a", "本", "𠮷", "\n", "\r", "\r\n", "\t", "|", "12", "\n\n",
                                           "\xE4\xB8", "\x80", "行一\r\n行二\n行三\r"};
  std::mt19937 rng(4);
  for (std::size_t target : {1u, 8u, 64u, 4096u}) {
    std::string start;
    for (int i = 0; i < 200; ++i) start += pieces[rng() % pieces.size()];
    SourceText t(start, target);
    std::string expected = SourceText(start).str();
    for (int step = 0; step < 300; ++step) {
      std::size_t a = rng() % (t.size() + 2), b = a + rng() % 40;  // may run past the end
      std::string inserted;
      for (std::size_t k = rng() % 4; k > 0; --k) inserted += pieces[rng() % pieces.size()];
      t = t.edited({a, b}, inserted);
      std::size_t from = std::min(a, expected.size());
      expected = SourceText(expected.replace(from, std::min(b, expected.size()) - from, inserted)).str();
      ASSERT_EQ(t.str(), expected) << "target " << target << " step " << step;
      expectSameAsWhole(t, "target " + std::to_string(target) + " step " + std::to_string(step));
    }
  }
}

TEST(SourceTextEdits, AnLfTypedAfterACrAtAChunkBoundaryMakesOneCrlf) {
  SourceText t("ab\rcd\ref\r", 1);  // chunks "ab\r", "cd\r", "ef\r", ""
  ASSERT_EQ(t.chunkCount(), 4u);
  SourceText u = t.edited({3, 3}, "\n");
  EXPECT_EQ(u.str(), "ab\r\ncd\ref\r");
  EXPECT_EQ(u.lineCount(), 4u);
  EXPECT_EQ(u.lineBreak(0), "\r\n");
  expectSameAsWhole(u, "crlf");
}

TEST(SourceTextEdits, CuttingACharacterInHalfRepairsIt) {
  SourceText t("a本b");
  SourceText u = t.edited({1, 2}, "");  // the first byte of 本
  EXPECT_EQ(u.str(), "a" + kFFFD + kFFFD + "b");
  EXPECT_TRUE(u.repairedInvalidUtf8());
  EXPECT_FALSE(t.repairedInvalidUtf8());
}

TEST(SourceTextEdits, AnEditCopiesOnlyTheChunksItTouches) {
  std::string line = "本机关坚持以公开为常态、不公开为例外。\n";
  std::string big;
  while (big.size() < (1u << 20)) big += line;
  SourceText t(big);
  ASSERT_GT(t.chunkCount(), 200u);
  std::size_t middle = t.lineStart(t.lineCount() / 2);
  SourceText u = t.edited({middle, middle}, "新");
  std::set<std::uint64_t> before;
  for (std::size_t i = 0; i < t.chunkCount(); ++i) before.insert(t.chunk(i).id);
  std::size_t shared = 0;
  for (std::size_t i = 0; i < u.chunkCount(); ++i) shared += before.count(u.chunk(i).id);
  EXPECT_GE(shared + 2, t.chunkCount());
  EXPECT_EQ(u.lineText(u.lineCount() / 2), "新" + line.substr(0, line.size() - 1));
  // The original is a value: unchanged by the edit.
  EXPECT_EQ(t.lineText(t.lineCount() / 2), line.substr(0, line.size() - 1));
  EXPECT_EQ(t.str(), big);
}

TEST(SourceTextEdits, SliceReadsAcrossChunks) {
  SourceText t("ab\ncd\nef", 1);
  EXPECT_EQ(t.slice({1, 7}), "b\ncd\ne");
  EXPECT_EQ(t.slice({5, 99}), "\nef");
  EXPECT_EQ(t.slice({4, 4}), "");
}

TEST(SourceTextEdits, AByteOrderMarkIsKeptAcrossEdits) {
  SourceText t("\xEF\xBB\xBF" "ab");
  SourceText u = t.edited({0, 0}, "x");
  EXPECT_TRUE(u.hadBom());
  EXPECT_EQ(u.str(), "xab");
}

}  // namespace
}  // namespace nianbao
