// nianbao check: read every input (in parallel), analyse it against its
// project's settings, pair it with last year's report, and print the
// findings in the format asked for.
#include <algorithm>
#include <atomic>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include "Analyzer.h"
#include "Commands.h"
#include "Files.h"
#include "JunitOutput.h"
#include "Output.h"
#include "Progress.h"
#include "ProjectSettings.h"
#include "SarifOutput.h"
#include "Summary.h"
#include "TemplateChoice.h"
#include "parse/ReportBody.h"
#include "rules/CarryoverRules.h"
#include "rules/RuleSettings.h"

namespace nianbao::cli {
namespace {
namespace fs = std::filesystem;

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

// A file to check, before it is read.
struct Target {
  std::string name;
  fs::path path;          // empty for standard input
  FileSettings settings;  // its project's
};

// A checked file: its text, findings, and what pairing it with last year's report needs.
struct Checked {
  bool read = false;
  std::string error;  // why it could not be read
  std::string text;
  std::shared_ptr<const ConvertedReport> converted;  // a .docx or .html report: the places in it
  std::vector<Finding> findings;
  ReportSummary summary;
  const Analyzer* analyzer = nullptr;  // of the template it was checked against
};

// Runs `work(i)` for i in [0, n) on `threads` threads.
template <typename Work>
void inParallel(std::size_t n, unsigned threads, Work work) {
  threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next++) < n;) work(i);
    });
  for (auto& t : pool) t.join();
}

// The files the arguments name, with their settings; folders walked. Files a
// project excludes are left out, and a folder's files its include does not name.
std::vector<Target> collectTargets(const CheckOptions& options, ProjectSettings& settings, std::ostream& err,
                                   bool& ok) {
  std::vector<Target> targets;
  for (const auto& arg : options.paths) {
    if (arg == "-") {
      // Settings as for a file of that name (--stdin-filename), else in the working folder.
      fs::path standsFor = options.stdinFilename == "<stdin>" ? fs::path("stdin") : fs::path(options.stdinFilename);
      targets.push_back({options.stdinFilename, {}, settings.forFile(standsFor)});
      continue;
    }
    std::error_code ec;
    bool walked = fs::is_directory(arg, ec);
    std::vector<std::string> errors;
    std::size_t found = 0, before = targets.size();
    for (auto& path : collectInputs({arg}, errors)) {
      ++found;
      FileSettings s = settings.forFile(path);
      if (s.excluded || (walked && s.included == false)) continue;
      targets.push_back({path.string(), std::move(path), std::move(s)});
    }
    // Not an error (the project asked for it), but not a silent clean run either.
    if (found && targets.size() == before)
      err << "nianbao: " << arg << ": " << (walked ? "all " + std::to_string(found) + " report file(s) in it are" : "it is")
          << " left out by nianbao.toml ([files] " << (walked ? "include or exclude" : "exclude") << "); nothing checked here\n";
    for (const auto& e : errors) {
      err << "nianbao: " << e << "\n";
      ok = false;
    }
  }
  return targets;
}

void readAndAnalyse(const Target& target, std::string stdinText, Checked& out) {
  if (!target.path.empty()) {
    ReadResult r = readReport(target.path, ReadOptions{.allowPipe = true});
    if (!r.text) {
      out.error = r.error;
      return;
    }
    out.text = std::move(*r.text);
    out.converted = std::move(r.converted);
  } else {
    out.text = std::move(stdinText);
  }
  out.read = true;
  SourceText text(out.text);
  Analysis a = target.settings.templates->analyze(text, &out.analyzer);
  out.summary = summarizeReport(out.analyzer->tmpl(), text, a);
  out.findings = std::move(a.findings);
}

