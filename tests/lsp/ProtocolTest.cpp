#include "Protocol.h"

#include "LspServer.h"
#include "rules/RuleDocs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nianbao::lsp {
namespace {

using nlohmann::json;

TEST(PositionEncoding, FirstSupportedInTheClientsOrder) {
  EXPECT_EQ(negotiatePositionEncoding(json::object()), PositionEncoding::Utf16);
  EXPECT_EQ(negotiatePositionEncoding(json::parse(R"({"general":{"positionEncodings":["utf-32","utf-8","utf-16"]}})")),
            PositionEncoding::Utf8);
  EXPECT_EQ(negotiatePositionEncoding(json::parse(R"({"general":{"positionEncodings":["utf-16","utf-8"]}})")),
            PositionEncoding::Utf16);
  EXPECT_EQ(negotiatePositionEncoding(json::parse(R"({"general":{"positionEncodings":["utf-32"]}})")),
            PositionEncoding::Utf16);
  EXPECT_EQ(negotiatePositionEncoding(json::parse(R"({"general":{"positionEncodings":"utf-8"}})")),
            PositionEncoding::Utf16);  // malformed: the default
}

// Line 1 is "𠮷一x": 𠮷 is 4 bytes / 2 UTF-16 units, 一 is 3 bytes / 1 unit.
const SourceText& sample() {
  static const SourceText text("总计\r\n𠮷一x\n");
  return text;
}

TEST(Positions, Utf16AndUtf8ColumnsOfTheSameCharacter) {
  std::size_t x = sample().str().find('x');
  EXPECT_EQ(toJson(sample(), x, PositionEncoding::Utf16), json::parse(R"({"line":1,"character":3})"));
  EXPECT_EQ(toJson(sample(), x, PositionEncoding::Utf8), json::parse(R"({"line":1,"character":7})"));
  std::string error;
  EXPECT_EQ(offsetFromJson(sample(), json::parse(R"({"line":1,"character":3})"), PositionEncoding::Utf16, &error), x);
  EXPECT_EQ(offsetFromJson(sample(), json::parse(R"({"line":1,"character":7})"), PositionEncoding::Utf8, &error), x);
}

TEST(Positions, PastTheEndIsClampedAndMalformedIsNamed) {
  std::string error;
  EXPECT_EQ(offsetFromJson(sample(), json::parse(R"({"line":0,"character":99})"), PositionEncoding::Utf16, &error),
            sample().lineEnd(0));
  EXPECT_EQ(offsetFromJson(sample(), json::parse(R"({"line":99,"character":0})"), PositionEncoding::Utf16, &error),
            sample().str().size());
  EXPECT_FALSE(offsetFromJson(sample(), json::parse(R"({"line":-1,"character":0})"), PositionEncoding::Utf16, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("position.line"));
  EXPECT_FALSE(offsetFromJson(sample(), json::parse(R"({"line":0})"), PositionEncoding::Utf16, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("position.character"));
  EXPECT_FALSE(rangeFromJson(sample(), json::parse(R"({"start":{"line":1,"character":1},"end":{"line":0,"character":0}})"),
                             PositionEncoding::Utf16, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("before"));
}

TEST(Diagnostic, CarriesCodeSourceSeverityAndRange) {
  Finding f{"sum-row", Severity::Error, {sample().str().find("一"), sample().str().find('x')},
            "总计应为 1（1+0+0+0+0+0），实为 2", std::nullopt};
  json d = diagnosticJson(sample(), f, PositionEncoding::Utf16);
  EXPECT_EQ(d["code"], "sum-row");
  EXPECT_EQ(d["source"], "nianbao");
  EXPECT_EQ(d["severity"], 1);
  EXPECT_EQ(d["range"], json::parse(R"({"start":{"line":1,"character":2},"end":{"line":1,"character":3}})"));
  f.severity = Severity::Warning;
  EXPECT_EQ(diagnosticJson(sample(), f, PositionEncoding::Utf8)["severity"], 2);
  EXPECT_EQ(diagnosticJson(sample(), f, PositionEncoding::Utf8)["range"]["start"]["character"], 4);
}

TEST(Diagnostic, LinksTheCodesPageOnlyForCodesThatHaveOne) {
  Finding f{"balance", Severity::Error, {0, 6}, "…", std::nullopt};
  EXPECT_FALSE(diagnosticJson(sample(), f, PositionEncoding::Utf16).contains("codeDescription"));  // no base: no link
  json d = diagnosticJson(sample(), f, PositionEncoding::Utf16, "https://example.org/rules/");
  EXPECT_EQ(d["codeDescription"], json::parse(R"({"href":"https://example.org/rules/balance.md"})"));
  // The server's base gives the published page, as ruleDocUrl does.
  d = diagnosticJson(sample(), f, PositionEncoding::Utf16, ServerConfig{}.docsBaseUrl);
  EXPECT_EQ(d["codeDescription"]["href"], "https://github.com/nianbao/nianbao/blob/main/docs/rules/balance.md");
  EXPECT_EQ(d["codeDescription"]["href"], ruleDocUrl("balance"));
  // A code without a page (a test's own, or a later version's) gets no link to nowhere.
  f.code = "no-such-rule";
  EXPECT_FALSE(diagnosticJson(sample(), f, PositionEncoding::Utf16, ServerConfig{}.docsBaseUrl).contains("codeDescription"));
}

TEST(TextEdit, RangeAndNewText) {
  std::size_t at = sample().str().find("总计");
  json e = textEditJson(sample(), {{at, at + 6}, "合计"}, PositionEncoding::Utf16);
  EXPECT_EQ(e, json::parse(R"({"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":2}},"newText":"合计"})"));
}

}  // namespace
}  // namespace nianbao::lsp
