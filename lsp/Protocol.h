#pragma once
// LSP protocol values and their JSON, in one place: positions in the
// negotiated encoding, ranges, diagnostics from analyzer findings, text edits.
// Conversions between the analyzer's byte offsets and LSP positions happen
// here and nowhere else.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "rules/Finding.h"
#include "text/SourceText.h"

namespace nianbao::lsp {

enum class PositionEncoding { Utf16, Utf8 };

// The encoding to use, from the client's general.positionEncodings (its
// order of preference): the first one we support, UTF-16 if none is named.
PositionEncoding negotiatePositionEncoding(const nlohmann::json& clientCapabilities);
const char* encodingName(PositionEncoding e);  // "utf-16", "utf-8"

nlohmann::json toJson(const SourceText& text, std::size_t offset, PositionEncoding e);  // Position
nlohmann::json toJson(const SourceText& text, ByteRange range, PositionEncoding e);     // Range

// A Position or Range from the client; nullopt (with `error` set) if malformed.
// Positions past a line's end or the text's end are clamped, as the spec says.
std::optional<std::size_t> offsetFromJson(const SourceText& text, const nlohmann::json& position,
                                          PositionEncoding e, std::string* error);
std::optional<ByteRange> rangeFromJson(const SourceText& text, const nlohmann::json& range, PositionEncoding e,
                                       std::string* error);

// An LSP Diagnostic: range, severity 1–4, the rule code, source "nianbao",
// given a documentation base URL, codeDescription.href = base + code + ".md"
// for a code that has a page (RuleDocs.h; ServerConfig's base is
// kRuleDocsBaseUrl, so the href is ruleDocUrl(code)), and
// given the document's URI, relatedInformation (the other side of a
// contradiction).
nlohmann::json diagnosticJson(const SourceText& text, const Finding& finding, PositionEncoding e,
                              const std::string& docsBaseUrl = "", const std::string& uri = "");

// An LSP TextEdit.
nlohmann::json textEditJson(const SourceText& text, const TextEdit& edit, PositionEncoding e);

}  // namespace nianbao::lsp
