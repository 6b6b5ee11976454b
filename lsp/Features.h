#pragma once
// The analyzer's editor features (analyzer/features/) as LSP results:
// completion, hover, inlay hints, document symbols and folding ranges. The
// features compute on byte offsets; this file only converts.

#include <nlohmann/json.hpp>

#include "Document.h"
#include "Protocol.h"
#include "features/Completion.h"
#include "features/Hover.h"
#include "features/InlayHints.h"
#include "features/Outline.h"

namespace nianbao::lsp {

// `text` with its tab stops as an LSP snippet (${1:0} …, then $0), the rest
// escaped so a `$` or `}` in a label stays literal.
std::string snippetOf(const std::string& text, const std::vector<ByteRange>& tabStops);

nlohmann::json completionJson(const SourceText& text, const std::vector<CompletionCandidate>& candidates,
                              PositionEncoding e, bool snippets);
nlohmann::json hoverJson(const SourceText& text, const std::optional<HoverInfo>& hover, PositionEncoding e,
                         bool markdown);
nlohmann::json inlayHintsJson(const SourceText& text, const std::vector<InlayHintItem>& hints, PositionEncoding e);
nlohmann::json documentSymbolsJson(const SourceText& text, const std::vector<OutlineNode>& nodes, PositionEncoding e);
nlohmann::json foldingRangesJson(const std::vector<FoldingRegion>& regions);

}  // namespace nianbao::lsp
