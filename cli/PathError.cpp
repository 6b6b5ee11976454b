#include "PathError.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace nianbao::cli {

namespace {

std::string linkTarget(const std::string& path) {
  std::vector<char> buf(4096);
  ssize_t n = readlink(path.c_str(), buf.data(), buf.size());
  return n < 0 ? std::string("?") : std::string(buf.data(), static_cast<std::size_t>(n));
}

}  // namespace

std::string describePathError(const std::string& path, int err) {
  const std::string os = std::strerror(err);
  struct stat st {};
  switch (err) {
    case ENOENT:
      // stat() follows links, so ENOENT for a link means its target is missing.
      if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
        return "a broken symbolic link to " + linkTarget(path) + ": " + os;
      return "no such file or directory";
    case ELOOP:
      return "a loop of symbolic links: " + os;
    case EACCES:
      // stat() needs only search permission on the directories above; if it
      // works, the file itself is what may not be read.
      if (stat(path.c_str(), &st) == 0) return "cannot read it: " + os;
      return "a directory on its path cannot be searched: " + os;
    case ENOTDIR:
      return "a part of its path is not a directory: " + os;
    case ENAMETOOLONG:
      return "the name is too long: " + os;
    default:
      return os;
  }
}

std::string describeFileType(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "of an unknown kind";
}

}  // namespace nianbao::cli
