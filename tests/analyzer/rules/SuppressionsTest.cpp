// Inline suppressions on edited copies of the example, whose findings are
// known from reading it: sum-row and balance on line 51 (总计 2 where the
// applicants add up to 1), row-missing at line 68, sum-review on line 81,
// label-mismatch on line 32 and section-title on line 83 (五、…和改进措施).
#include "TestSupport.h"
#include "fix/TextEdits.h"
#include "rules/Suppressions.h"

namespace nianbao::testing {
namespace {

constexpr const char* kWrongTotalRow = "| 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |";
constexpr const char* kPartFive = "#### 五、存在的主要问题和改进措施";

bool knownCode(std::string_view code) {
  for (const char* c : {"sum-row", "balance", "row-missing", "sum-review", "label-mismatch", "section-title",
                        "fee-conflict", "part-empty"})
    if (code == c) return true;
  return false;
}

std::string example() { return readFile(NIANBAO_EXAMPLE); }

// The example's findings after its suppressions.
struct Suppressed {
  SourceText text;
  std::vector<Finding> findings;
  explicit Suppressed(std::string_view bytes, std::string_view locale = "zh")
      : text(bytes), findings(applySuppressions(text, builtinAnalyzer().analyze(text).findings, locale, knownCode)) {}
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(f.code);
    return out;
  }
  std::vector<const Finding*> with(const std::string& code) const {
    std::vector<const Finding*> out;
    for (const auto& f : findings)
      if (f.code == code) out.push_back(&f);
    return out;
  }
  std::string at(ByteRange r) const { return text.slice(r); }
};

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(FindSuppressionComments, ReadsTheThreeKindsAndTheirCodes) {
  SourceText text(
      "甲\n<!-- nianbao-disable sum-row, balance -->\n  <!--nianbao-enable-->\n"
      "x <!-- nianbao-disable-next-line sum-row，row-missing --> y\n<!-- 普通注释 nianbao-disable sum-row -->\n"
      "<!-- nianbao-disabled sum-row -->\n<!-- nianbao-disable sum-row\n");
  auto comments = findSuppressionComments(text);
  ASSERT_EQ(comments.size(), 3u);
  EXPECT_EQ(comments[0].kind, SuppressionKind::Disable);
  EXPECT_THAT(comments[0].codes, ElementsAre("sum-row", "balance"));
  EXPECT_EQ(text.slice(comments[0].codeRanges[1]), "balance");
  EXPECT_EQ(text.slice(comments[0].range), "<!-- nianbao-disable sum-row, balance -->");
  EXPECT_EQ(comments[1].kind, SuppressionKind::Enable);
  EXPECT_THAT(comments[1].codes, IsEmpty());
  EXPECT_EQ(comments[2].kind, SuppressionKind::DisableNextLine);
  EXPECT_THAT(comments[2].codes, ElementsAre("sum-row", "row-missing"));  // a full-width comma separates too
  EXPECT_EQ(suppressionAt(comments, text.str().find("row-missing")), &comments[2]);
  EXPECT_EQ(suppressionAt(comments, 0), nullptr);
}

// Found by fuzz_suppressions (tests/fuzz/regressions/suppressions/): every EF
// byte was skipped as if it began a full-width comma, so a code starting
// with a full-width letter (as a Chinese input method types it) or with
// U+FFFD (an invalid byte, repaired) lost its first byte, and its range and
// the unused-suppression message started inside a character.
TEST(FindSuppressionComments, CodesStartingWithAFullWidthCharacterAreKeptWhole) {
  SourceText text("<!-- nianbao-disable ｓｕｍ－ｒｏｗ，\xEF\xBF\xBDsum-row -->\n<!-- nianbao-disable-next-line \x81section-missing -->\n");
  auto comments = findSuppressionComments(text);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_THAT(comments[0].codes, ElementsAre("ｓｕｍ－ｒｏｗ", "\xEF\xBF\xBDsum-row"));
  EXPECT_EQ(text.slice(comments[0].codeRanges[0]), "ｓｕｍ－ｒｏｗ");
  EXPECT_THAT(comments[1].codes, ElementsAre("\xEF\xBF\xBDsection-missing"));  // the 0x81 repaired
  auto findings = applySuppressions(text, {}, "en", knownCode);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].message, "no rule has the code 'ｓｕｍ－ｒｏｗ'; this suppresses nothing");
  EXPECT_EQ(text.slice(findings[0].range), "ｓｕｍ－ｒｏｗ");
}

TEST(FindSuppressionComments, FindsCommentsAcrossChunkBoundaries) {
  std::string bytes;
  for (int i = 0; i < 400; ++i) bytes += "<!-- nianbao-disable-next-line sum-row -->\n正文第" + std::to_string(i) + "行\n";
  SourceText text(bytes, 64);  // small chunks: boundaries everywhere
  auto comments = findSuppressionComments(text);
  ASSERT_EQ(comments.size(), 400u);
  for (std::size_t i = 0; i < comments.size(); ++i) EXPECT_EQ(text.lineOf(comments[i].range.begin), 2 * i);
}

