#pragma once
// Random edits of a report, as people make them and worse: typing digits,
// tabs, pipes, Chinese and astral characters, line breaks of every kind
// (including between the CR and LF of a CRLF), deleting characters, whole
// lines and runs across blocks, pasting lines elsewhere, cutting a UTF-8
// character in half, and undoing. Shared by the differential test and the
// fuzz target, which draw choices from different sources.

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/SourceText.h"

namespace nianbao::testing {

struct RandomEdit {
  ByteRange range;
  std::string text;
  std::string describe() const {
    std::string t;
    for (unsigned char c : text) {
      if (c == '\n') t += "\\n";
      else if (c == '\r') t += "\\r";
      else if (c == '\t') t += "\\t";
      else t += static_cast<char>(c);
    }
    return "[" + std::to_string(range.begin) + "," + std::to_string(range.end) + ")<-\"" + t + "\"";
  }
};

// A number in [0, n), n > 0.
using Pick = std::function<std::size_t(std::size_t n)>;

class RandomEditor {
 public:
  explicit RandomEditor(Pick pick) : pick_(std::move(pick)) {}

  // The next edit of `text`; `undoable` edits are remembered, and now and
  // then the next edit undoes the last one remembered.
  RandomEdit next(const SourceText& text) {
    if (!undo_.empty() && pick_(6) == 0) {
      RandomEdit u = std::move(undo_.back());
      undo_.pop_back();
      return u;
    }
    RandomEdit e = make(text);
    return e;
  }

  // Applies `edit` and remembers how to undo it.
  SourceText apply(const SourceText& text, const RandomEdit& edit) {
    SourceText after = text.edited(edit.range, edit.text);
    ByteRange r{std::min(edit.range.begin, text.size()), std::min(edit.range.end, text.size())};
    std::size_t insertedEnd = r.begin + (after.size() + r.size() - text.size());
    undo_.push_back({{r.begin, insertedEnd}, text.slice(r)});
    return after;
  }

 private:
  static constexpr std::array<std::string_view, 24> kTyped = {
      "0", "1", "7", "9", "\t", "|", " ", "\n", "\r\n", "\r", "一", "、", "总", "计", "（", "）",
      "𠮷", "件", "。", "  ", "二", "五", "|\t", "\t0"};
  static constexpr std::array<std::string_view, 14> kPasted = {
      "一、总体情况\n", "二、主动公开政府信息情况\n", "三、收到和处理政府信息公开申请情况\n",
      "四、政府信息公开行政复议、行政诉讼情况\n", "五、存在的主要问题及改进情况\n", "六、其他需要报告的事项\n",
      "（一）主动公开\n", "总计\t1\t2\t3\n", "| 规章 | 0 | 0 | 0 |\n", "四、结转下年度继续办理\t0\t0\n",
      "第二十条第（一）项\n", "\r\n\r\n", "1\n2\n3\n", "政府信息公开工作年度报告\n"};

  std::size_t at(const SourceText& text) { return pick_(text.size() + 1); }

  // Moves `offset` back to the start of its character (most edits respect
  // characters, as editors do).
  static std::size_t characterStart(const SourceText& text, std::size_t offset) {
    std::size_t line = text.lineOf(offset);
    std::string_view s = text.lineText(line);
    std::size_t begin = text.lineStart(line);
    if (offset < begin || offset >= begin + s.size()) return offset;
    std::size_t i = offset - begin;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return begin + i;
  }

  static std::size_t characterEnd(const SourceText& text, std::size_t offset) {
    if (offset >= text.size()) return offset;
    std::size_t line = text.lineOf(offset);
    std::string_view s = text.lineText(line);
    std::size_t i = offset - text.lineStart(line);
    if (i >= s.size()) return offset + 1;
    unsigned char lead = static_cast<unsigned char>(s[i]);
    std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return offset + std::min(length, s.size() - i);
  }

  RandomEdit make(const SourceText& text) {
    std::size_t p = characterStart(text, at(text));
    switch (pick_(10)) {
      case 0:
      case 1:
      case 2:  // type
        return {{p, p}, std::string(kTyped[pick_(kTyped.size())])};
      case 3:  // paste a line the template knows
        return {{p, p}, std::string(kPasted[pick_(kPasted.size())])};
      case 4:  // delete a character (or one byte of a line break)
        return {{p, characterEnd(text, p)}, ""};
      case 5: {  // delete a whole line, with its break
        std::size_t line = text.lineOf(p);
        return {{text.lineStart(line), text.lineStart(line + 1)}, ""};
      }
      case 6: {  // delete or replace a run across lines and blocks
        std::size_t q = std::min(text.size(), p + pick_(400));
        q = characterStart(text, q);
        return {{p, std::max(p, q)}, pick_(2) ? "" : std::string(kTyped[pick_(kTyped.size())])};
      }
      case 7: {  // paste a copy of another line
        std::size_t line = pick_(text.lineCount());
        std::string copy(text.lineText(line));
        std::size_t where = text.lineStart(pick_(text.lineCount()));
        return {{where, where}, copy + "\n"};
      }
      case 8: {  // join two lines, or split a CRLF
        std::size_t line = text.lineOf(p);
        std::size_t end = text.lineEnd(line), next = text.lineStart(line + 1);
        if (pick_(2) && next == end + 2) return {{end + 1, end + 1}, pick_(2) ? "x" : "\n"};
        return {{end, next}, ""};
      }
      default: {  // cut a character in half, or overwrite a digit
        std::size_t q = std::min(text.size(), p + 1);
        if (pick_(2)) return {{q, q}, std::string(1, static_cast<char>('0' + pick_(10)))};
        return {{p, q}, pick_(2) ? "" : "\xE4\xB8"};  // a lone piece of a character
      }
    }
  }

  Pick pick_;
  std::vector<RandomEdit> undo_;
};

}  // namespace nianbao::testing
