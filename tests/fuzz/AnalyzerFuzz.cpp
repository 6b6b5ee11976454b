// libFuzzer target: the analyzer on arbitrary bytes. Parsing never fails:
// any input gives a model and findings whose ranges lie in the text, fixes
// whose edits do too, and fix-all, the outline and completion never crash.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "Analyzer.h"
#include "features/Completion.h"
#include "features/Outline.h"
#include "templates/BuiltinTemplates.h"

namespace {

const nianbao::Analyzer& analyzer() {
  static const nianbao::Analyzer a(nianbao::governmentInformationDisclosure2021());
  return a;
}

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  nianbao::SourceText text(bytes);
  nianbao::Analysis a = analyzer().analyze(text);
  for (const auto& f : a.findings) {
    require(f.range.begin <= f.range.end && f.range.end <= text.size());
    if (f.fix)
      for (const auto& e : f.fix->edits) require(e.range.begin <= e.range.end && e.range.end <= text.size());
  }
  if (!a.model.isReport) return 0;
  nianbao::fixAll(analyzer(), text);
  nianbao::outline(analyzer().tmpl(), text, a.model);
  nianbao::completeAt(analyzer().tmpl(), text, a.model, size == 0 ? 0 : data[0] * text.size() / 255);
  return 0;
}
