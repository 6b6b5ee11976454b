#include "Output.h"

#include <cstdlib>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nianbao::cli {
namespace {

// Columns a terminal gives a code point: CJK is two wide.
int displayWidth(UChar32 c) {
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

// Padding that lines up under `line` up to byte `upTo`, copying tabs.
std::string padding(std::string_view line, std::size_t upTo, std::size_t* width = nullptr) {
  std::string out;
  std::size_t cols = 0;
  int32_t i = 0, n = static_cast<int32_t>(std::min(upTo, line.size()));
  while (i < n) {
    UChar32 c;
    U8_NEXT(line.data(), i, n, c);
    if (c == '\t') {
      out += '\t';
      ++cols;
    } else {
      int w = displayWidth(c < 0 ? 0xFFFD : c);
      out.append(static_cast<std::size_t>(w), ' ');
      cols += static_cast<std::size_t>(w);
    }
  }
  if (width) *width = cols;
  return out;
}

// Sets into[lineKey], into[columnKey]: 1-based, columns in code points.
void position(const SourceText& text, std::size_t offset, const char* lineKey, const char* columnKey,
              nlohmann::json& into) {
  LineColumn lc = text.toCodePoints(offset);
  into[lineKey] = lc.line + 1;
  into[columnKey] = lc.column + 1;
}

}  // namespace

namespace {

// ANSI: bold red errors, bold yellow warnings, bold cyan notes, green carets.
const char* severityColor(Severity s) {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    default: return "\x1b[1;36m";
  }
}
constexpr const char* kCaretColor = "\x1b[32m";
constexpr const char* kReset = "\x1b[0m";

}  // namespace

bool useColor(const std::string& when, bool isTerminal) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* noColor = std::getenv("NO_COLOR");  // https://no-color.org: any non-empty value
  const char* term = std::getenv("TERM");
  return isTerminal && !(noColor && *noColor) && !(term && std::string_view(term) == "dumb");
}

// "file:line:col" in a text file; "file: 表3 第5行 第2列" in a converted one.
static std::string where(const std::string& file, const LineColumn& at, const ConvertedReport* converted) {
  if (converted) return file + ": " + describeOrigin(*converted, at.line, at.column);
  return file + ":" + std::to_string(at.line + 1) + ":" + std::to_string(at.column + 1);
}

std::string formatText(const std::string& file, const SourceText& text, const Finding& f, bool color,
                       const ConvertedReport* converted) {
  LineColumn start = text.toCodePoints(f.range.begin);
  std::string severity = std::string(severityName(f.severity)) + "[" + f.code + "]";
  if (color) severity = severityColor(f.severity) + severity + kReset;
  std::string out = where(file, start, converted) + ": " + severity + ": " + f.message + "\n";
  std::size_t lineStart = text.lineStart(start.line);
  std::string_view line = text.lineText(start.line);
  std::size_t from = f.range.begin - lineStart;
  std::size_t to = std::min(f.range.end, text.lineEnd(start.line)) - lineStart;
  std::size_t width = 0;
  padding(line.substr(from, to > from ? to - from : 0), std::string::npos, &width);
  out += "    " + std::string(line) + "\n";
  std::string caret = "^" + std::string(width > 1 ? width - 1 : 0, '~');
  if (color) caret = kCaretColor + caret + kReset;
  out += "    " + padding(line, from) + caret + "\n";
  if (f.fix) out += "    fix: " + f.fix->title + "\n";
  for (const auto& r : f.related) {
    // Last year's report, for carryover-mismatch, is another file.
    const SourceText& in = r.document ? r.document->text : text;
    LineColumn at = in.toCodePoints(r.range.begin);
    out += "    note: " + where(r.document ? r.document->name : file, at, r.document ? nullptr : converted) + ": " +
           r.message + "\n";
  }
  return out;
}

nlohmann::json toJson(const std::string& file, const SourceText& text, const Finding& f,
                      const ConvertedReport* converted) {
  nlohmann::json j;
  j["file"] = file;
  j["code"] = f.code;
  j["severity"] = std::string(severityName(f.severity));
  j["message"] = f.message;
  position(text, f.range.begin, "line", "column", j);
  position(text, f.range.end, "end_line", "end_column", j);
  if (converted) {
    LineColumn at = text.toCodePoints(f.range.begin);
    j["place"] = describeOrigin(*converted, at.line, at.column);
  }
  if (!f.fix) {
    j["fix"] = nullptr;
  } else {
    nlohmann::json fix;
    fix["title"] = f.fix->title;
    fix["edits"] = nlohmann::json::array();
    for (const auto& e : f.fix->edits) {
      nlohmann::json edit;
      position(text, e.range.begin, "line", "column", edit);
      position(text, e.range.end, "end_line", "end_column", edit);
      edit["new_text"] = e.newText;
      fix["edits"].push_back(edit);
    }
    j["fix"] = fix;
  }
  if (!f.related.empty()) {
    j["related"] = nlohmann::json::array();
    for (const auto& r : f.related) {
      nlohmann::json related;
      const SourceText& where = r.document ? r.document->text : text;
      related["file"] = r.document ? r.document->name : file;
      position(where, r.range.begin, "line", "column", related);
      position(where, r.range.end, "end_line", "end_column", related);
      if (converted && !r.document) {
        LineColumn at = text.toCodePoints(r.range.begin);
        related["place"] = describeOrigin(*converted, at.line, at.column);
      }
      related["message"] = r.message;
      j["related"].push_back(related);
    }
  }
  return j;
}

namespace {

// Workflow commands escape %, CR and LF in the message, and : and , too in
// the properties (https://github.com/actions/toolkit, command.ts).
std::string escapeData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}
std::string escapeProperty(std::string_view s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

std::string formatGithub(const std::string& file, const SourceText& text, const Finding& f,
                         const ConvertedReport* converted) {
  const char* command = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "notice";
  LineColumn start = text.toCodePoints(f.range.begin), end = text.toCodePoints(f.range.end);
  if (converted) {
    // A Word or web report has no lines GitHub could show: the place goes in the message.
    return std::string("::") + command + " file=" + escapeProperty(file) + ",title=" +
           escapeProperty("nianbao " + f.code) + "::" +
           escapeData(describeOrigin(*converted, start.line, start.column) + ": " + f.message) + "\n";
  }
  std::string out = std::string("::") + command + " file=" + escapeProperty(file) +
                    ",line=" + std::to_string(start.line + 1) + ",col=" + std::to_string(start.column + 1);
  // A range on one line gets its end column; GitHub ignores it across lines.
  if (end.line == start.line) out += ",endColumn=" + std::to_string(end.column + 1);
  else out += ",endLine=" + std::to_string(end.line + 1);
  out += ",title=" + escapeProperty("nianbao " + f.code) + "::" + escapeData(f.message) + "\n";
  return out;
}

}  // namespace nianbao::cli
