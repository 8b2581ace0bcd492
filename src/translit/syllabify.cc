// The reading engine: و/ی readings x bizroke insertion x syllabification, cheapest reading wins.
#include "translit/syllabify.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>

namespace kurdi::translit {

int Inventory::id(std::string_view g2p) const {
  for (size_t k = 0; k < ph.size(); ++k)
    if (ph[k].g2p == g2p) return static_cast<int>(k);
  return -1;
}

namespace {

constexpr int kBig = 100000;
constexpr int kMaxCluster = 9;       // longer clusters are not searched (no bizroke inserted)
constexpr size_t kMaxCombos = 2048;  // more و/ی readings than this: runs are decided one by one

// Key of one cluster search: the profile, the consonants, the flanks, whether the vowel before
// forms a rhyme with a y opening the cluster (see coda()), and the bonuses of the positions an i
// can go before. Unused bytes stay zero (compared with memcmp).
struct ClusterKey {
  const Weights* w = nullptr;
  const Inventory* inv = nullptr;
  uint8_t n = 0, flags = 0, vb = 0;
  uint8_t c[kMaxCluster] = {};
  uint8_t b[kMaxCluster - 1] = {};
  uint8_t pad[4] = {};
};
static_assert(sizeof(ClusterKey) == 40, "ClusterKey has no implicit padding");

// Direct-mapped per-thread memo of cluster searches (a later cluster with the same slot replaces
// the earlier one; results never depend on what is remembered).
struct ClusterMemo {
  struct Slot {
    ClusterKey key;
    int cost = 0;
    uint32_t mask = 0;
    bool used = false;
  };
  static constexpr size_t kSlots = size_t{1} << 14;
  std::vector<Slot> slots = std::vector<Slot>(kSlots);
  // One consonant between vowels: the cost depends on the consonant and the two flanks only.
  static constexpr int kUnset = INT_MIN;
  static constexpr size_t kProfiles = 4;  // weights remembered at once (see validate)
  int one[kProfiles][256][4];  // [the weights' index in seen][consonant][flanks]
  ClusterMemo() { clear_one(); }
  void clear_one() {
    for (auto& prof : one)
      for (auto& row : prof)
        for (int& v : row) v = kUnset;
  }
  // Weights are keyed by address; a caller that changes the weights at an address it used before
  // (or uses many profiles) gets a cleared memo.
  std::vector<std::pair<const Weights*, Weights>> seen;
  // Returns the index of `w` in seen (the one-consonant table is kept per index).
  size_t validate(const Weights& w) {
    for (size_t k = 0; k < seen.size(); ++k) {
      auto& e = seen[k];
      if (e.first != &w) continue;
      if (std::memcmp(&e.second, &w, sizeof w) != 0) {
        clear_slots();
        e.second = w;
      }
      return k;
    }
    if (seen.size() >= kProfiles) {
      clear_slots();
      seen.clear();
    }
    seen.emplace_back(&w, w);
    return seen.size() - 1;
  }
  uint64_t generation = 1;  // changes whenever the remembered results are dropped
  void clear_slots() {
    ++generation;
    for (Slot& sl : slots) sl.used = false;
    for (StretchSlot& sl : stretches) sl.used = false;
    clear_one();
  }
  // The choices of one group of و/ی runs (see read_word), keyed by its stretch of units: the
  // profile, whether the stretch starts / ends the word, and kind, phoneme and bonus of every unit.
  static constexpr size_t kStretchUnits = 16, kStretchRuns = 8;
  struct StretchKey {
    const Weights* w = nullptr;
    const Inventory* inv = nullptr;
    uint8_t n = 0, flags = 0;
    uint8_t u[kStretchUnits * 3] = {};
    uint8_t pad[6] = {};
  };
  static_assert(sizeof(StretchKey) == 72, "StretchKey has no implicit padding");
  struct StretchSlot {
    StretchKey key;
    uint8_t choice[kStretchRuns] = {};
    bool used = false;
  };
  static constexpr size_t kStretchSlots = size_t{1} << 13;
  std::vector<StretchSlot> stretches = std::vector<StretchSlot>(kStretchSlots);
  StretchSlot& stretch_slot(const StretchKey& k) {
    uint64_t parts[9];
    std::memcpy(parts, &k, sizeof parts);
    uint64_t h = 0x9e3779b97f4a7c15ull;
    const size_t used = 3 + (size_t{k.n} * 3 + 2 + 7) / 8;  // words holding w, inv, n, flags and the units
    for (size_t q = 0; q < used && q < 9; ++q) {
      h ^= parts[q];
      h *= 0xbf58476d1ce4e5b9ull;
      h ^= h >> 31;
    }
    return stretches[h & (kStretchSlots - 1)];
  }
  Slot& slot(const ClusterKey& k) {
    uint64_t parts[5];
    std::memcpy(parts, &k, sizeof parts);
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (uint64_t p : parts) {
      h ^= p;
      h *= 0xbf58476d1ce4e5b9ull;
      h ^= h >> 31;
    }
    return slots[h & (kSlots - 1)];
  }
};

ClusterMemo& cluster_memo() {
  thread_local ClusterMemo m;
  return m;
}

// The class and sonority of every phoneme id in flat arrays: the search asks for them in its
// innermost loops, and a Phoneme (four strings) is too wide to walk through there. Rebuilt when
// read_word is given another inventory (an inventory must not change while in use).
struct PhoneTable {
  const Inventory* inv = nullptr;
  const Phoneme* data = nullptr;
  size_t n = 0;
  uint8_t cls[256] = {};
  int son[256] = {};
  void prepare(const Inventory& in) {
    if (inv == &in && data == in.ph.data() && n == in.ph.size()) return;
    inv = &in;
    data = in.ph.data();
    n = in.ph.size();
    for (size_t k = 0; k < 256; ++k) {
      cls[k] = k < n ? in.ph[k].cls : kCons;
      son[k] = k < n ? in.ph[k].sonority : 0;
    }
  }
};

PhoneTable& phone_table(const Inventory& inv) {
  thread_local PhoneTable t;
  t.prepare(inv);
  return t;
}

struct Ctx {
  const Inventory& inv;
  const Weights& w;
  const PhoneTable& pt;
  const uint8_t* base = nullptr;   // the sequence being read
  const uint8_t* bonus = nullptr;  // per phoneme of `base`: bonus for an i inserted before it
  bool exhaustive = false;         // reference search: every mask, every combination, no memo
  ClusterMemo* memo = nullptr;     // the thread's memo (validated for `w`)
  size_t prof = 0;                 // the index of `w` in memo->seen
  bool vowel(uint8_t p) const { return pt.cls[p] == kVowel; }
  bool glide(uint8_t p) const { return pt.cls[p] == kGlide; }
  int son(uint8_t p) const { return pt.son[p]; }

