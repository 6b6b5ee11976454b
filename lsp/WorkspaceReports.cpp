#include "WorkspaceReports.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "Uri.h"

namespace nianbao::lsp {

std::optional<std::string> readFileBytes(const std::filesystem::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) {
    if (error) *error = path.string() + ": cannot be read";
    return std::nullopt;
  }
  return std::move(bytes).str();
}

bool isProjectFolder(const std::filesystem::path& folder) {
  std::error_code ec;
  auto same = [&](const std::filesystem::path& other) {
    return !other.empty() && std::filesystem::weakly_canonical(folder, ec) == std::filesystem::weakly_canonical(other, ec);
  };
  const char* home = std::getenv("HOME");
  std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
  return !same("/") && !(home && same(home)) && !(!ec && same(temp));
}

WorkspaceReports::WorkspaceReports(const TemplateChoice& templates, ReadReportFile read)
    : templates_(templates), read_(read ? std::move(read) : ReadReportFile(readFileBytes)) {}

namespace {

std::vector<std::string> unique(std::vector<std::string> uris) {
  std::sort(uris.begin(), uris.end());
  uris.erase(std::unique(uris.begin(), uris.end()), uris.end());
  return uris;
}

bool isReportFileName(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".txt";
}

}  // namespace

std::optional<WorkspaceReports::Entry> WorkspaceReports::readEntry(const std::filesystem::path& path) const {
  std::error_code ec;
  if (!isReportFileName(path) || !std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxFileBytes) return std::nullopt;
  std::string error;
  auto bytes = read_(path, &error);
  if (!bytes) return std::nullopt;
  std::string_view opening = std::string_view(*bytes).substr(0, kOpeningBytes);
  for (const auto& word : templates_.newest().tmpl().titleKeywords)
    if (opening.find(word) == std::string_view::npos) return std::nullopt;
  auto document = std::make_shared<OtherDocument>(OtherDocument{fileUriFromPath(path), SourceText(*bytes)});
  const Analyzer* analyzer = nullptr;
  Analysis analysis = templates_.analyze(document->text, &analyzer);
  ReportSummary summary = summarizeReport(analyzer->tmpl(), document->text, analysis);
  if (!summary.isReport || !summary.year) return std::nullopt;
  return Entry{document->name, std::move(summary), std::move(document)};
}

void WorkspaceReports::following(const ReportSummary& summary, const std::string& exceptKey,
                                 std::vector<std::string>& out) const {
  for (const auto& [key, entry] : open_)
    if (key != exceptKey && isLastYearsReport(templates_.newest().tmpl(), summary, entry.summary))
      out.push_back(entry.uri);
}

std::vector<std::string> WorkspaceReports::replaced(std::map<std::string, Entry>& entries, const std::string& key,
                                                    std::optional<Entry> entry) {
  std::vector<std::string> out;
  auto it = entries.find(key);
  if (it != entries.end() && entry && it->second.summary == entry->summary) {
    it->second = std::move(*entry);  // the same figures, a newer text
    return out;
  }
  // A file open in the editor hands on the editor's text, not the file's.
  bool shadowed = &entries == &files_ && open_.count(key);
  if (it != entries.end()) {
    if (!shadowed) following(it->second.summary, key, out);
    entries.erase(it);
  }
  if (entry) {
    if (!shadowed) following(entry->summary, key, out);
    entries.emplace(key, std::move(*entry));
  }
  return out;
}

WorkspaceReports::Analysed WorkspaceReports::analysed(const std::string& uri, const SourceText& text,
                                                     const Analysis& analysis, const Analyzer& analyzer) {
  // One summary and one key for both: this runs with every view of every open report.
  std::string key = documentKey(uri);
  ReportSummary summary = summarizeReport(analyzer.tmpl(), text, analysis);
  Analysed out;
  out.following = putSummary(uri, key, summary, text);
  out.findings = checkSummary(key, summary, text, analysis, analyzer);
  return out;
}

std::vector<std::string> WorkspaceReports::putOpen(const std::string& uri, const SourceText& text,
                                                   const Analysis& analysis, const Analyzer& analyzer) {
  return putSummary(uri, documentKey(uri), summarizeReport(analyzer.tmpl(), text, analysis), text);
}

std::vector<std::string> WorkspaceReports::putSummary(const std::string& uri, const std::string& key,
                                                      ReportSummary summary, const SourceText& text) {
  std::optional<Entry> entry;
  if (summary.isReport && summary.year)
    entry = Entry{uri, std::move(summary), std::make_shared<const OtherDocument>(OtherDocument{uri, text})};
  std::lock_guard lock(mutex_);
  bool wasOpen = open_.count(key) > 0;
  std::vector<std::string> out = replaced(open_, key, std::move(entry));
  // Opening a file hides its file's report, which may have said otherwise.
  if (!wasOpen)
    if (auto file = files_.find(key); file != files_.end()) following(file->second.summary, key, out);
  return unique(std::move(out));
}

