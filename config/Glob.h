#pragma once
// File globs as nianbao.toml writes them, relative to the file's folder and
// with / between folders: `*` and `?` stay within a folder, `**` spans any
// number of folders, `[abc]` / `[!abc]` are classes, `{md,txt}` alternatives.
// A glob without a / matches a file's name in any folder (as .gitignore does).

#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace nianbao::config {

class Glob {
 public:
  // Null, with `error` saying why, for an unclosed [ or {.
  static std::optional<Glob> parse(std::string_view pattern, std::string* error);
  // `path` relative to the glob's folder, folders separated by /.
  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::regex regex_;
};

}  // namespace nianbao::config
