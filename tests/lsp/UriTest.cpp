// file: URIs as clients spell them, and back.
#include "Uri.h"

#include <gtest/gtest.h>

namespace nianbao::testing {
namespace {

using lsp::documentKey;
using lsp::fileUriFromPath;
using lsp::pathFromFileUri;

TEST(Uri, PercentEncodedPathsAreDecoded) {
  // VS Code encodes CJK and spaces; 年报 2023 is E5 B9 B4 E6 8A A5 20 32 30 32 33.
  EXPECT_EQ(pathFromFileUri("file:///work/%E5%B9%B4%E6%8A%A5%202023/a.md"), std::filesystem::path("/work/年报 2023/a.md"));
  // Others send them as they are.
  EXPECT_EQ(pathFromFileUri("file:///work/年报 2023/a.md"), std::filesystem::path("/work/年报 2023/a.md"));
  EXPECT_EQ(pathFromFileUri("file://localhost/work/a.md"), std::filesystem::path("/work/a.md"));
}

TEST(Uri, OtherSchemesAndHostsAreNotPaths) {
  EXPECT_FALSE(pathFromFileUri("untitled:Untitled-1"));
  EXPECT_FALSE(pathFromFileUri("https://example.org/a.md"));
  EXPECT_FALSE(pathFromFileUri("file://server/share/a.md"));
  EXPECT_FALSE(pathFromFileUri("not a uri at all"));
  EXPECT_FALSE(pathFromFileUri(""));
}

TEST(Uri, APathBecomesAUriThatReadsBackTheSame) {
  std::filesystem::path p = "/work/年报 2023/#1?.md";
  std::string uri = fileUriFromPath(p);
  EXPECT_EQ(uri, "file:///work/%E5%B9%B4%E6%8A%A5%202023/%231%3F.md");
  EXPECT_EQ(pathFromFileUri(uri), p);
}

TEST(Uri, TwoSpellingsOfOneFileAreOneDocument) {
  EXPECT_EQ(documentKey("file:///work/%E5%B9%B4%E6%8A%A5/a.md"), documentKey("file:///work/年报/./a.md"));
  EXPECT_NE(documentKey("file:///work/a.md"), documentKey("file:///work/b.md"));
  EXPECT_EQ(documentKey("untitled:Untitled-1"), "untitled:Untitled-1");
}

}  // namespace
}  // namespace nianbao::testing
