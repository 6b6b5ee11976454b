#include "Files.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

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

bool validUtf8(const std::string& s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Whether the bytes decode without error as `charset`.
bool decodesAs(const std::string& bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> out(bytes.size() + 1);
  ucnv_toUChars(conv, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(conv);
  return U_SUCCESS(status);
}

// The charset the bytes most likely are, for the error message only. Reports
// that are not UTF-8 are nearly always GBK/GB18030 (saved by WPS or Word on
// Chinese Windows), which ICU's detector can mistake for EUC-KR on short texts.
std::string guessCharset(const std::string& bytes) {
  if (decodesAs(bytes, "GB18030")) return "GB18030";
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  std::string name;
  ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = U_SUCCESS(status) ? ucsdet_detect(detector, &status) : nullptr;
  if (match && U_SUCCESS(status)) {
    const char* n = ucsdet_getName(match, &status);
    if (n && U_SUCCESS(status)) name = n;
  }
  ucsdet_close(detector);
  return name;
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

std::optional<std::string> undecodableReason(const std::string& bytes) {
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
    return "UTF-16 text; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)";
  if (bytes.find('\0') != std::string::npos) return "a binary file (contains NUL bytes), not a text report";
  if (validUtf8(bytes)) return std::nullopt;
  std::string guess = guessCharset(bytes);
  std::string reason = "not valid UTF-8";
  if (!guess.empty() && guess != "UTF-8")
    reason += " (it looks like " + guess + "; convert it first, e.g. iconv -f " + guess + " -t UTF-8)";
  return reason;
}

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
  std::string bytes = buffer.str();
  if (auto why = undecodableReason(bytes)) {
    r.error = path.string() + ": " + *why;
    return r;
  }
  r.bytes = std::move(bytes);
  return r;
}

ReadResult readStdin(const std::string& name) {
  ReadResult r;
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (auto why = undecodableReason(bytes)) {
    r.error = name + ": " + *why;
    return r;
  }
  r.bytes = std::move(bytes);
  return r;
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
