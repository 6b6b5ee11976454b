// Tests of the command line against bad files: unreadable files and
// directories, symbolic link loops and broken links, binary files, devices,
// pipes and sockets, files too large, a file changed while `fix` works on it,
// and `fix` killed at any moment. Most run the real binary; the temporary
// file handling is also tested in-process (AtomicWrite.h).
//
// Expected messages and outcomes follow from the inputs built here and the
// wording in cli/ (PathError.cpp, Files.cpp, CheckCommand.cpp, FixCommand.cpp), not from runs.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "AtomicWrite.h"
#include "Files.h"
#include "Spawn.h"
#include "TestFiles.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nianbao::testing::SpawnOptions;
using nianbao::testing::spawnProcess;
using nianbao::testing::waitProcess;
using nianbao::testing::readBytes;
using nianbao::testing::TempDir;
using nianbao::testing::writeBytes;
using ::testing::HasSubstr;
using ::testing::Not;

// ---------------------------------------------------------------------------
// Helpers

struct RunOptions {
  bool enforcePermissions = false;  // file modes hold even for root (Spawn.h)
  std::chrono::milliseconds timeout = 60s;
  std::string stdinPath = "/dev/null";
};

struct RunResult {
  std::optional<int> status;  // nothing if it did not end within the timeout
  std::string out;
  std::string err;
};

// Runs the nianbao binary with `args` and waits for it.
RunResult runNianbao(const std::vector<std::string>& args, const RunOptions& options = {}) {
  TempDir io;
  SpawnOptions spawn{options.stdinPath, (io / "stdout").string(), (io / "stderr").string(),
                     options.enforcePermissions};
  std::vector<std::string> argv{NIANBAO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string error;
  RunResult r;
  pid_t pid = spawnProcess(argv, spawn, error);
  if (pid < 0) {
    ADD_FAILURE() << error;
    return r;
  }
  r.status = waitProcess(pid, options.timeout);
  r.out = readBytes(io / "stdout");
  r.err = readBytes(io / "stderr");
  return r;
}

const fs::path kExample = fs::path(NIANBAO_EXAMPLES) / "shiliz-2024.report.md";

// The example's row 51 states 总计 2 where its cells add to 1: check reports
// sum-row at 51:49 (CliTest counts the column); fix writes kRow51Fixed.
const std::string kRow51Fixed = "| 一、本年新收政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |";
const std::string kExampleSummary = "4 error(s), 2 warning(s) in 1 file(s)\n";

std::string example() {
  std::string t = readBytes(kExample);
  EXPECT_FALSE(t.empty()) << "cannot read " << kExample;
  return t;
}

std::string sumRowAt(const fs::path& file) { return file.string() + ":51:49: error[sum-row]"; }

// A text with nothing to find and so nothing to fix: what the race tests
// write over a report, so that `fix` reading it instead leaves it as it is.
const std::string kMeetingNote =
    "# 关于做好政务公开工作的会议纪要\n\n一、会议内容\n\n会议传达了上级文件精神。\n\n二、工作要求\n\n各站所要明确专人负责。\n";

// The example 200 times (about 1.7 MB): long enough for `fix` to take a
// while, so that a test can act while it works.
const std::string& bigReport() {
  static const std::string big = [] {
    std::string one = example(), all;
    for (int i = 0; i < 200; ++i) all += one + "\n\n";
    return all;
  }();
  return big;
}

// What `fix` makes of bigReport(), and how long it took, from a run to the end.
struct FixedBig {
  std::string text;
  std::chrono::milliseconds took{};
};
const FixedBig& fixedBigReport() {
  static const FixedBig fixed = [] {
    TempDir dir;
    writeBytes(dir / "r.md", bigReport());
    auto start = std::chrono::steady_clock::now();
    RunResult r = runNianbao({"fix", (dir / "r.md").string()});
    FixedBig f;
    f.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    EXPECT_EQ(r.status, 1) << r.err;  // the balance errors need a person
    f.text = readBytes(dir / "r.md");
    EXPECT_NE(f.text, bigReport()) << "fix changed nothing in the big report";
    return f;
  }();
  return fixed;
}

// Bytes `pid` has read or written so far ("rchar:" or "wchar:" in
// /proc/<pid>/io), or 0.
unsigned long long ioCount(pid_t pid, const std::string& which) {
  std::ifstream io("/proc/" + std::to_string(pid) + "/io");
  std::string key;
  unsigned long long value = 0;
  while (io >> key >> value)
    if (key == which) return value;
  return 0;
}

std::string describeBytes(const std::string& s, const std::string& a, const std::string& b) {
  return std::to_string(s.size()) + " bytes (the original has " + std::to_string(a.size()) + ", the fixed text " +
         std::to_string(b.size()) + ")";
}

// ---------------------------------------------------------------------------
// 1, 2. Unreadable files and directories. As root, only with the DAC
// capabilities taken away (Spawn.h); if that cannot be done, spawning fails
// the test and says why.

TEST(Unreadable, FileIsNamedWithTheReasonAndTheOthersAreStillChecked) {
  TempDir dir;
  const fs::path secret = dir / "secret.md", bad = dir / "bad.md";
  writeBytes(secret, example());
  writeBytes(bad, example());
  fs::permissions(secret, fs::perms::none, fs::perm_options::replace);

  RunResult r = runNianbao({"check", secret.string(), bad.string()}, {.enforcePermissions = true});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("nianbao: " + secret.string() + ": cannot read it: Permission denied\n"))
      << "(if the file was read, the test could not take away root's CAP_DAC_OVERRIDE)";
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(bad)));
  EXPECT_THAT(r.out, HasSubstr(kExampleSummary));
  EXPECT_THAT(r.out, Not(HasSubstr(secret.string())));

  // fix fixes the readable one and leaves the other alone.
  r = runNianbao({"fix", secret.string(), bad.string()}, {.enforcePermissions = true});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("nianbao: " + secret.string() + ": cannot read it: Permission denied\n"));
  EXPECT_THAT(readBytes(bad), HasSubstr(kRow51Fixed));
  EXPECT_EQ(readBytes(secret), example());
  EXPECT_EQ(dir.names(), (std::set<std::string>{"secret.md", "bad.md"}));
}

