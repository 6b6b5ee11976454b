#include "AtomicWrite.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nianbao::cli {
namespace fs = std::filesystem;

namespace {

// The named temporary file to remove if the process is told to stop. Set and
// cleared only with the signals blocked, so the handler never sees half a name.
char gPendingName[PATH_MAX];
volatile sig_atomic_t gPending = 0;

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};

void removePendingAndStop(int sig) {
  if (gPending) unlink(gPendingName);
  signal(sig, SIG_DFL);
  raise(sig);  // delivered when the handler returns: the process ends as the signal meant
}

// Only where the signal would have ended the process anyway: an ignored
// signal (nohup) stays ignored.
void installStopHandlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int sig : kStopSignals) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
    struct sigaction sa {};
    sa.sa_handler = removePendingAndStop;
    sigfillset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
  }
}

class BlockStopSignals {
 public:
  BlockStopSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kStopSignals) sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~BlockStopSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  BlockStopSignals(const BlockStopSignals&) = delete;
  BlockStopSignals& operator=(const BlockStopSignals&) = delete;

 private:
  sigset_t old_;
};

// With the stop signals blocked.
void setPending(const std::string& name) {
  if (name.size() >= sizeof gPendingName) return;
  std::memcpy(gPendingName, name.c_str(), name.size() + 1);
  gPending = 1;
}
void clearPending() { gPending = 0; }

// A hidden name beside the file, so the rename stays on one file system.
std::string hiddenName(const fs::path& dir, const std::string& filename) {
  static unsigned long long counter = 0;
  // A long name would take the temporary's past NAME_MAX (255 bytes).
  std::string base = filename.size() <= 200 ? "." + filename + ".nianbao-" : std::string(".nianbao-");
  unsigned long long x = static_cast<unsigned long long>(getpid()) * 0x9E3779B97F4A7C15ULL ^
                         static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                         (++counter * 0xBF58476D1CE4E5B9ULL);
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int i = 0; i < 8; ++i, x /= 36) base += kAlphabet[x % 36];
  return (dir / base).string();
}

// A new file with a hidden name, registered for removal on a stop signal;
// -1 with errno if none can be made.
int openNamed(const fs::path& dir, const std::string& filename, std::string& name) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string candidate = hiddenName(dir, filename);
    BlockStopSignals block;
    int fd = open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      name = candidate;
      setPending(name);
      return fd;
    }
    if (errno != EEXIST) return -1;
  }
  return -1;
}

// Gives the O_TMPFILE file `fd` a hidden name; false with errno if it cannot.
bool linkUnnamed(int fd, const fs::path& dir, const std::string& filename, std::string& name) {
  char proc[64];
  std::snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string candidate = hiddenName(dir, filename);
    if (linkat(AT_FDCWD, proc, AT_FDCWD, candidate.c_str(), AT_SYMLINK_FOLLOW) == 0 ||
        // Without /proc: the same, where the process may use AT_EMPTY_PATH.
        (errno != EEXIST && linkat(fd, "", AT_FDCWD, candidate.c_str(), AT_EMPTY_PATH) == 0)) {
      name = candidate;
      return true;
    }
    if (errno != EEXIST) return false;
  }
  return false;
}

// 0, or the errno of the write that failed.
int writeAll(int fd, const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

bool sameStat(const struct stat& st, const FileSnapshot& s) {
  return st.st_dev == s.device && st.st_ino == s.inode && st.st_size == s.size &&
         st.st_mtim.tv_sec == s.modified.tv_sec && st.st_mtim.tv_nsec == s.modified.tv_nsec &&
         st.st_ctim.tv_sec == s.changed.tv_sec && st.st_ctim.tv_nsec == s.changed.tv_nsec;
}

// Whether the file at `path` still holds what was read. A different inode,
// size or time is a change, found cheaply; the same stat is still compared
// byte for byte, as times are coarse and can be set back.
bool stillAsRead(const fs::path& path, const FileSnapshot& s) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool same = fstat(fd, &st) == 0 && sameStat(st, s);
  std::size_t at = 0;
  std::vector<char> buf(1 << 16);
  while (same) {
    ssize_t n = read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      same = n == 0;
      break;
    }
    std::size_t got = static_cast<std::size_t>(n);
    same = at + got <= s.bytes.size() && std::memcmp(buf.data(), s.bytes.data() + at, got) == 0;
    at += got;
  }
  // Written to while being compared: changed, whatever the bytes said.
  same = same && at == s.bytes.size() && fstat(fd, &st) == 0 && sameStat(st, s);
  close(fd);
  return same;
}

