#include "Glob.h"

namespace nianbao::config {

std::optional<Glob> Glob::parse(std::string_view pattern, std::string* error) {
  std::string body = pattern.starts_with("./") ? std::string(pattern.substr(2)) : std::string(pattern);
  if (body.starts_with("/")) body.erase(0, 1);  // anchored to the folder, as it is anyway once it has a /
  bool anyFolder = pattern.find('/') == std::string_view::npos;
  std::string re = anyFolder ? "(?:.*/)?" : "";
  int braces = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '*') {
      if (i + 1 < body.size() && body[i + 1] == '*') {
        bool wholeSegment = (i == 0 || body[i - 1] == '/') && (i + 2 == body.size() || body[i + 2] == '/');
        if (wholeSegment && i + 2 < body.size()) {
          re += "(?:.*/)?";  // **/ : any folders, or none
          i += 2;
        } else {
          re += ".*";
          ++i;
        }
      } else {
        re += "[^/]*";
      }
    } else if (c == '?') {
      re += "[^/]";
    } else if (c == '[') {
      std::size_t close = body.find(']', i + 2);
      if (close == std::string::npos) {
        if (error) *error = "'[' at " + std::to_string(i + 1) + " is not closed";
        return std::nullopt;
      }
      std::string cls = body.substr(i + 1, close - i - 1);
      re += "[";
      std::size_t k = 0;
      if (cls[0] == '!' || cls[0] == '^') re += "^/", k = 1;  // never a folder separator
      for (; k < cls.size(); ++k) {
        if (cls[k] == '\\' || cls[k] == '[' || cls[k] == ']') re += '\\';
        re += cls[k];
      }
      re += "]";
      i = close;
    } else if (c == '{') {
      re += "(?:";
      ++braces;
    } else if (c == '}' && braces > 0) {
      re += ")";
      --braces;
    } else if (c == ',' && braces > 0) {
      re += "|";
    } else {
      if (std::string_view("\\^$.|+()[]{}").find(c) != std::string_view::npos) re += '\\';
      re += c;
    }
  }
  if (braces > 0) {
    if (error) *error = "'{' is not closed";
    return std::nullopt;
  }
  Glob g;
  g.pattern_ = std::string(pattern);
  try {
    auto flags = std::regex::ECMAScript | std::regex::optimize;
#ifdef __GLIBCXX__
    // libstdc++ matches by backtracking: time exponential in the number of
    // stars (found by fuzz_project_config: a glob of 92 `*`s did not finish
    // matching a 33-character path in 10 s). __polynomial makes it run the
    // automaton breadth first instead: time path length × glob length.
    flags |= std::regex_constants::__polynomial;
#endif
    g.regex_ = std::regex(re, flags);
  } catch (const std::regex_error&) {
    if (error) *error = "it is not a glob nianbao can read";
    return std::nullopt;
  }
  return g;
}

bool Glob::matches(std::string_view path) const {
  return std::regex_match(path.begin(), path.end(), regex_);
}

}  // namespace nianbao::config