TEST(SuppressionScanner, FindsWhatAFullScanFindsAcrossEdits) {
  std::string bytes;
  for (int i = 0; i < 200; ++i)
    bytes += (i % 7 ? "正文第" + std::to_string(i) + "行\n" : "<!-- nianbao-disable-next-line sum-row -->\n");
  SourceText text(bytes, 64);
  SuppressionScanner scanner;
  auto same = [](const std::vector<SuppressionComment>& a, const std::vector<SuppressionComment>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].range != b[i].range || a[i].codes != b[i].codes || a[i].codeRanges != b[i].codeRanges ||
          a[i].kind != b[i].kind)
        return false;
    return true;
  };
  EXPECT_TRUE(same(scanner.find(text), findSuppressionComments(text)));
  // A comment typed in, one removed, one changed: the chunks they are in are read again.
  text = text.edited({0, 0}, "<!-- nianbao-disable balance -->\n");
  std::size_t at = text.str().find("<!-- nianbao-disable-next-line", 100);
  text = text.edited({at, at + 42}, "");
  at = text.str().find("sum-row", 2000);
  text = text.edited({at, at + 7}, "row-missing");
  auto found = scanner.find(text);
  EXPECT_TRUE(same(found, findSuppressionComments(text)));
  EXPECT_EQ(found.front().codes, std::vector<std::string>{"balance"});
}

TEST(ApplySuppressions, NoCommentsChangesNothing) {
  SourceText text(example());
  auto findings = builtinAnalyzer().analyze(text).findings;
  EXPECT_EQ(applySuppressions(text, findings, "zh", knownCode), findings);
}

TEST(ApplySuppressions, DisableNextLineAboveAHeading) {
  Suppressed s(replaced(example(), kPartFive, std::string("<!-- nianbao-disable-next-line section-title -->\n") + kPartFive));
  EXPECT_THAT(s.with("section-title"), IsEmpty());
  EXPECT_THAT(s.with("unused-suppression"), IsEmpty());
  EXPECT_EQ(s.with("sum-row").size(), 1u);
}

TEST(ApplySuppressions, ACommentLineInsideATableDoesNotBreakIt) {
  Checked before(example());
  Suppressed s(replaced(example(), kWrongTotalRow, std::string("<!-- nianbao-disable-next-line sum-row -->\n") + kWrongTotalRow));
  EXPECT_THAT(s.with("sum-row"), IsEmpty());
  // Everything else as without the comment: the table reads the same.
  std::vector<std::string> expected;
  for (const auto& code : before.codes())
    if (code != "sum-row") expected.push_back(code);
  EXPECT_EQ(s.codes(), expected);
}

TEST(ApplySuppressions, DisableAndEnableAroundATableForOneCode) {
  std::string text = replaced(example(), "### 三、收到和处理政府信息公开申请情况\n",
                              "### 三、收到和处理政府信息公开申请情况\n<!-- nianbao-disable sum-row balance -->\n");
  text = replaced(text, "#### 四、政府信息公开行政复议", "<!-- nianbao-enable sum-row balance -->\n#### 四、政府信息公开行政复议");
  Suppressed s(text);
  EXPECT_THAT(s.with("sum-row"), IsEmpty());
  EXPECT_THAT(s.with("balance"), IsEmpty());
  EXPECT_EQ(s.with("row-missing").size(), 1u);  // another code in the same table
  EXPECT_EQ(s.with("sum-review").size(), 1u);   // the same kind of code after the enable
  EXPECT_THAT(s.with("unused-suppression"), IsEmpty());
}

TEST(ApplySuppressions, DisableWithoutCodesSuppressesEverythingAfterIt) {
  Suppressed s(replaced(example(), "#### 四、政府信息公开行政复议", "<!-- nianbao-disable -->\n#### 四、政府信息公开行政复议"));
  // label-mismatch (32), sum-row, balance (51) and row-missing (68) come before it.
  EXPECT_THAT(s.codes(), ElementsAre("label-mismatch", "sum-row", "balance", "row-missing"));
}

TEST(ApplySuppressions, ReportsASuppressionThatSuppressesNothing) {
  std::string bytes = replaced(example(), kPartFive, std::string("<!-- nianbao-disable-next-line fee-conflict -->\n") + kPartFive);
  Suppressed s(bytes);
  auto unused = s.with("unused-suppression");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0]->severity, Severity::Info);
  EXPECT_EQ(s.at(unused[0]->range), "fee-conflict");
  EXPECT_EQ(unused[0]->message, "nianbao-disable-next-line fee-conflict 没有屏蔽任何问题，可以删除");
  EXPECT_EQ(s.with("section-title").size(), 1u);
  // The fix removes the comment's line, giving back the example.
  ASSERT_TRUE(unused[0]->fix);
  EXPECT_EQ(applyEdits(bytes, unused[0]->fix->edits), example());
}

