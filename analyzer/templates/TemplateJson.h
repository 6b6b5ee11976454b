#pragma once
// Reads a template data file. The only JSON the analyzer library touches.

#include <optional>
#include <string>
#include <string_view>

#include "templates/Template.h"

namespace nianbao {

struct TemplateLoadResult {
  std::optional<Template> value;
  std::string error;  // why it could not be read, naming the field
};

TemplateLoadResult loadTemplateJson(std::string_view json);

}  // namespace nianbao
