// kurdi::Analyzer: right-to-left nominal suffix automaton, left-to-right verbal prefix automaton,
// stem hash lookups and a verbal tail automaton, all driven by the slot tables of data/morph/.
#include "kurdi/morph.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "kurdi/normalize.h"
#include "kurdi/text.h"
#include "morph/grammar.h"
#include "text/hash.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(normalize_wordfreq_tsv)

namespace kurdi {

using morph::Entry;
using morph::Grammar;
using morph::Kind;
using morph::Row;

namespace {

constexpr std::string_view kNe = "\u0646\u06D5";   // نە
constexpr std::string_view kHeh = "\u06D5";        // ە
constexpr std::string_view kLe = "\u0644\u06D5";   // لە
constexpr std::string_view kBe = "\u0628\u06D5";   // بە
constexpr std::string_view kLew = "\u0644\u06D5\u0648";  // لەو
constexpr std::string_view kLem = "\u0644\u06D5\u0645";  // لەم
constexpr std::string_view kBew = "\u0628\u06D5\u0648";  // بەو
constexpr std::string_view kBem = "\u0628\u06D5\u0645";  // بەم
constexpr std::string_view kReh = "\u0631";   // ر
constexpr std::string_view kNa = "\u0646\u0627";   // نا
constexpr std::string_view kHaw = "\u0647\u0627\u0648";  // هاو
constexpr std::string_view kFre = "\u0641\u0631\u06D5";  // فرە
constexpr std::string_view kDzhe = "\u062F\u0698\u06D5";  // دژە
constexpr std::string_view kDe = "\u062F\u06D5";  // دە (progressive)
constexpr std::string_view kGel = "\u06AF\u06D5\u0644";  // گەل (literary plural)
constexpr std::string_view kAyeti = "\u0627\u06CC\u06D5\u062A\u06CC";  // ایەتی
constexpr std::string_view kEti = "\u06CE\u062A\u06CC";  // ێتی
constexpr std::string_view kYeti = "\u06CC\u06D5\u062A\u06CC";  // یەتی
constexpr std::string_view kRreh = "\u0695";  // ڕ

// Morph kinds in a light candidate.
enum MType : uint8_t { mStem, mNom, mPre, mTail, mPart, mNeg, mAdp, mConj, mDet, mAux, mPron, mPartcl, mAdv };

struct LMorph {
  const Row* row;  // null for stems and parts
  uint16_t b, e;
  MType type;
};

constexpr int kMaxMorphs = 16;


struct LCand {
  uint32_t lemma = 0;      // string id; 0 with lemma_span: the lemma is word[stem_b, stem_e) (+ ە)
  std::string lemma_text;  // set for joined compounds: the lemma spelled out
  bool lemma_span = false;
  bool lemma_add_heh = false;
  uint16_t stem_b = 0, stem_e = 0;
  uint8_t pos = 0;
  bool guessed = false;
  bool induced = false;  // the stem entry is an induced one (Entry::source 1)
  bool transitive = false;
  bool caus = false;
  Kind kind = Kind::kNominal;
  float score = 0;
  int n = 0;
  std::array<LMorph, kMaxMorphs> m;

  // A candidate found for word[off, ...) becomes one for the whole word: every span moves by `off`
  // and a morph of `type` covering word[0, off) goes first. The caller checks n + 1 <= kMaxMorphs.
  void prepend(uint16_t off, MType type) {
    stem_b = static_cast<uint16_t>(stem_b + off);
    stem_e = static_cast<uint16_t>(stem_e + off);
    for (int i = n; i > 0; --i) {
      m[i] = m[i - 1];
      m[i].b = static_cast<uint16_t>(m[i].b + off);
      m[i].e = static_cast<uint16_t>(m[i].e + off);
    }
    m[0] = {nullptr, 0, off, type};
    ++n;
  }
};

// Where the search puts its candidates. kAll keeps every one in order (analyze, lemmas, inflect);
// kBest keeps only the first of the highest score, which is what the stable sort puts first (lemma,
// stem); kKnown keeps nothing and stops the search at the first candidate that is not guessed
// (known). Guessed candidates are only built when `guess` is set (never for kKnown).
struct Sink {
  enum Mode : uint8_t { kAll, kBest, kKnown };
  Sink(std::vector<LCand>* v, Mode m, bool g) : all(v), mode(m), guess(g && m != kKnown) {}
  std::vector<LCand>* all;  // kAll only
  Mode mode;
  bool guess;
  bool light_only = false;  // only finite forms of a productive light verb without a part (joined_light_verb)
  bool known = false;       // a candidate that is not guessed was added
  bool has_best = false;
  LCand best;

  bool done() const { return mode == kKnown && known; }
  // Whether a candidate of this score is kept (asked before building it; add() follows if so).
  bool take(float score, bool guessed) {
    known |= !guessed;
    if (mode == kAll) return true;
    if (mode == kKnown) return false;
    return !has_best || score > best.score;
  }
  void add(LCand&& c) {
    known |= !c.guessed;
    if (mode == kAll) all->push_back(std::move(c));
    else if (mode == kBest && (!has_best || c.score > best.score)) { best = std::move(c); has_best = true; }
  }
};

// Affixes are a few bytes: a byte loop (last byte first for suffixes, where Arabic letters differ)
// beats a library memcmp call, and most tests fail at the first byte.
inline bool ends_with(std::string_view s, std::string_view t) {
  if (s.size() < t.size()) return false;
  const char* a = s.data() + s.size();
  const char* b = t.data() + t.size();
  for (size_t i = 0; i < t.size(); ++i)
    if (*--a != *--b) return false;
  return true;
}
inline bool starts_with(std::string_view s, std::string_view t) {
  if (s.size() < t.size()) return false;
  for (size_t i = 0; i < t.size(); ++i)
    if (s[i] != t[i]) return false;
  return true;
}
// morph::end_class(s) without decoding: the letters it tells apart are all two-byte sequences;
// anything else goes to end_class.
inline bool two_byte_at(std::string_view s, size_t n) {  // s[n - 2, n) is a two-byte sequence
  return n >= 2 && (static_cast<unsigned char>(s[n - 1]) & 0xC0) == 0x80 &&
         static_cast<unsigned char>(s[n - 2]) >= 0xC2 && static_cast<unsigned char>(s[n - 2]) <= 0xDF;
}
inline char32_t two_byte_cp(std::string_view s, size_t n) {
  return static_cast<char32_t>(((static_cast<unsigned char>(s[n - 2]) & 0x1F) << 6) |
                               (static_cast<unsigned char>(s[n - 1]) & 0x3F));
}
inline uint8_t end_class_fast(std::string_view s) {
  const size_t n = s.size();
  if (!two_byte_at(s, n)) return morph::end_class(s);
  const char32_t c = two_byte_cp(s, n);
  switch (c) {
    case U'\u0627': case U'\u06C6': return morph::kA;
    case U'\u06D5': return morph::kE;
    case U'\u06CE': return morph::kEe;
    case U'\u06CC': case U'\u0648': return morph::end_class(s);  // depends on the letter before
    default: break;
  }
  // a two-byte digit (Arabic-Indic, Extended Arabic-Indic) takes every allomorph, as in morph::end_class
  return (c >= U'\u0660' && c <= U'\u0669') || (c >= U'\u06F0' && c <= U'\u06F9') ? morph::kAny : morph::kC;
}

// A number in digits (chars::is_digit: Latin, Arabic-Indic, Extended Arabic-Indic), starting and
// ending with a digit, with the separators , . ٫ ٬ between digits.
bool digit_number(std::string_view s) {
  // most stems start with a letter: a digit is ASCII or has the lead byte D9 / DB
  if (s.empty()) return false;
  const unsigned char b0 = static_cast<unsigned char>(s[0]);
  if (!(b0 >= '0' && b0 <= '9') && b0 != 0xD9 && b0 != 0xDB) return false;
  bool digit_last = false;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    const char32_t c = utf8::decode(s, i, len);
    if (chars::is_digit(c)) digit_last = true;
    else if (digit_last && (c == U',' || c == U'.' || c == U'\u066B' || c == U'\u066C')) digit_last = false;
    else return false;
    i += static_cast<size_t>(len);
  }
  return digit_last;
}

// a == b with the lengths compared first (std::string == const char* compares the bytes first)
inline bool same(const std::string& a, std::string_view b) { return std::string_view(a) == b; }
size_t next_cp(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}
// start of the code point before byte i (0 when i is 0: an empty word has none)
size_t prev_cp(std::string_view s, size_t i) {
  if (i == 0) return 0;
  --i;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}
// the word ends in ە or ۆ: a present stem in it takes no bare 3sg (see finish_verb)
// (not یە of هاتن: its 3sg is نایەت، colloquially نایە)
inline bool bare_imp_stem(std::string_view w) {
  if (w.size() < 4) return false;
  std::string_view last = w.substr(w.size() - 2);
  if (last == "\u06C6") return true;
  return last == "\u06D5" && w.substr(w.size() - 4, 2) != "\u06CC";
}
// s has at least k code points (counting stops there: every test is against a small k)
inline bool has_cps(std::string_view s, size_t k) {
  if (k == 0) return true;
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80 && ++n >= k) return true;
  return false;
}

// Predecessor masks of the nominal slots: which slot may stand immediately left of slot s.
constexpr uint16_t bit(int s) { return static_cast<uint16_t>(1u << s); }
using namespace morph;
constexpr uint16_t kNomPred[kNomSlots] = {
    /*DEG*/ 0,
    /*NUM*/ bit(kDEG),
    /*EZ*/ bit(kDEG) | bit(kNUM),
    /*IS*/ bit(kDEG) | bit(kNUM),
    /*PSS*/ bit(kDEG) | bit(kNUM) | bit(kIS),
    /*POSTP*/ bit(kDEG) | bit(kNUM) | bit(kIS) | bit(kPSS),
    /*ARG*/ bit(kPSS),
    /*COP*/ bit(kDEG) | bit(kNUM) | bit(kIS) | bit(kPSS) | bit(kPOSTP),
};
constexpr uint16_t kNomAll = 0xFF;

struct Prefix {
  uint16_t pos = 0;
  uint32_t part = 0;
  int8_t neg = -1;  // 0 NE, 1 NA, 2 ME
  int8_t asp = -1;  // 0 DE, 1 BI
  const Row* cl = nullptr;
  bool is = false;
  int n = 0;
  std::array<LMorph, 6> m;
};

int neg_code(const Row* r) { return same(r->feat, "NE") ? 0 : same(r->feat, "NA") ? 1 : 2; }
int asp_code(const Row* r) { return same(r->feat, "DE") ? 0 : 1; }


// Every string the search looks up (surface stems, preverbs / light-verb parts) in one open-addressing
// table with the hash stored beside the key: a miss (most lookups) rarely touches the key bytes.
// Beside it, hash bit sets of the proper prefixes of the keys (of verbal stems, of all stems, of
// parts): a loop that tries longer and longer pieces of a word stops when no key can start with
// the piece. A bit set may answer "maybe" wrongly (one more lookup), never "no" wrongly.
// Built once from the grammar; keys point into the grammar's own strings.
class StemIndex {
 public:
  struct Rec {
    const Entry* entries = nullptr;  // the stem's lexicon entries (n = 0: not a stem)
    uint32_t n = 0;
    uint32_t part = 0;               // string id when the key is a preverb / light-verb part, else 0
    const Entry* begin() const { return entries; }
    const Entry* end() const { return entries + n; }
  };

  explicit StemIndex(const Grammar& g) {
    size_t want = (g.stems.size() + g.parts.size()) * 2 + 16;
    size_t cap = 1;
    while (cap < want) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const auto& [k, v] : g.stems) {
      Rec& r = insert(k);
      r.entries = v.data();
      r.n = static_cast<uint32_t>(v.size());
    }
    for (const auto& p : g.parts) insert(p).part = g.string_ids.at(p);
    verb_prefix_.assign(size_t{1} << 12, 0);   // 2^18 bits
    stem_prefix_.assign(size_t{1} << 14, 0);   // 2^20 bits
    part_prefix_.assign(size_t{1} << 8, 0);    // 2^14 bits
    for (const auto& [k, v] : g.stems) {
      bool verbal = false;
      for (const auto& e : v) verbal |= e.kind != Kind::kNominal;
      for (size_t b = 1; b < k.size(); ++b) {
        const uint64_t h = text::hash_bytes(std::string_view(k).substr(0, b));
        set(stem_prefix_, h);
        if (verbal) set(verb_prefix_, h);
      }
    }
    for (const auto& p : g.parts)
      for (size_t b = 1; b < p.size(); ++b) set(part_prefix_, text::hash_bytes(std::string_view(p).substr(0, b)));
    const uint8_t msdr = pos_id("V.MSDR"), ptcp = pos_id("V.PTCP");
    ending_.assign(size_t{1} << 12, 0);  // 2^18 bits
    for (const auto& [k, v] : g.stems) {
      bool vn = false;
      for (const auto& e : v) vn |= e.kind == Kind::kNominal && (e.pos == msdr || e.pos == ptcp);
      if (vn)
        for (size_t b = 0; b < k.size(); ++b) set(ending_, text::hash_bytes(std::string_view(k).substr(b)));
    }
  }

  // Some key with a verbal entry / any stem / a part is longer than s (hash h) and starts with s.
  bool verb_may_extend(uint64_t h) const { return test(verb_prefix_, h); }
  bool stem_may_extend(uint64_t h) const { return test(stem_prefix_, h); }
  bool part_may_extend(uint64_t h) const { return test(part_prefix_, h); }
  size_t memory_bytes() const {
    return slots_.capacity() * sizeof(Slot) +
           (verb_prefix_.capacity() + stem_prefix_.capacity() + part_prefix_.capacity() + ending_.capacity()) *
               sizeof(uint64_t);
  }
  // A verbal noun or participle (a stem with a V.MSDR / V.PTCP entry) may end with s.
  bool may_end_verbal_noun(std::string_view s) const { return test(ending_, text::hash_bytes(s)); }

  const Rec* find(std::string_view s) const { return find(s, text::hash_bytes(s)); }
  const Rec* find(std::string_view s, uint64_t h) const {
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& sl = slots_[i];
      if (!sl.key) return nullptr;
      if (sl.hash == h && sl.len == s.size() && std::memcmp(sl.key, s.data(), s.size()) == 0) return &sl.rec;
    }
  }
  // The stem's entries, or null.
  const Rec* stem(std::string_view s) const { return stem(s, text::hash_bytes(s)); }
  const Rec* stem(std::string_view s, uint64_t h) const {
    const Rec* r = find(s, h);
    return r && r->n ? r : nullptr;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* key = nullptr;
    uint32_t len = 0;
    Rec rec;
  };
  Rec& insert(const std::string& k) {
    const uint64_t h = text::hash_bytes(k);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& sl = slots_[i];
      if (!sl.key) {
        sl.hash = h;
        sl.key = k.data();
        sl.len = static_cast<uint32_t>(k.size());
        return sl.rec;
      }
      if (sl.hash == h && sl.len == k.size() && std::memcmp(sl.key, k.data(), k.size()) == 0) return sl.rec;
    }
  }
  static void set(std::vector<uint64_t>& bits, uint64_t h) {
    const uint64_t b = (h >> 24) & (bits.size() * 64 - 1);
    bits[b >> 6] |= uint64_t{1} << (b & 63);
  }
  static bool test(const std::vector<uint64_t>& bits, uint64_t h) {
    const uint64_t b = (h >> 24) & (bits.size() * 64 - 1);
    return (bits[b >> 6] >> (b & 63)) & 1;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<uint64_t> verb_prefix_, stem_prefix_, part_prefix_, ending_;
};

const StemIndex& stem_index() {
  static const StemIndex idx(morph::grammar());
  return idx;
}

// defined with the generation helpers below
long corpus_count(const std::string& form);

}  // namespace

struct Analyzer::Impl {
  MorphOptions options;
  const Grammar& g = morph::grammar();
  const StemIndex& idx = stem_index();
  Normalizer normalizer;
  size_t max_part_bytes = 0;
  std::vector<uint8_t> light_lemma;  // per string id: a productive light verb (g.light_verbs)
  bool agent_last[256] = {};  // last bytes of the agent endings (derivation.tsv): a quick pre-check
  // the non-empty rows of each nominal slot grouped by the last byte of the form, in table order:
  // rows of slot s ending in byte b are nom_by_last[nom_off[s][b], nom_off[s][b + 1])
  std::vector<const Row*> nom_by_last;
  std::array<std::array<uint32_t, 257>, kNomSlots> nom_off{};
  // the non-empty rows of each verbal slot grouped by the second byte of the form, in table order
  // (one-byte forms in every group; group 256: the rows that can start a one-byte rest)
  std::vector<const Row*> verb_by_b1;
  std::array<std::array<uint32_t, 258>, kVSlots> verb_off{};
  struct RowRange {
    const Row* const* b;
    const Row* const* e;
    const Row* const* begin() const { return b; }
    const Row* const* end() const { return e; }
  };
  // the rows of verbal slot s that can start `rest`, in table order
  RowRange verb_rows(int s, std::string_view rest) const {
    const size_t k = rest.size() >= 2 ? static_cast<unsigned char>(rest[1]) : 256;
    return {verb_by_b1.data() + verb_off[s][k], verb_by_b1.data() + verb_off[s][k + 1]};
  }
  const uint8_t kConjPos = pos_id("CONJ"), kPartPos = pos_id("PART"), kIntjPos = pos_id("INTJ"),
                kAdpPos = pos_id("ADP"), kProPos = pos_id("PRO");
  // POS ids looked up once (pos_id compares strings)
  // the id of a lemma's string, looked up once (0, no lemma, if the tables lack it)
  static uint32_t lemma_id(const char* lemma) {
    const auto& gr = grammar();
    auto it = gr.string_ids.find(lemma);
    return it == gr.string_ids.end() ? 0u : it->second;
  }
  const uint32_t hebun_lemma = lemma_id("\u0647\u06D5\u0628\u0648\u0648\u0646");  // هەبوون
  const uint32_t hatin_lemma = lemma_id("\u0647\u0627\u062A\u0646");  // هاتن
  const uint8_t pN = pos_id("N"), pAdj = pos_id("ADJ"), pPropn = pos_id("PROPN"), pV = pos_id("V"),
                pMsdr = pos_id("V.MSDR"), pPtcp = pos_id("V.PTCP"), pNum = pos_id("NUM"),
                pPro = pos_id("PRO"), pAdp = pos_id("ADP"), pAdv = pos_id("ADV");

  // The head of a joined compound (index record, may be null): a light-verb part, or a stem with an
  // entry that is not a preposition. A preposition written joined to a verbal noun is
  // the preposition + the verbal noun (لەنووسینەوەی = لە نووسینەوەی, بۆکردنی, بەدروستکردنی), not a
  // compound verb لەنووسینەوە: joined_preposition() reads it, with the verbal noun's lemma.
  bool compound_head(const StemIndex::Rec* r) const {
    if (!r) return false;
    if (r->part) return true;
    for (const auto& e : *r)
      if (e.pos != pAdp) return true;
    return false;
  }

  // The stem (index record, may be null) has a hand-written noun or adjective entry: the test for
  // heads of derivations and joined light verbs (induced stems admit misspellings).
  bool handwritten_nominal(const StemIndex::Rec* r) const {
    if (!r) return false;
    for (const auto& e : *r)
      if (e.kind == Kind::kNominal && e.source == 0 && (e.pos == pN || e.pos == pAdj)) return true;
    return false;
  }

