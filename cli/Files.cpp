#include "Files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nianbao::cli {
namespace fs = std::filesystem;

namespace {

bool isReportExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".md" || ext == ".markdown" || ext == ".txt";
}

}  // namespace

std::vector<fs::path> collectInputs(const std::vector<std::string>& args, std::vector<std::string>& errors) {
  std::vector<fs::path> out;
  for (const auto& arg : args) {
    fs::path p(arg);
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back(arg + ": no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        errors.push_back(arg + ": cannot read directory: " + ec.message());
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          errors.push_back(arg + ": " + ec.message());
          break;
        }
        std::error_code fe;
        if (it->is_regular_file(fe) && isReportExtension(it->path())) found.push_back(it->path());
      }
      // A mistyped directory must not pass as a clean one.
      if (found.empty()) errors.push_back(arg + ": no *.md, *.markdown or *.txt files in this directory");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

namespace {

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

}  // namespace

ReadResult readReport(const fs::path& path) {
  ReadResult r;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = path.string() + ": cannot open: " + std::strerror(errno);
    return r;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    r.error = path.string() + ": read error";
    return r;
  }
  return decoded(path.string(), buffer.str());
}

ReadResult readStdin(const std::string& name) {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return decoded(name, bytes);
}

bool writeAtomically(const fs::path& given, const std::string& bytes, std::string& error) {
  // Replace the file a symbolic link points to, not the link.
  std::error_code ec;
  fs::path path = fs::is_symlink(given, ec) ? fs::canonical(given, ec) : given;
  if (ec) {
    error = given.string() + ": cannot follow the link: " + ec.message();
    return false;
  }
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  // A hidden name beside the file, so the rename stays on one file system.
  std::string hidden = std::string(".") + path.filename().string() + ".nianbao-XXXXXX";
  std::string tmpl = (dir / hidden).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = path.string() + ": cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) == 0) fchmod(fd, st.st_mode & 07777);
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = path.string() + ": write failed: " + std::strerror(errno);
      close(fd);
      unlink(name.data());
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    error = path.string() + ": write failed: " + std::strerror(errno);
    unlink(name.data());
    return false;
  }
  if (std::rename(name.data(), path.c_str()) != 0) {
    error = path.string() + ": cannot replace the file: " + std::strerror(errno);
    unlink(name.data());
    return false;
  }
  return true;
}

}  // namespace nianbao::cli