std::vector<std::string> WorkspaceReports::closeOpen(const std::string& uri) {
  std::lock_guard lock(mutex_);
  std::string key = documentKey(uri);
  std::vector<std::string> out = replaced(open_, key, std::nullopt);
  if (auto file = files_.find(key); file != files_.end()) following(file->second.summary, key, out);
  return unique(std::move(out));
}

std::vector<std::string> WorkspaceReports::fileChanged(const std::filesystem::path& path) {
  std::filesystem::path normal = path.lexically_normal();
  std::optional<Entry> entry = readEntry(normal);
  if (entry) entry->document.reset();  // kept only once a finding points into it
  std::lock_guard lock(mutex_);
  return unique(replaced(files_, normal.string(), std::move(entry)));
}

std::size_t WorkspaceReports::scan(const std::vector<std::filesystem::path>& folders, const std::atomic<bool>& stop) {
  std::size_t visited = 0, reports = 0;
  for (const auto& folder : folders) {
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(folder, std::filesystem::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end && !stop && visited < kMaxFiles; it.increment(ec)) {
      const auto& path = it->path();
      std::string name = path.filename().string();
      std::error_code typeError;
      if (it->is_directory(typeError)) {
        // Version control, editor state and installed packages hold no reports of the user's.
        if ((!name.empty() && name[0] == '.') || name == "node_modules" ||
            static_cast<std::size_t>(it.depth()) + 1 >= kMaxDepth)
          it.disable_recursion_pending();
        continue;
      }
      if (!isReportFileName(path)) continue;
      ++visited;
      std::optional<Entry> entry = readEntry(path.lexically_normal());
      if (!entry) continue;
      entry->document.reset();
      ++reports;
      std::lock_guard lock(mutex_);
      files_[path.lexically_normal().string()] = std::move(*entry);
    }
  }
  return reports;
}

std::optional<WorkspaceReports::Entry> WorkspaceReports::lastYears(const std::string& key, const ReportSummary& now,
                                                                   std::string* file) const {
  const Template& pairing = templates_.newest().tmpl();
  // The editor's text first: it is what the user is looking at.
  for (const auto& [k, entry] : open_)
    if (k != key && isLastYearsReport(pairing, entry.summary, now)) return entry;
  for (const auto& [k, entry] : files_)
    if (k != key && !open_.count(k) && isLastYearsReport(pairing, entry.summary, now)) {
      *file = k;
      return entry;
    }
  return std::nullopt;
}

std::optional<std::string> WorkspaceReports::lastYearsUri(const std::string& uri, const SourceText& text,
                                                          const Analysis& analysis, const Analyzer& analyzer) const {
  ReportSummary now = summarizeReport(analyzer.tmpl(), text, analysis);
  if (!now.isReport || !now.year) return std::nullopt;
  std::string file;
  std::lock_guard lock(mutex_);
  auto last = lastYears(documentKey(uri), now, &file);
  if (!last) return std::nullopt;
  return last->uri;
}

std::vector<Finding> WorkspaceReports::check(const std::string& uri, const SourceText& text, const Analysis& analysis,
                                             const Analyzer& analyzer) {
  return checkSummary(documentKey(uri), summarizeReport(analyzer.tmpl(), text, analysis), text, analysis, analyzer);
}

std::vector<Finding> WorkspaceReports::checkSummary(const std::string& key, const ReportSummary& now,
                                                    const SourceText& text, const Analysis& analysis,
                                                    const Analyzer& analyzer) {
  if (!now.isReport || !now.year) return {};
  std::string lastFile;  // its path, if it is a file's report
  std::optional<Entry> last;
  {
    std::lock_guard lock(mutex_);
    last = lastYears(key, now, &lastFile);
  }
  if (!last) return {};
  std::vector<Finding> findings =
      checkCarryover(analyzer.tmpl(), analyzer.locale(), text, analysis, last->summary, last->document);
  if (findings.empty() || last->document) return findings;
  // A finding points into last year's file: read it again for its text (and
  // its figures as they are now, in case it changed since it was indexed).
  std::optional<Entry> fresh = readEntry(lastFile);
  if (!fresh) return {};
  findings = checkCarryover(analyzer.tmpl(), analyzer.locale(), text, analysis, fresh->summary, fresh->document);
  std::lock_guard lock(mutex_);
  if (auto it = files_.find(lastFile); it != files_.end() && it->second.summary == fresh->summary)
    it->second.document = fresh->document;
  return findings;
}

}  // namespace nianbao::lsp
