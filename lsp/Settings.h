#pragma once
// The server's settings, under the `nianbao` section: from
// initializationOptions, workspace/configuration and
// workspace/didChangeConfiguration. Unknown keys are ignored; a known key
// with a wrong value keeps its old value and is reported.

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/RuleSettings.h"

namespace nianbao::lsp {

enum class HeadingsCheckOn { Save, Type };
enum class LogLevel { Off, Error, Warning, Info, Debug };

struct Settings {
  // When the part and topic completeness checks update: on open and save
  // (so a half-written report is not covered in errors), or as one types.
  HeadingsCheckOn headingsCheckOn = HeadingsCheckOn::Save;
  // Quiet time after a keystroke before the document is analysed.
  std::chrono::milliseconds debounce{50};
  // What reaches the client as window/logMessage (stderr gets Info and up).
  LogLevel logLevel = LogLevel::Warning;
  // The format reports are checked against: "auto" (each report's year's),
  // or a template's year or id ("2019", "2021"); the server checks it names one.
  std::string templateName = "auto";

  // Not editor settings: what the document's nianbao.toml says of it.
  RuleSettings rules;     // per-code severities, [rules] with [per-file-rules] over them
  bool excluded = false;  // [files] exclude names it: no diagnostics
};

// `settings` with the values in `section` (the object under "nianbao", or an
// object holding "nianbao") applied; problems name the key and the value.
Settings applySettings(Settings settings, const nlohmann::json& section, std::vector<std::string>* problems);

const char* logLevelName(LogLevel level);

}  // namespace nianbao::lsp
