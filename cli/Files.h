#pragma once
// Reading and writing report files for the command line: discovery of files
// under directories, decoding checks, and atomic replacement.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nianbao::cli {

// The files named, with directories expanded to their *.md, *.markdown and
// *.txt files (recursively, sorted). Problems (missing paths) go to `errors`.
std::vector<std::filesystem::path> collectInputs(const std::vector<std::string>& args,
                                                 std::vector<std::string>& errors);

struct ReadResult {
  std::optional<std::string> bytes;
  std::string error;  // names the file and what is wrong with it
};
ReadResult readReport(const std::filesystem::path& path);
ReadResult readStdin(const std::string& name);

// Refuses text that is not UTF-8 or is binary, naming the charset it looks like.
std::optional<std::string> undecodableReason(const std::string& bytes);

// Writes `bytes` to a temporary file beside the file `path` names (following
// symbolic links) and renames it over that file, keeping its permissions:
// the file is either old or new, never half-written.
bool writeAtomically(const std::filesystem::path& path, const std::string& bytes, std::string& error);

}  // namespace nianbao::cli
