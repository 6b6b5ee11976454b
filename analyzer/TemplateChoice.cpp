#include "TemplateChoice.h"

namespace nianbao {

TemplateChoice::TemplateChoice(const std::vector<const Template*>& templates, const std::string& locale,
                               const Template* forced) {
  for (const Template* t : templates) {
    analyzers_.push_back(std::make_unique<Analyzer>(*t, locale));
    if (t == forced) forced_ = analyzers_.back().get();
  }
}

const Template* TemplateChoice::forcedByName(const std::vector<const Template*>& templates, std::string_view name,
                                             bool* known) {
  *known = true;
  if (name.empty() || name == "auto") return nullptr;
  for (const Template* t : templates)
    if (t->id == name || (t->years && std::to_string(t->years->from) == name)) return t;
  *known = false;
  return nullptr;
}

const Analyzer* TemplateChoice::named(std::string_view name) const {
  std::vector<const Template*> templates;
  for (const auto& a : analyzers_) templates.push_back(&a->tmpl());
  bool known = false;
  const Template* t = forcedByName(templates, name, &known);
  for (const auto& a : analyzers_)
    if (&a->tmpl() == t) return a.get();
  return nullptr;
}

const Analyzer& TemplateChoice::forYear(std::optional<int> year) const {
  if (forced_) return *forced_;
  if (year)
    for (const auto& a : analyzers_)
      if (a->tmpl().years && a->tmpl().years->contains(*year)) return *a;
  return *analyzers_.front();
}

Analysis TemplateChoice::analyze(const SourceText& text, const Analyzer** used) const {
  const Analyzer* analyzer = &first();
  Analysis a = analyzer->analyze(text);
  if (!forced_) {
    // The year is read the same way under every template (title, period).
    const Analyzer& right = forYear(a.dates.year());
    if (&right != analyzer) {
      analyzer = &right;
      a = analyzer->analyze(text);
    }
  }
  if (used) *used = analyzer;
  return a;
}

}  // namespace nianbao