TEST(Unreadable, DirectoryInATreeIsNamedAndTheRestIsChecked) {
  TempDir dir;
  const fs::path locked = dir / "locked", sub = dir / "sub";
  fs::create_directory(locked);
  fs::create_directory(sub);
  writeBytes(dir / "a.md", example());
  writeBytes(locked / "x.md", example());
  writeBytes(sub / "b.md", example());
  fs::permissions(locked, fs::perms::none, fs::perm_options::replace);

  RunResult r = runNianbao({"check", dir.path().string()}, {.enforcePermissions = true});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.err, "nianbao: " + locked.string() + ": cannot read the directory: Permission denied\n");
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(dir / "a.md")));
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(sub / "b.md")));
  EXPECT_THAT(r.out, HasSubstr("8 error(s), 4 warning(s) in 2 file(s)\n"));
  EXPECT_THAT(r.out, Not(HasSubstr("x.md")));

  r = runNianbao({"fix", dir.path().string()}, {.enforcePermissions = true});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(readBytes(dir / "a.md"), HasSubstr(kRow51Fixed));
  EXPECT_THAT(readBytes(sub / "b.md"), HasSubstr(kRow51Fixed));
}

TEST(Unreadable, DirectoryOnThePathThatCannotBeSearchedIsSaidSo) {
  TempDir dir;
  const fs::path locked = dir / "locked";
  fs::create_directory(locked);
  writeBytes(locked / "r.md", example());
  fs::permissions(locked, fs::perms::none, fs::perm_options::replace);
  const std::string path = (locked / "r.md").string();

  RunResult r = runNianbao({"check", path}, {.enforcePermissions = true});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + path + ": a directory on its path cannot be searched: Permission denied\n");
  EXPECT_EQ(r.out, "");
}

// ---------------------------------------------------------------------------
// 3. Symbolic links and other path errors

