#include "templates/TemplateJson.h"

#include "Analyzer.h"
#include "TestSupport.h"
#include "templates/BuiltinTemplates.h"

namespace nianbao::testing {
namespace {

using ::testing::HasSubstr;

TEST(BuiltinTemplate, HoldsTheNationalFormat) {
  const Template& t = governmentInformationDisclosure2021();
  ASSERT_EQ(t.parts.size(), 6u);
  EXPECT_EQ(t.parts[3].heading(), "四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_EQ(t.topics.size(), 5u);
  ASSERT_EQ(t.tables.size(), 6u);
  const TemplateTable* applications = t.table("applications");
  ASSERT_NE(applications, nullptr);
  EXPECT_EQ(applications->columns.size(), 7u);
  EXPECT_EQ(applications->numberRows().size(), 25u);  // TEMPLATE.md §3
  EXPECT_EQ(applications->children("withheld").size(), 8u);
  const TemplateTable* review = t.table("review-litigation");
  ASSERT_NE(review, nullptr);
  EXPECT_EQ(review->columns.size(), 15u);
  EXPECT_EQ(t.table("article-20-8")->columns[0].kind, NumberKind::Amount);
  EXPECT_EQ(t.table("article-20-8")->columns[0].unit, "万元");
  std::vector<std::string> codes;
  for (const auto& r : t.relations) codes.push_back(r.code);
  EXPECT_THAT(codes, ::testing::ElementsAre("sum-row", "sum-results", "balance", "sum-review", "sum-review",
                                            "sum-review"));
  EXPECT_EQ(t.relations[1].terms.size(), 21u);  // （一）（二）, 8 + 3 + 5 + 3 sub-rows
}

TEST(TemplateJson, ErrorsNameTheField) {
  EXPECT_THAT(loadTemplateJson("{").error, HasSubstr("not valid JSON"));
  EXPECT_THAT(loadTemplateJson("[]").error, HasSubstr("must be a JSON object"));
  EXPECT_THAT(loadTemplateJson(R"({"parts": []})").error, HasSubstr("$.id is missing"));
  EXPECT_THAT(loadTemplateJson(R"({"id": "x", "parts": [{"numeral": 1, "title": "a"}]})").error,
              HasSubstr("$.parts[0].numeral must be a string"));
  auto r = loadTemplateJson(R"({"id": "x", "parts": [{"numeral": "一", "title": "a"}],
    "tables": [{"id": "t", "part": "一", "columns": [{"id": "c", "label": "c"}], "rows": [{"id": "r", "label": "r"}]}],
    "relations": [{"code": "sum-row", "kind": "row-sum", "table": "t", "target": "r", "terms": ["nope"]}]})");
  EXPECT_FALSE(r.value);
  EXPECT_THAT(r.error, HasSubstr("$.relations[0]: unknown row nope"));
  EXPECT_THAT(loadTemplateJson(R"({"id": "x", "parts": [{"numeral": "一", "title": "a"}],
    "tables": [{"id": "t", "part": "一", "columns": [{"id": "c", "label": "c", "kind": "money"}], "rows": []}]})")
                  .error,
              HasSubstr("kind must be"));
}

TEST(TemplateJson, MessagesFillPlaceholders) {
  const Template& t = governmentInformationDisclosure2021();
  EXPECT_EQ(t.message("sum-row", {{"expected", "2"}, {"terms", "2+0"}, {"actual", "3"}}), "总计应为 2（2+0），实为 3");
  EXPECT_EQ(t.message("no-such-message", {}), "no-such-message");
  EXPECT_EQ(t.message("sum-row", {{"expected", "2"}, {"terms", "2+0"}, {"actual", "3"}}, "en"),
            "The total should be 2 (2+0), but is 3");
}

// A template with one message and one kind, and `translations` as given.
std::string withTranslations(const std::string& translations) {
  return R"({"id": "x", "parts": [{"numeral": "一", "title": "a"}],
    "kinds": {"count": "非负整数"}, "messages": {"sum-row": "应为 {expected}"},
    "translations": )" + translations + "}";
}

