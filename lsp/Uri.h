#pragma once
// file: URIs and paths. Clients percent-encode differently (VS Code encodes
// the colon of a drive letter, others do not), so a URI is compared with
// another by the path it names, never by its spelling.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::lsp {

// The path a file: URI names; nullopt for other schemes (untitled:) and URIs
// that do not parse.
std::optional<std::filesystem::path> pathFromFileUri(std::string_view uri);

// The file: URI of an absolute path, percent-encoded where RFC 3986 wants it.
std::string fileUriFromPath(const std::filesystem::path& path);

// What two URIs are compared by: the path for a file: URI, else the URI itself.
std::string documentKey(std::string_view uri);

}  // namespace nianbao::lsp
