#include <algorithm>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kurdi/text.h"

namespace kurdi {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidUtf8: return "invalid UTF-8";
    case ErrorCode::kBadOption: return "bad option";
    case ErrorCode::kIo: return "I/O error";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kInternal: return "internal error";
  }
  return "error";
}

std::string Error::to_string() const {
  std::string s = message;
  if (offset != static_cast<size_t>(-1) && s.find("offset") == std::string::npos) {
    s += " (at byte offset " + std::to_string(offset) + ")";
  }
  return s;
}

namespace utf8 {

// Unicode Table 3-7 (well-formed byte sequences). Returns the code point, or kReplacement with `len`
// set to the length of the maximal subpart (>= 1).
char32_t decode_rest(const char* str, size_t n, size_t i, int& len) {
  const auto* s = reinterpret_cast<const unsigned char*>(str);
  unsigned c = s[i];
  if (c < 0x80) { len = 1; return c; }
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) {
    if (cont(1)) { len = 2; return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F); }
    len = 1; return kReplacement;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi)) { len = 1; return kReplacement; }
    if (!cont(2)) { len = 2; return kReplacement; }
    len = 3;
    return ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi)) { len = 1; return kReplacement; }
    if (!cont(2)) { len = 2; return kReplacement; }
    if (!cont(3)) { len = 3; return kReplacement; }
    len = 4;
    return ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
  }
  len = 1;
  return kReplacement;
}

void append(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string s;
  append(s, cp);
  return s;
}

namespace {

// One character of find_invalid() at byte i (not ASCII-only fast-pathed): its length, or 0 when
// the bytes at i are not well formed.
inline size_t valid_char_len(const unsigned char* s, size_t n, size_t i) {
  const unsigned b = s[i];
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) return 2;  // always well formed
  if (b >= 0xE0 && b <= 0xEF && i + 2 < n && (s[i + 2] & 0xC0) == 0x80) {  // three bytes (ZWNJ, quotes ...)
    const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;  // no overlong, no surrogate
    if (s[i + 1] >= lo && s[i + 1] <= hi) return 3;
  }
  int len;
  char32_t cp = decode(reinterpret_cast<const char*>(s), n, i, len);
  if (cp == kReplacement && !(len == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)) return 0;
  return static_cast<size_t>(len);
}

}  // namespace

size_t find_invalid(std::string_view str) {
  const auto* s = reinterpret_cast<const unsigned char*>(str.data());
  size_t i = 0, n = str.size();
  while (i < n) {
#if defined(__SSE2__)
    // 16 bytes at a time while they are ASCII, two-byte sequences (Arabic script, Latin-1 ...) and
    // three-byte sequences with a lead E1..EC, EE, EF (ZWNJ E2 80 8C inside Sorani words; E0 and ED
    // restrict their second byte and go the slow way): every byte is ASCII, a lead or a continuation,
    // and the continuations are exactly the bytes after the leads. (Signed compares: ASCII >= 0,
    // continuations < -64, two-byte leads in -62..-33, those three-byte leads in -31..-17 but -19.)
    const __m128i k_cont = _mm_set1_epi8(-64), k_lead_lo = _mm_set1_epi8(-63), k_lead_hi = _mm_set1_epi8(-32);
    const __m128i k_l3_hi = _mm_set1_epi8(-16), k_ed = _mm_set1_epi8(-19);
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (high == 0) {
        i += 16;
        continue;
      }
      const unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, k_cont)));
      const unsigned lead = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, k_lead_lo), _mm_cmplt_epi8(v, k_lead_hi))));
      if ((cont | lead) != high || cont != ((lead << 1) & 0xFFFFu)) {
        // not only ASCII and two-byte characters: three-byte ones too? (looked at only here, so
        // that blocks without them cost what they did)
        const unsigned l3 = static_cast<unsigned>(_mm_movemask_epi8(
                                _mm_and_si128(_mm_cmpgt_epi8(v, k_lead_hi), _mm_cmplt_epi8(v, k_l3_hi)))) &
                            ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, k_ed)));
        const unsigned expect = ((lead << 1) | (l3 << 1) | (l3 << 2)) & 0xFFFFu;
        if ((cont | lead | l3) != high || cont != expect) {
          // The bytes before the character holding the first byte that breaks the pattern (a
          // longer sequence, a stray or missing continuation) are whole characters: step over
          // them, then one character at a time below.
          const unsigned bad = ((cont | lead | l3) ^ high) | (cont ^ expect);
          unsigned p = static_cast<unsigned>(__builtin_ctz(bad));
          if (p > 0 && ((lead | l3) >> (p - 1) & 1u)) --p;  // its lead starts the character looked at
          else if (p > 1 && (l3 >> (p - 2) & 1u)) p -= 2;
          i += p;
          break;
        }
        if (l3 & 0xC000u) {  // a three-byte character runs into the next block: from its lead below
          i += (l3 & 0x8000u) ? 15 : 14;
          break;
        }
      }
      if (lead & 0x8000u) {  // a lead in the last byte: its continuation is the next block's first byte
        if (i + 16 >= n || (s[i + 16] & 0xC0) != 0x80) break;
        i += 17;
      } else {
        i += 16;
      }
    }
    // The character that broke the block (or the tail): character by character, then blocks again.
    const size_t stop = std::min(n, i + (i + 16 <= n ? 1 : 16));
    while (i < stop) {
      const size_t len = valid_char_len(s, n, i);
      if (len == 0) return i;
      i += len;
    }
#else
    const size_t len = valid_char_len(s, n, i);
    if (len == 0) return i;
    i += len;
#endif
  }
  return std::string_view::npos;
}

std::string sanitize(std::string_view s, size_t* replaced) {
  size_t bad = find_invalid(s);
  if (replaced) *replaced = 0;
  if (bad == std::string_view::npos) return std::string(s);
  std::string out(s.substr(0, bad));
  size_t i = bad, n = s.size();
  while (i < n) {
    int len;
    char32_t cp = decode(s.data(), n, i, len);
    if (cp == kReplacement && !(len == 3 && s.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
      if (replaced) ++*replaced;
      append(out, kReplacement);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

Status check(std::string_view s, Utf8Policy policy, size_t base_offset) {
  if (policy == Utf8Policy::kReplace) return {};
  size_t bad = find_invalid(s);
  if (bad == std::string_view::npos) return {};
  return Error{ErrorCode::kInvalidUtf8,
               "invalid UTF-8 at byte offset " + std::to_string(base_offset + bad), base_offset + bad};
}

size_t length(std::string_view s) {
  size_t i = 0, n = 0;
  while (i < s.size()) {
    int len;
    decode(s.data(), s.size(), i, len);
    i += len;
    ++n;
  }
  return n;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int len;
    out.push_back(decode(s.data(), s.size(), i, len));
    i += len;
  }
  return out;
}

std::string from_u32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) append(out, c);
  return out;
}

}  // namespace utf8
}  // namespace kurdi
