// libFuzzer target: nianbao.toml on arbitrary bytes, and globs.
//
// The whole input is read as a project file (toml++, then nianbao's keys):
// never a crash or an exception; every problem names the file, and has a
// line when the text could be parsed at all. The config it gives answers
// rulesFor/excluded/included for any path. Then the input's lines are
// globs and paths: line 1 a glob, the next few paths it is matched against
// (and globs of their own, matched against line 1).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ProjectConfig.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

const nianbao::config::ConfigVocabulary& vocabulary() {
  static const nianbao::config::ConfigVocabulary v = nianbao::config::builtinVocabulary();
  return v;
}

std::vector<std::string_view> lines(std::string_view s, std::size_t most) {
  std::vector<std::string_view> out;
  while (out.size() < most) {
    std::size_t nl = s.find('\n');
    out.push_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nianbao::config;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path file = "/project/nianbao.toml";

  std::vector<ConfigProblem> problems;
  ProjectConfig config = parseProjectConfig(text, file, vocabulary(), problems);
  require(config.root == "/project");
  for (const auto& p : problems) {
    require(p.file == file && !p.message.empty());
    require(p.line >= 1 && p.column >= 1);
    require(!p.describe().empty());
  }
  if (text.empty()) require(problems.empty());
  for (std::size_t i = 1; i < problems.size(); ++i)
    require(problems[i - 1].line < problems[i].line ||
            (problems[i - 1].line == problems[i].line && problems[i - 1].column <= problems[i].column));

  std::vector<std::string_view> parts = lines(text, 6);
  for (std::string_view path : parts) {
    std::filesystem::path p = "/project/" + std::string(path);
    config.rulesFor(p);
    config.excluded(p);
    config.included(p);
  }

  std::string error;
  std::optional<Glob> glob = Glob::parse(parts[0], &error);
  require(glob.has_value() || !error.empty());
  if (glob) {
    require(glob->pattern() == parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) glob->matches(parts[i]);
  }
  for (std::size_t i = 1; i < parts.size(); ++i)
    if (auto g = Glob::parse(parts[i], nullptr)) g->matches(parts[0]);
  return 0;
}
