#include "detect/features.h"

#include <array>

namespace kurdi::lid {
namespace {

struct FoldTable {
  std::array<char32_t, 0x800> t{};
  FoldTable() {
    for (char32_t c = 0; c < 0x800; ++c) {
      char32_t f = 0;
      if (c == 0x0640) f = 1;  // tatweel
      else if (chars::is_letter(c) || chars::is_mark(c)) {
        f = c;
        if (c >= 'A' && c <= 'Z') f = c + 32;
        else if (c >= 0xC0 && c <= 0xDE && c != 0xD7) f = c + 32;
        else if (c == 0x130) f = 'i';  // İ
        else if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) f = c | 1;
        else if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) f = (c & 1) ? c + 1 : c;
      } else if (c == '\'') {
        f = 1;  // apostrophes inside Latin words (Turkish suffixes) are ignored
      }
      t[c] = f;
    }
  }
};

const FoldTable& fold_table() {
  static const FoldTable table;
  return table;
}

}  // namespace

const char32_t* const kFoldTable = fold_table().t.data();

char32_t fold_slow(char32_t c) {
  if (c == chars::kZwnj) return c;
  if (c == 0x2019) return 1;
  if (chars::is_format_control(c)) return 1;
  if (chars::is_letter(c) || chars::is_mark(c)) return c;
  return 0;
}

}  // namespace kurdi::lid
