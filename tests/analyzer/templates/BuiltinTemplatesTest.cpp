// The built-in formats: which is which, which report year takes which, the
// 2019 format as published (国办公开办函〔2019〕60号) against the 2021 one,
// and the 2021 template's obsolete_format against the 2019 template.
#include "templates/BuiltinTemplates.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

using ::testing::ElementsAre;

const Template& t2019() { return governmentInformationDisclosure2019(); }
const Template& t2021() { return governmentInformationDisclosure2021(); }

TEST(BuiltinTemplates, NewestFirst) {
  ASSERT_EQ(builtinTemplates().size(), 2u);
  EXPECT_EQ(builtinTemplates()[0], &t2021());
  EXPECT_EQ(builtinTemplates()[1], &t2019());
  EXPECT_EQ(t2021().id, "gov-info-disclosure-2021");
  EXPECT_EQ(t2019().id, "gov-info-disclosure-2019");
}

TEST(BuiltinTemplates, ByIdOrByTheYearTheFormatCameIn) {
  EXPECT_EQ(builtinTemplate("gov-info-disclosure-2019"), &t2019());
  EXPECT_EQ(builtinTemplate("gov-info-disclosure-2021"), &t2021());
  EXPECT_EQ(builtinTemplate("2019"), &t2019());
  EXPECT_EQ(builtinTemplate("2021"), &t2021());
  EXPECT_EQ(builtinTemplate("2020"), nullptr);  // a report year, not a format
  EXPECT_EQ(builtinTemplate(""), nullptr);
  EXPECT_EQ(builtinTemplate("gov-info-disclosure"), nullptr);
}

TEST(BuiltinTemplates, ForAReportsYear) {
  EXPECT_EQ(&builtinTemplateForYear(2019), &t2019());
  EXPECT_EQ(&builtinTemplateForYear(2020), &t2019());
  EXPECT_EQ(&builtinTemplateForYear(2021), &t2021());
  EXPECT_EQ(&builtinTemplateForYear(2024), &t2021());
  EXPECT_EQ(&builtinTemplateForYear(std::nullopt), &t2021());
  EXPECT_EQ(&builtinTemplateForYear(2018), &t2021());  // no national format before 2019: the newest
  ASSERT_TRUE(t2019().years);
  EXPECT_EQ(t2019().years->from, 2019);
  EXPECT_EQ(t2019().years->to, 2020);
  ASSERT_TRUE(t2021().years);
  EXPECT_EQ(t2021().years->from, 2021);
  EXPECT_FALSE(t2021().years->to);
}

std::vector<std::string> columnLabels(const TemplateTable& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.label);
  return out;
}
std::vector<std::string> rowLabels(const TemplateTable& t) {
  std::vector<std::string> out;
  for (const auto& r : t.rows) out.push_back(r.label);
  return out;
}

