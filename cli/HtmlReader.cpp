#include "HtmlReader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <set>
#include <vector>

#include <gumbo.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "Encoding.h"

namespace nianbao::cli {
namespace {

// gumbo takes time quadratic in how deeply elements nest (100,000 nested
// <div>s: 14 s), so a page nested deeper than this is refused before parsing.
// Real pages nest a few dozen deep.
constexpr int kMaxNesting = 4000;
// Walks of the parsed tree stop this deep (they are recursive).
constexpr int kMaxDepth = 5000;
// Columns a table may have, cells in a table (rowspan and colspan can ask for
// millions from a few bytes), and bytes of text the cells may repeat.
constexpr std::size_t kMaxColumns = 1000;
constexpr std::size_t kMaxTableCells = 1u << 20;
constexpr std::size_t kMaxTableBytes = 64u << 20;

bool validUtf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The ICU name for a charset label of the WHATWG Encoding Standard's GBK
// family (gb2312 and gbk are read as gb18030, which contains both), or the
// label itself.
std::string icuCharset(const std::string& label) {
  static const std::set<std::string> gbk = {"gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "csgb2312",
                                            "chinese", "iso-ir-58", "csiso58gb231280", "cp936", "ms936",
                                            "windows-936", "euc-cn", "gb18030", "hz-gb-2312"};
  if (label == "hz-gb-2312") return "HZ";
  if (gbk.count(label)) return "GB18030";
  return label;
}

bool isUtf8Label(const std::string& label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" || label == "x-unicode20utf8";
}

// Decodes with ICU, invalid sequences as U+FFFD (as browsers do).
std::optional<std::string> convertToUtf8(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status) || !conv) return std::nullopt;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  std::u16string utf16(bytes.size() * 2 + 16, u'\0');
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  utf16.resize(static_cast<std::size_t>(n));
  std::string out(utf16.size() * 3 + 4, '\0');
  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, utf16.data(),
                     static_cast<int32_t>(utf16.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// The page's text as UTF-8, or what is wrong.
std::optional<std::string> decodePage(std::string_view bytes, std::string& error) {
  bool utf16Bom = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  bool nul = bytes.find('\0') != std::string_view::npos;
  if (!utf16Bom && !nul && validUtf8(bytes)) return std::string(bytes);
  if (!utf16Bom && !nul) {
    std::string label = declaredCharset(bytes);
    if (!label.empty() && !isUtf8Label(label)) {
      std::string charset = icuCharset(label);
      if (auto text = convertToUtf8(bytes, charset.c_str())) return text;
      error = "the page declares the charset \"" + label + "\", which nianbao cannot read; convert it to UTF-8 (iconv -f " +
              label + " -t UTF-8)";
      return std::nullopt;
    }
  }
  Decoded d = decode(bytes);
  if (!d.text) {
    error = d.error;
    return std::nullopt;
  }
  return std::move(d.text);
}

// How deeply the page's elements nest, roughly and from above: start tags
// counted, end tags subtracted, leaving out void elements and those whose end
// tag may be omitted (an unclosed <p> does not nest). Stops counting past `limit`.
int nestingDepth(std::string_view s, int limit) {
  static const std::set<std::string> flat = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
      "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body", "basefont", "bgsound", "frame", "keygen"};
  static const std::set<std::string> rawText = {"script", "style", "textarea", "title", "xmp", "iframe",
                                                "noembed", "noframes", "plaintext"};
  int depth = 0, deepest = 0;
  std::size_t i = 0, n = s.size();
  while (i < n && deepest <= limit) {
    std::size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (s.substr(i, 3) == "!--") {
      std::size_t end = s.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    bool closing = s[i] == '/';
    if (closing) ++i;
    std::size_t start = i;
    while (i < n && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) continue;
    std::string name = lower(s.substr(start, i - start));
    // The tag's end, past quoted attribute values.
    char quote = 0;
    bool selfClosing = false;
    for (; i < n; ++i) {
      char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        selfClosing = i > 0 && s[i - 1] == '/';
        ++i;
        break;
      }
    }
    if (flat.count(name)) continue;
    if (closing) {
      depth = std::max(depth - 1, 0);
      continue;
    }
    if (rawText.count(name)) {
      std::string end = "</" + name;
      std::size_t at = i;
      for (;;) {
        at = s.find("</", at);
        if (at == std::string_view::npos || lower(s.substr(at, end.size())) == end) break;
        at += 2;
      }
      i = at == std::string_view::npos ? n : at;
      continue;
    }
    if (!selfClosing) deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

const GumboVector& children(const GumboNode* node) {
  static const GumboVector none{nullptr, 0, 0};
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return none;
}

const GumboNode* childAt(const GumboVector& v, unsigned i) { return static_cast<const GumboNode*>(v.data[i]); }

bool isElement(const GumboNode* node, GumboTag tag) { return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag; }

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_TITLE: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

bool isBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_HR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

int headingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

bool containsTable(const GumboNode* node, int depth) {
  if (depth > kMaxDepth) return false;
  const GumboVector& cs = children(node);
  for (unsigned i = 0; i < cs.length; ++i) {
    const GumboNode* c = childAt(cs, i);
    if (isElement(c, GUMBO_TAG_TABLE) || containsTable(c, depth + 1)) return true;
  }
  return false;
}

// An HTML non-negative integer attribute (leading digits), or `fallback`.
long spanAttribute(const GumboNode* cell, const char* name, long fallback) {
  const GumboAttribute* a = gumbo_get_attribute(&cell->v.element.attributes, name);
  if (!a) return fallback;
  const char* p = a->value;
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') ++p;
  if (!std::isdigit(static_cast<unsigned char>(*p))) return fallback;
  long v = 0;
  for (; std::isdigit(static_cast<unsigned char>(*p)) && v < 100000; ++p) v = v * 10 + (*p - '0');
  return v;
}

// Text of a table cell: inline text collapsed, blocks and <br>s joined.
void cellText(const GumboNode* node, std::string& out, std::string& piece, int depth) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
    piece += collapseWhiteSpace(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  if (skipped(tag)) return;
  bool block = isBlock(tag);
  if (block) {
    appendJoined(out, piece);
    piece.clear();
  }
  const GumboVector& cs = children(node);
  for (unsigned i = 0; i < cs.length; ++i) cellText(childAt(cs, i), out, piece, depth + 1);
  if (block) {
    appendJoined(out, piece);
    piece.clear();
  }
}

class Converter {
 public:
  void walk(const GumboNode* node, int depth) {
    if (depth > kMaxDepth || !error_.empty()) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
      text(node->v.text.text);
      return;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
      walkChildren(node, depth);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;  // comments, templates
    GumboTag tag = node->v.element.tag;
    if (skipped(tag)) return;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      flush();
      return;
    }
    if (tag == GUMBO_TAG_TABLE && !containsTable(node, 0)) {
      flush();
      table(node);
      return;
    }
    if (int level = headingLevel(tag)) {
      flush();
      heading_ = level;
      walkChildren(node, depth);
      flush();
      heading_ = 0;
      return;
    }
    if (tag == GUMBO_TAG_PRE) {
      flush();
      ++pre_;
      walkChildren(node, depth);
      --pre_;
      flush();
      return;
    }
    bool block = isBlock(tag);
    if (block) flush();
    walkChildren(node, depth);
    if (block) flush();
  }

  ConvertedReport finish() && {
    flush();
    return std::move(out_).finish();
  }
  const std::string& error() const { return error_; }

 private:
  void walkChildren(const GumboNode* node, int depth) {
    const GumboVector& cs = children(node);
    for (unsigned i = 0; i < cs.length; ++i) walk(childAt(cs, i), depth + 1);
  }

  void text(std::string_view raw) {
    if (pre_) {
      for (std::size_t start = 0;;) {
        std::size_t nl = raw.find('\n', start);
        std::string_view piece = raw.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        for (char c : piece) line_ += c == '\r' ? ' ' : c;
        if (nl == std::string_view::npos) break;
        flush();
        start = nl + 1;
      }
      return;
    }
    std::string t = collapseWhiteSpace(raw);
    if (t.starts_with(' ') && (line_.empty() || line_.ends_with(' '))) t.erase(0, 1);
    line_ += t;
  }

  void flush() {
    std::string nbspFree;
    for (std::size_t i = 0; i < line_.size(); ++i) {
      if (line_.compare(i, 2, "\xC2\xA0") == 0) {
        nbspFree += ' ';
        ++i;
      } else {
        nbspFree += line_[i];
      }
    }
    out_.paragraph({nbspFree}, heading_);
    line_.clear();
  }

  void table(const GumboNode* node) {
    // The rows, in the order they come: directly in the table or in its sections.
    std::vector<const GumboNode*> rows;
    const GumboVector& cs = children(node);
    for (unsigned i = 0; i < cs.length; ++i) {
      const GumboNode* c = childAt(cs, i);
      if (isElement(c, GUMBO_TAG_CAPTION)) {
        std::string out, piece;
        cellText(c, out, piece, 0);
        appendJoined(out, piece);
        out_.paragraph({out});
      } else if (isElement(c, GUMBO_TAG_TR)) {
        rows.push_back(c);
      } else if (isElement(c, GUMBO_TAG_THEAD) || isElement(c, GUMBO_TAG_TBODY) || isElement(c, GUMBO_TAG_TFOOT)) {
        const GumboVector& section = children(c);
        for (unsigned k = 0; k < section.length; ++k)
          if (isElement(childAt(section, k), GUMBO_TAG_TR)) rows.push_back(childAt(section, k));
      }
    }
    using GridCell = MarkdownBuilder::GridCell;
    std::vector<std::vector<GridCell>> grid(rows.size());
    std::vector<std::vector<bool>> filled(rows.size());
    std::size_t cellCount = 0, byteCount = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::size_t c = 0;
      const GumboVector& cells = children(rows[r]);
      for (unsigned k = 0; k < cells.length; ++k) {
        const GumboNode* cell = childAt(cells, k);
        if (!isElement(cell, GUMBO_TAG_TD) && !isElement(cell, GUMBO_TAG_TH)) continue;
        while (c < filled[r].size() && filled[r][c]) ++c;
        if (c >= kMaxColumns) break;
        std::size_t colspan = static_cast<std::size_t>(std::clamp(spanAttribute(cell, "colspan", 1), 1L, 1000L));
        colspan = std::min(colspan, kMaxColumns - c);
        long rs = spanAttribute(cell, "rowspan", 1);
        std::size_t left = rows.size() - r;
        std::size_t rowspan = rs == 0 ? left : std::min<std::size_t>(static_cast<std::size_t>(std::clamp(rs, 1L, 65534L)), left);
        std::string text, piece;
        cellText(cell, text, piece, 0);
        appendJoined(text, piece);
        cellCount += rowspan * colspan;
        byteCount += rowspan * text.size();
        if (cellCount > kMaxTableCells || byteCount > kMaxTableBytes) {
          error_ = "a table of more than " + std::to_string(kMaxTableCells) +
                   " cells (with its rowspans and colspans): not a report";
          return;
        }
        for (std::size_t dr = 0; dr < rowspan; ++dr) {
          auto& row = grid[r + dr];
          auto& used = filled[r + dr];
          if (row.size() < c + colspan) {
            row.resize(c + colspan);
            used.resize(c + colspan, false);
          }
          for (std::size_t dc = 0; dc < colspan; ++dc) {
            // Several cells claiming one slot (overlapping spans): the first keeps it.
            if (used[c + dc]) continue;
            row[c + dc] = GridCell{dc == 0 ? text : std::string(), r + 1, c + 1};
            used[c + dc] = true;
          }
        }
        c += colspan;
      }
    }
    std::size_t width = 0;
    for (const auto& row : grid) width = std::max(width, row.size());
    if (width * grid.size() > kMaxTableCells) {
      error_ = "a table of more than " + std::to_string(kMaxTableCells) + " cells: not a report";
      return;
    }
    out_.table(grid);
  }

  MarkdownBuilder out_;
  std::string line_;
  int heading_ = 0;
  int pre_ = 0;
  std::string error_;
};

struct OutputDeleter {
  const GumboOptions* options;
  void operator()(GumboOutput* o) const { gumbo_destroy_output(options, o); }
};

}  // namespace