  int onset(const uint8_t* c, int k, bool word_initial) const {
    if (k == 0) return word_initial ? 0 : w.onsetless;
    if (k == 1) return 0;
    if (k == 2) return (glide(c[1]) && !glide(c[0])) ? w.onset_cg : w.onset_complex;
    return w.onset_3 * (k - 2);
  }
  // `before`: the vowel of the syllable (a glide after e/ê/o forms a diphthong-like rhyme: keyn, seyr).
  int coda(const uint8_t* c, int k, bool word_final, uint8_t before = 0xFF) const {
    if (k == 0) return 0;
    int g = glide(c[0]) ? w.glide_coda : 0;
    if (k == 1) return g;
    if (glide(c[0])) {
      bool ey = c[0] == inv.y && before != 0xFF && before != inv.a && before != inv.uu && before != inv.ii;
      g += ey ? w.glide_coda2_ey : w.glide_coda2;
    } else if (c[1] == inv.n && word_final) {
      g += w.coda2_n;  // -in after a consonant: kiřin, girin (not kiřn)
    }
    if (k == 2) {
      int a = son(c[0]), b = son(c[1]);
      if (a > b) return g + (word_final ? w.coda2_final : w.coda2_medial);
      if (a == b) return g + w.coda2_flat;
      return g + w.coda2_rise;
    }
    return g + w.coda3 * (k - 2);
  }
  // k consonants between a vowel (or the word start) and a vowel (or the word end).
  int interval(const uint8_t* c, int k, bool left_v, bool right_v, int* split, uint8_t vbefore) const {
    if (!left_v && !right_v) { *split = 0; return kBig; }
    if (!left_v) { *split = 0; return onset(c, k, true); }
    if (!right_v) { *split = k; return coda(c, k, true, vbefore); }
    int best = INT_MAX, bj = k;
    for (int j = k; j >= 0; --j) {  // prefer the longest coda on ties? no: prefer onsets (j small) below
      // a glide after a consonant inside the word opens the next syllable (kan.yan, her.we, dest.yan):
      // no contact or medial-coda cost before it
      bool glide_onset = w.glide_opens != 0 && j < k && glide(c[j]) && j > 0;
      int cost = (glide_onset && j == 2 ? coda(c, j, true, vbefore) : coda(c, j, false, vbefore)) +
                 onset(c + j, k - j, false);
      if (j > 0 && j < k && !glide_onset) {
        int rise = son(c[j]) - son(c[j - 1]);
        if (rise >= 3 && c[j] != inv.m) cost += w.contact_steep;
        else if (rise > 0) cost += (c[j] == inv.r || c[j] == inv.rr) ? w.contact_r : w.contact;
        else if (rise == 0) cost += w.contact_flat;
      }
      if (cost <= best) { best = cost; bj = j; }
    }
    *split = bj;
    return best;
  }
  // Cost of a cluster c[0..n) with bizroke i inserted after c[g] for every bit g of mask.
  int cluster(const uint8_t* c, int n, bool left_v, bool right_v, uint32_t mask, uint8_t vb) const {
    int cost = 0, start = 0, split;
    bool lv = left_v;
    for (int g = 0; g < n; ++g) {
      bool cut = g + 1 < n && g < 32 && (mask >> g & 1u);  // clusters over 32 get no mask
      if (cut || g + 1 == n) {
        bool rv = cut ? true : right_v;
        cost += interval(c + start, g + 1 - start, lv, rv, &split, vb);
        vb = inv.i;
        if (cut) {
          cost += w.insert_i;
          if (bonus) cost -= bonus[(c - base) + g + 1];
        }
        start = g + 1;
        lv = true;
      }
    }
    return cost;
  }
  // Every mask; ties: the later insertion (rêk.xi.ra, kitêb.fi.roş), i.e. the largest mask.
  int search_masks(const uint8_t* c, int n, bool left_v, bool right_v, uint32_t* best_mask, uint8_t vb) const {
    int best = INT_MAX;
    uint32_t limit = 1u << (n - 1);
    for (uint32_t m = limit; m-- > 0;) {
      int cost = cluster(c, n, left_v, right_v, m, vb);
      if (cost < best) { best = cost; *best_mask = m; }
    }
    return best;
  }
  // The same result by dynamic programming over the segments between insertions (n^2 intervals
  // instead of 2^(n-1) masks). pre[e+1]: cheapest cover of c[0..e] ending with an i inserted after
  // c[e]. Ties as in search_masks: the largest mask is the one whose last segment starts latest, and
  // so on to the left, so each step keeps the latest start among the cheapest.
  int search_dp(const uint8_t* c, int n, bool left_v, bool right_v, uint32_t* best_mask, uint8_t vb) const {
    int pre[kMaxCluster + 1];
    int from[kMaxCluster + 1];
    int split;
    auto seg = [&](int st, int e) {
      return interval(c + st, e - st + 1, st == 0 ? left_v : true, e == n - 1 ? right_v : true, &split,
                      st == 0 ? vb : inv.i);
    };
    pre[0] = 0;
    for (int e = 0; e + 1 < n; ++e) {
      int cut = w.insert_i - (bonus ? bonus[(c - base) + e + 1] : 0);
      int best = INT_MAX, bs = 0;
      for (int st = 0; st <= e; ++st) {
        int v = pre[st] + seg(st, e) + cut;
        if (v <= best) { best = v; bs = st; }
      }
      pre[e + 1] = best;
      from[e + 1] = bs;
    }
    int best = INT_MAX, bs = 0;
    for (int st = 0; st < n; ++st) {
      int v = pre[st] + seg(st, n - 1);
      if (v <= best) { best = v; bs = st; }
    }
    uint32_t mask = 0;
    for (int st = bs; st > 0; st = from[st]) mask |= 1u << (st - 1);
    *best_mask = mask;
    return best;
  }
  // The common cases inline (no consonant; one consonant already remembered), the rest below.
  int best_cluster(const uint8_t* c, int n, bool left_v, bool right_v, uint32_t* best_mask, uint8_t vb) const {
    *best_mask = 0;
    if (n <= 0) return (left_v && right_v) ? w.onsetless : 0;
    if (n == 1 && memo && !exhaustive) {
      const int v = memo->one[prof][c[0]][(left_v ? 1 : 0) | (right_v ? 2 : 0)];
      if (v != ClusterMemo::kUnset) return v;
    }
    return best_cluster_full(c, n, left_v, right_v, best_mask, vb);
  }
  [[gnu::noinline]] int best_cluster_full(const uint8_t* c, int n, bool left_v, bool right_v, uint32_t* best_mask,
                                          uint8_t vb) const {
    *best_mask = 0;
    if (n <= 0) return (left_v && right_v) ? w.onsetless : 0;
    if (n > kMaxCluster) return cluster(c, n, left_v, right_v, 0, vb);
    if (n == 1) {
      if (exhaustive || !memo) return cluster(c, n, left_v, right_v, 0, vb);
      int& v = memo->one[prof][c[0]][(left_v ? 1 : 0) | (right_v ? 2 : 0)];
      if (v == ClusterMemo::kUnset) v = cluster(c, n, left_v, right_v, 0, vb);
      return v;
    }
    if (exhaustive) return search_masks(c, n, left_v, right_v, best_mask, vb);
    // The same clusters come back in every reading of a word's و/ی runs and in word after word:
    // the search result is remembered per thread (exact key: everything the search reads).
    ClusterKey key;
    key.w = &w;
    key.inv = &inv;
    key.n = static_cast<uint8_t>(n);
    key.flags = static_cast<uint8_t>((left_v ? 1 : 0) | (right_v ? 2 : 0));
    // The vowel before matters only through coda(): a y opening the cluster after a vowel other
    // than a û î (keyn, seyr): the key holds that bit, not the vowel.
    key.vb = c[0] == inv.y && vb != 0xFF && vb != inv.a && vb != inv.uu && vb != inv.ii;
    for (int g = 0; g < n; ++g) key.c[g] = c[g];
    if (bonus)
      for (int g = 1; g < n; ++g) key.b[g - 1] = bonus[(c - base) + g];
    ClusterMemo::Slot& slot = memo ? memo->slot(key) : cluster_memo().slot(key);
    if (slot.used && std::memcmp(&slot.key, &key, sizeof key) == 0) {
      *best_mask = slot.mask;
      return slot.cost;
    }
    int best = search_dp(c, n, left_v, right_v, best_mask, vb);
    slot.key = key;
    slot.cost = best;
    slot.mask = *best_mask;
    slot.used = true;
    return best;
  }

