#include "normalize/convention.h"

#include <algorithm>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <charconv>
#include <cstring>
#include <cstdio>
#include <vector>

#include "text/tables.h"

KURDI_DECLARE_TABLE(normalize_convention_cues_tsv)
KURDI_DECLARE_TABLE(normalize_wordfreq_tsv)

namespace kurdi::convention {
namespace {

// Words at least this frequent in the induced list are kept as they are.
constexpr long kKeepCount = 20;
// A skeleton maps to its most frequent word only when that word is seen this often ...
constexpr long kMinTarget = 5;
// ... and this many times as often as the runner-up with the same skeleton.
constexpr long kDominance = 3;

bool is_arabic_word_char(char32_t c) {
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D5) || c == 0x200C || c == 0x200D;
}
bool is_vowel_letter(char32_t c) {
  return c == U'ا' || c == U'ە' || c == U'ێ' || c == U'ۆ' || c == U'ی' || c == U'و';
}

// The Kurdish letter a keyboard without it makes people type as `degraded`.
bool degrades_to(char32_t kurdish, char32_t degraded) {
  switch (kurdish) {
    case U'ێ': return degraded == U'ی';
    case U'ۆ': return degraded == U'و';
    case U'ڵ': return degraded == U'ل';
    case U'ڕ': return degraded == U'ر';
    case U'ڤ': return degraded == U'ف';
    case U'پ': return degraded == U'ب';
    case U'چ': return degraded == U'ج';
    case U'ژ': return degraded == U'ز';
    case U'گ': return degraded == U'ک';
    default: return false;
  }
}

// Can `target` be typed as `w` by the convention's losses only: dropping ە, writing a Kurdish
// letter as its Arabic-keyboard counterpart, writing وو/یی single? Never deletes what was typed.
// A ۆ in `w` is the character pass's reading of a typed ؤ (a repaired line has no typed ۆ:
// applies_to_input), not a Kurdish-keyboard letter: it stands for ۆ or for a plain و
// (ئؤندە -> ئەوەندە).
bool reachable(std::u32string_view w, std::u32string_view target) {
  size_t i = 0;
  for (size_t k = 0; k < target.size(); ++k) {
    char32_t t = target[k];
    if (i < w.size() && (w[i] == t || degrades_to(t, w[i]) || (w[i] == U'ۆ' && t == U'و'))) { ++i; continue; }
    if (t == U'ە') continue;
    if ((t == U'و' || t == U'ی') && k > 0 && target[k - 1] == t) continue;
    return false;
  }
  return i == w.size();
}

}  // namespace

namespace {

void skeleton_into(std::u32string_view w, std::u32string& k) {
  k.clear();
  for (char32_t c : w) {
    switch (c) {
      case U'ە': continue;
      case U'ێ': c = U'ی'; break;
      case U'ۆ': c = U'و'; break;
      case U'ڵ': c = U'ل'; break;
      case U'ڕ': c = U'ر'; break;
      case U'ڤ': c = U'ف'; break;
      case U'پ': c = U'ب'; break;
      case U'چ': c = U'ج'; break;
      case U'ژ': c = U'ز'; break;
      case U'گ': c = U'ک'; break;
      case U'ح': c = U'ه'; break;
      case U'ع': c = U'ئ'; break;
      case 0x200C: continue;
      default: break;
    }
    if (!k.empty() && k.back() == c && (c == U'و' || c == U'ی')) continue;  // وو/یی doubling
    k.push_back(c);
  }
}

}  // namespace

std::u32string Repairer::skeleton(std::u32string_view w) {
  std::u32string k;
  k.reserve(w.size());
  skeleton_into(w, k);
  return k;
}

uint32_t WordIndex::hash(std::u32string_view w) {
  uint32_t h = 2166136261u;
  for (char32_t c : w) h = (h ^ static_cast<uint32_t>(c)) * 16777619u;
  return h ^ (h >> 15);
}

void WordIndex::sync() {
  arena_p_ = arena_.data();
  off_p_ = off_.data();
  len_p_ = len_.data();
  slots_p_ = slots_.data();
  words_ = off_.size();
  nslots_ = slots_.size();
}

