#include "ProjectConfig.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "rules/RuleDocs.h"

namespace nianbao::config {
namespace fs = std::filesystem;

std::string ConfigProblem::describe() const {
  // Relative to the working folder when it is beneath it, as the user would type it.
  std::error_code ec;
  fs::path shown = file;
  if (file.is_absolute()) {
    fs::path relative = file.lexically_relative(fs::current_path(ec));
    if (!ec && !relative.empty() && *relative.begin() != "..") shown = relative;
  }
  std::string out = shown.string();
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!key.empty()) out += key + ": ";
  return out + message;
}

namespace {

// Reads one file's tables, noting problems where they are.
class Reader {
 public:
  Reader(const fs::path& file, const ConfigVocabulary& vocabulary, std::vector<ConfigProblem>& problems)
      : file_(file), vocabulary_(vocabulary), problems_(problems) {}

  void problem(const toml::source_region& at, std::string key, std::string message) {
    problems_.push_back({file_, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column), std::move(key),
                         std::move(message)});
  }

  static std::string typeName(const toml::node& n) {
    switch (n.type()) {
      case toml::node_type::table: return "a table";
      case toml::node_type::array: return "an array";
      case toml::node_type::string: return "a string";
      case toml::node_type::integer: return "an integer";
      case toml::node_type::floating_point: return "a number";
      case toml::node_type::boolean: return "a boolean";
      default: return "a date or time";
    }
  }

  // A string value out of a fixed set.
  std::optional<std::string> oneOf(const toml::node& n, const std::string& key, const std::vector<std::string>& allowed) {
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i)
      list += (i ? (i + 1 == allowed.size() ? " or " : ", ") : "") + ("\"" + allowed[i] + "\"");
    const auto* s = n.as_string();
    if (!s) {
      problem(n.source(), key, "must be " + list + ", not " + typeName(n));
      return std::nullopt;
    }
    for (const auto& a : allowed)
      if (s->get() == a) return a;
    problem(n.source(), key, "must be " + list + ", not \"" + s->get() + "\"");
    return std::nullopt;
  }

  std::vector<Glob> globs(const toml::node& n, const std::string& key) {
    std::vector<Glob> out;
    const auto* array = n.as_array();
    if (!array) {
      problem(n.source(), key, "must be an array of globs, not " + typeName(n));
      return out;
    }
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (!s) {
        problem(item.source(), key, "each entry must be a glob in quotes, not " + typeName(item));
        continue;
      }
      std::string error;
      if (auto g = Glob::parse(s->get(), &error)) out.push_back(std::move(*g));
      else problem(item.source(), key, "\"" + s->get() + "\": " + error);
    }
    return out;
  }

  bool codeKnown(std::string_view code) const { return !vocabulary_.knownCode || vocabulary_.knownCode(code); }

  // [rules] or one [per-file-rules] entry: code = "severity", or an array of codes turned off.
  RuleSettings rules(const toml::node& n, const std::string& where) {
    RuleSettings out;
    if (const auto* codes = n.as_array()) {
      for (const auto& item : *codes) {
        const auto* s = item.as_string();
        if (!s) {
          problem(item.source(), where, "each entry must be a code in quotes, not " + typeName(item));
        } else if (!codeKnown(s->get())) {
          problem(item.source(), where, "no rule has the code '" + s->get() + "' (nianbao check --explain lists them)");
        } else {
          out.severity[s->get()] = std::nullopt;
        }
      }
      return out;
    }
    const auto* table = n.as_table();
    if (!table) {
      problem(n.source(), where, "must be a table of code = \"severity\", not " + typeName(n));
      return out;
    }
    for (const auto& [key, value] : *table) {
      std::string code(key.str());
      std::string name = where + " " + code;
      if (!codeKnown(code)) {
        problem(key.source(), name, "no rule has this code (nianbao check --explain lists them)");
        continue;
      }
      if (auto word = oneOf(value, name, {"error", "warning", "info", "hint", "off"})) {
        std::optional<Severity> severity;
        parseRuleSeverity(*word, severity);
        out.severity[code] = severity;
      }
    }
    return out;
  }

  void unknownKey(const toml::key& key, const std::string& where, const std::string& known) {
    problem(key.source(), where.empty() ? std::string(key.str()) : where + "." + std::string(key.str()),
            "not a setting nianbao knows (" + known + ")");
  }

  void read(const toml::table& root, ProjectConfig& config) {
    for (const auto& [key, value] : root) {
      std::string k(key.str());
      if (k == "template") {
        config.templateName = oneOf(value, k, vocabulary_.templateNames);
      } else if (k == "language") {
        config.language = oneOf(value, k, {"zh", "en"});
      } else if (k == "editor") {
        section(value, k, [&](const toml::key& sub, const toml::node& v) {
          if (sub.str() == "headings-check-on") config.headingsCheckOn = oneOf(v, "editor.headings-check-on", {"save", "type"});
          else unknownKey(sub, k, "editor has headings-check-on");
        });
      } else if (k == "files") {
        section(value, k, [&](const toml::key& sub, const toml::node& v) {
          if (sub.str() == "include") config.include = globs(v, "files.include");
          else if (sub.str() == "exclude") config.exclude = globs(v, "files.exclude");
          else unknownKey(sub, k, "files has include and exclude");
        });
      } else if (k == "rules") {
        config.rules = rules(value, "[rules]");
      } else if (k == "per-file-rules") {
        section(value, k, [&](const toml::key& sub, const toml::node& v) {
          std::string error;
          auto glob = Glob::parse(sub.str(), &error);
          if (!glob) {
            problem(sub.source(), "[per-file-rules] \"" + std::string(sub.str()) + "\"", error);
            return;
          }
          config.perFileRules.emplace_back(std::move(*glob),
                                           rules(v, "[per-file-rules] \"" + std::string(sub.str()) + "\""));
        });
      } else {
        unknownKey(key, "", "the keys are template, language, [editor], [files], [rules] and [per-file-rules]");
      }
    }
  }

 private:
  template <typename Each>
  void section(const toml::node& n, const std::string& key, Each each) {
    const auto* table = n.as_table();
    if (!table) {
      problem(n.source(), key, "must be a table ([" + key + "]), not " + typeName(n));
      return;
    }
    for (const auto& [sub, value] : *table) each(sub, value);
  }

  fs::path file_;
  const ConfigVocabulary& vocabulary_;
  std::vector<ConfigProblem>& problems_;
};

