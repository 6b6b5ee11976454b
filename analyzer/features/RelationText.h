#pragma once
// Relations in words, for hover and inlay hints: one line per check with the
// numbers it adds up (总计 = 1 + 0 + 0 = 1 ✓), and formulas with the names of
// rows and columns (总计 = 自然人 + 商业企业 + …). Plain text; callers that
// want Markdown escape it.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/RelationChecks.h"
#include "templates/Template.h"

namespace nianbao {

class RelationText {
 public:
  RelationText(const Template& t, std::string_view locale) : t_(t), locale_(locale) {}

  std::string message(const std::string& key, const std::map<std::string, std::string>& args = {}) const {
    return t_.message(key, args, locale_);
  }
  // Items joined with the locale's list separator.
  std::string list(const std::vector<std::string>& items) const;

  // A column by name, with its group when it has one (行政复议总计).
  std::string columnName(const TemplateColumn& column) const;
  // What a term stands for: its column or its row, in the template's words.
  std::string termName(const RelationCheck& check, const RelationTerm& term) const;

  // The check with its numbers and verdict, on one line:
  // 总计 = 1 + 0 + 0 = 1 ✓, … = 7 ✗（写的是 8）, or a note that it was not checked.
  std::string line(const RelationCheck& check) const;
  // The terms worth naming, one line for each sort: the non-zero ones, the
  // unusable ones and the missing rows. Empty when every term is a plain zero.
  std::vector<std::string> termDetails(const RelationCheck& check) const;

  // The relation in names (no numbers): 总计 = 自然人 + 商业企业 + …; long
  // lists keep their first and last names.
  std::string formula(const TemplateRelation& relation, const TemplateTable& table) const;

 private:
  std::string rowLabel(const TemplateTable& table, const std::string& id) const;
  std::string numbers(const RelationSide& side) const;
  std::string names(const std::vector<std::string>& items) const;

  const Template& t_;
  std::string locale_;
};

}  // namespace nianbao