TEST(Template2019, PartTwoAsPublished) {
  const Template& t = t2019();
  std::vector<std::string> ids;
  for (const auto& table : t.tables) ids.push_back(table.id);
  EXPECT_THAT(ids, ElementsAre("article-20-1", "article-20-5", "article-20-6", "article-20-8", "article-20-9",
                               "applications", "review-litigation"));
  const TemplateTable* a1 = t.table("article-20-1");
  EXPECT_EQ(a1->title, "第二十条第（一）项");
  EXPECT_EQ(a1->labelHeader, "信息内容");
  EXPECT_THAT(columnLabels(*a1), ElementsAre("本年新制作数量", "本年新公开数量", "对外公开总数量"));
  EXPECT_THAT(rowLabels(*a1), ElementsAre("规章", "规范性文件"));
  const TemplateTable* a5 = t.table("article-20-5");
  EXPECT_EQ(a5->title, "第二十条第（五）项");
  EXPECT_THAT(columnLabels(*a5), ElementsAre("上一年项目数量", "本年增/减", "处理决定数量"));
  EXPECT_THAT(rowLabels(*a5), ElementsAre("行政许可", "其他对外管理服务事项"));
  const TemplateTable* a6 = t.table("article-20-6");
  EXPECT_EQ(a6->title, "第二十条第（六）项");
  EXPECT_THAT(columnLabels(*a6), ElementsAre("上一年项目数量", "本年增/减", "处理决定数量"));
  EXPECT_THAT(rowLabels(*a6), ElementsAre("行政处罚", "行政强制"));
  const TemplateTable* a8 = t.table("article-20-8");
  EXPECT_EQ(a8->title, "第二十条第（八）项");
  EXPECT_THAT(columnLabels(*a8), ElementsAre("上一年项目数量", "本年增/减"));
  EXPECT_THAT(rowLabels(*a8), ElementsAre("行政事业性收费"));
  const TemplateTable* a9 = t.table("article-20-9");
  EXPECT_EQ(a9->title, "第二十条第（九）项");
  EXPECT_THAT(columnLabels(*a9), ElementsAre("采购项目数量", "采购总金额"));
  EXPECT_THAT(rowLabels(*a9), ElementsAre("政府集中采购"));
  // 本年增/减 is a change: a decrease is negative. 采购总金额 is money.
  for (const TemplateTable* table : {a5, a6, a8}) EXPECT_EQ(table->columns[1].kind, NumberKind::Change);
  EXPECT_EQ(a9->columns[1].kind, NumberKind::Amount);
  EXPECT_EQ(a1->columns[0].kind, NumberKind::Count);
  for (const TemplateTable* table : {a1, a5, a6, a8, a9}) EXPECT_EQ(table->part, "二");
}

TEST(Template2019, PartsAndTablesThreeAndFourAreThe2021OnesButForOneOtherHandlingRow) {
  const Template& old = t2019();
  const Template& now = t2021();
  ASSERT_EQ(old.parts.size(), now.parts.size());
  for (std::size_t i = 0; i < now.parts.size(); ++i) EXPECT_EQ(old.parts[i].heading(), now.parts[i].heading());
  ASSERT_EQ(old.topics.size(), now.topics.size());
  for (std::size_t i = 0; i < now.topics.size(); ++i) EXPECT_EQ(old.topics[i].title, now.topics[i].title);
  for (const char* id : {"applications", "review-litigation"}) {
    SCOPED_TRACE(id);
    const TemplateTable& o = *old.table(id);
    const TemplateTable& n = *now.table(id);
    EXPECT_EQ(columnLabels(o), columnLabels(n));
    EXPECT_EQ(o.headerLabels, n.headerLabels);
    std::vector<std::string> expected;
    for (const auto& r : n.rows)
      if (r.group != "other-handling") expected.push_back(r.label);
    EXPECT_EQ(rowLabels(o), expected);
  }
  const TemplateRow* other = old.table("applications")->row("other-handling");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->label, "（六）其他处理");
  EXPECT_FALSE(other->labelOnly);  // a row of numbers
  EXPECT_TRUE(old.table("applications")->children("other-handling").empty());
  EXPECT_EQ(old.table("applications")->numberRows().size(), 23u);  // 25 less three sub-rows plus （六）
  // The same relations, with （六） one term where 2021 has its three sub-rows.
  ASSERT_EQ(old.relations.size(), now.relations.size());
  for (std::size_t i = 0; i < now.relations.size(); ++i) {
    EXPECT_EQ(old.relations[i].code, now.relations[i].code);
    std::vector<std::string> terms;
    for (const auto& term : now.relations[i].terms)
      if (!term.starts_with("other-handling-")) terms.push_back(term);
    if (terms.size() < now.relations[i].terms.size()) terms.push_back("other-handling");
    EXPECT_EQ(old.relations[i].terms, terms) << now.relations[i].code;
  }
  EXPECT_FALSE(old.obsoleteFormat);  // obsolete-format does not run under it
}

