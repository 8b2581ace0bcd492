// SpellChecker: validity from the frequency model + morphology + accept lists; candidates from a
// symmetric-delete index (raw keys with <= 2 deletions, confusion-skeleton keys with <= 1);
// noisy-channel ranking.
#include <algorithm>
#include <cmath>
#include <atomic>
#include <limits>

#include "kurdi/morph.h"
#include "spell/internal.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(spell_affixes_tsv)

namespace kurdi {
namespace spell {

void arabic_words(std::string_view text, std::vector<std::pair<size_t, size_t>>& spans) {
  spans.clear();
  size_t start = std::string_view::npos, last_end = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t c = utf8::decode(text, i, len);
    size_t next = i + static_cast<size_t>(len);
    bool letter = chars::is_arabic_letter(c);
    bool inside = letter || ((c == chars::kZwnj || c == chars::kZwj || chars::is_arabic_mark(c)) &&
                             start != std::string_view::npos);
    if (inside) {
      if (start == std::string_view::npos) start = i;
      if (letter || chars::is_arabic_mark(c)) last_end = next;
    } else if (start != std::string_view::npos) {
      spans.emplace_back(start, last_end);
      start = std::string_view::npos;
    }
    i = next;
  }
  if (start != std::string_view::npos) spans.emplace_back(start, last_end);
}

namespace {

constexpr uint64_t kRawSeed = 0x9e3779b97f4a7c15ull;
constexpr uint64_t kSkelSeed = 0x2545f4914f6cdd1dull;
constexpr int kIdBits = 24;
constexpr uint64_t kIdMask = (uint64_t(1) << kIdBits) - 1;

// Hash of w without the code points at positions a and b (npos: none), FNV-style.
uint64_t hash_skip(std::u32string_view w, size_t a, size_t b, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ seed;
  for (size_t k = 0; k < w.size(); ++k) {
    if (k == a || k == b) continue;
    h ^= w[k];
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

// Keys of a word: raw deletes up to 2 (1 for words of 3-5 letters, 0 below), skeleton deletes up to 1
// (for skeletons of 4+ letters).
// Deleting one letter of a run gives the same string: only the first of a run is deleted.
template <class F>
void keys(std::u32string_view w, F&& emit) {
  // emit(hash, tier, two_deletes): tier 0 = the keys of the closest candidates (raw exact and one delete,
  // skeleton exact), tier 1 = the rest.
  constexpr size_t npos = std::u32string_view::npos;
  const size_t n = w.size();
  const int raw_d = n >= 6 ? 2 : (n >= 3 ? 1 : 0);
  emit(hash_skip(w, npos, npos, kRawSeed), 0, false);
  if (raw_d >= 1) {
    for (size_t i = 0; i < n; ++i) {
      if (i && w[i] == w[i - 1]) continue;
      emit(hash_skip(w, i, npos, kRawSeed), 0, false);
      if (raw_d >= 2) {
        for (size_t j = i + 1; j < n; ++j) {
          // The string after deleting i: the letter before j there is w[j-1], or w[i-1] when j == i+1.
          char32_t before = j == i + 1 ? (i ? w[i - 1] : 0) : w[j - 1];
          if (before && w[j] == before) continue;
          emit(hash_skip(w, i, j, kRawSeed), 1, true);
        }
      }
    }
  }
  std::u32string sk;
  ErrorModel::skeleton(w, sk);
  if (sk.empty()) return;
  emit(hash_skip(sk, npos, npos, kSkelSeed), 0, false);
  if (sk.size() >= 4) {
    for (size_t i = 0; i < sk.size(); ++i) {
      if (i && sk[i] == sk[i - 1]) continue;
      emit(hash_skip(sk, i, npos, kSkelSeed), 1, false);
    }
  }
}

// True when one word is the other plus a final ە (U+06D5): the copula or definite suffix, so both
// are words in their own right (کوێی / کوێیە) and neither is a typo for the other.
bool final_e_pair(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  return b.size() == a.size() + 1 && b.back() == U'\u06D5' && b.substr(0, a.size()) == a;
}

// True when a and b differ only in their last letter, one ە and the other ی (ئیدارە / ئیداری, کوردە /
// کوردی): the definite, demonstrative or copula -ە beside the ezafe or adjective -ی is grammar or two
// lexemes, not a misspelling, so the rarer one is not dominated by the other.
// Not after a ی (توندوتیژیە beside توندوتیژیی: the ە form is the one-ی spelling of توندوتیژییە).
bool final_e_i_pair(std::u32string_view a, std::u32string_view b) {
  if (a.size() != b.size() || a.size() < 2 || a.substr(0, a.size() - 1) != b.substr(0, b.size() - 1)) return false;
  if (a[a.size() - 2] == U'\u06CC') return false;
  const char32_t x = a.back(), y = b.back();
  return (x == U'\u06D5' && y == U'\u06CC') || (x == U'\u06CC' && y == U'\u06D5');
}

// True when b is a with one plain letter replaced by its marked twin (ی -> ێ, و -> ۆ, ر -> ڕ,
// ل -> ڵ), or with one و doubled (و -> وو, the long û): the marks a writer drops (keyboards and
// older habits without them), rarely adds.
bool mark_added(std::u32string_view a, std::u32string_view b) {
  if (b.size() == a.size() + 1) {
    size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    // b[i] is the inserted letter: a و next to a و of a
    return b[i] == U'\u0648' && ((i > 0 && a[i - 1] == U'\u0648') || (i < a.size() && a[i] == U'\u0648')) &&
           a.substr(i) == b.substr(i + 1);
  }
  if (a.size() != b.size()) return false;
  size_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (++diff > 1) return false;
    const char32_t x = a[i], y = b[i];
    if (!((x == U'\u06CC' && y == U'\u06CE') || (x == U'\u0648' && y == U'\u06C6') ||
          (x == U'\u0631' && y == U'\u0695') || (x == U'\u0644' && y == U'\u06B5')))
      return false;
  }
  return diff == 1;
}

uint64_t next_serial() {
  static std::atomic<uint64_t> n{0};
  return ++n;
}

std::string strip_zwnj(std::string s) {
  static const std::string z = "\u200c";
  size_t p;
  while ((p = s.find(z)) != std::string::npos) s.erase(p, z.size());
  return s;
}

// The byte offset of each letter of `w`, then w.size().
void letter_offsets(std::string_view w, std::vector<size_t>& at) {
  at.clear();
  for (size_t i = 0; i < w.size();) {
    at.push_back(i);
    int len = 1;
    utf8::decode(w, i, len);
    i += static_cast<size_t>(len);
  }
  at.push_back(w.size());
}

}  // namespace
}  // namespace spell

SpellChecker::Impl::Impl(const SpellOptions& o)
    : options(o), normalizer([] {
        NormalizeOptions n = NormalizeOptions::standard();
        n.convention_repair = false;
        return n;
      }()) {}

void SpellChecker::Impl::build() {
  const auto& counts = model->impl_->counts;
  long total = std::max<long>(1, model->total());
  total_log = std::log(static_cast<double>(total));
  unseen_neglogp = total_log + std::log(2.0);
  entries.reserve(counts.size());
  for (const auto& [w, n] : counts) {
    if (n < options.suggest_min_count || !chars::has_arabic_letter(w)) continue;
    spell::Entry e;
    e.word = w;
    e.count = n;
    e.neglogp = total_log - std::log(static_cast<double>(n));
    entries.push_back(std::move(e));
  }
  // Deterministic order (frequency, then word): ids are stable across runs.
  std::sort(entries.begin(), entries.end(), [](const spell::Entry& a, const spell::Entry& b) {
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  if (entries.size() > spell::kIdMask) entries.resize(spell::kIdMask);
  model_entries = static_cast<uint32_t>(entries.size());
  // The analyzer's lexicon forms the model has never seen, after the model's words (ids in order of
  // decreasing probability: the candidate loop relies on it), all at one low prior.
  if (analyzer && options.lexicon_count > 0) {
    double nlp = total_log - std::log(options.lexicon_count);
    if (!entries.empty()) nlp = std::max(nlp, entries.back().neglogp);
    for (auto& f : analyzer->lexicon_forms(options.lexicon_inflections)) {
      if (entries.size() >= spell::kIdMask) break;
      if (counts.count(f) || !chars::has_arabic_letter(f)) continue;
      spell::Entry e;
      e.word = std::move(f);
      e.neglogp = nlp;
      entries.push_back(std::move(e));
    }
  }
  cand.reserve(entries.size());
  for (const auto& e : entries) {
    const std::u32string w32 = utf8::to_u32(e.word);
    cand.push_back({static_cast<float>(e.neglogp), static_cast<uint32_t>(letters.size()), static_cast<uint32_t>(w32.size())});
    letters.insert(letters.end(), w32.begin(), w32.end());
  }
  {
    // Every model word, most frequent first (ties by word: deterministic layout).
    std::vector<std::pair<std::string_view, long>> all(counts.begin(), counts.end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    words.build(all);
    for (uint32_t i = 0; i < model_entries; ++i) {
      auto* s = words.find_slot_mutable(entries[i].word);
      if (s) words.row(*s).entry = i;
    }
  }
  std::vector<uint64_t> raw;
  raw.reserve(entries.size() * 30);
  // A lexicon form gets only the keys of the closest tier (its raw exact and one-delete keys and its
  // confusion skeleton), not two raw deletes nor a skeleton delete: with its low prior a word further
  // away seldom reaches the top five. With all but the two-delete keys, the lexicon forms of the
  // grown lexicon (session 6: ~5,000 more rows) made suggest() ~30% slower than without them
  // (18-20k words/s against the bar of 20k); with the closest tier only, ~15% (20.6-23.3k), for one
  // top-5 correction fewer on the Amani set (top5 0.6909 -> 0.6883; top1 unchanged).
  for (uint32_t i = 0; i < entries.size(); ++i)
    spell::keys(letters_of(i), [&](uint64_t h, int tier, bool) {
      if (tier == 0 || i < model_entries) raw.push_back((h << spell::kIdBits) | i);
    });
  // Sorted by a counting sort on the directory's bucket (the top 20 bits), then each bucket (a few
  // keys) on its own, duplicates dropped: the same order as one std::sort of all keys, which took a
  // quarter of the checker's construction (`kurdi spell` start-up).
  constexpr size_t kBuckets = size_t(1) << 20;
  directory.assign(kBuckets + 1, 0);
  for (uint64_t v : raw) ++directory[static_cast<size_t>(v >> 44) + 1];
  for (size_t b = 0; b < kBuckets; ++b) directory[b + 1] += directory[b];
  index.resize(raw.size());
  {
    std::vector<uint32_t> next(directory.begin(), directory.end() - 1);
    for (uint64_t v : raw) index[next[static_cast<size_t>(v >> 44)]++] = v;
  }
  std::vector<uint64_t>().swap(raw);
  size_t out = 0;
  for (size_t b = 0; b < kBuckets; ++b) {
    const size_t lo = directory[b], hi = directory[b + 1];
    directory[b] = static_cast<uint32_t>(out);
    std::sort(index.begin() + static_cast<std::ptrdiff_t>(lo), index.begin() + static_cast<std::ptrdiff_t>(hi));
    for (size_t i = lo; i < hi; ++i)
      if (i == lo || index[i] != index[i - 1]) index[out++] = index[i];
  }
  directory[kBuckets] = static_cast<uint32_t>(out);
  index.resize(out);
  index.shrink_to_fit();
  // Every rare entry, also those seen less than min_count times: they are valid only through the
  // analyzer, and dominated() answers for them from this flag too.
  for (uint32_t i = 0; i < model_entries; ++i)
    if (entries[i].count < options.dominance_max_count)
      entries[i].dominated = dominated_uncached(entries[i].word, entries[i].count);
  // Precomputed verdicts: a model word seen min_count times is valid unless dominated (words seen
  // less often need the analyzer: left to the slow path and the per-thread cache).
  for (auto& slot : words.slots()) {
    if (!slot.row) continue;
    const auto& row = words.row(slot);
    const std::string_view w = words.word(slot);
    slot.normalized = normalizer.normalized_prefix(w) == w.size() && w.find("\u200c") == std::string_view::npos;
    if (row.count < options.min_count) continue;
    slot.verdict = row.entry != spell::WordTable::kNoEntry && entries[row.entry].dominated ? spell::Verdict::kInvalid
                                                                                           : spell::Verdict::kValid;
  }
  serial = spell::next_serial();
  const auto& t = tables::spell_affixes_tsv;
  int ca = t.column("affix"), ck = t.column("kind");
  t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
    (f[ck] == "prefix" ? prefixes : suffixes).emplace_back(f[ca]);
  });
  auto longest_first = [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  };
  std::sort(suffixes.begin(), suffixes.end(), longest_first);
  std::sort(prefixes.begin(), prefixes.end(), longest_first);
}

std::string_view SpellChecker::Impl::norm_view(std::string_view word, std::string& buf) const {
  if (normalizer.normalized_prefix(word) == word.size() && word.find("\u200c") == std::string_view::npos) return word;
  buf = norm(word);
  return buf;
}

std::string SpellChecker::Impl::norm(std::string_view word) const {
  std::string out;
  if (normalizer.normalized_prefix(word) == word.size()) out.assign(word);
  else out = normalizer.normalize(word);
  if (out.find("\u200c") != std::string::npos) out = spell::strip_zwnj(std::move(out));
  return out;
}

long SpellChecker::Impl::count(std::string_view w) const { return words.count(w); }

double SpellChecker::Impl::neglogp(std::string_view w) const {
  long n = words.count(w);
  return n > 0 ? total_log - std::log(static_cast<double>(n)) : unseen_neglogp;
}

bool SpellChecker::Impl::valid_normalized(std::string_view w, long min_count) const {
  if (w.empty()) return true;
  if (w.size() > options.max_word_bytes) return true;
  if (words.count(w) >= (min_count < 0 ? options.min_count : min_count)) return true;
  if (!chars::has_arabic_letter(w)) return true;  // Latin script, digits, symbols
  if (!accepted.empty() && accepted.count(w)) return true;
  // Tokens mixing scripts or digits are not judged.
  for (size_t i = 0; i < w.size();) {
    int len = 1;
    char32_t c = utf8::decode(w, i, len);
    if (!chars::is_arabic_letter(c) && !chars::is_arabic_mark(c) && c != chars::kZwj) return true;
    i += static_cast<size_t>(len);
  }
  if (analyzer && analyzer->known(w)) return true;
  return false;
}

bool SpellChecker::Impl::known_by_lexicon(std::string_view w) const {
  if (!analyzer || !analyzer->known(w)) return false;
  for (const auto& a : analyzer->analyze(w))
    if (!a.guessed && !a.induced) return true;
  return false;
}

bool SpellChecker::Impl::dominated(std::string_view w) const {
  if (options.dominance_ratio <= 0) return false;
  if (!accepted.empty() && accepted.count(w)) return false;
  const auto* row = words.find(w);
  if (row && row->entry != spell::WordTable::kNoEntry) return entries[row->entry].dominated;
  long own = row ? row->count : 0;
  if (own >= options.dominance_max_count) return false;
  return dominated_uncached(w, own);  // own 0: valid by morphology only
}

bool SpellChecker::Impl::dominated_uncached(std::string_view w, long own) const {
  if (options.dominance_ratio <= 0) return false;
  // A word one cheap confusion edit away has the same confusion skeleton: one index bucket.
  // A word seen once is weak evidence: any confusion-only variant (same skeleton) up to
  // singleton_dominance_cost that is singleton_dominance_ratio times as frequent dominates it.
  const bool once = own <= 1;
  const double need = (once ? options.singleton_dominance_ratio : options.dominance_ratio) *
                      static_cast<double>(std::max<long>(own, 1));
  // Two refinements below that bar. A word seen 2+ times that the analyzer does not know (or knows
  // only from an induced stem, mined from the same corpora that hold the misspelling) is also
  // dominated by its twin with one dropped mark restored (ێ ۆ ڕ ڵ وو) when that one is
  // mark_dominance_ratio times as frequent (an analyzed form is left alone: -یت 2SG beside -ێت 3SG
  // is grammar, not a dropped mark). A word never seen (valid by the analyzer only) is dominated
  // by that twin when it is seen unseen_dominance_count times.
  const double need_m = options.mark_dominance_ratio * static_cast<double>(own);
  const bool use_m = !once && options.mark_dominance_ratio > 0 && need_m < need;
  const double need_u = static_cast<double>(std::max<long>(1, options.unseen_dominance_count));
  const bool use_u = own <= 0 && need_u < need;
  const double lowest = std::min({need, use_m ? need_m : need, use_u ? need_u : need});
  const double max_c = once ? std::max(0.5, options.singleton_dominance_cost) : 0.5;
  int known_w = -1;  // whether the analyzer knows w: not yet asked
  own = std::max<long>(own, 1);  // the transpositions below: as if seen once
  std::u32string q = utf8::to_u32(w), sk;
  if (options.transposition_min_letters > 0 && q.size() >= options.transposition_min_letters) {
    // Two adjacent letters swapped (a slip of the hand) in a longer word: rarely a word in its own
    // right, so a neighbour dominance_ratio times as frequent dominates at any count below
    // dominance_max_count.
    // The swaps are made on the UTF-8 bytes, in one reused buffer (this runs for every rare model
    // word at construction).
    const double need_t = options.dominance_ratio * static_cast<double>(own);
    thread_local std::vector<size_t> at;  // byte offset of each letter, and the end
    thread_local std::string t;
    spell::letter_offsets(w, at);
    for (size_t k = 0; k + 1 < q.size() && k + 2 < at.size(); ++k) {
      if (q[k] == q[k + 1]) continue;
      const size_t a = at[k], b = at[k + 1], c = at[k + 2];
      t.assign(w.data(), a);
      t.append(w.data() + b, c - b);
      t.append(w.data() + a, b - a);
      t.append(w.data() + c, w.size() - c);
      if (static_cast<double>(words.count(t)) >= need_t) return true;
    }
  }
  spell::ErrorModel::skeleton(q, sk);
  if (sk.empty() || index.empty()) return false;
  const uint64_t lo = spell::hash_skip(sk, std::u32string_view::npos, std::u32string_view::npos, spell::kSkelSeed)
                      << spell::kIdBits;
  const size_t b = static_cast<size_t>(lo >> 44);
  for (size_t i = directory[b], e = directory[b + 1]; i < e; ++i) {
    if ((index[i] & ~spell::kIdMask) != lo) continue;
    const uint32_t id = static_cast<uint32_t>(index[i] & spell::kIdMask);
    const double c = static_cast<double>(entries[id].count);
    if (c < lowest) break;  // ids run from frequent to rare
    const std::u32string_view y = letters_of(id);
    if (y == q || spell::final_e_pair(q, y) || spell::final_e_i_pair(q, y)) continue;
    if (c < need) {
      if (use_m && c >= need_m && spell::mark_added(q, y)) {
        if (known_w < 0) known_w = known_by_lexicon(w) ? 1 : 0;  // asked once, when needed
        if (!known_w) return true;
      }
      if (use_u && c >= need_u && spell::mark_added(q, y)) return true;
      continue;
    }
    if (errors.cost(q, y, max_c, false) <= max_c) {
      // a frequent word of the hand-written lexicon is a word, whatever its neighbours
      const bool trusted = options.dominance_trusted_count > 0 && own >= options.dominance_trusted_count;
      if (trusted && known_w < 0) known_w = known_by_lexicon(w) ? 1 : 0;
      if (!(trusted && known_w)) return true;
    }
  }
  return false;
}

bool SpellChecker::Impl::compound(std::string_view w) const {
  // First part, optional linking vowel (ە, و: بووکەشووشە, ساردوسڕ), second part; each part at least
  // compound_min_letters letters and frequent in the model. Parts are byte ranges of w (no copies).
  const size_t m = std::max<size_t>(1, options.compound_min_letters);
  thread_local std::vector<size_t> at;  // byte offset of each letter, and the end
  spell::letter_offsets(w, at);
  const size_t n = at.size() - 1;  // letters
  if (n < 2 * m) return false;
  static constexpr std::string_view kLinks[] = {"", "\u06D5", "\u0648"};
  for (size_t i = m; i + m <= n; ++i) {
    if (words.count(w.substr(0, at[i])) < options.compound_first_count) continue;
    const std::string_view rest = w.substr(at[i]);
    const size_t rest_letters = n - i;
    for (std::string_view link : kLinks) {
      const size_t link_letters = link.empty() ? 0 : 1;
      if (rest_letters < link_letters + m || rest.substr(0, link.size()) != link) continue;
      if (words.count(rest.substr(link.size())) >= options.compound_second_count) return true;
    }
  }
  return false;
}

bool SpellChecker::Impl::plausible(std::string_view w, int depth) const {
  constexpr size_t kMinBase = 6;  // bytes: at least three Arabic letters
  const long base_count = options.text_affix_base_count;
  for (const auto& s : suffixes) {
    if (w.size() < s.size() + kMinBase || w.substr(w.size() - s.size()) != s) continue;
    std::string_view b = w.substr(0, w.size() - s.size());
    if (words.count(b) >= base_count) return true;
    if (depth < 1 && plausible(b, depth + 1)) return true;
  }
  if (depth == 0) {
    for (const auto& p : prefixes) {
      if (w.size() < p.size() + kMinBase || w.substr(0, p.size()) != p) continue;
      std::string_view b = w.substr(p.size());
      if (words.count(b) >= base_count || plausible(b, 1)) return true;
    }
  }
  return false;
}

void SpellChecker::Impl::candidates(std::u32string_view q, double max_cost, bool conv, size_t n,
                                    std::vector<Suggestion>& out, double error_weight, bool lexicon) const {
  if (n == 0 || index.empty()) return;
  // Per-thread scratch (no allocation per query once warm). The index and its directory are far
  // larger than the caches: every key's directory entry and index run is prefetched before any is
  // read, so the misses overlap instead of queueing.
  struct Scratch {
    std::vector<uint64_t> keys;  // (hash << kIdBits) | tier
    std::vector<std::pair<uint32_t, uint32_t>> runs;
    std::vector<uint32_t> found[2];
  };
  thread_local Scratch scratch;
  auto& keys = scratch.keys;
  auto& runs = scratch.runs;
  auto& found = scratch.found;
  keys.clear();
  runs.clear();
  found[0].clear();
  found[1].clear();
  spell::keys(q, [&](uint64_t h, int tier, bool) {
    const uint64_t key = (h << spell::kIdBits) | static_cast<uint64_t>(tier);
    keys.push_back(key);
    __builtin_prefetch(&directory[static_cast<size_t>(key >> 44)]);
  });
  for (uint64_t key : keys) {
    const size_t b = static_cast<size_t>(key >> 44);
    runs.emplace_back(directory[b], directory[b + 1]);
    __builtin_prefetch(index.data() + runs.back().first);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const uint64_t lo = keys[k] & ~spell::kIdMask;
    auto& f = found[keys[k] & 1];
    for (size_t i = runs[k].first, e = runs[k].second; i < e; ++i)
      if ((index[i] & ~spell::kIdMask) == lo) f.push_back(static_cast<uint32_t>(index[i] & spell::kIdMask));
  }
  for (auto& f : found) {
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
  }
  struct Scored {
    uint32_t id;
    double cost, score;
  };
  // Ids are in order of decreasing frequency: once even the cheapest edit cannot beat the n-th best
  // score, no later candidate can. The closest tier goes first so that the bound is tight early.
  const double kMinEdit = std::min(0.3, errors.min_cost());
  std::vector<Scored> best;
  const double w = error_weight < 0 ? options.error_weight : error_weight;
  spell::ErrorModel::Typed typed;
  errors.prepare(q, conv, typed);
  for (int tier = 0; tier < 2; ++tier) {
    const auto& f = found[tier];
    for (size_t k = 0; k < f.size(); ++k) {
      // Prefetch the record of a later candidate, and the letters of a nearer one (whose record
      // was prefetched earlier).
      if (k + 8 < f.size()) __builtin_prefetch(cand.data() + f[k + 8]);
      if (k + 4 < f.size()) __builtin_prefetch(letters.data() + cand[f[k + 4]].off);
      const uint32_t id = f[k];
      if (!lexicon && id >= model_entries) break;  // the lexicon forms come last
      if (tier == 1 && std::binary_search(found[0].begin(), found[0].end(), id)) continue;
      const CandRec& rec = cand[id];
      const double nlp = rec.neglogp;
      double limit = max_cost;
      if (best.size() >= n && w > 0) {
        double lim = (best.back().score - nlp) / w;
        if (lim < kMinEdit) break;
        limit = std::min(limit, lim);
      }
      size_t lq = q.size(), lw = rec.len;
      if ((lq > lw ? lq - lw : lw - lq) * kMinEdit > limit) continue;
      const std::u32string_view y(letters.data() + rec.off, rec.len);
      if (y == q) continue;
      double c = errors.cost(typed, y, limit);
      if (!(c <= limit)) continue;
      Scored s{id, c, nlp + w * c};
      auto it = std::upper_bound(best.begin(), best.end(), s, [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score < b.score : a.id < b.id;
      });
      best.insert(it, s);
      if (best.size() > n) best.pop_back();
    }
  }
  for (const auto& s : best) out.push_back({entries[s.id].word, s.cost, s.score});
}

// ---------------------------------------------------------------------------------------------

SpellChecker::SpellChecker() : SpellChecker(SpellOptions{}) {}

SpellChecker::SpellChecker(const SpellOptions& options) : impl_(std::make_unique<Impl>(options)) {
  impl_->model = &FrequencyModel::builtin();
  if (options.use_morphology) {
    MorphOptions mo;
    mo.colloquial = false;
    impl_->owned_analyzer = std::make_unique<Analyzer>(mo);
    impl_->analyzer = impl_->owned_analyzer.get();
  }
  impl_->build();
}

SpellChecker::SpellChecker(const SpellOptions& options, const FrequencyModel& model, const Analyzer* analyzer)
    : impl_(std::make_unique<Impl>(options)) {
  impl_->owned_model = std::make_unique<FrequencyModel>(model);
  impl_->model = impl_->owned_model.get();
  impl_->analyzer = options.use_morphology ? analyzer : nullptr;
  impl_->build();
}

SpellChecker::~SpellChecker() = default;
SpellChecker::SpellChecker(SpellChecker&&) noexcept = default;
SpellChecker& SpellChecker::operator=(SpellChecker&&) noexcept = default;

const SpellOptions& SpellChecker::options() const { return impl_->options; }

void SpellChecker::accept(std::string_view word) {
  std::string w = impl_->norm(word);
  if (w.empty()) return;
  if (auto* s = impl_->words.find_slot_mutable(w)) s->verdict = spell::Verdict::kValid;
  impl_->accepted.insert(std::move(w));
  impl_->serial = spell::next_serial();  // verdicts cached before this are stale
}

void SpellChecker::accept_words(std::string_view list) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find('\n', pos);
    if (end == std::string_view::npos) end = list.size();
    std::string_view line = list.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    accept(line.substr(0, tab));
  }
}

