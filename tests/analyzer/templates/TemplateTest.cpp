#include "templates/Template.h"

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

}  // namespace
}  // namespace nianbao::testing