// Last year's report for each input: `previous` (the user's --previous) for
// every report of the year after it, else another input by the same body of
// the year before. Index into `checked`, `checked.size()` for `previous`, or -1.
std::vector<long> pairWithLastYear(const TemplateChoice& templates, const std::vector<Target>& targets,
                                   const std::vector<Checked>& checked, const std::optional<ReportSummary>& previous,
                                   const std::string& previousName, std::ostream& err) {
  std::vector<long> pairs(checked.size(), -1);
  // Candidates by year and the end of the body's name, in input order: a
  // province's thousands of reports are not compared each with each.
  const Template& pairing = templates.newest().tmpl();
  auto key = [&](const ReportSummary& s, int year) {
    return std::pair{year, pairing.carryover ? reportingBodyKey(s.body, *pairing.carryover) : std::string()};
  };
  std::map<std::pair<int, std::string>, std::vector<std::size_t>> candidates;
  for (std::size_t j = 0; j < checked.size(); ++j)
    if (checked[j].read && checked[j].summary.year) candidates[key(checked[j].summary, *checked[j].summary.year)].push_back(j);
  for (std::size_t i = 0; i < checked.size(); ++i) {
    if (!checked[i].read) continue;
    const ReportSummary& now = checked[i].summary;
    if (previous) {
      // Named by the user, so the body is not asked to match; the year is.
      if (previous->year && now.year && *previous->year + 1 != *now.year) {
        err << "nianbao: " << previousName << " is the " << *previous->year << " report and " << targets[i].name
            << " the " << *now.year << " one; not compared (--previous names last year's report)\n";
        continue;
      }
      if (now.isReport) pairs[i] = static_cast<long>(checked.size());
      continue;
    }
    if (!now.year) continue;
    auto found = candidates.find(key(now, *now.year - 1));
    if (found == candidates.end()) continue;
    for (std::size_t j : found->second)
      if (isLastYearsReport(pairing, checked[j].summary, now)) {
        pairs[i] = static_cast<long>(j);
        break;
      }
  }
  return pairs;
}

bool validFormat(const std::string& format) {
  for (const char* f : {"text", "json", "json-lines", "github", "sarif", "junit"})
    if (format == f) return true;
  return false;
}

}  // namespace

