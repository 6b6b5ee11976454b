#include "Commands.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <ostream>

#include "Analyzer.h"
#include "TemplateChoice.h"
#include "Files.h"
#include "Output.h"
#include "parse/ReportBody.h"
#include "rules/CarryoverRules.h"

namespace nianbao::cli {
namespace {

struct Input {
  std::string name;
  std::string text;            // UTF-8, decoded from `encoding`
  Encoding encoding;           // what the file was written in, and is written back in
  std::filesystem::path path;  // empty for standard input
  FileSnapshot read;           // what the file was; its bytes only for fix
};

// Reads every input, reporting unreadable ones on `err`. Returns false if any failed.
// `forFix`: standard input and pipes refused, bytes kept to compare before writing.
bool readInputs(const std::vector<std::string>& paths, const std::string& stdinName, bool forFix,
                std::vector<Input>& inputs, std::ostream& err) {
  bool ok = true;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    if (p == "-") {
      if (forFix) {
        err << "nianbao: fix cannot read standard input; name the files to fix\n";
        ok = false;
        continue;
      }
      ReadResult r = readStdin(stdinName);
      if (!r.text) {
        err << "nianbao: " << r.error << "\n";
        ok = false;
      } else {
        inputs.push_back({stdinName, std::move(*r.text), r.encoding, {}, {}});
      }
      continue;
    }
    std::vector<std::string> errors;
    for (const auto& path : collectInputs({p}, errors)) {
      ReadResult r = readReport(path, ReadOptions{.allowPipe = !forFix, .keepBytes = forFix});
      if (!r.text) {
        err << "nianbao: " << r.error << "\n";
        ok = false;
        continue;
      }
      inputs.push_back({path.string(), std::move(*r.text), r.encoding, path, std::move(r.snapshot)});
    }
    for (const auto& e : errors) {
      err << "nianbao: " << e << "\n";
      ok = false;
    }
  }
  return ok;
}

bool hasError(const std::vector<Finding>& findings) {
  for (const auto& f : findings)
    if (f.severity == Severity::Error) return true;
  return false;
}

// A checked input, with what pairing it with last year's report needs.
struct CheckedInput {
  std::vector<Finding> findings;
  ReportSummary summary;
  const Analyzer* analyzer = nullptr;  // of the template it was checked against
};

// Last year's report for each input: `previous` (the user's --previous) for
// every report of the year after it, else another input by the same body of
// the year before. Index into `inputs`, `inputs.size()` for `previous`, or -1.
std::vector<long> pairWithLastYear(const TemplateChoice& templates, const std::vector<Input>& inputs,
                                   const std::vector<CheckedInput>& checked, const std::optional<ReportSummary>& previous,
                                   const std::string& previousName, std::ostream& err) {
  std::vector<long> pairs(inputs.size(), -1);
  // Candidates by year and the end of the body's name, in input order: a
  // province's thousands of reports are not compared each with each.
  const Template& pairing = templates.newest().tmpl();
  auto key = [&](const ReportSummary& s, int year) {
    return std::pair{year, pairing.carryover ? reportingBodyKey(s.body, *pairing.carryover) : std::string()};
  };
  std::map<std::pair<int, std::string>, std::vector<std::size_t>> candidates;
  for (std::size_t j = 0; j < checked.size(); ++j)
    if (checked[j].summary.year) candidates[key(checked[j].summary, *checked[j].summary.year)].push_back(j);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ReportSummary& now = checked[i].summary;
    if (previous) {
      // Named by the user, so the body is not asked to match; the year is.
      if (previous->year && now.year && *previous->year + 1 != *now.year) {
        err << "nianbao: " << previousName << " is the " << *previous->year << " report and " << inputs[i].name
            << " the " << *now.year << " one; not compared (--previous names last year's report)\n";
        continue;
      }
      if (now.isReport) pairs[i] = static_cast<long>(inputs.size());
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

}  // namespace

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

// --statistics: how often each code was found, most frequent first.
void printStatistics(const std::map<std::string, std::pair<std::size_t, Severity>>& perCode, bool json,
                     std::ostream& out) {
  std::vector<std::pair<std::string, std::pair<std::size_t, Severity>>> rows(perCode.begin(), perCode.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [code, c] : rows)
      list.push_back({{"code", code}, {"severity", std::string(severityName(c.second))}, {"count", c.first}});
    out << list.dump(2) << "\n";
    return;
  }
  for (const auto& [code, c] : rows) {
    std::string count = std::to_string(c.first);
    out << std::string(count.size() < 6 ? 6 - count.size() : 0, ' ') << count << "  " << code << " ("
        << severityName(c.second) << ")\n";
  }
}

int runCheck(const TemplateChoice& templates, const CheckOptions& options, std::ostream& out, std::ostream& err) {
  const std::string& format = options.format;
  if (format != "text" && format != "json" && format != "json-lines" && format != "github") {
    err << "nianbao: --format must be text, json, json-lines or github, not '" << format << "'\n";
    return 2;
  }
  if (options.statistics && format != "text" && format != "json") {
    err << "nianbao: --statistics goes with --format text or json, not '" << format << "'\n";
    return 2;
  }
  std::vector<Input> inputs;
  bool readOk = readInputs(options.paths, options.stdinFilename, false, inputs, err);

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

  // Every input analysed first: last year's report may come after this year's.
  std::vector<CheckedInput> checked;
  checked.reserve(inputs.size());
  for (const auto& input : inputs) {
    SourceText text(input.text);
    const Analyzer* analyzer = nullptr;
    Analysis a = templates.analyze(text, &analyzer);
    ReportSummary summary = summarizeReport(analyzer->tmpl(), text, a);
    checked.push_back({std::move(a.findings), std::move(summary), analyzer});
  }
  std::vector<long> pairs = pairWithLastYear(templates, inputs, checked, previous, options.previous, err);

  bool errors = false;
  std::size_t errorCount = 0, warningCount = 0, noteCount = 0;
  std::map<std::string, std::pair<std::size_t, Severity>> perCode;  // for --statistics
  nlohmann::json all = nlohmann::json::array();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& input = inputs[i];
    SourceText text(input.text);
    std::vector<Finding>& findings = checked[i].findings;
    if (pairs[i] >= 0) {
      // Only paired reports are analysed again, for the model the comparison reads.
      std::shared_ptr<const OtherDocument> document = previousDocument;
      const ReportSummary* last = previous ? &*previous : nullptr;
      if (static_cast<std::size_t>(pairs[i]) < inputs.size()) {
        const Input& other = inputs[static_cast<std::size_t>(pairs[i])];
        document = std::make_shared<const OtherDocument>(OtherDocument{other.name, SourceText(other.text)});
        last = &checked[static_cast<std::size_t>(pairs[i])].summary;
      }
      const Analyzer& analyzer = *checked[i].analyzer;
      std::vector<Finding> more =
          checkCarryover(analyzer.tmpl(), analyzer.locale(), text, analyzer.analyze(text), *last, document);
      findings.insert(findings.end(), more.begin(), more.end());
      std::stable_sort(findings.begin(), findings.end(), [](const Finding& x, const Finding& y) {
        return x.range.begin != y.range.begin ? x.range.begin < y.range.begin : x.range.end < y.range.end;
      });
    }
    errors = errors || hasError(findings);
    for (const auto& f : findings) {
      (f.severity == Severity::Error ? errorCount : f.severity == Severity::Warning ? warningCount : noteCount)++;
      auto& [count, severity] = perCode[f.code];
      ++count;
      severity = f.severity;
      if (options.statistics) continue;
      if (format == "json") all.push_back(toJson(input.name, text, f));
      else if (format == "json-lines") out << toJson(input.name, text, f).dump(-1, ' ', false, kReplace) << "\n";
      else if (format == "github") out << formatGithub(input.name, text, f);
      else out << formatText(input.name, text, f, options.color);
    }
  }
  if (options.statistics) printStatistics(perCode, format == "json", out);
  else if (format == "json") out << all.dump(2, ' ', false, kReplace) << "\n";
  if (format == "text" && !options.quiet && !inputs.empty()) {
    out << errorCount << " error(s), " << warningCount << " warning(s)";
    if (noteCount) out << ", " << noteCount << " note(s)";
    out << " in " << inputs.size() << " file(s)\n";
  }
  if (!readOk) return 2;
  return errors && !options.exitZero ? 1 : 0;
}

