// Streaming input in constant memory, for the CLI and for library users who process files.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kurdi {

// Reads a file descriptor as a sequence of line pieces. A line longer than `max_piece` bytes comes
// in several pieces, each cut after a space or tab when there is one in the last quarter of the
// piece (so word-level stages see whole words), otherwise at a UTF-8 boundary. Memory stays
// O(max_piece) whatever the input.
class LineReader {
 public:
  struct Piece {
    std::string_view text;  // without the line terminator
    bool end_of_line;       // false: the line continues in the next piece
    bool had_newline;       // the line ended with "\n" (false only for a last line without one)
    bool crlf;              // the line ended with "\r\n" ("\r" is not part of text)
    size_t offset;          // byte offset of text in the whole stream
  };

  explicit LineReader(int fd, size_t max_piece = 8u << 20);
  // Next piece; false at end of input. Read errors end the input and set error().
  bool next(Piece& piece);
  bool error() const { return error_; }

 private:
  bool fill();
  int fd_;
  size_t max_piece_;
  std::string buf_;
  size_t begin_ = 0, end_ = 0;  // unread window of buf_
  size_t consumed_ = 0;         // stream offset of buf_[begin_]
  bool eof_ = false, error_ = false;
};

}  // namespace kurdi
