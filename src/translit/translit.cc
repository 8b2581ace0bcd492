// kurdi::Transliterator: tables, word conversion, text loops and the per-thread word cache.
#include "kurdi/translit.h"

#include <algorithm>
#include <bit>
#include <atomic>
#include <cstring>
#include <unordered_map>

#include "kurdi/morph.h"
#include "kurdi/normalize.h"
#include "kurdi/text.h"
#include "text/hash.h"
#include "text/tables.h"
#include "translit/syllabify.h"

KURDI_DECLARE_TABLE(translit_phonemes_tsv)
KURDI_DECLARE_TABLE(translit_arabic_tsv)
KURDI_DECLARE_TABLE(translit_latin_tsv)
KURDI_DECLARE_TABLE(translit_weights_tsv)
KURDI_DECLARE_TABLE(translit_suffixes_tsv)
KURDI_DECLARE_TABLE(translit_stems_tsv)
KURDI_DECLARE_TABLE(translit_preverbs_tsv)

namespace kurdi {

using translit::Inventory;
using translit::Reading;
using translit::Unit;
using translit::Weights;

namespace {

int to_int(std::string_view s) {
  int v = 0, sign = 1;
  size_t k = 0;
  if (!s.empty() && s[0] == '-') { sign = -1; k = 1; }
  for (; k < s.size(); ++k)
    if (s[k] >= '0' && s[k] <= '9') v = v * 10 + (s[k] - '0');
  return v * sign;
}

char32_t first_cp(std::string_view s) {
  if (s.empty()) return 0;
  int len;
  return utf8::decode(s, 0, len);
}

struct Letter {
  bool known = false;
  translit::UnitKind kind = translit::kC;
  uint8_t ph[3] = {0, 0, 0};
  uint8_t nph = 0;
};

struct SuffixHint {
  std::u32string suffix, after;
  uint8_t g2p = 0, latin = 0;
};

struct StemHint {
  std::u32string letters;  // without the marker
  size_t at = 0;           // index of the letter the i goes before
  uint64_t need = 0;       // bit (cp & 63) of every letter: a quick test before the search
  uint8_t g2p = 0, latin = 0;
};

struct LatinEntry {
  std::string arabic;
  bool vowel = false;
};

// Tables parsed once per process.
struct Data {
  Inventory inv;
  Weights g2p_w, latin_w;
  Letter arabic[0x100];                       // U+0600..U+06FF
  std::unordered_map<char32_t, Letter> arabic_other;
  std::unordered_map<std::string, LatinEntry> latin;  // key: 1 or 2 lowercase code points (UTF-8)
  std::vector<const LatinEntry*> latin1;               // single letters below U+0250, by code point
  std::unordered_map<char32_t, const LatinEntry*> latin_other;  // other single letters (ḧ ẍ ’ ...)
  std::unordered_map<uint64_t, const LatinEntry*> latin2;       // digraphs, key (cp1 << 32 | cp2)
  std::unordered_map<char32_t, char32_t> lower;      // Latin capitals -> lowercase
  std::unordered_map<char32_t, std::string> upper;   // lowercase -> capital (UTF-8)
  std::vector<SuffixHint> suffixes;
  // Indices into suffixes by the suffix's last letter when it is in U+0600..U+06FF (in table order);
  // suffixes_other: the rest (checked for every word).
  std::vector<uint16_t> suffixes_by_last[0x100];
  std::vector<uint16_t> suffixes_other;
  bool word_char[0x100] = {};  // U+0600..U+06FF: belongs inside an Arabic-script word
  bool word_start[0x100] = {};
  // Byte pairs (first | second << 8) that are the UTF-8 of a word_char of U+0600..U+06FF: the word
  // scan looks each pair up once instead of checking the lead and continuation bytes and decoding.
  bool word_pair[0x10000] = {};
  char16_t plain_as[0x100] = {};  // U+0600..U+06FF: the plain letter a letter reads as (0: not plain)
  bool plain[0x100] = {};  // U+0600..U+06FF: a standard Sorani letter the normalizer leaves as it is  // U+0600..U+06FF: starts an Arabic-script word (word_char, not skipped)
  std::vector<StemHint> stems;
  std::vector<uint64_t> stem_need;  // stems[k].need, contiguous for the per-word test
  // The Latin spelling of every phoneme id in fixed-size slots (the word's spelling is written
  // with one fixed-size copy per phoneme); latin_long: some spelling is longer than kLatinMax bytes
  // (none in the table): then the spellings are appended as strings.
  static constexpr size_t kLatinMax = 8;
  char latin_of[256][kLatinMax] = {};
  uint8_t latin_len[256] = {};
  bool latin_long = false;
  std::vector<std::u32string> preverbs;
  uint8_t prefix_bi_latin = 0, prefix_bi_g2p = 0;

  Data() {
    const auto& pt = tables::translit_phonemes_tsv;
    int c_ph = pt.column("phoneme"), c_cls = pt.column("class"), c_son = pt.column("sonority"),
        c_lat = pt.column("latin"), c_up = pt.column("upper"), c_ipa = pt.column("ipa");
    pt.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      translit::Phoneme p;
      p.g2p = f[c_ph];
      p.latin = f[c_lat];
      p.upper = f[c_up];
      p.ipa = f[c_ipa];
      p.cls = f[c_cls] == "V" ? translit::kVowel : f[c_cls] == "G" ? translit::kGlide : translit::kCons;
      p.sonority = to_int(f[c_son]);
      inv.ph.push_back(p);
      char32_t lo = first_cp(p.latin), up = first_cp(p.upper);
      if (lo && up && lo != up) { lower[up] = lo; upper[lo] = p.upper; }
    });
    for (size_t k = 0; k < inv.ph.size() && k < 256; ++k) {
      const std::string& l = inv.ph[k].latin;
      latin_long |= l.size() > kLatinMax || inv.ph.size() > 256;
      latin_len[k] = static_cast<uint8_t>(std::min(l.size(), kLatinMax));
      std::memcpy(latin_of[k], l.data(), latin_len[k]);
    }
    auto need = [&](const char* g) { int v = inv.id(g); return static_cast<uint8_t>(v < 0 ? 0 : v); };
    inv.a = need("a"); inv.e = need("e"); inv.i = need("i"); inv.u = need("u"); inv.uu = need("û");
    inv.ii = need("î"); inv.w = need("w"); inv.y = need("y"); inv.glottal = need("ʔ");
    inv.r = need("r"); inv.rr = need("ř");
    inv.m = need("m"); inv.n = need("n");
    // extra capitals typed for Latin letters (case-insensitive input)
    for (auto [up, lo] : {std::pair<char32_t, char32_t>{U'É', U'é'}, {U'Í', U'í'}, {U'Ú', U'ú'}, {U'Ğ', U'ğ'}})
      lower[up] = lo;

