#include "Files.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "DocxReader.h"
#include "HtmlReader.h"
#include "PathError.h"

namespace nianbao::cli {
namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool isReportExtension(const fs::path& p) {
  std::string ext = lowerExtension(p);
  if (ext == ".md" || ext == ".markdown" || ext == ".txt") return true;
  // Word leaves ~$name.docx beside a document it has open: a lock file, no report.
  return isConvertedReport(p) && !p.filename().string().starts_with("~$");
}

// The reports below `root`, walked with an explicit stack (no recursion to
// overflow). An entry is looked at without following links; only a link
// named like a report is followed, and only to a regular file.
std::vector<fs::path> reportsUnder(const fs::path& root, std::vector<std::string>& errors) {
  std::vector<fs::path> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code te;
      fs::file_status own = it->symlink_status(te);
      if (fs::is_directory(own)) {
        pending.push_back(it->path());
        continue;
      }
      if (!isReportExtension(it->path())) continue;
      if (fs::is_regular_file(own)) {
        found.push_back(it->path());
      } else if (fs::is_symlink(own)) {
        const std::string p = it->path().string();
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) {
          int e = errno;
          errors.push_back(p + ": " + describePathError(p, e));
        } else if (S_ISREG(st.st_mode)) {
          found.push_back(it->path());
        }
      }
      // Pipes, devices and sockets in a tree are not reports, and reading
      // some of them would never end.
    }
    if (ec) errors.push_back(dir.string() + ": cannot read the directory: " + ec.message());
  }
  return found;
}

std::string mebibytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

std::string tooLarge(const std::string& name, std::uint64_t size, bool known) {
  std::string limit = std::to_string(kMaxReportBytes >> 20) + " MiB";
  if (!known) return name + ": too large for a report: more than " + limit;
  return name + ": too large for a report: " + std::to_string(size) + " bytes (" + mebibytes(size) +
         " MiB); the limit is " + limit;
}

// Reads to the end, or up to one byte past the limit; the errno of a failed read, or 0.
// `*grew`: a short read was followed by more bytes. A regular file gives
// whole buffers until its end, so that means it was written to meanwhile.
int readAll(int fd, std::uint64_t expected, std::string& bytes, bool* grew = nullptr) {
  bytes.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(expected, kMaxReportBytes) + 1));
  char buf[1 << 16];
  bool shortRead = false;
  while (bytes.size() <= kMaxReportBytes) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) break;
    if (shortRead && grew) *grew = true;
    shortRead = static_cast<std::size_t>(n) < sizeof buf;
    bytes.append(buf, static_cast<std::size_t>(n));
  }
  return 0;
}

bool acceptable(mode_t mode, const ReadOptions& options) {
  return S_ISREG(mode) || (S_ISFIFO(mode) && options.allowPipe);
}

std::string notRegular(const std::string& name, mode_t mode) {
  std::string what = name + ": not a regular file (" + describeFileType(mode) + ")";
  if (S_ISFIFO(mode)) what += "; fix rewrites files in place, so it needs one";
  return what;
}

// The bytes decoded, or an error naming `name`.
ReadResult decoded(const std::string& name, const std::string& bytes) {
  ReadResult r;
  Decoded d = decode(bytes);
  if (!d.text) {
    r.error = name + ": " + d.error;
    return r;
  }
  r.text = std::move(d.text);
  r.encoding = d.encoding;
  return r;
}

// A .docx or .html report's bytes converted (DocxReader.h, HtmlReader.h), or an error naming `name`.
ReadResult converted(const std::string& name, const std::string& bytes) {
  ReadResult r;
  Conversion c = lowerExtension(name) == ".docx" ? readDocx(bytes) : readHtml(bytes);
  if (!c.report) {
    r.error = name + ": " + c.error;
    return r;
  }
  r.text = c.report->markdown;
  r.converted = std::make_shared<const ConvertedReport>(std::move(*c.report));
  return r;
}

// The bytes read as the file's name says: converted, or decoded.
ReadResult fromBytes(const std::string& name, const std::string& bytes) {
  return isConvertedReport(name) ? converted(name, bytes) : decoded(name, bytes);
}

}  // namespace

bool isConvertedReport(const fs::path& path) {
  std::string ext = lowerExtension(path);
  return ext == ".docx" || ext == ".html" || ext == ".htm";
}

