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

constexpr std::string_view kLengthName = "content-length:";
constexpr std::size_t kMaxBlanks = 8, kMaxDigits = 24;
// The longest `Content-Length: <digits>` line the searches below recognise.
constexpr std::size_t kLongestLengthLine = kLengthName.size() + 2 * kMaxBlanks + kMaxDigits + 2;

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Where a `Content-Length: <digits>` line whose line feed is at `lf` starts,
// or npos. JSON cannot hold such a line: a line break inside a string must be
// escaped, and outside a string those words are no JSON. So it marks where a
// message starts even inside the body of another, and compact JSON, which
// has no line breaks at all, is passed over at memchr speed.
std::size_t lengthLineEndingAt(std::string_view s, std::size_t lf) {
  std::size_t k = lf;
  if (k > 0 && s[k - 1] == '\r') --k;
  auto blanksBefore = [&] {
    for (std::size_t n = 0; k > 0 && n < kMaxBlanks && isBlank(s[k - 1]); ++n) --k;
  };
  blanksBefore();
  std::size_t digitsEnd = k;
  while (k > 0 && digitsEnd - k < kMaxDigits && isDigit(s[k - 1])) --k;
  if (k == digitsEnd) return std::string::npos;
  blanksBefore();
  if (k < kLengthName.size()) return std::string::npos;
  k -= kLengthName.size();
  for (std::size_t j = 0; j < kLengthName.size(); ++j)
    if (std::tolower(static_cast<unsigned char>(s[k + j])) != kLengthName[j]) return std::string::npos;
  return k;
}

// The first length line in `s` starting at or after `from`, or npos.
std::size_t findLengthLine(std::string_view s, std::size_t from) {
  for (std::size_t lf = s.find('\n', from); lf != std::string::npos; lf = s.find('\n', lf + 1)) {
    std::size_t at = lengthLineEndingAt(s, lf);
    if (at != std::string::npos && at >= from) return at;
  }
  return std::string::npos;
}

// Where, in the last bytes of `s`, a length line may have begun that more
// bytes would complete; s.size() if nowhere.
std::size_t unfinishedLengthLine(std::string_view s) {
  for (std::size_t p = s.size() > kLongestLengthLine ? s.size() - kLongestLengthLine : 0; p < s.size(); ++p) {
    std::size_t k = p, j = 0;
    for (; j < kLengthName.size() && k < s.size(); ++j, ++k)
      if (std::tolower(static_cast<unsigned char>(s[k])) != kLengthName[j]) break;
    if (k == s.size()) return p;
    if (j < kLengthName.size()) continue;
    while (k < s.size() && (isBlank(s[k]) || isDigit(s[k]))) ++k;
    if (k == s.size() || (k + 1 == s.size() && s[k] == '\r')) return p;
  }
  return s.size();
}

}  // namespace

std::optional<FramedEvent> MessageReader::error(std::string what) {
  FramedEvent e;
  e.kind = FramedEvent::Kind::Error;
  e.error = std::move(what);
  return e;
}

bool MessageReader::resynchronise(std::size_t from) {
  std::size_t at = findLengthLine(buffer_, from);
  if (at == std::string::npos) {
    // Keep only what could be the start of a header split across reads.
    std::size_t keep = unfinishedLengthLine(std::string_view(buffer_).substr(from));
    buffer_.erase(0, from + keep);
    return false;
  }
  buffer_.erase(0, at);
  return true;
}

std::optional<FramedEvent> MessageReader::skipRefusedBody() {
  std::size_t body = std::min(skipping_, buffer_.size());
  // Search a little past the body's end, so a header straddling it is judged.
  std::string_view searched = std::string_view(buffer_).substr(0, std::min(buffer_.size(), body + kLongestLengthLine));
  std::size_t at = findLengthLine(searched, 0);
  if (at < body) {
    // The announced length was wrong (a client bug or a corrupted header):
    // read on from the header instead of swallowing the messages after it.
    std::size_t skipped = refused_ - skipping_ + at;
    buffer_.erase(0, at);
    skipping_ = 0;
    return error("the refused message ended after " + std::to_string(skipped) + " bytes, where a header starts; " +
                 "reading on from there");
  }
  if (body == skipping_) {
    buffer_.erase(0, body);
    skipping_ = 0;
    return std::nullopt;
  }
  // All that is held is body; keep a tail that may begin a header.
  std::size_t drop = std::min(body, unfinishedLengthLine(buffer_));
  buffer_.erase(0, drop);
  skipping_ -= drop;
  return std::nullopt;
}