std::string SpellChecker::normalize_word(std::string_view word) const { return impl_->norm(word); }

long SpellChecker::count(std::string_view word) const { return impl_->count(impl_->norm(word)); }

// The fast path: a raw word that is a model word in normalized form has a precomputed verdict; any
// other word's verdict is memoized per thread (keyed by the raw bytes; the serial changes when the
// accept list does).
bool SpellChecker::check(std::string_view word) const {
  const Impl& im = *impl_;
  if (!im.options.fast_check) return im.check_uncached(word);
  const uint64_t h = spell::word_hash(word);
  if (const auto* s = im.words.find_slot(word, h); s && s->normalized && s->verdict != spell::Verdict::kUnknown)
    return s->verdict == spell::Verdict::kValid;
  if (word.empty() || word.size() > spell::VerdictCache::kMaxKey) return im.check_uncached(word);
  auto& cache = im.thread_cache();
  spell::Verdict v = cache.get(word, h);
  if (v != spell::Verdict::kUnknown) return v == spell::Verdict::kValid;
  const bool ok = im.check_uncached(word);
  cache.put(word, h, ok ? spell::Verdict::kValid : spell::Verdict::kInvalid);
  return ok;
}

spell::VerdictCache& SpellChecker::Impl::thread_cache() const {
  // A few checkers per thread (e.g. one with and one without morphology); the least recently
  // claimed slot is recycled for a new one.
  constexpr int kPerThread = 4;
  struct Caches {
    uint64_t owner[kPerThread] = {};
    spell::VerdictCache cache[kPerThread];
    int next = 0;
  };
  thread_local Caches t;
  for (int i = 0; i < kPerThread; ++i)
    if (t.owner[i] == serial) return t.cache[i];
  const int i = t.next;
  t.next = (t.next + 1) % kPerThread;
  t.owner[i] = serial;
  t.cache[i].clear();
  return t.cache[i];
}

