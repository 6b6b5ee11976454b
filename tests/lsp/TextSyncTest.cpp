#include "TextSync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nianbao::lsp {
namespace {

using nlohmann::json;

json change(int l1, int c1, int l2, int c2, const std::string& text) {
  return {{"range", {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}}},
          {"text", text}};
}

TEST(TextSync, ChangesApplyInOrderEachToTheTextBefore) {
  std::string error;
  // Insert 𠮷 at the start, then replace 2 by 1: the second change's column
  // counts the 𠮷 the first one inserted (two UTF-16 units).
  auto out = applyContentChanges(SourceText("总计\t2\r\n"), json::array({change(0, 0, 0, 0, "𠮷"), change(0, 5, 0, 6, "1")}),
                                 PositionEncoding::Utf16, &error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->str(), "𠮷总计\t1\r\n");
}

TEST(TextSync, Utf8ColumnsCountBytes) {
  std::string error;
  auto out = applyContentChanges(SourceText("总计\t2\n"), json::array({change(0, 7, 0, 8, "3")}), PositionEncoding::Utf8, &error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->str(), "总计\t3\n");
}

TEST(TextSync, EditsAcrossLinesAndWholeTextReplacement) {
  std::string error;
  auto out = applyContentChanges(SourceText("一\n二\n三\n"), json::array({change(0, 1, 2, 0, "、")}), PositionEncoding::Utf16, &error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->str(), "一、三\n");
  out = applyContentChanges(SourceText("old"), json::array({{{"text", "新的"}}, change(0, 2, 0, 2, "全文")}),
                            PositionEncoding::Utf16, &error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->str(), "新的全文");
}

TEST(TextSync, MalformedChangesAreNamed) {
  std::string error;
  EXPECT_FALSE(applyContentChanges(SourceText("x"), json::object(), PositionEncoding::Utf16, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("must be an array"));
  EXPECT_FALSE(applyContentChanges(SourceText("x"), json::array({{{"range", 1}}}), PositionEncoding::Utf16, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("contentChanges[0].text"));
  EXPECT_FALSE(applyContentChanges(SourceText("x"), json::array({change(0, 1, 0, 0, "")}), PositionEncoding::Utf16, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("contentChanges[0].range"));
}

}  // namespace
}  // namespace nianbao::lsp
