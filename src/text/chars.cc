// Code point classes. A 64 KiB flag table covers the BMP (built once, at first use); the few
// astral ranges we care about are checked directly. Ranges follow Unicode 15 general categories and
// ArabicShaping.txt joining types, restricted to the scripts this project meets in real text.
#include <array>
#include <cstdint>

#include "kurdi/text.h"

namespace kurdi::chars {
namespace {

enum : uint16_t {
  kArabicLetter = 1 << 0,
  kLatinLetter = 1 << 1,
  kOtherLetter = 1 << 2,
  kArabicMark = 1 << 3,
  kMark = 1 << 4,
  kDigit = 1 << 5,
  kSpace = 1 << 6,
  kFormat = 1 << 7,
  kJoining = 1 << 8,
  kEmoji = 1 << 9,
};

struct Range {
  char32_t lo, hi;
  uint16_t flags;
};

constexpr Range kRanges[] = {
    // Latin letters
    {'A', 'Z', kLatinLetter}, {'a', 'z', kLatinLetter}, {0x00AA, 0x00AA, kLatinLetter},
    {0x00BA, 0x00BA, kLatinLetter}, {0x00C0, 0x00D6, kLatinLetter}, {0x00D8, 0x00F6, kLatinLetter},
    {0x00F8, 0x024F, kLatinLetter}, {0x0250, 0x02AF, kLatinLetter}, {0x1E00, 0x1EFF, kLatinLetter},
    {0x2C60, 0x2C7F, kLatinLetter}, {0xA720, 0xA7FF, kLatinLetter}, {0xFF21, 0xFF3A, kLatinLetter},
    {0xFF41, 0xFF5A, kLatinLetter},
    // Other scripts' letters (approximate blocks)
    {0x0370, 0x03FF, kOtherLetter}, {0x0400, 0x052F, kOtherLetter}, {0x0531, 0x0587, kOtherLetter},
    {0x05D0, 0x05F2, kOtherLetter}, {0x0710, 0x072F, kOtherLetter}, {0x074D, 0x074F, kOtherLetter},
    {0x0780, 0x07A5, kOtherLetter}, {0x0904, 0x0939, kOtherLetter}, {0x0958, 0x0961, kOtherLetter},
    {0x0980, 0x0DFF, kOtherLetter}, {0x0E01, 0x0E30, kOtherLetter}, {0x0E40, 0x0E46, kOtherLetter},
    {0x10A0, 0x10FF, kOtherLetter}, {0x1100, 0x11FF, kOtherLetter}, {0x3041, 0x30FF, kOtherLetter},
    {0x3400, 0x4DBF, kOtherLetter}, {0x4E00, 0x9FFF, kOtherLetter}, {0xAC00, 0xD7A3, kOtherLetter},
    {0xF900, 0xFAFF, kOtherLetter},
    // Arabic letters
    {0x0620, 0x063F, kArabicLetter}, {0x0641, 0x064A, kArabicLetter}, {0x066E, 0x066F, kArabicLetter},
    {0x0671, 0x06D3, kArabicLetter}, {0x06D5, 0x06D5, kArabicLetter}, {0x06EE, 0x06EF, kArabicLetter},
    {0x06FA, 0x06FC, kArabicLetter}, {0x06FF, 0x06FF, kArabicLetter}, {0x0750, 0x077F, kArabicLetter},
    {0x08A0, 0x08C9, kArabicLetter}, {0xFB50, 0xFBB1, kArabicLetter}, {0xFBD3, 0xFD3D, kArabicLetter},
    {0xFD50, 0xFDC7, kArabicLetter}, {0xFDF0, 0xFDFB, kArabicLetter}, {0xFE70, 0xFEFC, kArabicLetter},
    // Tatweel behaves as a letter inside words (it is removed by the normalizer).
    {0x0640, 0x0640, kArabicLetter | kJoining},
    // Arabic marks (harakat, Quranic marks, small v/inverted-v used in Kurdish)
    {0x0610, 0x061A, kArabicMark | kMark}, {0x064B, 0x065F, kArabicMark | kMark},
    {0x0670, 0x0670, kArabicMark | kMark}, {0x06D6, 0x06DC, kArabicMark | kMark},
    {0x06DF, 0x06E4, kArabicMark | kMark}, {0x06E7, 0x06E8, kArabicMark | kMark},
    {0x06EA, 0x06ED, kArabicMark | kMark}, {0x08CA, 0x08FF, kArabicMark | kMark},
    // Other combining marks
    {0x0300, 0x036F, kMark}, {0x0483, 0x0489, kMark}, {0x0591, 0x05BD, kMark}, {0x05BF, 0x05C7, kMark},
    {0x0900, 0x0903, kMark}, {0x093A, 0x094F, kMark}, {0x0E31, 0x0E31, kMark}, {0x0E34, 0x0E3A, kMark},
    {0x0E47, 0x0E4E, kMark}, {0x1AB0, 0x1AFF, kMark}, {0x1DC0, 0x1DFF, kMark}, {0x20D0, 0x20FF, kMark},
    {0xFE00, 0xFE0F, kMark}, {0xFE20, 0xFE2F, kMark}, {0x200D, 0x200D, kMark},
    // Digits
    {'0', '9', kDigit}, {0x0660, 0x0669, kDigit}, {0x06F0, 0x06F9, kDigit},
    // White space
    {0x0009, 0x000D, kSpace}, {0x0020, 0x0020, kSpace}, {0x0085, 0x0085, kSpace}, {0x00A0, 0x00A0, kSpace},
    {0x1680, 0x1680, kSpace}, {0x2000, 0x200A, kSpace}, {0x2028, 0x2029, kSpace}, {0x202F, 0x202F, kSpace},
    {0x205F, 0x205F, kSpace}, {0x3000, 0x3000, kSpace},
    // Format controls with no meaning for Sorani text (ZWNJ and ZWJ are handled separately)
    {0x00AD, 0x00AD, kFormat}, {0x061C, 0x061C, kFormat}, {0x180E, 0x180E, kFormat},
    {0x200B, 0x200B, kFormat}, {0x200E, 0x200F, kFormat}, {0x202A, 0x202E, kFormat},
    {0x2060, 0x2064, kFormat}, {0x2066, 0x206F, kFormat}, {0xFEFF, 0xFEFF, kFormat},
    // Emoji and pictographs in the BMP
    {0x00A9, 0x00A9, kEmoji}, {0x00AE, 0x00AE, kEmoji}, {0x203C, 0x203C, kEmoji}, {0x2049, 0x2049, kEmoji},
    {0x2122, 0x2122, kEmoji}, {0x2139, 0x2139, kEmoji}, {0x2194, 0x21AA, kEmoji}, {0x231A, 0x23FF, kEmoji},
    {0x24C2, 0x24C2, kEmoji}, {0x25AA, 0x25FE, kEmoji}, {0x2600, 0x27BF, kEmoji}, {0x2934, 0x2935, kEmoji},
    {0x2B05, 0x2B55, kEmoji}, {0x3030, 0x3030, kEmoji}, {0x303D, 0x303D, kEmoji}, {0x3297, 0x3299, kEmoji},
};

// Dual-joining Arabic letters (ArabicShaping.txt type D), the ones that connect to a following letter.
constexpr Range kDualJoining[] = {
    {0x0626, 0x0626, kJoining}, {0x0628, 0x0628, kJoining}, {0x062A, 0x062E, kJoining},
    {0x0633, 0x063F, kJoining}, {0x0641, 0x0647, kJoining}, {0x0649, 0x064A, kJoining},
    {0x066E, 0x066F, kJoining}, {0x0678, 0x0687, kJoining}, {0x069A, 0x06BF, kJoining},
    {0x06C1, 0x06C2, kJoining}, {0x06CC, 0x06CC, kJoining}, {0x06CE, 0x06CE, kJoining},
    {0x06D0, 0x06D1, kJoining}, {0x06FA, 0x06FC, kJoining}, {0x06FF, 0x06FF, kJoining},
    {0x0750, 0x0756, kJoining}, {0x075C, 0x076A, kJoining}, {0x076D, 0x0770, kJoining},
    {0x0772, 0x0772, kJoining}, {0x0775, 0x0777, kJoining}, {0x077A, 0x077F, kJoining},
};

struct Table {
  std::array<uint16_t, 0x10000> bmp{};
  Table() {
    for (const Range& r : kRanges)
      for (char32_t c = r.lo; c <= r.hi && c < 0x10000; ++c) bmp[c] |= r.flags;
    for (const Range& r : kDualJoining)
      for (char32_t c = r.lo; c <= r.hi; ++c) bmp[c] |= r.flags;
  }
};

const Table& table() {
  static const Table t;
  return t;
}

uint16_t flags(char32_t c) {
  if (c < 0x10000) return table().bmp[c];
  if (c >= 0x1F000 && c <= 0x1FAFF) {
    if (c >= 0x1F3FB && c <= 0x1F3FF) return kMark | kEmoji;  // skin-tone modifiers extend a cluster
    return kEmoji;
  }
  if (c >= 0xE0020 && c <= 0xE007F) return kMark;   // tag characters (flag sequences)
  if (c >= 0xE0100 && c <= 0xE01EF) return kMark;   // variation selectors supplement
  if (c >= 0x20000 && c <= 0x3134F) return kOtherLetter;
  if (c >= 0x1D400 && c <= 0x1D7FF) return kLatinLetter;
  if (c >= 0x10000 && c <= 0x1FFFF) return kOtherLetter;
  return 0;
}

}  // namespace

bool is_arabic_letter(char32_t c) { return flags(c) & kArabicLetter; }
bool has_arabic_letter(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    if (is_arabic_letter(utf8::decode(s, i, len))) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}
bool is_latin_letter(char32_t c) { return flags(c) & kLatinLetter; }
bool is_letter(char32_t c) { return flags(c) & (kArabicLetter | kLatinLetter | kOtherLetter); }
bool is_arabic_mark(char32_t c) { return flags(c) & kArabicMark; }
bool is_mark(char32_t c) { return flags(c) & kMark; }
bool is_digit(char32_t c) { return flags(c) & kDigit; }
int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  return -1;
}
bool is_space(char32_t c) { return flags(c) & kSpace; }
bool is_format_control(char32_t c) { return flags(c) & kFormat; }
bool is_joining(char32_t c) { return flags(c) & kJoining; }
bool is_emoji(char32_t c) { return flags(c) & kEmoji; }

}  // namespace kurdi::chars
