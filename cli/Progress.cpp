#include "Progress.h"

#include <cstdio>
#include <string>

namespace nianbao::cli {

Progress::Progress(std::ostream& out, std::size_t total, bool enabled) : out_(out), total_(total), enabled_(enabled) {}

std::string Progress::line(std::size_t done, std::size_t total, double seconds, int width) {
  int filled = total ? static_cast<int>(static_cast<double>(width) * static_cast<double>(done) / static_cast<double>(total)) : width;
  std::string bar = "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), '.') + "]";
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.0f", seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
  return bar + " " + std::to_string(done) + "/" + std::to_string(total) + " files, " + rate + " files/s";
}

void Progress::advance() {
  std::size_t done = ++done_;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock || (drawn_ && now - lastDraw_ < std::chrono::milliseconds(100) && done != total_)) return;
  lastDraw_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  out_ << "\r" << line(done, total_, seconds) << "\x1b[K" << std::flush;
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
  enabled_ = false;
}

}  // namespace nianbao::cli
