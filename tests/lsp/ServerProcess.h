#pragma once
// The real `nianbao server` as a child process with its stdin and stdout on
// pipes, the way an editor runs it; for transcripts and whole-server tests.

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "Framing.h"

extern char** environ;

namespace nianbao::testing {

// Whether `value` has every member `pattern` names, with the same value
// (objects recursively; arrays element by element, same length); the
// string "*" matches anything.
inline bool matches(const nlohmann::json& pattern, const nlohmann::json& value) {
  if (pattern == "*") return true;
  if (pattern.is_object()) {
    if (!value.is_object()) return false;
    for (auto it = pattern.begin(); it != pattern.end(); ++it)
      if (!value.contains(it.key()) || !matches(it.value(), value[it.key()])) return false;
    return true;
  }
  if (pattern.is_array()) {
    if (!value.is_array() || value.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i)
      if (!matches(pattern[i], value[i])) return false;
    return true;
  }
  return pattern == value;
}

// The server as a child process with its stdin and stdout on pipes.
class ServerProcess {
 public:
  explicit ServerProcess(const std::filesystem::path& stderrFile, const std::string& binary = NIANBAO_BINARY) {
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const char* argv[] = {binary.c_str(), "server", nullptr};
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, const_cast<char**>(argv), environ) != 0)
      throw std::runtime_error("could not start " + binary);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    toServer_ = in[1];
    fromServer_ = out[0];
    reader_ = std::thread([this] { readLoop(); });
  }
  ~ServerProcess() {
    closeInput();
    if (!exitCode_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    reader_.join();
    close(fromServer_);
  }

  void write(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(toServer_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) throw std::runtime_error("the server stopped reading");
      done += static_cast<std::size_t>(n);
    }
  }
  void closeInput() {
    if (toServer_ >= 0) close(toServer_), toServer_ = -1;
  }

  // The first message from the server, after those already taken, that the
  // pattern matches; the ones passed over are dropped.
  std::optional<nlohmann::json> expect(const nlohmann::json& pattern, std::string* seen) {
    std::unique_lock lock(mutex_);
    bool found = arrived_.wait_for(lock, timeout_, [&] {
      while (!messages_.empty()) {
        nlohmann::json m = std::move(messages_.front());
        messages_.pop_front();
        if (matches(pattern, m)) return (matched_ = std::move(m)), true;
        *seen += "  " + m.dump().substr(0, 300) + "\n";
      }
      return ended_;
    });
    if (!found || !matched_) return std::nullopt;
    return std::exchange(matched_, std::nullopt);
  }

  // How long expect() waits for a match.
  void setTimeout(std::chrono::seconds t) { timeout_ = t; }

  // Stops and resumes taking the server's output from the pipe, as a client
  // busy elsewhere would: the pipe fills and the server's writes block.
  void pauseReading() {
    std::lock_guard lock(mutex_);
    paused_ = true;
  }
  void resumeReading() {
    {
      std::lock_guard lock(mutex_);
      paused_ = false;
    }
    resumed_.notify_all();
  }

  pid_t pid() const { return pid_; }

  // Called on the reading thread with every message, before expect() sees it.
  void observe(std::function<void(const nlohmann::json&)> observer) {
    std::lock_guard lock(mutex_);
    observer_ = std::move(observer);
  }

  std::optional<int> waitForExit() {
    for (int i = 0; i < 300; ++i) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exitCode_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
  }

 private:
  void readLoop() {
    lsp::MessageReader framing;
    char buffer[65536];
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        resumed_.wait(lock, [&] { return !paused_; });
      }
      ssize_t n = read(fromServer_, buffer, sizeof buffer);
      if (n <= 0) break;
      framing.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
      while (auto event = framing.next()) {
        std::lock_guard lock(mutex_);
        if (event->kind == lsp::FramedEvent::Kind::Message) {
          messages_.push_back(nlohmann::json::parse(event->body));
          if (observer_) observer_(messages_.back());
        }
        else messages_.push_back({{"badFrameFromServer", event->error}});
        arrived_.notify_all();
      }
    }
    std::lock_guard lock(mutex_);
    ended_ = true;
    arrived_.notify_all();
  }

  pid_t pid_ = 0;
  int toServer_ = -1, fromServer_ = -1;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable arrived_, resumed_;
  bool paused_ = false;
  std::function<void(const nlohmann::json&)> observer_;
  std::chrono::seconds timeout_{30};
  std::deque<nlohmann::json> messages_;
  std::optional<nlohmann::json> matched_;
  bool ended_ = false;
  std::optional<int> exitCode_;
};


}  // namespace nianbao::testing