  // `b` (vowel + یی) is a derived word that takes the vowel-initial suffixes of a hand-written stem
  // in vowel + یی (nominal_suffixes.tsv rows `Y`: the glide ی not written a third time): the abstract
  // noun of a hand-written adjective in a vowel of 3+ letters (خێرا → خێراییەکی، وریا → بە
  // وریاییەوە، سادەییەکی، تووڕەییەکی) or of a participle in وو (یەکگرتووییەکی); with `postp` (the
  // -ەوە row) also the nisba adjective of a hand-written noun (لە ڕێگەی هەواییەوە، بەکتریای
  // دەریاییەوە, زیانی جەستەییەوە). Not the nisba with -ەک: شێوەییەک، ڤیدیۆییەک are شێوەیەک، ڤیدیۆیەک
  // misspelt. (perm: 33 tokens of 26 unknown types)
  bool derived_vowel_yy(std::string_view b, bool postp) const {
    const std::string_view base = b.substr(0, b.size() - 4);  // b ends in یی (checked by the caller)
    if (!has_cps(base, 3)) return false;
    const bool uu = ends_with(base, "\u0648\u0648");
    if (const StemIndex::Rec* r = idx.stem(base))
      for (const auto& e : *r) {
        if (e.kind != Kind::kNominal) continue;
        if (uu && e.pos == pPtcp) return true;
        if (e.source != 0) continue;
        if (e.pos == pAdj || (postp && (e.pos == pN || e.pos == pPropn))) return true;
      }
    // a joined compound participle: یەک + گرتوو (یەکگرتووییەکی)
    for (size_t k = next_cp(base, 0); uu && k + 4 <= base.size(); k = next_cp(base, k)) {
      const StemIndex::Rec* pt = idx.stem(base.substr(k));
      if (!pt) continue;
      const StemIndex::Rec* hr = idx.find(base.substr(0, k));
      if (!compound_head(hr)) continue;
      for (const auto& e : *pt)
        if (e.kind == Kind::kNominal && e.pos == pPtcp) return true;
    }
    return false;
  }

  // head = a hand-written adjective of 3+ letters + the comparative -تر (بەهێزتر، جوانتر): the head of
  // a joined کردن / بوون compound (بەهێزترکردنی، گرانتربوونی; perm: 6 tokens of 4 unknown types)
  bool comparative_head(std::string_view head) const {
    if (!ends_with(head, "\u062A\u0631") || !has_cps(head, 5)) return false;
    const std::string_view adj = head.substr(0, head.size() - 4);
    if (!has_cps(adj, 3)) return false;
    if (const StemIndex::Rec* r = idx.stem(adj))
      for (const auto& e : *r)
        if (e.kind == Kind::kNominal && e.source == 0 && e.pos == pAdj) return true;
    return false;
  }
  const uint32_t kirdin_lemma = lemma_id("\u06A9\u0631\u062F\u0646"), bun_lemma = lemma_id("\u0628\u0648\u0648\u0646");
  bool kb_lemma(uint32_t l) const { return l && (l == kirdin_lemma || l == bun_lemma); }

