#pragma once
// Finding and reading report files for the command line: discovery of files
// under directories, and reading and decoding (Encoding.h) with errors that
// name the file and say what the OS said. Writing is AtomicWrite.h.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "AtomicWrite.h"
#include "ConvertedReport.h"
#include "Encoding.h"

namespace nianbao::cli {

// The files named, with directories expanded to their *.md, *.markdown,
// *.txt, *.docx, *.html and *.htm files (recursively, sorted; Word's lock
// files, ~$name.docx, left out). Symbolic links to directories inside a
// tree are not followed (a link to a parent would loop, one to a sibling
// would check it twice); links to report files are. Problems (missing paths,
// link loops, directories that cannot be read) go to `errors`, and every
// readable report is still listed.
std::vector<std::filesystem::path> collectInputs(const std::vector<std::string>& args,
                                                 std::vector<std::string>& errors);

// Whether `path` names a report that is read by converting it to text: a
// Word document (.docx, DocxReader.h) or a web page (.html, .htm,
// HtmlReader.h), by its extension, in any case.
bool isConvertedReport(const std::filesystem::path& path);

// Far beyond any report (the largest are a few hundred KB), and well within memory.
inline constexpr std::uint64_t kMaxReportBytes = 512ull << 20;

struct ReadOptions {
  bool allowPipe = true;   // check reads <(...); fix cannot replace a pipe
  bool keepBytes = false;  // fix compares them with the file before replacing it
};

// A report read and decoded: its text as UTF-8 (a byte order mark included,
// for SourceText to drop) and the encoding to write it back in. Text that
// cannot be decoded (binary, a charset nianbao does not read), a file that is
// not a regular one (a device, a socket) or larger than kMaxReportBytes is an
// error.
// A .docx or .html report (isConvertedReport) is converted: its text is the
// Markdown made from it (ConvertedReport.h), `converted` says where each of
// its lines came from, and the encoding is UTF-8; a file that cannot be read
// so (not a zip, damaged XML, an undecodable page) is an error.
struct ReadResult {
  std::optional<std::string> text;
  std::shared_ptr<const ConvertedReport> converted;  // for a .docx or .html report
  Encoding encoding;
  FileSnapshot snapshot;  // its bytes only with ReadOptions::keepBytes
  std::string error;      // names the file and what is wrong with it
};
ReadResult readReport(const std::filesystem::path& path, const ReadOptions& options = {});
// Standard input, converted when `name` (--stdin-filename) says it is a .docx or .html.
ReadResult readStdin(const std::string& name);

}  // namespace nianbao::cli
