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

// A template with one table of one group of two rows, plus `extra` fields.
std::string withFields(const std::string& extra) {
  return R"({"id": "x", "parts": [{"numeral": "一", "title": "a"}],
    "tables": [{"id": "t", "part": "一", "columns": [{"id": "c", "label": "c", "kind": "change"}],
      "rows": [{"id": "g", "label": "组", "label_only": true}, {"id": "r", "label": "行", "group": "g"},
               {"id": "s", "label": "另一行"}]}])" + extra + "}";
}

TEST(TemplateJson, YearsAndObsoleteFormatAreRead) {
  auto r = loadTemplateJson(withFields(R"(, "years": {"from": 2019, "to": 2020},
    "obsolete_format": {"template": "old", "labels": [{"text": "旧列", "kind": "column"}, {"text": "旧行", "kind": "row"},
      {"text": "旧表"}], "citations": ["〔2019〕1号"], "collapsed_groups": [{"table": "t", "row": "g"}]})"));
  ASSERT_TRUE(r.value) << r.error;
  EXPECT_EQ(r.value->tables[0].columns[0].kind, NumberKind::Change);
  ASSERT_TRUE(r.value->years);
  EXPECT_TRUE(r.value->years->contains(2020));
  EXPECT_FALSE(r.value->years->contains(2021));
  ASSERT_TRUE(r.value->obsoleteFormat);
  const TemplateObsoleteFormat& of = *r.value->obsoleteFormat;
  EXPECT_EQ(of.templateId, "old");
  ASSERT_EQ(of.labels.size(), 3u);
  EXPECT_EQ(of.labels[0].kind, TemplateObsoleteLabel::Kind::Column);
  EXPECT_EQ(of.labels[1].kind, TemplateObsoleteLabel::Kind::Row);
  EXPECT_EQ(of.labels[2].kind, TemplateObsoleteLabel::Kind::Dropped);
  EXPECT_THAT(of.citations, ::testing::ElementsAre("〔2019〕1号"));
  ASSERT_EQ(of.collapsedGroups.size(), 1u);
  EXPECT_EQ(of.collapsedGroups[0].row, "g");
  // Both are optional, and open-ended years contain every later one.
  r = loadTemplateJson(withFields(R"(, "years": {"from": 2021})"));
  ASSERT_TRUE(r.value) << r.error;
  EXPECT_TRUE(r.value->years->contains(2099));
  EXPECT_FALSE(r.value->obsoleteFormat);
}

TEST(TemplateJson, MalformedYearsAndObsoleteFormatAreRefusedNamingTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"(, "years": {})", "$.years.from is missing"},
      {R"(, "years": {"from": "2019"})", "$.years.from must be a year"},
      {R"(, "years": {"from": 2021, "to": 2020})", "$.years.to is before from"},
      {R"(, "obsolete_format": {"labels": []})", "$.obsolete_format.template is missing"},
      {R"(, "obsolete_format": {"template": "o", "labels": [{"text": "a", "kind": "cell"}]})",
       "$.obsolete_format.labels[0].kind must be column, row or dropped"},
      {R"(, "obsolete_format": {"template": "o", "collapsed_groups": [{"table": "u", "row": "g"}]})",
       "$.obsolete_format.collapsed_groups[0].table: unknown table u"},
      {R"(, "obsolete_format": {"template": "o", "collapsed_groups": [{"table": "t", "row": "s"}]})",
       "$.obsolete_format.collapsed_groups[0].row: s is no group of rows"},
  };
  for (const auto& [extra, error] : cases) {
    auto r = loadTemplateJson(withFields(extra));
    EXPECT_FALSE(r.value) << extra;
    EXPECT_THAT(r.error, HasSubstr(error)) << extra;
  }
}

TEST(TemplateJson, PartContentAndFeesAreReadAndCheckedNamingTheField) {
  const Template& builtin = governmentInformationDisclosure2021();
  ASSERT_TRUE(builtin.partContent && builtin.fees);
  EXPECT_EQ(builtin.partContent->part, "五");
  EXPECT_EQ(builtin.partContent->afterProseIn, "一");
  EXPECT_EQ(builtin.fees->units.at("万元"), 10000);
  const std::string base = R"({"id": "x", "parts": [{"numeral": "一", "title": "a"}],
    "tables": [{"id": "t", "part": "一", "columns": [{"id": "c", "label": "c", "unit": "万元"}],
                "rows": [{"id": "r", "label": "r"}]}], )";
  auto error = [&](const std::string& section) { return loadTemplateJson(base + section + "}").error; };
  EXPECT_THAT(error(R"("part_content": {"part": "九", "after_prose_in": "一", "problem_words": ["a"], "improvement_words": ["b"]})"),
              HasSubstr("$.part_content.part: no part 九"));
  EXPECT_THAT(error(R"("part_content": {"part": "一", "after_prose_in": "一", "improvement_words": ["b"]})"),
              HasSubstr("$.part_content needs problem_words and improvement_words"));
  const std::string cell = R"("cell": {"table": "t", "row": "r", "column": "c"}, )";
  EXPECT_THAT(error(R"("fees": {"cell": {"table": "t", "row": "nope", "column": "c"}, "units": {"万元": 1}, "fee_words": ["f"]})"),
              HasSubstr("$.fees.cell.row: unknown row nope"));
  EXPECT_THAT(error(R"("fees": {)" + cell + R"("units": {"元": 1}, "fee_words": ["f"]})"),
              HasSubstr("$.fees.units has no 万元, the unit of the cell"));
  EXPECT_THAT(error(R"("fees": {)" + cell + R"("units": {"万元": -1}, "fee_words": ["f"]})"),
              HasSubstr("$.fees.units.万元 must be a positive whole number"));
  EXPECT_THAT(error(R"("fees": {)" + cell + R"("units": {"万元": 1}, "parts": ["九"], "fee_words": ["f"]})"),
              HasSubstr("$.fees.parts: no part 九"));
  EXPECT_EQ(error(R"("fees": {)" + cell + R"("units": {"万元": 1}, "fee_words": ["f"]})"), "");
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
