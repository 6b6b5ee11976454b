// nianbao: checks government information-disclosure annual reports.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "Analyzer.h"
#include "TemplateChoice.h"
#include "Commands.h"
#include "Explain.h"
#include "Files.h"
#include "Output.h"
#include "ServerMain.h"
#include "templates/BuiltinTemplates.h"

int main(int argc, char** argv) {
  CLI::App app{"nianbao: checks 政府信息公开工作年度报告 against the national template (2021, or 2019 for reports on 2019 and 2020)"};
  app.set_version_flag("--version", "nianbao 0.1.0");
  app.require_subcommand(1);

  // Findings in Chinese, the template's own wording, unless asked otherwise.
  std::string locale = "zh";
  const char* localeHelp = "Language of the messages: zh (the default) or en; en-US and other English tags mean en";
  // The format of each report's year unless one is forced.
  std::string templateName = "auto";
  const char* templateHelp =
      "The format to check against: auto (the default: the format of the report's year, 2019 for reports on 2019 "
      "and 2020), 2019 or 2021";

  nianbao::cli::CheckOptions check;
  CLI::App* checkCmd = app.add_subcommand("check", "Report the findings in files, directories or - (stdin)");
  checkCmd->add_option("--format", check.format,
                       "Output format: text, json (one array), json-lines (one finding per line), github "
                       "(GitHub Actions annotations), sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, "
                       "for CI test reports)")
      ->check(CLI::IsMember({"text", "json", "json-lines", "github", "sarif", "junit"}));
  std::string color = "auto";
  checkCmd->add_option("--color", color, "Colours in text output: auto (on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  checkCmd->add_flag("--quiet,-q", check.quiet, "Text output without the summary line");
  checkCmd->add_flag("--statistics", check.statistics, "Counts per code instead of the findings");
  checkCmd->add_flag("--exit-zero", check.exitZero, "Exit 0 even when errors are found (2 still means a usage or I/O error)");
  CLI::Option* checkLocale = checkCmd->add_option("--locale", locale, localeHelp);
  CLI::Option* checkTemplate = checkCmd->add_option("--template", templateName, templateHelp);
  const char* configHelp = "The project file to use for every input, instead of the nianbao.toml found above each";
  const char* noConfigHelp = "Use no nianbao.toml: every rule at its own severity, every file checked";
  checkCmd->add_option("--config", check.config.configFile, configHelp);
  checkCmd->add_flag("--no-config", check.config.noConfig, noConfigHelp);
  checkCmd->add_option("--jobs,-j", check.jobs, "Files checked at once (default: one per core)");
  checkCmd->add_option("--stdin-filename", check.stdinFilename, "The name to report standard input under");
  checkCmd->add_option("--previous", check.previous,
                       "Last year's report by the same body, to check what this year's carries over from it");
  // Not required: --explain needs none (checked after parsing).
  checkCmd->add_option("paths", check.paths, "Files or directories (*.md, *.markdown, *.txt); - for stdin");
  std::string explain;
  CLI::Option* explainOpt =
      checkCmd->add_option("--explain", explain, "Print the page of a finding code (--explain sum-row); without one, list the codes")
          ->expected(0, 1)
          ->type_name("[CODE]");

  nianbao::cli::FixOptions fix;
  CLI::App* fixCmd = app.add_subcommand("fix", "Apply every safe fix to the files, atomically");
  CLI::Option* fixLocale = fixCmd->add_option("--locale", locale, localeHelp);
  CLI::Option* fixTemplate = fixCmd->add_option("--template", templateName, templateHelp);
  fixCmd->add_option("--config", fix.config.configFile, configHelp);
  fixCmd->add_flag("--no-config", fix.config.noConfig, noConfigHelp);
  fixCmd->add_option("paths", fix.paths, "Files or directories")->required();

  nianbao::lsp::ServerOptions server;
  CLI::App* serverCmd = app.add_subcommand("server", "Run the language server over stdio (LSP 3.17)");
  serverCmd->add_option("--listen", server.listen,
                        "Serve one client over TCP instead, at HOST:PORT (e.g. 127.0.0.1:7070; port 0 picks one)");
  bool stdio = true;  // accepted because clients pass it; stdio is the default anyway
  serverCmd->add_flag("--stdio", stdio, "Serve over stdin/stdout (the default)");

  // CLI11 would only say a subcommand is required; name the word it did not know.
  std::string_view command = argc > 1 ? argv[1] : "";
  if (argc > 1 && argv[1][0] != '-' && command != "check" && command != "fix" && command != "server") {
    std::cerr << "nianbao: unknown command '" << argv[1] << "' (expected check, fix or server; see nianbao --help)\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors exit 2, as documented
  }
  try {
    // Last year's report may be in GB18030 or UTF-16, as the command line reads it.
    server.readFile = [](const std::filesystem::path& path, std::string* error) -> std::optional<std::string> {
      nianbao::cli::ReadResult r = nianbao::cli::readReport(path, {.allowPipe = false});
      if (!r.text && error) *error = r.error;
      return std::move(r.text);
    };
    if (*serverCmd) return nianbao::lsp::runServer(server);  // makes its analyzer in the client's language
    if (*checkCmd && explainOpt->count() > 0) return nianbao::cli::runExplain(explain, std::cout, std::cerr);
    if (*checkCmd && check.paths.empty()) {
      std::cerr << "nianbao: check needs files, directories or - (standard input); see nianbao check --help\n";
      return 2;
    }
    bool known = true;
    const auto& all = nianbao::builtinTemplates();
    const nianbao::Template* forced = nianbao::TemplateChoice::forcedByName(all, templateName, &known);
    if (!known) {
      std::cerr << "nianbao: --template must be auto, 2019 or 2021, not '" << templateName << "'\n";
      return 2;
    }
    nianbao::TemplateChoice templates(all, nianbao::normalizeLocale(locale), forced);
    check.color = nianbao::cli::useColor(color, isatty(STDOUT_FILENO) == 1);
    check.progress = isatty(STDERR_FILENO) == 1;
    // The flags win over a project's nianbao.toml.
    check.config.templateFromFlag = checkTemplate->count() > 0;
    check.config.localeFromFlag = checkLocale->count() > 0;
    fix.config.templateFromFlag = fixTemplate->count() > 0;
    fix.config.localeFromFlag = fixLocale->count() > 0;
    if (*checkCmd) return nianbao::cli::runCheck(templates, check, std::cout, std::cerr);
    if (*fixCmd) return nianbao::cli::runFix(templates, fix, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "nianbao: internal error: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
