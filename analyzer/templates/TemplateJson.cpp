#include "templates/TemplateJson.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace nianbao {
namespace {

using nlohmann::json;

// Errors name the path of the offending field so a template author can find it.
struct SchemaError {
  std::string what;
};

const json& field(const json& object, const char* name, const std::string& path) {
  if (!object.is_object() || !object.contains(name))
    throw SchemaError{path + "." + name + " is missing"};
  return object.at(name);
}

std::string text(const json& object, const char* name, const std::string& path,
                 bool required = true) {
  if (!object.contains(name)) {
    if (required) throw SchemaError{path + "." + name + " is missing"};
    return {};
  }
  const json& v = object.at(name);
  if (!v.is_string()) throw SchemaError{path + "." + name + " must be a string"};
  return v.get<std::string>();
}

std::vector<std::string> texts(const json& object, const char* name, const std::string& path) {
  std::vector<std::string> out;
  if (!object.contains(name)) return out;
  const json& v = object.at(name);
  if (!v.is_array()) throw SchemaError{path + "." + name + " must be an array of strings"};
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      throw SchemaError{path + "." + name + "[" + std::to_string(i) + "] must be a string"};
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

bool flag(const json& object, const char* name) {
  return object.contains(name) && object.at(name).is_boolean() && object.at(name).get<bool>();
}

const json& array(const json& object, const char* name, const std::string& path) {
  const json& v = field(object, name, path);
  if (!v.is_array()) throw SchemaError{path + "." + name + " must be an array"};
  return v;
}

NumberKind kindOf(const json& column, const std::string& path) {
  std::string kind = text(column, "kind", path, false);
  if (kind.empty() || kind == "count") return NumberKind::Count;
  if (kind == "amount") return NumberKind::Amount;
  if (kind == "change") return NumberKind::Change;
  throw SchemaError{path + ".kind must be \"count\", \"amount\" or \"change\""};
}

TemplateCarryover readCarryover(const Template& t, const json& j, const std::string& p) {
  TemplateCarryover c;
  auto row = [&](const char* name) {
    std::string rp = p + "." + name;
    TemplateCellRef ref{text(field(j, name, p), "table", rp), text(field(j, name, p), "row", rp), ""};
    const TemplateTable* table = t.table(ref.table);
    if (!table) throw SchemaError{rp + ".table: unknown table " + ref.table};
    if (table->rowIndex(ref.row) < 0) throw SchemaError{rp + ".row: unknown row " + ref.row};
    return ref;
  };
  c.carriedIn = row("carried_in");
  c.carriedOut = row("carried_out");
  if (c.carriedIn.table != c.carriedOut.table)
    throw SchemaError{p + ": carried_in and carried_out must be rows of one table"};
  // The 2019 format has no 现行有效件数 to roll forward.
  if (j.contains("in_force")) {
    const json& f = j.at("in_force");
    const std::string fp = p + ".in_force";
    c.inForceTable = text(f, "table", fp);
    c.issued = text(f, "issued", fp);
    c.repealed = text(f, "repealed", fp);
    c.inForce = text(f, "in_force", fp);
    const TemplateTable* table = t.table(c.inForceTable);
    if (!table) throw SchemaError{fp + ".table: unknown table " + c.inForceTable};
    for (const std::string* column : {&c.issued, &c.repealed, &c.inForce})
      if (table->columnIndex(*column) < 0) throw SchemaError{fp + ": unknown column " + *column};
  }
  c.bodySuffixes = texts(j, "body_suffixes", p);
  c.regionEndings = texts(j, "region_endings", p);
  c.preambleOpeners = texts(j, "preamble_openers", p);
  c.preambleClosers = texts(j, "preamble_closers", p);
  c.compilerSuffixes = texts(j, "compiler_suffixes", p);
  return c;
}

TemplateTable readTable(const json& t, const std::string& path) {
  TemplateTable table;
  table.id = text(t, "id", path);
  table.name = text(t, "name", path, false);
  if (table.name.empty()) table.name = table.id;
  table.part = text(t, "part", path);
  table.title = text(t, "title", path, false);
  table.labelHeader = text(t, "label_header", path, false);
  table.headerLabels = texts(t, "header_labels", path);
  const json& columns = array(t, "columns", path);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    std::string p = path + ".columns[" + std::to_string(i) + "]";
    TemplateColumn c;
    c.id = text(columns[i], "id", p);
    c.label = text(columns[i], "label", p);
    c.group = text(columns[i], "group", p, false);
    c.kind = kindOf(columns[i], p);
    c.unit = text(columns[i], "unit", p, false);
    table.columns.push_back(std::move(c));
  }
  const json& rows = array(t, "rows", path);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string p = path + ".rows[" + std::to_string(i) + "]";
    TemplateRow r;
    r.id = text(rows[i], "id", p);
    r.label = text(rows[i], "label", p, false);
    r.group = text(rows[i], "group", p, false);
    r.labelOnly = flag(rows[i], "label_only");
    r.unlabeled = flag(rows[i], "unlabeled");
    if (r.label.empty() && !r.unlabeled) throw SchemaError{p + ".label is missing"};
    table.rows.push_back(std::move(r));
  }
  if (table.columns.empty()) throw SchemaError{path + ".columns is empty"};
  for (const auto& r : table.rows)
    if (!r.group.empty() && table.rowIndex(r.group) < 0)
      throw SchemaError{path + ": row " + r.id + " names unknown group " + r.group};
  return table;
}