// Whether what an exchange took out of the report's place is still the file
// as read. Not its ctime, which the rename itself sets.
bool sameFileAsRead(const std::string& name, const FileSnapshot& s) {
  struct stat st {};
  return lstat(name.c_str(), &st) == 0 && st.st_dev == s.device && st.st_ino == s.inode && st.st_size == s.size &&
         st.st_mtim.tv_sec == s.modified.tv_sec && st.st_mtim.tv_nsec == s.modified.tv_nsec;
}

// The rename is durable only once the directory is on disk too.
void syncDirectory(const fs::path& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

}  // namespace

WriteOutcome writeAtomically(const fs::path& given, const std::string& bytes, const FileSnapshot* expected,
                             std::string& error, TempKind kind) {
  // Replace the file a symbolic link points to, not the link.
  std::error_code ec;
  fs::path path = fs::is_symlink(given, ec) ? fs::canonical(given, ec) : given;
  if (ec) {
    error = given.string() + ": cannot follow the link: " + ec.message();
    return WriteOutcome::Failed;
  }
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const std::string filename = path.filename().string();
  auto fail = [&](const std::string& what, int err) {
    error = path.string() + ": " + what + ": " + std::strerror(err);
    return WriteOutcome::Failed;
  };

  std::string name;  // the temporary file's, empty while it has none
  int fd = -1;
  if (kind == TempKind::Unnamed) {
    fd = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    // EISDIR: a kernel without O_TMPFILE; EOPNOTSUPP: a file system without it.
    if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
      return fail("cannot create a temporary file in " + dir.string(), errno);
  }
  if (fd < 0) {
    installStopHandlers();
    fd = openNamed(dir, filename, name);
    if (fd < 0) return fail("cannot create a temporary file in " + dir.string(), errno);
  }
  auto discard = [&] {
    close(fd);
    if (name.empty()) return;  // an unnamed file goes with its descriptor
    BlockStopSignals block;
    unlink(name.c_str());
    clearPending();
  };

  struct stat st {};
  if (stat(path.c_str(), &st) == 0) fchmod(fd, st.st_mode & 07777);
  int err = writeAll(fd, bytes);
  if (!err && fsync(fd) != 0) err = errno;
  if (err) {
    discard();
    return fail("write failed", err);
  }
  // A change between this comparison and the replacement is caught after it:
  // the new file is swapped in (RENAME_EXCHANGE), and if what came out is not
  // the file as read, the two are swapped back.
  if (expected && !stillAsRead(path, *expected)) {
    discard();
    return WriteOutcome::Changed;
  }
  BlockStopSignals block;  // a stop signal waits until the name is gone again
  if (name.empty()) {
    if (!linkUnnamed(fd, dir, filename, name)) {
      err = errno;
      close(fd);
      return fail("cannot give the temporary file a name in " + dir.string(), err);
    }
    setPending(name);
  }
  const char* failed = nullptr;
  if (close(fd) != 0) {
    failed = "write failed";
  } else if (expected && renameat2(AT_FDCWD, name.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) {
    // `name` now holds what was in the report's place.
    bool unchanged = sameFileAsRead(name, *expected);
    if (!unchanged) renameat2(AT_FDCWD, name.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE);
    unlink(name.c_str());
    clearPending();
    if (!unchanged) return WriteOutcome::Changed;
    syncDirectory(dir);
    return WriteOutcome::Written;
  } else if (expected && errno == ENOENT) {
    unlink(name.c_str());  // the report was removed meanwhile: that is a change too
    clearPending();
    return WriteOutcome::Changed;
  } else if (expected && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
    failed = "cannot replace the file";
  } else if (std::rename(name.c_str(), path.c_str()) != 0) {  // no exchange here: the plain rename
    failed = "cannot replace the file";
  }
  if (failed) {
    err = errno;
    unlink(name.c_str());
    clearPending();
    return fail(failed, err);
  }
  clearPending();
  syncDirectory(dir);
  return WriteOutcome::Written;
}

}  // namespace nianbao::cli
