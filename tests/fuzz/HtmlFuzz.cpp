// libFuzzer target: web pages (.html) on arbitrary bytes. Decoding, gumbo
// and the conversion to Markdown never crash; a page read gives a report
// whose every line has its origin (ConvertedCheck.h); a page refused says why.

#include <cstdint>
#include <string_view>

#include "ConvertedCheck.h"
#include "HtmlReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  nianbao::cli::declaredCharset(bytes);
  nianbao::cli::Conversion c = nianbao::cli::readHtml(bytes);
  nianbao::fuzz::require(c.report.has_value() != !c.error.empty());
  if (c.report) nianbao::fuzz::checkConverted(*c.report);
  return 0;
}
