#include "parse/Labels.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "text/Fold.h"

namespace nianbao {
namespace {

bool isChineseNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Whether `needle` can be read in `haystack` in order, with gaps: how clerks
// shorten labels (本年新收申请数量 for 本年新收政府信息公开申请数量).
bool isSubsequence(std::u32string_view needle, std::u32string_view haystack) {
  std::size_t i = 0;
  for (char32_t c : haystack)
    if (i < needle.size() && needle[i] == c) ++i;
  return i == needle.size();
}

// Length of a leading run of characters satisfying `pred`.
template <typename Pred>
std::size_t runLength(const std::u32string& s, std::size_t from, Pred pred) {
  std::size_t i = from;
  while (i < s.size() && pred(s[i])) ++i;
  return i - from;
}

// Similarity, skipping the edit distance when lengths alone rule a match out.
double boundedSimilarity(const std::u32string& a, const std::u32string& b) {
  std::size_t longer = std::max(a.size(), b.size());
  std::size_t shorter = std::min(a.size(), b.size());
  if (longer == 0) return 1.0;
  double best = static_cast<double>(shorter) / static_cast<double>(longer);
  if (best < kLabelThreshold) return best * 0.5;  // cannot reach the threshold
  return similarity(a, b);
}

}  // namespace

FoldedLabel splitEnumerator(std::u32string folded) {
  FoldedLabel out;
  std::size_t n = 0;
  auto enumeratorBody = [&](std::size_t from) -> std::size_t {
    std::size_t k = runLength(folded, from, isChineseNumeral);
    if (k == 0) k = runLength(folded, from, isDigit);
    return k;
  };
  if (!folded.empty() && folded[0] == U'(') {
    std::size_t k = enumeratorBody(1);
    if (k > 0 && 1 + k < folded.size() && folded[1 + k] == U')') n = k + 2;
  } else {
    std::size_t k = enumeratorBody(0);
    if (k > 0 && k < folded.size() &&
        std::u32string_view(U"、.,)").find(folded[k]) != std::u32string_view::npos)
      n = k + 1;
  }
  out.enumerator = folded.substr(0, n);
  out.words = folded.substr(n);
  return out;
}

namespace {

std::atomic<std::uint64_t> nextIndexId{1};

// The answers of one LabelIndex's matchers on one thread. Matching a label
// folds it with ICU and measures its edit distance to every template row;
// a keystroke in a table re-parses it, asking about the same labels again.
template <typename Value>
class MatchMemo {
 public:
  template <typename Compute>
  Value get(std::uint64_t owner, int extra, std::string_view text, Compute compute) {
    // Labels and titles are short; a long line (a paragraph asked whether it
    // is a title) is answered without filling the memo with it.
    if (text.size() > kMaxKeyBytes) return compute();
    if (owner != owner_ || values_.size() >= kMaxEntries) {
      values_.clear();
      owner_ = owner;
    }
    key_.assign(reinterpret_cast<const char*>(&extra), sizeof extra);
    key_.append(text);
    if (auto it = values_.find(key_); it != values_.end()) return it->second;
    Value value = compute();
    values_.emplace(key_, value);
    return value;
  }

