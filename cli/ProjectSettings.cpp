#include "ProjectSettings.h"

#include "templates/BuiltinTemplates.h"

namespace nianbao::cli {

ProjectSettings::ProjectSettings(const TemplateChoice& defaults, ConfigOptions options)
    : defaults_(defaults), options_(std::move(options)), configs_(config::builtinVocabulary()) {}

const TemplateChoice& ProjectSettings::choice(const std::string& locale, const std::string& templateName) {
  std::lock_guard lock(mutex_);
  auto& slot = choices_[{locale, templateName}];
  if (!slot) {
    const auto& all = builtinTemplates();
    bool known = true;
    slot = std::make_unique<TemplateChoice>(all, locale, TemplateChoice::forcedByName(all, templateName, &known));
  }
  return *slot;
}

FileSettings ProjectSettings::forFile(const std::filesystem::path& file) {
  FileSettings s;
  s.templates = &defaults_;
  s.locale = defaults_.newest().locale();
  if (options_.noConfig) return s;
  auto config = options_.configFile.empty() ? configs_.forFile(file) : configs_.load(options_.configFile);
  if (!config) return s;
  s.rules = config->rulesFor(file);
  s.excluded = config->excluded(file);
  s.included = config->included(file);
  bool otherTemplate = config->templateName && !options_.templateFromFlag;
  bool otherLocale = config->language && !options_.localeFromFlag && *config->language != s.locale;
  if (otherTemplate || otherLocale) {
    std::string locale = otherLocale ? *config->language : s.locale;
    std::string name = otherTemplate ? *config->templateName
                       : defaults_.forced() ? defaults_.first().tmpl().id
                                            : std::string("auto");
    s.templates = &choice(locale, name);
    s.locale = locale;
  }
  return s;
}

}  // namespace nianbao::cli
