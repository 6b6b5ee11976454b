#pragma once
// A report template as data: parts, topics, tables, relations and messages.
// Nothing here knows a Chinese label; every label comes from a data file
// (templates/*.json, read by TemplateJson), so a new format is a new file.

#include <cstdint>
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

// Count: whole, non-negative. Amount: non-negative, decimals allowed.
// Change: whole, may be negative (the 2019 format's 本年增/减).
enum class NumberKind { Count, Amount, Change };

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

// What a report carries over from last year's by the same body
// (carryover-mismatch), and how the body is named.
struct TemplateCarryover {
  TemplateCellRef carriedIn;   // this year's 二、上年结转 (its column unused: every column is compared)
  TemplateCellRef carriedOut;  // last year's 四、结转下年度继续办理
  std::string inForceTable;    // 第二十条第（一）项: 现行有效 rolls forward (empty: the format has none)
  std::string issued, repealed, inForce;  // its columns
  std::vector<std::string> bodySuffixes;  // 人民政府: not part of what tells two bodies apart
  std::vector<std::string> regionEndings; // 市, 区: a name before the body's is a region's
  std::vector<std::string> preambleOpeners;  // 本报告由 (the body named when there is no title)
  std::vector<std::string> preambleClosers;  // 根据, 编制
  std::vector<std::string> compilerSuffixes; // 办公室: the office writing for the body
};

// What part-empty reads (the part of problems and improvements, 五): it
// must say something once the report has prose of its own in `afterProseIn`
// (一), and if it names problems it must say what will be done about them.
struct TemplatePartContent {
  std::string part;                           // numeral of the part read (五)
  std::string afterProseIn;                   // numeral of the part written first (一): a skeleton is not nagged
  std::vector<std::string> problemWords;      // 存在以下问题, 主要表现在, 不足 …
  std::vector<std::string> improvementWords;  // 针对这些问题, 下一步, 整改措施 …
};

// What fee-conflict reads: the prose's 信息处理费 (one of the body's fees) and
// statements that nothing at all was charged, against the cell of all fees.
struct TemplateFees {
  TemplateCellRef cell;                         // 行政事业性收费, in its column's unit
  std::vector<std::string> parts;               // numerals of the parts read (一, 六)
  std::map<std::string, std::string> topics;    // part → its only topic read when written (一 → 二, 依申请公开)
  std::map<std::string, std::int64_t> units;    // 元 → 1, 万元 → 10000: yuan per unit
  std::vector<std::string> feeWords;            // 信息处理费: an amount after it is that fee
  std::vector<std::string> noneWords;           // 未收取任何费用: nothing at all was charged
  std::vector<std::string> scopeWords;          // 信息处理费, 申请: the sentence is about one kind of fee only
  std::vector<std::string> rateWords;           // 每, 标准: a clause with one gives a rate, not a total
};

// The report years a format is for: 2019 to 2020, or 2021 on.
struct TemplateYears {
  int from = 0;
  std::optional<int> to;  // none: still in force
  bool contains(int year) const { return year >= from && (!to || year <= *to); }
};

// Wording of an older format that a report of this one has kept
// (obsolete-format). A column or row label is answered with the columns or
// rows of the table it is found in; a dropped one has no counterpart.
struct TemplateObsoleteLabel {
  enum class Kind { Column, Row, Dropped };
  std::string text;
  Kind kind = Kind::Dropped;
};

struct TemplateRowRef {
  std::string table;
  std::string row;
};

struct TemplateObsoleteFormat {
  std::string templateId;                     // the older format's template
  std::vector<TemplateObsoleteLabel> labels;  // its captions, column and row labels
  std::vector<std::string> citations;         // its document number, cited as a report's basis
  std::vector<TemplateRowRef> collapsedGroups;  // groups it wrote as one row of numbers
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
  std::optional<TemplateYears> years;              // none: not chosen by a report's year
  std::optional<TemplateObsoleteFormat> obsoleteFormat;  // none: obsolete-format is not checked
  std::optional<TemplatePartContent> partContent;  // none: part-empty is not checked
  std::optional<TemplateFees> fees;                // none: fee-conflict is not checked
  std::optional<TemplateCarryover> carryover;  // none: reports are not compared across years
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
