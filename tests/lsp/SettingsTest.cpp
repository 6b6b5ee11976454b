#include "Settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nianbao::lsp {
namespace {

using nlohmann::json;

TEST(Settings, DefaultsCheckHeadingsOnSaveWithAShortDebounce) {
  Settings s;
  EXPECT_EQ(s.headingsCheckOn, HeadingsCheckOn::Save);
  EXPECT_EQ(s.debounce.count(), 50);
}

TEST(Settings, NestedDottedAndWrappedFormsAreRead) {
  std::vector<std::string> problems;
  Settings a = applySettings({}, json{{"headings", {{"checkOn", "type"}}}}, &problems);
  EXPECT_EQ(a.headingsCheckOn, HeadingsCheckOn::Type);
  Settings b = applySettings({}, json{{"headings.checkOn", "type"}, {"diagnostics.debounceMs", 120}}, &problems);
  EXPECT_EQ(b.headingsCheckOn, HeadingsCheckOn::Type);
  EXPECT_EQ(b.debounce.count(), 120);
  Settings c = applySettings({}, json{{"nianbao", {{"logLevel", "debug"}}}}, &problems);
  EXPECT_EQ(c.logLevel, LogLevel::Debug);
  EXPECT_TRUE(problems.empty());
}

TEST(Settings, BadValuesKeepTheOldValueAndAreNamed) {
  std::vector<std::string> problems;
  Settings before;
  before.headingsCheckOn = HeadingsCheckOn::Type;
  Settings s = applySettings(before, json{{"headings", {{"checkOn", 3}}}, {"diagnostics", {{"debounceMs", -5}}}, {"logLevel", "loud"}}, &problems);
  EXPECT_EQ(s.headingsCheckOn, HeadingsCheckOn::Type);
  EXPECT_EQ(s.debounce.count(), 50);
  EXPECT_EQ(s.logLevel, LogLevel::Warning);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_THAT(problems[0], ::testing::HasSubstr("nianbao.headings.checkOn"));
  EXPECT_THAT(problems[1], ::testing::HasSubstr("-5"));
}

TEST(Settings, TheTemplateIsAnyNameTheServerThenChecks) {
  std::vector<std::string> problems;
  EXPECT_EQ(Settings{}.templateName, "auto");
  EXPECT_EQ(applySettings({}, json{{"template", "2019"}}, &problems).templateName, "2019");
  EXPECT_TRUE(problems.empty());
  Settings kept = applySettings(applySettings({}, json{{"template", "2019"}}, nullptr), json{{"template", 2019}}, &problems);
  EXPECT_EQ(kept.templateName, "2019");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], ::testing::HasSubstr("nianbao.template must be"));
}

TEST(Settings, NonObjectsAndUnknownKeysChangeNothing) {
  std::vector<std::string> problems;
  Settings s = applySettings({}, json("checkOn"), &problems);
  EXPECT_EQ(s.headingsCheckOn, HeadingsCheckOn::Save);
  s = applySettings({}, json{{"somethingElse", true}}, &problems);
  EXPECT_TRUE(problems.empty());
}

}  // namespace
}  // namespace nianbao::lsp
