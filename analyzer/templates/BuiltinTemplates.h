#pragma once
#include "templates/Template.h"

namespace nianbao {

// The 2021 national format, embedded in the binary at build time.
const Template& governmentInformationDisclosure2021();

}  // namespace nianbao
