#pragma once
// The LSP base protocol's framing: `Content-Length: N\r\n\r\n` then N bytes of
// JSON. The reader is fed bytes as they arrive and yields whole message
// bodies, or errors that name what was wrong; after an error it finds the
// next header, so one bad message does not end the connection.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::lsp {

inline constexpr std::size_t kDefaultMaxBody = 64u << 20;  // 64 MiB
inline constexpr std::size_t kMaxHeaderBytes = 8u << 10;   // no real header block is this long

struct FramedEvent {
  enum class Kind { Message, Error };
  Kind kind = Kind::Message;
  std::string body;     // Message: the JSON text
  std::string error;    // Error: what was wrong, for the log
  std::string warning;  // Message: something odd in its header that did not stop it, for the log
};

class MessageReader {
 public:
  explicit MessageReader(std::size_t maxBody = kDefaultMaxBody) : maxBody_(maxBody) {}

  void feed(std::string_view bytes) { buffer_.append(bytes.data(), bytes.size()); }

  // The next message or error, or nothing until more bytes are fed.
  std::optional<FramedEvent> next();

  // Bytes held that do not yet make a message (for end-of-stream reporting).
  std::size_t pending() const { return buffer_.size(); }

  // At the end of the input: what was left unfinished ("a message announced
  // as 100 bytes ended after 10"), or nothing if the input ended cleanly.
  std::optional<std::string> unfinished() const;

 private:
  std::optional<FramedEvent> error(std::string what);
  // Drops bytes up to the next Content-Length header at or after `from`.
  bool resynchronise(std::size_t from);
  // Drops the body of a refused message, unless a header turns up inside it.
  std::optional<FramedEvent> skipRefusedBody();

  std::string buffer_;
  std::size_t maxBody_;
  std::size_t skipping_ = 0;  // body bytes of a refused message still to drop
  std::size_t refused_ = 0;   // the length that message announced
  // While a body is incomplete: its header's length and the length announced.
  std::size_t waitingHeader_ = 0, waitingBody_ = 0;
  std::size_t scannedTo_ = 0;  // how far that body was searched for a header
};

// `body` framed with its Content-Length header.
std::string frameMessage(std::string_view body);

}  // namespace nianbao::lsp
