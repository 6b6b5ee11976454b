#include "LspServer.h"

#include "JsonParse.h"

#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <mutex>

#include <boost/asio/post.hpp>

#include "CodeActions.h"
#include "features/Skeleton.h"
#include "templates/BuiltinTemplates.h"
#include "Features.h"
#include "TextSync.h"
#include "Uri.h"

namespace nianbao::lsp {

using nlohmann::json;

namespace {

const json& path(const json& root, std::initializer_list<const char*> keys) {
  const json* node = &root;
  for (const char* k : keys) node = &member(*node, k);
  return *node;
}

std::string requireString(const json& params, std::initializer_list<const char*> keys, const char* name) {
  const json& v = path(params, keys);
  if (!v.is_string()) throw InvalidParamsError(std::string(name) + " must be a string");
  return v.get<std::string>();
}

int requireVersion(const json& params) {
  const json& v = path(params, {"textDocument", "version"});
  if (!v.is_number_integer()) throw InvalidParamsError("textDocument.version must be an integer");
  return v.get<int>();
}

bool flag(const json& capabilities, std::initializer_list<const char*> keys) {
  const json& v = path(capabilities, keys);
  return v.is_boolean() && v.get<bool>();
}

constexpr const char* kServerVersion = "0.1.0";
constexpr const char* kInsertSkeleton = "nianbao.insertSkeleton";

}  // namespace

LspServer::LspServer(boost::asio::io_context& io, MessageSink& out, const Template& tmpl, ServerConfig config)
    : io_(io),
      strand_(boost::asio::make_strand(io)),
      out_(out),
      tmpl_(tmpl),
      config_(std::move(config)),
      pool_(static_cast<std::size_t>(std::max(1, config_.analysisThreads))) {}

LspServer::~LspServer() {
  stopping_ = true;
  scanner_.stop();
  scanner_.join();
  pool_.stop();
  pool_.join();
}

void LspServer::receive(std::string body) {
  boost::asio::post(strand_, [this, body = std::move(body)] {
    if (state_ == State::Exited) return;
    json message;
    try {
      message = parseJson(body);
    } catch (const json::parse_error& e) {
      // Invalid UTF-8 or a lone surrogate is mended rather than refused: the
      // message is most likely a didOpen or didChange the document needs.
      std::optional<json> mended;
      if (auto repaired = repairedJsonText(body)) {
        try {
          mended = parseJson(*repaired);
          log(LogLevel::Warning, "a message held invalid UTF-8 or an unpaired UTF-16 surrogate; read with U+FFFD in "
                                 "their place");
        } catch (const json::parse_error&) {
        }
      }
      if (!mended) {
        log(LogLevel::Error, std::string("a message is not valid JSON: ") + e.what());
        send(makeError(nullptr, ErrorCode::ParseError, std::string("not valid JSON: ") + e.what()));
        return;
      }
      message = std::move(*mended);
    }
    handle(message);
    // A large message (opening a long report) leaves several freed copies of
    // its text in the heap, which glibc keeps; give them back once the
    // document has taken its own (the open was posted before this).
#ifdef __GLIBC__
    constexpr std::size_t kLarge = 1u << 20;
    if (body.size() > kLarge) boost::asio::post(strand_, [] { malloc_trim(0); });
#endif
  });
}

void LspServer::badFrame(std::string error) {
  boost::asio::post(strand_, [this, error = std::move(error)] {
    if (state_ != State::Exited) log(LogLevel::Error, "bad message frame: " + error);
  });
}

void LspServer::frameWarning(std::string warning) {
  boost::asio::post(strand_, [this, warning = std::move(warning)] {
    if (state_ != State::Exited) log(LogLevel::Warning, "message frame: " + warning);
  });
}

void LspServer::inputClosed() {
  boost::asio::post(strand_, [this] {
    if (state_ == State::Exited) return;
    if (!shutdownRequested_) log(LogLevel::Warning, "the client closed the connection without shutdown and exit");
    finish(shutdownRequested_ ? 0 : 1);
  });
}

void LspServer::handle(const json& message) {
  switch (classify(message)) {
    case MessageKind::Invalid: {
      json id = message.is_object() && message.contains("id") ? message["id"] : json(nullptr);
      if (!id.is_string() && !id.is_number_integer()) id = nullptr;
      send(makeError(id, ErrorCode::InvalidRequest, "not a JSON-RPC request, notification or response"));
      return;
    }
    case MessageKind::Response: return handleResponse(message);
    case MessageKind::Notification: {
      const std::string& method = message["method"].get_ref<const std::string&>();
      try {
        handleNotification(method, member(message, "params"));
      } catch (const std::exception& e) {
        log(LogLevel::Error, method + ": " + e.what());  // a notification has no one to answer
      }
      return;
    }
    case MessageKind::Request: {
      const json& id = message["id"];
      const std::string& method = message["method"].get_ref<const std::string&>();
      try {
        handleRequest(id, method, member(message, "params"));
      } catch (const InvalidParamsError& e) {
        send(makeError(id, ErrorCode::InvalidParams, method + ": " + e.what()));
      } catch (const json::exception& e) {
        send(makeError(id, ErrorCode::InvalidParams, method + ": " + e.what()));
      } catch (const std::exception& e) {
        log(LogLevel::Error, method + " failed: " + e.what());
        send(makeError(id, ErrorCode::InternalError, method + " failed: " + e.what()));
      }
      return;
    }
  }
}

void LspServer::handleRequest(const json& id, const std::string& method, const json& params) {
  if (state_ == State::Uninitialized && method != "initialize")
    return send(makeError(id, ErrorCode::ServerNotInitialized, "the server is not initialized yet: send initialize first"));
  if (state_ == State::ShutDown)
    return send(makeError(id, ErrorCode::InvalidRequest, method + " after shutdown: only exit is accepted now"));
  if (method == "initialize") {
    if (state_ != State::Uninitialized)
      return send(makeError(id, ErrorCode::InvalidRequest, "initialize was already received"));
    return send(makeResult(id, initialize(params)));
  }
  if (method == "shutdown") {
    state_ = State::ShutDown;
    shutdownRequested_ = true;
    return send(makeResult(id, nullptr));
  }
  auto pending = std::make_shared<PendingRequest>();
  pending->id = id;
  if (method == "textDocument/diagnostic") return diagnostic(pending, params);
  if (method == "textDocument/codeAction") return codeAction(pending, params);
  if (method == "workspace/executeCommand") return executeCommand(pending, params);
  if (method == "textDocument/completion") return completion(pending, params);
  if (method == "textDocument/hover") return hover(pending, params);
  if (method == "textDocument/inlayHint") return inlayHint(pending, params);
  if (method == "textDocument/documentSymbol") return documentSymbol(pending, params);
  if (method == "textDocument/foldingRange") return foldingRange(pending, params);
  send(makeError(id, ErrorCode::MethodNotFound, "unknown method " + method));
}

void LspServer::handleNotification(const std::string& method, const json& params) {
  if (method == "exit") return exit();
  if (method == "$/cancelRequest") {
    const json& id = member(params, "id");
    auto it = pending_.find(id.dump());
    if (it != pending_.end()) {
      replyError(it->second, ErrorCode::RequestCancelled, "cancelled by the client");
      pending_.erase(it);
    }
    return;
  }
  if (state_ != State::Running) return;  // before initialize and after shutdown, notifications are dropped
  if (method == "initialized") return initialized();
  if (method == "textDocument/didOpen") return didOpen(params);
  if (method == "textDocument/didChange") return didChange(params);
  if (method == "textDocument/didSave") return didSave(params);
  if (method == "textDocument/didClose") return didClose(params);
  if (method == "workspace/didChangeConfiguration") return didChangeConfiguration(params);
  if (method == "workspace/didChangeWatchedFiles") return didChangeWatchedFiles(params);
  if (method == "workspace/didChangeWorkspaceFolders") return didChangeWorkspaceFolders(params);
  if (method == "$/setTrace") return;
  if (method.rfind("$/", 0) == 0) return;  // optional notifications may be ignored
  // Said once per method: clients send some (willSave, for one)
  // on every keystroke or save.
  if (ignoredNotifications_.insert(method).second)
    log(LogLevel::Info, "ignored notification " + method + " (nianbao does not handle it)");
}

void LspServer::handleResponse(const json& message) {
  auto it = outgoing_.find(message["id"].dump());
  if (it == outgoing_.end()) {
    log(LogLevel::Warning, "a response to " + message["id"].dump() + ", which is no request the server sent; ignored");
    return;
  }
  auto onResult = std::move(it->second);
  outgoing_.erase(it);
  if (message.contains("error")) {
    log(LogLevel::Warning, "the client answered with an error: " + message["error"].dump());
    return;
  }
  if (onResult) onResult(member(message, "result"));
}

// ---- lifecycle ----

json LspServer::initialize(const json& params) {
  const json& caps = member(params, "capabilities");
  encoding_ = negotiatePositionEncoding(caps);
  const json& locale = member(params, "locale");
  locale_ = normalizeLocale(locale.is_string() ? locale.get<std::string>() : "");
  // An editor setting may choose the messages' language over the UI's.
  const json& options = member(params, "initializationOptions");
  const json& language = path(options, {"language"});
  if (language.is_string() && !language.get<std::string>().empty()) locale_ = normalizeLocale(language.get<std::string>());
  else if (!language.is_null() && !language.is_string())
    log(LogLevel::Warning, "initializationOptions.language must be a string such as \"zh\" or \"en\", not " + language.dump());
  reportStatus_ = path(options, {"reportStatus"}) == true;
  pullDiagnostics_ = path(caps, {"textDocument", "diagnostic"}).is_object();
  diagnosticRefresh_ = flag(caps, {"workspace", "diagnostics", "refreshSupport"});
  versionedEdits_ = flag(caps, {"workspace", "workspaceEdit", "documentChanges"});
  snippets_ = flag(caps, {"textDocument", "completion", "completionItem", "snippetSupport"});
  configurationRequests_ = flag(caps, {"workspace", "configuration"});
  const json& hoverFormats = path(caps, {"textDocument", "hover", "contentFormat"});
  markdownHover_ = !hoverFormats.is_array() || std::find(hoverFormats.begin(), hoverFormats.end(), "markdown") != hoverFormats.end();
  applyConfiguration(member(params, "initializationOptions"), "initializationOptions");

  watchedFilesRegistration_ = flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  // Where last year's report may be: the workspace folders, or the root of older clients.
  const json& folders = member(params, "workspaceFolders");
  if (folders.is_array()) {
    for (const auto& f : folders)
      if (auto p = pathFromFileUri(member(f, "uri").is_string() ? member(f, "uri").get<std::string>() : ""))
        workspaceFolders_.push_back(*p);
  } else if (const json& root = member(params, "rootUri"); root.is_string()) {
    if (auto p = pathFromFileUri(root.get<std::string>())) workspaceFolders_.push_back(*p);
  } else if (const json& rootPath = member(params, "rootPath"); rootPath.is_string() && !rootPath.get<std::string>().empty()) {
    workspaceFolders_.push_back(std::filesystem::path(rootPath.get<std::string>()).lexically_normal());
  }

  // The server's template first; the other formats for reports of their years.
  std::vector<const Template*> templates{&tmpl_};
  for (const Template* t : builtinTemplates())
    if (t->id != tmpl_.id) templates.push_back(t);
  templates_ = std::make_unique<TemplateChoice>(templates, locale_);
  checkTemplateSetting("initializationOptions");
  reports_ = std::make_unique<WorkspaceReports>(*templates_, config_.readFile);
  environment_.crossCheck = [this](const std::string& uri, const DocumentView& view) { return crossCheck(uri, view); };
  environment_.templates = templates_.get();
  environment_.pool = &pool_;
  environment_.publish = [this](const std::string& uri, std::shared_ptr<const DocumentView> view, bool headingsChanged) {
    publish(uri, std::move(view), headingsChanged);
  };
  state_ = State::Running;
  clientListening_ = true;

  json capabilities = {
      {"positionEncoding", encodingName(encoding_)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"diagnosticProvider", {{"identifier", "nianbao"}, {"interFileDependencies", true}, {"workspaceDiagnostics", false}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.nianbao"}}, {"resolveProvider", false}}},
      // "#" starts a markdown heading: the moment to offer the missing ones.
      {"completionProvider", {{"triggerCharacters", {"#"}}, {"resolveProvider", false}}},
      {"hoverProvider", true},
      {"inlayHintProvider", {{"resolveProvider", false}}},
      {"documentSymbolProvider", true},
      {"foldingRangeProvider", true},
      {"executeCommandProvider", {{"commands", {kInsertSkeleton}}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
  };
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "nianbao"}, {"version", kServerVersion}}}};
}

void LspServer::initialized() {
  log(LogLevel::Info, std::string("nianbao ") + kServerVersion + " ready: positions in " + encodingName(encoding_) +
                          ", messages in " + locale_ + ", diagnostics " + (pullDiagnostics_ ? "pulled" : "pushed"));
  if (configurationRequests_) requestConfiguration();
  watchReportFiles();
  scanFolders(workspaceFolders_);
}

void LspServer::exit() { finish(shutdownRequested_ ? 0 : 1); }

void LspServer::finish(int code) {
  if (state_ == State::Exited) return;
  state_ = State::Exited;
  stopping_ = true;
  clientListening_ = false;
  for (auto& [uri, doc] : documents_) boost::asio::post(doc->strand(), [doc = doc] { doc->close(); });
  documents_.clear();
  if (onExit) onExit(code);
}

// ---- settings ----

void LspServer::applyConfiguration(const json& section, const char* from) {
  std::vector<std::string> problems;
  Settings next = applySettings(settings_, section, &problems);
  for (const auto& p : problems) log(LogLevel::Warning, std::string(from) + ": " + p);
  std::string previousTemplate = settings_.templateName;
  settings_ = next;
  if (templates_ && !checkTemplateSetting(from)) settings_.templateName = next.templateName = previousTemplate;
  clientLogLevel_ = next.logLevel;
  for (auto& [uri, doc] : documents_)
    boost::asio::post(doc->strand(), [doc = doc, next = settingsFor(uri)] { doc->setSettings(next); });
}

bool LspServer::checkTemplateSetting(const char* from) {
  const std::string& name = settings_.templateName;
  if (name == "auto" || templates_->named(name)) return true;
  std::string known = "\"auto\"";
  for (const Template* t : builtinTemplates())
    if (t->years) known += ", \"" + std::to_string(t->years->from) + "\"";
  log(LogLevel::Warning, std::string(from) + ": nianbao.template must be " + known + ", not \"" + name + "\"");
  settings_.templateName = "auto";
  return false;
}

void LspServer::requestConfiguration() {
  sendRequest("workspace/configuration", {{"items", json::array({{{"section", "nianbao"}}})}},
              [this](const json& result) {
                if (result.is_array() && !result.empty()) applyConfiguration(result[0], "workspace/configuration");
              });
}

void LspServer::didChangeConfiguration(const json& params) {
  const json& settings = member(params, "settings");
  // Clients that use workspace/configuration send a bare notification.
  if (settings.is_object() && settings.contains("nianbao")) applyConfiguration(settings, "didChangeConfiguration");
  else if (configurationRequests_) requestConfiguration();
}

// ---- documents ----

std::shared_ptr<Document> LspServer::document(const json& params) const {
  std::string uri = requireString(params, {"textDocument", "uri"}, "textDocument.uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw InvalidParamsError(uri + " is not open");
  return it->second;
}

void LspServer::didOpen(const json& params) {
  std::string uri = requireString(params, {"textDocument", "uri"}, "textDocument.uri");
  std::string text = requireString(params, {"textDocument", "text"}, "textDocument.text");
  int version = requireVersion(params);
  auto& slot = documents_[uri];
  if (slot) {
    log(LogLevel::Warning, uri + " was opened twice; the new text replaces the old");
    boost::asio::post(slot->strand(), [doc = slot] { doc->close(); });
  }
  slot = std::make_shared<Document>(uri, environment_, boost::asio::make_strand(io_), settingsFor(uri));
  boost::asio::post(slot->strand(), [doc = slot, version, text = std::move(text)] { doc->open(version, text); });
}

void LspServer::didChange(const json& params) {
  auto doc = document(params);
  int version = requireVersion(params);
  boost::asio::post(doc->strand(), [this, doc, version, changes = member(params, "contentChanges")] {
    if (doc->closed()) return;
    std::string error;
    std::vector<ByteEdit> edits;
    auto text = applyContentChanges(doc->text(), changes, encoding_, &error, &edits);
    if (!text) {
      // The client's text and ours now differ; saying so is all we can do.
      log(LogLevel::Error, doc->uri() + " version " + std::to_string(version) + ": " + error +
                               "; the change was not applied (reopen the file to resynchronise)");
      return;
    }
    if (version <= doc->version())
      log(LogLevel::Warning, doc->uri() + ": version " + std::to_string(version) + " does not follow " +
                                 std::to_string(doc->version()));
    doc->update(version, std::move(*text), edits);
  });
}

void LspServer::didSave(const json& params) {
  auto doc = document(params);
  boost::asio::post(doc->strand(), [doc] { doc->saved(); });
}

void LspServer::didClose(const json& params) {
  auto doc = document(params);
  documents_.erase(doc->uri());
  recheck(reports_->closeOpen(doc->uri()));
  boost::asio::post(doc->strand(), [this, doc] {
    doc->close();
    // Squiggles of a closed file would linger in a pushing client.
    if (!pullDiagnostics_)
      send(makeNotification("textDocument/publishDiagnostics", {{"uri", doc->uri()}, {"diagnostics", json::array()}}));
  });
}

void LspServer::publish(const std::string& uri, std::shared_ptr<const DocumentView> view, bool headingsChanged) {
  if (reportStatus_) {
    // What an editor's status bar shows: is this a report, and how many problems.
    int errors = 0, warnings = 0;
    for (const auto& f : view->diagnostics) {
      if (f.severity == Severity::Error) ++errors;
      if (f.severity == Severity::Warning) ++warnings;
    }
    send(makeNotification("nianbao/reportStatus", {{"uri", uri},
                                                   {"version", view->version},
                                                   {"isReport", view->analysis->model.isReport},
                                                   {"errors", errors},
                                                   {"warnings", warnings}}));
  }
  if (pullDiagnostics_) {
    // Pulling clients ask again on typing, not on saving: tell them to.
    if (headingsChanged && diagnosticRefresh_) sendRequest("workspace/diagnostic/refresh", nullptr);
    return;
  }
  send(makeNotification("textDocument/publishDiagnostics",
                        {{"uri", uri}, {"version", view->version}, {"diagnostics", diagnosticsJson(*view, uri)}}));
}

json LspServer::diagnosticsJson(const DocumentView& view, const std::string& uri) const {
  json list = json::array();
  for (const auto& f : view.diagnostics)
    list.push_back(diagnosticJson(*view.text, f, encoding_, config_.docsBaseUrl, uri));
  return list;
}

// ---- requests answered from a view ----

void LspServer::answerFromView(Pending pending, const json& params, ViewAnswer answer, bool anyVersion) {
  auto doc = document(params);
  pending_[pending->id.dump()] = pending;
  boost::asio::post(doc->strand(), [this, doc, pending, answer = std::move(answer), anyVersion] {
    auto onView = [this, pending, answer](std::shared_ptr<const DocumentView> view) {
      if (pending->answered) return;
      if (!view) return replyError(pending, ErrorCode::ContentModified, "the document changed before the answer was ready");
      // Features read an immutable view: off the strand, on the pool.
      boost::asio::post(pool_, [this, pending, answer, view] {
        if (pending->answered) return;
        try {
          reply(pending, answer(*view));
        } catch (const InvalidParamsError& e) {
          replyError(pending, ErrorCode::InvalidParams, e.what());
        } catch (const std::exception& e) {
          log(LogLevel::Error, std::string("a request failed: ") + e.what());
          replyError(pending, ErrorCode::InternalError, e.what());
        }
      });
    };
    if (anyVersion) doc->whenCurrent(onView);
    else doc->whenAnalyzed(doc->version(), onView);
  });
}

void LspServer::diagnostic(Pending pending, const json& params) {
  const json& previous = member(params, "previousResultId");
  std::string previousId = previous.is_string() ? previous.get<std::string>() : "";
  std::string uri = requireString(params, {"textDocument", "uri"}, "textDocument.uri");
  answerFromView(pending, params, [this, previousId, uri](const DocumentView& view) -> json {
    json items = diagnosticsJson(view, uri);
    // The id names the content, so an unchanged list is recognised whatever
    // the version.
    std::string resultId = std::to_string(std::hash<std::string>{}(items.dump()));
    if (resultId == previousId) return {{"kind", "unchanged"}, {"resultId", resultId}};
    return {{"kind", "full"}, {"resultId", resultId}, {"items", std::move(items)}};
  }, /*anyVersion=*/true);
}

void LspServer::codeAction(Pending pending, const json& params) {
  std::string uri = requireString(params, {"textDocument", "uri"}, "textDocument.uri");
  const json& range = member(params, "range");
  CodeActionRequest kinds = codeActionKinds(path(params, {"context"}));
  EditStyle style{encoding_, versionedEdits_, config_.docsBaseUrl};
  answerFromView(pending, params, [this, uri, range, kinds, style](const DocumentView& view) -> json {
    std::string error;
    auto asked = rangeFromJson(*view.text, range, encoding_, &error);
    if (!asked) throw InvalidParamsError("range: " + error);
    CodeActionRequest request = kinds;
    request.range = *asked;
    return codeActions(*view.analyzer, uri, view, request, style);
  });
}

// workspace/executeCommand nianbao.insertSkeleton [{uri, layout}]: a new
// report's skeleton written into an empty document through
// workspace/applyEdit, so the client applies it as any edit (with undo).
void LspServer::executeCommand(Pending pending, const json& params) {
  std::string command = requireString(params, {"command"}, "command");
  if (command != kInsertSkeleton)
    throw InvalidParamsError("unknown command \"" + command + "\" (this server has " + kInsertSkeleton + ")");
  const json& arguments = member(params, "arguments");
  const json argument = arguments.is_array() && !arguments.empty() ? arguments[0] : json::object();
  std::string uri = requireString(argument, {"uri"}, "arguments[0].uri");
  RowLayout layout = RowLayout::Tabs;
  const json& name = path(argument, {"layout"});
  if (name == "pipes") layout = RowLayout::Pipes;
  else if (name == "cellPerLine") layout = RowLayout::CellPerLine;
  else if (!name.is_null() && name != "tabs")
    throw InvalidParamsError("arguments[0].layout must be \"tabs\", \"pipes\" or \"cellPerLine\", not " + name.dump());
  EditStyle style{encoding_, versionedEdits_, config_.docsBaseUrl};
  json onDocument = {{"textDocument", {{"uri", uri}}}};
  answerFromView(pending, onDocument, [this, uri, layout, style](const DocumentView& view) -> json {
    const SourceText& text = *view.text;
    for (std::size_t line = 0; line < text.lineCount(); ++line)
      if (text.lineText(line).find_first_not_of(" \t") != std::string_view::npos)
        throw InvalidParamsError("the document is not empty: a report skeleton is for a new file");
    std::string eol(text.lineCount() > 1 ? text.dominantLineBreak() : "\n");
    std::vector<TextEdit> edits{{{0, text.size()}, reportSkeleton(newReportTemplate(), layout, eol)}};
    sendRequest("workspace/applyEdit",
                {{"label", "Insert report skeleton"}, {"edit", workspaceEdit(uri, view, edits, style)}});
    return nullptr;
  });
}

namespace {

std::size_t positionParam(const DocumentView& view, const json& params, PositionEncoding e) {
  std::string error;
  auto offset = offsetFromJson(*view.text, member(params, "position"), e, &error);
  if (!offset) throw InvalidParamsError("position: " + error);
  return *offset;
}

}  // namespace

void LspServer::completion(Pending pending, const json& params) {
  answerFromView(pending, params, [this, params](const DocumentView& view) -> json {
    std::size_t at = positionParam(view, params, encoding_);
    return completionJson(*view.text, completeAt(view.analyzer->tmpl(), *view.text, view.analysis->model, at), encoding_, snippets_);
  });
}

void LspServer::hover(Pending pending, const json& params) {
  std::string uri = requireString(params, {"textDocument", "uri"}, "textDocument.uri");
  answerFromView(pending, params, [this, params, uri](const DocumentView& view) -> json {
    std::size_t at = positionParam(view, params, encoding_);
    auto info = hoverAt(*view.analyzer, *view.text, view.analysis->model, at);
    const auto& title = view.analysis->dates.title;
    if (info && title && info->range.begin <= title->range.begin && title->range.end <= info->range.end) {
      // Over the title: which report carry-over is checked against, if any.
      const Template& t = view.analyzer->tmpl();
      auto last = reports_->lastYearsUri(uri, *view.text, *view.analysis, *view.analyzer);
      std::string year = std::to_string(title->year - 1);
      info->markdown += "\n\n" + (last ? t.message("hover-last-year", {{"year", year}, {"uri", *last}}, locale_)
                                        : t.message("hover-no-last-year", {{"year", year}}, locale_));
    }
    return hoverJson(*view.text, info, encoding_, markdownHover_);
  });
}

void LspServer::inlayHint(Pending pending, const json& params) {
  answerFromView(pending, params, [this, params](const DocumentView& view) -> json {
    std::string error;
    auto visible = rangeFromJson(*view.text, member(params, "range"), encoding_, &error);
    if (!visible) throw InvalidParamsError("range: " + error);
    return inlayHintsJson(*view.text, inlayHints(*view.analyzer, *view.text, view.analysis->model, *visible), encoding_);
  });
}

void LspServer::documentSymbol(Pending pending, const json& params) {
  answerFromView(pending, params, [this](const DocumentView& view) -> json {
    return documentSymbolsJson(*view.text, outline(view.analyzer->tmpl(), *view.text, view.analysis->model), encoding_);
  });
}

void LspServer::foldingRange(Pending pending, const json& params) {
  answerFromView(pending, params, [this](const DocumentView& view) -> json {
    return foldingRangesJson(foldingRegions(view.analyzer->tmpl(), *view.text, view.analysis->model));
  });
}

// ---- output ----

void LspServer::reply(const Pending& pending, json result) {
  if (pending->answered.exchange(true)) return;
  send(makeResult(pending->id, std::move(result)));
  boost::asio::post(strand_, [this, key = pending->id.dump()] { pending_.erase(key); });
}

void LspServer::replyError(const Pending& pending, ErrorCode code, std::string message) {
  if (pending->answered.exchange(true)) return;
  send(makeError(pending->id, code, std::move(message)));
  boost::asio::post(strand_, [this, key = pending->id.dump()] { pending_.erase(key); });
}

void LspServer::send(const json& message) {
  // Invalid UTF-8 cannot be in our messages (texts are repaired on entry),
  // but replacing beats throwing on a thread that has no one to tell.
  out_.send(message.dump(-1, ' ', false, json::error_handler_t::replace));
}

void LspServer::sendRequest(std::string method, json params, std::function<void(const json&)> onResult) {
  boost::asio::post(strand_, [this, method = std::move(method), params = std::move(params),
                              onResult = std::move(onResult)]() mutable {
    std::string id = "nianbao-" + std::to_string(nextOutgoingId_++);
    outgoing_[json(id).dump()] = std::move(onResult);
    send(makeRequest(id, std::move(method), std::move(params)));
  });
}

void LspServer::log(LogLevel level, const std::string& text) {
  static const char* names[] = {"", "error", "warning", "info", "debug"};
  if (level <= LogLevel::Info) {
    static std::mutex stderrMutex;  // log() runs on the strand, document strands and the pool
    std::lock_guard lock(stderrMutex);
    std::cerr << "nianbao server: " << names[static_cast<int>(level)] << ": " << text << std::endl;
  }
  if (!clientListening_ || level > clientLogLevel_.load()) return;
  send(makeNotification("window/logMessage", {{"type", static_cast<int>(level)}, {"message", text}}));
}

}  // namespace nianbao::lsp