RelationKind relationKind(const std::string& kind, const std::string& path) {
  if (kind == "column-sum") return RelationKind::ColumnSum;
  if (kind == "row-sum") return RelationKind::RowSum;
  if (kind == "row-balance") return RelationKind::RowBalance;
  throw SchemaError{path + ".kind must be column-sum, row-sum or row-balance"};
}

void checkRelation(const Template& t, const TemplateRelation& r, const std::string& path) {
  const TemplateTable* table = t.table(r.table);
  if (!table) throw SchemaError{path + ".table names unknown table " + r.table};
  auto needColumn = [&](const std::string& id) {
    if (table->columnIndex(id) < 0) throw SchemaError{path + ": unknown column " + id};
  };
  auto needRow = [&](const std::string& id) {
    if (table->rowIndex(id) < 0) throw SchemaError{path + ": unknown row " + id};
  };
  if (r.kind == RelationKind::ColumnSum) {
    needColumn(r.target);
    for (const auto& id : r.terms) needColumn(id);
  } else if (r.kind == RelationKind::RowSum) {
    needRow(r.target);
    for (const auto& id : r.terms) needRow(id);
  } else {
    for (const auto& id : r.left) needRow(id);
    for (const auto& id : r.right) needRow(id);
  }
}

// translations: {"en": {"kinds": {...}, "messages": {...}}}, each map like
// the top-level one it translates. A key the top level lacks is refused: it
// would be a typo that leaves the default wording showing unnoticed.
std::map<std::string, std::string> translatedMap(const json& translation, const char* name,
                                                 const std::map<std::string, std::string>& original,
                                                 const std::string& path) {
  std::map<std::string, std::string> out;
  if (!translation.contains(name)) return out;
  const json& v = translation.at(name);
  std::string p = path + "." + name;
  if (!v.is_object()) throw SchemaError{p + " must be an object of strings"};
  for (const auto& [key, format] : v.items()) {
    if (!format.is_string()) throw SchemaError{p + "." + key + " must be a string"};
    if (!original.count(key)) throw SchemaError{p + "." + key + " translates nothing: $." + name + " has no " + key};
    out[key] = format.get<std::string>();
  }
  return out;
}