TEST(TemplateJson, TranslationsAreRead) {
  auto r = loadTemplateJson(withTranslations(
      R"({"en": {"kinds": {"count": "a whole number"}, "messages": {"sum-row": "should be {expected}"}}})"));
  ASSERT_TRUE(r.value) << r.error;
  EXPECT_EQ(r.value->message("sum-row", {{"expected", "4"}}, "en"), "should be 4");
  EXPECT_EQ(r.value->message("sum-row", {{"expected", "4"}}), "应为 4");
  EXPECT_EQ(r.value->kindName(NumberKind::Count, "en"), "a whole number");
  // Either map may be left out; what is missing falls back to the default.
  r = loadTemplateJson(withTranslations(R"({"en": {}})"));
  ASSERT_TRUE(r.value) << r.error;
  EXPECT_EQ(r.value->message("sum-row", {{"expected", "4"}}, "en"), "应为 4");
}

TEST(TemplateJson, MalformedTranslationsAreRefusedNamingTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"([])", "$.translations must be an object"},
      {R"({"en": "x"})", "$.translations.en must be an object"},
      {R"({"en-US": {}})", "$.translations.en-US is not a locale"},
      {R"({"fr": {}})", "$.translations.fr is not a locale"},
      // Message keys straight under the locale, not under messages.
      {R"({"en": {"sum-row": "x"}})", "$.translations.en.sum-row is not kinds or messages"},
      {R"({"en": {"messages": ["x"]}})", "$.translations.en.messages must be an object"},
      {R"({"en": {"messages": {"sum-row": 1}}})", "$.translations.en.messages.sum-row must be a string"},
      {R"({"en": {"messages": {"sum-rwo": "x"}}})", "$.translations.en.messages.sum-rwo translates nothing"},
      {R"({"en": {"kinds": {"amount": "x"}}})", "$.translations.en.kinds.amount translates nothing"},
  };
  for (const auto& [translations, error] : cases) {
    auto r = loadTemplateJson(withTranslations(translations));
    EXPECT_FALSE(r.value) << translations;
    EXPECT_THAT(r.error, HasSubstr(error)) << translations;
  }
}

// A different format is a different data file, not different code.
TEST(TemplateJson, ASecondTemplateDrivesTheSameAnalyzer) {
  auto loaded = loadTemplateJson(readFile(std::string(NIANBAO_TEST_DATA) + "/templates/mini-utility-report.json"));
  ASSERT_TRUE(loaded.value) << loaded.error;
  Analyzer analyzer(*loaded.value);
  std::string doc =
      "某水务公司 2024 年信息公开情况说明\n\n一、基本情况\n\n本年度工作平稳。\n\n二、申请办理情况\n\n"
      "项目\t电话\t网上\t合计\n收到申请\t3\t4\t8\n已经答复\t3\t3\t6\n尚未答复\t0\t1\t1\n";
  SourceText text(doc);
  Analysis a = analyzer.analyze(text);
  ASSERT_TRUE(a.model.isReport);
  std::vector<std::string> got;
  for (const auto& f : a.findings) got.push_back(f.code + ": " + f.message);
  EXPECT_THAT(got, ::testing::UnorderedElementsAre(
                       "section-title: 部分标题与模板不同：应为“二、办理情况”，实为“二、申请办理情况”",
                       "sum-row: 合计应为 7（3+4），实为 8",
                       "balance: 合计：收到 8 ≠ 答复与未答复之和 7"));
  // It has no English: an English analysis falls back to its own wording.
  std::vector<std::string> english;
  for (const auto& f : Analyzer(*loaded.value, "en").analyze(text).findings) english.push_back(f.code + ": " + f.message);
  EXPECT_THAT(english, ::testing::UnorderedElementsAreArray(got));
  // And the national template sees no report in it.
  EXPECT_TRUE(builtinAnalyzer().analyze(text).findings.empty());
}

}  // namespace
}  // namespace nianbao::testing
