// part-empty on edited copies of the example (part 五's heading on line 83,
// 示例镇政府信息公开工作存在以下问题： on line 85, the improvements from
// 针对这些问题，整改措施如下： on line 92 to line 100, part 六 on line 102),
// on seed 004 and on the report skeleton.
#include "features/Skeleton.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

constexpr const char* kPartFive = "#### 五、存在的主要问题和改进措施\n";
constexpr const char* kPartSix = "#### 六、其他需要报告的事项";

std::string example() { return readFile(NIANBAO_EXAMPLE); }

// The example with part 五's body (lines 84–101) replaced by `body`.
std::string withPartFive(const std::string& body) {
  std::string text = example();
  std::size_t from = text.find(kPartFive), to = text.find(kPartSix);
  EXPECT_NE(from, std::string::npos);
  EXPECT_NE(to, std::string::npos);
  from += std::string(kPartFive).size();
  return text.replace(from, to - from, body);
}

// Lines 84–91 of the example: the problems, without the improvements.
std::string problemsOnly() {
  std::string text = example(), body = "\n";
  std::size_t from = text.find("示例镇政府信息公开工作存在以下问题"), to = text.find("针对这些问题");
  return body.append(text, from, to - from);
}

void expectEmpty(const Checked& c) {
  auto found = c.with("part-empty");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(c.line(*found[0]), 83u);
  EXPECT_EQ(c.at(found[0]->range), "五、存在的主要问题和改进措施");
  EXPECT_EQ(found[0]->message, "第五部分“存在的主要问题及改进情况”还没有写内容");
  EXPECT_TRUE(found[0]->related.empty());
}

TEST(PartEmpty, NothingUnderTheHeading) { expectEmpty(Checked(withPartFive("\n\n"))); }

TEST(PartEmpty, OnlySubHeadingsAndAPageFooter) {
  expectEmpty(Checked(withPartFive("\n（一）存在的主要问题\n\n-3-\n\n### (二) 改进措施：\n\n**下一步工作**\n\n")));
}

TEST(PartEmpty, ProblemsWithoutImprovements) {
  // The heading's own 改进措施 is the template's wording, not an improvement.
  Checked c(withPartFive(problemsOnly()));
  auto found = c.with("part-empty");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(c.line(*found[0]), 83u);
  EXPECT_EQ(c.at(found[0]->range), "五、存在的主要问题和改进措施");
  EXPECT_EQ(found[0]->message, "第五部分“存在的主要问题及改进情况”写了存在的问题，却没有写改进措施");
  ASSERT_EQ(found[0]->related.size(), 1u);
  EXPECT_EQ(c.text.lineOf(found[0]->related[0].range.begin) + 1, 85u);
  EXPECT_EQ(c.at(found[0]->related[0].range), "存在以下问题");
  EXPECT_EQ(found[0]->related[0].message, "存在的问题写在这里");
}

TEST(PartEmpty, ImprovementsInOtherWords) {
  for (const char* improvements : {"下一步，我镇将建立信息发布快速响应机制。", "今后将安排专人负责信息监控。",
                                   "针对存在的问题，下阶段将做好以下工作：一是强化公开时效。"}) {
    Checked c(withPartFive(problemsOnly() + improvements + "\n\n"));
    EXPECT_THAT(c.with("part-empty"), ::testing::IsEmpty()) << improvements << "\n" << c.describe();
  }
}

TEST(PartEmpty, ProseNamingNoProblemIsNotJudged) {
  // 无 says there is nothing to report; whether that is true is for a reader.
  EXPECT_THAT(Checked(withPartFive("\n无。\n\n")).with("part-empty"), ::testing::IsEmpty());
}

TEST(PartEmpty, AMissingPartIsSectionMissingsAlone) {
  std::string text = example();
  std::size_t from = text.find(kPartFive), to = text.find(kPartSix);
  Checked c(text.erase(from, to - from));
  EXPECT_THAT(c.with("part-empty"), ::testing::IsEmpty()) << c.describe();
  EXPECT_THAT(c.codes(), ::testing::Contains("section-missing"));
}

TEST(PartEmpty, SubHeadingsOfSeed004CountAsCues) {
  // Seed 004: part 五 on line 407, （一）存在的主要问题 on 408, （二）改进措施 on
  // 418; without the improvements the sub-heading of problems remains.
  std::string text = readFile(std::string(NIANBAO_SHARED) + "/corpus/seeds/004_006f0a812b9c2fe0.txt");
  std::size_t from = text.find("（二）改进措施"), to = text.find("六、其他需要报告的事项");
  ASSERT_NE(from, std::string::npos);
  Checked c(text.erase(from, to - from));
  auto found = c.with("part-empty");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.line(*found[0]), 407u);
  EXPECT_EQ(c.at(found[0]->range), "五、存在的主要问题及改进情况");
  ASSERT_EQ(found[0]->related.size(), 1u);
  EXPECT_EQ(c.text.lineOf(found[0]->related[0].range.begin) + 1, 408u);
  EXPECT_EQ(c.at(found[0]->related[0].range), "存在的主要问题");
}

TEST(PartEmpty, MessagesInEnglish) {
  const Analyzer english(governmentInformationDisclosure2021(), "en");
  SourceText text(withPartFive(problemsOnly()));
  Analysis a = english.analyze(text);
  auto it = std::find_if(a.findings.begin(), a.findings.end(), [](const Finding& f) { return f.code == "part-empty"; });
  ASSERT_NE(it, a.findings.end());
  EXPECT_EQ(it->message, "Part 五 “存在的主要问题及改进情况” names problems but says nothing of how they will be remedied");
  ASSERT_EQ(it->related.size(), 1u);
  EXPECT_EQ(it->related[0].message, "the problems are named here");
}

// A skeleton has every part empty; its writer is not nagged about part 五
// before writing anything, but is once part 一 has a sentence.
class PartEmptySkeleton : public ::testing::TestWithParam<RowLayout> {};

TEST_P(PartEmptySkeleton, SilentUntilPartOneHasProse) {
  std::string skeleton = reportSkeleton(builtinAnalyzer().tmpl(), GetParam(), "\n");
  EXPECT_THAT(Checked(skeleton).with("part-empty"), ::testing::IsEmpty());
  std::string heading = "一、总体情况\n";
  std::string written = replaced(skeleton, heading, heading + "\n2024 年，本机关认真贯彻《中华人民共和国政府信息公开条例》。\n");
  Checked c(written);
  auto found = c.with("part-empty");
  ASSERT_EQ(found.size(), 1u) << c.describe();
  EXPECT_EQ(c.line(*found[0]), c.text.lineOf(written.find("五、存在的主要问题及改进情况")) + 1);
  EXPECT_EQ(c.at(found[0]->range), "五、存在的主要问题及改进情况");
  EXPECT_EQ(found[0]->message, "第五部分“存在的主要问题及改进情况”还没有写内容");
}

INSTANTIATE_TEST_SUITE_P(MarkdownAndPlain, PartEmptySkeleton, ::testing::Values(RowLayout::Pipes, RowLayout::Tabs));

TEST(PartEmpty, SilentOnTheCorpusAndTheExample) {
  // Every corpus report with a part 五 names both problems and improvements.
  auto files = corpusFiles();
  ASSERT_GE(files.size(), 12u);
  for (const auto& path : files) {
    Checked c(readFile(path.string()));
    EXPECT_THAT(c.with("part-empty"), ::testing::IsEmpty()) << path << "\n" << c.describe();
  }
  EXPECT_THAT(Checked(example()).with("part-empty"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace nianbao::testing