void WordIndex::reserve(size_t words) {
  size_t cap = 16;
  while (cap < words * 2) cap *= 2;
  off_.reserve(words);
  len_.reserve(words);
  arena_.reserve(words * 8);
  if (cap > slots_.size()) {
    slots_.assign(cap, npos);
    sync();
    for (uint32_t id = 0; id < off_.size(); ++id) {
      size_t mask = slots_.size() - 1, k = hash(word(id)) & mask;
      while (slots_[k] != npos) k = (k + 1) & mask;
      slots_[k] = id;
    }
  }
  sync();
}

void WordIndex::grow() { reserve(std::max<size_t>(off_.size() * 2, 8)); }

uint32_t WordIndex::find(std::u32string_view w) const {
  if (nslots_ == 0) return npos;
  size_t mask = nslots_ - 1;
  for (size_t k = hash(w) & mask;; k = (k + 1) & mask) {
    uint32_t id = slots_p_[k];
    if (id == npos || word(id) == w) return id;
  }
}

uint32_t WordIndex::insert(std::u32string_view w) {
  if ((off_.size() + 1) * 2 > slots_.size()) grow();
  size_t mask = slots_.size() - 1, k = hash(w) & mask;
  for (;; k = (k + 1) & mask) {
    uint32_t id = slots_[k];
    if (id == npos) break;
    if (word(id) == w) return id;
  }
  uint32_t id = static_cast<uint32_t>(off_.size());
  off_.push_back(static_cast<uint32_t>(arena_.size()));
  len_.push_back(static_cast<uint32_t>(w.size()));
  arena_.append(w);
  slots_[k] = id;
  sync();
  return id;
}

void WordIndex::adopt(const Arrays& a) {
  arena_.clear();
  off_.clear();
  len_.clear();
  slots_.clear();
  arena_p_ = a.arena;
  off_p_ = a.off;
  len_p_ = a.len;
  words_ = a.words;
  slots_p_ = a.slots;
  nslots_ = a.nslots;
}

namespace {

template <class T>
void write_array(std::string& out, const char* type, const std::string& name, const T* v, size_t n) {
  out += "const " + std::string(type) + " " + name + "[] = {";
  char buf[16];
  for (size_t k = 0; k < n; ++k) {
    if (k % 16 == 0) out += "\n";
    std::snprintf(buf, sizeof buf, "0x%x,", static_cast<unsigned>(v[k]));
    out += buf;
  }
  if (n == 0) out += "0";  // no empty arrays in C++
  out += "};\n";
}

}  // namespace

void WordIndex::write_cc(std::string& out, const std::string& name) const {
  write_array(out, "char32_t", name + "_arena", arena_p_, words_ ? off_p_[words_ - 1] + len_p_[words_ - 1] : 0);
  write_array(out, "uint32_t", name + "_off", off_p_, words_);
  write_array(out, "uint32_t", name + "_len", len_p_, words_);
  write_array(out, "uint32_t", name + "_slots", slots_p_, nslots_);
  out += "const WordIndex::Arrays " + name + "{" + name + "_arena, " + name + "_off, " + name + "_len, " +
         std::to_string(words_) + ", " + name + "_slots, " + std::to_string(nslots_) + "};\n";
}

bool WordIndex::same_words(const WordIndex& o) const {
  if (words_ != o.words_) return false;
  for (uint32_t id = 0; id < words_; ++id)
    if (word(id) != o.word(id) || find(word(id)) != id || o.find(word(id)) != id) return false;
  return true;
}

const Repairer& Repairer::shared() {
  static const Repairer r;
  return r;
}

#if defined(KURDI_CONVENTION_PREBUILT)
extern const PrebuiltTables kConventionTables;  // convention_data.cc, written by convention_gen
#endif

Repairer::Repairer() {
  load_cues();
#if defined(KURDI_CONVENTION_PREBUILT)
  vocab_.adopt(kConventionTables.vocab);
  skeletons_.adopt(kConventionTables.skeletons);
  targets_.adopt(kConventionTables.targets);
  target_p_ = kConventionTables.target;
  target_size_ = kConventionTables.target_size;
#else
  build_indexes();
#endif
}

Repairer::Repairer(FromTables) {
  load_cues();
  build_indexes();
}

Repairer Repairer::from_tables() { return Repairer(FromTables{}); }

