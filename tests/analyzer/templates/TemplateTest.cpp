#include "templates/Template.h"

#include <regex>
#include <set>

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

TEST(Template, LooksUpTablesRowsAndColumns) {
  const Template& t = governmentInformationDisclosure2021();
  const TemplateTable* applications = t.table("applications");
  ASSERT_NE(applications, nullptr);
  EXPECT_EQ(t.table("no-such-table"), nullptr);
  EXPECT_EQ(applications->columnIndex("total"), 6);
  EXPECT_EQ(applications->columnIndex("nope"), -1);
  EXPECT_EQ(applications->row("results-total")->label, "（七）总计");
  EXPECT_TRUE(applications->row("withheld")->labelOnly);
  EXPECT_EQ(applications->children("other-handling").size(), 3u);
  EXPECT_EQ(t.partIndex("四"), 3);
  EXPECT_EQ(t.partIndex("七"), -1);
}

TEST(Template, MessageKeepsUnknownPlaceholdersAndBraces) {
  Template t;
  t.messages["x"] = "{a} and {b} and {unclosed";
  EXPECT_EQ(t.message("x", {{"a", "1"}}), "1 and {b} and {unclosed");
}

TEST(Template, KindNamesFallBackToTheKindItself) {
  Template t;
  EXPECT_EQ(t.kindName(NumberKind::Count), "count");
  t.kindNames["amount"] = "非负数";
  EXPECT_EQ(t.kindName(NumberKind::Amount), "非负数");
}

TEST(Template, MessageTakesTheLocalesWordingAndFallsBackToTheDefault) {
  Template t;
  t.messages["both"] = "合计 {n}";
  t.messages["zh-only"] = "仅中文 {n}";
  t.translations["en"].messages["both"] = "total {n}";
  EXPECT_EQ(t.message("both", {{"n", "3"}}), "合计 3");
  EXPECT_EQ(t.message("both", {{"n", "3"}}, "zh"), "合计 3");
  EXPECT_EQ(t.message("both", {{"n", "3"}}, "en"), "total 3");
  EXPECT_EQ(t.message("zh-only", {{"n", "3"}}, "en"), "仅中文 3");
  EXPECT_EQ(t.message("both", {{"n", "3"}}, "fr"), "合计 3");  // no such translation
  EXPECT_EQ(t.message("neither", {}, "en"), "neither");
}

TEST(Template, KindNameTakesTheLocalesWordingAndFallsBackToTheDefault) {
  Template t;
  t.kindNames["count"] = "非负整数";
  t.kindNames["amount"] = "非负数";
  t.translations["en"].kindNames["count"] = "a non-negative whole number";
  EXPECT_EQ(t.kindName(NumberKind::Count, "en"), "a non-negative whole number");
  EXPECT_EQ(t.kindName(NumberKind::Count), "非负整数");
  EXPECT_EQ(t.kindName(NumberKind::Amount, "en"), "非负数");
}

TEST(Template, NormalizeLocaleGivesEnForEnglishTagsAndZhForEverythingElse) {
  for (const char* tag : {"en", "en-US", "EN_gb", "En", "en-Latn-GB", "en_US.UTF-8"})
    EXPECT_EQ(normalizeLocale(tag), "en") << tag;
  for (const char* tag : {"zh", "zh-CN", "zh-TW", "zh-Hans-CN", "", "fr", "eng", "e", "english", "-en", "de-EN"})
    EXPECT_EQ(normalizeLocale(tag), "zh") << tag;
}

// The placeholders a format uses: {name} with name in lower case, digits, _ or -.
std::set<std::string> placeholders(const std::string& format) {
  static const std::regex placeholder(R"(\{([a-z0-9_-]+)\})");
  std::set<std::string> out;
  for (std::sregex_iterator it(format.begin(), format.end(), placeholder), end; it != end; ++it)
    out.insert((*it)[1].str());
  return out;
}

TEST(BuiltinTemplate, EveryMessageAndKindHasAnEnglishWordingWithTheSamePlaceholders) {
  for (const Template* builtin : builtinTemplates()) {
    const Template& t = *builtin;
    SCOPED_TRACE(t.id);
    ASSERT_TRUE(t.translations.count("en"));
    const TemplateTranslation& en = t.translations.at("en");
    ASSERT_FALSE(t.messages.empty());
    for (const auto& [key, chinese] : t.messages) {
      auto it = en.messages.find(key);
      ASSERT_NE(it, en.messages.end()) << "no English for " << key;
      EXPECT_EQ(placeholders(it->second), placeholders(chinese)) << key << ": " << it->second;
      EXPECT_NE(it->second, chinese) << key;
    }
    // The reader refuses translations of keys the template lacks; this is the other direction.
    EXPECT_EQ(en.messages.size(), t.messages.size());
    for (const auto& [kind, chinese] : t.kindNames) {
      auto it = en.kindNames.find(kind);
      ASSERT_NE(it, en.kindNames.end()) << "no English for kind " << kind;
      EXPECT_NE(it->second, chinese);
    }
    EXPECT_EQ(t.kindName(NumberKind::Amount, "en"), "a non-negative number");
  }
}

TEST(BuiltinTemplate, PlaceholdersAreTheOnesTheRulesFillIn) {
  // A check on the helper above, so that the loop cannot pass by finding none.
  EXPECT_EQ(placeholders(governmentInformationDisclosure2021().messages.at("cell-invalid")),
            (std::set<std::string>{"row", "column", "kind", "actual"}));
  EXPECT_EQ(placeholders("{a} {b_c} {} {Upper} {unclosed"), (std::set<std::string>{"a", "b_c"}));
}

}  // namespace
}  // namespace nianbao::testing
