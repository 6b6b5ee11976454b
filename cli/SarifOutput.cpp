#include "SarifOutput.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "rules/RuleDocs.h"

namespace nianbao::cli {
namespace {

using nlohmann::json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSrcRoot = "%SRCROOT%";
// Snippets are the region's text exactly, so a range longer than this (a
// whole missing part's neighbourhood) gets none rather than a cut one.
constexpr std::size_t kMaxSnippetBytes = 1000;

// SARIF levels: info and hint are both "note".
const char* level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

bool isAbsolute(std::string_view path) { return !path.empty() && path.front() == '/'; }

std::string percentEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~';
    if (unreserved || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// 1-based; endColumn is the column just after the range (SARIF 3.30.5).
json region(const SourceText& text, ByteRange range, bool withSnippet) {
  std::size_t begin = std::min(range.begin, text.size()), end = std::clamp(range.end, begin, text.size());
  LineColumn from = text.toCodePoints(begin), to = text.toCodePoints(end);
  json r = {{"startLine", from.line + 1},
            {"startColumn", from.column + 1},
            {"endLine", to.line + 1},
            {"endColumn", to.column + 1}};
  if (withSnippet && end > begin && end - begin <= kMaxSnippetBytes)
    r["snippet"] = {{"text", text.slice({begin, end})}};
  return r;
}

// The files results and related locations name, each once, in order of first mention.
class Artifacts {
 public:
  // {"uri", "uriBaseId"?, "index"} for `name`, adding it to the list if new.
  json location(const std::string& name, bool analysed) {
    auto [it, added] = indices_.try_emplace(name, list_.size());
    if (added) {
      json artifact = {{"location", bare(name)}};
      // analysisTarget for the files checked; last year's report is only read.
      if (analysed) artifact["roles"] = json::array({"analysisTarget"});
      list_.push_back(std::move(artifact));
    } else if (analysed && !list_[it->second].contains("roles")) {
      list_[it->second]["roles"] = json::array({"analysisTarget"});
    }
    json l = bare(name);
    l["index"] = it->second;
    return l;
  }
  json list() const { return list_; }

 private:
  static json bare(const std::string& name) {
    if (isAbsolute(name)) return {{"uri", pathToUriReference(name)}};
    return {{"uri", pathToUriReference(name)}, {"uriBaseId", kSrcRoot}};
  }
  std::map<std::string, std::size_t> indices_;
  json list_ = json::array();
};

// A place in `text`: its region, or in a Word document or web page (whose
// text nianbao made, so lines and columns of it mean nothing in the file), no
// region but the place as the original names it: "表3 第5行 第2列".
json physicalLocation(json artifactLocation, const SourceText& text, ByteRange range,
                      const ConvertedReport* converted, std::string* place) {
  json l = {{"artifactLocation", std::move(artifactLocation)}};
  if (converted) {
    LineColumn at = text.toCodePoints(std::min(range.begin, text.size()));
    *place = describeOrigin(*converted, at.line, at.column);
  } else {
    l["region"] = region(text, range, true);
  }
  return l;
}

json reportingDescriptor(const RuleDoc& doc) {
  std::string markdown(doc.markdown), summary(doc.summary);
  return {{"id", std::string(doc.code)},
          {"shortDescription", {{"text", summary}}},
          {"help", {{"text", markdown}, {"markdown", markdown}}},
          {"helpUri", ruleDocUrl(doc.code)},
          {"defaultConfiguration", {{"level", level(doc.severity)}}}};
}

}  // namespace

std::string pathToUriReference(std::string_view path) {
  if (isAbsolute(path))
    return "file://" + percentEncode(std::filesystem::path(path).lexically_normal().generic_string());
  // ./a.md is a.md; a leading ../ stays.
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  return percentEncode(normal.empty() ? std::string(path) : normal);
}

json toSarif(const std::vector<FileReport>& files, const SarifOptions& options) {
  json rules = json::array();
  std::map<std::string, std::size_t, std::less<>> ruleIndex;
  for (const RuleDoc& doc : ruleDocs()) {
    ruleIndex.try_emplace(std::string(doc.code), rules.size());
    rules.push_back(reportingDescriptor(doc));
  }

  Artifacts artifacts;
  json results = json::array();
  for (const FileReport& file : files) {
    artifacts.location(file.name, true);
    if (!file.text) continue;
    const SourceText& text = *file.text;
    for (const Finding& f : file.findings) {
      auto known = ruleIndex.find(f.code);
      if (known == ruleIndex.end()) {
        // A code without a page (none should be): a descriptor with its id
        // only, so that every result has a ruleIndex.
        known = ruleIndex.try_emplace(f.code, rules.size()).first;
        rules.push_back({{"id", f.code}});
      }
      json result = {{"ruleId", f.code},
                     {"ruleIndex", known->second},
                     {"level", level(f.severity)},
                     {"message", {{"text", f.message}}}};
      std::string place;
      json location = {
          {"physicalLocation", physicalLocation(artifacts.location(file.name, true), text, f.range, file.converted, &place)}};
      if (!place.empty()) location["message"] = {{"text", place}};
      result["locations"] = json::array({std::move(location)});
      if (!f.related.empty()) {
        json related = json::array();
        for (const RelatedLocation& r : f.related) {
          // Last year's report, for carryover-mismatch, is another file.
          const SourceText& where = r.document ? r.document->text : text;
          const std::string& name = r.document ? r.document->name : file.name;
          std::string place;
          json physical = physicalLocation(artifacts.location(name, false), where, r.range,
                                           r.document ? nullptr : file.converted, &place);
          related.push_back({{"id", related.size()},
                             {"physicalLocation", std::move(physical)},
                             {"message", {{"text", place.empty() ? r.message : place + ": " + r.message}}}});
        }
        result["relatedLocations"] = std::move(related);
      }
      // A fix edits the text nianbao made, not the Word document or the page.
      if (f.fix && !file.converted) {
        json replacements = json::array();
        for (const TextEdit& e : f.fix->edits)
          replacements.push_back({{"deletedRegion", region(text, e.range, false)},
                                  {"insertedContent", {{"text", e.newText}}}});
        json change = {{"artifactLocation", artifacts.location(file.name, true)},
                       {"replacements", std::move(replacements)}};
        result["fixes"] = json::array(
            {{{"description", {{"text", f.fix->title}}}, {"artifactChanges", json::array({std::move(change)})}}});
      }
      results.push_back(std::move(result));
    }
  }

  json driver = {{"name", "nianbao"},
                 {"version", options.toolVersion},
                 {"semanticVersion", options.toolVersion},
                 // The list of every code (docs/rules/README.md), where the rule pages are.
                 {"informationUri", ruleDocUrl("README")},
                 {"rules", std::move(rules)}};
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", json::array({{{"executionSuccessful", options.executionSuccessful}}})},
              {"columnKind", "unicodeCodePoints"},
              // SourceText ends lines at a lone CR too.
              {"newlineSequences", json::array({"\r\n", "\n", "\r"})},
              {"artifacts", artifacts.list()},
              {"results", std::move(results)}};
  if (!options.srcRoot.empty()) {
    std::string root = pathToUriReference(options.srcRoot);
    if (root.back() != '/') root += '/';  // a base URI must end in a slash (SARIF 3.14.14)
    run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", root}}}};
  }
  return {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", json::array({std::move(run)})}};
}

}  // namespace nianbao::cli