std::string Repairer::prebuilt_source() const {
  std::string out =
      "// Written by convention_gen at build time from data/normalize/wordfreq.tsv (see convention.cc).\n"
      "#include \"normalize/convention.h\"\n\nnamespace kurdi::convention {\nnamespace {\n";
  vocab_.write_cc(out, "vocab");
  skeletons_.write_cc(out, "skeletons");
  targets_.write_cc(out, "targets");
  write_array(out, "uint32_t", "target", target_p_, target_size_);
  out += "}  // namespace\nextern const PrebuiltTables kConventionTables;\n"
         "const PrebuiltTables kConventionTables{vocab, skeletons, targets, target, " +
         std::to_string(target_size_) + "};\n}  // namespace kurdi::convention\n";
  return out;
}

bool Repairer::same_tables(const Repairer& o) const {
  return vocab_.same_words(o.vocab_) && skeletons_.same_words(o.skeletons_) && targets_.same_words(o.targets_) &&
         target_size_ == o.target_size_ && std::equal(target_p_, target_p_ + target_size_, o.target_p_);
}

void Repairer::load_cues() {
  const auto& cues = tables::normalize_convention_cues_tsv;
  int cw = cues.column("word"), ck = cues.column("kind");
  cues.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
    std::u32string w = utf8::to_u32(f[cw]);
    if (f[ck] == "ckb") kurdish_cues_.insert(w);
    else if (f[ck] == "foreign") foreign_cues_.insert(w);
    else if (f[ck] == "standalone") standalone_e_.insert(w);
    else if (f[ck] == "join") join_prefix_.insert(w);
    else if (f[ck] == "suffix") suffix_fragment_.insert(w);
  });
}

void Repairer::build_indexes() {
  const auto& wf = tables::normalize_wordfreq_tsv;
  int fw = wf.column("word"), fc = wf.column("count");
  // Per skeleton: the most frequent word (its id in targets_), its count and the runner-up's.
  struct Best { uint32_t word = WordIndex::npos; long count = 0, second = 0; };
  std::vector<Best> best;
  vocab_.reserve(wf.rows);
  skeletons_.reserve(wf.rows);
  best.reserve(wf.rows);
  std::u32string w, k;
  wf.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
    long n = 0;
    std::from_chars(f[fc].data(), f[fc].data() + f[fc].size(), n);
    w.clear();
    std::string_view text = f[fw];
    // Table text is valid UTF-8 (tablegen rejects anything else): decode without the checks.
    for (size_t i = 0; i < text.size();) {
      const unsigned b = static_cast<unsigned char>(text[i]);
      if (b < 0x80) {
        w.push_back(b);
        ++i;
      } else if (b < 0xE0 && i + 1 < text.size()) {
        w.push_back((static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F));
        i += 2;
      } else {
        int len;
        w.push_back(utf8::decode(text, i, len));
        i += static_cast<size_t>(len);
      }
    }
    if (n >= kKeepCount) vocab_.insert(w);
    skeleton_into(w, k);
    uint32_t id = skeletons_.insert(k);
    if (id == best.size()) best.emplace_back();
    Best& b = best[id];
    if (n > b.count) { b.second = b.count; b.count = n; b.word = targets_.insert(w); }
    else if (n > b.second) b.second = n;
  });
  target_.assign(best.size(), WordIndex::npos);
  for (size_t id = 0; id < best.size(); ++id) {
    const Best& b = best[id];
    if (b.count >= kMinTarget && b.count >= kDominance * b.second) target_[id] = b.word;
  }
  target_p_ = target_.data();
  target_size_ = target_.size();
}

std::u32string_view Repairer::mapped(std::u32string_view w) const {
  thread_local std::u32string k;  // no allocation per word
  skeleton_into(w, k);
  const uint32_t id = skeletons_.find(k);
  if (k.capacity() > (size_t{1} << 18)) std::u32string().swap(k);  // a long word's skeleton is not kept
  if (id == WordIndex::npos || target(id) == WordIndex::npos) return {};
  return targets_.word(target(id));
}

bool Repairer::applies_to_input_reference(std::string_view original) {
  // A byte scan (this runs on every line): letters only a Kurdish keyboard types mean the line
  // already follows the Sorani convention. In UTF-8: ە DB 95, ێ DB 8E, ۆ DB 86, ڵ DA B5, ڕ DA 95,
  // ڤ DA A4; so do the marks that compose them from a plain letter (U+065A-U+065C: D9 9A-9C; و +
  // small v is ۆ written on purpose, not the ؤ of an Arabic keyboard). Arabic-block letters have
  // lead bytes D8-DB.
  const auto* p = reinterpret_cast<const unsigned char*>(original.data());
  size_t n = original.size(), arabic = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    unsigned b = p[i];
    if (b == 0xEF && i + 2 < n && p[i + 1] >= 0xAD && p[i + 1] <= 0xBB) {
      ++arabic;  // an Arabic presentation form (U+FB50-U+FEFF): a letter once normalized
      i += 2;
      continue;
    }
    if (b < 0xD8 || b > 0xDB) continue;
    unsigned t = p[i + 1];
    if (b == 0xDB && (t == 0x95 || t == 0x8E || t == 0x86)) return false;
    if (b == 0xDA && (t == 0xB5 || t == 0x95 || t == 0xA4)) return false;
    if (b == 0xD9 && t >= 0x9A && t <= 0x9C) return false;
    ++arabic;
    ++i;
  }
  return arabic >= 2;
}