TEST(Links, NamedLoopSaysLoopNotMissing) {
  TempDir dir;
  fs::create_symlink("b", dir / "a");
  fs::create_symlink("a", dir / "b");
  const std::string a = (dir / "a").string();
  for (const char* command : {"check", "fix"}) {
    RunResult r = runNianbao({command, a});
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_EQ(r.err, "nianbao: " + a + ": a loop of symbolic links: Too many levels of symbolic links\n") << command;
    EXPECT_THAT(r.err, Not(HasSubstr("no such file")));
  }
}

TEST(Links, BrokenLinkNamesItsTarget) {
  TempDir dir;
  fs::create_symlink("gone/report.md", dir / "link.md");
  const std::string link = (dir / "link.md").string();
  RunResult r = runNianbao({"check", link});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + link + ": a broken symbolic link to gone/report.md: No such file or directory\n");

  // A plain missing file is still just missing.
  r = runNianbao({"check", (dir / "nothing.md").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + (dir / "nothing.md").string() + ": no such file or directory\n");
}

TEST(Links, LoopsInATreeEndAndLinkedReportsAreChecked) {
  TempDir dir;
  const fs::path tree = dir / "tree", sub = tree / "sub";
  fs::create_directories(sub);
  writeBytes(tree / "r.md", example());
  writeBytes(dir / "elsewhere.md", example());
  fs::create_symlink("..", sub / "up");     // a directory link back up: not followed
  fs::create_symlink(".", sub / "self");    // one to itself
  fs::create_symlink("y", tree / "x");      // a loop not named like a report: not looked at
  fs::create_symlink("x", tree / "y");
  fs::create_symlink(dir / "elsewhere.md", sub / "linked.md");  // a link to a report: checked

  RunResult r = runNianbao({"check", tree.string()}, {.timeout = 20s});
  ASSERT_TRUE(r.status) << "check did not end within 20 s: it follows the loops";
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(tree / "r.md")));
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(sub / "linked.md")));
  EXPECT_THAT(r.out, HasSubstr("in 2 file(s)\n"));
}

TEST(Links, LoopNamedLikeAReportInATreeIsAnErrorAndTheRestIsChecked) {
  TempDir dir;
  writeBytes(dir / "r.md", example());
  fs::create_symlink("loop.md", dir / "loop.md");
  RunResult r = runNianbao({"check", dir.path().string()}, {.timeout = 20s});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + (dir / "loop.md").string() +
                       ": a loop of symbolic links: Too many levels of symbolic links\n");
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(dir / "r.md")));
  EXPECT_THAT(r.out, HasSubstr(kExampleSummary));
}

TEST(Links, FixReplacesTheTargetAndKeepsTheLink) {
  TempDir dir;
  writeBytes(dir / "real.md", example());
  fs::create_symlink("real.md", dir / "link.md");
  RunResult r = runNianbao({"fix", (dir / "link.md").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir / "link.md"));
  EXPECT_EQ(fs::read_symlink(dir / "link.md"), "real.md");
  EXPECT_THAT(readBytes(dir / "real.md"), HasSubstr(kRow51Fixed));
  EXPECT_EQ(dir.names(), (std::set<std::string>{"real.md", "link.md"}));
}

TEST(PathErrors, AFileUsedAsADirectoryIsSaidSo) {
  TempDir dir;
  writeBytes(dir / "r.md", example());
  const std::string path = (dir / "r.md" / "x.md").string();
  RunResult r = runNianbao({"check", path});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + path + ": a part of its path is not a directory: Not a directory\n");
}

// ---------------------------------------------------------------------------
// 4. Binary files

TEST(Binary, TheExecutableItselfExitsTwoNamingIt) {
  RunResult r = runNianbao({"check", NIANBAO_BINARY});
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr(std::string("nianbao: ") + NIANBAO_BINARY + ": a binary file"));
  EXPECT_EQ(r.out, "");  // nothing was read, so no summary
}

