#include "JsonRpc.h"

namespace nianbao::lsp {

using nlohmann::json;

json makeResult(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json makeError(const json& id, ErrorCode code, std::string message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", std::move(message)}}}};
}

json makeNotification(std::string method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

json makeRequest(const json& id, std::string method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", std::move(method)}, {"params", std::move(params)}};
}

MessageKind classify(const json& m) {
  if (!m.is_object()) return MessageKind::Invalid;
  auto id = m.find("id");
  bool validId = id != m.end() && (id->is_number_integer() || id->is_string());
  auto method = m.find("method");
  if (method != m.end()) {
    if (!method->is_string()) return MessageKind::Invalid;
    if (id == m.end()) return MessageKind::Notification;
    return validId ? MessageKind::Request : MessageKind::Invalid;
  }
  if (id != m.end() && (m.contains("result") || m.contains("error"))) return MessageKind::Response;
  return MessageKind::Invalid;
}

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
  static const nlohmann::json null;
  if (!object.is_object()) return null;
  auto it = object.find(key);
  return it == object.end() ? null : *it;
}

}  // namespace nianbao::lsp
