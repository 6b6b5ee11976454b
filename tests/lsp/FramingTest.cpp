#include "Framing.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nianbao::lsp {
namespace {

using Kind = FramedEvent::Kind;

std::vector<FramedEvent> drain(MessageReader& reader) {
  std::vector<FramedEvent> out;
  while (auto e = reader.next()) out.push_back(std::move(*e));
  return out;
}

TEST(Framing, FramesWithTheByteLength) {
  // 总计 is six bytes in UTF-8: Content-Length counts bytes, not characters.
  EXPECT_EQ(frameMessage(R"({"a":"总计"})"), "Content-Length: 14\r\n\r\n{\"a\":\"总计\"}");
}

TEST(MessageReader, TwoMessagesInOneRead) {
  MessageReader reader;
  reader.feed(frameMessage("{\"id\":1}") + frameMessage("{\"id\":2}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].body, "{\"id\":1}");
  EXPECT_EQ(events[1].body, "{\"id\":2}");
  EXPECT_EQ(reader.pending(), 0u);
}

TEST(MessageReader, OneByteAtATime) {
  MessageReader reader;
  std::string framed = frameMessage(R"({"method":"textDocument/didOpen","text":"一、总体情况𠮷"})");
  std::vector<FramedEvent> events;
  for (char c : framed) {
    reader.feed(std::string_view(&c, 1));
    while (auto e = reader.next()) events.push_back(*e);
  }
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, Kind::Message);
  EXPECT_EQ(events[0].body, R"({"method":"textDocument/didOpen","text":"一、总体情况𠮷"})");
}

TEST(MessageReader, HeaderNamesAnyCaseContentTypeAndLoneLineFeeds) {
  MessageReader reader;
  reader.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  reader.feed("Content-Length: 3\n\n[1]");
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].body, "{}");
  EXPECT_EQ(events[1].body, "[1]");
}

TEST(MessageReader, AMessageWithoutLengthIsReportedAndTheNextOneStillArrives) {
  MessageReader reader;
  reader.feed("Content-Type: application/json\r\n\r\n{\"id\":1}" + frameMessage("{\"id\":2}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, Kind::Error);
  EXPECT_THAT(events[0].error, ::testing::HasSubstr("without Content-Length"));
  EXPECT_EQ(events[1].kind, Kind::Message);
  EXPECT_EQ(events[1].body, "{\"id\":2}");
}

TEST(MessageReader, AGarbledLengthIsNamed) {
  MessageReader reader;
  reader.feed("Content-Length: 12abc\r\n\r\n{}" + frameMessage("{}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_THAT(events[0].error, ::testing::HasSubstr("Content-Length is not a number: \"12abc\""));
  EXPECT_EQ(events[1].body, "{}");
}

TEST(MessageReader, AnOversizedMessageIsSkippedEvenWhenItArrivesInPieces) {
  MessageReader reader(16);
  std::string big(40, 'x');
  reader.feed("Content-Length: 40\r\n\r\n" + big.substr(0, 10));
  auto first = drain(reader);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_THAT(first[0].error, ::testing::HasSubstr("40 bytes is over the limit of 16"));
  reader.feed(big.substr(10) + frameMessage("{\"ok\":1}"));
  auto rest = drain(reader);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].body, "{\"ok\":1}");
}

TEST(MessageReader, AnEndlessHeaderIsCutOff) {
  MessageReader reader;
  reader.feed(std::string(kMaxHeaderBytes + 10, 'h') + "Content-Len");
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, Kind::Error);
  reader.feed(frameMessage("{}").substr(std::string("Content-Len").size()));
  auto after = drain(reader);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].body, "{}");
}

TEST(MessageReader, WaitsForTheWholeBody) {
  MessageReader reader;
  reader.feed("Content-Length: 10\r\n\r\n{\"a\":");
  EXPECT_FALSE(reader.next());
  reader.feed("1234}");
  auto e = reader.next();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->body, "{\"a\":1234}");
}

}  // namespace
}  // namespace nianbao::lsp
