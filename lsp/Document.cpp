#include "Document.h"

#include <algorithm>
#include <utility>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

#include "rules/RuleSettings.h"
#include "rules/Suppressions.h"

namespace nianbao::lsp {

bool isHeadingCheck(const std::string& code) {
  // part-empty too: part 五 is written last, and would be marked empty all
  // the while the rest is being written.
  return code == "section-missing" || code == "section-order" || code == "section-duplicate" ||
         code == "topic-missing" || code == "part-empty";
}

Document::Document(std::string uri, const Environment& env, Strand strand, Settings settings)
    : uri_(std::move(uri)),
      env_(env),
      strand_(std::move(strand)),
      settings_(settings),
      timer_(strand_),
      incremental_(std::make_shared<Incremental>(env.templates->first())) {
  if (const Analyzer* forced = forcedAnalyzer()) {
    incremental_->analyzer = std::make_unique<IncrementalAnalyzer>(*forced);
    incremental_->forced = forced;
  }
}

const Analyzer* Document::forcedAnalyzer() const { return env_.templates->named(settings_.templateName); }

void Document::open(int version, std::string_view text) {
  version_ = version;
  *newestVersion_ = version;
  text_ = SourceText(text);
  baselineVersion_ = version;  // opening counts as saving: the file is as on disk
  editsSinceBaseline_.clear();
  // Not through the timer: a keystroke re-arming it would cancel the
  // analysis the baseline waits for.
  startAnalysis();
}

void Document::update(int version, SourceText text, const std::vector<ByteEdit>& edits) {
  version_ = version;
  analysing_ = -1;  // new text, even if a client repeats the version number
  *newestVersion_ = version;
  text_ = std::move(text);
  for (const auto& e : edits) {
    for (auto& f : savedHeadings_) mapFinding(f, e);
    if (baselineVersion_) editsSinceBaseline_.push_back({version, e});
  }
  // Requests about an older version would answer about text that is gone.
  std::vector<Waiter> keep;
  for (auto& w : waiters_) {
    if (w.version == -1) keep.push_back(std::move(w));
    else w.ready(nullptr);
  }
  waiters_ = std::move(keep);
  schedule(settings_.debounce);
}

void Document::saved() {
  if (closed_) return;
  if (latest_ && latest_->version == version_) {
    // The text on disk is the one last analysed: no need to wait.
    adoptBaseline(*latest_->analysis, version_);
    latest_ = makeView(latest_->version, latest_->text, latest_->analysis, latest_->analyzer);
    env_.publish(uri_, latest_, std::exchange(headingsUnpublished_, false));
    settle();
    return;
  }
  baselineVersion_ = version_;
  editsSinceBaseline_.clear();
  timer_.cancel();  // this analysis is the one the debounce was waiting to make
  startAnalysis();
}

void Document::close() {
  closed_ = true;
  timer_.cancel();
  for (auto& w : waiters_) w.ready(nullptr);
  waiters_.clear();
}

void Document::setSettings(const Settings& settings) {
  bool modeChanged = settings.headingsCheckOn != settings_.headingsCheckOn;
  bool templateChanged = settings.templateName != settings_.templateName;
  bool projectChanged = settings.rules != settings_.rules || settings.excluded != settings_.excluded;
  settings_ = settings;
  if (templateChanged && !closed_) {
    // Another template: a fresh analyzer, and an analysis with it now.
    const Analyzer* forced = forcedAnalyzer();
    {
      std::lock_guard lock(incremental_->mutex);
      incremental_->forced = forced;
      incremental_->analyzer = std::make_unique<IncrementalAnalyzer>(forced ? *forced : env_.templates->first());
    }
    timer_.cancel();
    analysing_ = -1;
    startAnalysis();
    return;
  }
  if (!(modeChanged || projectChanged) || !latest_ || closed_) return;
  // Switching to save mode takes the checks as they are now as the baseline.
  if (modeChanged && latest_->version == version_) adoptBaseline(*latest_->analysis, version_);
  latest_ = makeView(latest_->version, latest_->text, latest_->analysis, latest_->analyzer);
  headingsUnpublished_ = false;
  env_.publish(uri_, latest_, true);
}

void Document::recheck() {
  if (closed_ || !latest_) return;
  latest_ = makeView(latest_->version, latest_->text, latest_->analysis, latest_->analyzer);
  // Not from typing, so a pulling client must be told to ask again.
  env_.publish(uri_, latest_, true);
}

void Document::whenAnalyzed(int version, ViewCallback ready) {
  if (closed_ || version != version_) return ready(nullptr);
  waiters_.push_back({version, std::move(ready)});
  settle();
}

void Document::whenCurrent(ViewCallback ready) {
  if (closed_) return ready(nullptr);
  waiters_.push_back({-1, std::move(ready)});
  if ((!latest_ || latest_->version != version_) && analysing_ != version_) {
    timer_.cancel();
    startAnalysis();
  }
  settle();
}

void Document::schedule(std::chrono::milliseconds delay) {
  if (closed_) return;
  timer_.expires_after(delay);
  timer_.async_wait([self = shared_from_this(), version = version_](const boost::system::error_code& ec) {
    // The timer may have expired before a newer keystroke re-armed it.
    if (ec || self->closed_ || version != self->version_ || self->analysing_ == version) return;
    self->startAnalysis();
  });
}

void Document::startAnalysis() {
  int version = version_;
  analysing_ = version;
  bool forBaseline = baselineVersion_ == version;
  // The text is shared, not copied: SourceText values share their chunks.
  auto source = std::make_shared<const SourceText>(text_);
  boost::asio::post(*env_.pool, [self = shared_from_this(), version, forBaseline, source] {
    // A burst of keystrokes leaves analyses queued behind each other; only
    // the newest (and a save's) is worth the time.
    if (!forBaseline && self->newestVersion_->load() != version) return;
    std::shared_ptr<const Analysis> analysis;
    const Analyzer* analyzer = nullptr;
    {
      Incremental& inc = *self->incremental_;
      std::lock_guard lock(inc.mutex);
      // It may have waited for the lock behind another analysis.
      if (!forBaseline && self->newestVersion_->load() != version) return;
      Analysis a = inc.analyzer->analyze(*source);
      if (!inc.forced) {
        // The report's year says which format it is in (a report on 2020: the 2019 one).
        const Analyzer& right = self->env_.templates->forYear(a.dates.year());
        if (&right != &inc.analyzer->analyzer()) {
          inc.analyzer = std::make_unique<IncrementalAnalyzer>(right);
          a = inc.analyzer->analyze(*source);
        }
      }
      analyzer = &inc.analyzer->analyzer();
      analysis = std::make_shared<const Analysis>(std::move(a));
    }
    boost::asio::post(self->strand_, [self, version, source, analysis, analyzer] {
      self->analyzed(version, source, analysis, analyzer);
    });
  });
}

void Document::analyzed(int version, std::shared_ptr<const SourceText> text,
                        std::shared_ptr<const Analysis> analysis, const Analyzer* analyzer) {
  if (closed_) return;
  if (baselineVersion_ == version) adoptBaseline(*analysis, version);
  if (version != version_) return;  // outdated: a newer analysis is on its way
  latest_ = makeView(version, std::move(text), std::move(analysis), analyzer);
  env_.publish(uri_, latest_, std::exchange(headingsUnpublished_, false));
  settle();
}

void Document::adoptBaseline(const Analysis& analysis, int version) {
  savedHeadings_.clear();
  for (const auto& f : analysis.findings)
    if (isHeadingCheck(f.code)) savedHeadings_.push_back(f);
  // Carry them over what was typed since the saved version was analysed.
  for (const auto& [madeIn, edit] : editsSinceBaseline_)
    if (madeIn > version)
      for (auto& f : savedHeadings_) mapFinding(f, edit);
  baselineVersion_.reset();
  editsSinceBaseline_.clear();
  headingsUnpublished_ = true;
}

std::shared_ptr<const DocumentView> Document::makeView(int version, std::shared_ptr<const SourceText> text,
                                                       std::shared_ptr<const Analysis> analysis,
                                                       const Analyzer* analyzer) const {
  auto view = std::make_shared<DocumentView>();
  view->version = version;
  view->text = std::move(text);
  view->analysis = std::move(analysis);
  view->analyzer = analyzer;
  bool onSave = settings_.headingsCheckOn == HeadingsCheckOn::Save;
  for (const auto& f : view->analysis->findings)
    if (!onSave || !isHeadingCheck(f.code)) view->diagnostics.push_back(f);
  if (onSave && view->analysis->model.isReport)  // saved checks of a file that stopped being a report would be noise
    for (const auto& f : savedHeadings_)
      if (f.range.end <= view->text->size()) view->diagnostics.push_back(f);
  std::size_t own = view->diagnostics.size();
  if (env_.crossCheck) {
    std::vector<Finding> cross = env_.crossCheck(uri_, *view);
    view->diagnostics.insert(view->diagnostics.end(), cross.begin(), cross.end());
  }
  if (onSave || view->diagnostics.size() != own)
    std::stable_sort(view->diagnostics.begin(), view->diagnostics.end(), [](const Finding& a, const Finding& b) {
      return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end < b.range.end;
    });
  view->rules = settings_.rules;
  if (settings_.excluded) view->diagnostics.clear();
  else if (analyzer && view->analysis->model.isReport)
    view->diagnostics =
        shownFindings(*view->text, std::move(view->diagnostics), settings_.rules, analyzer->locale(), &suppressions_);
  return view;
}

void Document::settle() {
  if (!latest_ || latest_->version != version_ || baselineVersion_) return;
  std::vector<Waiter> pending;
  pending.swap(waiters_);
  for (auto& w : pending) w.ready(latest_);
}

}  // namespace nianbao::lsp
