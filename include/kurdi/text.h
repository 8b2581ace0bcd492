// kurdi text core: UTF-8 decoding with a replacement policy, code point classes, and offset maps.
//
// Every stage works on UTF-8 bytes. Invalid input never crashes and never throws on the hot path:
// under the default policy each maximal ill-formed subsequence (Unicode 15, §3.9, "U+FFFD
// substitution of maximal subparts") becomes one U+FFFD; under the strict policy the caller gets an
// Error naming the byte offset. NUL bytes are valid UTF-8 and pass through unchanged.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/result.h"

namespace kurdi {

enum class Utf8Policy {
  kReplace,  // default: each bad sequence -> U+FFFD, counted
  kStrict,   // reject the input with an Error at the first bad byte
};

namespace utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// The whole decoder, out of line; decode() calls it for what it does not decode inline (three- and
// four-byte sequences, ill-formed input).
char32_t decode_rest(const char* s, size_t n, size_t i, int& len);

// Decodes the code point starting at s[i] (i < n). Sets `len` to the bytes consumed (>= 1).
// Ill-formed input yields kReplacement and consumes the maximal ill-formed subpart. ASCII and
// two-byte characters (all of Sorani's Arabic-script letters) are decoded inline.
inline char32_t decode(const char* s, size_t n, size_t i, int& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
    const auto t = static_cast<unsigned char>(s[i + 1]);
    if ((t & 0xC0) == 0x80) {
      len = 2;
      return static_cast<char32_t>((c & 0x1F) << 6 | (t & 0x3F));
    }
  }
  return decode_rest(s, n, i, len);
}
inline char32_t decode(std::string_view s, size_t i, int& len) { return decode(s.data(), s.size(), i, len); }

// Appends the UTF-8 encoding of cp (surrogates and out-of-range values become U+FFFD).
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// Byte offset of the first ill-formed sequence, or npos when `s` is valid UTF-8.
size_t find_invalid(std::string_view s);
inline bool is_valid(std::string_view s) { return find_invalid(s) == std::string_view::npos; }

// Copy of `s` with every ill-formed sequence replaced by U+FFFD; `replaced` counts them.
std::string sanitize(std::string_view s, size_t* replaced = nullptr);

// Strict-policy check: an Error naming the offset of the first bad byte, or success.
Status check(std::string_view s, Utf8Policy policy, size_t base_offset = 0);

// Number of code points (ill-formed subparts count as one each).
size_t length(std::string_view s);

// True when byte offset `i` of `s` is at a code point boundary (or == s.size()).
inline bool is_boundary(std::string_view s, size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// Decodes the whole string (with replacement) into code points.
std::u32string to_u32(std::string_view s);
std::string from_u32(std::u32string_view s);

}  // namespace utf8

// Code point classes shared by every stage (derived from Unicode data; see src/text/chars.cc).
namespace chars {

bool is_arabic_letter(char32_t c);     // letters of the Arabic blocks, including Kurdish ones
bool has_arabic_letter(std::string_view utf8_text);  // any is_arabic_letter code point in the text
bool is_latin_letter(char32_t c);      // Basic Latin + Latin-1 + Latin Extended-A/B letters
bool is_letter(char32_t c);            // any letter of the scripts we handle (+ Greek, Cyrillic ...)
bool is_arabic_mark(char32_t c);       // harakat and other combining marks of the Arabic blocks
bool is_mark(char32_t c);              // combining marks (Mn/Mc/Me) incl. variation selectors, ZWJ
bool is_digit(char32_t c);             // ASCII, Arabic-Indic, Extended Arabic-Indic digits
int digit_value(char32_t c);           // 0-9 or -1
bool is_space(char32_t c);             // Unicode White_Space (incl. NBSP and odd spaces)
bool is_format_control(char32_t c);    // bidi and other Cf controls (LRM, RLM, ZWNBSP ...), not ZWNJ/ZWJ
bool is_joining(char32_t c);           // an Arabic letter that joins to the following letter (dual-joining)
bool is_emoji(char32_t c);             // Extended_Pictographic (approximation by blocks)
inline constexpr char32_t kZwnj = 0x200C;
inline constexpr char32_t kZwj = 0x200D;

}  // namespace chars

// Maps byte offsets of a transformed text back to the text it came from.
//
// A transformation copies most bytes and rewrites a few spans. The map stores only the rewritten
// spans (edits), in order; everything between two edits is a copy of equal length. Offsets are
// monotone: output offset o maps to input offset to_input(o), and to_input(o1) <= to_input(o2)
// whenever o1 <= o2. A byte inside a rewritten span maps to the start of the span (start bias) or its
// end (end bias): use kStart for the start of an annotation and kEnd for its exclusive end.
class OffsetMap {
 public:
  enum class Bias { kStart, kEnd };
  struct Edit {
    uint32_t in_begin, in_end, out_begin, out_end;
  };

  OffsetMap() = default;
  // Identity over n bytes.
  explicit OffsetMap(size_t n) : in_size_(n), out_size_(n) {}

  // Record that input [in_begin, in_end) became output [out_begin, out_end). Calls come in order.
  // Adjacent edits merge.
  void add_edit(size_t in_begin, size_t in_end, size_t out_begin, size_t out_end);
  // Close the map once the transformation is done.
  void finish(size_t in_size, size_t out_size) { in_size_ = in_size; out_size_ = out_size; }

  size_t to_input(size_t out_offset, Bias bias = Bias::kStart) const;
  size_t input_size() const { return in_size_; }
  size_t output_size() const { return out_size_; }
  const std::vector<Edit>& edits() const { return edits_; }
  bool identity() const { return edits_.empty(); }

  void clear() { edits_.clear(); in_size_ = out_size_ = 0; }
  // Drops every edit after the first `count` (a transformation taking back output it wrote).
  void truncate(size_t count) {
    if (count < edits_.size()) edits_.resize(count);
  }

  // The map of `second(first(x))`: output offsets of `second` to input offsets of `first`'s input.
  static OffsetMap compose(const OffsetMap& first, const OffsetMap& second);

 private:
  std::vector<Edit> edits_;
  size_t in_size_ = 0, out_size_ = 0;
};

}  // namespace kurdi