// `file` relative to `root`, with / between folders; empty if it is not beneath it.
std::string relativeTo(const fs::path& file, const fs::path& root) {
  fs::path absolute = file.is_absolute() ? file : fs::absolute(file);
  fs::path relative = absolute.lexically_normal().lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return {};
  return relative.generic_string();
}

bool anyMatches(const std::vector<Glob>& globs, const std::string& path, bool orAFolderAbove) {
  for (const auto& g : globs) {
    if (g.matches(path)) return true;
    if (!orAFolderAbove) continue;
    // drafts or drafts/ excludes everything in the folder.
    for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      if (g.matches(path.substr(0, slash)) || g.matches(path.substr(0, slash + 1))) return true;
  }
  return false;
}

}  // namespace

ConfigVocabulary builtinVocabulary() {
  ConfigVocabulary v;
  v.knownCode = [](std::string_view code) { return findRuleDoc(code) != nullptr; };
  return v;
}

RuleSettings ProjectConfig::rulesFor(const fs::path& file) const {
  RuleSettings out = rules;
  if (perFileRules.empty()) return out;
  std::string path = relativeTo(file, root);
  if (path.empty()) return out;
  for (const auto& [glob, settings] : perFileRules)
    if (glob.matches(path)) out.overrideWith(settings);
  return out;
}

bool ProjectConfig::excluded(const fs::path& file) const {
  if (exclude.empty()) return false;
  std::string path = relativeTo(file, root);
  return !path.empty() && anyMatches(exclude, path, true);
}

std::optional<bool> ProjectConfig::included(const fs::path& file) const {
  if (include.empty()) return std::nullopt;
  std::string path = relativeTo(file, root);
  return !path.empty() && anyMatches(include, path, true);  // a folder named includes all in it, as exclude does
}

ProjectConfig parseProjectConfig(std::string_view text, const fs::path& file, const ConfigVocabulary& vocabulary,
                                 std::vector<ConfigProblem>& problems) {
  ProjectConfig config;
  config.file = file;
  config.root = (file.is_absolute() ? file : fs::absolute(file)).lexically_normal().parent_path();
  std::size_t before = problems.size();
  Reader reader(file, vocabulary, problems);
  try {
    toml::table root = toml::parse(text, file.string());
    reader.read(root, config);
  } catch (const toml::parse_error& e) {
    reader.problem(e.source(), "", std::string(e.description()));
  }
  // In the file's order (tables iterate by key).
  std::stable_sort(problems.begin() + static_cast<long>(before), problems.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return config;
}

fs::path findProjectConfig(const fs::path& folder) {
  std::error_code ec;
  fs::path dir = (folder.is_absolute() ? folder : fs::absolute(folder, ec)).lexically_normal();
  while (true) {
    fs::path candidate = dir / kFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_relative_path()) return {};
    dir = dir.parent_path();
  }
}

std::shared_ptr<const ProjectConfig> ProjectConfigs::read(const fs::path& file) {
  // Under the lock: a file is read once, and its problems reported once.
  if (auto it = byFile_.find(file); it != byFile_.end()) return it->second;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  std::shared_ptr<const ProjectConfig> config;
  if (!in) {
    problems_.push_back({file, 0, 0, "", "cannot be read"});
    config = std::make_shared<const ProjectConfig>(ProjectConfig{.file = file, .root = file.parent_path()});
  } else {
    config = std::make_shared<const ProjectConfig>(parseProjectConfig(bytes.str(), file, vocabulary_, problems_));
  }
  byFile_[file] = config;
  return config;
}

std::shared_ptr<const ProjectConfig> ProjectConfigs::forFile(const fs::path& file) {
  std::error_code ec;
  fs::path folder = (file.is_absolute() ? file : fs::absolute(file, ec)).lexically_normal().parent_path();
  std::lock_guard lock(mutex_);
  if (auto it = byFolder_.find(folder); it != byFolder_.end()) return it->second;
  fs::path found = findProjectConfig(folder);
  auto config = found.empty() ? nullptr : read(found);
  byFolder_[folder] = config;
  return config;
}

std::shared_ptr<const ProjectConfig> ProjectConfigs::load(const fs::path& file) {
  std::error_code ec;
  std::lock_guard lock(mutex_);
  return read((file.is_absolute() ? file : fs::absolute(file, ec)).lexically_normal());
}

std::vector<ConfigProblem> ProjectConfigs::takeProblems() {
  std::lock_guard lock(mutex_);
  return std::exchange(problems_, {});
}

void ProjectConfigs::clear() {
  std::lock_guard lock(mutex_);
  byFolder_.clear();
  byFile_.clear();
}

}  // namespace nianbao::config