  // The preverbs by their spelling with ڵ ڕ ێ ۆ written ل ر ی و (fold_marks), for the free compound
  // rule; preverb_twin_bytes: the longest.
  SvMap<std::vector<std::string>> preverb_twins;
  size_t preverb_twin_bytes = 0;
  static std::string fold_marks(std::string_view w) {
    std::string out(w);  // each mark letter and its plain twin are two bytes in UTF-8
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"\u06B5", "\u0644"},
                            {"\u0695", "\u0631"}, {"\u06CE", "\u06CC"}, {"\u06C6", "\u0648"}})
      for (size_t i = out.find(from); i != std::string::npos; i = out.find(from, i + to.size()))
        out.replace(i, from.size(), to);
    return out;
  }
  // The preverbs `head` is a mark-twin of (هەڵ for هەل), or null: head is a preverb itself or none.
  const std::vector<std::string>* preverb_twin_of(std::string_view head) const {
    if (head.size() > preverb_twin_bytes || g.preverbs.count(head)) return nullptr;
    auto it = preverb_twins.find(fold_marks(head));
    return it == preverb_twins.end() ? nullptr : &it->second;
  }
  // `head` + `rest` is a listed preverb verb's verbal noun or participle misspelt: head is not a
  // preverb but differs from one only in its marks (هەل for هەڵ, ڕو for ڕۆ), and that preverb + rest
  // is listed (هەڵفڕین, ڕۆچوون)
  bool misspelt_preverb_verb(std::string_view head, std::string_view rest) const {
    const std::vector<std::string>* twins = preverb_twin_of(head);
    if (!twins) return false;
    for (const auto& p : *twins) {
      const StemIndex::Rec* r = idx.stem(p + std::string(rest));
      if (r)
        for (const auto& e : *r)
          if (e.kind == Kind::kNominal && (e.pos == pMsdr || e.pos == pPtcp)) return true;
    }
    return false;
  }
  // nom_try_stem: `stem` = w[0, p) is part + نە + rest with part + rest a verbal noun or participle of a
  // compound (سەر + نە + کەوتن): its candidates (NEG between the part and the rest)
  bool negated_part_noun(std::string_view stem, size_t p, const LMorph* st, int depth, Sink& out) const {
    bool found = false;
    for (size_t k = next_cp(stem, 0); k + kNe.size() + 4 <= stem.size() && k <= max_part_bytes; k = next_cp(stem, k)) {
      const uint64_t h = text::hash_bytes(stem.substr(0, k));
      const StemIndex::Rec* pr = idx.find(stem.substr(0, k), h);
      if (pr && pr->part && starts_with(stem.substr(k), kNe)) {
        thread_local std::string pv;
        pv.assign(stem.substr(0, k));
        pv += stem.substr(k + kNe.size());
        if (const StemIndex::Rec* jt = idx.stem(pv))
          for (const auto& e : *jt) {
            if (e.kind != Kind::kNominal || (e.pos != pMsdr && e.pos != pPtcp)) continue;
            // bare, X-نە-Yنەوە is the negated past + -ەوە (ڕووننەکردنەوە), as نەگرتنەوە; with a suffix
            // the verbal noun (ڕووننەکردنەوەی)
            if (e.pos == pMsdr && depth == 0 && ends_with(stem, "\u06D5\u0648\u06D5")) continue;
            const float sc = 9.5f + e.weight - 1.0f * depth;
            found = true;
            if (!out.take(sc, false)) continue;
            LCand c;
            c.lemma = e.lemma;
            c.pos = e.pos;
            c.caus = e.caus;
            c.kind = Kind::kNominal;
            c.stem_b = 0;
            c.stem_e = static_cast<uint16_t>(p);
            c.score = sc;
            c.m[c.n++] = {nullptr, 0, static_cast<uint16_t>(k), mPart};
            c.m[c.n++] = {nullptr, static_cast<uint16_t>(k), static_cast<uint16_t>(k + kNe.size()), mNeg};
            c.m[c.n++] = {nullptr, static_cast<uint16_t>(k + kNe.size()), static_cast<uint16_t>(p), mStem};
            for (int i = depth - 1; i >= 0 && c.n < kMaxMorphs; --i) c.m[c.n++] = st[i];
            out.add(std::move(c));
          }
      }
      if (found || !idx.part_may_extend(h)) break;
    }
    return found;
  }

  // `s` is X + ەرەوە (X a present stem in a consonant: لێکۆڵ، دۆز) or X + رەوە (X a present stem in ە:
  // کە، دە), the present stem after its part if it has one (لێ + کۆڵ) or after a hand-written head of
  // a productive light verb (سارد + کە، وەڵام + دە); or X + ەر and X + ینەوە are known nouns (توێژەر)
  bool agent_ewe(std::string_view s) const {
    // ەرەوە = DB 95 D8 B1 DB 95 D9 88 DB 95: a quick test of the last bytes first
    if (s.size() < 14 || static_cast<unsigned char>(s.back()) != 0x95 || !ends_with(s, "\u06D5\u0631\u06D5\u0648\u06D5"))
      return false;
    const std::string_view cons = s.substr(0, s.size() - 10), vow = s.substr(0, s.size() - 8);
    // the agent noun X-ەر and the -ەوە verbal noun X-ینەوە are known nouns: توێژەر، توێژینەوە (not
    // any noun in ەر: هونەرەوەی، سەنتەرەوەی)
    if (has_cps(cons, 2))
      if (const StemIndex::Rec* agent = idx.stem(s.substr(0, s.size() - 6))) {
        bool noun = false;
        for (const auto& e : *agent) noun |= e.kind == Kind::kNominal && e.pos == pN;
        if (noun) {
          thread_local std::string vn;
          vn.assign(cons);
          vn += "\u06CC\u0646\u06D5\u0648\u06D5";
          if (const StemIndex::Rec* r = idx.stem(vn))
            for (const auto& e : *r)
              if (e.kind == Kind::kNominal) return true;
        }
      }
    auto present = [&](std::string_view x) {
      if (!has_cps(x, 2)) return false;
      if (end_class(x) != (x.size() == vow.size() ? kE : kC)) return false;
      for (size_t k = 0; k + 2 <= x.size(); k = next_cp(x, k)) {
        uint32_t part = 0;
        bool light = false;  // a hand-written head of a productive light verb
        if (k > 0) {
          const StemIndex::Rec* hr = idx.find(x.substr(0, k));
          if (!hr) continue;
          part = hr->part;
          light = has_cps(x.substr(0, k), 3) && handwritten_nominal(hr);
          if (!part && !light) continue;
        }
        if (const StemIndex::Rec* r = idx.stem(x.substr(k)))
          for (const auto& e : *r)
            if (e.kind == Kind::kPresent && !e.prefixed &&
                (e.part == part || (light && e.part == 0 && light_lemma[e.lemma])))
              return true;
      }
      return false;
    };
    return present(cons) || present(vow);
  }
  // the copula row ەتی (only after the 3sg clitic ی) and the PSS3S row ی it follows
  const Row* cop_eti = nullptr;
  const Row* pss3s_i = nullptr;
  const Row* prf_o = nullptr;  // the contracted perfect ۆ (verb_affixes.tsv)
  const Row* prf_u = nullptr;  // the empty perfect after a past stem in وو (بووە، بوومەتەوە)
  // the pluperfect بوو / passive ابوو contracted before -وە (بۆ، ابۆ), and the EWE row وە
  const Row* plprf_bo = nullptr;
  const Row* pass_abo = nullptr;
  const Row* ewe_we = nullptr;
  const Row* goal_ewe = nullptr;  // the EWE row ەوە after a consonant, after a goal compound's part
  // set while goal_compound analyzes the verb form before the part (one thread at a time each)
  static inline thread_local bool goal_context = false;
  explicit Impl(const MorphOptions& o) : options(o) {
    for (const auto& r : g.nom[kCOP])
      if (same(r.form, "\u06D5\u062A\u06CC")) cop_eti = &r;
    for (const auto& r : g.verb[vPRF]) {
      if (same(r.form, "\u06C6")) prf_o = &r;
      if (r.form.empty() && r.after == kU && !prf_u) prf_u = &r;
    }
    for (const auto& r : g.verb[vPLPRF])
      if (same(r.form, "\u0628\u06C6")) plprf_bo = &r;
    for (const auto& r : g.verb[vPASS])
      if (same(r.form, "\u0627\u0628\u06C6")) pass_abo = &r;
    for (const auto& r : g.verb[vEWE]) {
      if (same(r.form, "\u0648\u06D5") && !ewe_we) ewe_we = &r;
      if (same(r.form, "\u06D5\u0648\u06D5") && r.after == kC && !goal_ewe) goal_ewe = &r;
    }
    for (const auto& r : g.nom[kPSS])
      if (same(r.form, "\u06CC") && !pss3s_i) pss3s_i = &r;
    for (const auto& p : g.parts) max_part_bytes = std::max(max_part_bytes, p.size());
    for (const auto& p : g.preverbs) {
      preverb_twins[fold_marks(p)].push_back(p);
      preverb_twin_bytes = std::max(preverb_twin_bytes, p.size());
    }
    light_lemma.assign(g.strings.size(), 0);
    for (size_t i = 0; i < g.strings.size(); ++i) light_lemma[i] = g.light_verbs.count(g.strings[i]) ? 1 : 0;
    for (int s = 0; s < kNomSlots; ++s) {
      for (int b = 0; b < 256; ++b) {
        nom_off[s][b] = static_cast<uint32_t>(nom_by_last.size());
        for (const auto& r : g.nom[s])
          if (!r.form.empty() && static_cast<unsigned char>(r.form.back()) == b) nom_by_last.push_back(&r);
      }
      nom_off[s][256] = static_cast<uint32_t>(nom_by_last.size());
    }
    for (int s = 0; s < kVSlots; ++s) {
      for (int b = 0; b <= 256; ++b) {
        verb_off[s][b] = static_cast<uint32_t>(verb_by_b1.size());
        for (const auto& r : g.verb[s])
          if (r.form.size() == 1 || (r.form.size() >= 2 && static_cast<unsigned char>(r.form[1]) == b))
            verb_by_b1.push_back(&r);
      }
      verb_off[s][257] = static_cast<uint32_t>(verb_by_b1.size());
    }
    for (const auto& end : g.agent_endings)
      if (!end.empty()) agent_last[static_cast<unsigned char>(end.back())] = true;
  }

  // ---------------- nominal ----------------
  void nom_try_stem(std::string_view w, size_t p, const LMorph* st, int depth, Sink& out,
                    bool edrop = false) const {
    if (p == 0 || out.done()) return;
    std::string_view stem = w.substr(0, p);
    if (edrop) {  // nothing below calls nom_try_stem again: one buffer per thread
      thread_local std::string tmp;
      tmp.assign(stem);
      tmp += kHeh;
      stem = tmp;
    }
    bool found = false;
    // the suffixes stripped so far: a degree suffix; an ordinal; only -یش and the copula
    bool has_deg = false, ord = false, only_is_cop = true, only_is = true, is_cop3 = true, lit_pl = false,
         def = false;
    for (int i = 0; i < depth; ++i) {
      const Row* r = st[i].row;
      has_deg |= r && r->slot == kDEG;
      def |= r && r->slot == kNUM && starts_with(r->feat, "DEF");
      lit_pl |= r && r->slot == kNUM && starts_with(r->form, kGel);
      ord |= r && same(r->feat, "ORD");
      only_is_cop &= r && (r->slot == kIS || r->slot == kCOP);
      only_is &= r && r->slot == kIS;
      is_cop3 &= r && (r->slot == kIS || (r->slot == kCOP && same(r->form, kHeh)));
    }
    auto emit = [&](const Entry* e, uint32_t lemma, uint8_t pos, bool guessed, float score, bool neg) {
      float sc = score - 1.0f * depth;
      if (has_deg && !ord && pos != pAdj && !guessed) sc -= 1.5f;  // not the ordinal of a numeral
      // an adverb takes the definite -ەکە rarely (ئێستاکە): below a noun of the same spelling
      // (پارەکە is پارە "money" + کە, not پار "last year" + ەکە)
      if (def && pos == pAdv) sc -= 0.5f;
      if (!out.take(sc, guessed)) return;
      LCand c;
      c.lemma = lemma;
      c.pos = pos;
      c.guessed = guessed;
      c.induced = e && e->source == 1;
      c.kind = Kind::kNominal;
      c.stem_b = 0;
      c.stem_e = static_cast<uint16_t>(p);
      if (lemma == 0) { c.lemma_span = true; c.lemma_add_heh = edrop; }
      c.score = sc;
      if (neg) {
        c.m[c.n++] = {nullptr, 0, static_cast<uint16_t>(kNe.size()), mNeg};
        c.m[c.n++] = {nullptr, static_cast<uint16_t>(kNe.size()), static_cast<uint16_t>(p), mStem};
      } else {
        c.m[c.n++] = {nullptr, 0, static_cast<uint16_t>(p), mStem};
      }
      for (int i = depth - 1; i >= 0 && c.n < kMaxMorphs; --i) c.m[c.n++] = st[i];
      out.add(std::move(c));
    };
    const StemIndex::Rec* it = idx.stem(stem);
    // a number written in digits (Latin, Arabic-Indic or Extended Arabic-Indic, with , . ٫ ٬ inside):
    // a numeral of its own, with the nominal suffixes of any numeral (ساڵی ٢٠٢١ی، ١٩ەم، ٢٠٢٠دا)
    if (!it && digit_number(stem)) {
      if (!lit_pl) emit(nullptr, 0, pNum, false, 10.0f, false);
      return;
    }
    if (ord) {
      if (it)
        for (const auto& e : *it)
          if (e.kind == Kind::kNominal && e.pos == pNum) emit(&e, e.lemma, e.pos, false, 10.0f + e.weight, false);
      return;
    }
    // conjunctions and particles take no nominal inflection but the additive -یش and the copula
    // (یانیش، جاش): یانەکانی is یانە + کان + ی, not یان + ەکان + ی
    if (it) {
      for (const auto& e : *it)
        if (e.kind == Kind::kNominal) {
          if (!only_is_cop && (e.pos == kConjPos || e.pos == kPartPos || e.pos == kIntjPos)) continue;
          // the literary plural -گەل is a noun's (وشەگەل) or a verbal noun's (بزووتنەوەگەل "movements",
          // نووسینگەل), never on a preposition or pronoun (لەگەل is لەگەڵ misspelt)
          if (lit_pl && e.pos != pN && e.pos != pMsdr) continue;
          // irregular verb forms (هەیە، نییە، بم، بین: data/morph/irregular.tsv) take only -یش
          // (هەیەش), those of هەبوون also the 3sg copula -ە (colloquial هەنە; not بینم، بینە); the
          // infinitive هەبوون is a verbal noun and takes them all (هەبوونی)
          if (e.pos == pV && !only_is && !same(g.strings[e.lemma], stem) &&
              !(is_cop3 && e.lemma == hebun_lemma)) continue;
          emit(&e, e.lemma, e.pos, false, 10.0f + e.weight, false);
          found = true;
        }
    }
    if (found || lit_pl) return;  // -گەل only on a listed noun
    if (starts_with(stem, kNe) && stem.size() > kNe.size() + 2) {
      const StemIndex::Rec* jt = idx.stem(stem.substr(kNe.size()));
      if (jt)
        for (const auto& e : *jt)
          if (e.kind == Kind::kNominal && (e.pos == pMsdr || e.pos == pPtcp || e.pos == pAdj) &&
              !(e.pos == pMsdr && ends_with(stem, "\u06D5\u0648\u06D5"))) {  // نەگرتنەوە: a verb, not نە + گرتنەوە
            // an adjective under نە- ranks below a verb form of the same spelling (نەکەم: کردن, not نە + کەم)
            emit(&e, e.lemma, e.pos, false, (e.pos == pAdj ? 9.0f : 9.5f) + e.weight, true);
            found = true;
          }
    }
    if (found) return;
    // the same after a preverb or light-verb part: part + نە + the compound's verbal noun or
    // participle (سەرنەکەوتنی "the failure of", دابەشنەبوونی، دەرنەچوونیان، جێبەجێنەکردنی،
    // سەرنەکەوتووی), lemma the compound; ranked above the negated past + person endings
    // (جێبەجێ + نە + کرد + ن + ی); perm: 20 tokens of 19 types gained (the transitive ones were
    // known as that negated past)
    if (stem.size() >= 12 && stem.find(kNe, 2) != std::string_view::npos)
      found = negated_part_noun(stem, p, st, depth, out);
    if (found) return;
    // derivational prefixes on a hand-written base of 3+ letters, the derived word its own lemma:
    // negative نا + adjective (نادروست، ناشەرعی), sociative هاو + noun (هاوناو، هاونیشتمان); the
    // adjectives of multiple فرە + noun (فرەئەرک، فرەسەرچاوە "multi-task, multi-source") and of
    // opposition دژە + noun of 4+ letters (دژەحکومەت، دژەڕەفتار "anti-government"; not دژەکان, دژ +
    // ەکان) (h-gram6; perm: 15 tokens of 12 unknown types)
    struct DerivPrefix {
      std::string_view pre;
      uint8_t base_pos, pos;
      size_t base_cps;
    };
    for (const auto& [pre, base_pos, pos, base_cps] :
         {DerivPrefix{kNa, pAdj, pAdj, 3}, {kHaw, pN, pN, 3}, {kFre, pN, pAdj, 3}, {kDzhe, pN, pAdj, 4}}) {
      if (!starts_with(stem, pre) || !has_cps(stem.substr(pre.size()), base_cps)) continue;
      const StemIndex::Rec* jt = idx.stem(stem.substr(pre.size()));
      if (jt)
        for (const auto& e : *jt)
          if (e.kind == Kind::kNominal && e.source == 0 && e.pos == base_pos) {
            emit(nullptr, 0, pos, false, 9.0f, false);
            found = true;
            break;
          }
      if (found) break;
    }
    if (found) return;
    // an adjective / adverb in -انە (-یانە after a vowel) on a hand-written noun or adjective, under a
    // degree suffix: دۆستانەتر، ئازایانەتر، دڵسۆزانەترین (lemma: the -انە word; perm: 4 tokens). Without
    // one, X + انە stays the demonstrative plural.
    if (has_deg && !ord && !edrop && ends_with(stem, "\u0627\u0646\u06D5")) {
      std::string_view base = stem.substr(0, stem.size() - 6);
      const StemIndex::Rec* bt = has_cps(base, 2) ? idx.stem(base) : nullptr;
      if (!handwritten_nominal(bt) && ends_with(base, "\u06CC")) {  // ئازا + یانە، زانستی + یانە
        std::string_view b2 = base.substr(0, base.size() - 2);
        if (end_class(b2) != kC && has_cps(b2, 2)) bt = idx.stem(b2);
      }
      if (handwritten_nominal(bt)) {
        emit(nullptr, 0, pAdj, false, 10.0f, false);
        return;
      }
    }
    // the -انە adverb / adjective of a hand-written adjective in ی that is no noun, without a degree
    // suffix too: زانستیانە، سیاسیانە، ئاساییانە "scientifically, politically, normally" (perm: 33
    // tokens of 15 such types), not زانست + یان + ە "it is their science" (the demonstrative plural
    // -انە is a noun's: ئەو کورسیانە)
    if (!has_deg && !ord && !edrop && ends_with(stem, "\u06CC\u0627\u0646\u06D5") && has_cps(stem, 7)) {
      const StemIndex::Rec* bt = idx.stem(stem.substr(0, stem.size() - 6));
      bool adj = false, noun = false;
      if (bt)
        for (const auto& e : *bt)
          if (e.kind == Kind::kNominal && e.source == 0) {
            adj |= e.pos == pAdj;
            noun |= e.pos == pN || e.pos == pPropn;
          }
      if (adj && !noun) {
        emit(nullptr, 0, pAdj, false, 10.5f, false);
        return;
      }
    }
    // diminutives in -ۆکە / -ۆچکە / -ۆڵە on a hand-written noun of 3+ letters, whose final ە drops
    // (کرم → کرمۆکە، دار → دارۆچکە، وێنە → وێنۆچکە; perm: کرمۆکە 3، وێنۆچکە 4، دارۆچکە 1، کتێبۆکە 1):
    // lemmas of their own
    // (bytes: ە = DB 95 after ک = DA A9 or ڵ = DA B5: a quick test first, most stems fail it)
    const size_t sn = stem.size();
    if (sn >= 12 && static_cast<unsigned char>(stem[sn - 1]) == 0x95 &&
        static_cast<unsigned char>(stem[sn - 4]) == 0xDA &&
        (static_cast<unsigned char>(stem[sn - 3]) == 0xA9 || static_cast<unsigned char>(stem[sn - 3]) == 0xB5) &&
        !edrop && !has_deg && ends_with(stem, "\u06D5") && has_cps(stem, 6)) {
      for (std::string_view dim : {"\u06C6\u06A9\u06D5", "\u06C6\u0686\u06A9\u06D5", "\u06C6\u06B5\u06D5"}) {
        if (!ends_with(stem, dim)) continue;
        std::string_view base = stem.substr(0, stem.size() - dim.size());
        // a base of 3+ letters, a hand-written noun (فرۆکە is فڕۆکە misspelt, not فرە + ۆکە)
        if (!has_cps(base, 3)) break;
        auto noun = [&](const StemIndex::Rec* r) {
          if (r)
            for (const auto& e : *r)
              if (e.kind == Kind::kNominal && e.source == 0 && e.pos == pN) return true;
          return false;
        };
        bool ok = end_class(base) == kC && noun(idx.stem(base));
        if (!ok) {
          thread_local std::string be;
          be.assign(base);
          be += kHeh;
          ok = noun(idx.stem(be));
        }
        if (ok) {
          emit(nullptr, 0, pN, false, 9.0f, false);
          return;
        }
        break;
      }
    }
    // joined light-verb compound verbal noun: X + known infinitive. Cuts left of `from` are skipped:
    // no verbal noun or participle ends with stem[k, ...) for the first such k from the right, so
    // none ends with a longer piece either.
    size_t from = stem.size();
    while (from > 0) {
      size_t k = from - 1;
      while (k > 0 && (static_cast<unsigned char>(stem[k]) & 0xC0) == 0x80) --k;
      if (!idx.may_end_verbal_noun(stem.substr(k))) break;
      from = k;
    }
    for (size_t k = std::max(next_cp(stem, 0), from); k + 4 <= stem.size() && !found; k = next_cp(stem, k)) {
      const StemIndex::Rec* jt = idx.stem(stem.substr(k));
      if (!jt) continue;
      std::string_view head = stem.substr(0, k);
      const StemIndex::Rec* hr = idx.find(head);
      bool head_known = compound_head(hr);
      const bool cmp = !head_known && comparative_head(head);  // ADJ + تر: only کردن / بوون
      if ((!head_known && !cmp) || !has_cps(head, 2)) continue;
      if (misspelt_preverb_verb(head, stem.substr(k))) continue;
      for (const auto& e : *jt) {
        if (e.kind != Kind::kNominal || (e.pos != pMsdr && e.pos != pPtcp)) continue;
        if (cmp && !kb_lemma(e.lemma)) continue;
        found = true;
        if (!out.take(9.0f - 1.0f * depth, false)) {
          if (out.done()) return;
          break;
        }
        // lemma = head + the infinitive: a compound verb written joined
        std::string lem(head);
        lem += g.strings[e.lemma];
        // a compound's -ewe verbal noun lemmatizes to the compound infinitive (grammar.cc): ڕوون +
        // کردنەوە → ڕوونکردن
        if (e.pos == pMsdr && ends_with(lem, "\u0646\u06D5\u0648\u06D5")) lem.resize(lem.size() - 6);
        LCand c;
        c.lemma_span = true;
        c.pos = e.pos;
        c.kind = Kind::kNominal;
        c.stem_b = 0;
        c.stem_e = static_cast<uint16_t>(p);
        c.score = 9.0f - 1.0f * depth;
        c.m[c.n++] = {nullptr, 0, static_cast<uint16_t>(p), mStem};
        for (int i = depth - 1; i >= 0 && c.n < kMaxMorphs; --i) c.m[c.n++] = st[i];
        c.lemma_text = std::move(lem);
        out.add(std::move(c));
        found = true;
        break;
      }
    }
    // agent nouns of -ەوە verbs: a present stem + ەر + ەوە (لێکۆڵەرەوە "researcher", کۆکەرەوە،
    // ساردکەرەوە، وەڵامدەرەوە، دۆزەرەوە), a noun or adjective of its own; bare, the agent noun + the
    // postposition -ەوە (لێکۆڵەر + ەوە) and the imperative with r (ساردکەرەوە) rank above it, with a
    // suffix only it is left (لێکۆڵەرەوەکان، کۆکەرەوەی، توێژەرەوەیەک; perm: 45 tokens of 38 types);
    // its final ە drops before the plural -ان (لێکۆڵەرەوان، توێژەرەوانی; perm: 6 tokens of 5 types)
    if (!found && !has_deg && agent_ewe(stem)) {
      emit(nullptr, 0, pN, false, 9.5f, false);
      found = true;
    }
    // agent nouns: a hand-written noun or adjective of 2+ letters + an agent ending of
    // derivation.tsv (دژ + بەر → دژبەر, نیگار + کێش → نیگارکێش): a lemma of its own
    if (!found && !edrop && !has_deg && agent_last[static_cast<unsigned char>(stem.back())] &&
        end_class(stem) == kC)
      for (size_t k = 0; k < g.agent_endings.size() && !found; ++k) {
        const auto& end = g.agent_endings[k];
        if (!ends_with(stem, end)) continue;
        std::string_view head = stem.substr(0, stem.size() - end.size());
        if (has_cps(head, 2) && handwritten_nominal(idx.stem(head))) {
          emit(nullptr, 0, pN, false, 9.0f, false);
          found = true;
        }
      }
    // abstract nouns in -ایەتی / -ێتی on a hand-written noun or adjective of 3+ letters (دۆست →
    // دۆستایەتی, ڕاهێنەر → ڕاهێنەرایەتی, خاوەندار → خاوەندارێتی): lemmas of their own
    if (!found && !edrop && !has_deg && (ends_with(stem, kAyeti) || ends_with(stem, kEti))) {
      std::string_view base = stem.substr(0, stem.size() - (ends_with(stem, kAyeti) ? kAyeti : kEti).size());
      if (has_cps(base, 3) && end_class(base) == kC && handwritten_nominal(idx.stem(base))) {
        emit(nullptr, 0, pN, false, 10.0f, false);
        found = true;
      }
    }
    // -یەتی after a vowel (ا ۆ ە ێ) on the same heads: هاوڕێ → هاوڕێیەتی، مامۆستا → مامۆستایەتی،
    // فەرمانڕەوا → فەرمانڕەوایەتی، دراوسێ → دراوسێیەتی (the bare word was read as X + demonstrative
    // -یە + clitics ت + ی, and took no suffix: هاوڕێیەتیم، فەرمانڕەوایەتیی were unknown); not after
    // وو, where یەتی is the perfect's 3sg agent (کردوویەتی). After ا / ۆ only with a suffix after it
    // (فەرمانڕەوایەتیی): bare, X + the 3sg clitic ی + the copula ەتی is as likely (perm: توانایەتی "it
    // is his ability"; with the bare form lemma large dev 0.9865 -> 0.9864)
    if (!found && !edrop && !has_deg && ends_with(stem, kYeti)) {
      const std::string_view base = stem.substr(0, stem.size() - kYeti.size());
      const uint8_t cls = end_class(base);
      if (((cls == kA && depth > 0) || cls == kE || cls == kEe) && has_cps(base, 3) && handwritten_nominal(idx.stem(base))) {
        emit(nullptr, 0, pN, false, 10.0f, false);
        found = true;
      }
    }
    // -ی derivations (lemma: the derived word): an abstract noun from a participle or an agent noun
    // (data/morph/derivation.tsv), ranked below a hand-written base + ezafe (UniMorph-ckb reads
    // جێگری، ئاگاداری as base + ezafe) but above an induced one; a nisba adjective from a known noun
    // (ژینگە → ژینگەیی, لاتین → لاتینی), ranked below both
    if (!found && !edrop && ends_with(stem, "\u06CC") && has_cps(stem, 4)) {
      std::string_view base = stem.substr(0, stem.size() - 2);
      bool vowel_yy = false;  // -یی after a vowel: ژینگەیی
      if (ends_with(base, "\u06CC") && !ends_with(base, "\u06CC\u06CC")) {
        std::string_view b2 = base.substr(0, base.size() - 2);
        uint8_t cls = end_class(b2);
        if (cls != kC && cls != kI) { base = b2; vowel_yy = true; }
      }
      const StemIndex::Rec* bt = idx.stem(base);
      if (!has_deg && has_cps(base, 2) && end_class(base) != kI) {
        bool abstract = false;
        // from an active participle in -وو (passive -او + ی is mostly the ezafe: لێپرسراوی)
        const bool uu = end_class(base) == kU;
        if (bt && uu)
          for (const auto& e : *bt) abstract |= e.kind == Kind::kNominal && e.pos == pPtcp;
        // a joined compound participle: یەک + گرتوو → یەکگرتوویی
        for (size_t k = next_cp(base, 0); uu && k + 4 <= base.size() && !abstract; k = next_cp(base, k)) {
          const StemIndex::Rec* pt = idx.stem(base.substr(k));
          if (!pt) continue;
          std::string_view head = base.substr(0, k);
          const StemIndex::Rec* hr = idx.find(head);
          if (!compound_head(hr)) continue;
          for (const auto& e : *pt) abstract |= e.kind == Kind::kNominal && e.pos == pPtcp;
        }
        // on a sociative هاو- or multiple فرە- derivation of a hand-written noun, consonant-final:
        // هاو + بیر + ی "like-mindedness", فرە + دەنگ + ی "pluralism" (the base itself is no
        // hand-written word, so there is no base + ezafe to rank below)
        for (std::string_view pre : {kHaw, kFre}) {
          if (abstract || end_class(base) != kC || !starts_with(base, pre)) continue;
          std::string_view rest = base.substr(pre.size());
          const StemIndex::Rec* rt = has_cps(rest, 2) ? idx.stem(rest) : nullptr;
          if (rt)
            for (const auto& e : *rt) abstract |= e.kind == Kind::kNominal && e.source == 0 && e.pos == pN;
        }
        for (size_t k = 0; k < g.agent_endings.size() && !abstract; ++k) {
          const auto& end = g.agent_endings[k];
          if (!ends_with(base, end)) continue;
          std::string_view head = base.substr(0, base.size() - end.size());
          const StemIndex::Rec* hr = has_cps(head, 2) ? idx.find(head) : nullptr;
          abstract = hr && (hr->n || hr->part);
        }
        if (abstract) {
          emit(nullptr, 0, pN, false, 10.5f, false);
          found = true;
        }
      }
      // after a vowel the ezafe and the 3sg clitic are a single ی, so -یی there is the nisba ending
      // (کۆیی، دارایی), not base + ی + ی (two 3sg clitics): ranked above that reading, also on an
      // induced base
      if (!found && bt && has_cps(base, 2))
        for (const auto& e : *bt)
          if (e.kind == Kind::kNominal && (e.source == 0 || vowel_yy) && (e.pos == pN || e.pos == pPropn)) {
            emit(&e, 0, pAdj, false, vowel_yy ? 11.5f : 8.5f, false);
            found = true;
            break;
          }
      // an abstract noun in -ی from a hand-written adjective of 3+ letters (جوان → جوانی "beauty",
      // لاواز → لاوازی), ranked like the nisba adjective, and only with a suffix after it
      // (جوانییەکەی, جوانیی): a bare جوانی stays adjective + ezafe (the clitic splitter splits it)
      if (!found && bt && depth > 0 && has_cps(base, 3))
        for (const auto& e : *bt)
          if (e.kind == Kind::kNominal && e.source == 0 && e.pos == pAdj) {
            emit(&e, 0, pN, false, 8.5f, false);
            found = true;
            break;
          }
      // the same from a participle in -او, with a suffix after it too (سووتاوییەکەی، شکاوییەکانی،
      // داناوییەکان; perm: 6 tokens of 5 unknown types): bare, X-اوی stays the participle + ezafe
      // (لێپرسراوی)
      if (!found && bt && depth > 0 && has_cps(base, 3) && ends_with(base, "\u0627\u0648"))
        for (const auto& e : *bt)
          if (e.kind == Kind::kNominal && e.pos == pPtcp) {
            emit(&e, 0, pN, false, 8.5f, false);
            found = true;
            break;
          }
    }
    if (found || !out.guess || edrop) return;
    if (!has_cps(stem, 2)) return;
    // no guess through the copula ەتی: an unknown word in -یەتی is mostly an abstract noun
    // (بەڕێوەبەرایەتی) or one misspelt (پاڵەوانیەتی for پاڵەوانێتی), kept whole
    for (int i = 0; i < depth; ++i)
      if (st[i].row == cop_eti) return;
    // guesses: multi-letter suffixes are reliable evidence, one-letter ones (ن م ت ش ە) are not
    // stacking is penalized only for one-letter morphs: X + ێک + ی (INDF + ezafe) and X + ان + ەوە
    // are ordinary, X + ە + ی rarely the right cut
    float s = 0;
    int multi = 0;
    for (int i = 0; i < depth; ++i) {
      size_t n = st[i].row ? st[i].row->letters : 0;
      if (n >= 2 && depth == 1 &&
          (same(st[i].row->feat, "PL") || st[i].row->slot == kPSS || st[i].row->slot == kCOP)) {
        // a lone plural, possessive or copula ending (-ان، -مان، -یان، -ین) is no evidence on an
        // unknown word: it ends many names and words (کامیاران، سازمان، نەسرین); the whole word wins
        s -= 0.05f;
      } else if (n >= 2) {
        s += 0.2f + 0.1f * static_cast<float>(std::min<size_t>(n, 4));
        multi += !same(st[i].row->feat, "PL");  // -ان ends many names and words (نێوچاوان، کامیاران)
      }
      else if (st[i].row && same(st[i].row->form, "\u06CC")) {
        s += 0.1f;
        // an unknown stem in vowel + ی before a ی clitic: the word ends in vowel + یی, the nisba
        // or abstract ending (ژێردەریایی), which the whole word keeps
        // (end_class reads a ی after a vowel as the consonant y)
        if (i == depth - 1 && ends_with(stem, "\u06CC") && end_class(stem) == kC) s -= 1.0f;
      }
      else s -= 0.35f;
    }
    if (depth > 1) s -= 0.5f * static_cast<float>(std::max(0, depth - 1 - multi));
    if (depth > 0 && !has_cps(stem, 3)) s -= 1.0f;
    emit(nullptr, 0, has_deg ? pAdj : pN, true, s + 1.0f * depth, false);
  }

  void nom_dfs(std::string_view w, size_t p, uint16_t allowed, bool stem_ok, LMorph* st, int depth,
               Sink& out) const {
    if (stem_ok) nom_try_stem(w, p, st, depth, out);
    if (depth >= 8) return;
    if (p == 0) return;
    const auto last = static_cast<unsigned char>(w[p - 1]);
    for (int s = kNomSlots - 1; s >= 0; --s) {
      if (!(allowed & bit(s))) continue;
      for (uint32_t ri = nom_off[s][last], re = nom_off[s][last + 1u]; ri < re; ++ri) {
        if (out.done()) return;
        const Row& r = *nom_by_last[ri];
        size_t L = r.form.size();
        if (p <= L + 1 || !ends_with(w.substr(0, p), r.form)) continue;
        size_t q = p - L;
        if (&r == cop_eti) [[unlikely]] {
          // the 3sg copula after the 3sg clitic ی: ی + ەتی (کتێبەکەیەتی "it is his book"), on a
          // definite or plural noun (کتێبەکەیەتی، کارەکانیەتی) or a pronoun (هییەتی، خۆیەتی); not on
          // a bare noun: پاڵەوانیەتی، یەکیەتی، بەرپرسیاریەتی are the abstract nouns پاڵەوانێتی، یەکێتی،
          // بەرپرسیارێتی misspelt far more often than "it is his hero"; nor on a bare verbal noun
          // (کردنیەتی, perm 7 tokens of that kind): the single-و reading then took چونیەتی (چۆنیەتی
          // misspelt, perm 36) as چوون + ی + ەتی
          if (q <= 3 || !ends_with(w.substr(0, q), "\u06CC") || !pss3s_i) continue;
          bool bare = false;
          if (const StemIndex::Rec* bt = idx.stem(w.substr(0, q - 2)))
            for (const auto& e : *bt) bare |= e.kind == Kind::kNominal && e.pos == pPro;
          st[depth] = {&r, static_cast<uint16_t>(q), static_cast<uint16_t>(p), mNom};
          st[depth + 1] = {pss3s_i, static_cast<uint16_t>(q - 2), static_cast<uint16_t>(q), mNom};
          nom_dfs(w, q - 2, bit(kNUM), bare, st, depth + 2, out);
          continue;
        }
        uint8_t cls = end_class_fast(w.substr(0, q));
        bool ok = r.after & cls;
        bool drop = (r.after & kEdrop) && cls != kE;
        if (!ok && !drop) continue;
        if (r.vowel_yy) [[unlikely]] {
          // a vowel-initial suffix on a hand-written stem in vowel + یی, whose glide ی is not written
          // a third time (بەرزایی + یەک → بەرزاییەک, دڵنیایی + یەوە → دڵنیاییەوە): directly on the stem
          std::string_view b = w.substr(0, q);
          if (!ends_with(b, "\u06CC\u06CC") || !has_cps(b, 4) || !two_byte_at(b, b.size() - 4)) continue;
          const char32_t v = two_byte_cp(b, b.size() - 4);
          if ((v != U'\u0627' && v != U'\u06D5' && v != U'\u06C6' && v != U'\u0648') ||
              (!handwritten_nominal(idx.stem(b)) && !derived_vowel_yy(b, s == kPOSTP)))
            continue;
          st[depth] = {&r, static_cast<uint16_t>(q), static_cast<uint16_t>(p), mNom};
          nom_dfs(w, q, 0, true, st, depth + 1, out);
          continue;
        }
        st[depth] = {&r, static_cast<uint16_t>(q), static_cast<uint16_t>(p), mNom};
        if (drop) nom_try_stem(w, q, st, depth + 1, out, true);
        if (ok) nom_dfs(w, q, (r.after & kStemOnly) ? 0 : kNomPred[s], s != kARG, st, depth + 1, out);
        // the additive -(ی)ش word-final after the postposition -ەوە too (لە ماڵەوەش، بەهۆیەوەش، لەوێوەش;
        // perm: 13 tokens of 12 types), beside its usual place before it (ماڵیشەوە)
        if (ok && s == kIS && depth == 0 && q >= 6 && ends_with(w.substr(0, q), "\u0648\u06D5"))
          nom_dfs(w, q, bit(kPOSTP), false, st, depth + 1, out);
      }
    }
  }

  // ---------------- verbal ----------------
  // Tail automaton: after `last` slot (kVSlots = right after the stem), which slots may follow.
  struct TailCtx {
    Kind kind;
    int npers = 0;
    bool prf = false;
    bool prs_like = false;  // endings are present endings (present stem, passive ێ, PRFSBJV)
  };

  void tail_dfs(std::string_view w, size_t q, int last, TailCtx ctx, const Prefix& pre, const Entry& e,
                size_t stem_b, LMorph* st, int depth, Sink& out) const {
    if (q == w.size()) {
      finish_verb(w, pre, e, stem_b, st, depth, last, ctx, out);
      return;
    }
    if (depth >= 7 || out.done()) return;
    uint32_t allowed = 0;
    auto B = [](int s) { return 1u << s; };
    switch (last) {
      case kVSlots:  // right after the stem
        if (ctx.kind == Kind::kPassive) allowed = B(vPASS);
        else if (ctx.kind == Kind::kPresent || ctx.kind == Kind::kPresent3) allowed = B(vPRS) | B(vIMP);
        else allowed = B(vIS) | B(vPST) | B(vSCL) | B(vPRF) | B(vPLPRF) | B(vPRFSBJV) | B(vAYE) | B(vEWE) | B(vGOAL);
        break;
      case vPASS: allowed = 0; break;  // handled below through ctx
      case vIS:
        allowed = B(vPST) | B(vSCL) | B(vEWE) | B(vGOAL) | B(vAYE);
        if (ctx.prs_like) allowed |= B(vPRS);
        if (ctx.prf) allowed |= B(vPRF3);
        break;
      case vPST: case vSCL: case vPRS:
        allowed = B(vAYE) | B(vEWE) | B(vGOAL);
        // a passive has one person ending, its subject (دەکرێن, not دەکرێنێت)
        if (ctx.npers < 2 && ctx.kind != Kind::kPassive &&
            !(ctx.kind == Kind::kPresent || ctx.kind == Kind::kPresent3)) {
          allowed |= B(vSCL) | B(vPST);
          if (ctx.prs_like) allowed |= B(vPRS);
        }
        if (ctx.prf) allowed |= B(vPRF3);
        if (last == vPRS) allowed &= ~B(vAYE);
        break;
      case vIMP: allowed = B(vEWE) | B(vGOAL); break;
      case vPRF: allowed = B(vIS) | B(vPST) | B(vSCL) | B(vPRF3); break;
      case vPRF3: allowed = B(vEWE) | B(vGOAL); break;
      case vPLPRF: allowed = B(vIS) | B(vPST) | B(vSCL) | B(vAYE) | B(vEWE) | B(vGOAL); break;
      case vPRFSBJV: allowed = B(vIS) | B(vSCL) | B(vPRS) | B(vPST) | B(vEWE) | B(vGOAL); break;
      case vAYE: allowed = B(vEWE) | B(vGOAL); break;
      default: allowed = 0;
    }
    if (ctx.kind == Kind::kPassive) allowed &= ~B(vSCL);  // a passive has no agent clitic
    std::string_view rest = w.substr(q);
    uint8_t cls = end_class_fast(w.substr(0, q));
    // the contracted perfect ۆ is -وو + the 3sg -ە in one letter (کردۆتەوە = کردووەتەوە, بۆتە =
    // بووەتە): only the -تەوە / -تە that follow that -ە come after it, no person ending
    const bool contracted = last == vPRF && depth > 0 && st[depth - 1].row == prf_o;
    if (contracted) {
      if (!starts_with(rest, "\u062A")) return;
      allowed = B(vEWE) | B(vGOAL);
      cls = kE;
    }
    // the contracted pluperfect بۆ / ابۆ: only the -وە of -ەوە follows (کردبۆوە، کرابۆوە)
    if (last == vPLPRF && depth > 0 && (st[depth - 1].row == plprf_bo || st[depth - 1].row == pass_abo)) {
      if (rest != "\u0648\u06D5") return;
      allowed = B(vEWE);
    }
    // the empty perfect after a past stem in وو (verb_rows holds no empty row): only before the
    // perfect's -ە + -تە / -تەوە, with a person ending between or not (بوومەتەوە، بووینەتەوە،
    // بووەتەوە; perm: بووینەتەوە 4); a bare بوومە، چووە keep the past + goal / participle readings
    // After a part and نە- the perfect's -ە may also end the word (دەرنەچووە، دروستنەبووە، تێنەچووە
    // "has not gone out / been built"), which no participle reading covers (نەچووە is نە + the
    // participle چوو; perm: 6 tokens)
    if (last == kVSlots && cls == kU && prf_u && ctx.kind == Kind::kPast &&
        ((rest.size() >= 6 &&
          (ends_with(rest, "\u06D5\u062A\u06D5\u0648\u06D5") || ends_with(rest, "\u06D5\u062A\u06D5"))) ||
         (pre.part && pre.neg == 0 && ends_with(rest, kHeh)))) {
      TailCtx c2 = ctx;
      c2.prf = true;
      st[depth] = {prf_u, static_cast<uint16_t>(q), static_cast<uint16_t>(q), mTail};
      tail_dfs(w, q, vPRF, c2, pre, e, stem_b, st, depth + 1, out);
    }
    for (int s = 0; s < kVSlots; ++s) {
      if (!(allowed & B(s))) continue;
      for (const Row* rp : verb_rows(s, rest)) {
        const Row& r = *rp;
        if (!(r.after & cls) || !starts_with(rest, r.form)) continue;
        if (ctx.kind == Kind::kPresent3 && s == vPRS && !same(r.feat, "3S")) continue;
        // the postverbal -ێ "to it" follows a person ending only (دەداتێ، دامێ), never a bare stem
        if (s == vGOAL && same(r.form, "\u06CE") && last != vPRS && last != vPST && last != vSCL) continue;
        // the goal -ە right after وو only after the pluperfect (کردبووە): a bare چووە، بووە stays the perfect
        // (and on the bare stem inside a joined goal compound: چووەسەر)
        if (s == vGOAL && r.after == morph::kU && same(r.form, "\u06D5") && last != vPLPRF &&
            !(goal_context && last == kVSlots && q + r.form.size() == w.size()))
          continue;
        if (contracted && !starts_with(r.form, "\u062A")) continue;
        TailCtx c2 = ctx;
        int nl = s;
        if (s == vPST || s == vSCL || s == vPRS) c2.npers++;
        if (s == vPRF) c2.prf = true;
        if (s == vPRFSBJV) c2.prs_like = true;
        if (s == vPASS) {
          // the passive suffix decides what follows
          if (same(r.feat, "PST")) nl = kVSlots + 1;
          else if (same(r.feat, "PRS")) { nl = kVSlots + 2; c2.prs_like = true; }
          else if (same(r.feat, "PRF")) { nl = vPRF; c2.prf = true; }
          else if (same(r.feat, "PLPRF")) nl = vPLPRF;
          else { nl = vPRFSBJV; c2.prs_like = true; }
        }
        st[depth] = {&r, static_cast<uint16_t>(q), static_cast<uint16_t>(q + r.form.size()), mTail};
        tail_dfs_dispatch(w, q + r.form.size(), nl, c2, pre, e, stem_b, st, depth + 1, out);
      }
    }
  }

  void tail_dfs_dispatch(std::string_view w, size_t q, int last, TailCtx ctx, const Prefix& pre, const Entry& e,
                         size_t stem_b, LMorph* st, int depth, Sink& out) const {
    if (last == kVSlots + 1) {  // after passive -a: like a past stem (intransitive)
      if (q == w.size()) { finish_verb(w, pre, e, stem_b, st, depth, vPASS, ctx, out); return; }
      // reuse the past-stem state but without perfect markers
      std::string_view rest = w.substr(q);
      uint8_t cls = end_class_fast(w.substr(0, q));
      for (int s : {vIS, vPST, vAYE, vEWE, vGOAL}) {
        for (const Row* rp : verb_rows(s, rest)) {
          const Row& r = *rp;
          if (!(r.after & cls) || !starts_with(rest, r.form)) continue;
          TailCtx c2 = ctx;
          if (s == vPST) c2.npers++;
          st[depth] = {&r, static_cast<uint16_t>(q), static_cast<uint16_t>(q + r.form.size()), mTail};
          tail_dfs(w, q + r.form.size(), s, c2, pre, e, stem_b, st, depth + 1, out);
        }
      }
      return;
    }
    if (last == kVSlots + 2) {  // after passive -ê: present endings
      if (q == w.size()) { finish_verb(w, pre, e, stem_b, st, depth, vPASS, ctx, out); return; }
      std::string_view rest = w.substr(q);
      uint8_t cls = end_class_fast(w.substr(0, q));
      for (int s : {vPRS, vIS}) {
        for (const Row* rp : verb_rows(s, rest)) {
          const Row& r = *rp;
          if (!(r.after & cls) || !starts_with(rest, r.form)) continue;
          TailCtx c2 = ctx;
          if (s == vPRS) c2.npers++;
          st[depth] = {&r, static_cast<uint16_t>(q), static_cast<uint16_t>(q + r.form.size()), mTail};
          tail_dfs(w, q + r.form.size(), s, c2, pre, e, stem_b, st, depth + 1, out);
        }
      }
      return;
    }
    tail_dfs(w, q, last, ctx, pre, e, stem_b, st, depth, out);
  }

  // Whether a past stem is spelled like a hand-written noun whose bare form is at least half as
  // frequent as the form + ی (see finish_verb)
  bool noun_like_past_stem(std::string_view stem) const {
    const StemIndex::Rec* it = idx.stem(stem);
    if (!it) return false;
    bool noun = false;
    for (const auto& e : *it) noun |= e.kind == Kind::kNominal && e.pos == pN && e.source == 0;
    if (!noun) return false;
    const std::string bare(stem);
    return 2 * corpus_count(bare) >= corpus_count(bare + "\u06CC");
  }

  // Validity and score of a complete verb analysis.
  void finish_verb(std::string_view w, const Prefix& pre, const Entry& e, size_t stem_b, const LMorph* st,
                   int depth, int last, const TailCtx& ctx, Sink& out) const {
    (void)w; (void)ctx;
    // a bound verb's present stem freed only after a prefix (verbs.tsv ..PB): بدوێم، دەنێت، نامژێت
    if (e.prefixed && pre.asp < 0 && pre.neg < 0) return;
    bool has_tail = depth > 0;
    const Row* first = has_tail ? st[0].row : nullptr;
    bool aye = false, prf = false, ba = false;
    for (int i = 0; i < depth; ++i) {
      int s = st[i].row->slot;
      aye |= s == vAYE;
      prf |= s == vPRF || s == vPLPRF || s == vPRFSBJV;
      ba |= (s == vPLPRF && same(st[i].row->form, "\u0628\u0627")) ||
            (s == vPASS && same(st[i].row->form, "\u0627\u0628\u0627"));
    }
    // a past stem variant of the perfect only (verbs.tsv past دیت|دی), with its -ە: دیوە، نەمدیوە،
    // دیومە; not دی، دیم, nor دیوی (دیوی ناوەوە "the inner side")
    if (e.perfect_only) {
      bool perfect = false;
      for (int i = 0; i < depth; ++i) perfect |= st[i].row->slot == vPRF3;
      if (!perfect) return;
    }
    // the pluperfect conditional -با (passive -ابا) only with the -یە after it (نەکردبایە، بکرابایە);
    // a bare کردبا، کرابا is colloquial
    if (ba && !aye) return;
    // the contracted perfect ۆ only before -تە / -تەوە (کردۆتەوە): a bare کردۆ is no word
    if (last == vPRF && depth > 0 && st[depth - 1].row == prf_o) return;
    if (last == vPLPRF && depth > 0 && (st[depth - 1].row == plprf_bo || st[depth - 1].row == pass_abo)) return;
    // the perfect subjunctive's bare -ب (هاتبن، کرابن) needs a person ending after it
    if (last == vPRFSBJV && depth > 0 && (same(st[depth - 1].row->form, "\u0628") ||
                                          same(st[depth - 1].row->form, "\u0627\u0628")))
      return;
    float pen = 0;
    switch (e.kind) {
      case Kind::kPresent:
      case Kind::kPresent3: {
        if (!first) {  // no ending: 3sg without -t after a vowel (دەکا، دەگەڕێ) or imperative 2sg (بکە)
          if (e.kind == Kind::kPresent3) break;
          uint8_t cls = end_class(w.substr(0, w.size()));
          if (cls == kC) return;
          // a stem in ە or ۆ has its own 3sg variant (کا، خوا: kPresent3); bare, it is only the
          // imperative (بکە، مەکە، بخۆ), never a 3sg (دەکە، ناکە)
          if (bare_imp_stem(w)) {
            // a preverb or light-verb part takes the imperative without ب- too (سەیرکە، تەماشاکە،
            // دەرکە: perm سەیرکە 5, تەماشاکە 9), ranked below the ب- form as an ending is (+1.5)
            if (pre.part && pre.asp < 0 && pre.neg < 0) pen += 1.5f;
            else if (!((pre.asp == 1 && pre.neg < 0) || pre.neg == 2)) return;
          } else if (!((pre.asp == 1 && pre.neg < 0) || pre.neg == 2 || pre.asp == 0 || pre.neg == 1)) {
            return;
          }
          pen += 0.3f;
          break;
        }
        bool imp = first->slot == vIMP;
        // the imperative's r (بکەرەوە) and -ەر (بخوێنەرەوە) only before -ەوە: a bare بکەر is the noun
        // "doer", بخوێنەر no word
        const bool imp_er = imp && same(first->form, "\u06D5\u0631");
        if ((imp_er || (imp && same(first->form, "\u0631"))) && !(depth >= 2 && st[1].row->slot == vEWE)) return;
        // -ەر after a stem of two letters or more: ببەرەوە is بردن's بە + ر, not بوون's ب + ەر
        if (imp_er && st[0].b - stem_b < 4) return;
        if (pre.asp == 0 || pre.neg == 1) { if (imp || pre.neg == 2) return; }
        else if (pre.neg == 2) { if (!imp) return; }
        else if (pre.asp == 1) {}
        else if (pre.neg == 0) { if (imp) return; }
        else {
          // the subjunctive without ب- after a part (دروستبن), and after the nominal head of an
          // unlisted joined بوون compound (joined_light_verb: ڕاستگۆبن، باشتربێت، هەڵەبم "be honest, better,
          // wrong"; perm: 19 tokens of 14 unknown types), where a listed one has it; there only
          // with a full person ending: not the imperative (سەربە is سەر بە), nor بی، بێ (باربی
          // "Barbie", X + بێ "without"), nor the 2sg بیت, the ی-for-ێ spelling of the 3sg بێت in
          // text typed without ێ (with it `normalize --repair` cer on Sorani-Persian 0.0826 ->
          // 0.0837)
          if (!pre.part &&
              !(out.light_only && e.lemma == bun_lemma && first->slot == vPRS &&
                !same(first->form, "\u06CC") && !same(first->form, "\u06CE") &&
                !same(first->form, "\u06CC\u062A")))
            return;
          pen += 1.5f;
        }
        if (pre.neg == 0 && pre.asp == 0) return;
        break;
      }
      case Kind::kPast:
        if (pre.neg == 1 || pre.neg == 2) return;
        if (pre.asp == 1 && !aye) return;
        if (pre.asp == 0 && prf) return;
        // an agent clitic on an intransitive past is rare (or a wrong transitivity in the tables):
        // ranked a point below, so the participle + ی + ی of لێهاتن is not read before the noun
        // لێهاتوویی
        if (!e.transitive)
          for (int i = 0; i < depth; ++i)
            if (st[i].row->slot == vSCL) { pen += 1.0f; break; }
        // The agent clitic of a past transitive goes on the first element: the part, the negation or
        // دە- (هەڵیدا، نەمکرد، دەتدا); on the stem only when nothing precedes it (کردت). So
        // دەدات after دە- is the present 3sg, not "you were giving" (a reading kept, ranked below).
        if (e.transitive && !pre.cl && (pre.asp >= 0 || pre.neg >= 0 || pre.part)) {
          for (int i = 0; i < depth; ++i) {
            const int s = st[i].row->slot;
            if (s == vSCL) { pen += 1.0f; break; }
            if (s == vPST || s == vPRS) break;
          }
        }
        // A bare transitive past stem + one ending spelled like a hand-written noun (شت "thing" /
        // شتن "wash", ویست "will" / ویستن "want"): the bare spelling can only be the noun (a
        // transitive past needs an agent ending), so when it is about as frequent as stem + ی
        // (data/normalize/wordfreq.tsv: شت 183, شتی 223) the noun is the common word and ranks
        // first (شتی، شتە، شتم "his, this, my thing"); else the verb (ویست 16, ویستی 68: ویستی، ویستم)
        if (e.transitive && pre.n == 0 && depth == 1 && noun_like_past_stem(w.substr(stem_b, st[0].b - stem_b)))
          pen += 3.0f;
        break;
      case Kind::kPassive: {
        if (!first || first->slot != vPASS) return;
        if (same(first->feat, "PRS")) {
          // the subjunctive of a preverb verb drops ب- in the passive as in the active (هەڵبژێرێت →
          // هەڵبژێردرێت، ڕاگرێت → ڕاگیرێت), ranked below the ب- form the same way (+1.5)
          if (pre.asp < 0 && pre.neg < 0) {
            if (!pre.part) return;
            pen += 1.5f;
          }
          if (pre.neg == 2) return;
        } else {
          if (pre.neg == 1 || pre.neg == 2) return;
          if (pre.asp == 1 && !aye) return;
        }
        break;
      }
      default: return;
    }
    // -یش on a part (ڕوونیشیکردەوە) ranks 2 below: ئەنجامیشدا "in the result too" stays the noun +
    // -یش + -دا, not ئەنجامدان's part + -یش + the past stem دا
    if (pre.part && pre.is && pre.n >= 2 && pre.m[1].row && pre.m[1].row->after != kAny) pen += 2.0f;
    (void)last;
    if (out.light_only && (!light_lemma[e.lemma] || pre.part)) return;
    int nm = pre.n + depth;
    const float score = 12.0f - 0.4f * nm - pen + (pre.part ? 0.4f : 0.0f);
    if (!out.take(score, false)) return;
    LCand c;
    c.lemma = e.lemma;
    c.pos = pV;
    c.kind = e.kind;
    c.transitive = e.transitive;
    c.caus = e.caus;
    c.stem_b = static_cast<uint16_t>(stem_b);
    c.guessed = false;
    c.score = score;
    for (int i = 0; i < pre.n && c.n < kMaxMorphs; ++i) c.m[c.n++] = pre.m[i];
    size_t stem_e = depth > 0 ? st[0].b : w.size();
    c.stem_e = static_cast<uint16_t>(stem_e);
    c.m[c.n++] = {nullptr, static_cast<uint16_t>(stem_b), static_cast<uint16_t>(stem_e), mStem};
    for (int i = 0; i < depth && c.n < kMaxMorphs; ++i) c.m[c.n++] = st[i];
    out.add(std::move(c));
  }

  void verb_stems(std::string_view w, const Prefix& pre, Sink& out) const {
    size_t i = pre.pos;
    // the prefix right before the stem (ending at i), or null
    const Row* const before = pre.n > 0 && pre.m[pre.n - 1].e == i ? pre.m[pre.n - 1].row : nullptr;
    // the progressive دە- merges with a present stem in a vowel (هاتن: دێم، دێت, not دەێم، دەیەم;
    // هێنان: دێنم): right before such a stem only its merged form د- is a prefix
    const bool de_before = before && before->slot == vASP && same(before->form, kDe);
    // right after a negation (نا، نە، مە) a present stem takes its y-glide or consonant form, not
    // its ێ one (نایەم، نەیەن، مەیە، ناهێنم; not ناێم، نەێن، ناێنم)
    const bool neg_before = before && before->slot == vNEG;
    // a present stem in ە (ویستن ەوێ) is the stem's form after a clitic's consonant (دەمەوێت، بیانەوێت،
    // نایەوێ); without one it is the plain stem (دەوێت), so بەوێنە is no ب + ەوێ + ن + ە
    const bool cl_before = before && before->slot == vCL;
    for (size_t j = next_cp(w, i); j <= w.size() && j - i <= g.max_stem_bytes && !out.done(); j = next_cp(w, j)) {
      const std::string_view piece = w.substr(i, j - i);
      const uint64_t h = text::hash_bytes(piece);
      if (const StemIndex::Rec* it = idx.stem(piece, h)) {
        // ێ…, ە… (ێ، ێن، ەی), or the y-glide stems یە / یا of هاتن
        const bool ee_stem = starts_with(piece, "\u06CE"), e_stem = starts_with(piece, kHeh);
        const bool vowel_stem = ee_stem || e_stem || piece == "\u06CC\u06D5" || piece == "\u06CC\u0627";
        // a present stem the prefix before it rules out
        const bool present_barred = (de_before && vowel_stem) || (neg_before && ee_stem) || (!cl_before && e_stem);
        for (const auto& e : *it) {
          if (e.kind == Kind::kNominal || e.part != pre.part) continue;
          const bool prs_like = e.kind == Kind::kPresent || e.kind == Kind::kPresent3;
          if (prs_like && present_barred) continue;
          LMorph st[8];
          TailCtx ctx{e.kind};
          ctx.prs_like = prs_like;
          tail_dfs(w, j, kVSlots, ctx, pre, e, i, st, 0, out);
        }
      }
      // the contracted perfect of a past stem in وو, whose -وو + -ە is written ۆ before -تە / -تەوە:
      // بۆتە = بووەتە, چۆتەوە = چووەتەوە, on a compound too (بڵاوبۆتەوە، کۆبۆتەوە)
      // (bytes: ۆ = DB 86, ت = D8 AA)
      if (static_cast<unsigned char>(w[j - 1]) == 0x86 && piece.size() >= 4 && j + 2 <= w.size() &&
          static_cast<unsigned char>(w[j - 2]) == 0xDB && static_cast<unsigned char>(w[j + 1]) == 0xAA &&
          static_cast<unsigned char>(w[j]) == 0xD8 && prf_o)
        contracted_perfect(w, i, j, pre, out);
      // -بووەوە contracted: بۆوە، دەبۆوە، چۆوە (the past stem in وو, its وو + ەوە written ۆوە)
      if (static_cast<unsigned char>(w[j - 1]) == 0x86 && piece.size() >= 4 && j + 4 == w.size() &&
          static_cast<unsigned char>(w[j - 2]) == 0xDB && w.substr(j) == "\u0648\u06D5" && ewe_we)
        contracted_ewe(w, i, j, pre, out);
      if (j >= w.size() || !idx.verb_may_extend(h)) break;  // no verbal stem starts with the piece
    }
  }
  // w[i, j) ends in ۆ, the contraction of وو: fn(e) for each past-stem entry of w[i, j - 2) + وو
  // with the prefix's part (both callers are out of line: rarely taken, and verb_stems is hot)
  template <class Fn>
  void contracted_uu_stems(std::string_view w, size_t i, size_t j, const Prefix& pre, Fn fn) const {
    thread_local std::string uu;
    uu.assign(w.substr(i, j - 2 - i));
    uu += "\u0648\u0648";
    if (const StemIndex::Rec* it = idx.stem(uu))
      for (const auto& e : *it)
        if (e.kind == Kind::kPast && e.part == pre.part) fn(e);
  }
  // w[i, j) ends in ۆ and وە ends the word: the past stem + وو with -ەوە (بۆوە = بووەوە)
  [[gnu::noinline]] void contracted_ewe(std::string_view w, size_t i, size_t j, const Prefix& pre,
                                        Sink& out) const {
    contracted_uu_stems(w, i, j, pre, [&](const Entry& e) {
      LMorph st[8];
      st[0] = {ewe_we, static_cast<uint16_t>(j), static_cast<uint16_t>(w.size()), mTail};
      TailCtx ctx{e.kind};
      finish_verb(w, pre, e, i, st, 1, vEWE, ctx, out);
    });
  }
  // w[i, j) ends in ۆ and ت follows: the past stem + وو with the contracted perfect
  [[gnu::noinline]] void contracted_perfect(std::string_view w, size_t i, size_t j, const Prefix& pre,
                                            Sink& out) const {
    contracted_uu_stems(w, i, j, pre, [&](const Entry& e) {
      LMorph st[8];
      st[0] = {prf_o, static_cast<uint16_t>(j - 2), static_cast<uint16_t>(j), mTail};
      TailCtx ctx{e.kind};
      ctx.prf = true;
      tail_dfs(w, j, vPRF, ctx, pre, e, i, st, 1, out);
    });
  }

  // clitic group (IS? CL?) after the first prefix
  void cl_group(std::string_view w, Prefix pre, int stage, Sink& out) const {
    // option: no clitic group
    prefix_stage(w, pre, stage, out);
    if (pre.cl || pre.is || out.done()) return;
    std::string_view rest = w.substr(pre.pos);
    // -یش after a preverb or light-verb part in a consonant too (ڕوونیشیکردەوە = ڕوونیشی کردەوە,
    // فێریشبووم); after دە- / نە- / ب- only -ش
    const bool on_part = pre.n == 1 && pre.m[0].type == mPart;
    for (const auto& r : g.verb[vIS]) {
      if (r.form.empty() || !starts_with(rest, r.form)) continue;
      if (r.after != kAny && !(on_part && (r.after & end_class_fast(w.substr(0, pre.pos))))) continue;
      Prefix p2 = pre;
      p2.is = true;
      p2.m[p2.n++] = {&r, pre.pos, static_cast<uint16_t>(pre.pos + r.form.size()), mPre};
      p2.pos = static_cast<uint16_t>(pre.pos + r.form.size());
      prefix_stage(w, p2, stage, out);
      std::string_view rest2 = w.substr(p2.pos);
      for (const auto& c : g.verb[vCL]) {
        if (!starts_with(rest2, c.form)) continue;
        Prefix p3 = p2;
        p3.cl = &c;
        p3.m[p3.n++] = {&c, p2.pos, static_cast<uint16_t>(p2.pos + c.form.size()), mPre};
        p3.pos = static_cast<uint16_t>(p2.pos + c.form.size());
        prefix_stage(w, p3, stage, out);
      }
    }
    for (const auto& c : g.verb[vCL]) {
      if (!starts_with(rest, c.form)) continue;
      Prefix p3 = pre;
      p3.cl = &c;
      p3.m[p3.n++] = {&c, pre.pos, static_cast<uint16_t>(pre.pos + c.form.size()), mPre};
      p3.pos = static_cast<uint16_t>(pre.pos + c.form.size());
      prefix_stage(w, p3, stage, out);
    }
  }

  // stage 0: before NEG; 1: before ASP; 2: stem
  void prefix_stage(std::string_view w, const Prefix& pre, int stage, Sink& out) const {
    if (out.done()) return;
    if (stage <= 0) {
      std::string_view rest = w.substr(pre.pos);
      for (const auto& r : g.verb[vNEG]) {
        if (!starts_with(rest, r.form)) continue;
        Prefix p2 = pre;
        p2.neg = static_cast<int8_t>(neg_code(&r));
        p2.m[p2.n++] = {&r, pre.pos, static_cast<uint16_t>(pre.pos + r.form.size()), mPre};
        p2.pos = static_cast<uint16_t>(pre.pos + r.form.size());
        bool first = !pre.part;
        if (first) cl_group(w, p2, 1, out);
        else prefix_stage(w, p2, 1, out);
      }
    }
    if (stage <= 1 && pre.neg != 1 && pre.neg != 2) {
      std::string_view rest = w.substr(pre.pos);
      for (const auto& r : g.verb[vASP]) {
        if (!starts_with(rest, r.form)) continue;
        Prefix p2 = pre;
        p2.asp = static_cast<int8_t>(asp_code(&r));
        if (p2.asp == 1 && pre.neg == 0) continue;
        p2.m[p2.n++] = {&r, pre.pos, static_cast<uint16_t>(pre.pos + r.form.size()), mPre};
        p2.pos = static_cast<uint16_t>(pre.pos + r.form.size());
        bool first = !pre.part && pre.neg < 0;
        if (first) cl_group(w, p2, 2, out);
        else verb_stems(w, p2, out);
      }
    }
    verb_stems(w, pre, out);
  }

  void verbal(std::string_view w, Sink& out) const {
    Prefix pre;
    prefix_stage(w, pre, 0, out);
    for (size_t k = next_cp(w, 0); k < w.size() && k <= max_part_bytes && !out.done(); k = next_cp(w, k)) {
      const uint64_t h = text::hash_bytes(w.substr(0, k));
      const StemIndex::Rec* r = idx.find(w.substr(0, k), h);
      if (const uint32_t part = r ? r->part : 0) {
        Prefix p;
        p.part = part;
        p.m[p.n++] = {nullptr, 0, static_cast<uint16_t>(k), mPart};
        p.pos = static_cast<uint16_t>(k);
        cl_group(w, p, 0, out);
      }
      if (!idx.part_may_extend(h)) break;  // no longer part starts with w[0, k)
    }
  }

  // A preposition written joined to the next word (لەکاتی = لە کاتی, بەشێوەی = بە شێوەی), or fused
  // with the demonstrative of a circumfix (لەوکاتەدا = لەو کاتەدا, بەوشێوەیە = بەو شێوەیە; tried only
  // when لە/بە + the rest gives nothing: لەماڵەوە is لە + ماڵەوە): when no analysis of the whole word
  // is known, analyse the rest as a nominal and keep its lemma. With colloquial spellings on, a ر
  // starting the rest is read as ڕ (no Sorani word starts with ر: لەرووی = لە ڕووی).
  void joined_preposition(std::string_view w, Sink& out) const {
    if (out.known) return;
    bool any = false;
    for (std::string_view prep : {kLe, kBe, kLew, kLem, kBew, kBem}) {
      if (any && prep.size() > kLe.size()) break;
      if (!starts_with(w, prep) || !has_cps(w.substr(prep.size()), 3)) continue;
      LMorph st[10];
      std::string_view rest = w.substr(prep.size());
      thread_local std::string var;
      const bool r_fix = options.colloquial && starts_with(rest, kReh);
      if (r_fix) {
        var.assign(prep);
        var += kRreh;
        var.append(rest.substr(kReh.size()));
        rest = std::string_view(var).substr(prep.size());
      }
      Sink sub = sub_sink(out);
      nom_dfs(rest, rest.size(), kNomAll, true, st, 0, sub);
      if (out.mode == Sink::kKnown) {
        if ((out.known = sub.known)) return;
        continue;
      }
      const auto off = static_cast<uint16_t>(prep.size());
      for (auto& c : *sub.all) {
        if (c.guessed || c.n + 1 > kMaxMorphs) continue;
        c.prepend(off, mAdp);
        if (r_fix) c.lemma_text = lemma_of(var, c);
        c.score -= 1.5f;
        out.add(std::move(c));
        any = true;
      }
    }
  }

  // Informal spelling of long û with one و (مێژوی = مێژووی, هاتوە = هاتووە, نوسین = نووسین): when
  // nothing is known, retry with each single و after a consonant doubled (at most 4 positions);
  // the first variant with known analyses wins, lemmas spelled in the standard form.
  void single_waw(std::string_view w, Sink& out) const {
    if (out.known) return;
    constexpr std::string_view kWaw = "\u0648";
    int tried = 0;
    for (size_t k = 2; k + kWaw.size() <= w.size() && tried < 4; k = next_cp(w, k)) {
      if (w.compare(k, kWaw.size(), kWaw) != 0) continue;
      size_t prev = k - 1;
      while (prev > 0 && (static_cast<unsigned char>(w[prev]) & 0xC0) == 0x80) --prev;
      int len = 0;
      char32_t pc = utf8::decode(w, prev, len);
      const size_t after = k + kWaw.size();
      bool doubled = (after + kWaw.size() <= w.size() && w.compare(after, kWaw.size(), kWaw) == 0) ||
                     pc == U'\u0648';
      if (doubled || pc == U'\u0627' || pc == U'\u06CC' || pc == U'\u06D5' || pc == U'\u06CE' ||
          pc == U'\u06C6')
        continue;
      ++tried;
      if (try_inserted(w, after, kWaw, out)) return;
    }
  }

  // Analyzes `w` respelled with `ins` inserted at byte `at` (nominal and verbal readings). In
  // known() mode it records whether the respelling is known; otherwise it moves the respelling's
  // non-guessed candidates back onto `w` (respelled()). True when the caller stops: the
  // respelling is known, or candidates were added.
  bool try_inserted(std::string_view w, size_t at, std::string_view ins, Sink& out) const {
    std::string v(w.substr(0, at));
    v += ins;
    v += w.substr(at);
    Sink sub = sub_sink(out);
    LMorph st[10];
    nom_dfs(v, v.size(), kNomAll, true, st, 0, sub);
    verbal(v, sub);
    // a goal compound with the respelled letter in its verb form: خستیەڕوو = خستییەڕوو
    goal_compound(v, sub);
    if (out.mode == Sink::kKnown) return (out.known = sub.known);
    auto map = [&](uint16_t x) -> uint16_t {
      if (x <= at) return x;
      if (x >= at + ins.size()) return static_cast<uint16_t>(x - ins.size());
      return static_cast<uint16_t>(at);
    };
    bool any = false;
    for (auto& c : *sub.all) {
      if (c.guessed) continue;
      respelled(c, v, map);
      out.add(std::move(c));
      any = true;
    }
    return any;
  }

  // A candidate found in a respelling `v` of the word, moved back onto the word as written: its
  // lemma read from v, its spans through `map` (offsets in v -> offsets in the word), and a
  // point off its score for the respelling.
  template <class Map>
  void respelled(LCand& c, std::string_view v, Map&& map) const {
    c.lemma_text = lemma_of(v, c);
    c.stem_b = map(c.stem_b);
    c.stem_e = map(c.stem_e);
    for (int i = 0; i < c.n; ++i) {
      c.m[i].b = map(c.m[i].b);
      c.m[i].e = map(c.m[i].e);
    }
    c.score -= 1.0f;
  }

  // A suffix starting with a vowel after a stem ending in ی written with one ی (نەخۆشیەکی =
  // نەخۆشییەکی, ماسیان = ماسییان, بینیان = بینییان; colloquial spellings only): when nothing is
  // known, retry with each ی that follows a consonant and precedes ە ا ێ doubled (right to left, at
  // most 3 positions); the first variant with known analyses wins, lemmas in the standard spelling.
  void single_yeh(std::string_view w, Sink& out) const {
    if (out.known) return;
    constexpr std::string_view kYeh = "\u06CC";
    int tried = 0;
    size_t k = w.size();
    while (k > 2 && tried < 3) {
      k = prev_cp(w, k);
      if (k < 2 || w.compare(k, kYeh.size(), kYeh) != 0) continue;
      const size_t after = k + kYeh.size();
      if (after >= w.size()) continue;
      int len = 0;
      size_t q = after;
      char32_t nc = utf8::decode(w, q, len);
      if (nc != U'\u06D5' && nc != U'\u0627' && nc != U'\u06CE') continue;
      // -یەت is the Arabic abstract ending, written with one ی (دیموکراسیەت، مەدەنیەت، ئەندامیەتی)
      if (nc == U'\u06D5' && w.compare(after + 2, 2, "\u062A") == 0) continue;
      size_t prev = prev_cp(w, k);
      q = prev;
      char32_t pc = utf8::decode(w, q, len);
      if (pc == U'\u06CC' || pc == U'\u0627' || pc == U'\u06D5' || pc == U'\u06CE' || pc == U'\u06C6' ||
          pc == U'\u0648')
        continue;
      ++tried;
      if (try_inserted(w, after, kYeh, out)) return;
    }
  }

  // A dropped mark (ساڵ written سال, بەڵام بەلام, شێوە شیوە, بازاڕ بازار, تەلەفۆن تەلەفون: keyboards and
  // habits without ڵ ێ ڕ ۆ; colloquial spellings only, so the spell checker still flags them): when
  // nothing is known, retry with one ل ی ر و given its mark (a final ل ر too, not a final ی و; left to
  // right, at most 4 positions); the first variant with known analyses wins; the lemma keeps the mark
  // as written.
  // The letters and their marked twins are both two bytes: offsets stay as they are.
  void dropped_mark(std::string_view w, Sink& out) const {
    if (out.known) return;
    static constexpr std::string_view kFrom[] = {"\u0644", "\u06CC", "\u0631", "\u0648"};
    static constexpr std::string_view kTo[] = {"\u06B5", "\u06CE", "\u0695", "\u06C6"};
    if (!has_cps(w, 4)) return;
    const size_t last = prev_cp(w, w.size());
    // every candidate is collected (also for known()), so known() keeps exactly the readings that
    // analyze() keeps
    thread_local std::vector<LCand> buf;
    int tried = 0;
    for (size_t k = next_cp(w, 0); k < w.size() && tried < 4; k = next_cp(w, k)) {
      size_t i = 0;
      while (i < 4 && w.compare(k, kFrom[i].size(), kFrom[i]) != 0) ++i;
      // the last letter only for ڵ and ڕ (a final ی or و is a suffix or the vowel of a stem)
      if (i == 4 || (k >= last && i != 0 && i != 2)) continue;
      ++tried;
      std::string v(w);
      v.replace(k, kFrom[i].size(), kTo[i]);
      // only a reading whose stem holds the restored mark counts: skip the analysis unless some stem
      // of the index starts at or before k and runs through the mark (its prefix table answers)
      bool possible = false;
      for (size_t b = 0; b <= k && !possible; b = next_cp(v, b)) {
        const std::string_view piece = std::string_view(v).substr(b, k + kTo[i].size() - b);
        const uint64_t h = text::hash_bytes(piece);
        possible = idx.stem_may_extend(h) || idx.stem(piece, h) != nullptr;
      }
      if (!possible) continue;
      buf.clear();
      Sink sub(&buf, Sink::kAll, false);
      LMorph st[10];
      nom_dfs(v, v.size(), kNomAll, true, st, 0, sub);
      verbal(v, sub);
      bool any = false;
      for (auto& c : buf) {
        // the restored mark is inside a stem of four letters or more: a name or a rare word is
        // not read as a short word plus suffixes (سالم is not ساڵ + م)
        if (c.guessed) continue;
        bool in_stem = k >= c.stem_b && k < c.stem_e &&
                       has_cps(std::string_view(v).substr(c.stem_b, c.stem_e - c.stem_b), 4);
        // or inside a preverb / light-verb part of four letters or more (بەرێوەدەچێت = بەڕێوەدەچێت;
        // perm: بەرێوە + a verb 22 tokens; not هەل: هەلکەوتە stays unknown, Morph.MisspeltPreverbIsNoCompoundHead)
        for (int mi = 0; mi < c.n && !in_stem; ++mi)
          in_stem = c.m[mi].type == mPart && k >= c.m[mi].b && k < c.m[mi].e &&
                    has_cps(std::string_view(v).substr(c.m[mi].b, c.m[mi].e - c.m[mi].b), 4);
        if (!in_stem) continue;
        if (out.mode == Sink::kKnown) {
          out.known = true;
          return;
        }
        respelled(c, v, [](uint16_t x) { return x; });
        // the lemma keeps the word's own spelling (a name or a variant written so is its own lemma);
        // a restored part's compound keeps its listed spelling
        const size_t at = k - c.stem_b;
        if (k >= c.stem_b && at + kTo[i].size() <= c.lemma_text.size() &&
            c.lemma_text.compare(at, kTo[i].size(), kTo[i]) == 0)
          c.lemma_text.replace(at, kTo[i].size(), kFrom[i]);
        out.add(std::move(c));
        any = true;
      }
      if (any) return;
    }
  }

  // The indefinite -ێک written -یک (شتیک = شتێک, کاتیکی = کاتێکی, یەکیک = یەکێک: keyboards and habits
  // without ێ; the dropped-mark fallback restores marks inside a stem only; permissive corpora: unknown
  // types X-یک / X-یکی on a known X ~165 tokens): when nothing is known, the last ی before ک, after
  // 2+ letters, is read as ێ; only nominal readings whose stem ends right before that ێ count (the ێک
  // is the suffix), not on a name or adjective, word-final only after a stem of 2-3 letters.
  // Colloquial spellings only.
  void indefinite_yk(std::string_view w, Sink& out) const {
    if (out.known) return;
    const size_t k = w.rfind("\u06CC\u06A9");
    if (k == std::string_view::npos || !has_cps(w.substr(0, k), 2)) return;
    std::string v(w);
    v.replace(k, 2, "\u06CE");  // ی and ێ are both two bytes: offsets stay as they are
    thread_local std::vector<LCand> buf;
    buf.clear();
    Sink sub(&buf, Sink::kAll, false);
    LMorph st[10];
    nom_dfs(v, v.size(), kNomAll, true, st, 0, sub);
    for (auto& c : buf) {
      // not on a name or an adjective, and word-final only on a stem of 2-3 letters: a longer X-یک is
      // mostly the loan ending -ic (ئیسلامیک، ئەتۆمیک، مۆدێرنیک; شتیک، کاتیک، یەکیک are short)
      if (c.guessed || c.stem_e != k || c.pos == pPropn || c.pos == pAdj) continue;
      if (k + 4 == w.size() && has_cps(w.substr(0, k), 4)) continue;
      if (out.mode == Sink::kKnown) {
        out.known = true;
        return;
      }
      respelled(c, v, [](uint16_t x) { return x; });
      out.add(std::move(c));
    }
  }

  // The postposition -دا after a stem ending in د written with one د (ئەندرۆیدا = ئەندرۆید + دا,
  // شەهیدا = شەهید + دا; colloquial spellings only): when nothing is known, retry with the د doubled;
  // only readings that end in the postposition are kept.
  void single_dal_da(std::string_view w, Sink& out) const {
    if (out.known) return;
    constexpr std::string_view kDa = "\u062F\u0627", kDal = "\u062F";
    if (!ends_with(w, kDa) || !has_cps(w, 5)) return;
    const size_t after = w.size() - 2;  // the inserted د goes before the final ا
    std::string v(w.substr(0, after));
    v += kDa;
    // every candidate is collected (also for known()), so known() keeps exactly the readings that
    // analyze() keeps
    thread_local std::vector<LCand> buf;
    buf.clear();
    Sink sub(&buf, Sink::kAll, false);
    LMorph st[10];
    nom_dfs(v, v.size(), kNomAll, true, st, 0, sub);
    auto map = [&](uint16_t x) -> uint16_t {
      return x <= after ? x : static_cast<uint16_t>(x - kDal.size());
    };
    for (auto& c : buf) {
      if (c.guessed || c.n < 2 || c.m[c.n - 1].b != after) continue;  // the last morph is the دا
      if (out.mode == Sink::kKnown) {
        out.known = true;
        return;
      }
      respelled(c, v, map);
      out.add(std::move(c));
    }
  }

  // The conjunction و written joined to a word ending in ە ێ ۆ ی (هەیەو = هەیە و, کێشەو = کێشە و):
  // when nothing is known (the single-و spelling of û is tried first), analyse the word without it
  // (morph tag CONJ).
  void joined_conjunction(std::string_view w, Sink& out) const {
    if (out.known) return;
    constexpr std::string_view kWaw = "\u0648";
    if (!ends_with(w, kWaw) || !has_cps(w, 4)) return;
    std::string_view rest = w.substr(0, w.size() - kWaw.size());
    size_t prev = rest.size() - 1;
    while (prev > 0 && (static_cast<unsigned char>(rest[prev]) & 0xC0) == 0x80) --prev;
    int len = 0;
    char32_t pc = utf8::decode(rest, prev, len);
    // not after a consonant: پشکو، پۆلو are far more often ۆ misspelt و than X + و; not after ا: -او is
    // the participle (گەڕاو)
    if (pc != U'\u06D5' && pc != U'\u06CE' && pc != U'\u06C6' && pc != U'\u06CC') return;
    Sink sub = sub_sink(out);
    LMorph st[10];
    nom_dfs(rest, rest.size(), kNomAll, true, st, 0, sub);
    verbal(rest, sub);
    if (out.mode == Sink::kKnown) {
      out.known = sub.known;
      return;
    }
    for (auto& c : *sub.all) {
      if (c.guessed || c.n + 1 > kMaxMorphs) continue;
      if (c.lemma_text.empty() && c.lemma_span) c.lemma_text = lemma_of(rest, c);
      c.m[c.n++] = {nullptr, static_cast<uint16_t>(rest.size()), static_cast<uint16_t>(w.size()), mConj};
      c.score -= 1.5f;
      out.add(std::move(c));
    }
  }

  // The readings of `rest` that a word written joined to a function word keeps (nominal and verbal,
  // neither guessed nor on an induced stem, with room for one more morph), each given the function
  // word's morph by `attach` and `penalty` less score. In known() mode only whether there is one.
  // Returns whether any was added (or found).
  template <class Attach>
  bool joined_readings(std::string_view rest, float penalty, Sink& out, Attach attach) const {
    thread_local std::vector<LCand> v;
    v.clear();
    Sink sub(&v, Sink::kAll, false);
    LMorph st[10];
    nom_dfs(rest, rest.size(), kNomAll, true, st, 0, sub);
    verbal(rest, sub);
    bool any = false;
    for (auto& c : v) {
      if (c.guessed || c.induced || c.n + 1 > kMaxMorphs) continue;
      if (out.mode == Sink::kKnown) {
        out.known = true;
        return true;
      }
      if (c.lemma_text.empty() && c.lemma_span) c.lemma_text = lemma_of(rest, c);
      attach(c);
      c.score -= penalty;
      out.add(std::move(c));
      any = true;
    }
    return any;
  }

  // A function word ending in a letter that does not join to the left (کە، بۆ، هەر) written with no
  // space before the next word: in print the gap is invisible, so typists leave it out (کەئەو = کە
  // ئەو, کەلەلایەن, بۆسەر = بۆ سەر, هەرشوێنێک = هەر شوێنێک; permissive corpora: unknown types کە +
  // a known word 463 tokens, بۆ + 80, هەر + 50). When nothing else is known, the rest (3+ letters,
  // nominal or verbal, not guessed) is analysed and keeps its lemma. Colloquial spellings only: the
  // spell checker flags the missing space.
  void joined_function_word(std::string_view w, Sink& out) const {
    if (out.known) return;
    static constexpr std::string_view kKe = "\u06A9\u06D5", kBo = "\u0628\u06C6",
                                      kHer = "\u0647\u06D5\u0631";
    // کە، بۆ، هەر، the conjunctions تا، یا، وەکوو، the adverb وا (وابزانم = وا بزانم, perm 73;
    // وادیارە) and the demonstrative ئەو (ئەوکەسەی); any hand-written preposition ending in such a
    // letter cost lemma train 0.9414 -> 0.94: سەر، بەر، ناو، ژێر، دا also start compounds and preverb verbs
    static constexpr std::string_view kLead[] = {kKe, kBo, kHer, "\u062A\u0627", "\u06CC\u0627",
                                                 "\u0648\u06D5\u06A9\u0648\u0648", "\u0648\u0627",
                                                 "\u0626\u06D5\u0648"};
    for (std::string_view fw : kLead) {
      if (!starts_with(w, fw) || !has_cps(w.substr(fw.size()), 3)) continue;
      std::string_view rest = w.substr(fw.size());
      // readings on an induced stem do not count (کەسانێ is no کە + سانێ)
      const auto off = static_cast<uint16_t>(fw.size());
      const MType type = fw == kHer ? mDet : fw == kBo ? mAdp : fw == "\u0648\u0627" ? mAdv
                         : fw == "\u0626\u06D5\u0648" ? mPron : mConj;
      joined_readings(rest, 2.0f, out, [&](LCand& c) { c.prepend(off, type); });
      return;
    }
  }

  // The same invisible gap before a function word: a word ending in a letter that does not join to
  // the left (ە ا و د ر ڕ ز ژ ۆ) written joined to a following hand-written preposition or
  // conjunction of 2+ letters (not کە, which after ە is the definite -کە), or to بوو (pronouns and
  // particles too cost lemma dev 0.96 -> 0.95) (تایبەتەبۆ = تایبەتە بۆ, ئەوەبوو = ئەوە بوو,
  // زیاترلە, سەربە; permissive corpora: unknown types of a known, not induced word + بۆ 103 tokens,
  // + بوو 64, + بە 34, + لە 22). When nothing else is known, the first word (2+ letters, nominal or
  // verbal, not guessed nor induced) keeps its lemma; the rightmost cut wins. Colloquial spellings
  // only. (The conjunction و joined after د ر ڕ ز ژ, بارو، کوردو, 184 tokens, was tried and left
  // out: stem F1 on UniMorph train 0.9786 -> 0.9765, coverage unchanged.)
  void joined_trailing_word(std::string_view w, Sink& out) const {
    if (out.known) return;
    static constexpr std::string_view kBuu = "\u0628\u0648\u0648";
    // tails of up to 8 letters (16 bytes: the function words are short)
    for (size_t k = prev_cp(w, w.size()); k >= 4 && w.size() - k <= 16 && !out.done(); k = prev_cp(w, k)) {
      std::string_view rest = w.substr(0, k), tail = w.substr(k);
      // not کە: after ە it is the definite -کە (نییەکە is no نییە کە)
      if (!has_cps(tail, 2) || !two_byte_at(rest, rest.size()) || starts_with(tail, kHeh) ||
          tail == "\u06A9\u06D5")
        continue;
      const char32_t c0 = two_byte_cp(rest, rest.size());
      if (c0 != U'\u062F' && c0 != U'\u0631' && c0 != U'\u0695' && c0 != U'\u0632' && c0 != U'\u0698' &&
          c0 != U'\u06D5' && c0 != U'\u0627' && c0 != U'\u0648' && c0 != U'\u06C6')
        continue;  // د ر ڕ ز ژ ە ا و ۆ
      MType type = mAux;
      if (tail != kBuu) {
        const StemIndex::Rec* tr = idx.stem(tail);
        uint8_t pos = 0;
        if (tr)
          for (const auto& e : *tr)
            if (e.kind == Kind::kNominal && e.source == 0 &&
                (e.pos == kAdpPos || e.pos == kConjPos)) {
              pos = e.pos;
              break;
            }
        if (!pos) continue;
        type = pos == kAdpPos ? mAdp : pos == kConjPos ? mConj : pos == kProPos ? mPron : mPartcl;
      }
      if (!has_cps(rest, 2)) continue;
      const auto b = static_cast<uint16_t>(rest.size()), e = static_cast<uint16_t>(w.size());
      if (joined_readings(rest, 2.0f, out, [&](LCand& c) { c.m[c.n++] = {nullptr, b, e, type}; })) return;
    }
  }

  // A light-verb compound written joined whose nominal part is a known noun or adjective but which is
  // not listed in compound_verbs.tsv (ڕاپۆرتکرا، بەکارنەهاتوون، دەستپێدەکات): when nothing is known,
  // a hand-written nominal head (3+ letters) followed by a finite form of a productive light verb
  // (g.light_verbs: کردن، بوون، دان);
  // lemma = head + infinitive, morph tag PREVERB on the head.
  void joined_light_verb(std::string_view w, Sink& out) const {
    if (out.known) return;
    for (size_t k = next_cp(w, next_cp(w, 0)); k + 4 <= w.size() && k <= g.max_stem_bytes; k = next_cp(w, k)) {
      const std::string_view head = w.substr(0, k);
      const uint64_t h = text::hash_bytes(head);
      // hand-written only: induced heads admit misspellings; چا + کا, پی + ویست: misspellings, not compounds;
      // nor a noun that is a preverb with a mark dropped (هەل "chance" + کەوت is هەڵکەوت misspelt)
      if (has_cps(head, 3) && handwritten_nominal(idx.stem(head, h)) && !preverb_twin_of(head)) {
        light_verb_after(w, k, out);
        if (out.done()) return;
      }
      if (!idx.stem_may_extend(h)) break;  // no longer stem starts with w[0, k)
    }
    // a hand-written adjective + the comparative -تر, then کردن / بوون (بەهێزتردەکات، نزیکتربووی)
    for (size_t k = 10; k + 4 <= w.size() && k <= g.max_stem_bytes + 4; ++k) {  // تر = D8 AA D8 B1: only at a letter boundary
      if (w[k - 4] != '\xD8' || w[k - 3] != '\xAA' || w[k - 2] != '\xD8' || w[k - 1] != '\xB1') continue;
      if (!comparative_head(w.substr(0, k)) || preverb_twin_of(w.substr(0, k))) continue;
      light_verb_after(w, k, out, true);
      if (out.done()) return;
    }
  }
  // joined_light_verb: the light verb after the nominal head w[0, k) (kb: only کردن / بوون)
  void light_verb_after(std::string_view w, size_t k, Sink& out, bool kb = false) const {
    std::string_view rest = w.substr(k);
    thread_local std::vector<LCand> kbv;
    kbv.clear();
    Sink sub = kb ? Sink(&kbv, Sink::kAll, false) : sub_sink(out);
    sub.light_only = true;
    verbal(rest, sub);
    if (out.mode == Sink::kKnown && !kb) {
      out.known = sub.known;
      return;
    }
    const auto off = static_cast<uint16_t>(k);
    for (auto& c : *sub.all) {
      if (c.guessed || c.n + 1 > kMaxMorphs || c.kind == Kind::kNominal) continue;
      if (!light_lemma[c.lemma] || (kb && !kb_lemma(c.lemma))) continue;
      bool has_part = false;
      for (int i = 0; i < c.n; ++i) has_part |= c.m[i].type == mPart;
      if (has_part) continue;
      if (out.mode == Sink::kKnown) {
        out.known = true;
        return;
      }
      c.lemma_text = std::string(w.substr(0, k)) + g.strings[c.lemma];
      c.prepend(off, mPart);
      c.score -= 2.0f;
      // ب + ێ + ending is هاتن's subjunctive or بوون's: after an unlisted head it is بوون's
      // (ڕاستبێت، ناسراوبێت، کوردبێت "be right, known, a Kurd"), هاتن only where بوون has no form
      // (2 points: بوون there is ranked 1.5 below, see finish_verb)
      if (c.lemma == hatin_lemma) c.score -= 2.0f;
      out.add(std::move(c));
    }
  }

  // A goal compound written joined: a form of the base verb ending in the goal -ە, then the part
  // (دێتەدی = دێتە + دی → هاتنەدی, خستەڕوو → خستنەڕوو; compound_verbs.tsv type GL). The infinitive
  // itself is a nominal entry (خستنەڕووی). Only when nothing else is known.
  // (a finite form may end in -ەوە after a part in a consonant: هاتەپێشەوە، دێنەژوورەوە, as the
  // infinitive does, هاتنەپێشەوە; the 3sg past of a stem in وو takes the goal -ە right on the stem
  // there, چووەسەر، چووەناو, which alone stays the perfect چووە)
  void goal_compound(std::string_view w, Sink& out) const {
    if (out.known || g.goal_parts.empty()) return;
    constexpr std::string_view kEwe = "\u06D5\u0648\u06D5";
    for (const auto& [part, list] : g.goal_parts) {
      size_t tail = 0;
      if (ends_with(w, part)) tail = part.size();
      else if (goal_ewe && ends_with(w, kEwe) && ends_with(w.substr(0, w.size() - kEwe.size()), part) &&
               end_class(part) == kC)
        tail = part.size() + kEwe.size();
      if (!tail || w.size() < tail + 6) continue;
      const std::string_view r = w.substr(0, w.size() - tail);
      // every form of r, also for known(): each is checked for its goal ending and lemma
      thread_local std::vector<LCand> v;
      v.clear();
      Sink sub(&v, Sink::kAll, false);
      goal_context = true;
      verbal(r, sub);
      goal_context = false;
      for (auto& c : v) {
        if (c.guessed || c.kind == Kind::kNominal || c.n == 0 || c.n + 1 > kMaxMorphs) continue;
        const LMorph& last = c.m[c.n - 1];
        if (!last.row || last.row->slot != vGOAL || same(last.row->form, "\u06CE")) continue;  // not the -ێ "to it"
        for (const auto& [base, comp] : list) {
          if (c.lemma != base) continue;
          if (out.mode == Sink::kKnown) {
            out.known = true;
            return;
          }
          if (tail > part.size() && c.n + 2 > kMaxMorphs) continue;
          LCand d = c;
          d.lemma_text = comp;
          d.m[d.n++] = {nullptr, static_cast<uint16_t>(r.size()), static_cast<uint16_t>(r.size() + part.size()), mPart};
          if (tail > part.size())
            d.m[d.n++] = {goal_ewe, static_cast<uint16_t>(r.size() + part.size()), static_cast<uint16_t>(w.size()), mTail};
          d.score -= 1.0f;
          if (out.take(d.score, false)) out.add(std::move(d));
        }
      }
    }
  }

  // A sink for the analysis of part of a word by a fallback: the guessed candidates it would keep are
  // discarded by every fallback, so none are built; kKnown stays kKnown, the others collect into a
  // per-thread vector (the fallbacks do not nest).
  static Sink sub_sink(const Sink& out) {
    if (out.mode == Sink::kKnown) return Sink(nullptr, Sink::kKnown, false);
    thread_local std::vector<LCand> v;
    v.clear();
    return Sink(&v, Sink::kAll, false);
  }

  void candidates(std::string_view w, Sink& out) const {
    LMorph st[10];
    nom_dfs(w, w.size(), kNomAll, true, st, 0, out);
    verbal(w, out);
    joined_preposition(w, out);
    joined_light_verb(w, out);
    goal_compound(w, out);
    if (options.colloquial) single_waw(w, out);
    if (options.colloquial) single_dal_da(w, out);
    if (options.colloquial) single_yeh(w, out);
    if (options.colloquial) dropped_mark(w, out);
    if (options.colloquial) indefinite_yk(w, out);
    joined_conjunction(w, out);
    if (options.colloquial) joined_function_word(w, out);
    if (options.colloquial) joined_trailing_word(w, out);
  }
  // Every candidate, best first (stable: the search order breaks ties).
  void candidates(std::string_view w, std::vector<LCand>& out) const {
    Sink sink(&out, Sink::kAll, options.guess);
    candidates(w, sink);
    std::stable_sort(out.begin(), out.end(), [](const LCand& a, const LCand& b) { return a.score > b.score; });
  }

  // Per-thread normalization buffer for lemma()/known(): it keeps its capacity between calls (no
  // allocation per word once warm).
  static std::string& scratch_buf() {
    thread_local std::string s;
    return s;
  }

  std::string lemma_of(std::string_view w, const LCand& c) const {
    if (!c.lemma_text.empty()) return c.lemma_text;
    if (c.lemma_span) {
      std::string s(w.substr(c.stem_b, c.stem_e - c.stem_b));
      if (c.lemma_add_heh) s += kHeh;
      return s;
    }
    return g.strings[c.lemma];
  }

  std::string features_of(std::string_view w, const LCand& c) const;
  std::string morph_tag(const LMorph& m, const LCand& c) const;

  // normalized view of a word
  std::string_view prepare(std::string_view word, std::string& buf, OffsetMap* map) const {
    if (word.size() > options.max_word_bytes) return word;
    if (!options.normalize) {
      if (utf8::is_valid(word)) return word;
      buf = utf8::sanitize(word);
      return buf;
    }
    if (normalizer.normalized_prefix(word) == word.size() && utf8::is_valid(word)) return word;
    buf.clear();
    normalizer.normalize(word, buf, map);
    // trim whitespace the normalizer may have produced
    return buf;
  }
};