bool SpellChecker::Impl::check_uncached(std::string_view word) const {
  std::string buf;
  std::string_view w = norm_view(word, buf);
  if (w.find(' ') == std::string::npos) {
    // A model word seen often enough: valid unless dominated.
    const auto* row = words.find(w);
    if (row && row->entry != spell::WordTable::kNoEntry && row->count >= options.min_count)
      return !entries[row->entry].dominated || (!accepted.empty() && accepted.count(w));
    if (valid_normalized(w)) return !dominated(w);
    return options.compounds && compound(w) && !dominated(w);
  }
  size_t pos = 0;
  while (pos <= w.size()) {
    size_t end = w.find(' ', pos);
    if (end == std::string::npos) end = w.size();
    if (end > pos && !valid_normalized(std::string_view(w).substr(pos, end - pos))) return false;
    pos = end + 1;
  }
  return true;
}

std::vector<Suggestion> SpellChecker::suggest(std::string_view word, size_t n) const {
  std::vector<Suggestion> out;
  if (n == 0) return out;
  const Impl& im = *impl_;
  std::string w = im.norm(word);
  if (w.empty() || w.size() > im.options.max_word_bytes) return out;
  // A phrase written with spaces: suggest the joined word when it is valid.
  std::string joined;
  for (char ch : w)
    if (ch != ' ') joined.push_back(ch);
  std::u32string q = utf8::to_u32(joined);
  if (joined != w && im.words.count(joined) >= im.options.min_count)
    out.push_back({joined, 0.5, im.neglogp(joined) + im.options.error_weight * 0.5});
  // If the normalizer changed the letters, the normalized form is a candidate itself.
  if (joined != word && joined == w && im.valid_normalized(w) && chars::has_arabic_letter(w))
    out.push_back({w, 0.1, im.neglogp(w) + im.options.error_weight * 0.1});
  const size_t before = out.size();
  im.candidates(q, im.options.max_cost, false, n + 1, out);
  // Words the model has not seen but the analyzer knows (inflected forms, rarer words): the
  // variants one cheap confusion edit away, checked with the analyzer. Only variants cheaper than
  // the model's cheapest candidate (a model word at the same cost is more probable than an unseen
  // one: ڕوبار -> ڕووبار (0.35) is checked beside the model's ڕوبارە (0.5)), and only those that
  // could enter the top n, which keeps the analyzer calls off most queries.
  if (im.options.morph_candidates && im.analyzer) {
    double best_model = std::numeric_limits<double>::infinity();
    std::vector<double> scores;
    for (size_t i = before; i < out.size(); ++i) {
      best_model = std::min(best_model, out[i].cost);
      scores.push_back(out[i].score);
    }
    std::sort(scores.begin(), scores.end());
    // A variant scoring no better than the n-th model candidate cannot enter the top n: such
    // variants are not checked (the analyzer is the expensive part).
    const double bar = scores.size() >= n ? scores[n - 1] : std::numeric_limits<double>::infinity();
    const double base = im.unseen_neglogp + im.options.morph_candidate_penalty;
    const double max_c = im.options.morph_candidate_cost;
    if (base < bar) {
      std::string v8;
      im.errors.variants(q, max_c, [&](std::u32string_view v, double c) {
        const double score = base + im.options.error_weight * c;
        if (v.size() < 2 || score >= bar || c >= best_model) return;
        v8 = utf8::from_u32(v);
        if (im.words.count(v8) > 0 || v8 == w) return;  // model words come from the index
        if (!check(v8)) return;
        out.push_back({v8, c, score});
      });
    }
  }
  // Splits into two valid, frequent words.
  if (im.options.splits && q.size() >= 4) {
    for (size_t i = 2; i + 2 <= q.size(); ++i) {
      std::string a = utf8::from_u32(q.substr(0, i)), b = utf8::from_u32(q.substr(i));
      long ca = im.words.count(a), cb = im.words.count(b);
      if (ca < 50 || cb < 50) continue;
      double cost = 0.9;
      double score = im.neglogp(a) + im.neglogp(b) - im.total_log * 0.5 + im.options.error_weight * cost;
      out.push_back({a + " " + b, cost, score});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.score < b.score; });
  // Unique words.
  std::vector<Suggestion> uniq;
  for (auto& s : out) {
    bool dup = false;
    for (const auto& u : uniq) dup = dup || u.word == s.word;
    if (!dup && s.word != w) uniq.push_back(std::move(s));
    if (uniq.size() >= n) break;
  }
  // A model word the checker rejects (dominated: a typo that made it into the corpus, بریار beside
  // بڕیار) owes its rank to the count of that typo: it goes after the valid suggestions (still
  // offered). Words the model has not seen (lexicon, analyzer) keep their place: their prior is
  // the lowest already. check_text takes its evidence from the best score, not from this order.
  std::stable_partition(uniq.begin(), uniq.end(), [&](const Suggestion& s) {
    const auto* row = im.words.find(s.word);
    return !(row && row->count > 0 && im.dominated(s.word));
  });
  return uniq;
}

