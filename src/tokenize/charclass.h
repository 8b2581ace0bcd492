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

// Class and length of the code point at s[i] (i < n), returned by value so hot loops keep them in
// registers. ASCII and two-byte sequences are decoded inline.
struct ClsLen {
  Cls cls;
  int len;
};
inline ClsLen cls_len(const uint8_t* table, const char* str, size_t n, size_t i) {
  const auto* s = reinterpret_cast<const unsigned char*>(str);
  unsigned b = s[i];
  if (b < 0x80) return {static_cast<Cls>(table[b]), 1};
  if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80)
    return {static_cast<Cls>(table[((b & 0x1F) << 6) | (s[i + 1] & 0x3F)]), 2};
  if (b >= 0xE0 && b <= 0xEF && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
    char32_t c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) return {static_cast<Cls>(table[c]), 3};
  }
  int len;
  char32_t c = utf8::decode(str, n, i, len);
  return {classify(table, c), len};
}

}  // namespace kurdi::tok
