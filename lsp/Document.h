#pragma once
// One open document: its text and version, the debounce before analysis, the
// analysis itself (on the thread pool), the headings-on-save baseline, and
// the requests waiting for an analysis of a version. JSON-free: lsp/LspServer
// turns what it produces into protocol messages.
//
// Every member function runs on the document's strand; results computed on
// the pool come back to it. A result for a version the user has already
// typed past is dropped, because an expired timer cannot be cancelled and an
// analysis already running cannot be stopped.

#include <atomic>
#include <functional>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include "Analyzer.h"
#include "TemplateChoice.h"
#include "incremental/IncrementalAnalyzer.h"
#include "rules/Suppressions.h"
#include "EditTracking.h"
#include "Settings.h"

namespace nianbao::lsp {

// One analysed version, immutable once made; features read it from any thread.
struct DocumentView {
  int version = 0;
  std::shared_ptr<const SourceText> text;
  std::shared_ptr<const Analysis> analysis;
  const Analyzer* analyzer = nullptr;  // the one that made it: its template is the report's
  std::vector<Finding> diagnostics;  // what the user sees: per the headings setting, suppressions and nianbao.toml
  RuleSettings rules;                // the project's, which fix-all follows too
};
using ViewCallback = std::function<void(std::shared_ptr<const DocumentView>)>;

// The part and topic completeness checks (and part-empty), which wait for a save by default.
bool isHeadingCheck(const std::string& code);

class Document : public std::enable_shared_from_this<Document> {
 public:
  using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;
  struct Environment {
    const TemplateChoice* templates = nullptr;
    boost::asio::thread_pool* pool = nullptr;
    // A new view to show; `headingsChanged` when the save-time checks moved.
    std::function<void(const std::string& uri, std::shared_ptr<const DocumentView>, bool headingsChanged)> publish;
    // Findings that need other documents (last year's report): made with
    // every view, since those documents change on their own.
    std::function<std::vector<Finding>(const std::string& uri, const DocumentView&)> crossCheck;
  };

  Document(std::string uri, const Environment& env, Strand strand, Settings settings);
  const Strand& strand() const { return strand_; }
  const std::string& uri() const { return uri_; }

  // All of these on strand().
  void open(int version, std::string_view text);
  void update(int version, SourceText text, const std::vector<ByteEdit>& edits);
  void saved();
  void close();
  void setSettings(const Settings& settings);
  // Another document this one is compared with changed: the view is made
  // again from the same analysis, and published.
  void recheck();
  const SourceText& text() const { return text_; }
  int version() const { return version_; }
  bool closed() const { return closed_; }

  // `ready` gets the view of `version` once it is analysed, or nullptr if the
  // document moves past that version or closes first (ContentModified).
  void whenAnalyzed(int version, ViewCallback ready);
  // `ready` gets the first view that is current when it is made (pull
  // diagnostics want what the user sees now, whatever the version). The
  // client is asking now, so a pending debounce is cut short.
  void whenCurrent(ViewCallback ready);

 private:
  void schedule(std::chrono::milliseconds delay);
  void startAnalysis();
  void analyzed(int version, std::shared_ptr<const SourceText> text, std::shared_ptr<const Analysis> analysis,
                const Analyzer* analyzer);
  void adoptBaseline(const Analysis& analysis, int version);
  std::shared_ptr<const DocumentView> makeView(int version, std::shared_ptr<const SourceText> text,
                                               std::shared_ptr<const Analysis> analysis, const Analyzer* analyzer) const;
  // The analyzer the settings force, or null to follow the report's year.
  const Analyzer* forcedAnalyzer() const;
  void settle();  // serves the waiters the latest view satisfies

  std::string uri_;
  Environment env_;
  Strand strand_;
  Settings settings_;
  boost::asio::steady_timer timer_;
  SourceText text_;
  int version_ = 0;
  int analysing_ = -1;  // the version the last analysis was started for, -1 after new text
  bool closed_ = false;
  // The newest version handed out, read by pool threads to skip stale work.
  std::shared_ptr<std::atomic<int>> newestVersion_ = std::make_shared<std::atomic<int>>(0);
  std::shared_ptr<const DocumentView> latest_;
  // What the last analysis kept for the next one. Analyses of one document
  // may run on two pool threads at once (a save's and a keystroke's), so
  // they take turns. A report whose year calls for another template (or a
  // setting forcing one) gets a new IncrementalAnalyzer of that template.
  struct Incremental {
    explicit Incremental(const Analyzer& analyzer) : analyzer(std::make_unique<IncrementalAnalyzer>(analyzer)) {}
    std::mutex mutex;
    std::unique_ptr<IncrementalAnalyzer> analyzer;
    const Analyzer* forced = nullptr;  // set on the strand, read under the mutex
  };
  std::shared_ptr<Incremental> incremental_;

  // The heading checks as of the last open or save, carried across edits.
  std::vector<Finding> savedHeadings_;
  // The suppression comments per chunk, so a view reads only the chunks typed
  // in; a cache, hence mutable in the const makeView (on the strand only).
  mutable SuppressionScanner suppressions_;
  std::optional<int> baselineVersion_;  // a save whose analysis is still to come
  std::vector<std::pair<int, ByteEdit>> editsSinceBaseline_;  // (version made, edit)
  bool headingsUnpublished_ = false;  // a new baseline no view has shown yet

  struct Waiter {
    int version;  // -1: the next current view
    ViewCallback ready;
  };
  std::vector<Waiter> waiters_;
};

}  // namespace nianbao::lsp