void readTranslations(const json& root, Template& t) {
  if (!root.contains("translations")) return;
  const json& all = root.at("translations");
  if (!all.is_object()) throw SchemaError{"$.translations must be an object of locales"};
  for (const auto& [locale, translation] : all.items()) {
    std::string p = "$.translations." + locale;
    // A translation under a tag normalizeLocale never gives ("en-US", "fr")
    // would never be shown.
    if (normalizeLocale(locale) != locale)
      throw SchemaError{p + " is not a locale messages are shown in (en, zh)"};
    if (!translation.is_object()) throw SchemaError{p + " must be an object"};
    for (const auto& [key, value] : translation.items())
      if (key != "kinds" && key != "messages") throw SchemaError{p + "." + key + " is not kinds or messages"};
    t.translations[locale] = {translatedMap(translation, "kinds", t.kindNames, p),
                              translatedMap(translation, "messages", t.messages, p)};
  }
}

TemplateProseCounts readProseCounts(const Template& t, const json& j, const std::string& path) {
  if (!j.is_object()) throw SchemaError{path + " must be an object"};
  TemplateProseCounts pc;
  pc.part = text(j, "part", path);
  if (t.partIndex(pc.part) < 0) throw SchemaError{path + ".part: no part " + pc.part};
  pc.topic = text(j, "topic", path, false);
  if (j.contains("max_bytes")) {
    if (!j.at("max_bytes").is_number_unsigned()) throw SchemaError{path + ".max_bytes must be a positive number"};
    pc.maxBytes = j.at("max_bytes").get<std::size_t>();
  }
  pc.units = texts(j, "units", path);
  if (pc.units.empty()) throw SchemaError{path + ".units is missing"};
  pc.approximateBefore = texts(j, "approximate_before", path);
  pc.approximateAfter = texts(j, "approximate_after", path);
  pc.notCounts = texts(j, "not_counts", path);
  pc.negations = texts(j, "negations", path);
  const json& quantities = array(j, "quantities", path);
  for (std::size_t i = 0; i < quantities.size(); ++i) {
    std::string p = path + ".quantities[" + std::to_string(i) + "]";
    const json& q = quantities[i];
    TemplateProseQuantity quantity;
    quantity.id = text(q, "id", p);
    quantity.keywords = texts(q, "keywords", p);
    quantity.keywordsAfter = texts(q, "keywords_after", p);
    quantity.objects = texts(q, "objects", p);
    if (quantity.keywords.empty() && quantity.keywordsAfter.empty())
      throw SchemaError{p + " needs keywords or keywords_after"};
    const json& cells = array(q, "cells", p);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string cp = p + ".cells[" + std::to_string(c) + "]";
      TemplateCellRef ref{text(cells[c], "table", cp), text(cells[c], "row", cp), text(cells[c], "column", cp)};
      const TemplateTable* table = t.table(ref.table);
      if (!table) throw SchemaError{cp + ".table: unknown table " + ref.table};
      if (table->rowIndex(ref.row) < 0) throw SchemaError{cp + ".row: unknown row " + ref.row};
      if (table->columnIndex(ref.column) < 0) throw SchemaError{cp + ".column: unknown column " + ref.column};
      quantity.cells.push_back(std::move(ref));
    }
    if (quantity.cells.empty()) throw SchemaError{p + ".cells is empty"};
    pc.quantities.push_back(std::move(quantity));
  }
  return pc;
}

TemplatePartContent readPartContent(const Template& t, const json& j, const std::string& p) {
  if (!j.is_object()) throw SchemaError{p + " must be an object"};
  TemplatePartContent pc;
  pc.part = text(j, "part", p);
  if (t.partIndex(pc.part) < 0) throw SchemaError{p + ".part: no part " + pc.part};
  pc.afterProseIn = text(j, "after_prose_in", p);
  if (t.partIndex(pc.afterProseIn) < 0) throw SchemaError{p + ".after_prose_in: no part " + pc.afterProseIn};
  pc.problemWords = texts(j, "problem_words", p);
  pc.improvementWords = texts(j, "improvement_words", p);
  if (pc.problemWords.empty() || pc.improvementWords.empty())
    throw SchemaError{p + " needs problem_words and improvement_words"};
  return pc;
}

