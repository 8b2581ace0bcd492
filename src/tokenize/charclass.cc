#include "tokenize/charclass.h"

#include <array>

namespace kurdi::tok {
namespace {

struct Range {
  char32_t lo, hi;
};

// Punctuation (general category P*), restricted to what Sorani, Arabic, Persian and Latin text use.
// '#' and '@' are here too: they start hashtags and mentions only when a word follows.
constexpr Range kPunct[] = {
    {'!', '#'}, {'%', '*'}, {',', '/'}, {':', ';'}, {'?', '@'}, {'[', ']'}, {'_', '_'}, {'{', '{'},
    {'}', '}'}, {0x00A1, 0x00A1}, {0x00A7, 0x00A7}, {0x00AB, 0x00AB}, {0x00B6, 0x00B7},
    {0x00BB, 0x00BB}, {0x00BF, 0x00BF}, {0x060C, 0x060D}, {0x061B, 0x061B}, {0x061D, 0x061F},
    {0x066A, 0x066D}, {0x06D4, 0x06D4}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x2E00, 0x2E4F},
    {0x3001, 0x3003}, {0x3008, 0x3011}, {0xFD3E, 0xFD3F}, {0xFE10, 0xFE19}, {0xFE30, 0xFE52},
    {0xFE54, 0xFE61}, {0xFE63, 0xFE63}, {0xFE68, 0xFE68}, {0xFE6A, 0xFE6B}, {0xFF01, 0xFF03},
    {0xFF05, 0xFF0A}, {0xFF0C, 0xFF0F}, {0xFF1A, 0xFF1B}, {0xFF1F, 0xFF20},
};

struct Table {
  std::array<uint8_t, 0x10000> cls{};
  Table() {
    for (char32_t c = 0; c < 0x10000; ++c) cls[c] = base(c);
    for (const Range& r : kPunct)
      for (char32_t c = r.lo; c <= r.hi; ++c)
        if (cls[c] == kSym) cls[c] = kPun;
  }
  static uint8_t base(char32_t c) {
    if (chars::is_space(c)) return kSp;
    if (c == chars::kZwnj) return kZwnj;
    if (c >= 0xD800 && c <= 0xDFFF) return kBad;
    if (c == 0xFFFD) return kBad;
    if (chars::is_format_control(c) || c < 0x20 || (c >= 0x7F && c <= 0x9F)) return kFmt;
    if (chars::is_mark(c)) return kMark;
    if (chars::is_digit(c)) return kDig;
    if (chars::is_arabic_letter(c)) return kAr;
    if (chars::is_latin_letter(c)) return kLat;
    if (chars::is_letter(c)) return kOthL;
    if (chars::is_emoji(c)) return kEmo;
    return kSym;
  }
};

}  // namespace

const uint8_t* class_table() {
  static const Table t;
  return t.cls.data();
}

}  // namespace kurdi::tok
