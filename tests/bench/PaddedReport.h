#pragma once
// The documents the incremental benchmarks edit: seed 002 of the corpus (a
// complete report with its three tables) padded to a given size with prose
// paragraphs in part 一, as a long report or a pasted yearbook would be. The
// tables sit after the padding, so every position in them moves when the
// prose above changes.

#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace nianbao::bench {

inline constexpr const char* kSeedPath = NIANBAO_SHARED "/corpus/seeds/002_205615ee8de7c4c5.txt";

struct PaddedReport {
  std::string text;
  std::size_t paragraph = 0;  // a byte inside a padding paragraph, in the middle of the document
  std::size_t cell = 0;       // the first number cell of the applications table (table 三), a "1"
};

inline std::optional<PaddedReport> paddedReport(std::size_t bytes) {
  std::ifstream in(kSeedPath, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string seed = ss.str();
  std::size_t part2 = seed.find("## 二、");
  std::size_t row = seed.find("予以公开");
  if (part2 == std::string::npos || row == std::string::npos) return std::nullopt;
  std::string prose;
  for (std::size_t i = 0; seed.size() + prose.size() < bytes; ++i)
    prose += "本机关坚持以公开为常态、不公开为例外，第" + std::to_string(i) +
             "段说明主动公开工作的做法和成效，及时回应社会关切，政府信息公开工作取得新的进展。\n\n";
  PaddedReport r;
  r.text = seed.substr(0, part2) + prose + seed.substr(part2);
  r.paragraph = part2 + prose.size() / 2;
  r.paragraph = r.text.find("第", r.paragraph);  // the start of a character
  r.cell = r.text.find("\t1", r.text.find("予以公开")) + 1;
  return r;
}

}  // namespace nianbao::bench
