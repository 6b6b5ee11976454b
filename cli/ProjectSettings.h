#pragma once
// What applies to each checked file: built-in defaults, then the nianbao.toml
// above it, then the command line's --template and --locale, which win.
// One resolver serves a whole batch, from several threads.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ProjectConfig.h"
#include "TemplateChoice.h"
#include "rules/RuleSettings.h"

namespace nianbao::cli {

struct ConfigOptions {
  std::string configFile;         // --config FILE: this file for every input, none searched
  bool noConfig = false;          // --no-config: no nianbao.toml at all
  bool templateFromFlag = false;  // --template given: the project's template is not used
  bool localeFromFlag = false;    // --locale given: the project's language is not used
};

struct FileSettings {
  const TemplateChoice* templates = nullptr;
  RuleSettings rules;
  std::string locale;     // "zh" or "en"
  bool excluded = false;  // [files] exclude names it
  std::optional<bool> included;  // [files] include says (null: no include list)
};

class ProjectSettings {
 public:
  // `defaults`: the command line's template choice (its flags, or auto and zh).
  ProjectSettings(const TemplateChoice& defaults, ConfigOptions options);
  // For a file (or, for standard input, a name in the folder it stands for).
  FileSettings forFile(const std::filesystem::path& file);
  std::vector<config::ConfigProblem> takeProblems() { return configs_.takeProblems(); }

 private:
  const TemplateChoice& choice(const std::string& locale, const std::string& templateName);
  const TemplateChoice& defaults_;
  ConfigOptions options_;
  config::ProjectConfigs configs_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<TemplateChoice>> choices_;
};

}  // namespace nianbao::cli
