#pragma once
// Matching written labels against the template's wording. Labels arrive with
// full/half-width punctuation, stray spaces and typos, so every comparison is
// on folded text (text/Fold.h) and fuzzy (edit distance over code points).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "templates/Template.h"

namespace nianbao {

// A label split into its enumerator ("(一)", "1.", "三、") and the words.
struct FoldedLabel {
  std::u32string enumerator;
  std::u32string words;
};
FoldedLabel splitEnumerator(std::u32string folded);

// Below this similarity two labels are different labels, not a typo.
inline constexpr double kLabelThreshold = 0.6;
// Labels shorter than this (in code points) must match exactly.
inline constexpr std::size_t kMinFuzzyLength = 4;
// The score of a label that is the start of the template's (or the reverse).
inline constexpr double kPrefixScore = 0.85;
// The score of a label whose words appear, in order, in the template's.
inline constexpr double kShortenedScore = 0.8;

class LabelIndex {
 public:
  explicit LabelIndex(const Template& t);
  const Template& tmpl() const { return *template_; }

  struct RowMatch {
    int table = -1;
    int row = -1;
    double score = 0;
    bool found() const { return row >= 0; }
  };
  // The template row whose label is most like `text`; ties go to `preferTable`.
  RowMatch matchRow(std::string_view text, int preferTable = -1) const;

  struct HeaderMatch {
    int column = -1;        // a column of the table, or -1 for another header label
    double score = 0;
    std::string expected;   // the template wording matched
  };
  // A header cell of `table`: a column label, the label header or a header label.
  HeaderMatch matchHeader(std::string_view text, int table) const;

  struct TitleMatch {
    int table = -1;
    double score = 0;
  };
  TitleMatch matchTableTitle(std::string_view text) const;

  struct PartMatch {
    int part = -1;
    double score = 0;
    int variant = -1;
  };
  PartMatch matchPartTitle(std::string_view title) const;

  // The topic whose keyword appears near the start of `text`, or -1.
  int matchTopic(std::string_view text) const;

  // Whether `text` is, word for word after folding, a header label of some
  // table (总计, 其他, 信息内容 …): such a cell is a header, not a row label.
  bool isExactHeader(std::string_view text) const;

  // Whether `text` reads as the report's title (all title keywords present).
  bool isReportTitle(std::string_view text) const;

 private:
  // The matchers; the public functions remember their answers per thread
  // (the same labels come back with every re-parse of a table).
  RowMatch computeRowMatch(std::string_view text, int preferTable) const;
  HeaderMatch computeHeaderMatch(std::string_view text, int table) const;
  TitleMatch computeTitleMatch(std::string_view text) const;
  bool computeIsExactHeader(std::string_view text) const;

  struct Entry {
    int table;
    int row;
    std::u32string words;
  };
  const Template* template_;
  std::uint64_t id_;  // names this index in the per-thread memo
  std::vector<Entry> rows_;
  std::unordered_map<std::u32string, std::vector<std::size_t>> exactRows_;
  std::vector<std::vector<std::pair<int, std::u32string>>> headers_;  // per table
  std::unordered_set<std::u32string> exactHeaders_;
  std::vector<std::u32string> tableTitles_;
  std::vector<std::vector<std::u32string>> partTitles_;  // title, then variants
  std::vector<std::vector<std::u32string>> topicKeywords_;
  std::vector<std::u32string> titleKeywords_;
};

}  // namespace nianbao