std::string declaredCharset(std::string_view bytes) {
  std::string head = lower(bytes.substr(0, 4096));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    std::size_t end = head.find('>', meta);
    std::string_view tag = std::string_view(head).substr(meta, end == std::string::npos ? std::string::npos : end - meta);
    std::size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    at += 7;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '=' || tag[at] == '"' || tag[at] == '\'')) ++at;
    std::size_t stop = at;
    while (stop < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[stop])) || tag[stop] == '-' ||
                                 tag[stop] == '_' || tag[stop] == '.' || tag[stop] == ':'))
      ++stop;
    if (stop > at) return std::string(tag.substr(at, stop - at));
  }
  return "";
}

Conversion readHtml(std::string_view bytes) {
  Conversion result;
  if (bytes.size() > kMaxHtmlBytes) {
    result.error = "larger than " + std::to_string(kMaxHtmlBytes >> 20) + " MiB: not a report page";
    return result;
  }
  std::optional<std::string> text = decodePage(bytes, result.error);
  if (!text) return result;
  if (text->starts_with("\xEF\xBB\xBF")) text->erase(0, 3);
  if (nestingDepth(*text, kMaxNesting) > kMaxNesting) {
    result.error = "HTML elements nested more than " + std::to_string(kMaxNesting) + " deep: not a report page";
    return result;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // gumbo keeps a copy of the open elements for each error: quadratic memory
  std::unique_ptr<GumboOutput, OutputDeleter> output(gumbo_parse_with_options(&options, text->data(), text->size()),
                                                     OutputDeleter{&options});
  if (!output) {
    result.error = "cannot parse it as HTML";
    return result;
  }
  Converter converter;
  converter.walk(output->document, 0);
  if (!converter.error().empty()) {
    result.error = converter.error();
    return result;
  }
  result.report = std::move(converter).finish();
  return result;
}

}  // namespace nianbao::cli