TEST(Template2019, HasEveryMessageThe2021TemplateHas) {
  // A rule added for both formats needs its wording in both files; only
  // obsolete-format's are the 2021 template's own.
  for (const auto& [key, format] : t2021().messages) {
    if (key.starts_with("obsolete-")) continue;
    EXPECT_TRUE(t2019().messages.count(key)) << "gov-info-disclosure-2019.json lacks the message " << key;
  }
  for (const auto& [kind, name] : t2021().kindNames) EXPECT_TRUE(t2019().kindNames.count(kind)) << kind;
  EXPECT_EQ(t2019().kindName(NumberKind::Change), "整数（减少为负数）");
  EXPECT_EQ(t2019().kindName(NumberKind::Change, "en"), "a whole number (negative for a decrease)");
}

// Where a label sits in a template: caption, column or row of which table.
struct Place {
  std::string table;
  std::string what;  // "caption", "column", "row"
};
std::vector<Place> placesOf(const Template& t, const std::string& label) {
  std::vector<Place> out;
  for (const auto& table : t.tables) {
    if (table.title == label) out.push_back({table.id, "caption"});
    for (const auto& c : table.columns)
      if (c.label == label) out.push_back({table.id, "column"});
    for (const auto& r : table.rows)
      if (r.label == label) out.push_back({table.id, "row"});
  }
  return out;
}

TEST(Template2021, ObsoleteWordingIsThe2019TemplatesAndNotThe2021Ones) {
  ASSERT_TRUE(t2021().obsoleteFormat);
  const TemplateObsoleteFormat& of = *t2021().obsoleteFormat;
  EXPECT_EQ(builtinTemplate(of.templateId), &t2019());
  ASSERT_EQ(of.labels.size(), 10u);
  for (const auto& label : of.labels) {
    SCOPED_TRACE(label.text);
    std::vector<Place> old = placesOf(t2019(), label.text);
    ASSERT_FALSE(old.empty()) << "not a 2019 label";
    EXPECT_TRUE(placesOf(t2021(), label.text).empty()) << "the 2021 format still has it";
    for (const Place& p : old) {
      // A column or row is answered with its table's 2021 columns or rows;
      // a dropped label's table is gone.
      bool tableStays = t2021().table(p.table) != nullptr;
      switch (label.kind) {
        case TemplateObsoleteLabel::Kind::Column: EXPECT_TRUE(tableStays && p.what == "column") << p.table; break;
        case TemplateObsoleteLabel::Kind::Row: EXPECT_TRUE(tableStays && p.what == "row") << p.table; break;
        case TemplateObsoleteLabel::Kind::Dropped: EXPECT_FALSE(tableStays) << p.table; break;
      }
    }
  }
  EXPECT_THAT(of.citations, ElementsAre("国办公开办函〔2019〕60号"));
  EXPECT_NE(t2019().name.find(of.citations[0]), std::string::npos);
  ASSERT_EQ(of.collapsedGroups.size(), 1u);
  EXPECT_EQ(of.collapsedGroups[0].table, "applications");
  EXPECT_EQ(of.collapsedGroups[0].row, "other-handling");
  EXPECT_FALSE(t2019().table("applications")->row("other-handling")->labelOnly);
}

