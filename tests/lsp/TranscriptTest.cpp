// Transcripts of JSON-RPC sessions replayed against the real `nianbao server`
// over pipes, the way an editor talks to it. Each file in transcripts/ is a
// readable script:
//
//   # a comment
//   --> {"jsonrpc": "2.0", ...}      send this message (may run over several lines)
//   --> raw "Content-Length: x\r\n"  send these bytes as they are (a JSON string)
//   --> bytes "{\"a\":\"\u00e9\"}"     send this message body, framed, each character a byte
//                                    (U+00E9 is the byte 0xE9): JSON that is not UTF-8
//   <-- {"id": 1, "result": {...}}   wait for the next message containing this
//   --> close                        close the server's stdin
//   exit 0                           the server ends with this code
//   stderr: some words               the server's log contains them (checked at the end)
//   include bad-input/_begin.lsp     the steps of that transcript, here
//
// Files whose names start with "_" are only included, never run alone.
// "<--" patterns match a message when every member they name is there with
// the same value (objects recursively; arrays element by element, same
// length); the string "*" matches anything. Messages in between (logs) are
// passed over. In "-->" messages a string "@text:PATH" becomes the contents
// of PATH (relative to the repository), "@crlf:PATH" the same with CRLF line
// breaks.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "Framing.h"
#include "ServerProcess.h"

extern char** environ;

namespace nianbao::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void substitute(json& j) {
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    if (s.rfind("@text:", 0) == 0) {
      j = readAll(fs::path(NIANBAO_SOURCE_DIR) / s.substr(6));
    } else if (s.rfind("@crlf:", 0) == 0) {
      std::string crlf;
      for (char c : readAll(fs::path(NIANBAO_SOURCE_DIR) / s.substr(6))) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
      j = crlf;
    }
  } else if (j.is_structured()) {
    for (auto& child : j) substitute(child);
  }
}

// Each character of UTF-8 `text` below U+0100 as one byte.
std::string latin1Bytes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < text.size()) {
      out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F));
    } else {
      throw std::runtime_error("--> bytes takes characters below U+0100 only");
    }
  }
  return out;
}

struct Step {
  enum class Kind { Send, SendRaw, SendBytes, Expect, Close, Exit, Stderr } kind;
  std::string text;
  int line;
};

std::vector<Step> parseTranscript(const std::string& source, int depth = 0) {
  std::vector<Step> steps;
  std::istringstream in(source);
  std::string line;
  int number = 0;
  auto startsWith = [](const std::string& s, const char* p) { return s.rfind(p, 0) == 0; };
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (startsWith(line, "include ")) {
      if (depth > 4) throw std::runtime_error("line " + std::to_string(number) + ": includes nest too deep");
      for (Step step : parseTranscript(readAll(fs::path(NIANBAO_TRANSCRIPTS) / line.substr(8)), depth + 1)) {
        step.line = number;  // a failure points at the include
        steps.push_back(std::move(step));
      }
    } else if (startsWith(line, "--> close")) steps.push_back({Step::Kind::Close, "", number});
    else if (startsWith(line, "--> raw ")) steps.push_back({Step::Kind::SendRaw, line.substr(8), number});
    else if (startsWith(line, "--> bytes ")) steps.push_back({Step::Kind::SendBytes, line.substr(10), number});
    else if (startsWith(line, "--> ")) steps.push_back({Step::Kind::Send, line.substr(4), number});
    else if (startsWith(line, "<-- ")) steps.push_back({Step::Kind::Expect, line.substr(4), number});
    else if (startsWith(line, "exit ")) steps.push_back({Step::Kind::Exit, line.substr(5), number});
    else if (startsWith(line, "stderr: ")) steps.push_back({Step::Kind::Stderr, line.substr(8), number});
    else if (!steps.empty() && (steps.back().kind == Step::Kind::Send || steps.back().kind == Step::Kind::Expect))
      steps.back().text += "\n" + line;  // a message continued over lines
    else
      throw std::runtime_error("line " + std::to_string(number) + ": not a transcript step: " + line);
  }
  return steps;
}

class Transcript : public ::testing::TestWithParam<std::string> {};

