// The batch's progress line (cli/Progress.h): the text of the line, and what
// a Progress writes to its stream, drawn and erased.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "Progress.h"

namespace {

using nianbao::cli::Progress;

std::string bar(int filled, int width) {
  return "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), '.') + "]";
}

TEST(ProgressLine, ABarOfTheFilesDoneTheCountAndTheRate) {
  EXPECT_EQ(Progress::line(0, 4, 0.0, 8), bar(0, 8) + " 0/4 files, 0 files/s");
  EXPECT_EQ(Progress::line(1, 4, 0.5, 8), bar(2, 8) + " 1/4 files, 2 files/s");
  EXPECT_EQ(Progress::line(3, 4, 1.0, 8), bar(6, 8) + " 3/4 files, 3 files/s");
  EXPECT_EQ(Progress::line(4, 4, 2.0, 8), bar(8, 8) + " 4/4 files, 2 files/s");
}

TEST(ProgressLine, TheBarIsThirtyColumnsUnlessToldOtherwise) {
  EXPECT_EQ(Progress::line(15, 30, 3.0), bar(15, 30) + " 15/30 files, 5 files/s");
  EXPECT_EQ(Progress::line(1000, 1000, 4.0), bar(30, 30) + " 1000/1000 files, 250 files/s");
}

TEST(ProgressLine, APartColumnIsNotFilled) {
  // 2 of 3 of 10 columns is 6.67: six filled; 1 of 1000 of 30 is none.
  EXPECT_EQ(Progress::line(2, 3, 1.0, 10), bar(6, 10) + " 2/3 files, 2 files/s");
  EXPECT_EQ(Progress::line(1, 1000, 1.0), bar(0, 30) + " 1/1000 files, 1 files/s");
  EXPECT_EQ(Progress::line(999, 1000, 1.0), bar(29, 30) + " 999/1000 files, 999 files/s");
}

TEST(ProgressLine, TheRateIsRoundedToWholeFiles) {
  EXPECT_EQ(Progress::line(10, 20, 3.0, 4), bar(2, 4) + " 10/20 files, 3 files/s");   // 3.33
  EXPECT_EQ(Progress::line(20, 20, 3.0, 4), bar(4, 4) + " 20/20 files, 7 files/s");   // 6.67
  EXPECT_EQ(Progress::line(1, 20, 10.0, 4), bar(0, 4) + " 1/20 files, 0 files/s");    // 0.1
}

TEST(ProgressLine, NoTimeYetIsNoRateAndNoFilesIsAFullBar) {
  EXPECT_EQ(Progress::line(5, 10, 0.0, 10), bar(5, 10) + " 5/10 files, 0 files/s");
  EXPECT_EQ(Progress::line(0, 0, 0.0, 5), bar(5, 5) + " 0/0 files, 0 files/s");
}

TEST(ProgressOutput, DisabledWritesNothing) {
  std::ostringstream out;
  {
    Progress p(out, 3, false);
    p.advance();
    p.advance();
    p.advance();
    p.finish();
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressOutput, NothingDrawnNothingErased) {
  std::ostringstream out;
  { Progress p(out, 3, true); }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressOutput, TheFirstAndTheLastFileAreDrawnThenTheLineIsErased) {
  // Two files: the first draw is never held back, nor the last (done == total).
  std::ostringstream out;
  {
    Progress p(out, 2, true);
    p.advance();
    p.advance();
  }
  std::regex expected(R"(\r\[#{15}\.{15}\] 1/2 files, \d+ files/s\x1b\[K)"
                      R"(\r\[#{30}\] 2/2 files, \d+ files/s\x1b\[K)"
                      R"(\r\x1b\[K)");
  EXPECT_TRUE(std::regex_match(out.str(), expected)) << ::testing::PrintToString(out.str());
}

TEST(ProgressOutput, RedrawsAreHeldBackWithinATenthOfASecond) {
  // The second of a hundred files, microseconds after the first: not drawn.
  std::ostringstream out;
  Progress p(out, 100, true);
  p.advance();
  p.advance();
  std::string drawn = out.str();
  EXPECT_EQ(drawn.find("2/100"), std::string::npos) << ::testing::PrintToString(drawn);
  EXPECT_NE(drawn.find(" 1/100 files, "), std::string::npos);
  p.finish();
  EXPECT_THAT(out.str(), ::testing::EndsWith("\x1b[K\r\x1b[K"));
}

TEST(ProgressOutput, FinishErasesOnceAndAdvanceAfterItDrawsNothing) {
  std::ostringstream out;
  Progress p(out, 3, true);
  p.advance();
  p.finish();
  std::string once = out.str();
  EXPECT_THAT(once, ::testing::EndsWith("\x1b[K\r\x1b[K"));
  p.finish();
  p.advance();
  EXPECT_EQ(out.str(), once);
}

TEST(ProgressOutput, ManyThreadsDrawWholeLines) {
  std::ostringstream out;
  {
    Progress p(out, 4000, true);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 1000; ++i) p.advance();
      });
    for (auto& t : threads) t.join();
  }
  std::regex whole(R"((\r\[[#.]{30}\] \d+/4000 files, \d+ files/s\x1b\[K)+\r\x1b\[K)");
  EXPECT_TRUE(std::regex_match(out.str(), whole)) << ::testing::PrintToString(out.str());
}

}  // namespace