  // Cost of a whole phoneme sequence; with `out`, also builds the reading.
  int syllabify(const uint8_t* s, int n, Reading* out) const {
    if (out && !out->syllables) return phonemes_only(s, n, *out);
    int total = 0, k = 0;
    bool any_vowel = false;
    for (int q = 0; q < n; ++q) any_vowel |= vowel(s[q]);
    if (!any_vowel) {
      if (n <= 1) {
        if (out) {
          out->ph.assign(s, s + n);
          out->syl_start.clear();
          if (out->syllables && n > 0) out->syl_start.assign(1, 1);
        }
        return 0;
      }
      uint32_t mask = 0;
      int cost = best_cluster(s, n, false, false, &mask, 0xFF);
      if (out) { out->ph.clear(); out->syl_start.clear(); emit(s, n, false, false, mask, *out, 0xFF); }
      return cost;
    }
    if (out) { out->ph.clear(); out->syl_start.clear(); }
    while (k <= n) {
      int e = k;
      while (e < n && !vowel(s[e])) ++e;
      bool left_v = k > 0, right_v = e < n;
      uint32_t mask = 0;
      uint8_t vb = k > 0 ? s[k - 1] : 0xFF;
      total += best_cluster(s + k, e - k, left_v, right_v, &mask, vb);
      if (out) emit(s + k, e - k, left_v, right_v, mask, *out, vb);
      if (e < n) {
        if (out) {
          out->ph.push_back(s[e]);
          if (out->syllables) out->syl_start.push_back(e == 0 || vowel(s[e - 1]) ? 1 : 0);  // 1: vowel without onset
        }
        k = e + 1;
      } else {
        break;
      }
    }
    return total;
  }

