#pragma once
// What is wrong with a path, in words, from the errno a system call gave for
// it: a loop of symbolic links, a link to nothing and a directory that cannot
// be searched are told apart from a missing file.

#include <string>

#include <sys/types.h>

namespace nianbao::cli {

// After stat() or open() of `path` failed with `err`: words to follow
// "<path>: ", ending with what the OS said.
std::string describePathError(const std::string& path, int err);

// "a character device", "a named pipe", ... for a stat() mode.
std::string describeFileType(mode_t mode);

}  // namespace nianbao::cli
