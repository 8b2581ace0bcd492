// Character classes of the tokenizer and the sentence splitter, and a fast decoder for the hot loop.
//
// A 64 KiB class table covers the BMP (built once from kurdi::chars plus the punctuation ranges
// below); astral code points are classified directly. The decoder handles ASCII and two-byte
// sequences inline (almost all Sorani text) and falls back to utf8::decode for the rest.
#pragma once
#include <cstddef>
#include <cstdint>

#include "kurdi/text.h"

namespace kurdi::tok {

enum Cls : uint8_t {
  kSp,     // white space: a gap
  kFmt,    // bidi/format controls and C0/C1 controls: a gap
  kAr,     // Arabic-script letter (incl. tatweel)
  kLat,    // Latin letter
  kOthL,   // letter of another script
  kMark,   // grapheme extender: combining marks, ZWJ, variation selectors, emoji modifiers
  kZwnj,   // U+200C: joins the parts of a word
  kDig,    // ASCII, Arabic-Indic, Extended Arabic-Indic digit
  kPun,    // punctuation
  kSym,    // symbol and anything unclassified
  kEmo,    // emoji (Extended_Pictographic, regional indicators)
  kBad,    // U+FFFD (also what invalid UTF-8 decodes to)
};

const uint8_t* class_table();  // 0x10000 entries

inline Cls classify(const uint8_t* table, char32_t c) {
  if (c < 0x10000) return static_cast<Cls>(table[c]);
  if (chars::is_mark(c)) return kMark;
  if (chars::is_emoji(c)) return kEmo;
  if (chars::is_latin_letter(c)) return kLat;
  if (chars::is_letter(c)) return kOthL;
  return kSym;
}

// Decodes the code point at s[i] (i < n); `len` gets its length (>= 1).
inline char32_t decode_fast(const char* s, size_t n, size_t i, int& len) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) { len = 1; return b; }
  if (b >= 0xC2 && b <= 0xDF && i + 1 < n) {
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) { len = 2; return (static_cast<char32_t>(b & 0x1F) << 6) | (b1 & 0x3F); }
  }
  return utf8::decode(s, n, i, len);
}

}  // namespace kurdi::tok
