#include "CodeActions.h"

#include <algorithm>

#include "fix/TextDiff.h"
#include "rules/RuleSettings.h"
#include "rules/Suppressions.h"

namespace nianbao::lsp {

using nlohmann::json;

json workspaceEdit(const std::string& uri, const DocumentView& view, const std::vector<TextEdit>& edits,
                   const EditStyle& style) {
  json list = json::array();
  for (const auto& e : edits) list.push_back(textEditJson(*view.text, e, style.encoding));
  if (!style.versioned) return {{"changes", {{uri, list}}}};
  return {{"documentChanges", json::array({{{"textDocument", {{"uri", uri}, {"version", view.version}}},
                                            {"edits", list}}})}};
}

CodeActionRequest codeActionKinds(const json& context) {
  CodeActionRequest r;
  if (!context.is_object() || !context.contains("only") || !context["only"].is_array()) return r;
  r.quickFixes = false;
  for (const auto& kind : context["only"]) {
    if (!kind.is_string()) continue;
    const std::string& k = kind.get_ref<const std::string&>();
    if (k == "quickfix") r.quickFixes = true;
    if (k == "source" || k == "source.fixAll" || k == "source.fixAll.nianbao") r.fixAll = true;
  }
  return r;
}

namespace {

bool touches(ByteRange finding, ByteRange asked) {
  return finding.begin <= asked.end && asked.begin <= finding.end;
}

// Suppression comments are invisible only where Markdown is rendered; in a
// plain-text report they would be printed (nianbao.toml's [per-file-rules]
// is the way there).
bool isMarkdown(const std::string& uri) {
  std::string lower = uri;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.ends_with(".md") || lower.ends_with(".markdown");
}

}  // namespace

json codeActions(const Analyzer& analyzer, const std::string& uri, const DocumentView& view,
                 const CodeActionRequest& request, const EditStyle& style) {
  json actions = json::array();
  if (request.quickFixes)
    for (const auto& f : view.diagnostics) {
      if (!f.fix || f.fix->edits.empty() || !touches(f.range, request.range)) continue;
      // Zeros in place of unknown numbers are a start, not the answer: offered,
      // not preferred. Every other fix is the one clear correction.
      actions.push_back({{"title", f.fix->title},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({diagnosticJson(*view.text, f, style.encoding, style.docsBaseUrl, uri)})},
                         {"isPreferred", !f.fix->insertsPlaceholders},
                         {"edit", workspaceEdit(uri, view, f.fix->edits, style)}});
    }
  if (request.quickFixes && isMarkdown(uri))
    for (const auto& f : view.diagnostics) {
      if (!touches(f.range, request.range)) continue;
      auto suppress = suppressionFix(*view.text, f, analyzer.locale());
      if (!suppress) continue;
      actions.push_back({{"title", suppress->title},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({diagnosticJson(*view.text, f, style.encoding, style.docsBaseUrl, uri)})},
                         {"isPreferred", false},
                         {"edit", workspaceEdit(uri, view, suppress->edits, style)}});
    }
  if (request.fixAll && view.analysis->model.isReport) {
    // Nothing suppressed or turned off in nianbao.toml is fixed.
    auto shown = [&](const SourceText& text, std::vector<Finding> findings) {
      return shownFindings(text, std::move(findings), view.rules, analyzer.locale());
    };
    FixAllResult fixed = fixAll(analyzer, *view.text, shown);
    auto edits = lineDiff(view.text->str(), fixed.text);
    if (!edits.empty())
      actions.push_back({{"title", analyzer.tmpl().message("fix-all", {{"count", std::to_string(fixed.applied.size())}},
                                                           analyzer.locale())},
                         {"kind", "source.fixAll.nianbao"},
                         {"edit", workspaceEdit(uri, view, edits, style)}});
  }
  return actions;
}

}  // namespace nianbao::lsp
