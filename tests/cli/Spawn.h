#pragma once
// Starting a program from tests without waiting for it (to kill it, or change
// its files meanwhile), its output in files, and optionally with the file
// permission checks that root normally skips: tests and CI run as root, and
// root reads a file of mode 000 unless CAP_DAC_OVERRIDE and
// CAP_DAC_READ_SEARCH are taken away.

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace nianbao::testing {

struct SpawnOptions {
  std::string stdinPath = "/dev/null";
  std::string stdoutPath = "/dev/null";
  std::string stderrPath = "/dev/null";
  bool enforcePermissions = false;  // file modes hold even for root
};

namespace detail {

// In the child between fork and exec: system calls only. For root, exec gives
// the new program the capabilities of the bounding set and the inheritable
// set, so the two are taken out of both. Returns what failed, or nullptr.
inline const char* dropDacCapabilities() {
  for (int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH})
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) return "prctl(PR_CAPBSET_DROP) of CAP_DAC_*";
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (syscall(SYS_capget, &header, data) != 0) return "capget";
  data[0].inheritable &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
  if (syscall(SYS_capset, &header, data) != 0) return "capset";
  return nullptr;
}

}  // namespace detail

// Starts argv[0] (a path) with `argv`; the child's pid, or -1 with `error`
// saying what failed (in the child too, before exec, through a pipe).
inline pid_t spawnProcess(const std::vector<std::string>& argv, const SpawnOptions& options, std::string& error) {
  std::vector<std::string> strings = argv;
  std::vector<char*> args;
  for (auto& s : strings) args.push_back(s.data());
  args.push_back(nullptr);
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) {
    error = std::string("pipe2: ") + std::strerror(errno);
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    error = std::string("fork: ") + std::strerror(errno);
    close(report[0]);
    close(report[1]);
    return -1;
  }
  if (pid == 0) {
    auto die = [&](const char* what) {
      int e = errno;
      (void)!write(report[1], &e, sizeof e);
      (void)!write(report[1], what, std::strlen(what));
      _exit(127);
    };
    close(report[0]);
    const std::pair<const std::string*, int> redirects[] = {
        {&options.stdinPath, O_RDONLY}, {&options.stdoutPath, O_WRONLY | O_CREAT | O_TRUNC},
        {&options.stderrPath, O_WRONLY | O_CREAT | O_TRUNC}};
    for (int target = 0; target < 3; ++target) {
      int fd = open(redirects[target].first->c_str(), redirects[target].second, 0600);
      if (fd < 0 || dup2(fd, target) < 0) die("cannot redirect the standard streams");
      close(fd);
    }
    if (options.enforcePermissions && geteuid() == 0)
      if (const char* failed = detail::dropDacCapabilities()) die(failed);
    execv(args[0], args.data());
    die("execv");
  }
  close(report[1]);
  int childErrno = 0;
  char what[256] = {};
  ssize_t n = read(report[0], &childErrno, sizeof childErrno);
  if (n > 0) {
    ssize_t m = read(report[0], what, sizeof what - 1);
    (void)m;
  }
  close(report[0]);
  if (n > 0) {
    error = std::string("before running ") + argv[0] + ": " + what + ": " + std::strerror(childErrno);
    int status = 0;
    waitpid(pid, &status, 0);
    return -1;
  }
  return pid;
}

// The exit status (128 + the signal's number if a signal ended it), or
// nothing if it has not ended after `timeout`, when it is killed and reaped.
inline std::optional<int> waitProcess(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    pid_t got = waitpid(pid, &status, WNOHANG);
    if (got == pid) break;
    if (got < 0 && errno != EINTR) return std::nullopt;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace nianbao::testing