// The PNG signature and the start of an IHDR chunk: NUL bytes at once.
constexpr char kPngStart[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
const std::string kPng = std::string(kPngStart, sizeof kPngStart - 1) + "\x1f\xf3\xff\x61\xde\xad\xbe\xef";

TEST(Binary, PngExitsTwoAndTheOtherFileIsStillChecked) {
  TempDir dir;
  const fs::path png = dir / "image.md", bad = dir / "bad.md";
  writeBytes(png, kPng);
  writeBytes(bad, example());
  RunResult r = runNianbao({"check", png.string(), bad.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("nianbao: " + png.string() + ": a binary file"));
  EXPECT_THAT(r.out, HasSubstr(sumRowAt(bad)));
  EXPECT_THAT(r.out, HasSubstr(kExampleSummary));

  r = runNianbao({"fix", png.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr(png.string()));
  EXPECT_EQ(readBytes(png), kPng);
  EXPECT_EQ(dir.names(), (std::set<std::string>{"image.md", "bad.md"}));
}

// An empty file is an empty text: not a report, so nothing to find or fix.
TEST(Binary, EmptyFileIsAnEmptyTextWithNoFindings) {
  TempDir dir;
  const fs::path empty = dir / "empty.md";
  writeBytes(empty, "");
  RunResult r = runNianbao({"check", empty.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "0 error(s), 0 warning(s) in 1 file(s)\n");

  r = runNianbao({"check", "--format", "json", empty.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "[]\n");

  r = runNianbao({"fix", empty.string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(fs::file_size(empty), 0u);
  EXPECT_EQ(dir.names(), std::set<std::string>{"empty.md"});
}

// ---------------------------------------------------------------------------
// 5. Devices, sockets, pipes, size

TEST(NotRegular, CharacterDevicesAreRefusedWithoutReading) {
  for (const char* device : {"/dev/zero", "/dev/null", "/dev/urandom"}) {
    for (const char* command : {"check", "fix"}) {
      RunResult r = runNianbao({command, device}, {.timeout = 20s});
      ASSERT_TRUE(r.status) << command << " " << device << " did not end: it reads the device";
      EXPECT_EQ(r.status, 2) << command << " " << device;
      EXPECT_EQ(r.err, std::string("nianbao: ") + device + ": not a regular file (a character device)\n");
    }
  }
}

TEST(NotRegular, SocketIsRefused) {
  TempDir dir;
  const std::string path = (dir / "socket.md").string();
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.size(), sizeof addr.sun_path);
  std::copy(path.begin(), path.end(), addr.sun_path);
  ASSERT_EQ(bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << std::strerror(errno);
  RunResult r = runNianbao({"check", path}, {.timeout = 20s});
  close(s);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + path + ": not a regular file (a socket)\n");
}

// check reads a pipe, as `nianbao check <(iconv ...)` gives one; fix cannot
// rewrite one, and says so before opening it (which would wait for a writer).
TEST(NotRegular, NamedPipeIsCheckedButNotFixed) {
  TempDir dir, io;
  const fs::path fifo = dir / "pipe.md";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);

  SpawnOptions spawn{"/dev/null", (io / "stdout").string(), (io / "stderr").string(), false};
  std::string error;
  pid_t pid = spawnProcess({NIANBAO_BINARY, "check", fifo.string()}, spawn, error);
  ASSERT_GE(pid, 0) << error;
  // Open for writing once nianbao has it open for reading (ENXIO before).
  int fd = -1;
  for (auto deadline = std::chrono::steady_clock::now() + 20s; fd < 0 && std::chrono::steady_clock::now() < deadline;
       std::this_thread::sleep_for(1ms))
    fd = open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
  ASSERT_GE(fd, 0) << "check never opened the pipe";
  fcntl(fd, F_SETFL, 0);
  const std::string text = example();
  EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  close(fd);
  EXPECT_EQ(waitProcess(pid, 20s), 1);
  EXPECT_EQ(readBytes(io / "stderr"), "");
  EXPECT_THAT(readBytes(io / "stdout"), HasSubstr(sumRowAt(fifo)));

  RunResult r = runNianbao({"fix", fifo.string()}, {.timeout = 20s});
  ASSERT_TRUE(r.status) << "fix waited for a writer to the pipe";
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "nianbao: " + fifo.string() +
                       ": not a regular file (a named pipe); fix rewrites files in place, so it needs one\n");
}

TEST(SizeLimit, FileOverTheLimitIsRefusedWithItsSizeBeforeReading) {
  TempDir dir;
  const fs::path big = dir / "big.md";
  writeBytes(big, "");
  fs::resize_file(big, 600ull << 20);  // sparse: nothing on disk
  const std::string expected = "nianbao: " + big.string() +
                               ": too large for a report: 629145600 bytes (600.0 MiB); the limit is 512 MiB\n";
  for (const char* command : {"check", "fix"}) {
    RunResult r = runNianbao({command, big.string()}, {.timeout = 20s});
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_EQ(r.err, expected) << command;
  }
  EXPECT_EQ(fs::file_size(big), 600ull << 20);
  EXPECT_EQ(dir.names(), std::set<std::string>{"big.md"});
}

// ---------------------------------------------------------------------------
// 6. A file changed while fix works on it. fix compares the file with what it
// read just before renaming over it; a write landing between that comparison
// and the rename (a link and a rename, microseconds) would still be lost.

struct StartedFix {
  pid_t pid = -1;
  TempDir io;
};

void startFix(StartedFix& run, const fs::path& file) {
  SpawnOptions spawn{"/dev/null", (run.io / "stdout").string(), (run.io / "stderr").string(), false};
  std::string error;
  run.pid = spawnProcess({NIANBAO_BINARY, "fix", file.string()}, spawn, error);
  ASSERT_GE(run.pid, 0) << error;
}

const std::string kChangedMessage = ": changed while being fixed; nothing was written (run fix again)\n";

// check reads a file that is being rewritten all the while: each run reports
// one whole version's findings (a read torn between versions is read again),
// or says the file kept changing; never findings of a half-written text.
TEST(CheckRace, AFileRewrittenWhileCheckedGivesOneWholeVersionsFindings) {
  TempDir dir;
  const fs::path file = dir / "r.md";
  writeBytes(file, kMeetingNote);
  RunResult note = runNianbao({"check", file.string()});
  writeBytes(file, bigReport());
  RunResult report = runNianbao({"check", file.string()});
  ASSERT_EQ(note.status, 0);
  ASSERT_EQ(report.status, 1);
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    // In place, truncating, every few milliseconds: an eager autosave. (A
    // file rewritten faster than its file system's time stamps tick, with
    // the same size, can still be read torn.)
    for (int i = 0; !stop; ++i) {
      writeBytes(file, i % 2 ? kMeetingNote : bigReport());
      std::this_thread::sleep_for(5ms);
    }
  });
  int whole = 0;
  for (int run = 0; run < 20; ++run) {
    RunResult r = runNianbao({"check", file.string()});
    SCOPED_TRACE(run);
    if (r.status == 2) {
      EXPECT_EQ(r.err, "nianbao: " + file.string() + ": changed while being read, 5 times; try again when it is saved\n");
    } else {
      EXPECT_TRUE((r.status == 0 && r.out == note.out) || (r.status == 1 && r.out == report.out))
          << "status " << r.status.value_or(-1) << "\n" << r.out.substr(0, 400) << r.err;
      ++whole;
    }
  }
  stop = true;
  writer.join();
  std::cout << whole << " of 20 runs read a whole version\n";
}

TEST(FixRace, FileChangedAfterItWasReadIsRefusedAndKept) {
  // A write landing just as fix finishes reading is seen by the read itself
  // (fix then reads the new text, which needs no fix): a few tries give one
  // that lands while fix works.
  int refused = 0;
  for (int attempt = 0; attempt < 10 && refused == 0; ++attempt) {
    TempDir dir;
    const fs::path file = dir / "r.md";
    writeBytes(file, bigReport());
    // Saved an hour ago: a file modified just now is read twice (Files.cpp).
    fs::last_write_time(file, fs::last_write_time(file) - 1h);
    StartedFix run;
    ASSERT_NO_FATAL_FAILURE(startFix(run, file));
    auto deadline = std::chrono::steady_clock::now() + 30s;
    while (ioCount(run.pid, "rchar:") < bigReport().size() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(100us);
    ASSERT_GE(ioCount(run.pid, "rchar:"), bigReport().size()) << "cannot tell from /proc/<pid>/io when fix has read the file";
    std::this_thread::sleep_for(std::chrono::milliseconds(2 * attempt));
    writeBytes(file, kMeetingNote);  // in place: same inode, so the times and bytes must tell
    std::optional<int> status = waitProcess(run.pid, 60s);
    std::string err = readBytes(run.io / "stderr");
    ASSERT_TRUE(status == 2 || (status == 0 && err.empty())) << err;
    if (status == 2) {
      EXPECT_EQ(err, "nianbao: " + file.string() + kChangedMessage);
      ++refused;
    }
    EXPECT_EQ(readBytes(file), kMeetingNote);
    EXPECT_EQ(dir.names(), std::set<std::string>{"r.md"});
  }
  EXPECT_EQ(refused, 1) << "fix never saw the write, in 10 tries";
}

TEST(FixRace, AChangeAtAnyMomentIsNeverLost) {
  const auto took = fixedBigReport().took;
  int refused = 0;
  for (double at : {0.0, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 1.1}) {
    for (bool inPlace : {true, false}) {
      TempDir dir, elsewhere;
      const fs::path file = dir / "r.md";
      writeBytes(file, bigReport());
      StartedFix run;
      ASSERT_NO_FATAL_FAILURE(startFix(run, file));
      std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(took * at));
      if (inPlace) {
        writeBytes(file, kMeetingNote);
      } else {  // as editors save: a new file renamed over the old
        writeBytes(elsewhere / "new.md", kMeetingNote);
        fs::rename(elsewhere / "new.md", file);
      }
      std::optional<int> status = waitProcess(run.pid, 60s);
      const std::string err = readBytes(run.io / "stderr");
      SCOPED_TRACE(testing::Message() << "written at " << at << " of " << took.count() << " ms"
                                      << (inPlace ? " in place" : " by rename"));
      // 0: fix read the new text (nothing to fix); 1: it had finished; 2: it saw the change.
      ASSERT_TRUE(status == 0 || status == 1 || status == 2) << err;
      if (status == 2) {
        EXPECT_EQ(err, "nianbao: " + file.string() + kChangedMessage);
        ++refused;
      }
      EXPECT_EQ(readBytes(file), kMeetingNote);
      EXPECT_EQ(dir.names(), std::set<std::string>{"r.md"});
    }
  }
  EXPECT_GT(refused, 0) << "no write landed while fix was working: the report is too small to test this";
}

// Same size, same times, other bytes: only the comparison of the contents sees it.
TEST(AtomicWrite, SameStatButOtherBytesIsAChange) {
  TempDir dir;
  const fs::path file = dir / "r.md";
  writeBytes(file, "abc\n");
  nianbao::cli::ReadResult read = nianbao::cli::readReport(file, {.allowPipe = false, .keepBytes = true});
  ASSERT_TRUE(read.text) << read.error;
  ASSERT_EQ(read.snapshot.bytes, "abc\n");
  for (auto kind : {nianbao::cli::TempKind::Unnamed, nianbao::cli::TempKind::Named}) {
    nianbao::cli::FileSnapshot other = read.snapshot;
    other.bytes[0] = 'x';
    std::string error;
    EXPECT_EQ(nianbao::cli::writeAtomically(file, "new\n", &other, error, kind),
              nianbao::cli::WriteOutcome::Changed);
    EXPECT_EQ(readBytes(file), "abc\n");
    EXPECT_EQ(dir.names(), std::set<std::string>{"r.md"});
  }
  std::string error;
  EXPECT_EQ(nianbao::cli::writeAtomically(file, "new\n", &read.snapshot, error),
            nianbao::cli::WriteOutcome::Written)
      << error;
  EXPECT_EQ(readBytes(file), "new\n");
  // Now another inode: what was read is gone, though nobody else wrote.
  EXPECT_EQ(nianbao::cli::writeAtomically(file, "newer\n", &read.snapshot, error),
            nianbao::cli::WriteOutcome::Changed);
  EXPECT_EQ(readBytes(file), "new\n");
}

// ---------------------------------------------------------------------------
// 7. fix killed at any moment: the file is the old one or the fixed one, and
// nothing else is left (the temporary file has no name until the rename).

void killAtEveryMoment(int sig) {
  const FixedBig& fixed = fixedBigReport();
  bool sawOriginal = false, sawFixed = false;
  // Fractions of the time a whole run takes; -1: as soon as it writes
  // anything, which is the new file (its output comes after), so the kill
  // lands while the temporary file is being written.
  for (double at : {0.0, 0.1, 0.3, 0.5, 0.7, 0.85, 0.95, 1.0, 1.05, 3.0, -1.0}) {
    TempDir dir;
    const fs::path file = dir / "r.md";
    writeBytes(file, bigReport());
    StartedFix run;
    ASSERT_NO_FATAL_FAILURE(startFix(run, file));
    if (at >= 0) {
      std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(fixed.took * at));
    } else {
      for (auto deadline = std::chrono::steady_clock::now() + 30s;
           ioCount(run.pid, "wchar:") == 0 && std::chrono::steady_clock::now() < deadline;)
        ;
    }
    kill(run.pid, sig);  // after it ended, a zombie: no effect
    std::optional<int> status = waitProcess(run.pid, 60s);
    SCOPED_TRACE(testing::Message() << "signal " << sig << " at " << at << " of " << fixed.took.count() << " ms");
    ASSERT_TRUE(status == 1 || status == 128 + sig) << readBytes(run.io / "stderr");
    const std::string after = readBytes(file);
    sawOriginal = sawOriginal || after == bigReport();
    sawFixed = sawFixed || after == fixed.text;
    EXPECT_TRUE(after == bigReport() || after == fixed.text)
        << "neither the original nor the fixed text: " << describeBytes(after, bigReport(), fixed.text);
    EXPECT_EQ(dir.names(), std::set<std::string>{"r.md"});
  }
  EXPECT_TRUE(sawOriginal);
  EXPECT_TRUE(sawFixed);
}

TEST(FixKilled, SigkillLeavesTheOriginalOrTheFixedFileAndNothingElse) { killAtEveryMoment(SIGKILL); }

TEST(FixKilled, SigtermLeavesTheOriginalOrTheFixedFileAndNothingElse) { killAtEveryMoment(SIGTERM); }

// The fallback for file systems without O_TMPFILE: a named temporary file.
TEST(AtomicWrite, NamedFallbackKeepsPermissionsAndLeavesNothing) {
  TempDir dir;
  const fs::path file = dir / "r.md";
  writeBytes(file, "old\n");
  const fs::perms mode = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read;
  fs::permissions(file, mode, fs::perm_options::replace);
  std::string error;
  EXPECT_EQ(nianbao::cli::writeAtomically(file, "new\n", nullptr, error, nianbao::cli::TempKind::Named),
            nianbao::cli::WriteOutcome::Written)
      << error;
  EXPECT_EQ(readBytes(file), "new\n");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, mode);
  EXPECT_EQ(dir.names(), std::set<std::string>{"r.md"});
}

// With a named temporary file, SIGTERM while it exists removes it.
TEST(AtomicWrite, NamedTemporaryIsRemovedOnSigterm) {
  TempDir dir;
  const fs::path file = dir / "r.md";
  writeBytes(file, "old\n");
  const std::string bytes(64u << 20, 'x');  // long enough to write that it can be caught
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string error;
    nianbao::cli::writeAtomically(file, bytes, nullptr, error, nianbao::cli::TempKind::Named);
    _exit(0);
  }
  bool seen = false;
  for (auto deadline = std::chrono::steady_clock::now() + 30s; !seen && std::chrono::steady_clock::now() < deadline;) {
    seen = dir.names().size() > 1;
    if (waitpid(pid, nullptr, WNOHANG) == pid) break;
  }
  if (seen) kill(pid, SIGTERM);
  std::optional<int> status = waitProcess(pid, 30s);
  ASSERT_TRUE(seen) << "the temporary file was never seen; the write ended first";
  EXPECT_EQ(status, 128 + SIGTERM);
  EXPECT_EQ(readBytes(file), "old\n");
  EXPECT_EQ(dir.names(), std::set<std::string>{"r.md"});
}

}  // namespace
