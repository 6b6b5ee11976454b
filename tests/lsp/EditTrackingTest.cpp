#include "EditTracking.h"

#include <gtest/gtest.h>

namespace nianbao::lsp {
namespace {

// Text "0123456789", a finding on "345" = [3, 6).
const ByteRange kWord{3, 6};

TEST(EditTracking, EditsBeforeShiftAndAfterLeaveAlone) {
  EXPECT_EQ(mapRange(kWord, {0, 1, 4}), (ByteRange{6, 9}));  // "0" -> "abcd"
  EXPECT_EQ(mapRange(kWord, {0, 2, 0}), (ByteRange{1, 4}));  // "01" deleted
  EXPECT_EQ(mapRange(kWord, {7, 9, 0}), kWord);
  EXPECT_EQ(mapRange(kWord, {6, 6, 5}), kWord) << "typing right after the word does not grow it";
  EXPECT_EQ(mapRange(kWord, {3, 3, 2}), (ByteRange{5, 8})) << "typing right before it moves it";
}

TEST(EditTracking, EditsInsideGrowOrShrinkIt) {
  EXPECT_EQ(mapRange(kWord, {4, 5, 3}), (ByteRange{3, 8}));  // "4" -> "xyz"
  EXPECT_EQ(mapRange(kWord, {4, 4, 1}), (ByteRange{3, 7}));
}

TEST(EditTracking, EditsOverlappingAnEndKeepWhatIsLeft) {
  EXPECT_EQ(mapRange(kWord, {1, 4, 1}), (ByteRange{2, 4}));  // "123" -> "x": "45" is left, after x
  EXPECT_EQ(mapRange(kWord, {5, 8, 0}), (ByteRange{3, 5}));  // "567" deleted: "34" is left
}

TEST(EditTracking, AWordReplacedWholeCollapsesWhereItWas) {
  EXPECT_EQ(mapRange(kWord, {2, 7, 1}), (ByteRange{2, 2}));
  EXPECT_EQ(mapRange(kWord, {3, 6, 0}), (ByteRange{3, 3}));
}

TEST(EditTracking, AnInsertionPointMovesWithTextTypedAtIt) {
  EXPECT_EQ(mapRange({5, 5}, {5, 5, 2}), (ByteRange{7, 7}));
  EXPECT_EQ(mapRange({5, 5}, {2, 4, 0}), (ByteRange{3, 3}));
  EXPECT_EQ(mapRange({5, 5}, {4, 7, 0}), (ByteRange{4, 4}));
}

TEST(EditTracking, AFindingsFixMovesWithIt) {
  Finding f{"section-missing", Severity::Error, {10, 10}, "m", Fix{"t", {{{10, 10}, "## 五、x\n"}}}};
  mapFinding(f, {0, 0, 3});
  EXPECT_EQ(f.range, (ByteRange{13, 13}));
  EXPECT_EQ(f.fix->edits[0].range, (ByteRange{13, 13}));
}

}  // namespace
}  // namespace nianbao::lsp
