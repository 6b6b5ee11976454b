#include "Explain.h"

#include <algorithm>
#include <cctype>

#include "rules/RuleDocs.h"

namespace nianbao::cli {
namespace {

std::string normalized(std::string_view code) {
  std::size_t begin = code.find_first_not_of(" \t"), end = code.find_last_not_of(" \t");
  std::string out(begin == std::string_view::npos ? std::string_view{} : code.substr(begin, end - begin + 1));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Levenshtein distance over bytes: codes are ASCII.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// sum-row, sum-results or sum-review
std::string spoken(const std::vector<std::string>& codes) {
  std::string out;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i) out += i + 1 == codes.size() ? " or " : ", ";
    out += codes[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> closestCodes(std::string_view written) {
  std::string code = normalized(written);
  struct Candidate {
    std::size_t score;
    std::size_t order;
    std::string code;
  };
  std::vector<Candidate> candidates;
  const auto& docs = ruleDocs();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string_view c = docs[i].code;
    std::size_t d = distance(code, c);
    // A typo: a few edits, fewer for short words.
    bool typo = d <= std::max<std::size_t>(1, std::min<std::size_t>(3, c.size() / 4));
    // A part of the code: sum → sum-row, mismatch → label-mismatch.
    bool part = code.size() >= 3 && c.find(code) != std::string_view::npos;
    if (typo) candidates.push_back({d, i, std::string(c)});
    else if (part) candidates.push_back({10 + c.size() - code.size(), i, std::string(c)});
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : a.order < b.order;
  });
  constexpr std::size_t kShown = 5;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < candidates.size() && i < kShown; ++i) out.push_back(candidates[i].code);
  return out;
}

int runExplain(std::string_view written, std::ostream& out, std::ostream& err) {
  std::string code = normalized(written);
  if (code.empty() || code == "all") {
    std::size_t width = 0;
    for (const RuleDoc& doc : ruleDocs()) width = std::max(width, doc.code.size());
    for (const RuleDoc& doc : ruleDocs()) {
      std::string_view severity = severityName(doc.severity);
      out << doc.code << std::string(width - doc.code.size() + 2, ' ') << severity
          << std::string(9 - std::min<std::size_t>(severity.size(), 7), ' ') << doc.summary << "\n";
    }
    return 0;
  }
  if (const RuleDoc* doc = findRuleDoc(code)) {
    out << doc->markdown;
    if (!doc->markdown.empty() && doc->markdown.back() != '\n') out << "\n";
    return 0;
  }
  err << "nianbao: no rule has the code '" << std::string(written) << "'";
  std::vector<std::string> close = closestCodes(code);
  if (!close.empty()) err << "; did you mean " << spoken(close) << "?";
  err << " (nianbao check --explain lists them)\n";
  return 2;
}

}  // namespace nianbao::cli
