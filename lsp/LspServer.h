#pragma once
// The language server: one method per LSP call, the lifecycle, and the only
// layer that turns JSON into calls on documents and features and their
// results back into JSON. It owns no threads of its own except the analysis
// pool; its state lives on a strand of the io_context it is given, and the
// transport (or a test) hands it message bodies with receive().

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

#include "Analyzer.h"
#include "Document.h"
#include "JsonRpc.h"
#include "Protocol.h"
#include "ProjectConfig.h"
#include "Settings.h"
#include "Transport.h"
#include "WorkspaceReports.h"
#include "rules/RuleDocs.h"

namespace nianbao::lsp {

struct ServerConfig {
  int analysisThreads = 2;
  // Diagnostics link their code's page: docsBaseUrl + code + ".md" (ruleDocUrl).
  std::string docsBaseUrl = std::string(kRuleDocsBaseUrl);
  // Reads the workspace's report files (for last year's report); null reads bytes as UTF-8.
  ReadReportFile readFile;
};

class LspServer {
 public:
  LspServer(boost::asio::io_context& io, MessageSink& out, const Template& tmpl, ServerConfig config = {});
  ~LspServer();

  // Safe from any thread; handled in order on the server's strand.
  void receive(std::string body);
  void badFrame(std::string error);
  void frameWarning(std::string warning);
  void inputClosed();

  // Called once, on the strand, when the session is over, with the exit code.
  std::function<void(int)> onExit;

 private:
  enum class State { Uninitialized, Running, ShutDown, Exited };
  struct PendingRequest {
    nlohmann::json id;
    std::atomic<bool> answered{false};
  };
  using Pending = std::shared_ptr<PendingRequest>;

  void handle(const nlohmann::json& message);
  void handleRequest(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void handleNotification(const std::string& method, const nlohmann::json& params);
  void handleResponse(const nlohmann::json& message);

  // Lifecycle.
  nlohmann::json initialize(const nlohmann::json& params);
  void initialized();
  void exit();

  // Text synchronisation.
  void didOpen(const nlohmann::json& params);
  void didChange(const nlohmann::json& params);
  void didSave(const nlohmann::json& params);
  void didClose(const nlohmann::json& params);

  // The workspace's reports, for carryover-mismatch.
  void watchReportFiles();
  void scanFolders(std::vector<std::filesystem::path> folders);
  void didChangeWatchedFiles(const nlohmann::json& params);
  void didChangeWorkspaceFolders(const nlohmann::json& params);
  std::vector<Finding> crossCheck(const std::string& uri, const DocumentView& view);
  const Template& newReportTemplate() const;  // a skeleton's: the forced template, else the newest
  void recheck(std::vector<std::string> uris);  // any thread

  // Settings.
  void didChangeConfiguration(const nlohmann::json& params);
  void applyConfiguration(const nlohmann::json& section, const char* from);
  void requestConfiguration();
  // Whether settings_.templateName names a template; if not, says so and follows the year.
  bool checkTemplateSetting(const char* from);

  // Requests answered from an analysed view of a document, on the pool.
  using ViewAnswer = std::function<nlohmann::json(const DocumentView&)>;
  void answerFromView(Pending pending, const nlohmann::json& params, ViewAnswer answer, bool anyVersion = false);
  void diagnostic(Pending pending, const nlohmann::json& params);
  void codeAction(Pending pending, const nlohmann::json& params);
  void executeCommand(Pending pending, const nlohmann::json& params);
  void completion(Pending pending, const nlohmann::json& params);
  void hover(Pending pending, const nlohmann::json& params);
  void inlayHint(Pending pending, const nlohmann::json& params);
  void documentSymbol(Pending pending, const nlohmann::json& params);
  void foldingRange(Pending pending, const nlohmann::json& params);

  // The editor's settings with what the document's nianbao.toml adds: its
  // rules, its exclusions, and its template and timing where the editor
  // keeps the default (editors send their defaults too).
  Settings settingsFor(const std::string& uri);
  void reportProjectProblems();
  void projectFileChanged();

  void publish(const std::string& uri, std::shared_ptr<const DocumentView> view, bool headingsChanged);
  nlohmann::json diagnosticsJson(const DocumentView& view, const std::string& uri) const;

  void reply(const Pending& pending, nlohmann::json result);
  void replyError(const Pending& pending, ErrorCode code, std::string message);
  void send(const nlohmann::json& message);
  void sendRequest(std::string method, nlohmann::json params,
                   std::function<void(const nlohmann::json& result)> onResult = nullptr);
  void log(LogLevel level, const std::string& text);
  std::shared_ptr<Document> document(const nlohmann::json& params) const;  // throws InvalidParams
  void finish(int code);

  boost::asio::io_context& io_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  MessageSink& out_;
  const Template& tmpl_;
  ServerConfig config_;
  boost::asio::thread_pool pool_;
  // Reading the workspace's reports: a thread of its own, so that no
  // analysis waits behind a scan of a large folder.
  boost::asio::thread_pool scanner_{1};
  // One analyzer per template, made at initialize in the client's language.
  std::unique_ptr<TemplateChoice> templates_;
  Document::Environment environment_;
  std::unique_ptr<WorkspaceReports> reports_;  // made at initialize, with the analyzer
  std::vector<std::filesystem::path> workspaceFolders_;
  config::ProjectConfigs projectConfigs_{config::builtinVocabulary()};  // nianbao.toml files, read once each
  bool watchedFilesRegistration_ = false;  // the client lets us ask it to watch files
  bool watching_ = false;                   // and we have asked
  std::atomic<bool> stopping_{false};       // ends a workspace scan early

  State state_ = State::Uninitialized;
  bool shutdownRequested_ = false;
  // Fixed at initialize, read-only after: documents and the pool read them.
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::string locale_ = "zh";
  bool pullDiagnostics_ = false;
  bool diagnosticRefresh_ = false;
  bool versionedEdits_ = false;
  bool snippets_ = false;
  bool configurationRequests_ = false;
  bool reportStatus_ = false;  // the client asked for nianbao/reportStatus (initializationOptions.reportStatus)
  bool markdownHover_ = true;
  // Settings may change at any time; documents get a copy on their strand.
  Settings settings_;
  std::atomic<LogLevel> clientLogLevel_{LogLevel::Warning};
  std::atomic<bool> clientListening_{false};  // window/logMessage only between initialize and exit

  std::map<std::string, std::shared_ptr<Document>> documents_;
  std::map<std::string, Pending> pending_;  // by id.dump()
  std::map<std::string, std::function<void(const nlohmann::json&)>> outgoing_;
  std::set<std::string> ignoredNotifications_;  // unknown methods already logged
  int nextOutgoingId_ = 1;
};

}  // namespace nianbao::lsp
