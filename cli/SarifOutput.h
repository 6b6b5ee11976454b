#pragma once
// check --format sarif: one SARIF 2.1.0 log (OASIS, sarif-v2.1.0-os) of every
// file checked, for GitHub code scanning and other SARIF viewers.
//
// One run: tool.driver.rules has a reportingDescriptor per code in
// ruleDocs() (its summary, page and default level), each result its code,
// level, message, region, related locations (last year's report is another
// artifact) and fix. Lines and columns are 1-based, columns in Unicode code
// points (run.columnKind "unicodeCodePoints"), endColumn just after the
// range, as SARIF counts them. A Word document or web page (FileReport::
// converted) has no regions, which would be in the text made from it, but
// the place in it as location message ("表3 第5行 第2列"), and no fixes. A
// relative path stays a relative URI under
// uriBaseId "%SRCROOT%"; an absolute one becomes a file:// URI.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "Output.h"

namespace nianbao::cli {

struct SarifOptions {
  std::string toolVersion;  // nianbao's version, "0.1.0"
  // The directory relative paths are relative to (the working directory),
  // absolute: run.originalUriBaseIds["%SRCROOT%"]. Empty: not given.
  std::string srcRoot;
  // False when some input could not be read (the run's exit status 2).
  bool executionSuccessful = true;
};

nlohmann::json toSarif(const std::vector<FileReport>& files, const SarifOptions& options);

// A path as a URI reference: percent-encoded UTF-8 (all but RFC 3986's
// unreserved characters and "/"), file:///… when absolute.
std::string pathToUriReference(std::string_view path);

}  // namespace nianbao::cli
