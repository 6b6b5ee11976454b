#include "Framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace nianbao::lsp {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The end of the header block: the blank line after the headers. Clients
// send CRLF; a lone LF is accepted too (hand-written transcripts). Only the
// first bytes are searched: a long body arriving piece by piece must not be
// scanned again with every piece.
std::size_t headerEnd(const std::string& buffer, std::size_t* separatorLength) {
  std::string_view head = std::string_view(buffer).substr(0, kMaxHeaderBytes + 4);
  std::size_t crlf = head.find("\r\n\r\n");
  std::size_t lf = head.find("\n\n");
  if (crlf != std::string::npos && (lf == std::string::npos || crlf < lf)) {
    *separatorLength = 4;
    return crlf;
  }
  *separatorLength = 2;
  return lf;
}

}  // namespace

std::optional<FramedEvent> MessageReader::error(std::string what) {
  FramedEvent e;
  e.kind = FramedEvent::Kind::Error;
  e.error = std::move(what);
  return e;
}

bool MessageReader::resynchronise(std::size_t from) {
  std::string l = lower(buffer_);
  std::size_t at = l.find("content-length:", from);
  if (at == std::string::npos) {
    // Keep only a tail that could be the start of a header split across reads.
    static constexpr std::string_view kHeader = "content-length:";
    std::size_t keep = std::min(kHeader.size() - 1, l.size());
    while (keep > 0 && std::string_view(l).substr(l.size() - keep) != kHeader.substr(0, keep)) --keep;
    buffer_.erase(0, buffer_.size() - keep);
    return false;
  }
  buffer_.erase(0, at);
  return true;
}

std::optional<FramedEvent> MessageReader::next() {
  if (skipping_ > 0) {
    std::size_t drop = std::min(skipping_, buffer_.size());
    buffer_.erase(0, drop);
    skipping_ -= drop;
    if (skipping_ > 0) return std::nullopt;
  }
  // Stray line breaks between messages are harmless.
  std::size_t start = buffer_.find_first_not_of("\r\n");
  if (start == std::string::npos) {
    buffer_.clear();
    return std::nullopt;
  }
  buffer_.erase(0, start);

  std::size_t separator = 0;
  std::size_t end = headerEnd(buffer_, &separator);
  if (end == std::string::npos) {
    if (buffer_.size() > kMaxHeaderBytes) {
      resynchronise(1);  // what starts the buffer is not a usable header
      return error("a header block longer than " + std::to_string(kMaxHeaderBytes) + " bytes; skipped");
    }
    return std::nullopt;
  }
  std::string_view headers(buffer_.data(), end);
  std::optional<std::size_t> length;
  std::string problem;
  std::size_t lineStart = 0;
  while (lineStart <= headers.size()) {
    std::size_t lineEnd = headers.find('\n', lineStart);
    if (lineEnd == std::string_view::npos) lineEnd = headers.size();
    std::string_view line = trim(headers.substr(lineStart, lineEnd - lineStart));
    lineStart = lineEnd + 1;
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "a header line without a colon: \"" + std::string(line.substr(0, 80)) + "\"";
      continue;
    }
    std::string name = lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-length") {
      std::size_t n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || ptr != value.data() + value.size()) {
        problem = "Content-Length is not a number: \"" + std::string(value.substr(0, 40)) + "\"";
        continue;
      }
      length = n;
    }
    // Content-Type and unknown headers are ignored: the body is UTF-8 JSON.
  }
  if (!length) {
    buffer_.erase(0, end + separator);
    resynchronise(0);
    return error(problem.empty() ? "a message without Content-Length; skipped" : problem + "; message skipped");
  }
  if (*length > maxBody_) {
    buffer_.erase(0, end + separator);
    skipping_ = *length;
    std::size_t drop = std::min(skipping_, buffer_.size());
    buffer_.erase(0, drop);
    skipping_ -= drop;
    return error("a message of " + std::to_string(*length) + " bytes is over the limit of " +
                 std::to_string(maxBody_) + " bytes; skipped");
  }
  if (buffer_.size() < end + separator + *length) return std::nullopt;
  FramedEvent message;
  message.body = buffer_.substr(end + separator, *length);
  buffer_.erase(0, end + separator + *length);
  return message;
}

std::string frameMessage(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

}  // namespace nianbao::lsp
