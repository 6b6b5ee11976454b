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

std::string Template::message(const std::string& key,
                              const std::map<std::string, std::string>& args) const {
  auto it = messages.find(key);
  std::string format = it == messages.end() ? key : it->second;
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

std::string Template::kindName(NumberKind kind) const {
  auto it = kindNames.find(kind == NumberKind::Count ? "count" : "amount");
  return it == kindNames.end() ? (kind == NumberKind::Count ? "count" : "amount") : it->second;
}

}  // namespace nianbao
