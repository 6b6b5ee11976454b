#include "parse/Headings.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

const LabelIndex& labels() {
  static const LabelIndex index(governmentInformationDisclosure2021());
  return index;
}

std::optional<PartHeading> part(std::string_view line) {
  SourceText text(line);
  return parsePartHeading(text, 0, labels());
}

TEST(PartHeading, EveryDress) {
  for (std::string_view line : {"一、总体情况", "## 一、总体情况", "#### 一、总体情况", "   一、总体情况",
                                "**一、总体情况**", "一.总体情况", "一、 总体情况", "\f  一、总体情况",
                                "\u200B一、总体情况"}) {
    auto h = part(line);
    ASSERT_TRUE(h) << line;
    EXPECT_EQ(h->part, 0) << line;
    EXPECT_EQ(h->title, "总体情况") << line;
  }
}

TEST(PartHeading, RangesAndMarkup) {
  auto h = part("## 三、收到和处理政府信息公开申请情况");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->markup, "## ");
  EXPECT_EQ(h->headingRange.begin, 3u);
  EXPECT_EQ(h->titleRange.begin, 3u + 3 + 3);  // 三 and 、 are three bytes each
  EXPECT_EQ(h->numeral, "三");
}

TEST(PartHeading, TextOnTheSameLine) {
  auto h = part("六、其他需要报告的事项：无。");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->part, 5);
  EXPECT_EQ(h->title, "其他需要报告的事项");
}

TEST(PartHeading, ProseAndTableRowsAreNotHeadings) {
  for (std::string_view line : {"一是公开信息的主动性不强。", "1.信息公开的全面性不足。", "四、结转下年度继续办理",
                                "三、本年度办理结果", "二、上年结转政府信息公开申请数量\t0\t0",
                                "一、会议内容", "2024 年，霄云镇高度重视政府信息公开工作"}) {
    EXPECT_FALSE(part(line)) << line;
  }
}

TEST(TopicHeading, FullAndHalfWidth) {
  for (std::string_view line : {"（一）主动公开情况", "(一) 主动公开：2024 年，", "### （一）主动公开：",
                                "     （一）主动公开情况。2024 年，市政府网站"}) {
    SourceText text(line);
    auto h = parseTopicHeading(text, 0, labels());
    ASSERT_TRUE(h) << line;
    EXPECT_EQ(h->topic, 0);
  }
  SourceText other("（三）处理群众咨询和投诉工作情况");
  EXPECT_FALSE(parseTopicHeading(other, 0, labels()));
}

}  // namespace
}  // namespace nianbao::testing