TEST_P(Transcript, Replays) {
  fs::path file = fs::path(NIANBAO_TRANSCRIPTS) / GetParam();
  std::vector<Step> steps = parseTranscript(readAll(file));
  std::string flat = GetParam();
  std::replace(flat.begin(), flat.end(), '/', '-');
  fs::path log = fs::temp_directory_path() / ("nianbao-transcript-" + std::to_string(getpid()) + "-" + flat + ".stderr");
  std::vector<std::string> stderrWanted;
  bool exited = false;
  {
    ServerProcess server(log);
    for (const auto& step : steps) {
      SCOPED_TRACE(GetParam() + ":" + std::to_string(step.line));
      switch (step.kind) {
        case Step::Kind::Send: {
          json message = json::parse(step.text);
          substitute(message);
          server.write(lsp::frameMessage(message.dump()));
          break;
        }
        case Step::Kind::SendRaw: server.write(json::parse(step.text).get<std::string>()); break;
        case Step::Kind::SendBytes:
          server.write(lsp::frameMessage(latin1Bytes(json::parse(step.text).get<std::string>())));
          break;
        case Step::Kind::Expect: {
          std::string seen;
          auto got = server.expect(json::parse(step.text), &seen);
          ASSERT_TRUE(got) << "no message matched\n  " << step.text << "\nreceived instead:\n" << seen;
          break;
        }
        case Step::Kind::Close: server.closeInput(); break;
        case Step::Kind::Exit: {
          auto code = server.waitForExit();
          ASSERT_TRUE(code) << "the server did not exit";
          EXPECT_EQ(*code, std::stoi(step.text));
          exited = true;
          break;
        }
        case Step::Kind::Stderr: stderrWanted.push_back(step.text); break;
      }
    }
  }
  EXPECT_TRUE(exited) << "a transcript should end with the server's exit code";
  std::string errors = readAll(log);
  for (const auto& want : stderrWanted) EXPECT_NE(errors.find(want), std::string::npos) << "stderr lacks: " << want << "\n" << errors;
  fs::remove(log);
}

// `--listen`: one client over TCP, the same protocol; the chosen port is
// printed on stderr.
TEST(Listen, ServesOneClientOverTcp) {
  fs::path log = fs::temp_directory_path() / ("nianbao-listen-" + std::to_string(getpid()) + ".stderr");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  const char* argv[] = {NIANBAO_BINARY, "server", "--listen", "127.0.0.1:0", nullptr};
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, NIANBAO_BINARY, &actions, nullptr, const_cast<char**>(argv), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  int port = 0;
  for (int i = 0; i < 200 && !port; ++i) {
    std::string err = readAll(log);
    auto at = err.find("listening on 127.0.0.1:");
    if (at != std::string::npos && err.find('\n', at) != std::string::npos)
      port = std::stoi(err.substr(at + std::string("listening on 127.0.0.1:").size()));
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GT(port, 0) << readAll(log);
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  auto sendMessage = [&](const json& m) {
    std::string framed = lsp::frameMessage(m.dump());
    ASSERT_EQ(::write(sock, framed.data(), framed.size()), static_cast<ssize_t>(framed.size()));
  };
  lsp::MessageReader reader;
  auto receive = [&]() -> json {
    char buffer[65536];
    for (;;) {
      if (auto e = reader.next()) return json::parse(e->body);
      ssize_t n = read(sock, buffer, sizeof buffer);
      if (n <= 0) return nullptr;
      reader.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
  };
  sendMessage({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}});
  json init = receive();
  EXPECT_EQ(init["result"]["serverInfo"]["name"], "nianbao") << init.dump();
  sendMessage({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
  EXPECT_TRUE(receive()["result"].is_null());
  sendMessage({{"jsonrpc", "2.0"}, {"method", "exit"}});
  int status = 0;
  waitpid(pid, &status, 0);
  close(sock);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << readAll(log);
  fs::remove(log);
}

TEST(Listen, ABadAddressIsAUsageError) {
  fs::path log = fs::temp_directory_path() / ("nianbao-listen-bad-" + std::to_string(getpid()) + ".stderr");
  for (const char* bad : {"localhost", "127.0.0.1:99999", "not-an-ip:80"}) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const char* argv[] = {NIANBAO_BINARY, "server", "--listen", bad, nullptr};
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, NIANBAO_BINARY, &actions, nullptr, const_cast<char**>(argv), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2) << bad;
    EXPECT_NE(readAll(log).find("--listen"), std::string::npos) << bad << ": " << readAll(log);
  }
  fs::remove(log);
}

std::vector<std::string> transcripts() {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(NIANBAO_TRANSCRIPTS))
    if (e.path().extension() == ".lsp" && e.path().filename().string()[0] != '_')
      names.push_back(fs::relative(e.path(), NIANBAO_TRANSCRIPTS).string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Lsp, Transcript, ::testing::ValuesIn(transcripts()), [](const auto& info) {
  std::string name = info.param.substr(0, info.param.size() - 4);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

}  // namespace
}  // namespace nianbao::testing
