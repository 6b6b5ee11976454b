#include "Features.h"

namespace nianbao::lsp {

using nlohmann::json;

namespace {

void appendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '$' || c == '}' || c == '\\') out += '\\';
    out += c;
  }
}

// LSP CompletionItemKind and SymbolKind values.
int completionKind(CompletionCandidate::Kind k) {
  switch (k) {
    case CompletionCandidate::Kind::PartHeading: return 9;     // Module
    case CompletionCandidate::Kind::TopicHeading: return 9;    // Module
    case CompletionCandidate::Kind::TableRow: return 5;        // Field
    case CompletionCandidate::Kind::TableSkeleton: return 22;  // Struct
  }
  return 1;
}

int symbolKind(OutlineNode::Kind k) {
  switch (k) {
    case OutlineNode::Kind::Title: return 1;     // File
    case OutlineNode::Kind::Part: return 3;      // Namespace
    case OutlineNode::Kind::Topic: return 15;    // String
    case OutlineNode::Kind::Table: return 23;    // Struct
    case OutlineNode::Kind::RowGroup: return 18; // Array
    case OutlineNode::Kind::Row: return 8;       // Field
  }
  return 1;
}

}  // namespace

std::string snippetOf(const std::string& text, const std::vector<ByteRange>& tabStops) {
  std::string out;
  std::size_t at = 0;
  int n = 0;
  for (const auto& stop : tabStops) {
    if (stop.begin < at || stop.end > text.size()) continue;  // overlapping or outside: left as text
    appendEscaped(out, std::string_view(text).substr(at, stop.begin - at));
    out += "${" + std::to_string(++n) + ":";
    appendEscaped(out, std::string_view(text).substr(stop.begin, stop.size()));
    out += "}";
    at = stop.end;
  }
  appendEscaped(out, std::string_view(text).substr(at));
  out += "$0";
  return out;
}

json completionJson(const SourceText& text, const std::vector<CompletionCandidate>& candidates, PositionEncoding e,
                    bool snippets) {
  json items = json::array();
  for (const auto& c : candidates) {
    bool snippet = snippets && !c.tabStops.empty();
    char sortText[16];
    std::snprintf(sortText, sizeof sortText, "%04d", c.rank);
    json item = {{"label", c.label},
                 {"kind", completionKind(c.kind)},
                 {"detail", c.detail},
                 {"filterText", c.filterText},
                 {"sortText", sortText},
                 {"insertTextFormat", snippet ? 2 : 1},
                 {"textEdit", {{"range", toJson(text, c.replace, e)},
                               {"newText", snippet ? snippetOf(c.insertText, c.tabStops) : c.insertText}}}};
    if (c.preselect) item["preselect"] = true;
    items.push_back(std::move(item));
  }
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

json hoverJson(const SourceText& text, const std::optional<HoverInfo>& hover, PositionEncoding e, bool markdown) {
  if (!hover) return nullptr;
  return {{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", hover->markdown}}},
          {"range", toJson(text, hover->range, e)}};
}

json inlayHintsJson(const SourceText& text, const std::vector<InlayHintItem>& hints, PositionEncoding e) {
  json list = json::array();
  for (const auto& h : hints)
    list.push_back({{"position", toJson(text, h.offset, e)},
                    {"label", h.label},
                    {"paddingLeft", true},
                    {"tooltip", h.tooltip}});
  return list;
}

json documentSymbolsJson(const SourceText& text, const std::vector<OutlineNode>& nodes, PositionEncoding e) {
  json list = json::array();
  for (const auto& n : nodes) {
    json symbol = {{"name", n.name},
                   {"kind", symbolKind(n.kind)},
                   {"range", toJson(text, n.range, e)},
                   {"selectionRange", toJson(text, n.selection, e)},
                   {"children", documentSymbolsJson(text, n.children, e)}};
    if (!n.detail.empty()) symbol["detail"] = n.detail;
    list.push_back(std::move(symbol));
  }
  return list;
}

json foldingRangesJson(const std::vector<FoldingRegion>& regions) {
  json list = json::array();
  for (const auto& r : regions) list.push_back({{"startLine", r.startLine}, {"endLine", r.endLine}, {"kind", "region"}});
  return list;
}

}  // namespace nianbao::lsp