TemplateFees readFees(const Template& t, const json& j, const std::string& p) {
  if (!j.is_object()) throw SchemaError{p + " must be an object"};
  TemplateFees fees;
  const json& cell = field(j, "cell", p);
  const std::string cp = p + ".cell";
  fees.cell = {text(cell, "table", cp), text(cell, "row", cp), text(cell, "column", cp)};
  const TemplateTable* table = t.table(fees.cell.table);
  if (!table) throw SchemaError{cp + ".table: unknown table " + fees.cell.table};
  if (table->rowIndex(fees.cell.row) < 0) throw SchemaError{cp + ".row: unknown row " + fees.cell.row};
  int column = table->columnIndex(fees.cell.column);
  if (column < 0) throw SchemaError{cp + ".column: unknown column " + fees.cell.column};
  fees.parts = texts(j, "parts", p);
  for (const auto& part : fees.parts)
    if (t.partIndex(part) < 0) throw SchemaError{p + ".parts: no part " + part};
  if (j.contains("topics")) {
    const json& topics = j.at("topics");
    if (!topics.is_object()) throw SchemaError{p + ".topics must be an object of part numeral to topic numeral"};
    for (auto it = topics.begin(); it != topics.end(); ++it) {
      // Not a structured binding: clang before 16 cannot capture one in the lambda.
      const std::string part = it.key();
      if (!it.value().is_string()) throw SchemaError{p + ".topics." + part + " must be a string"};
      const std::string topic = it.value().get<std::string>();
      bool known = part == t.topicsPart && std::any_of(t.topics.begin(), t.topics.end(),
                                                       [&](const TemplateTopic& tp) { return tp.numeral == topic; });
      if (!known) throw SchemaError{p + ".topics." + part + ": part " + part + " has no topic " + topic};
      fees.topics[part] = topic;
    }
  }
  const json& units = field(j, "units", p);
  if (!units.is_object()) throw SchemaError{p + ".units must be an object of yuan per unit"};
  for (const auto& [unit, yuan] : units.items()) {
    if (!yuan.is_number_unsigned() || yuan.get<std::int64_t>() <= 0)
      throw SchemaError{p + ".units." + unit + " must be a positive whole number"};
    fees.units[unit] = yuan.get<std::int64_t>();
  }
  // The cell is compared in yuan, so its unit must be one of them.
  const std::string& cellUnit = table->columns[static_cast<std::size_t>(column)].unit;
  if (!fees.units.count(cellUnit)) throw SchemaError{p + ".units has no " + cellUnit + ", the unit of the cell"};
  fees.feeWords = texts(j, "fee_words", p);
  fees.noneWords = texts(j, "none_words", p);
  fees.scopeWords = texts(j, "scope_words", p);
  fees.rateWords = texts(j, "rate_words", p);
  if (fees.feeWords.empty() && fees.noneWords.empty()) throw SchemaError{p + " needs fee_words or none_words"};
  return fees;
}

TemplateYears readYears(const json& j, const std::string& p) {
  auto year = [&](const char* name) {
    const json& v = field(j, name, p);
    if (!v.is_number_integer()) throw SchemaError{p + "." + name + " must be a year"};
    return v.get<int>();
  };
  TemplateYears years;
  years.from = year("from");
  if (j.contains("to")) years.to = year("to");
  if (years.to && *years.to < years.from) throw SchemaError{p + ".to is before from"};
  return years;
}

