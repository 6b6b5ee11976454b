#pragma once
// Last year's reports, for carryover-mismatch: the reports in the workspace's
// folders (read when the server starts, kept current by
// workspace/didChangeWatchedFiles) and the open documents, whose text in the
// editor wins over their file's. A report finds last year's among them by
// body and year (isLastYearsReport).
//
// Thread-safe: document strands, the server's strand and the pool use it at
// once. Files are read outside the lock.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "Analyzer.h"
#include "TemplateChoice.h"
#include "rules/CarryoverRules.h"

namespace nianbao::lsp {

// A report file's text as UTF-8, or nullopt with `error` saying why not.
using ReadReportFile = std::function<std::optional<std::string>(const std::filesystem::path&, std::string* error)>;
// Bytes as they are (the command line passes one that decodes GB18030 and UTF-16).
std::optional<std::string> readFileBytes(const std::filesystem::path& path, std::string* error);

// Whether `folder` may be read as a workspace: not the filesystem's root,
// the home directory or the temporary directory. An editor without a project
// offers the file's own folder, which for a file in /tmp is all of /tmp.
bool isProjectFolder(const std::filesystem::path& folder);

class WorkspaceReports {
 public:
  WorkspaceReports(const TemplateChoice& templates, ReadReportFile read);

  // Each returns the URIs of the open documents that follow the report
  // changed (the same body's next year): their findings may have changed.

  // An open document's latest analysis, made by `analyzer`.
  std::vector<std::string> putOpen(const std::string& uri, const SourceText& text, const Analysis& analysis,
                                   const Analyzer& analyzer);
  // putOpen and check at once, summarising the analysis once: what each new
  // view of an open document calls.
  struct Analysed {
    std::vector<std::string> following;
    std::vector<Finding> findings;
  };
  Analysed analysed(const std::string& uri, const SourceText& text, const Analysis& analysis, const Analyzer& analyzer);

  // Closed: its file's report (if the workspace has it) counts again.
  std::vector<std::string> closeOpen(const std::string& uri);
  // A file created, changed or deleted (a path that cannot be read is gone).
  std::vector<std::string> fileChanged(const std::filesystem::path& path);

  // Reads the reports under `folders` (*.md, *.markdown, *.txt; hidden
  // directories and node_modules skipped, kMaxDepth levels down), at most
  // kMaxFiles files of at most kMaxFileBytes, until `stop`. Only files whose
  // opening names the report (the template's title words in the first
  // kOpeningBytes) are analysed: a folder may be a home directory or /tmp.
  // Returns how many are reports with a year.
  static constexpr std::size_t kMaxFiles = 5000;
  static constexpr std::size_t kMaxDepth = 6;
  static constexpr std::uintmax_t kMaxFileBytes = 8u << 20;
  static constexpr std::size_t kOpeningBytes = 16 * 1024;
  std::size_t scan(const std::vector<std::filesystem::path>& folders, const std::atomic<bool>& stop);

  // The URI of last year's report for an open document, if the workspace or
  // the editor has it (what hover over the title names).
  std::optional<std::string> lastYearsUri(const std::string& uri, const SourceText& text, const Analysis& analysis,
                                          const Analyzer& analyzer) const;

  // carryover-mismatch for an open document, against last year's report if
  // the workspace or the editor has it.
  std::vector<Finding> check(const std::string& uri, const SourceText& text, const Analysis& analysis,
                             const Analyzer& analyzer);

 private:
  struct Entry {
    std::string uri;  // the client's for an open document, made from the path for a file
    ReportSummary summary;
    // The text the summary's ranges are in. Files keep none until a finding
    // points into one, so a large workspace costs summaries, not texts.
    std::shared_ptr<const OtherDocument> document;
  };
  std::optional<Entry> readEntry(const std::filesystem::path& path) const;
  std::vector<std::string> putSummary(const std::string& uri, const std::string& key, ReportSummary summary,
                                      const SourceText& text);
  std::vector<Finding> checkSummary(const std::string& key, const ReportSummary& now, const SourceText& text,
                                    const Analysis& analysis, const Analyzer& analyzer);
  // Last year's report for `now` (by `key`), and its path if it is a file's (under the lock).
  std::optional<Entry> lastYears(const std::string& key, const ReportSummary& now, std::string* file) const;
  // Open documents following `summary` (under the lock).
  void following(const ReportSummary& summary, const std::string& exceptKey, std::vector<std::string>& out) const;
  std::vector<std::string> replaced(std::map<std::string, Entry>& entries, const std::string& key,
                                    std::optional<Entry> entry);

  // Reports are analysed against their year's template; bodies are paired
  // with the newest template's words.
  const TemplateChoice& templates_;
  ReadReportFile read_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> open_;   // by documentKey
  std::map<std::string, Entry> files_;  // by path
};

}  // namespace nianbao::lsp
