#pragma once
// Reading a report saved from the web (.html, .htm): the bytes decoded, parsed
// with gumbo (the HTML5 parsing algorithm, as browsers parse), and the page's
// text turned into the analyzer's Markdown with the way back to paragraphs and
// cells (ConvertedReport.h).
//
// Decoding: valid UTF-8 is UTF-8 (a <meta charset> saying otherwise is
// wrong more often than the bytes); otherwise the page's <meta charset> (or
// http-equiv Content-Type) is honoured, GB2312 and GBK read as GB18030, their
// superset; without one, Encoding.h's decode() decides (GB18030, UTF-16), and
// refuses what it cannot tell.
//
// Read: the text of block elements (p, div, li, h1–h6 → #, …), <br> as a
// line break, tables with rowspan and colspan expanded to a grid, entities
// decoded, &nbsp; as a space. Not read: head, script, style, template,
// noscript, form controls. A table that holds tables (a page laid out with
// tables, the report inside one of its cells) is read as blocks, not as a
// table; the tables inside it are tables.

#include <cstdint>
#include <string_view>

#include "ConvertedReport.h"

namespace nianbao::cli {

// A web page larger than this is not a report (the largest are a few hundred KB).
inline constexpr std::uint64_t kMaxHtmlBytes = 64ull << 20;

Conversion readHtml(std::string_view bytes);

// The charset a <meta> in the first few KB of `bytes` declares ("gb2312",
// "utf-8"), lower-cased, or empty.
std::string declaredCharset(std::string_view bytes);

}  // namespace nianbao::cli
