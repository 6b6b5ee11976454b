#include "Commands.h"

#include <ostream>

#include "Analyzer.h"
#include "Files.h"
#include "Output.h"

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

}  // namespace

int runCheck(const Analyzer& analyzer, const CheckOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format != "text" && options.format != "json") {
    err << "nianbao: --format must be text or json, not '" << options.format << "'\n";
    return 2;
  }
  std::vector<Input> inputs;
  bool readOk = readInputs(options.paths, options.stdinFilename, false, inputs, err);
  bool errors = false;
  std::size_t errorCount = 0, warningCount = 0, noteCount = 0;
  nlohmann::json all = nlohmann::json::array();
  for (const auto& input : inputs) {
    SourceText text(input.text);
    Analysis a = analyzer.analyze(text);
    errors = errors || hasError(a.findings);
    for (const auto& f : a.findings) {
      (f.severity == Severity::Error ? errorCount : f.severity == Severity::Warning ? warningCount : noteCount)++;
      if (options.format == "json") all.push_back(toJson(input.name, text, f));
      else out << formatText(input.name, text, f);
    }
  }
  if (options.format == "json") {
    out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (!inputs.empty()) {
    out << errorCount << " error(s), " << warningCount << " warning(s)";
    if (noteCount) out << ", " << noteCount << " note(s)";
    out << " in " << inputs.size() << " file(s)\n";
  }
  if (!readOk) return 2;
  return errors ? 1 : 0;
}

int runFix(const Analyzer& analyzer, const FixOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<Input> inputs;
  bool ok = readInputs(options.paths, "", true, inputs, err);
  bool errorsLeft = false;
  for (const auto& input : inputs) {
    SourceText text(input.text);
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