  // syllabify() for a reading without syllables (the Latin spelling): the same clusters and costs,
  // the phonemes written through a pointer into room made once (at most one i after each phoneme)
  // instead of a push_back per phoneme.
  int phonemes_only(const uint8_t* s, int n, Reading& out) const {
    out.syl_start.clear();
    out.ph.resize(2 * static_cast<size_t>(n));
    uint8_t* o = out.ph.data();
    size_t m = 0;
    auto put_cluster = [&](const uint8_t* c, int len, uint32_t mask) {
      for (int g = 0; g < len; ++g) {
        o[m++] = c[g];
        if (g + 1 < len && g < 32 && (mask >> g & 1u)) o[m++] = inv.i;
      }
    };
    bool any_vowel = false;
    for (int q = 0; q < n; ++q) any_vowel |= vowel(s[q]);
    int total = 0;
    if (!any_vowel) {
      if (n <= 1) {
        for (int q = 0; q < n; ++q) o[m++] = s[q];
      } else {
        uint32_t mask = 0;
        total = best_cluster(s, n, false, false, &mask, 0xFF);
        put_cluster(s, n, mask);
      }
      out.ph.resize(m);
      return total;
    }
    for (int k = 0; k <= n;) {
      int e = k;
      while (e < n && !vowel(s[e])) ++e;
      uint32_t mask = 0;
      total += best_cluster(s + k, e - k, k > 0, e < n, &mask, k > 0 ? s[k - 1] : 0xFF);
      put_cluster(s + k, e - k, mask);
      if (e >= n) break;
      o[m++] = s[e];
      k = e + 1;
    }
    out.ph.resize(m);
    return total;
  }