std::optional<FramedEvent> MessageReader::next() {
  if (skipping_ > 0) {
    if (auto e = skipRefusedBody()) return e;
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
  bool tooLarge = false;
  std::string problem, warning;
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
    if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      // Most likely a body run into its header (the blank line missing).
      problem = "not a header line: \"" + std::string(line.substr(0, 80)) + "\"";
      continue;
    }
    if (name == "content-length") {
      std::size_t n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc::result_out_of_range) {
        tooLarge = true;
        continue;
      }
      if (ec != std::errc() || ptr != value.data() + value.size()) {
        problem = value.substr(0, 1) == "-"
                      ? "Content-Length is negative: \"" + std::string(value.substr(0, 40)) + "\""
                      : "Content-Length is not a number: \"" + std::string(value.substr(0, 40)) + "\"";
        continue;
      }
      // Two lengths: the last one counts, as in clangd, but say so.
      if (length) warning = "Content-Length given twice (" + std::to_string(*length) + ", then " + std::to_string(n) +
                            "); the last is used";
      length = n;
      tooLarge = false;
    }
    // Content-Type and unknown headers are ignored: the body is UTF-8 JSON.
  }
  if (!problem.empty() || (!length && !tooLarge)) {
    // The bytes after a broken header are probably its body: skip to the next
    // header line, wherever it starts (even inside this block).
    buffer_.erase(0, 1);
    resynchronise(0);
    return error(problem.empty() ? "a message without Content-Length; skipped" : problem + "; message skipped");
  }
  if (tooLarge || (length && *length > maxBody_)) {
    // Skip the body: most likely the client did send that much. If the
    // length was garbage, a header inside the "body" ends the skipping.
    buffer_.erase(0, end + separator);
    skipping_ = tooLarge ? SIZE_MAX : *length;
    refused_ = skipping_;
    return error(tooLarge ? "a Content-Length too large to represent; the message is skipped"
                          : "a message of " + std::to_string(*length) + " bytes is over the limit of " +
                                std::to_string(maxBody_) + " bytes; skipped");
  }
  // A header inside the body means the length announced was too long: the
  // message ends there. Each byte is searched once, however it arrives.
  std::size_t bodyStart = end + separator;
  std::size_t available = std::min(buffer_.size(), bodyStart + *length);
  std::size_t from = std::max(bodyStart, std::min(scannedTo_, available));
  std::string_view body = std::string_view(buffer_).substr(0, available);
  std::size_t next = findLengthLine(body, from > bodyStart + kLongestLengthLine ? from - kLongestLengthLine : bodyStart);
  if (next != std::string::npos) {
    std::string what = "a message announced as " + std::to_string(*length) + " bytes ended after " +
                       std::to_string(next - bodyStart) + ", where the next header starts; skipped";
    buffer_.erase(0, next);
    scannedTo_ = waitingHeader_ = waitingBody_ = 0;
    return error(what);
  }
  if (buffer_.size() < bodyStart + *length) {
    scannedTo_ = buffer_.size();
    waitingHeader_ = bodyStart;
    waitingBody_ = *length;
    return std::nullopt;
  }
  FramedEvent message;
  message.body = buffer_.substr(end + separator, *length);
  message.warning = std::move(warning);
  buffer_.erase(0, end + separator + *length);
  scannedTo_ = waitingHeader_ = waitingBody_ = 0;
  return message;
}

std::optional<std::string> MessageReader::unfinished() const {
  if (skipping_ > 0) return "the input ended inside a message that was being skipped";
  if (buffer_.find_first_not_of("\r\n") == std::string::npos) return std::nullopt;
  if (waitingBody_ > 0 && buffer_.size() >= waitingHeader_)
    return "the input ended inside a message: " + std::to_string(buffer_.size() - waitingHeader_) + " of the " +
           std::to_string(waitingBody_) + " bytes announced arrived";
  return "the input ended inside a message header (" + std::to_string(buffer_.size()) + " bytes)";
}

std::string frameMessage(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

}  // namespace nianbao::lsp
