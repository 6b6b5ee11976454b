#pragma once
// Incremental text synchronisation (TextDocumentSyncKind.Incremental): the
// contentChanges of a didChange applied in order, each against the text left
// by the one before, with positions in the negotiated encoding.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "EditTracking.h"
#include "Protocol.h"

namespace nianbao::lsp {

// The text after `changes` (an array of TextDocumentContentChangeEvent); a
// change without a range replaces the whole text. On a malformed change,
// nullopt and `error` names it; the caller keeps the old text. When `edits`
// is given it receives each change as a byte edit of the text before it.
// Only the chunks of the text each change touches are copied.
std::optional<SourceText> applyContentChanges(const SourceText& text, const nlohmann::json& changes,
                                              PositionEncoding encoding, std::string* error,
                                              std::vector<ByteEdit>* edits = nullptr);

}  // namespace nianbao::lsp
