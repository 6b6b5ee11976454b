#include "text/Fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nianbao {
namespace {

// ------------------------------------------------------------ folding

TEST(FoldForMatching, EmptyInput) { EXPECT_EQ(foldForMatching(""), U""); }

TEST(FoldForMatching, FullWidthParenthesesEqualHalfWidth) {
  EXPECT_EQ(foldForMatching("（一）"), U"(一)");
  EXPECT_EQ(foldForMatching("（一）"), foldForMatching("(一)"));
}

TEST(FoldForMatching, CompatibilityCharactersDecompose) {
  EXPECT_EQ(foldForMatching("㈠"), U"(一)");  // U+3220
  EXPECT_EQ(foldForMatching("ﬁ"), U"fi");     // U+FB01
}

TEST(FoldForMatching, FullWidthDigitsAndLetters) {
  EXPECT_EQ(foldForMatching("０１２"), U"012");
  EXPECT_EQ(foldForMatching("ＡＢｃ"), U"ABc");  // NFKC keeps case
}

TEST(FoldForMatching, WhiteSpaceIsRemoved) {
  EXPECT_EQ(foldForMatching("本 年 度"), U"本年度");
  EXPECT_EQ(foldForMatching(" \t本\r\n年\f度\v "), U"本年度");
  EXPECT_EQ(foldForMatching("本\u3000年\u00A0度"), U"本年度");
  EXPECT_EQ(foldForMatching("本\u200B年\uFEFF度"), U"本年度");
  EXPECT_EQ(foldForMatching("本\u2003年\u2028度"), U"本年度");  // em space, LS
  EXPECT_EQ(foldForMatching(" \u3000 "), U"");
}

TEST(FoldForMatching, DoubleQuotesBecomeAscii) {
  EXPECT_EQ(foldForMatching("“公开”"), U"\"公开\"");
  EXPECT_EQ(foldForMatching("„公开‟"), U"\"公开\"");
  EXPECT_EQ(foldForMatching("「公开」"), U"\"公开\"");
  EXPECT_EQ(foldForMatching("『公开』"), U"\"公开\"");
  EXPECT_EQ(foldForMatching("＂公开＂"), U"\"公开\"");
  EXPECT_EQ(foldForMatching("″"), U"\"");  // not two primes
  EXPECT_EQ(foldForMatching("﹁公开﹂"), U"\"公开\"");  // vertical forms
}

TEST(FoldForMatching, SingleQuotesBecomeAscii) {
  EXPECT_EQ(foldForMatching("‘公开’"), U"'公开'");
}

TEST(FoldForMatching, DashesBecomeHyphenMinus) {
  for (const char* dash : {"—", "―", "–", "‒", "－", "−", "﹘"}) {
    SCOPED_TRACE(dash);
    EXPECT_EQ(foldForMatching(std::string("1") + dash + "2"), U"1-2");
  }
}

TEST(FoldForMatching, IdeographicCommaIsKept) {
  EXPECT_EQ(foldForMatching("一、二"), U"一、二");
  EXPECT_EQ(foldForMatching("一､二"), U"一、二");  // half-width U+FF64
  EXPECT_NE(foldForMatching("一、二"), foldForMatching("一,二"));
}

TEST(FoldForMatching, AstralCharactersAreOneCodePoint) {
  EXPECT_EQ(foldForMatching("𠮷 😀"), U"𠮷😀");
}

TEST(FoldForMatching, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(foldForMatching("a\xFF" "b"), U"a\uFFFDb");
  EXPECT_EQ(foldForMatching("\x80"), U"\uFFFD");
  EXPECT_EQ(foldForMatching("\xC0\x80"), U"\uFFFD\uFFFD");
  EXPECT_EQ(foldForMatching("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(foldForMatching("本\xE4\xB8"), U"本\uFFFD");
}

TEST(FoldForMatching, EveryByteIsSurvived) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const char bytes[] = {static_cast<char>(a), static_cast<char>(b)};
      const std::u32string folded =
          foldForMatching(std::string_view(bytes, 2));
      // NFKC may expand (C2 BC is ¼, which becomes 1⁄4), so no length
      // bound; but the output must be scalar values and already folded.
      for (const char32_t c : folded) {
        ASSERT_TRUE(c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF))
            << a << " " << b;
      }
      ASSERT_EQ(foldForMatching(toUtf8(folded)), folded) << a << " " << b;
    }
  }
}

TEST(FoldForMatching, EmbeddedNulIsKept) {
  EXPECT_EQ(foldForMatching(std::string_view("a\0b", 3)),
            std::u32string(U"a\0b", 3));
}

// ------------------------------------------------------- edit distance