int runCheck(const TemplateChoice& templates, const CheckOptions& options, std::ostream& out, std::ostream& err) {
  const std::string& format = options.format;
  if (!validFormat(format)) {
    err << "nianbao: --format must be text, json, json-lines, github, sarif or junit, not '" << format << "'\n";
    return 2;
  }
  if (options.statistics && format != "text" && format != "json") {
    err << "nianbao: --statistics goes with --format text or json, not '" << format << "'\n";
    return 2;
  }
  ProjectSettings settings(templates, options.config);
  bool readOk = true;
  std::vector<Target> targets = collectTargets(options, settings, err, readOk);
  // A project file with a mistake stops the run: findings checked against
  // half a configuration would be quietly wrong.
  if (auto problems = settings.takeProblems(); !problems.empty()) {
    for (const auto& p : problems) err << "nianbao: " << p.describe() << "\n";
    err << "nianbao: fix " << (problems.size() == 1 ? "this mistake" : "these mistakes")
        << " in the project file, or run with --no-config\n";
    return 2;
  }

  // Last year's report, when the user names it.
  std::optional<ReportSummary> previous;
  std::shared_ptr<const OtherDocument> previousDocument;
  if (!options.previous.empty()) {
    ReadResult r = readReport(options.previous);
    if (!r.text) {
      err << "nianbao: --previous: " << r.error << "\n";
      return 2;
    }
    previousDocument = std::make_shared<const OtherDocument>(OtherDocument{options.previous, SourceText(*r.text)});
    const Analyzer* analyzer = nullptr;
    Analysis a = templates.analyze(previousDocument->text, &analyzer);
    if (!a.model.isReport) {
      err << "nianbao: --previous: " << options.previous << " is not a 政府信息公开工作年度报告\n";
      return 2;
    }
    previous = summarizeReport(analyzer->tmpl(), previousDocument->text, a);
  }

  // Standard input first (it can be read once), then every file on every core.
  std::vector<std::string> stdinTexts(targets.size());
  std::vector<std::shared_ptr<const ConvertedReport>> stdinConverted(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].path.empty()) {
      ReadResult r = readStdin(targets[i].name);
      if (r.text) stdinTexts[i] = std::move(*r.text), stdinConverted[i] = std::move(r.converted);
      else err << "nianbao: " << r.error << "\n", readOk = false, targets[i].name.clear();
    }
  std::vector<Checked> checked(targets.size());
  unsigned threads = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  {
    Progress progress(err, targets.size(), options.progress && targets.size() > 1);
    inParallel(targets.size(), threads, [&](std::size_t i) {
      if (targets[i].path.empty() && targets[i].name.empty()) return;  // standard input that failed
      readAndAnalyse(targets[i], std::move(stdinTexts[i]), checked[i]);
      if (targets[i].path.empty()) checked[i].converted = std::move(stdinConverted[i]);
      progress.advance();
    });
  }
  for (const auto& c : checked)
    if (!c.read && !c.error.empty()) err << "nianbao: " << c.error << "\n", readOk = false;

  std::vector<long> pairs = pairWithLastYear(templates, targets, checked, previous, options.previous, err);
  // Last year's figures, then suppressions and the project's severities.
  std::deque<SourceText> texts;
  std::vector<std::size_t> shown;  // which targets were read, in order
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (checked[i].read) {
      texts.emplace_back(checked[i].text);
      shown.push_back(i);
    }
  std::vector<FileReport> reports(shown.size());
  inParallel(shown.size(), threads, [&](std::size_t k) {
    std::size_t i = shown[k];
    Checked& c = checked[i];
    const SourceText& text = texts[k];
    if (pairs[i] >= 0) {
      // Only paired reports are analysed again, for the model the comparison reads.
      std::shared_ptr<const OtherDocument> document = previousDocument;
      const ReportSummary* last = previous ? &*previous : nullptr;
      if (static_cast<std::size_t>(pairs[i]) < checked.size()) {
        std::size_t j = static_cast<std::size_t>(pairs[i]);
        document = std::make_shared<const OtherDocument>(OtherDocument{targets[j].name, SourceText(checked[j].text)});
        last = &checked[j].summary;
      }
      std::vector<Finding> more = checkCarryover(c.analyzer->tmpl(), c.analyzer->locale(), text,
                                                 c.analyzer->analyze(text), *last, document);
      c.findings.insert(c.findings.end(), more.begin(), more.end());
      std::stable_sort(c.findings.begin(), c.findings.end(), [](const Finding& x, const Finding& y) {
        return x.range.begin != y.range.begin ? x.range.begin < y.range.begin : x.range.end < y.range.end;
      });
    }
    reports[k] = {targets[i].name, &text,
                  shownFindings(text, std::move(c.findings), targets[i].settings.rules, targets[i].settings.locale),
                  c.converted.get()};
  });

  bool errors = false;
  std::size_t errorCount = 0, warningCount = 0, noteCount = 0;
  std::map<std::string, CodeCount> perCode;
  for (const auto& report : reports)
    for (const auto& f : report.findings) {
      errors = errors || f.severity == Severity::Error;
      (f.severity == Severity::Error ? errorCount : f.severity == Severity::Warning ? warningCount : noteCount)++;
      auto& c = perCode[f.code];
      ++c.count;
      c.severity = f.severity;
    }

  if (options.statistics) {
    printCodeTable(perCode, format == "json", out);
  } else if (format == "json") {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& r : reports)
      for (const auto& f : r.findings) all.push_back(toJson(r.name, *r.text, f, r.converted));
    out << all.dump(2, ' ', false, kReplace) << "\n";
  } else if (format == "junit") {
    out << toJunit(reports);
  } else if (format == "sarif") {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    SarifOptions sarif{.toolVersion = NIANBAO_VERSION, .srcRoot = ec ? "" : cwd.string(), .executionSuccessful = readOk};
    out << toSarif(reports, sarif).dump(2, ' ', false, kReplace) << "\n";
  } else {
    for (const auto& r : reports)
      for (const auto& f : r.findings) {
        if (format == "json-lines") out << toJson(r.name, *r.text, f, r.converted).dump(-1, ' ', false, kReplace) << "\n";
        else if (format == "github") out << formatGithub(r.name, *r.text, f, r.converted);
        else out << formatText(r.name, *r.text, f, options.color, r.converted);
      }
  }
  if (format == "text" && !options.quiet && !reports.empty()) {
    if (reports.size() > 1 && !perCode.empty() && !options.statistics) {
      // A batch: where the findings are, before the totals.
      out << "\nFindings by code:\n";
      printCodeTable(perCode, false, out);
      out << "\nFindings by file:\n";
      printFileTable(reports, out);
      out << "\n";
    }
    out << errorCount << " error(s), " << warningCount << " warning(s)";
    if (noteCount) out << ", " << noteCount << " note(s)";
    out << " in " << reports.size() << " file(s)\n";
  }
  if (!readOk) return 2;
  return errors && !options.exitZero ? 1 : 0;
}

}  // namespace nianbao::cli