    const auto& at = tables::translit_arabic_tsv;
    int a_l = at.column("letter"), a_k = at.column("kind"), a_p = at.column("phonemes");
    at.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      char32_t cp = first_cp(f[a_l]);
      Letter L;
      L.known = true;
      char k = f[a_k].empty() ? 'C' : f[a_k][0];
      L.kind = k == 'V' ? translit::kV : k == 'W' ? translit::kW : k == 'Y' ? translit::kY
             : k == 'Q' ? translit::kQ : translit::kC;
      std::string_view ps = f[a_p];
      size_t s = 0;
      while (s < ps.size() && L.nph < 3) {
        size_t e = ps.find(' ', s);
        if (e == std::string_view::npos) e = ps.size();
        int id = inv.id(ps.substr(s, e - s));
        if (id >= 0) L.ph[L.nph++] = static_cast<uint8_t>(id);
        s = e + 1;
      }
      if (k == 'X' && L.nph > 0) L.kind = translit::kC;  // expanded below by nph
      if (L.nph == 0) L.nph = 1;
      if (cp >= 0x600 && cp <= 0x6FF) arabic[cp - 0x600] = L;
      else arabic_other[cp] = L;
    });

    for (char32_t cp = 0x600; cp <= 0x6FF; ++cp)
      word_char[cp - 0x600] = arabic[cp - 0x600].known || chars::is_arabic_letter(cp) || chars::is_arabic_mark(cp) ||
                              cp == 0x640;
    // Words of these letters only are already normalized (checked letter by letter in context by
    // TranslitPlainWords in tests/unit/translit_test.cc), except a word-final ه and a word-initial وو.
    for (char32_t cp : std::u32string_view(U"ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ")) plain[cp - 0x600] = true;
    // ... and words that differ from such a word only by letters the normalizer replaces one for one
    // wherever they stand (Arabic kaf, yeh and alef maksura): read with the replacement, no normalizer.
    for (char32_t cp = 0x600; cp <= 0x6FF; ++cp) plain_as[cp - 0x600] = plain[cp - 0x600] ? static_cast<char16_t>(cp) : 0;
    plain_as[0x0643 - 0x600] = 0x06A9;  // ك -> ک
    plain_as[0x064A - 0x600] = 0x06CC;  // ي -> ی
    plain_as[0x0649 - 0x600] = 0x06CC;  // ى -> ی
    for (char32_t cp = 0x600; cp <= 0x6FF; ++cp)
      word_pair[(0xC0 | cp >> 6) | (0x80 | (cp & 0x3F)) << 8] = word_char[cp - 0x600];
    for (char32_t cp = 0x600; cp <= 0x6FF; ++cp)
      word_start[cp - 0x600] = word_char[cp - 0x600] && !(cp == 0x640 || chars::is_arabic_mark(cp));

    const auto& lt = tables::translit_latin_tsv;
    int l_l = lt.column("latin"), l_a = lt.column("arabic"), l_v = lt.column("vowel");
    lt.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      latin[std::string(f[l_l])] = LatinEntry{std::string(f[l_a]), f[l_v] == "1"};
    });
    latin1.assign(0x250, nullptr);
    for (const auto& [key, entry] : latin) {
      std::u32string k = utf8::to_u32(key);
      if (k.size() == 1 && k[0] < 0x250) latin1[k[0]] = &entry;
      else if (k.size() == 1) latin_other[k[0]] = &entry;
      else if (k.size() == 2) latin2[(static_cast<uint64_t>(k[0]) << 32) | k[1]] = &entry;
    }

    const auto& st = tables::translit_suffixes_tsv;
    int s_s = st.column("suffix"), s_a = st.column("after"), s_g = st.column("g2p"), s_l = st.column("latin");
    st.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      SuffixHint h;
      h.suffix = utf8::to_u32(f[s_s]);
      h.after = utf8::to_u32(f[s_a]);
      h.g2p = static_cast<uint8_t>(to_int(f[s_g]));
      h.latin = static_cast<uint8_t>(to_int(f[s_l]));
      suffixes.push_back(h);
    });
    for (size_t k = 0; k < suffixes.size(); ++k) {
      const std::u32string& sf = suffixes[k].suffix;
      if (sf.empty()) continue;  // never matches
      if (sf.back() >= 0x600 && sf.back() <= 0x6FF)
        suffixes_by_last[sf.back() - 0x600].push_back(static_cast<uint16_t>(k));
      else suffixes_other.push_back(static_cast<uint16_t>(k));
    }

    const auto& mt = tables::translit_stems_tsv;
    int m_s = mt.column("stem"), m_g = mt.column("g2p"), m_l = mt.column("latin_bonus");
    mt.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      StemHint h;
      std::u32string all = utf8::to_u32(f[m_s]);
      for (char32_t c : all) {
        if (c == U'|') h.at = h.letters.size();
        else h.letters.push_back(c);
      }
      h.g2p = static_cast<uint8_t>(to_int(f[m_g]));
      h.latin = static_cast<uint8_t>(to_int(f[m_l]));
      for (char32_t c : h.letters) h.need |= uint64_t{1} << (c & 63);
      if (h.at > 0 && h.at < h.letters.size()) {
        stems.push_back(h);
        stem_need.push_back(h.need);
      }
    });

    const auto& pv = tables::translit_preverbs_tsv;
    int p_p = pv.column("preverb");
    pv.for_each_row([&](const std::vector<std::string_view>& f, size_t) { preverbs.push_back(utf8::to_u32(f[p_p])); });

    const auto& wt = tables::translit_weights_tsv;
    int w_n = wt.column("name"), w_g = wt.column("g2p"), w_l = wt.column("latin");
    wt.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      auto set = [&](Weights& W, int v) {
        std::string_view n = f[w_n];
        if (n == "insert_i") W.insert_i = v;
        else if (n == "onset_cg") W.onset_cg = v;
        else if (n == "onset_complex") W.onset_complex = v;
        else if (n == "onset_3") W.onset_3 = v;
        else if (n == "onsetless") W.onsetless = v;
        else if (n == "coda2_final") W.coda2_final = v;
        else if (n == "coda2_medial") W.coda2_medial = v;
        else if (n == "coda2_flat") W.coda2_flat = v;
        else if (n == "coda2_rise") W.coda2_rise = v;
        else if (n == "coda3") W.coda3 = v;
        else if (n == "contact") W.contact = v;
        else if (n == "glide_coda") W.glide_coda = v;
        else if (n == "glide_coda2") W.glide_coda2 = v;
        else if (n == "contact_steep") W.contact_steep = v;
        else if (n == "contact_flat") W.contact_flat = v;
        else if (n == "prior_u") W.prior_u = v;
        else if (n == "prior_w") W.prior_w = v;
        else if (n == "prior_y") W.prior_y = v;
        else if (n == "prior_i_long") W.prior_i_long = v;
        else if (n == "initial_i") W.initial_i = v;
        else if (n == "glide_coda2_ey") W.glide_coda2_ey = v;
        else if (n == "coda2_n") W.coda2_n = v;
        else if (n == "w_before_uu") W.w_before_uu = v;
        else if (n == "contact_r") W.contact_r = v;
        else if (n == "glide_opens") W.glide_opens = v;
        else if (n == "prefix_bi") { if (&W == &latin_w) prefix_bi_latin = static_cast<uint8_t>(v); else prefix_bi_g2p = static_cast<uint8_t>(v); }
      };
      set(g2p_w, to_int(f[w_g]));
      set(latin_w, to_int(f[w_l]));
    });
  }

  const Letter* letter(char32_t cp) const {
    if (cp >= 0x600 && cp <= 0x6FF) return arabic[cp - 0x600].known ? &arabic[cp - 0x600] : nullptr;
    auto it = arabic_other.find(cp);
    return it == arabic_other.end() ? nullptr : &it->second;
  }
};

