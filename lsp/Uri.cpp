#include "Uri.h"

#include <boost/url.hpp>

namespace nianbao::lsp {

namespace {

// Some clients send file URIs with spaces and CJK as they are; RFC 3986
// wants them percent-encoded.
std::string encodedLoosely(std::string_view uri) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c >= 0x80 || c == ' ') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::optional<std::filesystem::path> pathFromFileUri(std::string_view uri) {
  std::string encoded = encodedLoosely(uri);
  auto parsed = boost::urls::parse_uri(encoded);
  if (!parsed || parsed->scheme_id() != boost::urls::scheme::file) return std::nullopt;
  // file://localhost/x is file:///x; another host is a share this process cannot read as a path.
  if (parsed->has_authority() && !parsed->host().empty() && parsed->host() != "localhost") return std::nullopt;
  std::string path = parsed->path();
  if (path.empty()) return std::nullopt;
  return std::filesystem::path(path).lexically_normal();
}

std::string fileUriFromPath(const std::filesystem::path& path) {
  boost::urls::url u;
  u.set_scheme_id(boost::urls::scheme::file);
  u.set_encoded_host("");
  u.set_path(path.generic_string());
  return std::string(u.buffer());
}

std::string documentKey(std::string_view uri) {
  if (auto path = pathFromFileUri(uri)) return path->string();
  return std::string(uri);
}

}  // namespace nianbao::lsp
