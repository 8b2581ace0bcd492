// Words of running text for the one-word-per-line commands that also take text (lemmatize, stem,
// analyze; and the same operations of `kurdi serve`): blank-separated chunks, with the punctuation
// before and after a word kept out of it ("کرد،" is the word کرد and a comma).
#pragma once
#include <string>
#include <string_view>

#include "kurdi/text.h"

namespace kurdi::cli {

// [begin, end) of the word inside a blank-free chunk: the chunk without the leading and trailing
// characters that are neither letters, digits, marks nor joiners. Empty (begin == end) when the
// chunk is all punctuation.
inline void word_core(std::string_view chunk, size_t& begin, size_t& end) {
  auto wordish = [](char32_t c) {
    return chars::is_letter(c) || chars::is_digit(c) || chars::is_mark(c) || c == chars::kZwnj ||
           c == chars::kZwj || c == 0xFFFD;
  };
  begin = 0;
  while (begin < chunk.size()) {
    int len = 1;
    char32_t c = utf8::decode(chunk, begin, len);
    if (wordish(c)) break;
    begin += static_cast<size_t>(len);
  }
  end = chunk.size();
  while (end > begin) {
    size_t p = end - 1;
    while (p > begin && (static_cast<unsigned char>(chunk[p]) & 0xC0) == 0x80) --p;
    int len = 1;
    char32_t c = utf8::decode(chunk, p, len);
    if (wordish(c)) break;
    end = p;
  }
}

// Calls f(begin, end, chunk_begin, chunk_end) for each blank-separated chunk of `line`: [begin, end)
// is its word (see word_core; begin == end for punctuation alone), all byte offsets into `line`.
template <class F>
void for_word_spans(std::string_view line, F&& f) {
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    size_t b, e;
    word_core(line.substr(i, j - i), b, e);
    f(i + b, i + e, i, j);
    i = j;
  }
}

// Calls f(word, out) for each word of `line` (see word_core); the punctuation around a word and one
// space between chunks are copied to `out`, so the output keeps the line's shape. A chunk of
// punctuation alone is copied as it is.
template <class F>
void for_words(std::string_view line, std::string& out, F&& f) {
  bool first = true;
  for_word_spans(line, [&](size_t b, size_t e, size_t cb, size_t ce) {
    if (!first) out += ' ';
    first = false;
    out.append(line.substr(cb, b - cb));
    if (e > b) f(line.substr(b, e - b), out);
    out.append(line.substr(e, ce - e));
  });
}

}  // namespace kurdi::cli