const Data& data() {
  static const Data d;
  return d;
}

// Code points that belong inside an Arabic-script word without being letters we read.
bool arabic_skip(char32_t cp) {
  return cp == chars::kZwnj || cp == chars::kZwj || cp == 0x640 || chars::is_arabic_mark(cp);
}
bool arabic_word_char(const Data& d, char32_t cp) {
  return d.letter(cp) != nullptr || (cp >= 0x600 && cp <= 0x6FF && chars::is_arabic_letter(cp)) ||
         arabic_skip(cp);
}

char32_t arabic_punct_to_latin(char32_t cp) {
  switch (cp) {
    case 0x060C: return U',';
    case 0x061B: return U';';
    case 0x061F: return U'?';
    case 0x066A: return U'%';
    case 0x066B: return U'.';
    case 0x066C: return U',';
    case 0x06D4: return U'.';
    default: break;
  }
  if (cp >= 0x660 && cp <= 0x669) return U'0' + (cp - 0x660);
  if (cp >= 0x6F0 && cp <= 0x6F9) return U'0' + (cp - 0x6F0);
  return 0;
}

bool latin_vowel_char(char32_t c) {
  switch (c) {
    case U'a': case U'e': case U'ê': case U'i': case U'î': case U'o': case U'u': case U'û':
    case U'A': case U'E': case U'Ê': case U'I': case U'Î': case U'O': case U'U': case U'Û':
      return true;
    default: return false;
  }
}

std::atomic<uint64_t> g_next_id{1};

// Bounded per-thread cache of word results; keyed by the owner's id so that two transliterators
// with different options never share entries.
// Open-addressing table of word results (linear probing, no deletion), compact: slots hold a hash
// and offsets into one arena, and the table grows by doubling, so the memory touched stays small.
// Words first seen are kept (running text: the frequent words come early); once kMaxWords are
// stored, new words are computed each time.
struct WordTable {
  struct Slot {
    uint64_t hash = 0;  // 0 = empty
    uint32_t key_off = 0, key_len = 0, val_off = 0, val_len = 0;
  };
  std::vector<Slot> slots;
  // slots.data() and slots.size() - 1 for the lookup; an empty table looks at one empty slot
  static const Slot* no_slot() {
    static const Slot empty{};
    return &empty;
  }
  const Slot* base = no_slot();
  size_t mask = 0;
  std::string arena;
  size_t used = 0;
  static constexpr size_t kMaxWords = 1u << 20;
  static constexpr size_t kMaxArena = size_t{1} << 31;

