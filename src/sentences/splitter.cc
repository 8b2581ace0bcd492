// The sentence splitter. A byte scan finds the few interesting bytes (terminators, quotes, brackets)
// and records them as events; quotation marks and brackets are then paired (unpaired ones are
// ignored), and the terminator events are judged with bounded lookaround. Linear in the input.
#include <algorithm>
#include <array>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kurdi/sentences.h"
#include "kurdi/text.h"
#include "kurdi/tokenize.h"

namespace kurdi {
namespace {

enum class Ev : uint8_t { kTerm, kQuote, kOpen, kClose };

struct Event {
  uint32_t pos;
  uint32_t end;   // end of the terminator run / of the quote character
  Ev kind;
  uint8_t group;  // bracket family: 0 « », 1 “ ”, 2 ( ), 3 [ ]
  int8_t delta = 0;  // after pairing: +1 opens a pair, -1 closes one, 0 unpaired
};

// Bytes that can start something interesting. 0x9F / 0x94 are the second bytes of ؟ (D8 9F) and
// ۔ (DB 94); 0xC2 starts « », 0xE2 starts “ ” … ‘ ’.
struct ByteTable {
  std::array<bool, 256> hot{};
  ByteTable() {
    for (unsigned char c : {'.', '!', '?', '"', '(', ')', '[', ']'}) hot[c] = true;
    hot[0xC2] = hot[0xE2] = hot[0x9F] = hot[0x94] = true;
  }
};
const ByteTable kBytes;

// Index of the next byte at or after i that kBytes marks hot (n when none). SSE2: 16 bytes per step.
inline size_t next_hot(const char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), quest = _mm_set1_epi8('?'),
                quote = _mm_set1_epi8('"'), lp = _mm_set1_epi8('('), rp = _mm_set1_epi8(')'),
                lb = _mm_set1_epi8('['), rb = _mm_set1_epi8(']'), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2)), x9f = _mm_set1_epi8(static_cast<char>(0x9F)),
                x94 = _mm_set1_epi8(static_cast<char>(0x94));
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quest), _mm_cmpeq_epi8(v, quote))),
        _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lp), _mm_cmpeq_epi8(v, rp)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, lb), _mm_cmpeq_epi8(v, rb))),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, x9f), _mm_cmpeq_epi8(v, x94)))));
    int mask = _mm_movemask_epi8(m);
    if (mask) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < n && !kBytes.hot[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

inline unsigned char at(std::string_view s, size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

// Length of the terminator at i (0 when none): . ! ? ؟ … ۔
size_t terminator_len(std::string_view s, size_t i) {
  unsigned char c = at(s, i);
  if (c == '.' || c == '!' || c == '?') return 1;
  if (c == 0xD8 && at(s, i + 1) == 0x9F) return 2;
  if (c == 0xDB && at(s, i + 1) == 0x94) return 2;
  if (c == 0xE2 && at(s, i + 1) == 0x80 && at(s, i + 2) == 0xA6) return 3;
  return 0;
}

// White space at i: its length, or 0.
size_t space_len(std::string_view s, size_t i) {
  unsigned char c = at(s, i);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0x80 || i >= s.size()) return 0;
  int len;
  char32_t cp = utf8::decode(s, i, len);
  return chars::is_space(cp) ? static_cast<size_t>(len) : 0;
}

bool is_digit_at(std::string_view s, size_t i, int& len) {
  if (i >= s.size()) return false;
  char32_t cp = utf8::decode(s, i, len);
  return chars::is_digit(cp);
}

}  // namespace

struct SentenceSplitter::Impl {
  SentenceOptions options;
};

SentenceSplitter::SentenceSplitter() : SentenceSplitter(SentenceOptions{}) {}
SentenceSplitter::SentenceSplitter(const SentenceOptions& options) : impl_(std::make_unique<Impl>(Impl{options})) {
  is_abbreviation("");  // build the table now, not on the first call
}
SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;
const SentenceOptions& SentenceSplitter::options() const { return impl_->options; }

std::vector<SentenceSpan> SentenceSplitter::split(std::string_view paragraph) const {
  std::vector<SentenceSpan> out;
  split(paragraph, out);
  return out;
}