std::string Analyzer::Impl::morph_tag(const LMorph& m, const LCand& c) const {
  switch (m.type) {
    case mStem: return "STEM";
    case mPart: return "PREVERB";
    case mNeg: return "NEG";
    case mAdp: return "ADP";
    case mConj: return "CONJ";
    case mDet: return "DET";
    case mAux: return "AUX";
    case mPron: return "PRO";
    case mPartcl: return "PART";
    case mAdv: return "ADV";
    default: break;
  }
  const Row* r = m.row;
  if (!r) return "?";
  if (m.type == mNom) return r->feat;
  // verbal
  switch (r->slot) {
    case vNEG: return "NEG";
    case vASP: return same(r->feat, "DE") ? "IND" : "SBJV";
    case vCL: return c.kind == Kind::kPast && c.transitive ? "ARGER" + r->feat : "ARGAC" + r->feat;
    case vIS: return "LGSPEC5";
    case vEWE: return "LGSPEC3";
    case vGOAL: return "LGSPEC2";
    case vAYE: return "SBJV";
    case vPRF: return "PRF";
    case vPLPRF: return "PRF";
    case vPRFSBJV: return "PRF";
    case vPASS: return "PASS";
    default: return r->feat;
  }
}

std::string Analyzer::Impl::features_of(std::string_view w, const LCand& c) const {
  std::string f = kPosNames[c.pos];
  if (c.kind == Kind::kNominal) {
    for (int i = 0; i < c.n; ++i) {
      const auto& m = c.m[i];
      // an irregular verb form's own features (irregular.tsv: وەرە V;IMP;ARGNO2S)
      if (m.type == mStem && c.pos == pV && !g.irregular_features.empty() && m.e <= w.size() && m.b < m.e) {
        auto it = g.irregular_features.find(w.substr(m.b, m.e - m.b));
        if (it != g.irregular_features.end()) {
          f += ';';
          f += it->second;
        }
      }
      if (m.type == mNeg) { f += ";NEG"; continue; }
      if (m.type != mNom || !m.row) continue;
      f += ';';
      f += m.row->feat;
    }
    return f;
  }
  // verbs
  int neg = -1, asp = -1;
  const Row* pcl = nullptr;
  bool is = false, ewe = false, goal = false, aye = false, prf = false, plprf = false, prfsbjv = false, pass = false;
  std::string pass_t;
  std::vector<const Row*> pers;  // tail person rows in order (PST/PRS/IMP/SCL/PRF3)
  bool imp = false;
  for (int i = 0; i < c.n; ++i) {
    const auto& m = c.m[i];
    if (!m.row) continue;
    const Row* r = m.row;
    if (m.type == mPre) {
      if (r->slot == vNEG) neg = neg_code(r);
      else if (r->slot == vASP) asp = asp_code(r);
      else if (r->slot == vCL) pcl = r;
      else if (r->slot == vIS) is = true;
      continue;
    }
    switch (r->slot) {
      case vIS: is = true; break;
      case vEWE: ewe = true; break;
      case vGOAL: goal = true; break;
      case vAYE: aye = true; break;
      case vPRF: prf = true; break;
      case vPLPRF: plprf = true; break;
      case vPRFSBJV: prfsbjv = true; break;
      case vPASS:
        pass = true; pass_t = r->feat;
        if (same(r->feat, "PRF")) prf = true;
        if (same(r->feat, "PLPRF")) plprf = true;
        if (same(r->feat, "PRFSBJV")) prfsbjv = true;
        break;
      case vIMP: imp = true; pers.push_back(r); break;
      case vPST: case vPRS: case vSCL: pers.push_back(r); break;
      case vPRF3: pers.push_back(r); break;
      default: break;
    }
  }
  bool present = c.kind == Kind::kPresent || c.kind == Kind::kPresent3 || (pass && pass_t == "PRS");
  // a bare present stem in ە/ۆ (no ending) is the imperative 2sg: بکە، ببە، مەکە
  if (c.kind == Kind::kPresent && pers.empty() && !pass && c.stem_e == w.size() && bare_imp_stem(w)) imp = true;
  if (imp) f += ";IMP";
  else if (present) f += (asp == 0 || neg == 1) ? ";PRS;IND" : ";PRS;SBJV";
  else if (prfsbjv) f += ";PRS;PRF;SBJV";
  else if (plprf) f += aye ? ";PST;PRF;SBJV" : ";PST;PRF;IND";
  else if (prf) f += ";PRS;PRF;IND";
  else if (aye) f += ";PST;IPFV;SBJV";
  else if (asp == 0) f += ";PST;IPFV;IND";
  else f += ";PST;IND";
  if (neg >= 0) f += ";NEG";
  if (pass) f += ";PASS";
  if (c.caus) f += ";CAUS";
  bool ergative = c.kind == Kind::kPast && c.transitive && !present;
  if (ergative) {
    // agent: prefix clitic, else a stem clitic (SCL) or the 3sg -یەتی of the perfect
    std::string agent, object;
    if (pcl) agent = pcl->feat;
    for (const Row* r : pers) {
      if (r->slot == vSCL && agent.empty()) agent = r->feat;
      else if (r->slot == vPRF3 && !same(r->form, "ە") && agent.empty()) agent = r->feat;
      else if (r->slot == vPST || r->slot == vPRS || (r->slot == vSCL && !agent.empty() && object.empty())) {
        if (object.empty()) object = r->feat;
      }
    }
    if (object.empty()) object = "3S";
    if (agent.empty()) agent = "3S";
    f += ";ARGAB" + object + ";ARGER" + agent;
  } else {
    std::string subj;
    for (const Row* r : pers)
      if ((r->slot == vPST || r->slot == vPRS || r->slot == vIMP) && subj.empty()) subj = r->feat;
    if (subj.empty()) subj = imp ? "2S" : "3S";
    f += ";ARGNO" + subj;
    if (pcl) f += ";ARGAC" + pcl->feat;
  }
  if (is) f += ";LGSPEC5";
  if (ewe) f += ";LGSPEC3";
  if (goal) f += ";LGSPEC2";
  return f;
}

