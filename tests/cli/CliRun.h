#pragma once
// Running the real nianbao binary from the command-line tests (files,
// pipes or a pseudo-terminal for its standard streams), and the example
// report with its mistakes as tests edit it. Shared by ProjectConfigCliTest
// and BatchTest; CliTest.cpp keeps its own copies of the older helpers.

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "TestFiles.h"

extern char** environ;

namespace nianbao::testing {

struct RunResult {
  int status = -1;  // exit status; 128 + signal number if killed by a signal
  bool signaled = false;
  std::string out;
  std::string err;
};

namespace detail {

inline void waitFor(pid_t pid, RunResult& result) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      ADD_FAILURE() << "waitpid failed";
      return;
    }
  if (WIFEXITED(status)) {
    result.status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.status = 128 + WTERMSIG(status);
  }
}

inline std::vector<std::string> argvStrings(const std::vector<std::string>& args) {
  std::vector<std::string> all{NIANBAO_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

}  // namespace detail

// The binary with `args`; standard input from `input` (empty when none),
// stdout and stderr into files; run in `cwd` when given.
inline RunResult runNianbao(const std::vector<std::string>& args, const std::optional<std::string>& input = std::nullopt,
                            const std::filesystem::path& cwd = {}) {
  RunResult result;
  TempDir io;
  std::filesystem::path inPath = io / "stdin", outPath = io / "stdout", errPath = io / "stderr";
  writeBytes(inPath, input.value_or(""));
  std::vector<std::string> strings = detail::argvStrings(args);
  std::vector<char*> argv;
  for (auto& a : strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, inPath.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "posix_spawn " << NIANBAO_BINARY << " failed: " << rc;
    return result;
  }
  detail::waitFor(pid, result);
  result.out = readBytes(outPath);
  result.err = readBytes(errPath);
  return result;
}

// The binary with stdout and stderr through pipes (read as it writes), stdin empty.
inline RunResult runPiped(const std::vector<std::string>& args) {
  RunResult result;
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2 failed";
    return result;
  }
  std::vector<std::string> strings = detail::argvStrings(args);
  std::vector<char*> argv;
  for (auto& a : strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    ADD_FAILURE() << "posix_spawn " << NIANBAO_BINARY << " failed: " << rc;
    close(out[0]);
    close(err[0]);
    return result;
  }
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* into[2] = {&result.out, &result.err};
  int open = 2;
  while (open > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buffer[65536];
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        into[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  detail::waitFor(pid, result);
  return result;
}

// Whether this machine gives out pseudo-terminals (a container may not).
inline bool pseudoTerminalsAvailable() {
  int master = -1, slave = -1;
  if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return false;
  close(master);
  close(slave);
  return true;
}

// The binary with stderr (and stdin) on a pseudo-terminal, as in a user's
// shell, and stdout into a file: `err` is what the terminal showed.
inline RunResult runWithStderrOnTerminal(const std::vector<std::string>& args) {
  RunResult result;
  TempDir io;
  std::string outPath = (io / "stdout").string();
  std::vector<std::string> strings = detail::argvStrings(args);
  std::vector<char*> argv;
  for (auto& a : strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) {
    ADD_FAILURE() << "forkpty failed: " << errno;
    return result;
  }
  if (pid == 0) {
    // The child: system calls only.
    int fd = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || dup2(fd, 1) < 0) _exit(126);
    close(fd);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // Until the child and everything it started have closed the terminal (EIO).
  char buffer[4096];
  while (true) {
    ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) result.err.append(buffer, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break;
  }
  close(master);
  detail::waitFor(pid, result);
  result.out = readBytes(outPath);
  return result;
}

inline std::vector<std::string> splitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (true) {
    std::size_t at = s.find('\n', from);
    if (at == std::string::npos) {
      lines.push_back(s.substr(from));
      break;
    }
    lines.push_back(s.substr(from, at - from));
    from = at + 1;
  }
  return lines;
}

inline std::size_t countOf(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + needle.size())) ++n;
  return n;
}

// Replaces the single occurrence of `from`; fails the test if there is not exactly one.
inline void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
  ASSERT_EQ(countOf(text, from), 1u) << "expected exactly one \"" << from << "\"";
  text.replace(text.find(from), from.size(), to);
}

