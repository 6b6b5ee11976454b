#pragma once
// Parsing incoming JSON-RPC bodies. nlohmann/json is the server's JSON model,
// but its parser reads about 150 MB/s: the didOpen of an 8 MB report spent
// 50 ms there. simdjson (Debian's libsimdjson-dev) parses at several GB/s;
// its document is converted to nlohmann values. Anything simdjson refuses is
// handed to nlohmann's parser, so errors, and what counts as valid, are
// exactly nlohmann's; values are equal and of the same JSON type (save -0,
// which becomes an unsigned 0).

#include <string_view>

#include <nlohmann/json.hpp>

namespace nianbao::lsp {

// The value of `text`; throws nlohmann::json::parse_error as json::parse does.
nlohmann::json parseJson(std::string_view text);

}  // namespace nianbao::lsp
