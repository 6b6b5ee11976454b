#include "Protocol.h"

#include "rules/RuleDocs.h"

namespace nianbao::lsp {

using nlohmann::json;

PositionEncoding negotiatePositionEncoding(const json& capabilities) {
  const json* encodings = nullptr;
  if (capabilities.is_object() && capabilities.contains("general") && capabilities["general"].is_object() &&
      capabilities["general"].contains("positionEncodings"))
    encodings = &capabilities["general"]["positionEncodings"];
  if (!encodings || !encodings->is_array()) return PositionEncoding::Utf16;
  for (const auto& e : *encodings) {
    if (!e.is_string()) continue;
    if (e == "utf-8") return PositionEncoding::Utf8;
    if (e == "utf-16") return PositionEncoding::Utf16;
  }
  return PositionEncoding::Utf16;  // the spec's mandatory default
}

const char* encodingName(PositionEncoding e) { return e == PositionEncoding::Utf8 ? "utf-8" : "utf-16"; }

json toJson(const SourceText& text, std::size_t offset, PositionEncoding e) {
  LineColumn lc = e == PositionEncoding::Utf8 ? text.toUtf8(offset) : text.toUtf16(offset);
  return {{"line", lc.line}, {"character", lc.column}};
}

json toJson(const SourceText& text, ByteRange range, PositionEncoding e) {
  return {{"start", toJson(text, range.begin, e)}, {"end", toJson(text, range.end, e)}};
}

std::optional<std::size_t> offsetFromJson(const SourceText& text, const json& position, PositionEncoding e,
                                          std::string* error) {
  auto bad = [&](const char* why) -> std::optional<std::size_t> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (!position.is_object()) return bad("a position must be an object");
  auto line = position.find("line");
  auto character = position.find("character");
  // Parsed JSON gives non-negative numbers as unsigned, built JSON as signed.
  auto nonNegative = [](const json& v) {
    return v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
  };
  if (line == position.end() || !nonNegative(*line)) return bad("position.line must be a non-negative integer");
  if (character == position.end() || !nonNegative(*character))
    return bad("position.character must be a non-negative integer");
  auto clamp = [](std::uint64_t v) { return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, UINT32_MAX)); };
  LineColumn lc{clamp(line->get<std::uint64_t>()), clamp(character->get<std::uint64_t>())};
  return e == PositionEncoding::Utf8 ? text.fromUtf8(lc) : text.fromUtf16(lc);
}

std::optional<ByteRange> rangeFromJson(const SourceText& text, const json& range, PositionEncoding e,
                                       std::string* error) {
  if (!range.is_object() || !range.contains("start") || !range.contains("end")) {
    if (error) *error = "a range must have start and end";
    return std::nullopt;
  }
  auto start = offsetFromJson(text, range["start"], e, error);
  auto end = offsetFromJson(text, range["end"], e, error);
  if (!start || !end) return std::nullopt;
  if (*end < *start) {
    if (error) *error = "range.end is before range.start";
    return std::nullopt;
  }
  return ByteRange{*start, *end};
}

json diagnosticJson(const SourceText& text, const Finding& finding, PositionEncoding e, const std::string& docsBaseUrl,
                    const std::string& uri) {
  int severity = 1;
  switch (finding.severity) {
    case Severity::Error: severity = 1; break;
    case Severity::Warning: severity = 2; break;
    case Severity::Info: severity = 3; break;
    case Severity::Hint: severity = 4; break;
  }
  json d = {{"range", toJson(text, finding.range, e)},
            {"severity", severity},
            {"code", finding.code},
            {"source", "nianbao"},
            {"message", finding.message}};
  // The code's page (docs/rules/CODE.md), for the codes that have one.
  if (!docsBaseUrl.empty() && findRuleDoc(finding.code)) d["codeDescription"] = {{"href", docsBaseUrl + finding.code + ".md"}};
  if (!uri.empty() && !finding.related.empty()) {
    json related = json::array();
    for (const auto& r : finding.related) {
      // Last year's report, for carryover-mismatch, is another document.
      const SourceText& where = r.document ? r.document->text : text;
      json location = {{"uri", r.document ? r.document->name : uri}, {"range", toJson(where, r.range, e)}};
      related.push_back({{"location", std::move(location)}, {"message", r.message}});
    }
    d["relatedInformation"] = std::move(related);
  }
  return d;
}

json textEditJson(const SourceText& text, const TextEdit& edit, PositionEncoding e) {
  return {{"range", toJson(text, edit.range, e)}, {"newText", edit.newText}};
}

}  // namespace nianbao::lsp