TemplateObsoleteFormat readObsoleteFormat(const Template& t, const json& j, const std::string& p) {
  if (!j.is_object()) throw SchemaError{p + " must be an object"};
  TemplateObsoleteFormat of;
  of.templateId = text(j, "template", p);
  if (j.contains("labels")) {
    const json& labels = array(j, "labels", p);
    for (std::size_t i = 0; i < labels.size(); ++i) {
      std::string lp = p + ".labels[" + std::to_string(i) + "]";
      TemplateObsoleteLabel label;
      label.text = text(labels[i], "text", lp);
      std::string kind = text(labels[i], "kind", lp, false);
      if (kind == "column") label.kind = TemplateObsoleteLabel::Kind::Column;
      else if (kind == "row") label.kind = TemplateObsoleteLabel::Kind::Row;
      else if (!kind.empty() && kind != "dropped") throw SchemaError{lp + ".kind must be column, row or dropped"};
      of.labels.push_back(std::move(label));
    }
  }
  of.citations = texts(j, "citations", p);
  if (j.contains("collapsed_groups")) {
    const json& groups = array(j, "collapsed_groups", p);
    for (std::size_t i = 0; i < groups.size(); ++i) {
      std::string gp = p + ".collapsed_groups[" + std::to_string(i) + "]";
      TemplateRowRef ref{text(groups[i], "table", gp), text(groups[i], "row", gp)};
      const TemplateTable* table = t.table(ref.table);
      if (!table) throw SchemaError{gp + ".table: unknown table " + ref.table};
      const TemplateRow* row = table->row(ref.row);
      if (!row) throw SchemaError{gp + ".row: unknown row " + ref.row};
      if (!row->labelOnly || table->children(ref.row).empty())
        throw SchemaError{gp + ".row: " + ref.row + " is no group of rows"};
      of.collapsedGroups.push_back(std::move(ref));
    }
  }
  return of;
}