Analyzer::Analyzer() : Analyzer(MorphOptions{}) {}
Analyzer::Analyzer(const MorphOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
const MorphOptions& Analyzer::options() const { return impl_->options; }

std::vector<Analysis> Analyzer::analyze(std::string_view word) const {
  std::vector<Analysis> res;
  if (word.empty()) return res;
  std::string buf;
  OffsetMap map;
  std::string_view w = impl_->prepare(word, buf, &map);
  bool mapped = w.data() == buf.data() && !map.identity();
  auto to_in = [&](size_t o, bool end) -> size_t {
    if (w.data() != buf.data()) return o;
    if (!mapped) return std::min(o, word.size());
    return map.to_input(o, end ? OffsetMap::Bias::kEnd : OffsetMap::Bias::kStart);
  };
  std::vector<LCand> cands;
  if (w.size() <= impl_->options.max_word_bytes && !w.empty()) impl_->candidates(w, cands);
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& c : cands) {
    Analysis a;
    a.lemma = impl_->lemma_of(w, c);
    a.features = impl_->features_of(w, c);
    bool dup = false;
    for (const auto& s : seen) dup |= s.first == a.lemma && s.second == a.features;
    if (dup) continue;
    seen.emplace_back(a.lemma, a.features);
    a.pos = morph::kPosNames[c.pos];
    a.guessed = c.guessed;
    a.induced = c.induced;
    a.score = c.score;
    for (int i = 0; i < c.n; ++i) {
      const auto& m = c.m[i];
      if (m.b == m.e && m.row) continue;  // a zero-width slot (the perfect after وو: بوومەتەوە) gives features only
      Morph mm;
      mm.form = std::string(w.substr(m.b, m.e - m.b));
      mm.tag = impl_->morph_tag(m, c);
      mm.start = to_in(m.b, false);
      mm.end = to_in(m.e, true);
      a.morphs.push_back(std::move(mm));
    }
    res.push_back(std::move(a));
    if (impl_->options.max_analyses && res.size() >= impl_->options.max_analyses) break;
  }
  if (res.empty()) {
    Analysis a;
    a.lemma = std::string(w);
    a.pos = "N";
    a.features = "N";
    a.guessed = true;
    a.score = -100;
    Morph mm;
    mm.form = a.lemma;
    mm.tag = "STEM";
    mm.start = 0;
    mm.end = word.size();
    a.morphs.push_back(std::move(mm));
    res.push_back(std::move(a));
  }
  return res;
}

