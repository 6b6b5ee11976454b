#pragma once
// nianbao.toml: a project's settings, found by walking up from the checked
// file's folder; the first one found applies to every report beneath it.
//
//   template = "2021"                 # auto | 2019 | 2021
//   language = "en"                   # zh | en
//   [editor]
//   headings-check-on = "type"        # save | type
//   [files]
//   include = ["**/*.md"]             # what a folder's walk checks
//   exclude = ["drafts/**"]
//   [rules]
//   sum-row = "warning"               # error | warning | info | hint | off
//   [per-file-rules]
//   "notes/*.txt" = { part-empty = "off" }   # or ["part-empty"]: off
//
// Command-line flags and editor settings override it (README.md, Configuration).
// A key it does not know, or a value of the wrong type, is a problem with
// the file, line and key; nothing is silently ignored.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Glob.h"
#include "rules/RuleSettings.h"

namespace nianbao::config {

inline constexpr std::string_view kFileName = "nianbao.toml";

struct ConfigProblem {
  std::filesystem::path file;
  int line = 0, column = 0;  // 1-based; 0 when the file could not be read at all
  std::string key;           // [rules] sum-rows, files.include …
  std::string message;
  std::string describe() const;  // file:line:col: key: message
};

// What a project file may name, checked as it is read.
struct ConfigVocabulary {
  std::function<bool(std::string_view code)> knownCode;        // null: any code
  std::vector<std::string> templateNames{"auto", "2019", "2021"};
};

// The codes of nianbao's rules (those with a page, RuleDocs.h) and its templates.
ConfigVocabulary builtinVocabulary();

struct ProjectConfig {
  std::filesystem::path file;  // the nianbao.toml it was read from
  std::filesystem::path root;  // its folder: globs are relative to it
  std::optional<std::string> templateName;
  std::optional<std::string> language;         // "zh" or "en"
  std::optional<std::string> headingsCheckOn;  // "save" or "type"
  std::vector<Glob> include;                   // empty: the usual report files
  std::vector<Glob> exclude;
  RuleSettings rules;
  std::vector<std::pair<Glob, RuleSettings>> perFileRules;

  // The project's rules with every matching [per-file-rules] entry over them.
  RuleSettings rulesFor(const std::filesystem::path& file) const;
  // Whether a file found by walking a folder is checked; files named on the
  // command line are checked whatever include says, but not when excluded.
  bool excluded(const std::filesystem::path& file) const;
  // Null when include is empty (the caller's default applies).
  std::optional<bool> included(const std::filesystem::path& file) const;
};

// Reads `text` as the nianbao.toml at `file`. Problems are appended; what
// could be read is kept (the server goes on with it, the command line stops).
ProjectConfig parseProjectConfig(std::string_view text, const std::filesystem::path& file,
                                 const ConfigVocabulary& vocabulary, std::vector<ConfigProblem>& problems);

// The nianbao.toml that applies to files in `folder`: there or in a folder
// above it; empty if none.
std::filesystem::path findProjectConfig(const std::filesystem::path& folder);

// Project files read once per folder, for a batch of thousands of files or
// a server; safe to call from several threads.
class ProjectConfigs {
 public:
  explicit ProjectConfigs(ConfigVocabulary vocabulary) : vocabulary_(std::move(vocabulary)) {}
  // The config for a file (absolute or relative to the working folder); null if none applies.
  std::shared_ptr<const ProjectConfig> forFile(const std::filesystem::path& file);
  // Read `file` as the config for everything (--config FILE).
  std::shared_ptr<const ProjectConfig> load(const std::filesystem::path& file);
  // Problems of every file read so far, each reported once: taken by the caller.
  std::vector<ConfigProblem> takeProblems();
  // Forget what was read (the server, when a nianbao.toml changes).
  void clear();

 private:
  std::shared_ptr<const ProjectConfig> read(const std::filesystem::path& file);
  ConfigVocabulary vocabulary_;
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<const ProjectConfig>> byFolder_;  // null: none applies
  std::map<std::filesystem::path, std::shared_ptr<const ProjectConfig>> byFile_;
  std::vector<ConfigProblem> problems_;
};

}  // namespace nianbao::config
