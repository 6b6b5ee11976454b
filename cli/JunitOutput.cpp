#include "JunitOutput.h"

#include <unicode/utf8.h>

namespace nianbao::cli {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool allowedInXml(UChar32 c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::string attribute(const char* name, std::string_view value) {
  return std::string(" ") + name + "=\"" + xmlEscape(value) + "\"";
}

std::string counts(std::size_t tests, std::size_t failures) {
  return " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\"";
}

}  // namespace

std::string xmlEscape(std::string_view text, bool inAttribute) {
  std::string out;
  out.reserve(text.size());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || !allowedInXml(c)) {
      out += kReplacement;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += inAttribute ? "&#9;" : "\t"; break;
      case '\n': out += inAttribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      default: out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

std::string toJunit(const std::vector<FileReport>& files) {
  std::string cases;
  std::size_t tests = 0, failures = 0;
  for (const FileReport& file : files) {
    if (file.findings.empty() || !file.text) {
      ++tests;
      cases += "    <testcase" + attribute("classname", file.name) + attribute("name", "no findings") +
               attribute("file", file.name) + "/>\n";
      continue;
    }
    const SourceText& text = *file.text;
    for (const Finding& f : file.findings) {
      ++tests;
      LineColumn at = text.toCodePoints(f.range.begin);
      // A Word document or web page: the place in it, as the text output names it.
      std::string name = f.code + " " +
                         (file.converted ? describeOrigin(*file.converted, at.line, at.column)
                                         : std::to_string(at.line + 1) + ":" + std::to_string(at.column + 1));
      // The text output's lines: the place, the source line underlined, the fix, the notes.
      std::string detail = formatText(file.name, text, f, false, file.converted);
      cases += "    <testcase" + attribute("classname", file.name) + attribute("name", name) +
               attribute("file", file.name) + ">\n";
      if (f.severity == Severity::Error || f.severity == Severity::Warning) {
        ++failures;
        cases += "      <failure" + attribute("message", f.message) + attribute("type", severityName(f.severity)) +
                 ">" + xmlEscape(detail, false) + "</failure>\n";
      } else {
        cases += "      <system-out>" + xmlEscape(detail) + "</system-out>\n";
      }
      cases += "    </testcase>\n";
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attribute("name", "nianbao") + counts(tests, failures) + ">\n";
  out += "  <testsuite" + attribute("name", "nianbao") + counts(tests, failures) + " skipped=\"0\">\n";
  out += cases;
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace nianbao::cli
