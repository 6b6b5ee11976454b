#include "Transport.h"

#include <cerrno>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace nianbao::lsp {

// The reader thread is detached: a blocking read() cannot be interrupted
// portably, so at exit it is left behind. What it touches lives here, shared,
// and `active` (under the mutex) keeps it from calling into a server that has
// already stopped.
struct FdTransport::ReaderState {
  int fd;
  MessageReader framing;
  Handlers handlers;
  std::mutex mutex;
  bool active = true;

  ReaderState(int fd, std::size_t maxBody) : fd(fd), framing(maxBody) {}

  template <class F>
  void deliver(F&& call) {
    std::lock_guard lock(mutex);
    if (active) call();
  }
};

FdTransport::FdTransport(int inFd, int outFd, std::size_t maxBody)
    : outFd_(outFd), reader_(std::make_shared<ReaderState>(inFd, maxBody)) {}

FdTransport::~FdTransport() { close(); }

void FdTransport::start(Handlers handlers) {
  reader_->handlers = std::move(handlers);
  writer_ = std::thread([this] { writeLoop(); });
  std::thread([state = reader_] {
    char buffer[64 * 1024];
    for (;;) {
      ssize_t n = ::read(state->fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (n < 0) {
          std::string why = std::string("reading input failed: ") + std::strerror(errno);
          state->deliver([&] { state->handlers.onBadFrame(why); });
        }
        if (auto left = state->framing.unfinished()) state->deliver([&] { state->handlers.onBadFrame(*left); });
        state->deliver([&] { state->handlers.onClosed(); });
        return;
      }
      state->framing.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
      while (auto event = state->framing.next()) {
        if (event->kind == FramedEvent::Kind::Message) {
          if (!event->warning.empty() && state->handlers.onFrameWarning)
            state->deliver([&] { state->handlers.onFrameWarning(std::move(event->warning)); });
          state->deliver([&] { state->handlers.onMessage(std::move(event->body)); });
        }
        else
          state->deliver([&] { state->handlers.onBadFrame(std::move(event->error)); });
      }
    }
  }).detach();
}

void FdTransport::send(std::string body) {
  std::string framed = frameMessage(body);
  {
    std::lock_guard lock(mutex_);
    if (closing_ || broken_) return;
    queue_.push_back(std::move(framed));
  }
  wake_.notify_one();
}

void FdTransport::writeLoop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
    if (queue_.empty()) return;  // closing, and everything is written
    std::string message = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    std::size_t done = 0;
    bool failed = false;
    while (done < message.size()) {
      ssize_t n = ::write(outFd_, message.data() + done, message.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        std::cerr << "nianbao server: writing to the client failed: " << std::strerror(errno) << "\n";
        failed = true;
        break;
      }
      done += static_cast<std::size_t>(n);
    }
    lock.lock();
    if (failed) {
      broken_ = true;
      queue_.clear();
    }
  }
}

void FdTransport::close() {
  {
    std::lock_guard lock(reader_->mutex);
    reader_->active = false;
  }
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

}  // namespace nianbao::lsp
