#pragma once
// Reading a Word report (.docx, as Word and WPS save it): the zip is opened
// with libzip, word/document.xml (and word/styles.xml, for which styles are
// headings) parsed with pugixml, and the body turned into the analyzer's
// Markdown with the way back to paragraphs and cells (ConvertedReport.h).
//
// Read: paragraphs (w:p: the text of w:t, w:tab as a tab, w:br and w:cr as
// line breaks, tracked insertions kept and deletions left out), headings
// (styles named heading 1…9 / 标题 1…, or with an outline level), tables
// (w:tbl: w:gridSpan, w:vMerge, w:gridBefore; a table inside a cell gives its
// text to the cell), and what content controls (w:sdt) and custom XML wrap.
// Not read: headers, footers, footnotes, comments, list numbers (the
// report's headings write 一、 themselves).
//
// Refused, saying why: bytes that are not a zip (an encrypted .docx or an old
// .doc is an OLE compound file, and is named as such), a zip without
// word/document.xml (an .xlsx or .pptx is named), a document.xml larger than
// kMaxDocumentXmlBytes uncompressed (a zip bomb) or not well-formed XML.

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "ConvertedReport.h"

namespace nianbao::cli {

// Far beyond any report's document.xml (a few MB with every style run).
inline constexpr std::uint64_t kMaxDocumentXmlBytes = 64ull << 20;

Conversion readDocx(std::string_view bytes);
Conversion readDocxFile(const std::filesystem::path& path);

}  // namespace nianbao::cli
