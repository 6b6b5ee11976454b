#include "templates/Template.h"

namespace nianbao {

std::string TemplatePart::heading() const { return numeral + "、" + title; }

const TemplateRow* TemplateTable::row(const std::string& id) const {
  int i = rowIndex(id);
  return i < 0 ? nullptr : &rows[static_cast<std::size_t>(i)];
}

int TemplateTable::rowIndex(const std::string& id) const {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].id == id) return static_cast<int>(i);
  return -1;
}

int TemplateTable::columnIndex(const std::string& id) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == id) return static_cast<int>(i);
  return -1;
}

std::vector<const TemplateRow*> TemplateTable::numberRows() const {
  std::vector<const TemplateRow*> out;
  for (const auto& r : rows)
    if (!r.labelOnly) out.push_back(&r);
  return out;
}

std::vector<const TemplateRow*> TemplateTable::children(const std::string& groupId) const {
  std::vector<const TemplateRow*> out;
  for (const auto& r : rows)
    if (r.group == groupId) out.push_back(&r);
  return out;
}

const TemplateTable* Template::table(const std::string& id) const {
  for (const auto& t : tables)
    if (t.id == id) return &t;
  return nullptr;
}

int Template::partIndex(const std::string& numeral) const {
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (parts[i].numeral == numeral) return static_cast<int>(i);
  return -1;
}

namespace {

// `key`'s wording in `translated` (none when there is no translation), else in `fallback`.
const std::string* wording(const std::map<std::string, std::string>* translated,
                           const std::map<std::string, std::string>& fallback, const std::string& key) {
  if (translated)
    if (auto it = translated->find(key); it != translated->end()) return &it->second;
  auto it = fallback.find(key);
  return it == fallback.end() ? nullptr : &it->second;
}

}  // namespace

std::string normalizeLocale(std::string_view bcp47) {
  // The primary language subtag, before - or _, compared without case.
  std::string_view primary = bcp47.substr(0, bcp47.find_first_of("-_"));
  if (primary.size() == 2 && (primary[0] == 'e' || primary[0] == 'E') &&
      (primary[1] == 'n' || primary[1] == 'N'))
    return "en";
  return "zh";
}

const TemplateTranslation* Template::translation(std::string_view locale) const {
  auto it = translations.find(std::string(locale));
  return it == translations.end() ? nullptr : &it->second;
}

std::string Template::message(const std::string& key,
                              const std::map<std::string, std::string>& args,
                              std::string_view locale) const {
  const TemplateTranslation* tr = translation(locale);
  const std::string* found = wording(tr ? &tr->messages : nullptr, messages, key);
  std::string format = found ? *found : key;
  std::string out;
  for (std::size_t i = 0; i < format.size();) {
    if (format[i] == '{') {
      std::size_t close = format.find('}', i);
      if (close != std::string::npos) {
        auto arg = args.find(format.substr(i + 1, close - i - 1));
        if (arg != args.end()) {
          out += arg->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += format[i++];
  }
  return out;
}

std::string Template::kindName(NumberKind kind, std::string_view locale) const {
  std::string key = kind == NumberKind::Count ? "count" : kind == NumberKind::Amount ? "amount" : "change";
  const TemplateTranslation* tr = translation(locale);
  const std::string* found = wording(tr ? &tr->kindNames : nullptr, kindNames, key);
  return found ? *found : key;
}

}  // namespace nianbao