#if defined(__x86_64__)
namespace {

__attribute__((target("avx2"), always_inline)) inline __m256i eq(__m256i a, __m256i b) {
  return _mm256_cmpeq_epi8(a, b);
}

// Counts the letters of applies_to_input_reference() by position instead of by a sequential
// parse: the same count whenever every Arabic-block lead (D8-DB) and every presentation-form
// lead pair (EF AD-BB) is followed by its continuation bytes. Returns -1 when one is not (the
// reference decides such lines), -2 when a Kurdish-only letter is present, else the count.
__attribute__((target("avx2"))) long count_letters_avx2(const unsigned char* p, size_t n) {
  long arabic = 0;
  size_t i = 0;
  const __m256i c0 = _mm256_set1_epi8(static_cast<char>(0xC0)), x80 = _mm256_set1_epi8(static_cast<char>(0x80)),
                fc = _mm256_set1_epi8(static_cast<char>(0xFC)), d8 = _mm256_set1_epi8(static_cast<char>(0xD8)),
                ef = _mm256_set1_epi8(static_cast<char>(0xEF)), da = _mm256_set1_epi8(static_cast<char>(0xDA)),
                db = _mm256_set1_epi8(static_cast<char>(0xDB)), d9 = _mm256_set1_epi8(static_cast<char>(0xD9));
  for (; i + 34 <= n; i += 32) {
    const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    const __m256i cont1 = eq(_mm256_and_si256(b1, c0), x80), cont2 = eq(_mm256_and_si256(b2, c0), x80);
    const __m256i lead = eq(_mm256_and_si256(b0, fc), d8);
    // EF followed by AD..BB: (b1 - 0xAD) as unsigned <= 0x0E.
    const __m256i pf_second = eq(_mm256_max_epu8(_mm256_sub_epi8(b1, _mm256_set1_epi8(static_cast<char>(0xAD))),
                                                 _mm256_set1_epi8(0x0E)),
                                 _mm256_set1_epi8(0x0E));
    const __m256i pf = _mm256_and_si256(eq(b0, ef), pf_second);
    const uint32_t m_lead = static_cast<uint32_t>(_mm256_movemask_epi8(lead));
    const uint32_t m_pf = static_cast<uint32_t>(_mm256_movemask_epi8(pf));
    const uint32_t bad = (m_lead & ~static_cast<uint32_t>(_mm256_movemask_epi8(cont1))) |
                         (m_pf & ~static_cast<uint32_t>(_mm256_movemask_epi8(cont2)));
    if (bad) return -1;
    // ە DB 95, ێ DB 8E, ۆ DB 86, ڵ DA B5, ڕ DA 95, ڤ DA A4.
    const __m256i kdb = _mm256_and_si256(eq(b0, db), _mm256_or_si256(_mm256_or_si256(eq(b1, _mm256_set1_epi8(static_cast<char>(0x95))),
                                                                                     eq(b1, _mm256_set1_epi8(static_cast<char>(0x8E)))),
                                                                    eq(b1, _mm256_set1_epi8(static_cast<char>(0x86)))));
    const __m256i kda = _mm256_and_si256(eq(b0, da), _mm256_or_si256(_mm256_or_si256(eq(b1, _mm256_set1_epi8(static_cast<char>(0xB5))),
                                                                                     eq(b1, _mm256_set1_epi8(static_cast<char>(0x95)))),
                                                                    eq(b1, _mm256_set1_epi8(static_cast<char>(0xA4)))));
    // The composing marks U+065A-U+065C (D9 9A-9C): (b1 - 0x9A) as unsigned <= 2.
    const __m256i kd9 = _mm256_and_si256(eq(b0, d9), eq(_mm256_max_epu8(_mm256_sub_epi8(b1, _mm256_set1_epi8(static_cast<char>(0x9A))),
                                                                        _mm256_set1_epi8(0x02)),
                                                        _mm256_set1_epi8(0x02)));
    if (_mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(kdb, kda), kd9))) return -2;
    arabic += __builtin_popcount(m_lead) + __builtin_popcount(m_pf);
  }
  for (; i < n; ++i) {
    const unsigned b = p[i];
    if (b >= 0xD8 && b <= 0xDB) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return -1;
      const unsigned t = p[i + 1];
      if (b == 0xDB && (t == 0x95 || t == 0x8E || t == 0x86)) return -2;
      if (b == 0xDA && (t == 0xB5 || t == 0x95 || t == 0xA4)) return -2;
      if (b == 0xD9 && t >= 0x9A && t <= 0x9C) return -2;
      ++arabic;
    } else if (b == 0xEF && i + 1 < n && p[i + 1] >= 0xAD && p[i + 1] <= 0xBB) {
      if (i + 2 >= n || (p[i + 2] & 0xC0) != 0x80) return -1;
      ++arabic;
    }
  }
  return arabic;
}

}  // namespace
#endif