std::vector<SpellFlag> SpellChecker::check_text(std::string_view text, size_t n) const {
  std::vector<SpellFlag> flags;
  std::vector<std::pair<size_t, size_t>> spans;
  spell::arabic_words(text, spans);
  const Impl& im = *impl_;
  for (auto [s, e] : spans) {
    std::string_view token = text.substr(s, e - s);
    if (token.size() > im.options.max_word_bytes) continue;
    std::string w = im.norm(token);
    // Model words seen once (when min_count allows them) are valid in running text unless dominated,
    // as in word mode; other words need 2+ sightings or the analyzer, without dominance (which
    // would flag rare but valid words of edited text).
    const long seen = im.count(w);
    if (seen == 1 && im.options.min_count <= 1 ? !im.dominated(w)
                                                : im.valid_normalized(w, std::max<long>(im.options.min_count, 2)))
      continue;
    if (im.options.text_affixes && im.plausible(w)) continue;
    auto sugg = suggest(w, std::max<size_t>(n, 1));
    // The evidence: the best one-word correction is cheap and frequent (a split alone is not
    // evidence: Sorani writes many compounds and clitics joined).
    const Suggestion* best = nullptr;
    for (const auto& s : sugg)
      if (s.word.find(' ') == std::string::npos && (!best || s.score < best->score)) best = &s;
    if (!best || best->cost > im.options.text_max_cost || im.words.count(best->word) < im.options.text_min_count)
      continue;
    if (sugg.size() > n) sugg.resize(n);
    flags.push_back({s, e, std::string(token), std::move(sugg)});
  }
  return flags;
}

}  // namespace kurdi