// Every rule that reads cells by id finds them in the 2019 tables: a wrong
// figure in the 2019 report is found as in a 2021 one.
TEST(Template2019, TheRulesReadItsTables) {
  std::string report = readFile(std::string(NIANBAO_TEST_DATA) + "/reports/township-2020-format-2019.report.md");
  const Analyzer analyzer(t2019());
  // The prose (line 15) against table 三's 一、本年新收 总计 (3).
  Checked prose(replaced(report, "收到政府信息公开申请 3 件", "收到政府信息公开申请 5 件"), analyzer);
  auto found = prose.with("text-table-mismatch");
  ASSERT_EQ(found.size(), 1u) << prose.describe();
  EXPECT_EQ(prose.line(*found[0]), 15u);
  EXPECT_EQ(prose.at(found[0]->range), "5");
  EXPECT_EQ(found[0]->message, "正文中本年新收政府信息公开申请为 5，而收到和处理政府信息公开申请情况表中为 3");
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  // A township (示例乡人民政府) with 规章 (line 33).
  Checked rules(replaced(report, "| 规章 | 0 | 0 | 0 |", "| 规章 | 1 | 0 | 0 |"), analyzer);
  found = rules.with("implausible-value");
  ASSERT_EQ(found.size(), 1u) << rules.describe();
  EXPECT_EQ(rules.line(*found[0]), 33u);
  EXPECT_EQ(rules.at(found[0]->range), "1");
  EXPECT_EQ(found[0]->message, "乡镇、街道不能制定规章，此处却为 1");
  EXPECT_EQ(found[0]->severity, Severity::Info);
  // The title's year (2020) against the statistics period's (line 3).
  Checked year(replaced(report, "自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止", "自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止"),
               analyzer);
  found = year.with("year-mismatch");
  ASSERT_EQ(found.size(), 2u) << year.describe();
  for (const Finding* f : found) {
    EXPECT_EQ(year.line(*f), 3u);
    EXPECT_EQ(year.at(f->range), "2019");
    EXPECT_EQ(f->message, "本报告是 2020 年的年度报告（见标题），此处却写 2019 年");
    EXPECT_EQ(f->severity, Severity::Error);
  }
  // Part 五 (heading on line 86) left empty.
  Checked empty(replaced(report,
                         "存在的主要问题：一是信息更新不够及时；二是工作人员业务能力有待提高。下一步，"
                         "我乡将建立信息发布台账，明确更新时限，并组织工作人员参加业务培训。",
                         ""),
                analyzer);
  found = empty.with("part-empty");
  ASSERT_EQ(found.size(), 1u) << empty.describe();
  EXPECT_EQ(empty.line(*found[0]), 86u);
  EXPECT_EQ(empty.at(found[0]->range), "五、存在的主要问题及改进情况");
  EXPECT_EQ(found[0]->message, "第五部分“存在的主要问题及改进情况”还没有写内容");
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  // A decrease of half an item (line 37).
  Checked change(replaced(report, "| 行政许可 | 12 | -2 | 35 |", "| 行政许可 | 12 | -2.5 | 35 |"), analyzer);
  found = change.with("cell-invalid");
  ASSERT_EQ(found.size(), 1u) << change.describe();
  EXPECT_EQ(change.line(*found[0]), 37u);
  EXPECT_EQ(change.at(found[0]->range), "-2.5");
  EXPECT_EQ(found[0]->message, "“行政许可”的“本年增/减”应为整数（减少为负数），实为“-2.5”");
  EXPECT_EQ(found[0]->severity, Severity::Error);
  // （六）其他处理 is one term of （七）总计 (line 76): 1 + 2 ≠ 2 in 自然人.
  Checked sum(replaced(report, "|  | （六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
                       "|  | （六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"), analyzer);
  found = sum.with("sum-results");
  ASSERT_EQ(found.size(), 2u) << sum.describe();
  // 19 terms: （一）1, 17 zeros from （二） to （五）5, （六）2.
  std::string zeros;
  for (int i = 0; i < 17; ++i) zeros += "+0";
  EXPECT_EQ(sum.line(*found[0]), 76u);
  EXPECT_EQ(sum.at(found[0]->range), "2");
  EXPECT_EQ(found[0]->message, "“自然人”列（七）总计应为 3（1" + zeros + "+2），实为 2");
  EXPECT_EQ(sum.line(*found[1]), 76u);
  EXPECT_EQ(sum.at(found[1]->range), "3");
  EXPECT_EQ(found[1]->message, "“总计”列（七）总计应为 4（2" + zeros + "+2），实为 3");
  for (const Finding* f : found) EXPECT_EQ(f->severity, Severity::Error);
}

}  // namespace
}  // namespace nianbao::testing