 private:
  static constexpr std::size_t kMaxEntries = 1u << 14;
  static constexpr std::size_t kMaxKeyBytes = 256;
  std::uint64_t owner_ = 0;
  std::string key_;
  std::unordered_map<std::string, Value> values_;
};

}  // namespace

LabelIndex::LabelIndex(const Template& t) : template_(&t), id_(nextIndexId.fetch_add(1)) {
  headers_.resize(t.tables.size());
  for (std::size_t ti = 0; ti < t.tables.size(); ++ti) {
    const TemplateTable& table = t.tables[ti];
    for (std::size_t ri = 0; ri < table.rows.size(); ++ri) {
      const TemplateRow& row = table.rows[ri];
      if (row.unlabeled) continue;
      Entry e{static_cast<int>(ti), static_cast<int>(ri),
              splitEnumerator(foldForMatching(row.label)).words};
      exactRows_[e.words].push_back(rows_.size());
      rows_.push_back(std::move(e));
    }
    for (std::size_t ci = 0; ci < table.columns.size(); ++ci)
      headers_[ti].push_back({static_cast<int>(ci), foldForMatching(table.columns[ci].label)});
    for (std::size_t ci = 0; ci < table.columns.size(); ++ci)
      if (!table.columns[ci].group.empty())
        headers_[ti].push_back({-1, foldForMatching(table.columns[ci].group)});
    if (!table.labelHeader.empty()) headers_[ti].push_back({-1, foldForMatching(table.labelHeader)});
    for (const auto& h : table.headerLabels) headers_[ti].push_back({-1, foldForMatching(h)});
    for (const auto& [column, label] : headers_[ti]) exactHeaders_.insert(label);
    tableTitles_.push_back(foldForMatching(table.title));
  }
  for (const auto& part : t.parts) {
    std::vector<std::u32string> titles{foldForMatching(part.title)};
    for (const auto& v : part.variants) titles.push_back(foldForMatching(v));
    partTitles_.push_back(std::move(titles));
  }
  for (const auto& topic : t.topics) {
    std::vector<std::u32string> keywords;
    for (const auto& k : topic.keywords) keywords.push_back(foldForMatching(k));
    topicKeywords_.push_back(std::move(keywords));
  }
  for (const auto& k : t.titleKeywords) titleKeywords_.push_back(foldForMatching(k));
}

LabelIndex::RowMatch LabelIndex::matchRow(std::string_view text, int preferTable) const {
  thread_local MatchMemo<RowMatch> memo;
  return memo.get(id_, preferTable, text, [&] { return computeRowMatch(text, preferTable); });
}

LabelIndex::HeaderMatch LabelIndex::matchHeader(std::string_view text, int table) const {
  thread_local MatchMemo<HeaderMatch> memo;
  return memo.get(id_, table, text, [&] { return computeHeaderMatch(text, table); });
}

LabelIndex::TitleMatch LabelIndex::matchTableTitle(std::string_view text) const {
  thread_local MatchMemo<TitleMatch> memo;
  return memo.get(id_, 0, text, [&] { return computeTitleMatch(text); });
}

bool LabelIndex::isExactHeader(std::string_view text) const {
  thread_local MatchMemo<bool> memo;
  return memo.get(id_, 0, text, [&] { return computeIsExactHeader(text); });
}

LabelIndex::RowMatch LabelIndex::computeRowMatch(std::string_view text, int preferTable) const {
  RowMatch best;
  std::u32string words = splitEnumerator(foldForMatching(text)).words;
  if (words.empty()) return best;
  auto consider = [&](const Entry& e, double score) {
    bool better = score > best.score ||
                  (score == best.score && best.found() && e.table == preferTable &&
                   best.table != preferTable);
    if (better) best = {e.table, e.row, score};
  };
  if (auto it = exactRows_.find(words); it != exactRows_.end()) {
    for (std::size_t i : it->second) consider(rows_[i], 1.0);
    return best;
  }
  for (const Entry& e : rows_) {
    // Short labels (其他, 规章) match only word for word: one wrong character
    // in two or three is a different word, not a typo.
    if (std::max(words.size(), e.words.size()) < kMinFuzzyLength) continue;
    double score = boundedSimilarity(words, e.words);
    // Clerks shorten long labels ((二) 部分公开, 1. 申请人无正当理由逾期不补正)
    // or add a unit after them: one label starting with the other is the same row.
    const std::u32string& shorter = words.size() < e.words.size() ? words : e.words;
    const std::u32string& longer = words.size() < e.words.size() ? e.words : words;
    if (shorter.size() >= kMinFuzzyLength && longer.compare(0, shorter.size(), shorter) == 0)
      score = std::max(score, kPrefixScore);
    // A written label whose words all appear, in order, in the template's
    // (and make up a fair share of them) is that label shortened.
    else if (words.size() >= kMinFuzzyLength && words.size() * 5 >= e.words.size() * 2 &&
             isSubsequence(words, e.words))
      score = std::max(score, kShortenedScore);
    consider(e, score);
  }
  if (best.score < kLabelThreshold) return {};
  return best;
}

LabelIndex::HeaderMatch LabelIndex::computeHeaderMatch(std::string_view text, int table) const {
  HeaderMatch best;
  if (table < 0 || static_cast<std::size_t>(table) >= headers_.size()) return best;
  std::u32string folded = foldForMatching(text);
  if (folded.empty()) return best;
  const TemplateTable& t = template_->tables[static_cast<std::size_t>(table)];
  for (const auto& [column, label] : headers_[static_cast<std::size_t>(table)]) {
    double score = boundedSimilarity(folded, label);
    if (score > best.score) {
      best.score = score;
      best.column = column;
      best.expected = column >= 0 ? t.columns[static_cast<std::size_t>(column)].label : toUtf8(label);
    }
  }
  if (best.score < kLabelThreshold) return {};
  return best;
}

LabelIndex::TitleMatch LabelIndex::computeTitleMatch(std::string_view text) const {
  TitleMatch best;
  std::u32string folded = foldForMatching(text);
  if (folded.empty()) return best;
  for (std::size_t i = 0; i < tableTitles_.size(); ++i) {
    if (tableTitles_[i].empty()) continue;
    double score = boundedSimilarity(folded, tableTitles_[i]);
    if (score > best.score) best = {static_cast<int>(i), score};
  }
  // Titles differ in one character (第二十条第（一）项 / 第（五）项): demand near-exact.
  if (best.score < 0.9) return {};
  return best;
}

LabelIndex::PartMatch LabelIndex::matchPartTitle(std::string_view title) const {
  PartMatch best;
  std::u32string folded = foldForMatching(title);
  if (folded.empty()) return best;
  for (std::size_t p = 0; p < partTitles_.size(); ++p) {
    for (std::size_t v = 0; v < partTitles_[p].size(); ++v) {
      double score = boundedSimilarity(folded, partTitles_[p][v]);
      if (v > 0 && score == 1.0) score = 0.99;  // a variant: accepted, but it differs
      if (score > best.score) best = {static_cast<int>(p), score, static_cast<int>(v) - 1};
    }
  }
  if (best.score < kLabelThreshold) return {};
  return best;
}

int LabelIndex::matchTopic(std::string_view text) const {
  std::u32string folded = foldForMatching(text);
  constexpr std::size_t kNear = 16;  // a topic names itself in its first words
  for (std::size_t t = 0; t < topicKeywords_.size(); ++t)
    for (const auto& k : topicKeywords_[t]) {
      std::size_t at = folded.find(k);
      if (at != std::u32string::npos && at <= kNear) return static_cast<int>(t);
    }
  // 政府信息资源规范化标准化管理 is still 政府信息管理: the keyword, spread out.
  std::u32string_view head(folded.data(), std::min(folded.size(), 2 * kNear));
  for (std::size_t t = 0; t < topicKeywords_.size(); ++t)
    for (const auto& k : topicKeywords_[t])
      if (k.size() >= kMinFuzzyLength && isSubsequence(k, head)) return static_cast<int>(t);
  return -1;
}

bool LabelIndex::computeIsExactHeader(std::string_view text) const {
  return exactHeaders_.count(foldForMatching(text)) > 0;
}

bool LabelIndex::isReportTitle(std::string_view text) const {
  if (titleKeywords_.empty()) return false;
  std::u32string folded = foldForMatching(text);
  return std::all_of(titleKeywords_.begin(), titleKeywords_.end(), [&](const std::u32string& k) {
    return folded.find(k) != std::u32string::npos;
  });
}

}  // namespace nianbao
