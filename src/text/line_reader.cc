#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "kurdi/io.h"

namespace kurdi {

// The buffer starts at 128 KiB (what `cat` reads at a time: the window stays in the L2 cache and
// few pages are faulted in) and grows (up to max_piece + 64 KiB) only for a line that does not fit.
LineReader::LineReader(int fd, size_t max_piece) : fd_(fd), max_piece_(max_piece < 64 ? 64 : max_piece) {
  buf_.resize(std::min<size_t>(max_piece_ + (1u << 16), 1u << 17));
}

bool LineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buf_.size()) {
    const size_t cap = max_piece_ + (1u << 16);
    if (buf_.size() >= cap) return false;
    buf_.resize(std::min(cap, buf_.size() * 2));
  }
  for (;;) {
    ssize_t n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) { error_ = true; eof_ = true; return false; }
    if (n == 0) { eof_ = true; return false; }
    end_ += static_cast<size_t>(n);
    return true;
  }
}

bool LineReader::next(Piece& p) {
  size_t scan_from = begin_;
  for (;;) {
    const char* base = buf_.data() + begin_;
    size_t avail = end_ - begin_;
    size_t limit = avail < max_piece_ + 1 ? avail : max_piece_ + 1;
    const void* nl = std::memchr(buf_.data() + scan_from, '\n', begin_ + limit - scan_from);
    if (nl) {
      size_t len = static_cast<const char*>(nl) - base;
      p.crlf = len > 0 && base[len - 1] == '\r';
      p.text = std::string_view(base, p.crlf ? len - 1 : len);
      p.end_of_line = true;
      p.had_newline = true;
      p.offset = consumed_;
      begin_ += len + 1;
      consumed_ += len + 1;
      return true;
    }
    if (avail > max_piece_) {
      // Too long: emit a piece, cut after the last blank in its last quarter, else at a UTF-8 boundary.
      size_t cut = max_piece_;
      for (size_t i = max_piece_; i > max_piece_ - max_piece_ / 4; --i) {
        if (base[i - 1] == ' ' || base[i - 1] == '\t') { cut = i; break; }
      }
      if (cut == max_piece_) {
        while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
        if (cut == 0) cut = max_piece_;
      }
      p.text = std::string_view(base, cut);
      p.end_of_line = false;
      p.had_newline = false;
      p.crlf = false;
      p.offset = consumed_;
      begin_ += cut;
      consumed_ += cut;
      return true;
    }
    scan_from = end_;
    size_t old_begin = begin_;
    if (!fill()) {
      if (end_ == begin_) return false;
      // Last line without a newline.
      base = buf_.data() + begin_;
      size_t len = end_ - begin_;
      p.crlf = false;
      p.text = std::string_view(base, len);
      p.end_of_line = true;
      p.had_newline = false;
      p.offset = consumed_;
      begin_ = end_;
      consumed_ += len;
      return true;
    }
    scan_from -= old_begin - begin_;  // fill() moved the window to the front
  }
}

}  // namespace kurdi
