#include "DocxReader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include <pugixml.hpp>
#include <zip.h>

namespace nianbao::cli {
namespace {

// Deeper XML than this (text boxes in tables in content controls…) is not
// walked: no report comes near it, and the walk is recursive.
constexpr int kMaxDepth = 64;
// Columns a table may have: Word allows 63.
constexpr std::size_t kMaxColumns = 1000;

constexpr std::string_view kOleSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// A name in UTF-16LE, as an OLE compound file's directory holds it.
std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string whatOleFileIs(std::string_view bytes) {
  if (bytes.find(utf16le("EncryptionInfo")) != std::string_view::npos ||
      bytes.find(utf16le("EncryptedPackage")) != std::string_view::npos)
    return "a password-protected Word document: Word keeps it encrypted in an OLE compound file, not a zip, "
           "and nianbao cannot read it; save a copy without the password (文件 → 信息 → 保护文档 → 用密码进行加密, "
           "clear the password) and check that";
  if (bytes.find(utf16le("WordDocument")) != std::string_view::npos)
    return "an old Word 97-2003 document (.doc), an OLE compound file, not a .docx zip; save it as .docx "
           "(另存为 → Word 文档) and check that";
  return "an OLE compound file (an old Office format), not a .docx zip; save it as .docx and check that";
}

// The name after the namespace prefix: w:p → p.
std::string_view localName(const char* name) {
  std::string_view n = name;
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}
std::string_view localName(const pugi::xml_node& node) { return localName(node.name()); }

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && localName(c) == name) return c;
  return {};
}

// An attribute by its local name (w:val → val), or null.
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (localName(a.name()) == name) return a;
  return {};
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::erase(s, ' ');
  return s;
}

// The heading level a style's name or id says: heading 1 / Heading1 / 标题 1 → 1;
// Title / 标题 → 1; 0 for none.
int levelFromName(const std::string& name) {
  std::string n = lower(name);
  for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
    if (!n.starts_with(prefix)) continue;
    std::string_view rest = std::string_view(n).substr(prefix.size());
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
    if (rest.empty()) return 1;  // 标题: the document's title
  }
  if (n == "title") return 1;
  return 0;
}

// An outline level element's heading level: w:val 0–8 → 1–9; 9 is body text (-1).
int outlineLevel(const pugi::xml_node& pPr) {
  pugi::xml_node o = child(pPr, "outlineLvl");
  if (!o) return 0;
  int v = attribute(o, "val").as_int(9);
  return v >= 0 && v < 9 ? v + 1 : -1;
}

class Styles {
 public:
  void load(const pugi::xml_document& doc) {
    loaded_ = true;
    pugi::xml_node root = child(doc, "styles");
    for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
      if (localName(s) != "style" || std::string_view(attribute(s, "type").value()) != "paragraph") continue;
      Style style;
      style.level = levelFromName(attribute(child(s, "name"), "val").value());
      if (!style.level) style.level = outlineLevel(child(s, "pPr"));
      style.basedOn = attribute(child(s, "basedOn"), "val").value();
      styles_[attribute(s, "styleId").value()] = std::move(style);
    }
  }

  // 0 for body text.
  int level(const std::string& id, int depth = 0) const {
    if (!loaded_) return levelFromName(id);
    auto found = styles_.find(id);
    if (found == styles_.end() || depth > 16) return 0;
    if (found->second.level) return std::max(found->second.level, 0);
    return found->second.basedOn.empty() ? 0 : level(found->second.basedOn, depth + 1);
  }

 private:
  struct Style {
    int level = 0;  // -1: body text, said explicitly
    std::string basedOn;
  };
  std::map<std::string, Style, std::less<>> styles_;
  bool loaded_ = false;
};

// The text of a paragraph's runs: a line per line break (in a cell, breaks
// and tabs are spaces).
void runText(const pugi::xml_node& node, std::vector<std::string>& lines, bool inCell, int depth) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = localName(c);
    // Properties (their w:tab elements are tab stops), deleted text, the
    // fallback copy of a text box, ruby annotations.
    if (n == "pPr" || n == "rPr" || n == "del" || n == "moveFrom" || n == "Fallback" || n == "rt" ||
        n == "instrText" || n == "delText")
      continue;
    if (n == "t") {
      std::string t = c.text().get();
      std::replace(t.begin(), t.end(), '\n', ' ');
      std::replace(t.begin(), t.end(), '\r', ' ');
      lines.back() += t;
    } else if (n == "tab" || n == "ptab") {
      lines.back() += inCell ? ' ' : '\t';
    } else if (n == "br" || n == "cr") {
      if (inCell) lines.back() += ' ';
      else lines.emplace_back();
    } else if (n == "noBreakHyphen") {
      lines.back() += '-';
    } else if (n == "p") {  // in a text box
      if (!lines.back().empty()) lines.back() += ' ';
      runText(c, lines, inCell, depth + 1);
    } else {
      runText(c, lines, inCell, depth + 1);
    }
  }
}

