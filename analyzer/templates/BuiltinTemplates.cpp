#include "templates/BuiltinTemplates.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "templates/TemplateJson.h"

namespace nianbao {
namespace embedded {
extern const std::string_view kGovInfoDisclosure2021;
}

const Template& governmentInformationDisclosure2021() {
  static const Template instance = [] {
    TemplateLoadResult loaded = loadTemplateJson(embedded::kGovInfoDisclosure2021);
    if (!loaded.value) {
      // The file is part of the build and tested; failing here means a broken build.
      std::fprintf(stderr, "nianbao: built-in template is invalid: %s\n", loaded.error.c_str());
      std::abort();
    }
    return std::move(*loaded.value);
  }();
  return instance;
}

}  // namespace nianbao
