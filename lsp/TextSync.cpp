#include "TextSync.h"

namespace nianbao::lsp {

std::optional<std::string> applyContentChanges(std::string text, const nlohmann::json& changes,
                                               PositionEncoding encoding, std::string* error,
                                               std::vector<ByteEdit>* edits) {
  auto fail = [&](std::string why) -> std::optional<std::string> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (!changes.is_array()) return fail("contentChanges must be an array");
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& change = changes[i];
    std::string where = "contentChanges[" + std::to_string(i) + "]";
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
      return fail(where + ".text must be a string");
    const std::string& inserted = change["text"].get_ref<const std::string&>();
    if (!change.contains("range")) {
      if (edits) edits->push_back({0, SourceText(text).text().size(), SourceText(inserted).text().size()});
      text = inserted;
      continue;
    }
    // Each change is against the text the previous one left. The document
    // is whole-text for now (issue 4 makes edits incremental).
    SourceText current(text);
    std::string why;
    auto range = rangeFromJson(current, change["range"], encoding, &why);
    if (!range) return fail(where + ".range: " + why);
    std::string next = current.text();
    next.replace(range->begin, range->size(), inserted);
    if (edits) edits->push_back({range->begin, range->end, inserted.size()});
    if (current.hadBom()) next.insert(0, "\xEF\xBB\xBF");
    text = std::move(next);
  }
  return text;
}

}  // namespace nianbao::lsp