// The text of a cell: its paragraphs joined, nested tables' text flattened.
void cellText(const pugi::xml_node& node, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = localName(c);
    if (n == "p") {
      std::vector<std::string> lines(1);
      runText(c, lines, true, depth + 1);
      appendJoined(out, lines.front());
    } else if (n == "tcPr" || n == "tblPr" || n == "trPr" || n == "tblGrid" || n == "sdtPr") {
      continue;
    } else {
      cellText(c, out, depth + 1);  // a nested table, a content control
    }
  }
}

// Children named `name`, looking through content controls and custom XML.
void collect(const pugi::xml_node& node, std::string_view name, std::vector<pugi::xml_node>& out, int depth = 0) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = localName(c);
    if (n == name) out.push_back(c);
    else if (n == "sdt" || n == "sdtContent" || n == "customXml") collect(c, name, out, depth + 1);
  }
}

class Converter {
 public:
  explicit Converter(const Styles& styles) : styles_(styles) {}

  void blocks(const pugi::xml_node& node, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view n = localName(c);
      if (n == "p") paragraph(c);
      else if (n == "tbl") table(c);
      else if (n == "sdt" || n == "sdtContent" || n == "customXml") blocks(c, depth + 1);
    }
  }

  ConvertedReport finish() && { return std::move(out_).finish(); }

 private:
  void paragraph(const pugi::xml_node& p) {
    pugi::xml_node pPr = child(p, "pPr");
    int level = outlineLevel(pPr);
    if (level == 0) level = styles_.level(attribute(child(pPr, "pStyle"), "val").value());
    std::vector<std::string> lines(1);
    runText(p, lines, false, 0);
    out_.paragraph(lines, std::max(level, 0));
  }

  void table(const pugi::xml_node& tbl) {
    using GridCell = MarkdownBuilder::GridCell;
    std::vector<std::vector<GridCell>> rows;
    std::vector<std::vector<bool>> real;  // a cell of the row, not gridBefore's padding
    std::vector<pugi::xml_node> trs;
    collect(tbl, "tr", trs);
    for (std::size_t r = 0; r < trs.size(); ++r) {
      std::vector<GridCell> row;
      std::vector<bool> isReal;
      pugi::xml_node trPr = child(trs[r], "trPr");
      std::size_t before = std::min<std::size_t>(attribute(child(trPr, "gridBefore"), "val").as_uint(0), kMaxColumns);
      for (std::size_t k = 0; k < before; ++k) {
        row.push_back({"", r + 1, k + 1});
        isReal.push_back(false);
      }
      std::vector<pugi::xml_node> tcs;
      collect(trs[r], "tc", tcs);
      for (const auto& tc : tcs) {
        std::size_t c = row.size();
        if (c >= kMaxColumns) break;
        pugi::xml_node tcPr = child(tc, "tcPr");
        std::size_t span = std::clamp<std::size_t>(attribute(child(tcPr, "gridSpan"), "val").as_uint(1), 1, kMaxColumns - c);
        pugi::xml_node hMerge = child(tcPr, "hMerge");
        if (hMerge && std::string_view(attribute(hMerge, "val").value()) != "restart" && c > 0 && isReal[c - 1]) {
          // Word 97's horizontal merge: covered by the cell before.
          for (std::size_t k = 0; k < span; ++k) {
            row.push_back({"", row[c - 1].row, row[c - 1].column});
            isReal.push_back(true);
          }
          continue;
        }
        pugi::xml_node vMerge = child(tcPr, "vMerge");
        bool continues = vMerge && std::string_view(attribute(vMerge, "val").value()) != "restart";
        GridCell cell{"", r + 1, c + 1};
        if (continues && r > 0 && c < rows[r - 1].size() && real[r - 1][c]) {
          cell = rows[r - 1][c];  // the text repeated, the place where the merged cell starts
        } else {
          cellText(tc, cell.text, 0);
        }
        row.push_back(cell);
        isReal.push_back(true);
        for (std::size_t k = 1; k < span; ++k) {
          row.push_back({"", cell.row, cell.column});
          isReal.push_back(true);
        }
      }
      rows.push_back(std::move(row));
      real.push_back(std::move(isReal));
    }
    out_.table(rows);
  }

  const Styles& styles_;
  MarkdownBuilder out_;
};

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

enum class Entry { Read, Missing, Failed };

