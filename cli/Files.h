#pragma once
// Finding and reading report files for the command line: discovery of files
// under directories, and reading and decoding (Encoding.h) with errors that
// name the file and say what the OS said. Writing is AtomicWrite.h.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "AtomicWrite.h"
#include "Encoding.h"

namespace nianbao::cli {

// The files named, with directories expanded to their *.md, *.markdown and
// *.txt files (recursively, sorted). Symbolic links to directories inside a
// tree are not followed (a link to a parent would loop, one to a sibling
// would check it twice); links to report files are. Problems (missing paths,
// link loops, directories that cannot be read) go to `errors`, and every
// readable report is still listed.
std::vector<std::filesystem::path> collectInputs(const std::vector<std::string>& args,
                                                 std::vector<std::string>& errors);

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
struct ReadResult {
  std::optional<std::string> text;
  Encoding encoding;
  FileSnapshot snapshot;  // its bytes only with ReadOptions::keepBytes
  std::string error;      // names the file and what is wrong with it
};
ReadResult readReport(const std::filesystem::path& path, const ReadOptions& options = {});
ReadResult readStdin(const std::string& name);

}  // namespace nianbao::cli
