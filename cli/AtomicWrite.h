#pragma once
// Replacing a file's contents so that it is, at every moment and whatever
// happens to the process, either the old file or the new one: the new bytes
// go to a temporary file beside it, which is renamed over it.

#include <ctime>
#include <filesystem>
#include <string>

#include <sys/types.h>

namespace nianbao::cli {

// A file as it was read: enough to tell, before it is replaced, that nobody
// has changed it since.
struct FileSnapshot {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec modified{};
  timespec changed{};
  std::string bytes;
};

enum class WriteOutcome { Written, Changed, Failed };

// How the temporary file is made. Unnamed: O_TMPFILE, given a hidden name
// only for the instant between link and rename, so a process killed even by
// SIGKILL leaves nothing behind; Named (also the fallback where the file
// system has no O_TMPFILE): a hidden name from the start, removed on SIGINT,
// SIGTERM and SIGHUP but not on SIGKILL.
enum class TempKind { Unnamed, Named };

// Writes `bytes` beside the file `path` names (following symbolic links, so
// the target is replaced and the link kept) and renames it over that file,
// keeping its permissions. With `expected`, the file must still be what was
// read (same stat, then same bytes) just before the rename, and what the
// rename replaced must be that same file (where the file system can exchange
// two names atomically); otherwise the file is left as the other writer made
// it, the temporary file goes and the answer is Changed. `error` is set on
// Failed.
WriteOutcome writeAtomically(const std::filesystem::path& path, const std::string& bytes,
                             const FileSnapshot* expected, std::string& error,
                             TempKind kind = TempKind::Unnamed);

}  // namespace nianbao::cli