void Repairer::settled_lines_reference(std::string_view text, std::vector<LineMark>& lines) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool kurdish = false, high = false;
  for (size_t i = 0; i <= n; ++i) {
    if (i == n || p[i] == '\n') {
      lines.push_back({i, kurdish || !high});
      kurdish = high = false;
      continue;
    }
    const unsigned b = p[i];
    const unsigned t = i + 1 < n ? p[i + 1] : 0;
    if (b >= 0x80) high = true;
    if (b == 0xDB && (t == 0x95 || t == 0x8E || t == 0x86)) kurdish = true;
    if (b == 0xDA && (t == 0xB5 || t == 0x95 || t == 0xA4)) kurdish = true;
  }
}

#if defined(__x86_64__)
namespace {

// What the two vector scans of settled_lines() share, on a window's masks (Mask: one bit a byte).
// The leads of Kurdish-only letters: a lead's second byte is the next lane's, and `next` (the byte
// after the window, 0 at the text's end) is the top lane's.
template <class Mask>
inline Mask kurdish_leads(Mask is_da, Mask is_db, Mask second_da, Mask second_db, unsigned next) {
  constexpr int kTop = 8 * sizeof(Mask) - 1;
  const Mask top_da = next == 0x95 || next == 0xB5 || next == 0xA4;
  const Mask top_db = next == 0x95 || next == 0x8E || next == 0x86;
  return (is_da & ((second_da >> 1) | (top_da << kTop))) | (is_db & ((second_db >> 1) | (top_db << kTop)));
}
// The lines that end in the window at byte w (a bit of m_nl each) take the bits before their '\n'
// and are marked; the line that goes on takes the rest.
template <class Mask>
inline void end_lines(size_t w, Mask m_nl, Mask m_kurdish, Mask m_high, bool& kurdish, bool& high,
                      Repairer::LineMark* marks, size_t& count) {
  for (; m_nl; m_nl &= m_nl - 1) {
    const unsigned j = static_cast<unsigned>(__builtin_ctzll(m_nl));
    const Mask before = (Mask{1} << j) - 1;
    kurdish = kurdish || (m_kurdish & before);
    high = high || (m_high & before);
    marks[count++] = {w + j, kurdish || !high};
    kurdish = high = false;
    const Mask after = j == 8 * sizeof(Mask) - 1 ? 0 : ~((before << 1) | 1);
    m_kurdish &= after;
    m_high &= after;
  }
  kurdish = kurdish || m_kurdish;
  high = high || m_high;
}

// settled_lines_reference() 64 bytes at a time: each window gives masks of the bytes that are a
// '\n', above ASCII, or the lead of a Kurdish-only letter (its second byte may be the next
// window's first); then each line takes the bits before its '\n'. Inside a line that already has
// its letter only the '\n' is looked for.
__attribute__((target("avx512f,avx512bw"))) void settled_lines_avx512(const unsigned char* p, size_t n,
                                                                     std::vector<Repairer::LineMark>& lines) {
  // The marks go to a local array, handed to `lines` between windows: no call inside the loop,
  // so its constants stay in registers.
  constexpr size_t kMarks = 256;
  Repairer::LineMark marks[kMarks];
  size_t count = 0;
  const __m512i da = _mm512_set1_epi8(static_cast<char>(0xDA)), db = _mm512_set1_epi8(static_cast<char>(0xDB)),
                nl = _mm512_set1_epi8('\n'), x95 = _mm512_set1_epi8(static_cast<char>(0x95)),
                x8e = _mm512_set1_epi8(static_cast<char>(0x8E)), x86 = _mm512_set1_epi8(static_cast<char>(0x86)),
                xb5 = _mm512_set1_epi8(static_cast<char>(0xB5)), xa4 = _mm512_set1_epi8(static_cast<char>(0xA4));
  bool kurdish = false, high = false;
  for (size_t w = 0; w < n; w += 64) {
    // The text's last window (it may be whole: the byte after it is not read): bytes past the
    // end read as 0, and a masked load does not touch them.
    const bool tail = n - w <= 64;
    const uint64_t in = n - w >= 64 ? ~uint64_t{0} : (uint64_t{1} << (n - w)) - 1;
    const __m512i b0 = tail ? _mm512_maskz_loadu_epi8(in, p + w) : _mm512_loadu_si512(p + w);
    uint64_t m_nl = _mm512_cmpeq_epi8_mask(b0, nl);
    if (!m_nl && kurdish) continue;
    if (count > kMarks - 64) {  // a window ends at most 64 lines
      lines.insert(lines.end(), marks, marks + count);
      count = 0;
    }
    uint64_t m_high = _mm512_movepi8_mask(b0);
    const uint64_t is_da = _mm512_cmpeq_epi8_mask(b0, da), is_db = _mm512_cmpeq_epi8_mask(b0, db);
    uint64_t m_kurdish = 0;
    if (is_da | is_db) {
      const uint64_t e95 = _mm512_cmpeq_epi8_mask(b0, x95);
      m_kurdish = kurdish_leads<uint64_t>(
          is_da, is_db, e95 | _mm512_cmpeq_epi8_mask(b0, xb5) | _mm512_cmpeq_epi8_mask(b0, xa4),
          e95 | _mm512_cmpeq_epi8_mask(b0, x8e) | _mm512_cmpeq_epi8_mask(b0, x86), tail ? 0 : p[w + 64]);
    }
    end_lines<uint64_t>(w, m_nl, m_kurdish, m_high, kurdish, high, marks, count);
  }
  lines.insert(lines.end(), marks, marks + count);
  lines.push_back({n, kurdish || !high});
}

}  // namespace
#endif

