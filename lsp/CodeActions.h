#pragma once
// textDocument/codeAction: a quick fix for each finding that carries one, and
// source.fixAll.nianbao applying every safe fix at once. Edits name the
// document version they were made for, so a client whose text has moved on
// rejects them rather than writing numbers into the wrong place.

#include <string>

#include <nlohmann/json.hpp>

#include "Analyzer.h"
#include "Document.h"
#include "Protocol.h"

namespace nianbao::lsp {

struct EditStyle {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool versioned = true;  // documentChanges with the version, else plain changes
  std::string docsBaseUrl;
};

nlohmann::json workspaceEdit(const std::string& uri, const DocumentView& view, const std::vector<TextEdit>& edits,
                             const EditStyle& style);

struct CodeActionRequest {
  ByteRange range;
  bool quickFixes = true;  // context.only allows quickfix
  bool fixAll = false;     // context.only asks for source / source.fixAll
};
// From CodeActionParams.context.only (absent: quick fixes only; "fix all" is
// a source action, asked for by name, and costs a re-analysis per round).
CodeActionRequest codeActionKinds(const nlohmann::json& context);

nlohmann::json codeActions(const Analyzer& analyzer, const std::string& uri, const DocumentView& view,
                           const CodeActionRequest& request, const EditStyle& style);

}  // namespace nianbao::lsp
