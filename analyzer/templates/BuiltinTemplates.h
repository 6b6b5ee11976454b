#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "templates/Template.h"

namespace nianbao {

// The national formats, embedded in the binary at build time.
const Template& governmentInformationDisclosure2021();
const Template& governmentInformationDisclosure2019();

// Every built-in template, newest first.
const std::vector<const Template*>& builtinTemplates();

// A built-in template by id, or by the year its format came into force
// ("2019", "2021"); nullptr if there is none.
const Template* builtinTemplate(std::string_view name);

// The format a report of `year` was due in: the built-in whose `years`
// contain it; the newest when the year is unknown or none does.
const Template& builtinTemplateForYear(std::optional<int> year);

}  // namespace nianbao
