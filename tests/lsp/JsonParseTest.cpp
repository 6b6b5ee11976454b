#include "JsonParse.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nianbao::lsp {
namespace {

using nlohmann::json;

// Whatever simdjson accepts must give the value nlohmann's parser gives, of
// the same JSON type (the server tells integers from unsigned and doubles).
TEST(JsonParse, GivesWhatNlohmannGives) {
  const std::vector<std::string> texts = {
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})",
      R"({"id":-7,"n":18446744073709551615,"m":9223372036854775807,"x":1.5,"e":1e3,"f":false,"t":true,"u":null})",
      R"({"text":"总计\t1\r\n𠮷 \u4e00 \ud842\udfb7 \"quoted\" \\ /","list":[1,[2,[3,{}]],[]]})",
      R"({"a":1,"a":2})",
      R"([])",
      R"("just a string")",
      R"(  {"spaced" : [ 1 , 2 ] }  )",
  };
  for (const auto& text : texts) {
    json want = json::parse(text);
    json got = parseJson(text);
    EXPECT_EQ(got, want) << text;
    EXPECT_EQ(got.dump(), want.dump()) << text;
    // (One known difference: nlohmann keeps -0 a signed integer, the DOM
    // cannot tell it from 0 and it becomes unsigned; equal values either way.)
    if (want.is_object()) {
      for (const auto& [key, value] : want.items()) EXPECT_EQ(got[key].type(), value.type()) << text << " " << key;
    }
  }
}

// What either parser refuses is refused with nlohmann's own message.
TEST(JsonParse, RefusesWhatNlohmannRefusesWithItsMessage) {
  const std::vector<std::string> texts = {
      R"({"id":1,)", R"({"text":"\ud800"})", R"({"text":"\udc00"})", "{\"text\":\"\xE4\xB8\"}",
      "{\"\xFF\":1}", R"({'single':1})", "", R"({"a":1} trailing)"};
  for (const auto& text : texts) {
    std::string want;
    try {
      [[maybe_unused]] json parsed = json::parse(text);
    } catch (const json::parse_error& e) {
      want = e.what();
    }
    ASSERT_FALSE(want.empty()) << "nlohmann accepts " << text;
    try {
      [[maybe_unused]] json parsed = parseJson(text);
      ADD_FAILURE() << "accepted " << text;
    } catch (const json::parse_error& e) {
      EXPECT_EQ(e.what(), want) << text;
    }
  }
}

TEST(RepairedJsonText, ValidTextNeedsNoRepair) {
  EXPECT_FALSE(repairedJsonText(R"({"text":"总计 \ud842\udfb7 \\ud800 \"\u4e00"})"));
}

TEST(RepairedJsonText, IllFormedUtf8BecomesReplacementCharacters) {
  // A Latin-1 "é" (0xE9) and a UTF-8 "总" cut after its first two bytes.
  std::string bad = "{\"text\":\"caf\xE9 \xE6\x80\"}";
  auto repaired = repairedJsonText(bad);
  ASSERT_TRUE(repaired);
  EXPECT_EQ(*repaired, "{\"text\":\"caf\xEF\xBF\xBD \xEF\xBF\xBD\"}");
  EXPECT_EQ(parseJson(*repaired)["text"], "caf\xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST(RepairedJsonText, UnpairedSurrogateEscapesBecomeFffdAndPairsStay) {
  // A high half alone, a low half alone, a high half before a non-surrogate
  // escape, and a whole pair (U+20BB7 𠮷) that must stay.
  std::string text = R"({"a":"x\uD800y","b":"\udc00","c":"\ud800\u0041","d":"\ud842\udfb7"})";
  EXPECT_THROW(parseJson(text), nlohmann::json::parse_error);
  auto repaired = repairedJsonText(text);
  ASSERT_TRUE(repaired);
  nlohmann::json value = parseJson(*repaired);
  EXPECT_EQ(value["a"], "x\xEF\xBF\xBDy");
  EXPECT_EQ(value["b"], "\xEF\xBF\xBD");
  EXPECT_EQ(value["c"], "\xEF\xBF\xBD" "A");
  EXPECT_EQ(value["d"], "𠮷");
}

TEST(RepairedJsonText, EscapedBackslashesAndTextOutsideStringsAreNotEscapes) {
  // "\\ud800" is a backslash then the letters ud800; a \u outside a string
  // is invalid JSON that repair leaves for the parser to refuse.
  EXPECT_FALSE(repairedJsonText(R"({"a":"\\ud800"})"));
  EXPECT_FALSE(repairedJsonText(R"({"a":1} \ud800)"));
}

}  // namespace
}  // namespace nianbao::lsp