std::vector<fs::path> collectInputs(const std::vector<std::string>& args, std::vector<std::string>& errors) {
  std::vector<fs::path> out;
  for (const auto& arg : args) {
    struct stat st {};
    if (::stat(arg.c_str(), &st) != 0) {
      int e = errno;
      errors.push_back(arg + ": " + describePathError(arg, e));
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      out.push_back(arg);  // readReport says what else may be wrong with it
      continue;
    }
    std::size_t errorsBefore = errors.size();
    std::vector<fs::path> found = reportsUnder(arg, errors);
    // A mistyped directory must not pass as a clean one.
    if (found.empty() && errors.size() == errorsBefore)
      errors.push_back(arg + ": no *.md, *.markdown, *.txt, *.docx, *.html or *.htm files in this directory");
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

// Whether two stats of one regular file show the same contents: a write in
// between changes the size or the modification time. The ctime is left out:
// reading does not change it, but a chmod would, and that is no new text.
bool sameContents(const struct stat& a, const struct stat& b) {
  return a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

// Whether the file was modified within the last two seconds (generous: file
// servers' clocks drift).
bool modifiedJustNow(const struct stat& st) {
  timespec now {};
  clock_gettime(CLOCK_REALTIME, &now);
  auto ns = [](const timespec& t) { return static_cast<long double>(t.tv_sec) * 1e9L + t.tv_nsec; };
  long double age = ns(now) - ns(st.st_mtim);
  return age < 2e9L && age > -2e9L;
}

}  // namespace

ReadResult readReport(const fs::path& path, const ReadOptions& options) {
  const std::string name = path.string();
  ReadResult r;
  struct stat st {};
  if (::stat(name.c_str(), &st) != 0) {
    int e = errno;
    r.error = name + ": " + describePathError(name, e);
    return r;
  }
  // Decided before opening: opening a device can do things (a tape rewinds),
  // and reading /dev/zero would never end.
  if (!acceptable(st.st_mode, options)) {
    r.error = notRegular(name, st.st_mode);
    return r;
  }
  // A file written to while it is read gives a torn text (half old, half
  // new, or cut inside a character): read again until a read starts and ends
  // on the same file, a few times, then give up saying why.
  constexpr int kAttempts = 5;
  std::string bytes;
  std::optional<std::string> previous;  // the last read that stat did not find torn
  for (int attempt = 1;; ++attempt) {
    // A pipe is opened blocking, to wait for its writer; anything else not,
    // so that a file swapped for a device after stat() cannot block here.
    int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (S_ISFIFO(st.st_mode) ? 0 : O_NONBLOCK);
    int fd = ::open(name.c_str(), flags);
    if (fd < 0) {
      int e = errno;
      r.error = name + ": " + describePathError(name, e);
      return r;
    }
    int err = 0;
    bytes.clear();
    struct stat after {};
    bool grew = false;
    if (fstat(fd, &st) != 0) {
      err = errno;
    } else if (!acceptable(st.st_mode, options)) {
      close(fd);
      r.error = notRegular(name, st.st_mode);
      return r;
    } else if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > kMaxReportBytes) {
      close(fd);
      r.error = tooLarge(name, static_cast<std::uint64_t>(st.st_size), true);
      return r;
    } else {
      err = readAll(fd, S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0, bytes, &grew);
      if (!err && fstat(fd, &after) != 0) err = errno;
    }
    close(fd);
    if (err) {
      r.error = name + ": read error: " + std::strerror(err);
      return r;
    }
    bool torn = S_ISREG(st.st_mode) &&
                (grew || !sameContents(st, after) || bytes.size() != static_cast<std::uint64_t>(st.st_size));
    if (!torn && !(S_ISREG(st.st_mode) && modifiedJustNow(st))) break;
    // File times tick coarsely (a few ms): a file modified just now can be
    // rewritten within the same tick, size and all, unseen by stat. Its text
    // counts once two reads in a row give the same bytes.
    if (!torn && previous == bytes) break;
    if (torn) previous.reset();
    else previous = bytes;
    if (attempt == kAttempts) {
      r.error = name + ": changed while being read, " + std::to_string(kAttempts) + " times; try again when it is saved";
      return r;
    }
    // A pause gives a writer stalled halfway (the machine is busy) the time to
    // finish, so that two reads of its half are not taken for a whole text.
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
    if (::stat(name.c_str(), &st) != 0) {
      int e = errno;
      r.error = name + ": " + describePathError(name, e);
      return r;
    }
  }
  if (bytes.size() > kMaxReportBytes) {  // a pipe, or a file that grew while read
    r.error = tooLarge(name, 0, false);
    return r;
  }
  FileSnapshot snapshot{st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim, {}};
  r = fromBytes(name, bytes);
  if (options.keepBytes) snapshot.bytes = std::move(bytes);
  r.snapshot = std::move(snapshot);
  return r;
}

ReadResult readStdin(const std::string& name) {
  std::string bytes;
  if (int err = readAll(STDIN_FILENO, 0, bytes)) {
    ReadResult r;
    r.error = name + ": read error: " + std::strerror(err);
    return r;
  }
  if (bytes.size() > kMaxReportBytes) {
    ReadResult r;
    r.error = tooLarge(name, 0, false);
    return r;
  }
  return fromBytes(name, bytes);
}

}  // namespace nianbao::cli
