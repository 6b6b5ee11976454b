#include "TextSync.h"

namespace nianbao::lsp {

std::optional<SourceText> applyContentChanges(const SourceText& text, const nlohmann::json& changes,
                                              PositionEncoding encoding, std::string* error,
                                              std::vector<ByteEdit>* edits) {
  auto fail = [&](std::string why) -> std::optional<SourceText> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (!changes.is_array()) return fail("contentChanges must be an array");
  SourceText current = text;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& change = changes[i];
    std::string where = "contentChanges[" + std::to_string(i) + "]";
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
      return fail(where + ".text must be a string");
    const std::string& inserted = change["text"].get_ref<const std::string&>();
    if (!change.contains("range")) {
      SourceText whole(inserted);
      if (edits) edits->push_back({0, current.size(), whole.size()});
      current = std::move(whole);
      continue;
    }
    // Each change is against the text the previous one left.
    std::string why;
    auto range = rangeFromJson(current, change["range"], encoding, &why);
    if (!range) return fail(where + ".range: " + why);
    SourceText next = current.edited(*range, inserted);
    // What the edit inserted, as the text holds it (invalid UTF-8 repaired).
    if (edits) edits->push_back({range->begin, range->end, next.size() + range->size() - current.size()});
    current = std::move(next);
  }
  return current;
}

}  // namespace nianbao::lsp
