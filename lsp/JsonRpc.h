#pragma once
// JSON-RPC 2.0 as LSP uses it: message shapes and the error codes the
// specification names. Building messages happens here so every reply has the
// same form.

#include <string>

#include <nlohmann/json.hpp>

namespace nianbao::lsp {

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

nlohmann::json makeResult(const nlohmann::json& id, nlohmann::json result);
nlohmann::json makeError(const nlohmann::json& id, ErrorCode code, std::string message);
nlohmann::json makeNotification(std::string method, nlohmann::json params);
nlohmann::json makeRequest(const nlohmann::json& id, std::string method, nlohmann::json params);

// A request, a notification or a response, as told by its members.
enum class MessageKind { Request, Notification, Response, Invalid };
MessageKind classify(const nlohmann::json& message);

// `object[key]`, or null when `object` is no object or has no `key`: params
// are read without a check before each step.
const nlohmann::json& member(const nlohmann::json& object, const char* key);

// Thrown by a handler when the params are not what the method takes; the
// server answers InvalidParams with the text.
struct InvalidParamsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace nianbao::lsp
