// nianbao fix: every safe fix applied to the inputs, what their project suppresses or turns off left alone,
// each changed file written atomically in its encoding.
#include "Commands.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>

#include "Analyzer.h"
#include "TemplateChoice.h"
#include "Files.h"
#include "Output.h"
#include "parse/ReportBody.h"
#include "rules/RuleSettings.h"

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
// `wanted`, when given, says whether a file (found by walking a folder, or
// named) is one to read: as check, fix leaves out what the project excludes
// and a folder's files its [files] include does not name, before reading them
// (an excluded .docx is no error).
bool readInputs(const std::vector<std::string>& paths, const std::string& stdinName, bool forFix,
                std::vector<Input>& inputs, std::ostream& err,
                const std::function<bool(const std::filesystem::path&, bool walked)>& wanted = {}) {
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
    std::error_code ec;
    bool walked = std::filesystem::is_directory(p, ec);
    for (const auto& path : collectInputs({p}, errors)) {
      if (wanted && !wanted(path, walked)) continue;
      if (forFix && isConvertedReport(path)) {
        // Fixing would mean rewriting the Word document or the page.
        err << "nianbao: " << path.string() << ": fix does not rewrite Word documents or web pages; "
            << "nothing was written (nianbao check " << path.string() << " says where to correct it by hand)\n";
        ok = false;
        continue;
      }
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

}  // namespace

int runFix(const TemplateChoice& templates, const FixOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<Input> inputs;
  ProjectSettings settings(templates, options.config);
  // Fixed: a folder's walk used to fix the files [files] include leaves out
  // (check skips them), and to stop at an excluded .docx; both are now left
  // out before reading, as check does (collectTargets).
  bool ok = readInputs(options.paths, "", true, inputs, err, [&](const std::filesystem::path& path, bool walked) {
    FileSettings s = settings.forFile(path);
    return !s.excluded && !(walked && s.included == false);
  });
  std::vector<FileSettings> perInput;
  for (const auto& input : inputs) perInput.push_back(settings.forFile(input.path));
  if (auto problems = settings.takeProblems(); !problems.empty()) {
    for (const auto& p : problems) err << "nianbao: " << p.describe() << "\n";
    err << "nianbao: nothing was fixed; correct the project file, or run with --no-config\n";
    return 2;
  }
  bool errorsLeft = false;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& input = inputs[i];
    const FileSettings& project = perInput[i];
    if (project.excluded) continue;
    SourceText text(input.text);
    const Analyzer* chosen = nullptr;
    project.templates->analyze(text, &chosen);  // the report's year picks the template; fixes keep the year
    const Analyzer& analyzer = *chosen;
    auto shown = [&](const SourceText& t, std::vector<Finding> findings) {
      return shownFindings(t, std::move(findings), project.rules, project.locale);
    };
    FixAllResult fixed = fixAll(analyzer, text, shown);
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
    SourceText afterText(fixed.text);
    std::size_t left = 0;
    for (const auto& f : shown(afterText, analyzer.analyze(afterText).findings))
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