#if defined(__x86_64__)
namespace {

// settled_lines_avx512() 32 bytes at a time (AVX2): the same masks, 32 bits wide.
__attribute__((target("avx2"))) void settled_lines_avx2(const unsigned char* p, size_t n,
                                                         std::vector<Repairer::LineMark>& lines) {
  constexpr size_t kMarks = 128;
  Repairer::LineMark marks[kMarks];
  size_t count = 0;
  const __m256i da = _mm256_set1_epi8(static_cast<char>(0xDA)), db = _mm256_set1_epi8(static_cast<char>(0xDB)),
                nl = _mm256_set1_epi8('\n'), x95 = _mm256_set1_epi8(static_cast<char>(0x95)),
                x8e = _mm256_set1_epi8(static_cast<char>(0x8E)), x86 = _mm256_set1_epi8(static_cast<char>(0x86)),
                xb5 = _mm256_set1_epi8(static_cast<char>(0xB5)), xa4 = _mm256_set1_epi8(static_cast<char>(0xA4));
  auto mask = [](__m256i a, __m256i b) __attribute__((target("avx2"))) {
    return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, b)));
  };
  bool kurdish = false, high = false;
  for (size_t w = 0; w < n; w += 32) {
    // The text's last window (it may be whole: the byte after it is not read) is read from a
    // copy padded with zeros.
    const bool tail = n - w <= 32;
    alignas(32) unsigned char last[32];
    const unsigned char* q = p + w;
    if (tail) {
      std::memset(last, 0, sizeof last);
      std::memcpy(last, q, n - w);
      q = last;
    }
    const uint32_t in = n - w >= 32 ? ~uint32_t{0} : (uint32_t{1} << (n - w)) - 1;
    const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    uint32_t m_nl = mask(b0, nl) & in;
    if (!m_nl && kurdish) continue;
    if (count > kMarks - 32) {  // a window ends at most 32 lines
      lines.insert(lines.end(), marks, marks + count);
      count = 0;
    }
    uint32_t m_high = static_cast<uint32_t>(_mm256_movemask_epi8(b0)) & in;
    const uint32_t is_da = mask(b0, da), is_db = mask(b0, db);
    uint32_t m_kurdish = 0;
    if (is_da | is_db) {
      const uint32_t e95 = mask(b0, x95);
      m_kurdish = kurdish_leads<uint32_t>(is_da, is_db, e95 | mask(b0, xb5) | mask(b0, xa4),
                                          e95 | mask(b0, x8e) | mask(b0, x86), tail ? 0 : p[w + 32]);
    }
    end_lines<uint32_t>(w, m_nl, m_kurdish, m_high, kurdish, high, marks, count);
  }
  lines.insert(lines.end(), marks, marks + count);
  lines.push_back({n, kurdish || !high});
}

}  // namespace
#endif

