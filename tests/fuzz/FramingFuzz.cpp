// libFuzzer target: a byte stream into the language server, as a client (or
// a broken pipe) might send it: framed in pieces of any size, then handed to
// the server message by message. Nothing may crash, and afterwards the server
// must still answer a well-formed request.

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include "Framing.h"
#include "LspServer.h"
#include "templates/BuiltinTemplates.h"

namespace {

class Sink : public nianbao::lsp::MessageSink {
 public:
  void send(std::string body) override {
    std::lock_guard lock(mutex_);
    bodies_.push_back(std::move(body));
  }
  bool answered(const std::string& id) {
    std::lock_guard lock(mutex_);
    for (const auto& b : bodies_)
      if (b.find("\"id\":\"" + id + "\"") != std::string::npos) return true;
    return false;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> bodies_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  boost::asio::io_context io(1);
  Sink sink;
  nianbao::lsp::ServerConfig config;
  config.analysisThreads = 1;
  auto server = std::make_unique<nianbao::lsp::LspServer>(io, sink, nianbao::governmentInformationDisclosure2021(), config);
  bool exited = false;  // an "exit" in the stream ends the service, rightly
  server->onExit = [&](int) { exited = true; };
  nianbao::lsp::MessageReader reader(1u << 20);
  // Whatever the bytes are, an initialize comes first half the time, so the
  // fuzzer reaches the methods behind the lifecycle check.
  if (input.ConsumeBool())
    server->receive(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})");
  while (input.remaining_bytes() > 0) {
    std::string piece = input.ConsumeRandomLengthString(512);
    reader.feed(piece);
    while (auto event = reader.next())
      if (event->kind == nianbao::lsp::FramedEvent::Kind::Message) server->receive(std::move(event->body));
    io.restart();  // a poll that ran out of work leaves the context stopped
    io.poll();
  }
  // Still serving: a request gets its answer (an error after shutdown or
  // before initialize is an answer too; only exit stops answers).
  server->receive(R"({"jsonrpc":"2.0","id":"probe","method":"textDocument/hover","params":{}})");
  for (int i = 0; i < 1000 && !sink.answered("probe") && !exited; ++i) {
    io.restart();
    io.run_for(std::chrono::milliseconds(1));
  }
  if (!sink.answered("probe") && !exited) std::abort();  // it stopped serving
  server.reset();
  return 0;
}