// `text` with `line` (its own line break added) inserted before its line
// `before` (1-based): what was line `before` becomes line `before` + 1.
inline std::string insertLineBefore(const std::string& text, int before, const std::string& line) {
  std::size_t at = 0;
  for (int n = 1; n < before; ++n) {
    at = text.find('\n', at);
    EXPECT_NE(at, std::string::npos) << "the text has fewer than " << before << " lines";
    if (at == std::string::npos) return text;
    ++at;
  }
  return text.substr(0, at) + line + "\n" + text.substr(at);
}

inline nlohmann::json parseJson(const std::string& s) {
  nlohmann::json j = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << s;
  return j;
}

// The findings with `code` in a JSON array.
inline std::vector<nlohmann::json> withCode(const nlohmann::json& all, const std::string& code) {
  std::vector<nlohmann::json> out;
  for (const auto& f : all)
    if (f.at("code") == code) out.push_back(f);
  return out;
}

// Whether two texts are the same; if not, the first line where they differ
// (a whole report in a failure message is unreadable).
inline ::testing::AssertionResult sameText(const std::string& actual, const std::string& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  std::vector<std::string> a = splitLines(actual), e = splitLines(expected);
  for (std::size_t i = 0; i < std::max(a.size(), e.size()); ++i) {
    std::string have = i < a.size() ? a[i] : "(no line)", want = i < e.size() ? e[i] : "(no line)";
    if (have != want)
      return ::testing::AssertionFailure() << "line " << i + 1 << " is\n  " << have << "\nnot\n  " << want;
  }
  return ::testing::AssertionFailure() << "the texts differ in their line breaks";
}

// ---------------------------------------------------------------------------
// The example report, examples/shiliz-2024.report.md (104 lines, LF, no line
// break after the last). Its mistakes, read by hand:
//  32 | 信息内容 | 本年制发件数 | 本年度止件数 | 现行有效件数 |   label-mismatch (warning) at 32:19
//  51 | 一、本年新收… |  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |          sum-row (error) at 51:49, balance (error) on 51:
//                                                            总计 2 where the applicants add up to 1
//  68 |  |  | 3. 要求提供公开出版物 | 0 … |                    row-missing (error): 4. 无正当理由大量反复申请
//  81 | 0 | 1 | 0 | 0 | 0 | …                                sum-review (error) at 81:19
//  83 #### 五、存在的主要问题和改进措施                        section-title (warning) at 83:6
// Four errors and two warnings. Part 三's table is lines 48–74; part 四's 78–81.

inline const std::filesystem::path kExample = std::filesystem::path(NIANBAO_EXAMPLES) / "shiliz-2024.report.md";

inline const std::string kRow51 = "| 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |";
inline const std::string kRow51Fixed = "| 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
inline const std::string kRow68 = "|  |  | 3. 要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
inline const std::string kRow69Missing = "|  |  | 4. 无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
inline const std::string kRow81 = "| 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
inline const std::string kRow81Fixed = "| 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
inline const std::string kTitle83 = "五、存在的主要问题和改进措施";
inline const std::string kTitle83Fixed = "五、存在的主要问题及改进情况";

inline std::string example() {
  std::string t = readBytes(kExample);
  EXPECT_FALSE(t.empty()) << "cannot read " << kExample;
  return t;
}

// The example with every mistake corrected by hand (row 4 written in the
// layout of its neighbours after line 68): nothing to find. 105 lines, so
// row 一 is still line 51, part 四's numbers are line 82 and 五's title 84.
inline std::string cleanReport() {
  std::string t = example();
  replaceOnce(t, "本年度止件数", "本年废止件数");
  replaceOnce(t, kRow51, kRow51Fixed);
  replaceOnce(t, kRow81, kRow81Fixed);
  replaceOnce(t, kTitle83, kTitle83Fixed);
  replaceOnce(t, kRow68 + "\n", kRow68 + "\n" + kRow69Missing + "\n");
  return t;
}

// The clean report with only part 三's 总计 on line 51 wrong (2 for 1):
// sum-row (error) at 51:49 and balance (error) on line 51, nothing else.
inline std::string reportWithWrongTotal() {
  std::string t = cleanReport();
  replaceOnce(t, kRow51Fixed, kRow51);
  return t;
}

// The clean report with only part 五's title worded otherwise: one
// section-title warning at 84:6.
inline std::string reportWithOnlyAWarning() {
  std::string t = cleanReport();
  replaceOnce(t, kTitle83Fixed, kTitle83);
  return t;
}

}  // namespace nianbao::testing
