// LspServer's part about other documents: the workspace's report files and
// last year's report (carryover-mismatch), kept current as files and open
// documents change. See lsp/WorkspaceReports for the index itself.
#include <algorithm>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <boost/asio/post.hpp>

#include "LspServer.h"
#include "Uri.h"

namespace nianbao::lsp {

using nlohmann::json;

namespace {

std::string uriOf(const json& object) {
  const json& uri = member(object, "uri");
  return uri.is_string() ? uri.get<std::string>() : "";
}

}  // namespace

// ---- the workspace's reports ----

// Asks the client to tell us when report files change, so last year's
// report stays current while it is edited outside the editor (or saved).
void LspServer::watchReportFiles() {
  if (!watchedFilesRegistration_ || watching_) return;
  // Some clients watch by walking every folder of the root (Eglot does):
  // for a root that is no project (/tmp, the home directory) that walk
  // would stall the editor, and there is nothing of ours to watch there.
  if (std::none_of(workspaceFolders_.begin(), workspaceFolders_.end(),
                   [](const std::filesystem::path& f) { return isProjectFolder(f); }))
    return;
  watching_ = true;
  json watchers = json::array({{{"globPattern", "**/*.{md,markdown,txt}"}}, {{"globPattern", "**/nianbao.toml"}}});
  sendRequest("client/registerCapability",
              {{"registrations", json::array({{{"id", "nianbao-report-files"},
                                              {"method", "workspace/didChangeWatchedFiles"},
                                              {"registerOptions", {{"watchers", watchers}}}}})}});
}

void LspServer::scanFolders(std::vector<std::filesystem::path> given) {
  std::vector<std::filesystem::path> folders;
  for (auto& f : given) {
    if (isProjectFolder(f)) folders.push_back(std::move(f));
    else log(LogLevel::Info, "not reading " + f.string() + " for last year's reports: the root, home or temporary directory is no project");
  }
  if (folders.empty()) return;
  // A large workspace takes a while, and nothing waits for it; the thread
  // yields the processor to the analyses (a nice value of its own).
  boost::asio::post(scanner_, [this, folders = std::move(folders)] {
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    std::size_t found = reports_->scan(folders, stopping_);
    if (stopping_) return;
    log(LogLevel::Info, "found " + std::to_string(found) + " report(s) with a year in the workspace");
    // Documents opened meanwhile were checked without them.
    boost::asio::post(strand_, [this] {
      std::vector<std::string> open;
      for (const auto& [uri, doc] : documents_) open.push_back(uri);
      recheck(std::move(open));
    });
  });
}

void LspServer::didChangeWatchedFiles(const json& params) {
  std::vector<std::filesystem::path> paths;
  const json& changes = member(params, "changes");
  if (!changes.is_array()) throw InvalidParamsError("changes must be an array");
  bool projectFile = false;
  for (const auto& change : changes) {
    if (auto p = pathFromFileUri(uriOf(change))) {
      if (p->filename() == config::kFileName) projectFile = true;
      else paths.push_back(*p);
    }
  }
  if (projectFile) projectFileChanged();
  // Created, changed and deleted alike: the file is read again, or is gone.
  // After any scan still running, on its thread.
  boost::asio::post(scanner_, [this, paths = std::move(paths)] {
    std::vector<std::string> affected;
    for (const auto& p : paths) {
      if (stopping_) return;
      auto more = reports_->fileChanged(p);
      affected.insert(affected.end(), more.begin(), more.end());
    }
    recheck(std::move(affected));
  });
}

void LspServer::didChangeWorkspaceFolders(const json& params) {
  std::vector<std::filesystem::path> added;
  for (const auto& f : member(member(params, "event"), "added"))
    if (auto p = pathFromFileUri(uriOf(f)))
      added.push_back(*p);
  // A removed folder's reports stay known: last year's report is still last year's.
  workspaceFolders_.insert(workspaceFolders_.end(), added.begin(), added.end());
  watchReportFiles();
  scanFolders(std::move(added));
}

// ---- nianbao.toml ----

Settings LspServer::settingsFor(const std::string& uri) {
  Settings s = settings_;
  auto path = pathFromFileUri(uri);
  if (!path) return s;
  auto project = projectConfigs_.forFile(*path);
  reportProjectProblems();
  if (!project) return s;
  s.rules = project->rulesFor(*path);
  s.excluded = project->excluded(*path);
  if (settings_.templateName == "auto" && project->templateName) s.templateName = *project->templateName;
  if (settings_.headingsCheckOn == HeadingsCheckOn::Save && project->headingsCheckOn == "type")
    s.headingsCheckOn = HeadingsCheckOn::Type;
  return s;
}

void LspServer::reportProjectProblems() {
  auto problems = projectConfigs_.takeProblems();
  if (problems.empty()) return;
  // What could be read applies; the rest is said once, where the user sees it.
  std::string text = "nianbao.toml has " + std::to_string(problems.size()) + " mistake(s); the rest of it applies:";
  for (const auto& p : problems) {
    log(LogLevel::Warning, p.describe());
    text += "\n" + p.describe();
  }
  send(makeNotification("window/showMessage", {{"type", 2}, {"message", text}}));
}

void LspServer::projectFileChanged() {
  projectConfigs_.clear();
  log(LogLevel::Info, "a nianbao.toml changed; its documents are checked again");
  for (auto& [uri, doc] : documents_)
    boost::asio::post(doc->strand(), [doc = doc, next = settingsFor(uri)] { doc->setSettings(next); });
}

std::vector<Finding> LspServer::crossCheck(const std::string& uri, const DocumentView& view) {
  auto [following, findings] = reports_->analysed(uri, *view.text, *view.analysis, *view.analyzer);
  recheck(std::move(following));
  return findings;
}

const Template& LspServer::newReportTemplate() const {
  const Analyzer* forced = templates_->named(settings_.templateName);
  return forced ? forced->tmpl() : templates_->newest().tmpl();
}

void LspServer::recheck(std::vector<std::string> uris) {
  if (uris.empty()) return;
  boost::asio::post(strand_, [this, uris = std::move(uris)] {
    for (const auto& uri : uris)
      if (auto it = documents_.find(uri); it != documents_.end())
        boost::asio::post(it->second->strand(), [doc = it->second] { doc->recheck(); });
  });
}

}  // namespace nianbao::lsp