std::string Analyzer::lemma(std::string_view word) const {
  if (word.empty()) return {};
  std::string_view w = impl_->prepare(word, Impl::scratch_buf(), nullptr);
  if (w.empty()) return {};
  if (w.size() > impl_->options.max_word_bytes) return std::string(w);
  Sink sink(nullptr, Sink::kBest, impl_->options.guess);  // the first of the best score: analyze()[0]
  impl_->candidates(w, sink);
  if (!sink.has_best) return std::string(w);
  return impl_->lemma_of(w, sink.best);
}

std::vector<std::string> Analyzer::lemmas(std::string_view word, size_t n) const {
  std::vector<std::string> out;
  if (word.empty()) return out;
  std::string buf;
  std::string_view w = impl_->prepare(word, buf, nullptr);
  std::vector<LCand> cands;
  if (w.size() <= impl_->options.max_word_bytes) impl_->candidates(w, cands);
  for (const auto& c : cands) {
    std::string l = impl_->lemma_of(w, c);
    if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(std::move(l));
    if (out.size() >= n) break;
  }
  if (out.empty()) out.emplace_back(w);
  return out;
}

std::string Analyzer::stem(std::string_view word) const { return lemma(word); }

// The search of analyze() that builds no candidate, never guesses and stops at the first analysis
// that is not guessed.
bool Analyzer::known(std::string_view word) const {
  if (word.empty()) return false;
  std::string_view w = impl_->prepare(word, Impl::scratch_buf(), nullptr);
  if (w.empty() || w.size() > impl_->options.max_word_bytes) return false;
  Sink sink(nullptr, Sink::kKnown, false);
  impl_->candidates(w, sink);
  return sink.known;
}