bool Repairer::settled_lines_with(Isa isa, std::string_view text, std::vector<LineMark>& lines) {
  [[maybe_unused]] const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  switch (isa) {
    case Isa::kReference:
      settled_lines_reference(text, lines);
      return true;
#if defined(__x86_64__)
    case Isa::kAvx2:
      __builtin_cpu_init();
      if (!__builtin_cpu_supports("avx2")) return false;
      settled_lines_avx2(p, text.size(), lines);
      return true;
    case Isa::kAvx512:
      __builtin_cpu_init();
      if (!__builtin_cpu_supports("avx512f") || !__builtin_cpu_supports("avx512bw")) return false;
      settled_lines_avx512(p, text.size(), lines);
      return true;
#endif
    default:
      return false;
  }
}

void Repairer::settled_lines(std::string_view text, std::vector<LineMark>& lines) {
#if defined(__x86_64__)
  static const Isa best = [] {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) return Isa::kAvx512;
    if (__builtin_cpu_supports("avx2")) return Isa::kAvx2;
    return Isa::kReference;
  }();
  settled_lines_with(best, text, lines);
#else
  settled_lines_reference(text, lines);
#endif
}

bool Repairer::applies_to_input(std::string_view original) {
#if defined(__x86_64__)
  static const bool avx2 = [] {
    __builtin_cpu_init();  // may run from a static constructor, before libgcc's
    return __builtin_cpu_supports("avx2") != 0;
  }();
  if (avx2) {
    const long count = count_letters_avx2(reinterpret_cast<const unsigned char*>(original.data()), original.size());
    if (count == -2) return false;
    if (count >= 0) return count >= 2;
  }
#endif
  return applies_to_input_reference(original);
}

bool Repairer::applies(std::string_view normalized) const {
  // Kurdish evidence: cue words, words of the frequency list, or words whose skeleton maps to one.
  // Foreign evidence: Persian and Arabic function words (they weigh double).
  thread_local std::u32string s;  // the line decoded (no allocation per line)
  s.clear();
  for (size_t i = 0; i < normalized.size();) {
    int len;
    s.push_back(utf8::decode(normalized.data(), normalized.size(), i, len));
    i += len;
  }
  long kurdish = 0, foreign = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (!is_arabic_word_char(s[i])) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && is_arabic_word_char(s[j])) ++j;
    const std::u32string_view w(s.data() + i, j - i);
    if (foreign_cues_.count(w)) ++foreign;
    else if (kurdish_cues_.count(w) || in_vocab(w) || !mapped(w).empty()) ++kurdish;
    i = j;
  }
  if (s.capacity() > (size_t{1} << 18)) std::u32string().swap(s);  // a long line's copy is not kept
  return kurdish > 0 && kurdish > 2 * foreign;
}

