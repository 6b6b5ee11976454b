#include "text/Pinyin.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace nianbao {
namespace {

TEST(Pinyin, SpellsEachCharacterAndTakesItsInitial) {
  Pinyin p = pinyinOf("主动公开");
  EXPECT_EQ(p.full, "zhudonggongkai");
  EXPECT_EQ(p.initials, "zdgk");
}

TEST(Pinyin, ReadsXingInXingzheng) {
  // 行 has two readings (xíng, háng); every label here is 行政…, read xíng.
  // ICU's Han-Latin gives xíng for 行 on its own, so the label comes out right.
  Pinyin p = pinyinOf("行政复议");
  EXPECT_EQ(p.full, "xingzhengfuyi");
  EXPECT_EQ(p.initials, "xzfy");
  EXPECT_EQ(pinyinOf("行政许可").initials, "xzxk");
}

TEST(Pinyin, ChineseNumeralsAreCharactersAndPunctuationIsDropped) {
  // 二 is read "er"; 、 is punctuation and disappears.
  Pinyin p = pinyinOf("二、主动公开政府信息情况");
  EXPECT_EQ(p.full, "erzhudonggongkaizhengfuxinxiqingkuang");
  // 政府 reads as one word in ICU but still gives two initials.
  EXPECT_EQ(p.initials, "ezdgkzfxxqk");
}

TEST(Pinyin, KeepsAsciiDigitsAndLettersInBoth) {
  Pinyin p = pinyinOf("3.危及“三安全一稳定”");
  EXPECT_EQ(p.full, "3weijisananquanyiwending");
  EXPECT_EQ(p.initials, "3wjsaqywd");
  Pinyin year = pinyinOf("2024年 PDF 报告");
  EXPECT_EQ(year.full, "2024nianPDFbaogao");
  EXPECT_EQ(year.initials, "2024nPDFbg");
}

TEST(Pinyin, FullWidthDigitsAndLettersBecomeAscii) {
  EXPECT_EQ(pinyinOf("２０２４年").full, "2024nian");
  EXPECT_EQ(pinyinOf("ＡＢｃ").initials, "ABc");
}

TEST(Pinyin, FoldsUmlautAndDropsWhatHasNoReading) {
  EXPECT_EQ(pinyinOf("女").full, "nu");
  // 𠮷 (outside the BMP) has no reading in ICU; emoji and spaces are not words.
  Pinyin p = pinyinOf("𠮷 主动 😀公开！");
  EXPECT_EQ(p.full, "zhudonggongkai");
  EXPECT_EQ(p.initials, "zdgk");
}

TEST(Pinyin, EmptyAndInvalidInput) {
  Pinyin empty = pinyinOf("");
  EXPECT_EQ(empty.full, "");
  EXPECT_EQ(empty.initials, "");
  EXPECT_EQ(pinyinFilterText(""), "");
  EXPECT_EQ(pinyinFilterText("、（）"), "");
  EXPECT_EQ(pinyinOf("\xff\xfe主动").full, "zhudong");
}

TEST(Pinyin, FilterTextIsFullThenInitials) {
  EXPECT_EQ(pinyinFilterText("监督保障"), "jiandubaozhang jdbz");
}

TEST(Pinyin, SameAnswerFromManyThreads) {
  // One shared transliterator behind a lock: concurrent callers must neither
  // crash nor see each other's half-done work.
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&results, i] {
      for (int k = 0; k < 50; ++k) results[i] = pinyinFilterText("收到和处理政府信息公开申请情况");
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results)
    EXPECT_EQ(r, "shoudaohechulizhengfuxinxigongkaishenqingqingkuang sdhclzfxxgksqqk");
}

}  // namespace
}  // namespace nianbao
