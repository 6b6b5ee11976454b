// libFuzzer target: Word reports (.docx). Byte 0 picks what the rest is:
//   0: the file's bytes as they are (mostly not a zip: the refusals);
//   1: word/document.xml, put in a zip built here with libzip, so that the
//      XML reading and the conversion are what is fuzzed;
//   2: the same, with word/styles.xml after the first NUL byte.
// Never a crash; a document read gives a report whose every line has its
// origin (ConvertedCheck.h); a document refused says why.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <zip.h>

#include "ConvertedCheck.h"
#include "DocxReader.h"

namespace {

// A zip (entries stored, not deflated: quicker) holding `entries`, as bytes.
std::string zipOf(const std::vector<std::pair<const char*, std::string_view>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  nianbao::fuzz::require(buffer != nullptr);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  nianbao::fuzz::require(zip != nullptr);
  zip_source_keep(buffer);  // zip_close would free it; its bytes are the result
  for (const auto& [name, bytes] : entries) {
    zip_source_t* s = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    zip_int64_t index = zip_file_add(zip, name, s, ZIP_FL_ENC_UTF_8);
    nianbao::fuzz::require(index >= 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  nianbao::fuzz::require(zip_close(zip) == 0);
  std::string out;
  nianbao::fuzz::require(zip_source_open(buffer) == 0);
  zip_source_seek(buffer, 0, SEEK_END);
  out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  nianbao::fuzz::require(zip_source_read(buffer, out.data(), out.size()) == static_cast<zip_int64_t>(out.size()));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  nianbao::cli::Conversion c;
  switch (data[0] % 3) {
    case 0:
      c = nianbao::cli::readDocx(rest);
      break;
    case 1:
      c = nianbao::cli::readDocx(zipOf({{"word/document.xml", rest}}));
      break;
    default: {
      std::size_t nul = rest.find('\0');
      std::string_view document = rest.substr(0, nul);
      std::string_view styles = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
      c = nianbao::cli::readDocx(zipOf({{"word/document.xml", document}, {"word/styles.xml", styles}}));
      break;
    }
  }
  nianbao::fuzz::require(c.report.has_value() != !c.error.empty());
  if (c.report) nianbao::fuzz::checkConverted(*c.report);
  return 0;
}