  // a == b for n bytes, words of a few bytes compared in at most two loads each (no library call)
  static bool same_bytes(const char* a, const char* b, size_t n) {
    if (n >= 8) {
      for (size_t k = 0; k + 8 <= n; k += 8)
        if (load64(a + k) != load64(b + k)) return false;
      return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (size_t k = 0; k < n; ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
  static uint64_t load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint32_t load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  // Words are mostly 8 to 24 bytes: whole 8-byte blocks, then the last 8 bytes (overlapping the
  // block before; with the length mixed in, two words of one length differ in some block).
  static uint64_t hash_of(std::string_view s) {
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(n) * 0xFF51AFD7ED558CCDull);
    if (n >= 8) {
      for (size_t k = 0; k + 8 < n; k += 8) {
        h = (h ^ load64(p + k)) * 0xC2B2AE3D27D4EB4Full;
        h ^= h >> 29;
      }
      h = (h ^ load64(p + n - 8)) * 0xC2B2AE3D27D4EB4Full;
    } else if (n >= 4) {
      h = (h ^ (static_cast<uint64_t>(load32(p)) << 32 | load32(p + n - 4))) * 0xC2B2AE3D27D4EB4Full;
    } else if (n > 0) {
      const uint64_t x = static_cast<unsigned char>(p[0]) |
                         static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                         static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
      h = (h ^ x) * 0xC2B2AE3D27D4EB4Full;
    }
    return text::mix64(h) | 1;  // never 0 (an empty slot)
  }
  bool find(std::string_view key, uint64_t h, std::string_view* value) const {
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& sl = base[i];
      if (sl.hash == 0) return false;
      if (sl.hash == h && sl.key_len == key.size() && same_bytes(arena.data() + sl.key_off, key.data(), key.size())) {
        *value = std::string_view(arena.data() + sl.val_off, sl.val_len);
        return true;
      }
    }
  }
  void place(const Slot& s) {
    size_t i = s.hash & mask;
    while (slots[i].hash != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
  bool insert(std::string_view key, uint64_t h, std::string_view value) {
    if (used >= kMaxWords || arena.size() + key.size() + value.size() > kMaxArena) return false;
    if (slots.empty() || (used + 1) * 4 > slots.size() * 3) {
      std::vector<Slot> old = std::move(slots);
      slots.assign(old.empty() ? 1u << 12 : old.size() * 2, Slot{});
      base = slots.data();
      mask = slots.size() - 1;
      for (const Slot& o : old)
        if (o.hash) place(o);
    }
    Slot s;
    s.hash = h;
    s.key_off = static_cast<uint32_t>(arena.size());
    s.key_len = static_cast<uint32_t>(key.size());
    arena.append(key);
    s.val_off = static_cast<uint32_t>(arena.size());
    s.val_len = static_cast<uint32_t>(value.size());
    arena.append(value);
    place(s);
    ++used;
    return true;
  }
  void clear() {
    slots = {};
    base = no_slot();
    mask = 0;
    arena = {};
    used = 0;
  }
};

struct WordCache {
  uint64_t owner = 0;
  WordTable map[3];     // 0 latin, 1 g2p, 2 g2p ipa
  std::string scratch;  // result of a word that did not fit in the full table
};

}  // namespace

struct Transliterator::Impl {
  TranslitOptions opt;
  const Data& d = data();
  Normalizer norm;
  uint64_t id = g_next_id.fetch_add(1);

  // --capitalize: the analyzer that names proper nouns (built only then).
  std::unique_ptr<Analyzer> analyzer;

  explicit Impl(const TranslitOptions& o) : opt(o), norm(norm_options()) {
    if (opt.capitalize) analyzer = std::make_unique<Analyzer>();
  }

  // The word's best analysis is a proper noun the lexicon knows (not a guess). Remembered per thread
  // (the answer depends on the word alone; the memo is emptied when it grows past 2^16 words).
  bool proper_noun(std::string_view word) const {
    thread_local std::unordered_map<std::string, bool> memo;
    thread_local std::string key;
    key.assign(word);
    auto it = memo.find(key);
    if (it != memo.end()) return it->second;
    std::vector<Analysis> as = analyzer->analyze(word);
    const bool propn = !as.empty() && !as[0].guessed && as[0].pos == "PROPN";
    if (memo.size() >= (1u << 16)) memo.clear();
    memo.emplace(key, propn);
    return propn;
  }

  // The standard profile without the line-level convention repair (it guesses from context that a
  // single word does not give: ژماری must stay ژماری).
  static NormalizeOptions norm_options() {
    NormalizeOptions n = NormalizeOptions::standard();
    n.convention_repair = false;
    n.initial_r = false;  // keep ر/ڕ as written: the reading follows the writer (Latin writes both as r)
    return n;
  }

  // Arabic word -> units (after normalization). `is_conj`: the word is the bare conjunction و.
  void units_of(std::string_view word, std::vector<Unit>& units, bool latin_profile) const {
    units.clear();
    // the letters read, one per unit group, and the index of the group's first unit
    thread_local std::vector<char32_t> letters_buf;
    thread_local std::vector<uint32_t> first_buf;
    if (letters_buf.size() < word.size() + 1) {
      letters_buf.resize(word.size() + 1);
      first_buf.resize(word.size() + 1);
    }
    char32_t* letters = letters_buf.data();
    uint32_t* first_unit = first_buf.data();
    size_t nl = 0;
    thread_local std::string normalized;
    uint64_t have = 0;  // bit (cp & 63) of every letter read
    uint32_t nunits = 0;  // units.size() (a division for 3-byte units)
    auto add = [&](char32_t cp) {
      const Letter* L = d.letter(cp);
      if (!L) return;  // marks, tatweel, ZWNJ, unknown letters
      letters[nl] = cp;
      first_unit[nl] = nunits;
      ++nl;
      have |= uint64_t{1} << (cp & 63);
      if (L->nph > 1) {
        for (uint8_t k = 0; k < L->nph; ++k) {
          translit::UnitKind kd = d.inv.ph[L->ph[k]].cls == translit::kVowel ? translit::kV : translit::kC;
          units.push_back(Unit{kd, L->ph[k], 0});
        }
        nunits += L->nph;
      } else {
        units.push_back(Unit{L->kind, L->ph[0], 0});
        ++nunits;
      }
    };
    // Fast path: a word of standard letters, of letters the normalizer replaces one for one
    // (Data::plain_as) and of ه+ZWNJ (read as ە), not ending in ه and not starting with وو, is what
    // the normalizer makes of it (TranslitPlainWords): read directly. Anything else goes through the
    // normalizer and is read as it comes out.
    bool read_plain = false;  // the fast path read the whole word
    // (the two checks by bytes: ه is D9 87, و is D9 88)
    const auto* wb = reinterpret_cast<const unsigned char*>(word.data());
    const size_t wn = word.size();
    if (opt.normalize_input && wn >= 2 && !(wb[wn - 2] == 0xD9 && wb[wn - 1] == 0x87) &&
        !(wn >= 4 && wb[0] == 0xD9 && wb[1] == 0x88 && wb[2] == 0xD9 && wb[3] == 0x88)) {
      const unsigned char* p = reinterpret_cast<const unsigned char*>(word.data());
      const size_t n = word.size();
      size_t i = 0;
      while (i + 1 < n) {
        const unsigned b0 = p[i], b1 = p[i + 1];
        if (b0 - 0xD8u > 3u || (b1 & 0xC0u) != 0x80u) break;
        char32_t cp = d.plain_as[((b0 & 0x1Fu) << 6 | (b1 & 0x3Fu)) - 0x600u];
        if (!cp) break;
        i += 2;
        if (cp == 0x0647 && i + 3 <= n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x8C) {  // ه+ZWNJ: ە
          cp = 0x06D5;
          i += 3;
        }
        add(cp);
      }
      if (i == n) {
        read_plain = true;
      } else {  // start again through the normalizer
        units.clear();
        nl = 0;
        nunits = 0;
        have = 0;
      }
    }
    if (!read_plain) {
      std::string_view w = word;
      if (opt.normalize_input) {
        normalized.clear();
        norm.normalize(word, normalized);
        w = normalized;
        if (letters_buf.size() < w.size() + 1) {
          letters_buf.resize(w.size() + 1);
          first_buf.resize(w.size() + 1);
          letters = letters_buf.data();
          first_unit = first_buf.data();
        }
      }
      for (size_t i = 0; i < w.size();) {
        int len;
        char32_t cp = utf8::decode(w, i, len);
        i += static_cast<size_t>(len);
        add(cp);
      }
    }
    const std::u32string_view lv(letters, nl);
    // suffix hints: the longest matching suffix after a consonant letter (the first in the table
    // among equally long ones)
    size_t best_len = 0;
    const SuffixHint* best = nullptr;
    auto try_suffix = [&](const SuffixHint& h) {
      size_t L = h.suffix.size();
      if (L == 0 || L >= nl || L <= best_len) return;
      if (lv.compare(nl - L, L, h.suffix) != 0) return;
      size_t prev = nl - L - 1;
      const Letter* pl = d.letter(letters[prev]);
      if (!pl || pl->kind != translit::kC || pl->nph != 1) return;
      if (!h.after.empty() && h.after.find(letters[prev]) == std::u32string::npos) return;
      best = &h;
      best_len = L;
    };
    if (nl > 0) {
      const char32_t last = letters[nl - 1];
      if (d.suffixes_other.empty()) {
        if (last >= 0x600 && last <= 0x6FF)
          for (uint16_t k : d.suffixes_by_last[last - 0x600]) try_suffix(d.suffixes[k]);
      } else {
        for (const SuffixHint& h : d.suffixes) try_suffix(h);
      }
    }
    if (best) units[first_unit[nl - best_len]].bonus = latin_profile ? best->latin : best->g2p;
    // stems with a known bizroke
    // (the letters each stem needs in one flat array: most words lack one of them)
    for (size_t k = 0, ns = d.stem_need.size(); k < ns; ++k) {
      if ((d.stem_need[k] & ~have) != 0) continue;
      const StemHint& h = d.stems[k];
      uint8_t b = latin_profile ? h.latin : h.g2p;
      if (!b) continue;
      size_t pos = lv.find(h.letters);
      if (pos != std::u32string_view::npos) {
        Unit& u = units[first_unit[pos + h.at]];
        u.bonus = std::max(u.bonus, b);
      }
    }
    // the verbal prefix bi- before a consonant: بـ at the word start or right after a preverb
    uint8_t pb = latin_profile ? d.prefix_bi_latin : d.prefix_bi_g2p;
    if (pb && (have & uint64_t{1} << (U'ب' & 63))) {
      for (size_t k = 0; k + 1 < nl; ++k) {
        if (letters[k] != U'ب') continue;
        const Letter* next = d.letter(letters[k + 1]);
        bool start_ok = k == 0;
        for (const std::u32string& p : d.preverbs)
          if (!start_ok && p.size() == k && lv.compare(0, k, p) == 0) start_ok = true;
        if (!start_ok || !next || next->kind != translit::kC) continue;
        Unit& u = units[first_unit[k + 1]];
        u.bonus = std::max(u.bonus, pb);
      }
    }
  }

  bool is_conj(const std::vector<Unit>& u) const { return u.size() == 1 && u[0].kind == translit::kW; }

  void read(std::string_view word, const Weights& w, Reading& r, bool& conj) const {
    thread_local std::vector<Unit> units;
    units_of(word, units, &w == &d.latin_w);
    conj = is_conj(units);
    if (conj) {
      r.ph.assign(1, d.inv.uu);
      r.syl_start.assign(1, 1);
      return;
    }
    translit::read_word(d.inv, w, units, r);
  }

  std::string latin_of(std::string_view word) const {
    std::string out;
    latin_into(word, out);
    return out;
  }
  // Appends the Latin spelling of one word to `out`.
  void latin_into(std::string_view word, std::string& out) const {
    thread_local Reading r;
    r.syllables = false;  // the spelling needs the phonemes only
    bool conj;
    read(word, d.latin_w, r, conj);
    const size_t n = r.ph.size();
    const uint8_t* ph = r.ph.data();
    if (d.latin_long) {
      for (size_t k = 0; k < n; ++k) {
        uint8_t p = ph[k];
        if (p == d.inv.glottal) {
          if (k == 0 || d.inv.ph[ph[k - 1]].cls == translit::kVowel || !opt.glottal_apostrophe) continue;
        }
        if (k == 0 && p == d.inv.rr && !opt.initial_heavy_r) p = d.inv.r;
        out += d.inv.ph[p].latin;
      }
      return;
    }
    const size_t o0 = out.size();
    out.resize(o0 + n * Data::kLatinMax);  // room for every phoneme at its longest; cut back below
    char* q = out.data() + o0;
    for (size_t k = 0; k < n; ++k) {
      uint8_t p = ph[k];
      if (p == d.inv.glottal) {
        if (k == 0 || d.inv.ph[ph[k - 1]].cls == translit::kVowel || !opt.glottal_apostrophe) continue;
      }
      if (k == 0 && p == d.inv.rr && !opt.initial_heavy_r) p = d.inv.r;
      std::memcpy(q, d.latin_of[p], Data::kLatinMax);
      q += d.latin_len[p];
    }
    out.resize(static_cast<size_t>(q - out.data()));
  }

  std::string g2p_of(std::string_view word, bool ipa) const {
    std::string out;
    g2p_into(word, ipa, out);
    return out;
  }
  void g2p_into(std::string_view word, bool ipa, std::string& out) const {
    thread_local Reading r;
    bool conj;
    read(word, d.g2p_w, r, conj);
    bool any_vowel = false;
    for (uint8_t p : r.ph) any_vowel |= d.inv.ph[p].cls == translit::kVowel;
    for (size_t k = 0; k < r.ph.size(); ++k) {
      if (opt.syllables && r.syl_start[k]) {
        if (!ipa || k > 0) out += '.';
      }
      out += ipa ? d.inv.ph[r.ph[k]].ipa : d.inv.ph[r.ph[k]].g2p;
    }
    if (!any_vowel && !r.ph.empty()) out += ipa ? d.inv.ph[d.inv.i].ipa : d.inv.ph[d.inv.i].g2p;  // a letter name: پ -> .pi
  }

  // The result for one word, from the per-thread cache. The view stays valid until the next call.
  // The thread's cache, emptied when another transliterator used it last. A text loop asks once
  // per call and looks every word up with cached_in (the hit path inline, the miss out of line).
  WordCache& word_cache() const {
    thread_local WordCache cache;
    if (cache.owner != id) {
      for (auto& m : cache.map) m.clear();
      cache.owner = id;
    }
    return cache;
  }
  std::string_view cached_in(WordCache& cache, int kind, std::string_view word) const {
    uint64_t h = WordTable::hash_of(word);
    std::string_view hit;
    if (cache.map[kind].find(word, h, &hit)) return hit;
    return compute(cache, kind, word, h);
  }
  [[gnu::noinline]] std::string_view compute(WordCache& cache, int kind, std::string_view word, uint64_t h) const {
    cache.scratch.clear();
    if (kind == 0) latin_into(word, cache.scratch);
    else g2p_into(word, kind == 2, cache.scratch);
    cache.map[kind].insert(word, h, cache.scratch);
    return cache.scratch;
  }

  // ---------------- Arabic -> Latin, text ----------------
  // The text loop writes through a pointer into a per-thread buffer of a few KB, appended to `out`
  // when full and at the end: a word's spelling is one or two fixed-size copies instead of a
  // string append with its capacity check and library memcpy call. Code that reads or changes
  // the output itself (the vowel before the conjunction, capitals) flushes first.
  struct OutCursor {
    static constexpr size_t kChunk = 4096;
    std::string& out;
    std::string& buf;
    char* q;    // next byte to write in buf
    char* end;  // end of buf
    OutCursor(std::string& o, std::string& b) : out(o), buf(b) {
      if (buf.size() < kChunk) buf.resize(kChunk);
      q = buf.data();
      end = buf.data() + buf.size();
    }
    size_t size() const { return out.size() + static_cast<size_t>(q - buf.data()); }
    void flush() {
      out.append(buf.data(), static_cast<size_t>(q - buf.data()));
      q = buf.data();
    }
    // room for k more bytes
    [[gnu::always_inline]] void need(size_t k) {
      if (static_cast<size_t>(end - q) < k) grow(k);
    }
    [[gnu::noinline]] void grow(size_t k) {
      flush();
      if (buf.size() < k) buf.resize(k);
      q = buf.data();
      end = buf.data() + buf.size();
    }
    [[gnu::always_inline]] void put(char c) {
      need(1);
      *q++ = c;
    }
    [[gnu::always_inline]] void put(std::string_view v) {
      const size_t k = v.size();
      need(k);
      const char* p = v.data();
      if (k >= 8 && k <= 16) {  // two overlapping 8-byte copies
        std::memcpy(q, p, 8);
        std::memcpy(q + k - 8, p + k - 8, 8);
      } else if (k >= 4 && k < 8) {
        std::memcpy(q, p, 4);
        std::memcpy(q + k - 4, p + k - 4, 4);
      } else if (k < 4) {
        for (size_t j = 0; j < k; ++j) q[j] = p[j];
      } else {
        std::memcpy(q, p, k);
      }
      q += k;
    }
  };

  void text_to_latin(std::string_view in, std::string& out, std::vector<TranslitSpan>* spans) const {
    WordCache& cache = word_cache();
    bool sentence_start = true;
    // Where the output of the last word with any output starts and ends: whether it ended in a vowel
    // matters only before the conjunction و, so it is looked at only then.
    size_t prev_o0 = 0, prev_end = 0;
    const size_t n = in.size();
    thread_local std::string out_buf;
    OutCursor oc(out, out_buf);
    size_t i = 0;
    while (i < n) {
      unsigned char b = static_cast<unsigned char>(in[i]);
      if (b < 0x80) {
        oc.put(static_cast<char>(b));
        if (!opt.capitalize) {  // sentence starts matter only for capitals
        } else if (b == '.' || b == '!' || b == '?') sentence_start = true;
        else if (b != ' ' && b != '\t' && b != '"' && b != '\'' && b != '(') sentence_start = false;
        ++i;
        continue;
      }
      int len;
      char32_t cp;
      if (b >= 0xD8 && b <= 0xDB && i + 1 < n && (static_cast<unsigned char>(in[i + 1]) & 0xC0) == 0x80 &&
          d.word_start[((b & 0x1Fu) << 6 | (static_cast<unsigned char>(in[i + 1]) & 0x3Fu)) - 0x600u]) {
        len = 2;  // fast path: a letter of U+0600..U+06FF starts a word
      } else if ((cp = utf8::decode(in, i, len)), !arabic_word_char(d, cp) || arabic_skip(cp)) {
        char32_t m = arabic_punct_to_latin(cp);
        if (m) {
          oc.put(static_cast<char>(m));
          if (m == U'?' || m == U'.') sentence_start = true;
          else if (m < U'0' || m > U'9') {}
          else sentence_start = false;
        } else {
          oc.put(in.substr(i, static_cast<size_t>(len)));
          if (cp != 0xAB && cp != 0xBB && !chars::is_space(cp)) sentence_start = false;
        }
        i += static_cast<size_t>(len);
        continue;
      }
      // an Arabic-script word
      size_t s = i;
      i += static_cast<size_t>(len);
      const unsigned char* p = reinterpret_cast<const unsigned char*>(in.data());
      const bool* pair = d.word_pair;
      while (i < n) {
        // fast path: two-byte code points of U+0600..U+06FF, one table look-up each, two at a time
        for (;;) {
          if (i + 3 >= n) {  // the last three bytes
            while (i + 1 < n && pair[p[i] | p[i + 1] << 8]) i += 2;
            break;
          }
          uint32_t v;
          std::memcpy(&v, p + i, 4);  // the pairs p[i] | p[i + 1] << 8 and p[i + 2] | p[i + 3] << 8 (little endian)
          if constexpr (std::endian::native == std::endian::big)
            v = (v >> 24) | (v >> 8 & 0xFF00u) | (v << 8 & 0xFF0000u) | (v << 24);
          const bool first = pair[v & 0xFFFFu], second = pair[v >> 16];
          if (first & second) {
            i += 4;
            continue;
          }
          if (first) i += 2;
          break;  // the pair at i is not a word letter
        }
        if (i >= n) break;
        unsigned char b0 = p[i];
        if (b0 < 0x80) break;
        if (b0 == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x8C || p[i + 2] == 0x8D)) {
          i += 3;  // ZWNJ, ZWJ: inside a word
          continue;
        }
        // a code point of the block that is not a word_char ends the word
        if (b0 - 0xD8u < 4 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) break;
        char32_t c2 = utf8::decode(in, i, len);
        if (!arabic_word_char(d, c2)) break;
        i += static_cast<size_t>(len);
      }
      std::string_view word(in.data() + s, i - s);
      size_t o0 = oc.size();
      std::string_view lat = cached_in(cache, 0, word);
      // û (C3 BB) compared by bytes: string_view == calls an out-of-line compare for every 2-byte spelling
      if (lat.size() == 2 && lat[0] == '\xC3' && lat[1] == '\xBB' && is_conj_word(word)) {
        oc.flush();
        oc.put(ends_in_vowel(out, prev_o0, prev_end) ? std::string_view("w") : std::string_view("û"));
      } else {
        oc.put(lat);
      }
      if (opt.capitalize && oc.size() > o0 && (sentence_start || proper_noun(word))) {
        oc.flush();
        capitalize_at(out, o0);
      }
      sentence_start = false;
      if (oc.size() > o0) {
        prev_o0 = o0;
        prev_end = oc.size();
      }
      if (spans) spans->push_back(TranslitSpan{s, i, o0, oc.size()});
    }
    oc.flush();
  }

  // The word written at out[o0, end) ends in a vowel (false when there is none).
  static bool ends_in_vowel(const std::string& out, size_t o0, size_t end) {
    if (end <= o0) return false;
    if (static_cast<unsigned char>(out[end - 1]) < 0x80) {
      char c = out[end - 1];
      return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'A' || c == 'E' || c == 'I' ||
             c == 'O' || c == 'U';
    }
    int l2;
    size_t last = end - 1;
    while (last > o0 && (static_cast<unsigned char>(out[last]) & 0xC0) == 0x80) --last;
    return latin_vowel_char(utf8::decode(std::string_view(out).substr(0, end), last, l2));
  }

  bool is_conj_word(std::string_view word) const {
    // و alone (possibly with marks / ZWNJ around it)
    size_t letters = 0;
    bool waw = false;
    for (size_t i = 0; i < word.size();) {
      int len;
      char32_t cp = utf8::decode(word, i, len);
      i += static_cast<size_t>(len);
      if (arabic_skip(cp)) continue;
      ++letters;
      waw = cp == 0x648;
    }
    return letters == 1 && waw;
  }

  void capitalize_at(std::string& out, size_t pos) const {
    int len;
    char32_t cp = utf8::decode(out, pos, len);
    std::string up;
    auto it = d.upper.find(cp);
    if (it != d.upper.end()) up = it->second;
    else if (cp >= U'a' && cp <= U'z') up = std::string(1, static_cast<char>(cp - 32));
    else return;
    out.replace(pos, static_cast<size_t>(len), up);
  }

  // ---------------- G2P, text ----------------
  void text_g2p(std::string_view in, std::string& out, std::vector<TranslitSpan>* spans) const {
    const size_t n = in.size();
    size_t i = 0;
    bool need_space = false;
    size_t last_word_out_start = std::string::npos;
    int kind = opt.ipa ? 2 : 1;
    WordCache& cache = word_cache();
    while (i < n) {
      int len;
      char32_t cp = utf8::decode(in, i, len);
      if (!arabic_word_char(d, cp) || arabic_skip(cp)) {
        if (chars::is_space(cp)) {
          i += static_cast<size_t>(len);
          continue;
        }
        // non-Arabic token: copy up to the next space or Arabic word
        size_t s = i;
        while (i < n) {
          char32_t c2 = utf8::decode(in, i, len);
          if (chars::is_space(c2) || (arabic_word_char(d, c2) && !arabic_skip(c2))) break;
          i += static_cast<size_t>(len);
        }
        if (need_space) out.push_back(' ');
        out.append(in.substr(s, i - s));
        need_space = true;
        last_word_out_start = std::string::npos;
        continue;
      }
      size_t s = i;
      i += static_cast<size_t>(len);
      while (i < n) {
        char32_t c2 = utf8::decode(in, i, len);
        if (!arabic_word_char(d, c2)) break;
        i += static_cast<size_t>(len);
      }
      std::string_view word = in.substr(s, i - s);
      if (!opt.ipa && opt.syllables && is_conj_word(word) && last_word_out_start != std::string::npos &&
          out.size() > last_word_out_start) {
        // the conjunction joins the previous word: .bi.ra + û -> .bi.raw ; .dar + û -> .da.rû
        size_t last = out.size() - 1;
        while (last > last_word_out_start && (static_cast<unsigned char>(out[last]) & 0xC0) == 0x80) --last;
        int l2;
        char32_t lc = utf8::decode(out, last, l2);
        if (latin_vowel_char(lc)) {
          out += "w";
        } else if (lc != U'.') {
          out.insert(out.begin() + static_cast<std::ptrdiff_t>(last), '.');
          out += "û";
        }
        if (spans && !spans->empty()) { spans->back().src_end = i; spans->back().out_end = out.size(); }
        continue;
      }
      if (need_space) out.push_back(' ');
      size_t o0 = out.size();
      out += cached_in(cache, kind, word);
      need_space = true;
      last_word_out_start = o0;
      if (spans) spans->push_back(TranslitSpan{s, i, o0, out.size()});
    }
  }

  // ---------------- Latin -> Arabic ----------------
  std::string arabic_of(std::string_view word) const {
    if (word == "û" || word == "Û" || word == "w" || word == "W") return "و";  // the conjunction
    // lowercase code points
    thread_local std::u32string cps;
    cps.clear();
    for (size_t i = 0; i < word.size();) {
      int len;
      char32_t cp = utf8::decode(word, i, len);
      i += static_cast<size_t>(len);
      if (cp >= U'A' && cp <= U'Z') cp += 32;
      else if (cp >= 0x80) {
        auto it = d.lower.find(cp);
        if (it != d.lower.end()) cp = it->second;
      }
      if (cp == 0x2018 || cp == 0x02BC || cp == 0x02BE || cp == 0x02BF || cp == 0x60) cp = 0x2019;  // apostrophes
      cps.push_back(cp);
    }
    std::string out;
    bool at_start = true, prev_vowel = false;
    for (size_t k = 0; k < cps.size();) {
      const LatinEntry* e = nullptr;
      size_t used = 0;
      if (k + 1 < cps.size() && !d.latin2.empty()) {
        auto it = d.latin2.find((static_cast<uint64_t>(cps[k]) << 32) | cps[k + 1]);
        if (it != d.latin2.end()) { e = it->second; used = 2; }
      }
      if (!e) {
        if (cps[k] < 0x250) {
          e = d.latin1[cps[k]];
        } else {
          auto it = d.latin_other.find(cps[k]);
          if (it != d.latin_other.end()) e = it->second;
        }
        used = 1;
      }
      if (!e) {
        utf8::append(out, cps[k]);
        ++k;
        at_start = false;
        prev_vowel = false;
        continue;
      }
      bool is_i = e->vowel && e->arabic.empty();
      // a vowel at the word start or after a vowel takes the carrier ئ; û after a vowel is the
      // attached conjunction و, written without it (pileûpaye -> پلەووپایە)
      bool attached_conj = !at_start && prev_vowel && e->arabic == "وو";
      if (e->vowel && !is_i && (at_start || prev_vowel) && !attached_conj) out += "ئ";
      if (at_start && e->arabic == "ر") out += "ڕ";
      else if (e->arabic == "ئ" && (at_start || k + used >= cps.size())) {
        // a stray apostrophe at the edge of a word is not a glottal stop
      } else out += e->arabic;
      prev_vowel = e->vowel;
      at_start = false;
      k += used;
    }
    return out;
  }

  static bool latin_word_char(char32_t cp) {
    return chars::is_latin_letter(cp) || cp == 0x2019 || cp == U'\'' || cp == 0x02BC || chars::is_mark(cp);
  }

  void text_to_arabic(std::string_view in, std::string& out, std::vector<TranslitSpan>* spans) const {
    const size_t n = in.size();
    size_t i = 0;
    bool token_start = true;
    bool after_word = false;
    while (i < n) {
      int len;
      char32_t cp = utf8::decode(in, i, len);
      if (token_start && !chars::is_space(cp)) {
        // URLs, e-mail addresses and @handles pass through whole
        size_t e = i;
        while (e < n && in[e] != ' ' && in[e] != '\t') ++e;
        std::string_view tok = in.substr(i, e - i);
        if (tok.find("://") != std::string_view::npos || tok.find('@') != std::string_view::npos ||
            tok.substr(0, 4) == "www.") {
          out.append(tok);
          i = e;
          after_word = false;
          continue;
        }
      }
      token_start = chars::is_space(cp);
      if (latin_word_char(cp) && !chars::is_mark(cp) && cp != U'\'' && cp != 0x2019) {
        size_t s = i;
        i += static_cast<size_t>(len);
        while (i < n) {
          char32_t c2 = utf8::decode(in, i, len);
          if (!latin_word_char(c2)) break;
          i += static_cast<size_t>(len);
        }
        // do not swallow a trailing quote
        size_t e = i;
        while (e > s && (in[e - 1] == '\'')) --e;
        if (e > s + 2 && static_cast<unsigned char>(in[e - 1]) == 0x99 && in.substr(e - 3, 3) == "\u2019") e -= 3;
        std::string_view word = in.substr(s, e - s);
        size_t o0 = out.size();
        out += arabic_of(word);
        if (spans) spans->push_back(TranslitSpan{s, e, o0, out.size()});
        out.append(in.substr(e, i - e));
        after_word = true;
        continue;
      }
      if (cp >= U'0' && cp <= U'9') {
        if (opt.arabic_digits) utf8::append(out, 0x660 + (cp - U'0'));
        else out.push_back(static_cast<char>(cp));
        after_word = false;
        ++i;
        continue;
      }
      bool next_blank = i + 1 >= n || in[i + 1] == ' ' || in[i + 1] == '\t';
      if (opt.arabic_punctuation && (after_word || next_blank) && (cp == U',' || cp == U';' || cp == U'?')) {
        out += cp == U',' ? "،" : cp == U';' ? "؛" : "؟";
        after_word = false;
        ++i;
        continue;
      }
      out.append(in.substr(i, static_cast<size_t>(len)));
      if (!chars::is_space(cp)) after_word = false;
      i += static_cast<size_t>(len);
    }
  }
};

Transliterator::Transliterator() : Transliterator(TranslitOptions{}) {}
Transliterator::Transliterator(const TranslitOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Transliterator::~Transliterator() = default;
Transliterator::Transliterator(Transliterator&&) noexcept = default;
Transliterator& Transliterator::operator=(Transliterator&&) noexcept = default;

const TranslitOptions& Transliterator::options() const { return impl_->opt; }

std::string Transliterator::to_latin(std::string_view text) const {
  std::string out;
  to_latin(text, out);
  return out;
}
std::string Transliterator::to_arabic(std::string_view text) const {
  std::string out;
  to_arabic(text, out);
  return out;
}
std::string Transliterator::g2p(std::string_view text) const {
  std::string out;
  g2p(text, out);
  return out;
}
void Transliterator::to_latin(std::string_view text, std::string& out, std::vector<TranslitSpan>* spans) const {
  out.reserve(out.size() + text.size());
  impl_->text_to_latin(text, out, spans);
}
void Transliterator::to_arabic(std::string_view text, std::string& out, std::vector<TranslitSpan>* spans) const {
  out.reserve(out.size() + text.size() * 2);
  impl_->text_to_arabic(text, out, spans);
}
void Transliterator::g2p(std::string_view text, std::string& out, std::vector<TranslitSpan>* spans) const {
  impl_->text_g2p(text, out, spans);
}
std::string Transliterator::word_to_latin(std::string_view w) const { return impl_->latin_of(w); }
std::string Transliterator::word_to_arabic(std::string_view w) const { return impl_->arabic_of(w); }
std::string Transliterator::g2p_word(std::string_view w, bool ipa) const { return impl_->g2p_of(w, ipa); }

}  // namespace kurdi