TEST(ApplySuppressions, OneUnusedCodeOfTwoIsRemovedAlone) {
  std::string bytes = replaced(example(), kPartFive, std::string("<!-- nianbao-disable-next-line fee-conflict, section-title -->\n") + kPartFive);
  Suppressed s(bytes, "en");
  auto unused = s.with("unused-suppression");
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0]->message, "nianbao-disable-next-line fee-conflict suppresses nothing; it can be removed");
  EXPECT_THAT(s.with("section-title"), IsEmpty());
  ASSERT_TRUE(unused[0]->fix);
  EXPECT_EQ(applyEdits(bytes, unused[0]->fix->edits),
            replaced(example(), kPartFive, std::string("<!-- nianbao-disable-next-line section-title -->\n") + kPartFive));
}

TEST(ApplySuppressions, UnknownCodesAndStrayEnables) {
  Suppressed s(replaced(example(), kPartFive,
                        std::string("<!-- nianbao-disable-next-line sum-rows -->\n<!-- nianbao-enable balance -->\n") + kPartFive));
  auto unused = s.with("unused-suppression");
  ASSERT_EQ(unused.size(), 2u);
  EXPECT_EQ(unused[0]->message, "没有规则的代码是 sum-rows，这条屏蔽不起作用");
  EXPECT_EQ(s.at(unused[0]->range), "sum-rows");
  EXPECT_EQ(unused[1]->message, "nianbao-enable balance 之前没有对应的 nianbao-disable，可以删除");
}

TEST(ApplySuppressions, ACommentAloneInAPartDoesNotMakeItSayAnything) {
  // Part 五 with only a comment under its heading is still empty.
  std::string text = example();
  std::size_t from = text.find(kPartFive), to = text.find("#### 六、");
  text.replace(from, to - from, std::string(kPartFive) + "\n\n<!-- nianbao-disable-next-line fee-conflict -->\n\n");
  Checked c(text);
  EXPECT_EQ(c.with("part-empty").size(), 1u) << c.describe();
}

TEST(SuppressionFix, InATableWrapsTheTable) {
  std::string bytes = example();
  Checked c(bytes);
  auto sumRow = c.with("sum-row");
  ASSERT_EQ(sumRow.size(), 1u);
  auto fix = suppressionFix(c.text, *sumRow[0], "zh");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->title, "在这张表中屏蔽 sum-row");
  std::string after = applyEdits(bytes, fix->edits);
  EXPECT_NE(after.find("<!-- nianbao-disable sum-row -->\n| (本列数据的勾稽关系为"), std::string::npos);
  EXPECT_NE(after.find("| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n<!-- nianbao-enable sum-row -->\n"),
            std::string::npos);
  Suppressed s(after);
  EXPECT_THAT(s.with("sum-row"), IsEmpty());
  EXPECT_THAT(s.with("unused-suppression"), IsEmpty());
  EXPECT_EQ(s.with("balance").size(), 1u);
}

TEST(SuppressionFix, OutsideATableAboveTheLineAndThenBesideTheFirstCode) {
  std::string bytes = example();
  Checked c(bytes);
  auto title = c.with("section-title");
  ASSERT_EQ(title.size(), 1u);
  auto fix = suppressionFix(c.text, *title[0], "en");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->title, "Suppress section-title here");
  std::string after = applyEdits(bytes, fix->edits);
  EXPECT_EQ(after, replaced(bytes, kPartFive, std::string("<!-- nianbao-disable-next-line section-title -->\n") + kPartFive));
  // A second code for the same line joins the comment.
  Finding other = *title[0];
  other.code = "part-empty";
  other.range.begin += after.size() - bytes.size();
  other.range.end += after.size() - bytes.size();
  SourceText afterText(after);
  auto second = suppressionFix(afterText, other, "en");
  ASSERT_TRUE(second);
  EXPECT_EQ(applyEdits(after, second->edits),
            replaced(bytes, kPartFive, std::string("<!-- nianbao-disable-next-line section-title part-empty -->\n") + kPartFive));
}

TEST(SuppressionFix, KeepsCrlfLineEndings) {
  std::string bytes = example();
  std::string crlf;
  for (char ch : bytes) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  Checked c(crlf);
  auto title = c.with("section-title");
  ASSERT_EQ(title.size(), 1u);
  auto fix = suppressionFix(c.text, *title[0], "zh");
  ASSERT_TRUE(fix);
  std::string after = applyEdits(crlf, fix->edits);
  EXPECT_NE(after.find("<!-- nianbao-disable-next-line section-title -->\r\n#### 五、"), std::string::npos);
  EXPECT_THAT(Suppressed(after).with("section-title"), IsEmpty());
}

TEST(SuppressionFix, NoneForAnUnusedSuppression) {
  Finding f{"unused-suppression", Severity::Info, {0, 1}, "", std::nullopt, {}};
  SourceText text(example());
  EXPECT_FALSE(suppressionFix(text, f, "zh"));
}

}  // namespace
}  // namespace nianbao::testing
