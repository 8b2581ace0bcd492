// Naive UTF-8 decoder used only by tests, as the oracle for src/text/utf8.cc. Written for clarity,
// straight from Unicode Table 3-7, one byte at a time.
#pragma once
#include <string>

namespace kurdi_ref {

// Length of the maximal well-formed prefix starting at i (0 if the first byte is not a valid lead),
// and the length of the full sequence if valid (returned via `full`).
inline int valid_len(const std::string& s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) -> int { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1; };
  int c = b(0);
  if (c < 0x80) { cp = static_cast<char32_t>(c); return 1; }
  struct Row { int lo, hi; int n; int r1lo, r1hi; };
  static const Row rows[] = {{0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
                             {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
                             {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F}};
  for (const Row& r : rows) {
    if (c < r.lo || c > r.hi) continue;
    int got = 1;
    for (int k = 1; k < r.n; ++k) {
      int x = b(k);
      int lo = k == 1 ? r.r1lo : 0x80, hi = k == 1 ? r.r1hi : 0xBF;
      if (x < lo || x > hi) return -got;  // negative: ill-formed after `got` bytes
      ++got;
    }
    char32_t v = static_cast<char32_t>(c & (r.n == 2 ? 0x1F : r.n == 3 ? 0x0F : 0x07));
    for (int k = 1; k < r.n; ++k) v = (v << 6) | (b(k) & 0x3F);
    cp = v;
    return r.n;
  }
  return -1;
}

inline std::u32string decode_all(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int n = valid_len(s, i, cp);
    if (n > 0) { out.push_back(cp); i += static_cast<size_t>(n); }
    else { out.push_back(0xFFFD); i += static_cast<size_t>(-n); }
  }
  return out;
}

inline size_t find_invalid(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int n = valid_len(s, i, cp);
    if (n < 0) return i;
    i += static_cast<size_t>(n);
  }
  return std::string::npos;
}

}  // namespace kurdi_ref