void Repairer::repair(std::string_view line, std::string& out, OffsetMap* map) const {
  // Tokens: words (runs of Arabic letters) and the gaps between them, with byte offsets into `line`
  // and code-point offsets into `u`, the line decoded (kept per thread with the other buffers: a
  // repaired line costs no allocation per word).
  struct Tok { size_t b, e; bool word; size_t ub, ue; };
  thread_local std::u32string u, joined, cand, fixed, scratch;
  thread_local std::vector<Tok> toks;
  u.clear();
  toks.clear();
  for (size_t i = 0; i < line.size();) {
    int len;
    char32_t c = utf8::decode(line.data(), line.size(), i, len);
    bool w = is_arabic_word_char(c);
    if (toks.empty() || toks.back().word != w) toks.push_back({i, i, w, u.size(), u.size()});
    toks.back().e = i + len;
    u.push_back(c);
    toks.back().ue = u.size();
    i += len;
  }
  auto text = [&](const Tok& t) { return std::u32string_view(u.data() + t.ub, t.ue - t.ub); };
  const size_t base = out.size();
  auto emit_copy = [&](const Tok& t) { out.append(line.substr(t.b, t.e - t.b)); };
  auto emit_changed = [&](size_t b, size_t e, const std::u32string& t) {
    size_t ob = out.size() - base;
    for (char32_t c : t) utf8::append(out, c);
    if (map) map->add_edit(b, e, ob, out.size() - base);
  };

  // w (a copy of `in`) respelled: the rules below, then the frequent word of its skeleton.
  auto fix_word = [&](std::u32string_view in, std::u32string& w) {
    w.assign(in);
    if (w.empty()) return;
    // Word-initial bare alef: Sorani writes every vowel-initial word with ئ.
    if (w[0] == U'ا' && w.size() >= 2) {
      // ای + consonant is ئێ (ایمە -> ئێمە); before a vowel letter only the carrier is missing;
      // otherwise the bare alef stands for ئە (او -> ئەو, اچم -> ئەچم), the commonest reading.
      char32_t n1 = w[1];
      if (n1 == U'ی' && w.size() >= 3 && !is_vowel_letter(w[2])) w = U"ئێ" + w.substr(2);
      else if (n1 == U'ا' || n1 == U'ە' || n1 == U'ێ' || n1 == U'ۆ') w = U"ئ" + w;
      else w = U"ئە" + w.substr(1);
    }
    // ئ after a consonant and before a consonant or the end is ێ typed on an Arabic keyboard.
    for (size_t k = 1; k < w.size(); ++k) {
      if (w[k] != U'ئ') continue;
      bool after_cons = !is_vowel_letter(w[k - 1]) && w[k - 1] != U'ئ';
      bool before_cons = k + 1 == w.size() || !is_vowel_letter(w[k + 1]);
      if (after_cons && before_cons) w[k] = U'ێ';
    }
    // The frequent standard word with the same skeleton, unless w is itself a frequent word.
    if (!in_vocab(w)) {
      std::u32string_view target = mapped(w);
      if (!target.empty() && reachable(w, target)) w.assign(target);
    }
  };

  for (size_t t = 0; t < toks.size(); ++t) {
    const Tok& tok = toks[t];
    if (!tok.word) { emit_copy(tok); continue; }
    // Join fragments split after a word-internal ە: "ئە م" -> "ئەم", "بە رنامە" -> "بەرنامە".
    size_t last = t;
    joined.assign(text(tok));
    auto single_space = [&](size_t g) { return g < toks.size() && !toks[g].word && text(toks[g]) == U" "; };
    while (single_space(last + 1) && last + 2 < toks.size() && toks[last + 2].word && joined.back() == U'ە') {
      const std::u32string_view next = text(toks[last + 2]);
      // A fragment joined after a word-internal ە lost its initial ڕ: the line had no ڕ of its own
      // (applies_to_input), so every ڕ is the character pass's word-initial rule.
      cand.assign(joined);
      cand.append(next);
      if (cand[joined.size()] == U'ڕ') cand[joined.size()] = U'ر';
      bool prefix = join_prefix_.count(joined) > 0 && !standalone_e_.count(joined);
      bool lone_letter = next.size() == 1 && next != U"و";
      bool suffix = suffix_fragment_.count(next) > 0 && !standalone_e_.count(joined);
      bool known = (!in_vocab(next) || !in_vocab(joined)) && (in_vocab(cand) || (fix_word(cand, scratch), in_vocab(scratch)));
      if (!prefix && !lone_letter && !suffix && !known) break;
      joined.swap(cand);
      last += 2;
    }
    fix_word(joined, fixed);
    if (last == t && fixed == text(tok)) { emit_copy(tok); continue; }
    emit_changed(tok.b, toks[last].e, fixed);
    t = last;
  }
  if (map) map->finish(line.size(), out.size() - base);
  if (u.capacity() > (size_t{1} << 18)) {  // a long line's copies are not kept
    std::u32string().swap(u);
    std::u32string().swap(joined);
    std::u32string().swap(cand);
    std::u32string().swap(fixed);
    std::u32string().swap(scratch);
    std::vector<Tok>().swap(toks);
  }
}

}  // namespace kurdi::convention
