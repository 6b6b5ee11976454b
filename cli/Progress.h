#pragma once
// The progress line of a batch on a terminal (stderr): a bar, files done of
// all, files per second. Redrawn at most ten times a second from whichever
// thread finishes a file; erased when done. Nothing at all when disabled
// (stderr piped or redirected), so logs stay clean.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>

namespace nianbao::cli {

class Progress {
 public:
  Progress(std::ostream& out, std::size_t total, bool enabled);
  ~Progress() { finish(); }
  void advance();  // one more file done; any thread
  void finish();   // erases the line

  // The line for `done` of `total` after `seconds`, `width` columns of bar.
  static std::string line(std::size_t done, std::size_t total, double seconds, int width = 30);

 private:
  std::ostream& out_;
  std::size_t total_;
  bool enabled_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point lastDraw_{};
  bool drawn_ = false;
};

}  // namespace nianbao::cli
