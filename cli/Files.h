#pragma once
// Reading and writing report files for the command line: discovery of files
// under directories, reading and decoding (Encoding.h), and atomic replacement.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "Encoding.h"

namespace nianbao::cli {

// The files named, with directories expanded to their *.md, *.markdown and
// *.txt files (recursively, sorted). Problems (missing paths) go to `errors`.
std::vector<std::filesystem::path> collectInputs(const std::vector<std::string>& args,
                                                 std::vector<std::string>& errors);

// A report read and decoded: its text as UTF-8 (a byte order mark included,
// for SourceText to drop) and the encoding to write it back in. Text that
// cannot be decoded (binary, a charset nianbao does not read) is an error.
struct ReadResult {
  std::optional<std::string> text;
  Encoding encoding;
  std::string error;  // names the file and what is wrong with it
};
ReadResult readReport(const std::filesystem::path& path);
ReadResult readStdin(const std::string& name);

// Writes `bytes` to a temporary file beside the file `path` names (following
// symbolic links) and renames it over that file, keeping its permissions:
// the file is either old or new, never half-written.
bool writeAtomically(const std::filesystem::path& path, const std::string& bytes, std::string& error);

}  // namespace nianbao::cli