  void emit(const uint8_t* c, int n, bool left_v, bool right_v, uint32_t mask, Reading& out, uint8_t vb) const {
    if (!out.syllables) {  // phonemes only: the cluster with an i after every bit of mask
      for (int g = 0; g < n; ++g) {
        out.ph.push_back(c[g]);
        if (g + 1 < n && g < 32 && (mask >> g & 1u)) out.ph.push_back(inv.i);
      }
      return;
    }
    int start = 0, split;
    bool lv = left_v;
    for (int g = 0; g < n; ++g) {
      bool cut = g + 1 < n && g < 32 && (mask >> g & 1u);  // clusters over 32 get no mask
      if (cut || g + 1 == n) {
        bool rv = cut ? true : right_v;
        int len = g + 1 - start;
        interval(c + start, len, lv, rv, &split, vb);
        vb = inv.i;
        for (int q = 0; q < len; ++q) {
          out.ph.push_back(c[start + q]);
          out.syl_start.push_back(rv && q == split ? 1 : 0);
        }
        if (cut) {
          out.ph.push_back(inv.i);
          out.syl_start.push_back(split == len ? 1 : 0);
        }
        start = g + 1;
        lv = true;
      }
    }
  }
};

// A reading of one run of و or ی: phonemes in Scratch::pool, and its prior cost.
struct Option {
  uint32_t off = 0, n = 0;
  int prior = 0;
};

struct Run {
  size_t start, len;
  size_t opt_begin, opt_end;  // into Scratch::options
};

// Per-thread buffers reused from word to word (no allocation per word once they have grown).
struct Scratch {
  std::vector<Run> runs;
  std::vector<Option> options;
  std::vector<uint8_t> pool;  // phonemes of the options
  std::vector<size_t> choice, best;
  std::vector<uint8_t> seq, bon;
};

// The readings of a run depend on its letter (و or ی), its length, whether it follows ئ, starts the
// word, follows or precedes a written vowel, and on the weights: remembered per thread for runs of
// up to 6 letters (keyed by the weights' address and the cluster memo's generation, which changes
// when the weights at an address change).
struct RunMemo {
  struct Entry {
    const Weights* w = nullptr;
    uint64_t generation = 0;
    std::vector<Option> options;  // offsets into pool
    std::vector<uint8_t> pool;
  };
  Entry entries[2][7][16];
  static Entry& at(RunMemo& m, bool waw, size_t len, bool after_q, bool initial, bool v_before, bool v_after) {
    return m.entries[waw ? 1 : 0][len][(after_q ? 1 : 0) | (initial ? 2 : 0) | (v_before ? 4 : 0) | (v_after ? 8 : 0)];
  }
};

RunMemo& run_memo() {
  thread_local RunMemo m;
  return m;
}

// The phonemes being generated for one run (runs are searched up to 6 letters).
struct Cur {
  uint8_t ph[8];
  uint32_t n = 0;
  int prior = 0;
  bool empty() const { return n == 0; }
  uint8_t back() const { return ph[n - 1]; }
};

// Appends the finished reading `cur` (and `tail` glides for the rest of an over-long run).
void push_option(Scratch& s, const Cur& cur, size_t tail, uint8_t glide) {
  Option o;
  o.off = static_cast<uint32_t>(s.pool.size());
  o.n = static_cast<uint32_t>(cur.n + tail);
  o.prior = cur.prior;
  s.pool.insert(s.pool.end(), cur.ph, cur.ph + cur.n);
  s.pool.insert(s.pool.end(), tail, glide);
  s.options.push_back(o);
}

void gen_w(const Ctx& cx, size_t len, size_t pos, bool first_vowel_only, bool first_cons_only, Cur& cur,
           Scratch& s, size_t tail) {
  const Inventory& inv = cx.inv;
  if (pos == len) {
    push_option(s, cur, tail, inv.w);
    return;
  }
  struct Tok { uint8_t ph; size_t used; int prior; };
  Tok toks[3] = {{inv.uu, 2, 0}, {inv.u, 1, cx.w.prior_u}, {inv.w, 1, cx.w.prior_w}};
  for (const Tok& t : toks) {
    if (pos + t.used > len) continue;
    bool v = cx.vowel(t.ph);
    if (pos == 0 && first_vowel_only && !v) continue;
    if (pos == 0 && first_cons_only && v) continue;
    if (v && !cur.empty() && cx.vowel(cur.back())) continue;  // hiatus inside the run
    int extra = (t.ph == inv.uu && !cur.empty() && cur.back() == inv.w) ? cx.w.w_before_uu : 0;
    cur.ph[cur.n++] = t.ph;
    cur.prior += t.prior + extra;
    gen_w(cx, len, pos + t.used, first_vowel_only, first_cons_only, cur, s, tail);
    --cur.n;
    cur.prior -= t.prior + extra;
  }
}

void gen_y(const Ctx& cx, size_t len, size_t pos, bool first_vowel_only, bool first_cons_only, Cur& cur,
           Scratch& s, size_t tail) {
  const Inventory& inv = cx.inv;
  if (pos == len) {
    push_option(s, cur, tail, inv.y);
    return;
  }
  struct Tok { uint8_t ph; int prior; };
  Tok toks[2] = {{inv.ii, cx.w.prior_i_long}, {inv.y, cx.w.prior_y}};
  for (const Tok& t : toks) {
    bool v = cx.vowel(t.ph);
    if (pos == 0 && first_vowel_only && !v) continue;
    if (pos == 0 && first_cons_only && v) continue;
    if (v && !cur.empty() && cx.vowel(cur.back())) continue;
    cur.ph[cur.n++] = t.ph;
    cur.prior += t.prior;
    gen_y(cx, len, pos + 1, first_vowel_only, first_cons_only, cur, s, tail);
    --cur.n;
    cur.prior -= t.prior;
  }
}

}  // namespace

void read_word(const Inventory& inv, const Weights& w, const std::vector<Unit>& units, Reading& out,
               bool exhaustive) {
  // the units as a pointer and a count: vector::size() of 3-byte units is a division, and the
  // compiler cannot keep it out of loops that write other vectors
  const Unit* const U = units.data();
  const size_t nu = units.size();
  Ctx cx{inv, w, phone_table(inv)};
  cx.exhaustive = exhaustive;
  out.ph.clear();
  out.syl_start.clear();
  out.cost = 0;
  if (units.empty()) return;

  cx.prof = cluster_memo().validate(w);
  cx.memo = &cluster_memo();
  thread_local Scratch s;
  s.runs.clear();
  s.options.clear();
  s.pool.clear();

  // Runs of و and of ی, with their readings.
  for (size_t k = 0; k < nu;) {
    UnitKind kd = U[k].kind;
    if (kd != kW && kd != kY) { ++k; continue; }
    size_t e = k;
    while (e < nu && U[e].kind == kd) ++e;
    Run r{k, e - k, s.options.size(), 0};
    bool after_q = k > 0 && U[k - 1].kind == kQ;
    bool initial = k == 0;
    bool v_before = k > 0 && U[k - 1].kind == kV;
    bool v_after = e < nu && U[e].kind == kV;
    Cur cur;
    size_t len = std::min<size_t>(r.len, 6);
    size_t tail = r.len - len;  // absurdly long runs: the rest are glides
    RunMemo::Entry* me = nullptr;
    if (!exhaustive && tail == 0) {
      me = &RunMemo::at(run_memo(), kd == kW, len, after_q, initial, v_before, v_after);
      if (me->w == &w && me->generation == cx.memo->generation) {
        const uint32_t base = static_cast<uint32_t>(s.pool.size());
        s.pool.insert(s.pool.end(), me->pool.begin(), me->pool.end());
        for (Option o : me->options) {
          o.off += base;
          s.options.push_back(o);
        }
        r.opt_end = s.options.size();
        s.runs.push_back(r);
        k = e;
        continue;
      }
    }
    if (kd == kW) {
      gen_w(cx, len, 0, after_q, initial, cur, s, tail);
    } else {
      gen_y(cx, len, 0, after_q, initial, cur, s, tail);
      if (initial) {  // a word-initial ی before a consonant may be î with its ئ left out (ینجیل încîl)
        size_t from = s.options.size();
        gen_y(cx, len, 0, true, false, cur, s, tail);
        for (size_t q = from; q < s.options.size(); ++q) s.options[q].prior += w.initial_i;
      }
    }
    if (s.options.size() == r.opt_begin) {  // cannot happen with the inventory above; be safe
      Cur c;
      for (size_t q = 0; q < len; ++q) c.ph[c.n++] = kd == kW ? inv.w : inv.y;
      push_option(s, c, tail, kd == kW ? inv.w : inv.y);
    }
    // prune readings that put a vowel next to a written vowel (hiatus: never the cheapest reading)
    if ((v_before || v_after) && len == r.len) {
      size_t keep = r.opt_begin;
      for (size_t q = r.opt_begin; q < s.options.size(); ++q) {
        const Option& o = s.options[q];
        bool bad = (v_before && cx.vowel(s.pool[o.off])) || (v_after && cx.vowel(s.pool[o.off + o.n - 1]));
        if (!bad) s.options[keep++] = o;
      }
      if (keep > r.opt_begin) {
        s.options.resize(keep);
      } else {
        s.options.resize(r.opt_begin);
        Cur c2;
        if (kd == kW) gen_w(cx, len, 0, after_q, initial, c2, s, 0);
        else gen_y(cx, len, 0, after_q, initial, c2, s, 0);
      }
    }
    r.opt_end = s.options.size();
    if (me) {
      me->options.clear();
      me->pool.clear();
      for (size_t q = r.opt_begin; q < r.opt_end; ++q) {
        Option o = s.options[q];
        me->options.push_back(Option{static_cast<uint32_t>(me->pool.size()), o.n, o.prior});
        me->pool.insert(me->pool.end(), s.pool.begin() + o.off, s.pool.begin() + o.off + o.n);
      }
      me->w = &w;
      me->generation = cx.memo->generation;
    }
    s.runs.push_back(r);
    k = e;
  }

  const std::vector<Run>& runs = s.runs;
  std::vector<size_t>& choice = s.choice;
  choice.assign(runs.size(), 0);
  std::vector<uint8_t>& seq = s.seq;
  std::vector<uint8_t>& bon = s.bon;
  if (seq.size() < nu) {
    seq.resize(nu);
    bon.resize(nu);
  }
  int seq_n = 0;
  // The units [lo, hi) alone, runs from `r` on (the first run at or after lo).
  auto build_range = [&](const std::vector<size_t>& ch, size_t lo, size_t hi, size_t r, int* prior) {
    // a reading of a run is never longer than the run (وو is one û): nu bounds the length
    uint8_t* sq = seq.data();
    uint8_t* bn = bon.data();
    // the vectors read as pointers and counts taken before the loop: the byte stores below may
    // alias anything, and the compiler would load the vectors' bounds again after each of them
    const Run* const R = runs.data();
    const size_t nr = runs.size();
    const Option* const O = s.options.data();
    const uint8_t* const P = s.pool.data();
    const size_t* const C = ch.data();
    const uint8_t glottal = inv.glottal;
    size_t next = r < nr ? R[r].start : SIZE_MAX;  // where the next run starts
    int m = 0;
    int pr = 0;
    for (size_t k = lo; k < hi;) {
      if (k == next) {
        const Option& o = O[R[r].opt_begin + C[r]];
        // a reading of a run is one or two phonemes as a rule: a loop, not a library call
        const uint8_t* src = P + o.off;
        for (uint32_t q = 0; q < o.n; ++q) {
          sq[m + static_cast<int>(q)] = src[q];
          bn[m + static_cast<int>(q)] = 0;
        }
        m += static_cast<int>(o.n);
        pr += o.prior;
        k += R[r].len;
        ++r;
        next = r < nr ? R[r].start : SIZE_MAX;
        continue;
      }
      sq[m] = U[k].kind == kQ ? glottal : U[k].ph;
      bn[m] = U[k].bonus;
      ++m;
      ++k;
    }
    *prior = pr;
    seq_n = m;
    cx.base = sq;
    cx.bonus = bn;
  };
  auto build = [&](const std::vector<size_t>& ch, int* prior) {
    build_range(ch, 0, nu, 0, prior);
  };
  auto evaluate = [&](const std::vector<size_t>& ch) {
    int prior;
    build(ch, &prior);
    return prior + cx.syllabify(seq.data(), seq_n, nullptr);
  };

  size_t combos = 1;
  for (const Run& r : runs) {
    combos *= r.opt_end - r.opt_begin;
    if (combos > kMaxCombos) break;
  }
  std::vector<size_t>& best = s.best;
  best = choice;
  if (combos == 1) {
    // one reading: nothing to compare
  } else if (combos <= kMaxCombos && exhaustive) {
    int best_cost = INT_MAX;
    for (size_t c = 0; c < combos; ++c) {
      size_t x = c;
      for (size_t r = 0; r < runs.size(); ++r) {
        size_t no = runs[r].opt_end - runs[r].opt_begin;
        choice[r] = x % no;
        x /= no;
      }
      int cost = evaluate(choice);
      if (cost < best_cost) { best_cost = cost; best = choice; }
    }
  } else if (combos <= kMaxCombos) {
    // The cost of a reading is a sum over the consonant clusters between vowels, and a vowel written
    // with a fixed letter (ا ە ێ ۆ ...) is a vowel in every reading: the runs between two such
    // vowels form a group whose choice does not change the cost of any other group. Each group is
    // searched alone over its own stretch (fixed vowels included as its ends); the chosen reading
    // is the same as the search over all combinations (the cheapest, and among equals the first in
    // the order of the full search, where a later run is the more significant digit).
    size_t g0 = 0;
    while (g0 < runs.size()) {
      // the group: runs with no fixed vowel between them
      size_t g1 = g0 + 1;
      while (g1 < runs.size()) {
        bool vowel_between = false;
        for (size_t k = runs[g1 - 1].start + runs[g1 - 1].len; k < runs[g1].start && !vowel_between; ++k)
          vowel_between = U[k].kind != kQ && cx.vowel(U[k].ph);
        if (vowel_between) break;
        ++g1;
      }
      // its stretch: from the fixed vowel before the first run to the fixed vowel after the last
      size_t lo = runs[g0].start;
      while (lo > 0 && !(U[lo - 1].kind != kQ && cx.vowel(U[lo - 1].ph))) --lo;
      if (lo > 0) --lo;
      size_t hi = runs[g1 - 1].start + runs[g1 - 1].len;
      while (hi < nu && !(U[hi].kind != kQ && cx.vowel(U[hi].ph))) ++hi;
      if (hi < nu) ++hi;
      size_t gcombos = 1;
      for (size_t r = g0; r < g1; ++r) gcombos *= runs[r].opt_end - runs[r].opt_begin;
      if (gcombos == 1) {  // one reading: best[g0..g1) stays 0
        g0 = g1;
        continue;
      }
      // The choice depends on the units of the stretch only (the runs' readings are made from
      // them and from the unit before and after each run, all inside the stretch, and from
      // whether the first run starts the word): remembered per thread.
      ClusterMemo::StretchSlot* ms = nullptr;
      ClusterMemo::StretchKey mk;
      if (hi - lo <= ClusterMemo::kStretchUnits && g1 - g0 <= ClusterMemo::kStretchRuns) {
        mk.w = &w;
        mk.inv = &inv;
        mk.n = static_cast<uint8_t>(hi - lo);
        mk.flags = static_cast<uint8_t>((lo == 0 ? 1 : 0) | (hi == nu ? 2 : 0));
        for (size_t k = lo; k < hi; ++k) {
          mk.u[3 * (k - lo)] = U[k].kind;
          mk.u[3 * (k - lo) + 1] = U[k].ph;
          mk.u[3 * (k - lo) + 2] = U[k].bonus;
        }
        ms = &cx.memo->stretch_slot(mk);
        if (ms->used && std::memcmp(&ms->key, &mk, sizeof mk) == 0) {
          for (size_t r = g0; r < g1; ++r) best[r] = ms->choice[r - g0];
          g0 = g1;
          continue;
        }
      }
      int best_cost = INT_MAX;
      for (size_t c = 0; c < gcombos; ++c) {
        size_t x = c;
        for (size_t r = g0; r < g1; ++r) {
          size_t no = runs[r].opt_end - runs[r].opt_begin;
          choice[r] = x % no;
          x /= no;
        }
        int prior;
        build_range(choice, lo, hi, g0, &prior);
        int cost = prior + cx.syllabify(seq.data(), seq_n, nullptr);
        if (cost < best_cost) {
          best_cost = cost;
          for (size_t r = g0; r < g1; ++r) best[r] = choice[r];
        }
      }
      if (ms) {
        bool fits = true;
        for (size_t r = g0; r < g1; ++r) fits &= best[r] < 256;
        if (fits) {
          ms->key = mk;
          for (size_t r = g0; r < g1; ++r) ms->choice[r - g0] = static_cast<uint8_t>(best[r]);
          ms->used = true;
        }
      }
      g0 = g1;
    }
  } else {  // decide the runs one by one, left to right
    for (size_t r = 0; r < runs.size(); ++r) {
      int best_cost = INT_MAX;
      size_t bo = 0;
      for (size_t o = 0; o < runs[r].opt_end - runs[r].opt_begin; ++o) {
        best[r] = o;
        int cost = evaluate(best);
        if (cost < best_cost) { best_cost = cost; bo = o; }
      }
      best[r] = bo;
    }
  }
  int prior;
  build(best, &prior);
  out.cost = prior + cx.syllabify(seq.data(), seq_n, &out);
}

}  // namespace kurdi::translit
