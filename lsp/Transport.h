#pragma once
// Moving framed messages over a pair of file descriptors (stdin/stdout, or a
// TCP socket). Reading is a dedicated thread doing blocking reads, because
// epoll refuses regular files and tests pipe transcripts from files; writing
// is a second thread owning a queue, so writes never interleave and nothing
// that sends ever waits on a slow client.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "Framing.h"

namespace nianbao::lsp {

// Where the server's outgoing messages go. send() is safe from any thread.
class MessageSink {
 public:
  virtual ~MessageSink() = default;
  virtual void send(std::string body) = 0;
};

class FdTransport : public MessageSink {
 public:
  struct Handlers {
    std::function<void(std::string body)> onMessage;     // a whole JSON body
    std::function<void(std::string error)> onBadFrame;   // a framing error, for the log
    std::function<void(std::string warning)> onFrameWarning;  // an odd header on a message still read
    std::function<void()> onClosed;                      // end of input (or a read error)
  };

  FdTransport(int inFd, int outFd, std::size_t maxBody = kDefaultMaxBody);
  ~FdTransport() override;

  // Starts both threads. Handlers run on the reader thread, in input order.
  void start(Handlers handlers);
  void send(std::string body) override;
  // Writes what is queued, then stops; after it no handler is called again.
  void close();

 private:
  struct ReaderState;
  void writeLoop();

  int outFd_;
  std::shared_ptr<ReaderState> reader_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> queue_;
  bool closing_ = false;
  bool broken_ = false;  // the peer went away: drop what is sent
  std::thread writer_;
};

}  // namespace nianbao::lsp
