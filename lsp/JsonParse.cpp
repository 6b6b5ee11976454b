#include "JsonParse.h"

#include <cstdint>
#include <optional>
#include <string>

#include <simdjson.h>

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

}  // namespace nianbao::lsp
