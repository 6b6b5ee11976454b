#include "fix/TextEdits.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

TEST(ApplyEdits, ReplacesAndInsertsAgainstTheOriginal) {
  std::string text = "总计\t3\n行政许可\t0\n";
  std::size_t three = text.find('3');
  std::string out = applyEdits(text, {{{three, three + 1}, "2"}, {{0, 0}, "# "}, {{text.size(), text.size()}, "尾\n"}});
  EXPECT_EQ(out, "# 总计\t2\n行政许可\t0\n尾\n");
}

TEST(ApplyEdits, SkipsOverlappingAndOutOfRangeEdits) {
  std::size_t skipped = 0;
  std::string out = applyEdits("abcdef", {{{1, 4}, "X"}, {{2, 3}, "Y"}, {{5, 99}, "Z"}}, &skipped);
  EXPECT_EQ(out, "aXef");
  EXPECT_EQ(skipped, 2u);
}

TEST(ApplyEdits, TwoInsertionsAtOnePointKeepTheirOrder) {
  EXPECT_EQ(applyEdits("ab", {{{1, 1}, "1"}, {{1, 1}, "2"}}), "a12b");
}

}  // namespace
}  // namespace nianbao::testing