int runFix(const TemplateChoice& templates, const FixOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<Input> inputs;
  bool ok = readInputs(options.paths, "", true, inputs, err);
  bool errorsLeft = false;
  for (const auto& input : inputs) {
    SourceText text(input.text);
    const Analyzer* chosen = nullptr;
    templates.analyze(text, &chosen);  // the report's year picks the template; fixes keep the year
    const Analyzer& analyzer = *chosen;
    FixAllResult fixed = fixAll(analyzer, text);
    if (fixed.text != text.str()) {
      // Back in the encoding it was read in, byte order mark and all; a text
      // that would not read back the same is not written.
      Encoded encoded = encode((text.hadBom() ? "\xEF\xBB\xBF" : "") + fixed.text, input.encoding);
      std::string error;
      if (!encoded.bytes) error = input.path.string() + ": " + encoded.error;
      WriteOutcome outcome =
          encoded.bytes ? writeAtomically(input.path, *encoded.bytes, &input.read, error) : WriteOutcome::Failed;
      if (outcome == WriteOutcome::Changed) {
        // Someone saved it meanwhile (an editor): their text wins.
        err << "nianbao: " << input.path.string()
            << ": changed while being fixed; nothing was written (run fix again)\n";
        ok = false;
        continue;
      }
      if (outcome == WriteOutcome::Failed) {
        err << "nianbao: " << error << " (nothing was changed)\n";
        ok = false;
        continue;
      }
    }
    // Places are in the file as it was, as `check` reported them.
    for (const auto& applied : fixed.applied)
      out << input.name << ":" << applied.at.line + 1 << ":" << applied.at.column + 1 << ": fixed["
          << applied.finding.code << "]: " << applied.finding.message << " — "
          << applied.finding.fix->title << "\n";
    Analysis after = analyzer.analyze(SourceText(fixed.text));
    std::size_t left = 0;
    for (const auto& f : after.findings)
      if (f.severity == Severity::Error) ++left;
    if (left) {
      errorsLeft = true;
      out << input.name << ": " << left << " error(s) left that need a person (run nianbao check)\n";
    }
  }
  if (!ok) return 2;
  return errorsLeft ? 1 : 0;
}

}  // namespace nianbao::cli