size_t Analyzer::memory_bytes() const {
  return impl_->g.memory_bytes() + impl_->idx.memory_bytes() + impl_->light_lemma.capacity() +
         (impl_->nom_by_last.capacity() + impl_->verb_by_b1.capacity()) * sizeof(const Row*);
}
size_t Analyzer::lexicon_size() const { return impl_->g.lexicon_entries; }

std::vector<std::string> Analyzer::lexicon_forms(bool inflected) const {
  const Grammar& g = impl_->g;
  std::vector<std::string> out;
  out.reserve(g.stems.size() * (inflected ? 6 : 1));
  // Suffix sequences per kind of nominal stem (slot, features): the forms running text uses most
  // (nouns: determiners and the ezafe). Built from the slot rows whose class fits the letter before
  // them, as inflect() does, without its general search (~20 us a form: 0.8 s for the lexicon).
  using Step = std::pair<NomSlot, std::string_view>;
  static const std::vector<std::vector<Step>> kNoun = {
      {{kNUM, "DEF"}}, {{kNUM, "DEF;PL"}}, {{kNUM, "PL"}}, {{kNUM, "INDF"}}, {{kEZ, "LGSPEC1"}},
      {{kNUM, "DEF"}, {kEZ, "LGSPEC1"}}, {{kNUM, "DEF;PL"}, {kEZ, "LGSPEC1"}}, {{kNUM, "INDF"}, {kEZ, "LGSPEC1"}}};
  static const std::vector<std::vector<Step>> kAdj = {{{kEZ, "LGSPEC1"}}, {{kDEG, "CMPR"}}, {{kDEG, "SPRL"}}};
  static const std::vector<std::vector<Step>> kName = {{{kEZ, "LGSPEC1"}}};
  const uint8_t noun = pos_id("N"), adj = pos_id("ADJ"), name = pos_id("PROPN");
  // The first row of each step that fits (inflect()'s choice; the rarer spellings of a step, such as
  // the ezafe -ێ, are left out), except one that would write ی three times (ماسی + یی: the ezafe
  // of a ی-final stem is the one more ی of the next row, ماسیی).
  auto suffixed = [&](const std::string& stem, const std::vector<Step>& steps) {
    std::string cur = stem;
    bool at_stem = true;
    for (auto [slot, feat] : steps) {
      const uint8_t cls = end_class(cur);
      const Row* row = nullptr;
      bool drop = false;
      for (const auto& r : g.nom[slot]) {
        if (r.feat != feat) continue;
        drop = at_stem && (r.after & kEdrop) && cls == kE;  // خانە + ان -> خانان
        if (!drop && !(r.after & cls)) continue;
        if (!at_stem && (r.after & kStemOnly)) continue;
        if (!drop && (cur + r.form).find("\u06CC\u06CC\u06CC") != std::string::npos) continue;  // ییی
        row = &r;
        break;
      }
      if (!row) return;
      if (drop) cur.resize(cur.size() - kHeh.size());
      cur += row->form;
      at_stem = false;
    }
    out.push_back(std::move(cur));
  };
  for (const auto& [surface, entries] : g.stems) {
    bool nominal = false, is_noun = false, is_adj = false, is_name = false;
    for (const auto& e : entries) {
      if (e.kind != Kind::kNominal) continue;
      nominal = true;
      // induced stems are mostly nouns whatever their tag says: they get the noun forms
      is_noun = is_noun || e.pos == noun || e.source == 1;
      is_adj = is_adj || e.pos == adj;
      is_name = is_name || e.pos == name;
    }
    if (!nominal) continue;
    out.push_back(surface);
    if (!inflected) continue;
    if (is_noun) for (const auto& st : kNoun) suffixed(surface, st);
    if (is_adj) for (const auto& st : kAdj) suffixed(surface, st);
    if (is_name) for (const auto& st : kName) suffixed(surface, st);
  }
  if (inflected) {
    // Verbs: the 3sg/3pl present (indicative, negative, subjunctive), the 3sg past (bare and
    // negative), the perfect 3sg and the passive past and present 3sg, built by concatenating the
    // slot forms (inflect() would analyse every candidate it builds: ~1 ms a form) and kept when
    // known() accepts them (below). The infinitive, verbal nouns and participles are nominal stems
    // (above). Light-verb compounds are written apart when finite (دروست دەکات): no finite forms.
    static constexpr std::string_view kPresent[] = {"دە", "نا", "ب"};
    static constexpr std::string_view kPresentEnd[] = {"ێت", "ت", "ن"};
    static constexpr std::string_view kPerfect[] = {"ووە", "وە", "ە"};
    for (const auto& [inf, v] : g.verbs) {
      if (!g.stems.count(inf)) continue;  // bound stems (never without a preverb)
      if (!v.part.empty() && !g.preverbs.count(v.part)) continue;
      std::vector<std::string> present = v.present;
      for (const auto& p : v.present) {  // the 3sg variant of a stem in ە or ۆ (دەکات، دەخوات)
        if (ends_with(p, kHeh)) present.push_back(p.substr(0, p.size() - kHeh.size()) + "ا");
        if (ends_with(p, "\u06C6")) present.push_back(p.substr(0, p.size() - 2) + "وا");
      }
      for (const auto& p : present)
        for (auto pre : kPresent)
          for (auto end : kPresentEnd) out.push_back(v.part + std::string(pre) + p + std::string(end));
      out.push_back(v.part + v.past);
      out.push_back(v.part + "نە" + v.past);
      for (auto e : kPerfect) out.push_back(v.part + v.past + std::string(e));
      for (const auto& p : v.passive) {
        out.push_back(v.part + p + "ا");
        out.push_back(v.part + "دە" + p + "ێت");
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove_if(out.begin(), out.end(), [&](const std::string& f) { return !known(f); }), out.end());
  return out;
}

// ---------------- generation ----------------
namespace {

std::string upper_ascii(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return o;
}

// Canonical feature multiset: upper case, LGSPEC8(x) = ARGERx, LGSPEC9(x) alone = PSSx, default 3S
// arguments (and the 2S of an imperative) dropped, POS removed (returned separately).
std::vector<std::string> canon(std::string_view tags, std::string* pos) {
  std::vector<std::string> t;
  size_t b = 0;
  for (;;) {
    size_t e = tags.find(';', b);
    std::string tok = upper_ascii(tags.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    while (!tok.empty() && tok.back() == ' ') tok.pop_back();
    while (!tok.empty() && tok.front() == ' ') tok.erase(tok.begin());
    if (!tok.empty()) t.push_back(tok);
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  if (pos) pos->clear();
  std::vector<std::string> out;
  bool has_pss = false, has_imp = false;
  for (auto& x : t) {
    has_pss |= x.rfind("PSS", 0) == 0;
    has_imp |= x == "IMP";
  }
  for (size_t i = 0; i < t.size(); ++i) {
    std::string x = t[i];
    if (i == 0 && pos && morph::pos_id(x) != 0) { *pos = x; continue; }
    if (i == 0 && pos && x == "N") { *pos = x; continue; }
    if (x.rfind("LGSPEC8(", 0) == 0 && x.size() > 9) x = "ARGER" + x.substr(8, x.size() - 9);
    else if (x.rfind("LGSPEC9(", 0) == 0 && !has_pss && x.size() > 9) x = "PSS" + x.substr(8, x.size() - 9);
    if (x == "ARGNO3S" || x == "ARGAB3S" || x == "ARGER3S" || x == "IND" || (x == "ARGNO2S" && has_imp)) continue;
    out.push_back(x);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// How often a standard-spelled word form occurs in the project's induced word-frequency list
// (data/normalize/wordfreq.tsv: wishe and KurdishMT raw text, see NOTICE); 0 when it does not.
long corpus_count(const std::string& form) {
  static const std::unordered_map<std::string, long> counts = [] {
    std::unordered_map<std::string, long> m;
    const auto& t = tables::normalize_wordfreq_tsv;
    const int fw = t.column("word"), fc = t.column("count");
    m.reserve(t.rows);
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      long n = 0;
      for (char ch : f[fc])
        if (ch >= '0' && ch <= '9') n = n * 10 + (ch - '0');
      m.emplace(std::string(f[fw]), n);
    });
    return m;
  }();
  auto it = counts.find(form);
  return it == counts.end() ? 0 : it->second;
}

bool take_tokens(std::vector<std::string>& rem, std::string_view feat) {
  std::vector<std::string> need = canon(feat, nullptr);
  std::vector<std::string> r = rem;
  for (const auto& n : need) {
    auto it = std::find(r.begin(), r.end(), n);
    if (it == r.end()) return false;
    r.erase(it);
  }
  rem = std::move(r);
  return true;
}

}  // namespace

std::vector<std::string> Analyzer::inflect(std::string_view lemma_in, std::string_view tags) const {
  std::vector<std::string> out;
  const Grammar& g = impl_->g;
  std::string lbuf;
  std::string_view lemma = impl_->prepare(lemma_in, lbuf, nullptr);
  if (lemma.empty()) return out;
  std::string pos;
  std::vector<std::string> target = canon(tags, &pos);
  auto lemma_of_form = [&](const std::string& f) { return this->lemma(f); };
  // a goal compound (هاتنەدی): the base verb's form with the goal -ە, then the part (دێتەدی)
  if (pos == "V" || pos.empty())
    for (const auto& [part, list] : g.goal_parts)
      for (const auto& [base, comp] : list)
        if (comp == lemma) {
          std::string t(tags);
          if (t.find("LGSPEC2") == std::string::npos) t += ";LGSPEC2";
          for (auto& f : inflect(g.strings[base], t)) out.push_back(f + part);
          return out;
        }
  // A causative infinitive (شکاندن, ڕاگەیاندن): its finite forms are analyzed as the base verb with
  // CAUS (دەشکێنم = شکان ...;CAUS), so they are built that way; without this no form matched.
  if (pos == "V" && std::find(target.begin(), target.end(), "CAUS") == target.end())
    for (const auto& [base, caus] : g.causative_of)
      if (caus == lemma) {
        auto r = inflect(base, std::string(tags) + ";CAUS");
        if (!r.empty()) return r;
        break;
      }
  // a suppletive form with exactly these features (irregular.tsv: هاتن IMP -> وەرە, چوون IMP -> بچۆ)
  if (pos == "V" || pos.empty()) {
    for (const auto& ir : g.irregular_forms) {
      if (ir.lemma != lemma) continue;
      std::string ir_pos;
      if (canon(ir.features, &ir_pos) == target && std::find(out.begin(), out.end(), ir.form) == out.end())
        out.push_back(ir.form);
    }
    if (!out.empty()) return out;
  }
  auto vit = g.verbs.find(std::string(lemma));
  if (std::find(target.begin(), target.end(), "CAUS") != target.end()) {
    auto ct = g.causative_of.find(std::string(lemma));  // شکان + CAUS -> the forms of شکاندن
    if (ct != g.causative_of.end()) vit = g.verbs.find(ct->second);
  }
  bool verbal = (pos == "V" || (pos.empty() && vit != g.verbs.end())) && vit != g.verbs.end();
  auto push = [&](std::string s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  // Several spellings analyze alike (دەکات / دەکە, ببن / ببێن, نووسراو / نووسیو): the one attested
  // most in running text comes first. A form counts only when its best reading is this lemma (با
  // is mostly "wind", not a form of بردن); the others keep the order they were generated in.
  auto rank_by_corpus = [&] {
    std::vector<std::pair<long, std::string>> scored;
    for (auto& f : out) scored.emplace_back(lemma_of_form(f) == lemma ? corpus_count(f) : 0, std::move(f));
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    out.clear();
    for (auto& sf : scored) out.push_back(std::move(sf.second));
  };
  if (!verbal) {
    // nominal: forward walk over the suffix slots, choosing rows whose tags are all wanted
    std::vector<std::string> stems_;
    bool neg = false;
    {
      auto it = std::find(target.begin(), target.end(), "NEG");
      if (it != target.end()) { neg = true; target.erase(it); }
    }
    // A participle of a compound the lexicon does not list (تۆمارکردن) is built on its verb: the
    // longest ending of the lemma that is a known infinitive, after a part of two letters or more.
    std::string ptcp_part;
    auto pvit = vit;
    if (pos == "V.PTCP" && pvit == g.verbs.end()) {
      for (size_t k = 4; k < lemma.size(); ++k) {
        if ((static_cast<unsigned char>(lemma[k]) & 0xC0) == 0x80) continue;
        auto it = g.verbs.find(std::string(lemma.substr(k)));
        if (it != g.verbs.end()) {
          pvit = it;
          ptcp_part = std::string(lemma.substr(0, k));
          break;
        }
      }
    }
    if (pos == "V.PTCP" && pvit != g.verbs.end()) {
      bool pass = false;
      auto it = std::find(target.begin(), target.end(), "PASS");
      if (it != target.end()) { pass = true; target.erase(it); }
      const auto& v = pvit->second;
      // The adjectival participle of a transitive verb is usually the passive one (نووسراو,
      // تۆمارکراو), of an intransitive the perfect one (هاتوو, پێشکەوتوو); both are generated, that
      // one first, and the corpus ranking below decides between attested forms.
      std::vector<std::string> passive, active;
      for (const auto& p : v.passive) passive.push_back(ptcp_part + v.part + p + "او");
      {
        std::string past = ptcp_part + v.part + v.past;
        uint8_t cls = morph::end_class(past);
        active.push_back(past + (cls == kC ? "وو" : cls == kU ? "" : "و"));
      }
      if (pass) stems_ = passive;
      else if (v.transitive && !passive.empty()) { stems_ = passive; stems_.insert(stems_.end(), active.begin(), active.end()); }
      else { stems_ = active; stems_.insert(stems_.end(), passive.begin(), passive.end()); }
    } else {
      stems_.emplace_back(lemma);
    }
    struct Gen {
      const Grammar& g;
      std::vector<std::string>& res;
      void run(const std::string& cur, int last, std::vector<std::string> rem, bool at_stem) {
        if (rem.empty()) { res.push_back(cur); return; }
        if (last == kEZ || last == kARG) return;
        for (int s = 0; s < kNomSlots; ++s) {
          if (last >= 0 && !(kNomPred[s] & bit(last))) continue;
          if (last < 0 && s == kARG) continue;
          uint8_t cls = end_class(cur);
          std::string done_feat;
          for (const auto& r : g.nom[s]) {
            if (r.feat == done_feat) continue;
            bool ok = r.after & cls;
            bool drop = at_stem && (r.after & kEdrop) && cls == kE;
            if (!ok && !drop) continue;
            if (!at_stem && (r.after & kStemOnly)) continue;
            std::vector<std::string> rem2 = rem;
            if (!take_tokens(rem2, r.feat)) continue;
            done_feat = r.feat;
            std::string next = drop ? cur.substr(0, cur.size() - kHeh.size()) + r.form : cur + r.form;
            run(next, s, std::move(rem2), false);
          }
        }
      }
    };
    std::vector<std::string> res;
    Gen gen{g, res};
    for (const auto& st : stems_) gen.run(neg ? std::string(kNe) + st : st, -1, target, true);
    for (auto& r : res) push(std::move(r));
    if (pos == "V.PTCP") rank_by_corpus();
    return out;
  }

  // verbs: build candidate strings from the slot tables, keep those whose analysis matches
  const auto& v = vit->second;
  auto has = [&](std::string_view t) { return std::find(target.begin(), target.end(), t) != target.end(); };
  bool want_neg = has("NEG"), want_pass = has("PASS"), want_is = has("LGSPEC5"), want_ewe = has("LGSPEC3"),
       want_goal = has("LGSPEC2"), want_prf = has("PRF"), want_imp = has("IMP"), want_prs = has("PRS");
  std::vector<std::string> persons;  // person values named by argument tags
  for (const auto& t : target)
    if (t.rfind("ARG", 0) == 0 && t.size() >= 7) persons.push_back(t.substr(t.size() - 2));
  const size_t named_persons = persons.size();
  persons.push_back("3S");
  // canon() drops ARGNO2S beside IMP (the imperative's default person): its 2sg ending (بنووسە,
  // بهێنە) is still wanted
  if (want_imp) persons.push_back("2S");
  auto person_ok = [&](const std::string& f) { return std::find(persons.begin(), persons.end(), f) != persons.end(); };
  // The present 3sg (no person named): its standard spelling has the ending -ت / -ێت and, after a
  // stem in ە or ۆ, the stem's ا form (دەکات، ناخوات، دەبات; دەکا، ناخۆت are colloquial). Those come
  // first; the corpus ranking below still decides between attested spellings.
  const bool prs3 = want_prs && !want_prf && !want_imp && !want_pass && named_persons == 0;
  std::vector<std::string> stems_;
  if (want_pass) stems_ = v.passive;
  else if ((want_prs || want_imp) && !want_prf) {
    std::vector<std::string> alef;
    for (const auto& p : v.present) {
      // not after ی: the stem یە (هاتن) keeps its ە (نایەت, بێت; بیات is wrong)
      if (ends_with(p, kHeh) && !ends_with(p, "\u06CC\u06D5")) alef.push_back(p.substr(0, p.size() - kHeh.size()) + "ا");
      if (ends_with(p, "\u06C6")) alef.push_back(p.substr(0, p.size() - 2) + "وا");
    }
    stems_ = prs3 ? alef : v.present;
    stems_.insert(stems_.end(), prs3 ? v.present.begin() : alef.begin(), prs3 ? v.present.end() : alef.end());
  } else stems_.push_back(v.past);
  // prefixes
  bool want_sbjv = has("SBJV"), want_ipfv = has("IPFV");
  // The negation of the mood first: نا- of the present indicative (ناکات; نەدەکا is colloquial),
  // مە- of the imperative, نە- elsewhere. Candidates are gathered in this order until kCollect match.
  std::vector<std::string> negs = {""};
  if (want_neg) {
    if (want_imp) negs = {"مە", "نە", "نا"};
    else if (want_prs && !want_prf && !want_sbjv) negs = {"نا", "نە", "مە"};
    else negs = {"نە", "نا", "مە"};
  }
  std::vector<std::string> asps;
  if (want_imp) asps = {"ب", ""};
  else if (want_prs && !want_prf) asps = want_sbjv ? std::vector<std::string>{"ب", ""} : std::vector<std::string>{"دە", "", "د"};
  else if (want_ipfv) asps = want_sbjv ? std::vector<std::string>{"ب", ""} : std::vector<std::string>{"دە"};
  else asps = {""};
  // Candidates are tried in order and the first forms whose analysis has exactly the wanted tags
  // are kept. A clitic whose person an argument tag names comes first: a past agent or present
  // object goes on the first prefix when there is one (نەمتوانی, دەتگوت, ڕایگەیاند), the same
  // person as an ending on the stem (نەتوانیم) only after.
  std::vector<std::string> cls;
  for (const auto& r : g.verb[vCL])
    if (std::find(persons.begin(), persons.begin() + static_cast<std::ptrdiff_t>(named_persons), r.feat) !=
        persons.begin() + static_cast<std::ptrdiff_t>(named_persons))
      cls.push_back(r.form);
  cls.push_back("");
  for (const auto& r : g.verb[vCL])
    if (person_ok(r.feat) && std::find(cls.begin(), cls.end(), r.form) == cls.end()) cls.push_back(r.form);
  std::vector<std::string> iss = want_is ? std::vector<std::string>{"", "ش"} : std::vector<std::string>{""};
  // tails: [PASS][PRF*][IS][P1][P2][PRF3][AYE][EWE|GOAL]
  std::vector<std::string> tails;
  {
    std::vector<std::string> t0 = {""};
    if (want_pass)
      for (const auto& r : g.verb[vPASS]) t0.push_back(r.form);
    std::vector<std::string> t1;
    for (const auto& a : t0) {
      t1.push_back(a);
      if (want_prf && !want_pass)
        for (int s : {vPRF, vPLPRF, vPRFSBJV})
          for (const auto& r : g.verb[s]) t1.push_back(a + r.form);
    }
    std::vector<std::string> pers_forms = {""};
    for (int s : {vPRS, vPST, vSCL, vIMP})
      for (const auto& r : g.verb[s])
        if (!r.form.empty() && person_ok(r.feat) &&
            std::find(pers_forms.begin(), pers_forms.end(), r.form) == pers_forms.end())
          pers_forms.push_back(r.form);
    if (prs3)
      std::stable_partition(pers_forms.begin(), pers_forms.end(),
                            [](const std::string& x) { return x == "\u062A" || x == "\u06CE\u062A"; });
    std::vector<std::string> t2;
    std::vector<bool> t2_person;  // t2[k] ends in a person ending
    for (const auto& a : t1)
      for (const auto& is : want_is ? std::vector<std::string>{"", "یش", "ش"} : std::vector<std::string>{""})
        for (const auto& p1 : pers_forms)
          for (const auto& p2 : pers_forms) {
            if (p1.empty() && !p2.empty()) continue;
            // a second person ending only for a second named person (کردمی); with one, a 3sg
            // ending after it is spurious (دانیشتتن)
            if (!p2.empty() && named_persons < 2) continue;
            t2.push_back(a + is + p1 + p2);
            t2_person.push_back(!p1.empty());
          }
    // The perfect's -e: first when no person ending precedes it (کردووە, not the bare participle
    // کردوو; کراوەتەوە), last after one (هاتووم before هاتوومە).
    std::vector<std::string> ends_bare = {""}, ends_person = {""};
    if (want_prf) {
      ends_bare = {"ە", "یەتی", ""};
      ends_person = {"", "ە", "یەتی"};
    }
    std::vector<std::string> finals = {""};
    if (want_ewe) finals = {"ەوە", "یەوە", "تەوە", "وە"};
    if (want_goal) finals = {"ە", "یە", "تە"};
    for (size_t k = 0; k < t2.size(); ++k)
      for (const auto& e : t2_person[k] ? ends_person : ends_bare)
        for (const auto& ay : has("SBJV") && !want_prs ? std::vector<std::string>{"", "ایە"} : std::vector<std::string>{""})
          for (const auto& f : finals) tails.push_back(t2[k] + e + ay + f);
  }
  std::vector<LCand> cands;
  std::string form;
  constexpr size_t kCollect = 6;  // matching forms gathered before ranking
  // Every combination of the slot choices, in order; stops once kCollect forms matched.
  auto gather = [&] {
    for (const auto& ng : negs)
      for (const auto& as : asps)
        for (const auto& is : iss)
          for (const auto& cl : cls)
            for (const auto& st : stems_)
              for (const auto& tl : tails) {
                if (!is.empty() && ng.empty() && as.empty() && v.part.empty()) continue;
                if (!cl.empty() && ng.empty() && as.empty() && v.part.empty()) continue;
                form.clear();
                form += v.part;
                bool first_done = !v.part.empty();
                auto add_cl = [&] { form += is; form += cl; };
                if (first_done) add_cl();
                form += ng;
                if (!first_done && !ng.empty()) { add_cl(); first_done = true; }
                form += as;
                if (!first_done && !as.empty()) { add_cl(); first_done = true; }
                form += st;
                form += tl;
                cands.clear();
                impl_->candidates(form, cands);
                for (const auto& c : cands) {
                  if (c.lemma_span || g.strings[c.lemma] != lemma || c.kind == Kind::kNominal) continue;
                  std::string f = impl_->features_of(form, c);
                  std::string p2;
                  if (canon(f, &p2) == target) { push(form); break; }
                }
                if (out.size() >= kCollect) return;
              }
  };
  gather();
  rank_by_corpus();
  if (out.size() > 2) out.resize(2);
  return out;
}

// ---------------- MorphCache ----------------
// One record per word in a dense vector, the word and its results in one byte arena (the lemma is
// written right after the word, so a hit reads one or two cache lines there), and an open-addressing
// index of 8-byte slots (high hash bits + record number; linear probing, power-of-two size, load
// <= 1/2). lemma()/stem() copy the result into one string whose reference is valid until the next call
// on the cache; at `capacity` words the cache is cleared.
struct MorphCache::Impl {
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  struct Rec {
    uint64_t hash;
    uint32_t key_off, key_len;
    uint32_t lemma_off = 0, lemma_len = kNone;
    uint32_t stem_off = 0, stem_len = kNone;
    int8_t known = -1;
  };
  const Analyzer* a;
  size_t capacity;
  std::vector<uint64_t> index;  // 0 = empty, else (hash & kHigh) | (record number + 1)
  std::vector<Rec> recs;
  std::string arena;
  std::string out;
  static constexpr uint64_t kHigh = 0xFFFFFFFF00000000ull;

  void grow() {
    index.assign(index.empty() ? 1024 : index.size() * 2, 0);
    const size_t mask = index.size() - 1;
    for (size_t r = 0; r < recs.size(); ++r) {
      size_t i = recs[r].hash & mask;
      while (index[i]) i = (i + 1) & mask;
      index[i] = (recs[r].hash & kHigh) | (r + 1);
    }
  }
  Rec& rec(std::string_view w) {
    if (recs.size() >= capacity) {
      recs.clear();
      arena.clear();
      std::fill(index.begin(), index.end(), 0);
    }
    if ((recs.size() + 1) * 2 > index.size()) grow();
    const uint64_t h = text::hash_bytes(w);
    const size_t mask = index.size() - 1;
    size_t i = h & mask;
    for (; index[i]; i = (i + 1) & mask) {
      if ((index[i] & kHigh) != (h & kHigh)) continue;
      Rec& r = recs[(index[i] & ~kHigh) - 1];
      if (r.hash == h && r.key_len == w.size() && std::memcmp(arena.data() + r.key_off, w.data(), w.size()) == 0)
        return r;
    }
    index[i] = (h & kHigh) | (recs.size() + 1);
    Rec r;
    r.hash = h;
    r.key_off = static_cast<uint32_t>(arena.size());
    r.key_len = static_cast<uint32_t>(w.size());
    arena.append(w.data(), w.size());
    recs.push_back(r);
    return recs.back();
  }
  // the result of `fn` for w, computed once and kept in the arena at (*off, *len)
  template <class Fn>
  const std::string& value(std::string_view w, uint32_t Rec::*off, uint32_t Rec::*len, Fn fn) {
    Rec& r = rec(w);
    if (r.*len == kNone) {
      out = fn(w);
      r.*off = static_cast<uint32_t>(arena.size());
      r.*len = static_cast<uint32_t>(out.size());
      arena += out;
      return out;
    }
    out.assign(arena.data() + r.*off, r.*len);
    return out;
  }
};
MorphCache::MorphCache(const Analyzer& analyzer, size_t capacity) : impl_(std::make_unique<Impl>()) {
  impl_->a = &analyzer;
  impl_->capacity = capacity ? capacity : 1;
}
MorphCache::~MorphCache() = default;
MorphCache::MorphCache(MorphCache&&) noexcept = default;
MorphCache& MorphCache::operator=(MorphCache&&) noexcept = default;
const std::string& MorphCache::lemma(std::string_view w) {
  return impl_->value(w, &Impl::Rec::lemma_off, &Impl::Rec::lemma_len, [&](std::string_view x) { return impl_->a->lemma(x); });
}
const std::string& MorphCache::stem(std::string_view w) {
  return impl_->value(w, &Impl::Rec::stem_off, &Impl::Rec::stem_len, [&](std::string_view x) { return impl_->a->stem(x); });
}
bool MorphCache::known(std::string_view w) {
  auto& r = impl_->rec(w);
  if (r.known < 0) r.known = impl_->a->known(w) ? 1 : 0;
  return r.known == 1;
}

}  // namespace kurdi
