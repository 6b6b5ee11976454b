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
    if (want.is_object())
      for (const auto& [key, value] : want.items()) EXPECT_EQ(got[key].type(), value.type()) << text << " " << key;
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

}  // namespace
}  // namespace nianbao::lsp
