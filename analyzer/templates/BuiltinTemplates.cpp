#include "templates/BuiltinTemplates.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "templates/TemplateJson.h"

namespace nianbao {
namespace embedded {
extern const std::string_view kGovInfoDisclosure2021;
extern const std::string_view kGovInfoDisclosure2019;
}

namespace {

Template load(std::string_view json) {
  TemplateLoadResult loaded = loadTemplateJson(json);
  if (!loaded.value) {
    // The files are part of the build and tested; failing here means a broken build.
    std::fprintf(stderr, "nianbao: built-in template is invalid: %s\n", loaded.error.c_str());
    std::abort();
  }
  return std::move(*loaded.value);
}

}  // namespace

const Template& governmentInformationDisclosure2021() {
  static const Template instance = load(embedded::kGovInfoDisclosure2021);
  return instance;
}

const Template& governmentInformationDisclosure2019() {
  static const Template instance = load(embedded::kGovInfoDisclosure2019);
  return instance;
}

const std::vector<const Template*>& builtinTemplates() {
  static const std::vector<const Template*> all{&governmentInformationDisclosure2021(),
                                                &governmentInformationDisclosure2019()};
  return all;
}

const Template* builtinTemplate(std::string_view name) {
  for (const Template* t : builtinTemplates())
    if (t->id == name || (t->years && std::to_string(t->years->from) == name)) return t;
  return nullptr;
}

const Template& builtinTemplateForYear(std::optional<int> year) {
  if (year)
    for (const Template* t : builtinTemplates())
      if (t->years && t->years->contains(*year)) return *t;
  return *builtinTemplates().front();
}

}  // namespace nianbao
