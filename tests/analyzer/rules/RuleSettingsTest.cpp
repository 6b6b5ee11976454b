#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/RuleSettings.h"

namespace nianbao {
namespace {

Finding finding(std::string code, Severity s) { return {std::move(code), s, {0, 1}, "m", std::nullopt, {}}; }

TEST(RuleSettings, OffRemovesAndASeverityReplaces) {
  RuleSettings settings;
  settings.severity["sum-row"] = std::nullopt;
  settings.severity["balance"] = Severity::Warning;
  std::vector<Finding> findings{finding("sum-row", Severity::Error), finding("balance", Severity::Error),
                                finding("row-missing", Severity::Error)};
  applyRuleSettings(settings, findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].code, "balance");
  EXPECT_EQ(findings[0].severity, Severity::Warning);
  EXPECT_EQ(findings[1].code, "row-missing");
  EXPECT_EQ(findings[1].severity, Severity::Error);
}

TEST(RuleSettings, LaterSettingsWin) {
  RuleSettings project, perFile;
  project.severity["sum-row"] = Severity::Warning;
  project.severity["balance"] = std::nullopt;
  perFile.severity["sum-row"] = std::nullopt;
  project.overrideWith(perFile);
  EXPECT_EQ(project.severity.at("sum-row"), std::nullopt);
  EXPECT_EQ(project.severity.at("balance"), std::nullopt);
  EXPECT_EQ(project.severity.size(), 2u);
}

TEST(RuleSettings, ParsesTheFiveWords) {
  std::optional<Severity> s;
  EXPECT_TRUE(parseRuleSeverity("hint", s));
  EXPECT_EQ(s, Severity::Hint);
  EXPECT_TRUE(parseRuleSeverity("off", s));
  EXPECT_EQ(s, std::nullopt);
  EXPECT_TRUE(parseRuleSeverity("error", s));
  EXPECT_EQ(s, Severity::Error);
  EXPECT_FALSE(parseRuleSeverity("Error", s));
  EXPECT_FALSE(parseRuleSeverity("warn", s));
  EXPECT_FALSE(parseRuleSeverity("", s));
  EXPECT_EQ(s, Severity::Error);  // untouched by a word it does not know
}

}  // namespace
}  // namespace nianbao
