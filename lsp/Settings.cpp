#include "Settings.h"

namespace nianbao::lsp {

using nlohmann::json;

namespace {

// Settings arrive nested ({"headings": {"checkOn": …}}) or, from some
// clients, dotted ({"headings.checkOn": …}); both are accepted.
const json* lookup(const json& root, const std::string& dotted) {
  if (auto flat = root.find(dotted); flat != root.end()) return &*flat;
  const json* node = &root;
  std::size_t from = 0;
  while (true) {
    std::size_t dot = dotted.find('.', from);
    std::string key = dotted.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string::npos) return node;
    from = dot + 1;
  }
}

}  // namespace

const char* logLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::Off: return "off";
    case LogLevel::Error: return "error";
    case LogLevel::Warning: return "warning";
    case LogLevel::Info: return "info";
    case LogLevel::Debug: return "debug";
  }
  return "warning";
}

Settings applySettings(Settings s, const json& given, std::vector<std::string>* problems) {
  const json* section = &given;
  if (given.is_object() && given.contains("nianbao") && given["nianbao"].is_object()) section = &given["nianbao"];
  if (!section->is_object()) return s;
  auto complain = [&](const std::string& key, const json& value, const std::string& expected) {
    if (problems) problems->push_back("nianbao." + key + " must be " + expected + ", not " + value.dump());
  };
  if (const json* v = lookup(*section, "headings.checkOn")) {
    if (*v == "save") s.headingsCheckOn = HeadingsCheckOn::Save;
    else if (*v == "type") s.headingsCheckOn = HeadingsCheckOn::Type;
    else complain("headings.checkOn", *v, "\"save\" or \"type\"");
  }
  if (const json* v = lookup(*section, "diagnostics.debounceMs")) {
    if (v->is_number() && v->get<double>() >= 0 && v->get<double>() <= 10000)
      s.debounce = std::chrono::milliseconds(static_cast<long long>(v->get<double>()));
    else
      complain("diagnostics.debounceMs", *v, "a number of milliseconds from 0 to 10000");
  }
  if (const json* v = lookup(*section, "logLevel")) {
    bool known = false;
    for (LogLevel l : {LogLevel::Off, LogLevel::Error, LogLevel::Warning, LogLevel::Info, LogLevel::Debug})
      if (*v == logLevelName(l)) s.logLevel = l, known = true;
    if (!known) complain("logLevel", *v, "one of off, error, warning, info, debug");
  }
  if (const json* v = lookup(*section, "template")) {
    if (v->is_string() && !v->get<std::string>().empty()) s.templateName = v->get<std::string>();
    else complain("template", *v, "\"auto\", \"2019\" or \"2021\"");
  }
  return s;
}

}  // namespace nianbao::lsp
