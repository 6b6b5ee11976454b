#pragma once
// Parsing incoming JSON-RPC bodies. nlohmann/json is the server's JSON model,
// but its parser reads about 150 MB/s: the didOpen of an 8 MB report spent
// 50 ms there. simdjson (Debian's libsimdjson-dev) parses at several GB/s;
// its document is converted to nlohmann values. Anything simdjson refuses is
// handed to nlohmann's parser, so errors, and what counts as valid, are
// exactly nlohmann's; values are equal and of the same JSON type (save -0,
// which becomes an unsigned 0).

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace nianbao::lsp {

// The value of `text`; throws nlohmann::json::parse_error as json::parse does.
nlohmann::json parseJson(std::string_view text);

// `text` with each ill-formed UTF-8 sequence, and each \u escape of a UTF-16
// surrogate without its partner, replaced by U+FFFD; nullopt if it had none.
// Clients should send neither, but some do (a buffer read as Latin-1, a
// JavaScript string cut between the two halves of a pair), and refusing the
// whole message would lose a didOpen or a didChange and every squiggle after.
std::optional<std::string> repairedJsonText(std::string_view text);

}  // namespace nianbao::lsp