// Reads entry `name` (case-insensitively), refusing more than `limit` bytes
// uncompressed whatever its header says.
Entry readEntry(zip_t* zip, const char* name, std::uint64_t limit, std::string& out, std::string& error) {
  zip_int64_t index = zip_name_locate(zip, name, ZIP_FL_NOCASE);
  if (index < 0) return Entry::Missing;
  zip_stat_t st;
  zip_stat_init(&st);
  auto tooLarge = [&] {
    error = std::string(name) + " is larger than " + std::to_string(limit >> 20) +
            " MiB uncompressed: not a report (a zip bomb?)";
    return Entry::Failed;
  };
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) == 0) {
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) return tooLarge();
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      error = std::string(name) + " is encrypted in the zip; nianbao cannot read it";
      return Entry::Failed;
    }
  }
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    error = std::string("cannot read ") + name + " from the zip: " + zip_error_strerror(zip_get_error(zip));
    return Entry::Failed;
  }
  std::vector<char> buffer(1 << 16);
  out.clear();
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      error = std::string("cannot read ") + name + " from the zip (damaged or cut short): " +
              zip_error_strerror(zip_file_get_error(file));
      zip_fclose(file);
      return Entry::Failed;
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::uint64_t>(n) > limit) {
      zip_fclose(file);
      return tooLarge();
    }
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  if (int e = zip_fclose(file); e != 0) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, e);
    error = std::string("cannot read ") + name + " from the zip (damaged): " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return Entry::Failed;
  }
  return Entry::Read;
}

bool hasEntry(zip_t* zip, const char* name) { return zip_name_locate(zip, name, ZIP_FL_NOCASE) >= 0; }

}  // namespace

Conversion readDocx(std::string_view bytes) {
  Conversion result;
  if (bytes.starts_with(kOleSignature)) {
    result.error = whatOleFileIs(bytes);
    return result;
  }
  if (bytes.starts_with("{\\rtf")) {
    result.error = "an RTF document, not a .docx zip; save it as .docx (另存为 → Word 文档) and check that";
    return result;
  }
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!source) {
    result.error = std::string("cannot open the zip: ") + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return result;
  }
  ZipPtr zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &ze));
  if (!zip) {
    zip_source_free(source);
    int code = zip_error_code_zip(&ze);
    if (code == ZIP_ER_NOZIP) result.error = "not a zip archive, so not a .docx (Word saves .docx files as zips)";
    else if (code == ZIP_ER_INCONS || code == ZIP_ER_EOF || code == ZIP_ER_SEEK || code == ZIP_ER_READ)
      result.error = std::string("a damaged zip (cut short or corrupted), not a readable .docx: ") + zip_error_strerror(&ze);
    else result.error = std::string("cannot open it as a zip: ") + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return result;
  }
  zip_error_fini(&ze);

  std::string xml;
  switch (readEntry(zip.get(), "word/document.xml", kMaxDocumentXmlBytes, xml, result.error)) {
    case Entry::Failed:
      return result;
    case Entry::Missing:
      if (hasEntry(zip.get(), "xl/workbook.xml")) result.error = "an Excel workbook (.xlsx), not a Word document: no word/document.xml in the zip";
      else if (hasEntry(zip.get(), "ppt/presentation.xml")) result.error = "a PowerPoint presentation (.pptx), not a Word document: no word/document.xml in the zip";
      else if (hasEntry(zip.get(), "content.xml")) result.error = "an OpenDocument file (.odt?), not a Word document: no word/document.xml in the zip; save it as .docx";
      else result.error = "a zip without word/document.xml: not a Word document";
      return result;
    case Entry::Read:
      break;
  }

  Styles styles;
  std::string stylesXml, ignored;
  if (readEntry(zip.get(), "word/styles.xml", kMaxDocumentXmlBytes, stylesXml, ignored) == Entry::Read) {
    pugi::xml_document doc;
    if (doc.load_buffer(stylesXml.data(), stylesXml.size())) styles.load(doc);  // without it, style ids are read
  }

  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    result.error = std::string("word/document.xml is not well-formed XML (") + parsed.description() + " at byte " +
                   std::to_string(parsed.offset) + "): the file is damaged";
    return result;
  }
  pugi::xml_node body = child(child(doc, "document"), "body");
  if (!body) {
    result.error = "word/document.xml has no w:body: not a Word document's text";
    return result;
  }
  Converter converter(styles);
  converter.blocks(body, 0);
  result.report = std::move(converter).finish();
  return result;
}

Conversion readDocxFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, "cannot open it"};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return {std::nullopt, "read error"};
  return readDocx(bytes.str());
}

}  // namespace nianbao::cli