namespace {

bool arabic_initial(char32_t cp) {
  if (!((cp >= 0x0628 && cp <= 0x064A) || (cp >= 0x0679 && cp <= 0x06D3))) return false;
  switch (cp) {
    case 0x0648: case 0x06C6: case 0x06D5: case 0x0646: case 0x0645: case 0x062A: case 0x06CC:
    case 0x064A: case 0x0649: case 0x06CE: case 0x0634: case 0x0640:
      return false;  // و ۆ ە ن م ت ی ي ى ێ ش, and the tatweel
    default:
      return true;
  }
}

// The word just before byte `p` (back to white space, at most 24 bytes), plus the terminator.
bool abbreviation_before(std::string_view s, size_t p, size_t term_end) {
  size_t b = p;
  while (b > 0 && p - b < 24 && space_len(s, b - 1) == 0 && at(s, b - 1) != '(' && at(s, b - 1) != '"') --b;
  if (b == p) return false;
  std::string_view word = s.substr(b, term_end - b);
  if (is_abbreviation(word)) return true;
  // A Latin initial: "J. K. Rowling".
  if (p - b == 1 && at(s, b) >= 'A' && at(s, b) <= 'Z') return true;
  // An Arabic-script initial: "ئارسەر س. کلارک". Not the letters that are words or clitics written
  // apart and can end a sentence: و "and", the copulas and person clitics ە ن م ت ی, ش "also".
  int len;
  char32_t cp = utf8::decode(s, b, len);
  if (b + static_cast<size_t>(len) == p && arabic_initial(cp)) return true;
  return false;
}

// "1." / "٢." at the start of the paragraph: a list number, not a sentence. So is a single letter,
// Latin or Arabic-script ("a. ", "ب. ", "أ. "): lists lettered in either alphabet.
bool list_number_before(std::string_view s, size_t start, size_t p) {
  size_t i = start;
  size_t digits = 0;
  int len;
  while (i < p && is_digit_at(s, i, len)) { i += static_cast<size_t>(len); ++digits; }
  if (digits > 0) return digits <= 3 && i == p;
  if (start >= p) return false;
  char32_t cp = utf8::decode(s, start, len);
  if (start + static_cast<size_t>(len) != p) return false;
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0x0621 && cp <= 0x064A) ||
         (cp >= 0x0671 && cp <= 0x06D5);
}

// A terminator alone between brackets, "(؟)" "(!)" "[...]": the mark named in running text or an
// omission in a quotation, never the end of a sentence.
bool bracketed_mark(std::string_view s, size_t pos, size_t end) {
  unsigned char b = pos > 0 ? static_cast<unsigned char>(s[pos - 1]) : 0;
  unsigned char a = at(s, end);
  return (b == '(' && a == ')') || (b == '[' && a == ']');
}

}  // namespace

