#pragma once
// A report template as data: parts, topics, tables, relations and messages.
// Nothing here knows a Chinese label; every label comes from a data file
// (templates/*.json, read by TemplateJson), so a new format is a new file.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

struct TemplatePart {
  std::string numeral;                // "一"
  std::string title;                  // "总体情况"
  std::vector<std::string> variants;  // accepted wordings that still warn
  std::string heading() const;        // numeral + "、" + title
};

struct TemplateTopic {
  std::string numeral;
  std::string title;
  std::vector<std::string> keywords;  // any of them in a heading finds the topic
};

enum class NumberKind { Count, Amount };  // whole and non-negative / non-negative

struct TemplateColumn {
  std::string id;
  std::string label;
  std::string group;  // e.g. 行政复议 for the review table's first five columns
  NumberKind kind = NumberKind::Count;
  std::string unit;  // e.g. 万元, for people and messages
};

struct TemplateRow {
  std::string id;
  std::string label;
  std::string group;        // id of the label-only row this row sits under
  bool labelOnly = false;   // a group name with no numbers of its own
  bool unlabeled = false;   // a row of numbers with no label (the review table)
};

struct TemplateTable {
  std::string id;
  std::string name;         // for messages
  std::string part;         // numeral of the part the table belongs to
  std::string title;        // a caption line such as 第二十条第（一）项, may be empty
  std::string labelHeader;  // the header cell above the labels (信息内容)
  std::vector<std::string> headerLabels;  // other header cells that are not columns
  std::vector<TemplateColumn> columns;
  std::vector<TemplateRow> rows;

  const TemplateRow* row(const std::string& id) const;
  int rowIndex(const std::string& id) const;
  int columnIndex(const std::string& id) const;
  // Rows that must carry numbers (not label-only).
  std::vector<const TemplateRow*> numberRows() const;
  std::vector<const TemplateRow*> children(const std::string& groupId) const;
};

// An arithmetic relation (勾稽关系), evaluated by rules/RelationRules.
enum class RelationKind {
  ColumnSum,   // in every row: column `target` = sum of columns `terms`
  RowSum,      // in every column: row `target` = sum of rows `terms`
  RowBalance,  // in every column: sum of rows `left` = sum of rows `right`
};

struct TemplateRelation {
  std::string code;  // the finding code, e.g. sum-row
  RelationKind kind = RelationKind::ColumnSum;
  std::string table;
  std::string target;
  std::vector<std::string> terms;
  std::vector<std::string> left;
  std::vector<std::string> right;
};

// A cell the prose's statement is compared with (several are added up: the
// lawsuits of both groups).
struct TemplateCellRef {
  std::string table;
  std::string row;
  std::string column;
};

// A number the report states in words as well as in a table (applications
// received, 行政复议 cases …), read by parse/ProseCounts.
struct TemplateProseQuantity {
  std::string id;                          // "received"; its name for messages is message "prose-<id>"
  std::vector<std::string> keywords;       // before the number: 受理 … 申请 3 件
  std::vector<std::string> keywordsAfter;  // after it: 另有 3 件顺延到下年度
  std::vector<std::string> objects;        // if given, one must be in the clause too (申请, 请求)
  std::vector<TemplateCellRef> cells;
};

// Where and how the prose states those numbers.
struct TemplateProseCounts {
  std::string part;   // numeral of the part read (一)
  std::string topic;  // numeral of its topic read when present (二); otherwise the whole part
  std::size_t maxBytes = 64 * 1024;  // of the part read when there is no topic
  std::vector<std::string> units;               // 件, 条, 起
  std::vector<std::string> approximateBefore;   // 约, 近: no exact number follows
  std::vector<std::string> approximateAfter;    // 余, 多
  std::vector<std::string> notCounts;           // 第, 每: an ordinal, not a count
  std::vector<std::string> negations;           // 未收到, 未发生: zero of what follows in the clause
  std::vector<TemplateProseQuantity> quantities;
};

// How a report writes its dates: the year it reports on is in its title, its
// statistics period (统计期限自2024年1月1日至2024年12月31日) and the
// sentences of part 一 that open with a year (2024 年，全市…).
struct TemplateDates {
  std::vector<std::string> periodKeywords;  // 统计期限
  std::string year, month, day;             // 年, 月, 日
  std::vector<std::string> yearSuffixes;    // 度 (2024年度)
  std::vector<std::string> rangeWords;      // 至, 到: between the period's two dates
  std::vector<std::string> openers;         // 在: before a year opening a sentence
  std::string part;                         // numeral of the part whose sentences are read (一)
};

// Values a body of some kind cannot report (implausible-value): a township
// (its name in the title ends in 镇, 乡 …, or its prose says 我镇) makes no
// 规章, and collects fees in the thousands of yuan, not of 万元.
struct TemplatePlausibility {
  std::vector<std::string> townshipNameEndings;  // of the body's name before the title's year
  std::vector<std::string> townshipWords;        // in the prose of the first part: 我镇, 本乡
  std::vector<TemplateCellRef> townshipZeroCells;  // 规章's three columns
  std::vector<TemplateCellRef> townshipAmountCells;  // 行政事业性收费
  double townshipAmountMax = 0;                  // above it, probably entered in 元
};

// One language's wording of a template's messages and number kinds. Keys
// missing here fall back to the template's own (Chinese) wording.
struct TemplateTranslation {
  std::map<std::string, std::string> kindNames;  // "count" -> a non-negative whole number
  std::map<std::string, std::string> messages;   // finding code -> format
};

// The locale messages are written in, from a BCP 47 tag (or a POSIX-style
// en_GB): "en" for any English tag, "zh" for anything else, since the
// templates are Chinese and only English translations exist.
std::string normalizeLocale(std::string_view bcp47);

struct Template {
  std::string id;
  std::string name;
  std::vector<std::string> titleKeywords;  // all must appear in a report title
  std::string titleExample;                // the title line of a new report (a skeleton), may be empty
  std::vector<TemplatePart> parts;
  std::string topicsPart;                  // numeral of the part holding the topics
  std::vector<TemplateTopic> topics;
  std::vector<TemplateTable> tables;
  std::vector<TemplateRelation> relations;
  std::optional<TemplateProseCounts> proseCounts;  // none: the prose is not compared with the tables
  std::optional<TemplateDates> dates;              // none: years are not checked
  std::optional<TemplatePlausibility> plausibility;
  std::map<std::string, std::string> kindNames;  // "count" -> 非负整数
  std::map<std::string, std::string> messages;   // finding code -> format
  std::map<std::string, TemplateTranslation> translations;  // locale ("en") -> wording

  const TemplateTable* table(const std::string& id) const;
  int partIndex(const std::string& numeral) const;
  const TemplateTranslation* translation(std::string_view locale) const;  // null if none
  // The message format for `key` with {name} placeholders filled in, in
  // `locale`'s wording where the template has it, else in the default.
  std::string message(const std::string& key, const std::map<std::string, std::string>& args,
                      std::string_view locale = "zh") const;
  std::string kindName(NumberKind kind, std::string_view locale = "zh") const;
};

}  // namespace nianbao