TEST(EditDistance, EmptyStrings) {
  EXPECT_EQ(editDistance(U"", U""), 0u);
  EXPECT_EQ(editDistance(U"", U"本年度"), 3u);
  EXPECT_EQ(editDistance(U"本年度", U""), 3u);
}

TEST(EditDistance, Classics) {
  EXPECT_EQ(editDistance(U"kitten", U"sitting"), 3u);
  EXPECT_EQ(editDistance(U"flaw", U"lawn"), 2u);
  EXPECT_EQ(editDistance(U"abc", U"cab"), 2u);
  EXPECT_EQ(editDistance(U"abc", U"abc"), 0u);
  EXPECT_EQ(editDistance(U"abc", U"xyz"), 3u);
}

TEST(EditDistance, ChineseLabels) {
  EXPECT_EQ(editDistance(U"本年度止件数", U"本年废止件数"), 1u);
  EXPECT_EQ(editDistance(U"规范性文件", U"行政规范性文件"), 2u);
}

TEST(EditDistance, CountsCodePointsNotCodeUnits) {
  EXPECT_EQ(editDistance(U"𠮷", U"吉"), 1u);
  EXPECT_EQ(editDistance(U"a😀b", U"ab"), 1u);
}

TEST(EditDistance, SymmetricAndTriangular) {
  const std::vector<std::u32string> words = {
      U"", U"a", U"ab", U"ba", U"本年度", U"本年废止", U"规范性文件",
      U"行政规范性文件", U"kitten", U"sitting", U"𠮷😀"};
  for (const auto& a : words) {
    EXPECT_EQ(editDistance(a, a), 0u);
    for (const auto& b : words) {
      EXPECT_EQ(editDistance(a, b), editDistance(b, a));
      for (const auto& c : words) {
        EXPECT_LE(editDistance(a, c), editDistance(a, b) + editDistance(b, c));
      }
    }
  }
}

// ---------------------------------------------------------- similarity

TEST(Similarity, EmptyStrings) {
  EXPECT_DOUBLE_EQ(similarity(U"", U""), 1.0);
  EXPECT_DOUBLE_EQ(similarity(U"", U"ab"), 0.0);
}

TEST(Similarity, ChineseLabels) {
  EXPECT_DOUBLE_EQ(similarity(U"本年度止件数", U"本年废止件数"), 1.0 - 1.0 / 6.0);
  EXPECT_DOUBLE_EQ(similarity(U"规范性文件", U"行政规范性文件"),
                   1.0 - 2.0 / 7.0);
  EXPECT_DOUBLE_EQ(similarity(U"行政规范性文件", U"规范性文件"),
                   1.0 - 2.0 / 7.0);
}

TEST(Similarity, IdenticalAndDisjoint) {
  EXPECT_DOUBLE_EQ(similarity(U"本年度", U"本年度"), 1.0);
  EXPECT_DOUBLE_EQ(similarity(U"abc", U"xyz"), 0.0);
}

TEST(Similarity, FoldedLabelsMatchExactly) {
  EXPECT_DOUBLE_EQ(similarity(foldForMatching("（一） 主动公开情况"),
                              foldForMatching("(一)主动公开情况")),
                   1.0);
}

// -------------------------------------------------------------- toUtf8

TEST(ToUtf8, EncodesCodePoints) {
  EXPECT_EQ(toUtf8(U""), "");
  EXPECT_EQ(toUtf8(U"a"), "a");
  EXPECT_EQ(toUtf8(U"本"), "\xE6\x9C\xAC");
  EXPECT_EQ(toUtf8(U"é"), "\xC3\xA9");
  EXPECT_EQ(toUtf8(U"𠮷"), "\xF0\xA0\xAE\xB7");
  EXPECT_EQ(toUtf8(U"本年度𠮷😀"), "本年度𠮷😀");
}

TEST(ToUtf8, InvalidCodePointsBecomeReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(toUtf8(std::u32string(1, char32_t{0xD800})), fffd);
  EXPECT_EQ(toUtf8(std::u32string(1, char32_t{0xDFFF})), fffd);
  EXPECT_EQ(toUtf8(std::u32string(1, char32_t{0x110000})), fffd);
  EXPECT_EQ(toUtf8(std::u32string(1, char32_t{0xFFFFFFFF})), fffd);
  EXPECT_EQ(toUtf8(std::u32string{U'a', char32_t{0xD800}, U'b'}),
            "a" + fffd + "b");
  EXPECT_EQ(toUtf8(std::u32string(1, char32_t{0x10FFFF})), "\xF4\x8F\xBF\xBF");
}

TEST(ToUtf8, RoundTripsFoldedText) {
  EXPECT_EQ(toUtf8(foldForMatching("（一） “公开” 情况")), "(一)\"公开\"情况");
}

}  // namespace
}  // namespace nianbao