void SentenceSplitter::split(std::string_view s, std::vector<SentenceSpan>& out, size_t base) const {
  const SentenceOptions& o = impl_->options;
  const size_t n = s.size();
  thread_local std::vector<Event> ev;  // reused: no allocation per paragraph
  ev.clear();
  // 1. Scan.
  for (size_t i = 0; i < n; ++i) {
    i = next_hot(s.data(), i, n);
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t start = i;
    if (c == 0x9F || c == 0x94) {  // second byte of ؟ / ۔ (or of something else: skip it)
      if (i == 0 || terminator_len(s, i - 1) != 2) continue;
      start = i - 1;
    }
    size_t tl = terminator_len(s, start);
    if (tl) {
      size_t e = start + tl;
      while (size_t more = terminator_len(s, e)) e += more;
      ev.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e), Ev::kTerm, 0});
      i = std::max(i, e - 1);  // always forward
      continue;
    }
    if (c == '"') { ev.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), Ev::kQuote, 0}); continue; }
    if (c == '(' || c == '[') { ev.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), Ev::kOpen, uint8_t(c == '(' ? 2 : 3)}); continue; }
    if (c == ')' || c == ']') { ev.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), Ev::kClose, uint8_t(c == ')' ? 2 : 3)}); continue; }
    if (c == 0xC2 && (at(s, i + 1) == 0xAB || at(s, i + 1) == 0xBB)) {
      ev.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2), at(s, i + 1) == 0xAB ? Ev::kOpen : Ev::kClose, 0});
      ++i;
      continue;
    }
    if (c == 0xE2 && at(s, i + 1) == 0x80 && (at(s, i + 2) == 0x9C || at(s, i + 2) == 0x9D)) {
      ev.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3), at(s, i + 2) == 0x9C ? Ev::kOpen : Ev::kClose, 1});
      i += 2;
      continue;
    }
  }
  // 2. Pair quotes and brackets (unpaired ones stay neutral).
  if (o.quotes) {
    int last_quote = -1;
    std::vector<int> stack;
    for (size_t k = 0; k < ev.size(); ++k) {
      Event& e = ev[k];
      if (e.kind == Ev::kQuote) {
        if (last_quote < 0) {
          last_quote = static_cast<int>(k);
        } else {
          ev[static_cast<size_t>(last_quote)].delta = 1;
          e.delta = -1;
          last_quote = -1;
        }
      } else if (e.kind == Ev::kOpen) {
        stack.push_back(static_cast<int>(k));
      } else if (e.kind == Ev::kClose) {
        // Match the nearest open bracket of the same family; brackets opened inside it stay unpaired.
        for (size_t j = stack.size(); j-- > 0;) {
          if (ev[static_cast<size_t>(stack[j])].group == e.group) {
            ev[static_cast<size_t>(stack[j])].delta = 1;
            e.delta = -1;
            stack.resize(j);
            break;
          }
        }
      }
    }
  }
  // 3. Judge terminators.
  size_t sent_start = 0;
  int depth = 0;
  auto emit = [&](size_t b, size_t e) {
    while (b < e) { size_t l = space_len(s, b); if (!l) break; b += l; }
    while (e > b) {
      // The code point that ends at e: back up over at most 3 continuation bytes, and accept it
      // only when it decodes to exactly [k, e) (an ill-formed tail is not white space).
      size_t k = e - 1;
      while (k > b && e - k < 4 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
      size_t l = space_len(s, k);
      if (!l || k + l != e) break;
      e = k;
    }
    if (e > b) out.push_back({static_cast<uint32_t>(base + b), static_cast<uint32_t>(base + e)});
  };
  auto first_nonspace = [&](size_t b) {
    while (b < n) { size_t l = space_len(s, b); if (!l) break; b += l; }
    return b;
  };
  for (size_t k = 0; k < ev.size(); ++k) {
    const Event& e = ev[k];
    if (e.kind != Ev::kTerm) { depth += e.delta; continue; }
    if (e.pos < sent_start) continue;
    if (bracketed_mark(s, e.pos, e.end)) continue;
    // Closing quotes/brackets right after the terminator (possibly after blanks) belong to it.
    size_t r = e.end;
    size_t kk = k + 1;
    int d = depth;
    for (;;) {
      size_t q = first_nonspace(r);
      if (kk < ev.size() && ev[kk].pos == q && ev[kk].delta < 0 && (q == r || d > 0)) {
        d += ev[kk].delta;
        r = ev[kk].end;
        ++kk;
        continue;
      }
      // unpaired closing marks directly after the terminator (’ ' » ” without an opener)
      if (kk < ev.size() && ev[kk].pos == r && ev[kk].kind != Ev::kTerm && ev[kk].kind != Ev::kOpen && ev[kk].delta == 0) {
        r = ev[kk].end;
        ++kk;
        continue;
      }
      break;
    }
    // Must be followed by white space or the end of the paragraph.
    if (r < n && !space_len(s, r)) continue;
    if (o.quotes && d > 0) continue;
    size_t run = e.end - e.pos;
    bool single_dot = run == 1 && at(s, e.pos) == '.';
    bool ellipsis = (run >= 2 && at(s, e.pos) == '.' && at(s, e.pos + 1) == '.') ||
                    (run == 3 && at(s, e.pos) == 0xE2);
    size_t next = first_nonspace(r);
    if (next >= n) break;  // the paragraph's last sentence: emitted below
    if (ellipsis && !o.ellipsis_ends) continue;
    if (single_dot) {
      if (abbreviation_before(s, e.pos, e.end)) continue;
      if (o.list_items && list_number_before(s, first_nonspace(sent_start), e.pos)) continue;
    }
    emit(sent_start, r);
    sent_start = r;
    // Skip the events consumed as closers.
    for (size_t j = k + 1; j < kk; ++j) depth += ev[j].delta;
    k = kk - 1;
  }
  emit(sent_start, n);
}

}  // namespace kurdi