Template read(const json& root) {
  if (!root.is_object()) throw SchemaError{"the template must be a JSON object"};
  Template t;
  t.id = text(root, "id", "$");
  t.name = text(root, "name", "$", false);
  if (root.contains("title")) {
    t.titleKeywords = texts(root.at("title"), "all_of", "$.title");
    t.titleExample = text(root.at("title"), "example", "$.title", false);
  }
  const json& parts = array(root, "parts", "$");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string p = "$.parts[" + std::to_string(i) + "]";
    t.parts.push_back({text(parts[i], "numeral", p), text(parts[i], "title", p),
                       texts(parts[i], "variants", p)});
  }
  if (t.parts.empty()) throw SchemaError{"$.parts is empty"};
  if (root.contains("topics")) {
    const json& topics = root.at("topics");
    t.topicsPart = text(topics, "part", "$.topics");
    const json& items = array(topics, "items", "$.topics");
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string p = "$.topics.items[" + std::to_string(i) + "]";
      TemplateTopic topic{text(items[i], "numeral", p), text(items[i], "title", p),
                          texts(items[i], "keywords", p)};
      if (topic.keywords.empty()) topic.keywords.push_back(topic.title);
      t.topics.push_back(std::move(topic));
    }
  }
  if (root.contains("tables")) {
    const json& tables = array(root, "tables", "$");
    for (std::size_t i = 0; i < tables.size(); ++i)
      t.tables.push_back(readTable(tables[i], "$.tables[" + std::to_string(i) + "]"));
  }
  if (root.contains("relations")) {
    const json& relations = array(root, "relations", "$");
    for (std::size_t i = 0; i < relations.size(); ++i) {
      std::string p = "$.relations[" + std::to_string(i) + "]";
      const json& r = relations[i];
      TemplateRelation rel;
      rel.code = text(r, "code", p);
      rel.kind = relationKind(text(r, "kind", p), p);
      rel.table = text(r, "table", p);
      rel.target = text(r, "target", p, false);
      rel.terms = texts(r, "terms", p);
      rel.left = texts(r, "left", p);
      rel.right = texts(r, "right", p);
      checkRelation(t, rel, p);
      t.relations.push_back(std::move(rel));
    }
  }
  if (root.contains("prose_counts")) t.proseCounts = readProseCounts(t, root.at("prose_counts"), "$.prose_counts");
  if (root.contains("plausibility")) {
    const json& j = root.at("plausibility");
    const std::string p = "$.plausibility";
    TemplatePlausibility pl;
    pl.townshipNameEndings = texts(j, "township_name_endings", p);
    pl.townshipWords = texts(j, "township_words", p);
    auto cells = [&](const char* name) {
      std::vector<TemplateCellRef> out;
      if (!j.contains(name)) return out;
      const json& list = array(j, name, p);
      for (std::size_t c = 0; c < list.size(); ++c) {
        std::string cp = p + "." + name + "[" + std::to_string(c) + "]";
        TemplateCellRef ref{text(list[c], "table", cp), text(list[c], "row", cp), text(list[c], "column", cp)};
        const TemplateTable* table = t.table(ref.table);
        if (!table) throw SchemaError{cp + ".table: unknown table " + ref.table};
        if (table->rowIndex(ref.row) < 0) throw SchemaError{cp + ".row: unknown row " + ref.row};
        if (table->columnIndex(ref.column) < 0) throw SchemaError{cp + ".column: unknown column " + ref.column};
        out.push_back(std::move(ref));
      }
      return out;
    };
    pl.townshipZeroCells = cells("township_zero_cells");
    pl.townshipAmountCells = cells("township_amount_cells");
    if (j.contains("township_amount_max")) {
      if (!j.at("township_amount_max").is_number()) throw SchemaError{p + ".township_amount_max must be a number"};
      pl.townshipAmountMax = j.at("township_amount_max").get<double>();
    }
    t.plausibility = std::move(pl);
  }
  if (root.contains("carryover")) t.carryover = readCarryover(t, root.at("carryover"), "$.carryover");
  if (root.contains("part_content")) t.partContent = readPartContent(t, root.at("part_content"), "$.part_content");
  if (root.contains("fees")) t.fees = readFees(t, root.at("fees"), "$.fees");
  if (root.contains("years")) t.years = readYears(root.at("years"), "$.years");
  if (root.contains("obsolete_format"))
    t.obsoleteFormat = readObsoleteFormat(t, root.at("obsolete_format"), "$.obsolete_format");
  if (root.contains("dates")) {
    const json& d = root.at("dates");
    TemplateDates dates;
    dates.periodKeywords = texts(d, "period_keywords", "$.dates");
    dates.year = text(d, "year", "$.dates");
    dates.month = text(d, "month", "$.dates");
    dates.day = text(d, "day", "$.dates");
    dates.yearSuffixes = texts(d, "year_suffixes", "$.dates");
    dates.rangeWords = texts(d, "range_words", "$.dates");
    dates.openers = texts(d, "openers", "$.dates");
    dates.part = text(d, "part", "$.dates");
    if (t.partIndex(dates.part) < 0) throw SchemaError{"$.dates.part: no part " + dates.part};
    if (dates.periodKeywords.empty() || dates.rangeWords.empty())
      throw SchemaError{"$.dates needs period_keywords and range_words"};
    t.dates = std::move(dates);
  }
  if (root.contains("kinds") && root.at("kinds").is_object())
    for (const auto& [k, v] : root.at("kinds").items())
      if (v.is_string()) t.kindNames[k] = v.get<std::string>();
  if (root.contains("messages") && root.at("messages").is_object())
    for (const auto& [k, v] : root.at("messages").items())
      if (v.is_string()) t.messages[k] = v.get<std::string>();
  readTranslations(root, t);
  return t;
}

}  // namespace

TemplateLoadResult loadTemplateJson(std::string_view source) {
  TemplateLoadResult result;
  json root = json::parse(source.begin(), source.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    result.error = "not valid JSON";
    return result;
  }
  try {
    result.value = read(root);
  } catch (const SchemaError& e) {
    result.error = e.what;
  } catch (const json::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace nianbao
