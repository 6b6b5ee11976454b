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

TEST(MessageReader, ANegativeLengthIsNamed) {
  MessageReader reader;
  reader.feed("Content-Length: -5\r\n\r\n{}" + frameMessage("{\"id\":2}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_THAT(events[0].error, ::testing::HasSubstr("Content-Length is negative: \"-5\""));
  EXPECT_EQ(events[1].body, "{\"id\":2}");
}

TEST(MessageReader, ADuplicateLengthUsesTheLastAndWarns) {
  MessageReader reader;
  reader.feed("Content-Length: 99\r\nContent-Length: 2\r\n\r\n{}" + frameMessage("{\"id\":2}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, Kind::Message);
  EXPECT_EQ(events[0].body, "{}");
  EXPECT_THAT(events[0].warning, ::testing::HasSubstr("Content-Length given twice (99, then 2)"));
  EXPECT_EQ(events[1].body, "{\"id\":2}");
  EXPECT_EQ(events[1].warning, "");
}

TEST(MessageReader, ALengthTooLargeForAnyIntegerIsRefusedAndTheNextMessageFound) {
  MessageReader reader;
  reader.feed("Content-Length: 99999999999999999999999\r\n\r\n{\"id\":1}" + frameMessage("{\"id\":2}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_THAT(events[0].error, ::testing::HasSubstr("too large"));
  EXPECT_THAT(events[1].error, ::testing::HasSubstr("ended after 8 bytes"));
  EXPECT_EQ(events[2].body, "{\"id\":2}");
}

TEST(MessageReader, AFalseHugeLengthDoesNotSwallowTheMessagesAfterIt) {
  // 2 GB announced, a short body, then real messages arriving in pieces.
  MessageReader reader(1u << 20);
  std::string stream = "Content-Length: 2147483648\r\n\r\n{\"id\":1}" + frameMessage("{\"id\":2}") +
                       frameMessage("{\"id\":3}");
  std::vector<FramedEvent> events;
  for (std::size_t i = 0; i < stream.size(); i += 5) {
    reader.feed(std::string_view(stream).substr(i, 5));
    while (auto e = reader.next()) events.push_back(*e);
  }
  ASSERT_EQ(events.size(), 4u);
  EXPECT_THAT(events[0].error, ::testing::HasSubstr("2147483648 bytes is over the limit"));
  EXPECT_EQ(events[1].kind, Kind::Error);
  EXPECT_EQ(events[2].body, "{\"id\":2}");
  EXPECT_EQ(events[3].body, "{\"id\":3}");
}

TEST(MessageReader, ARealOversizedJsonBodyIsSkippedWholeEvenIfItQuotesAHeader) {
  // JSON cannot hold a raw line break in a string, so a quoted header in a
  // body is never taken for a real one.
  MessageReader reader(16);
  std::string body = R"({"text":"Content-Length: 5\r\n\r\nhello","n":[1,2,3]})";
  reader.feed("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body + frameMessage("{\"ok\":1}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, Kind::Error);
  EXPECT_EQ(events[1].body, "{\"ok\":1}");
}

TEST(MessageReader, AHeaderWithoutTheBlankLineLosesOnlyItsOwnMessage) {
  // The body follows the length line directly; the next message is intact.
  MessageReader reader;
  reader.feed("Content-Length: 8\r\n{\"id\":1}" + frameMessage("{\"id\":2}"));
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, Kind::Error);
  EXPECT_EQ(events[1].body, "{\"id\":2}");
}

TEST(MessageReader, UnfinishedSaysWhatTheInputEndedIn) {
  MessageReader clean;
  clean.feed(frameMessage("{}") + "\r\n");
  drain(clean);
  EXPECT_FALSE(clean.unfinished());

  MessageReader shortBody;
  shortBody.feed("Content-Length: 100\r\n\r\n{\"id\":1,");
  EXPECT_TRUE(drain(shortBody).empty());
  ASSERT_TRUE(shortBody.unfinished());
  EXPECT_THAT(*shortBody.unfinished(), ::testing::HasSubstr("8 of the 100 bytes"));

  MessageReader halfHeader;
  halfHeader.feed("Content-Len");
  drain(halfHeader);
  ASSERT_TRUE(halfHeader.unfinished());
  EXPECT_THAT(*halfHeader.unfinished(), ::testing::HasSubstr("header"));
}

TEST(MessageReader, ABodyShorterThanAnnouncedEndsAtTheNextHeader) {
  // 40 bytes announced, 8 sent, then two whole messages: whether the rest
  // arrives at once or later, only the short one is lost.
  std::string stream = "Content-Length: 40\r\n\r\n{\"id\":1}" + frameMessage("{\"id\":2}") + frameMessage("{\"id\":3}");
  for (std::size_t piece : {stream.size(), std::size_t{1}, std::size_t{7}}) {
    SCOPED_TRACE(piece);
    MessageReader reader;
    std::vector<FramedEvent> events;
    for (std::size_t i = 0; i < stream.size(); i += piece) {
      reader.feed(std::string_view(stream).substr(i, piece));
      while (auto e = reader.next()) events.push_back(*e);
    }
    ASSERT_EQ(events.size(), 3u);
    EXPECT_THAT(events[0].error, ::testing::HasSubstr("announced as 40 bytes ended after 8"));
    EXPECT_EQ(events[1].body, "{\"id\":2}");
    EXPECT_EQ(events[2].body, "{\"id\":3}");
  }
}

TEST(MessageReader, PrettyPrintedJsonWithLineBreaksIsABodyLikeAnyOther) {
  MessageReader reader;
  std::string body = "{\r\n  \"content-length\": 12,\r\n  \"id\": 1\r\n}";
  reader.feed("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  auto events = drain(reader);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].body, body);
}

}  // namespace
}  // namespace nianbao::lsp
