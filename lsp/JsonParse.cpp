#include "JsonParse.h"

#include <cstdint>
#include <optional>
#include <string>

#include <simdjson.h>
#include <unicode/utf8.h>

namespace nianbao::lsp {
namespace {

using nlohmann::json;
using simdjson::dom::element;
using simdjson::dom::element_type;

// The nlohmann value of `e`, or nullopt where the two parsers would differ
// (a string that is not valid UTF-8 after unescaping: nlohmann refuses it).
std::optional<json> convert(element e) {
  switch (e.type()) {
    case element_type::ARRAY: {
      json out = json::array();
      simdjson::dom::array items;
      if (e.get_array().get(items) != simdjson::SUCCESS) return std::nullopt;
      for (element item : items) {
        auto v = convert(item);
        if (!v) return std::nullopt;
        out.push_back(std::move(*v));
      }
      return out;
    }
    case element_type::OBJECT: {
      json out = json::object();
      simdjson::dom::object fields;
      if (e.get_object().get(fields) != simdjson::SUCCESS) return std::nullopt;
      for (auto field : fields) {
        auto v = convert(field.value);
        if (!v || !simdjson::validate_utf8(field.key.data(), field.key.size())) return std::nullopt;
        out[std::string(field.key)] = std::move(*v);  // a repeated key: the last wins, as in nlohmann
      }
      return out;
    }
    case element_type::INT64: {
      std::int64_t n = 0;
      if (e.get_int64().get(n) != simdjson::SUCCESS) return std::nullopt;
      // nlohmann keeps non-negative integers unsigned.
      if (n >= 0) return json(static_cast<std::uint64_t>(n));
      return json(n);
    }
    case element_type::UINT64: {
      std::uint64_t n = 0;
      if (e.get_uint64().get(n) != simdjson::SUCCESS) return std::nullopt;
      return json(n);
    }
    case element_type::DOUBLE: {
      double d = 0;
      if (e.get_double().get(d) != simdjson::SUCCESS) return std::nullopt;
      return json(d);
    }
    case element_type::STRING: {
      std::string_view s;
      if (e.get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
      if (!simdjson::validate_utf8(s.data(), s.size())) return std::nullopt;
      return json(std::string(s));
    }
    case element_type::BOOL: {
      bool b = false;
      if (e.get_bool().get(b) != simdjson::SUCCESS) return std::nullopt;
      return json(b);
    }
    case element_type::NULL_VALUE:
      return json(nullptr);
  }
  return std::nullopt;
}

}  // namespace

json parseJson(std::string_view text) {
  // One parser per thread keeps its buffers between messages; a large
  // message (a didOpen) gets its own, so that several times its size is not
  // held for the rest of the session.
  constexpr std::size_t kKeepBuffersUpTo = 1u << 20;
  thread_local simdjson::dom::parser reused;
  std::optional<simdjson::dom::parser> own;
  simdjson::dom::parser& parser = text.size() <= kKeepBuffersUpTo ? reused : own.emplace();
  element root;
  if (parser.parse(text.data(), text.size(), /*realloc_if_needed=*/true).get(root) == simdjson::SUCCESS)
    if (auto value = convert(root)) return std::move(*value);
  return json::parse(text);
}

namespace {

// Ill-formed UTF-8 replaced, one U+FFFD per maximal subpart (ICU's U8_NEXT).
bool repairUtf8(std::string& text) {
  if (simdjson::validate_utf8(text.data(), text.size())) return false;
  std::string out;
  out.reserve(text.size() + 16);
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::int32_t length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) out += "\xEF\xBF\xBD";
    else out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  text = std::move(out);
  return true;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a \uXXXX escape at `i` (the backslash), or -1.
int escapedUnit(const std::string& text, std::size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
  int unit = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    int h = hexValue(text[k]);
    if (h < 0) return -1;
    unit = unit * 16 + h;
  }
  return unit;
}

// Escapes of unpaired surrogates become \uFFFD, the same length, in place.
bool repairLoneSurrogates(std::string& text) {
  bool repaired = false;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!inString) {
      inString = c == '"';
      continue;
    }
    if (c == '"') {
      inString = false;
      continue;
    }
    if (c != '\\') continue;
    int unit = escapedUnit(text, i);
    if (unit < 0) {
      ++i;  // a two-character escape (a quote, a backslash, n, t ...)
      continue;
    }
    bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high) {
      int next = escapedUnit(text, i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;  // the pair, whole
        continue;
      }
    }
    if (high || low) {
      text.replace(i + 2, 4, "FFFD");
      repaired = true;
    }
    i += 5;
  }
  return repaired;
}

}  // namespace

std::optional<std::string> repairedJsonText(std::string_view text) {
  std::string out(text);
  bool utf8 = repairUtf8(out);
  bool surrogates = repairLoneSurrogates(out);
  if (!utf8 && !surrogates) return std::nullopt;
  return out;
}

}  // namespace nianbao::lsp
