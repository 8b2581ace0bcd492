// Internals shared by the spell checker's translation units (not installed).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kurdi/morph.h"
#include "kurdi/normalize.h"
#include "kurdi/spell.h"
#include "spell/word_table.h"

namespace kurdi {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using CountMap = std::unordered_map<std::string, long, StringHash, std::equal_to<>>;

struct FrequencyModel::Impl {
  CountMap counts;
  long total = 0;
  std::unique_ptr<Normalizer> normalizer;  // for learning, made on first use
};

namespace spell {

// The error model: weighted Damerau-Levenshtein (optimal string alignment) over code points.
class ErrorModel {
 public:
  ErrorModel();
  // Cost of typing `typed` when `intended` was meant; > limit means "more than limit" (early exit).
  // convention_only: edits that are not spelling-convention edits cost +infinity.
  double cost(std::u32string_view typed, std::u32string_view intended, double limit, bool convention_only) const;
  // The typed word's side of cost(), computed once per query and reused for every candidate.
  struct Typed {
    std::u32string_view x;
    bool convention_only = false;
    double del[64];  // cost of deleting x[i] (typed but not intended), with its context
    uint8_t idx[64];  // x[i]'s row of the flat tables
  };
  void prepare(std::u32string_view typed, bool convention_only, Typed& t) const;
  double cost(const Typed& typed, std::u32string_view intended, double limit) const;
  // The confusion-folded skeleton used as a second key of the candidate index.
  static void skeleton(std::u32string_view w, std::u32string& out);
  const std::vector<std::pair<std::u32string, std::u32string>>& rep_pairs() const { return rep_; }
  // The cheapest single edit of the model (a bound for pruning candidates).
  double min_cost() const { return min_cost_; }
  // Every string one edit of cost <= max_cost away from w (substitution, insertion or deletion of
  // the confusion model), with its cost: f(std::u32string_view variant, double cost). With
  // convention_only, the indels are those of the convention edits (ErrorModel::indel).
  template <class F>
  void variants(std::u32string_view w, double max_cost, F&& f, bool convention_only = false) const;

 private:
  double indel(char32_t c, char32_t prev, char32_t next, bool conv) const;
  struct Cost { double cost; bool convention; };
  std::unordered_map<uint64_t, Cost> sub_;      // (a<<32|b), both orders
  std::unordered_map<char32_t, Cost> indel_;     // free-standing insertion/deletion
  std::unordered_map<uint64_t, Cost> before_;    // (c<<32|next): c inserted before next
  std::unordered_map<uint64_t, Cost> after_;     // (prev<<32|c): c inserted after prev
  std::vector<std::pair<std::u32string, std::u32string>> rep_;
  struct SubTo { char32_t to; double cost; bool convention; };
  std::unordered_map<char32_t, std::vector<SubTo>> subs_by_char_;
  double trans_ = 1.0;     // two adjacent letters swapped (the `ab`/`ba` row)
  double min_cost_ = 1.0;  // the cheapest edit of the model
  std::vector<char32_t> insertable_;  // letters with some cheap insertion rule
  // Flat tables over a small alphabet (the letters of the confusion table; 0 = any other), one set
  // for the full model [0] and one for convention edits only [1].
  static constexpr int kAlpha = 64;
  uint8_t idx_[256] = {};  // U+0600..U+06FF -> alphabet index
  float subt_[2][kAlpha][kAlpha];
  float baset_[2][kAlpha];
  float beforet_[2][kAlpha][kAlpha];  // [c][next]
  float aftert_[2][kAlpha][kAlpha];   // [prev][c]
  int idx(char32_t c) const { return c >= 0x600 && c <= 0x6FF ? idx_[c - 0x600] : 0; }
};

template <class F>
void ErrorModel::variants(std::u32string_view w, double max_cost, F&& f, bool convention_only) const {
  std::u32string v;
  const size_t n = w.size();
  for (size_t k = 0; k < n; ++k) {
    auto it = subs_by_char_.find(w[k]);
    if (it != subs_by_char_.end()) {
      for (const auto& [c, cost, convention] : it->second) {
        if (cost > max_cost || (convention_only && !convention)) continue;
        v.assign(w);
        v[k] = c;
        f(std::u32string_view(v), cost);
      }
    }
    double dc = indel(w[k], k ? w[k - 1] : 0, k + 1 < n ? w[k + 1] : 0, convention_only);
    if (dc <= max_cost) {
      v.assign(w);
      v.erase(k, 1);
      f(std::u32string_view(v), dc);
    }
  }
  for (size_t k = 0; k <= n; ++k) {
    for (char32_t c : insertable_) {
      double ic = indel(c, k ? w[k - 1] : 0, k < n ? w[k] : 0, convention_only);
      if (ic > max_cost) continue;
      v.assign(w);
      v.insert(v.begin() + static_cast<std::ptrdiff_t>(k), c);
      f(std::u32string_view(v), ic);
    }
  }
}

struct Entry {
  std::string word;       // UTF-8, normalized
  long count = 0;
  double neglogp = 0;     // -ln P(word)
  bool dominated = false; // see SpellOptions::dominance_ratio (precomputed)
};

}  // namespace spell

struct SpellChecker::Impl {
  SpellOptions options;
  const FrequencyModel* model = nullptr;  // builtin, or owned below
  std::unique_ptr<FrequencyModel> owned_model;
  const Analyzer* analyzer = nullptr;
  std::unique_ptr<Analyzer> owned_analyzer;
  Normalizer normalizer;
  spell::ErrorModel errors;
  // Suggestion vocabulary: the model's words (ids [0, model_entries), most frequent first), then
  // the lexicon forms the model lacks (count 0, scored as seen SpellOptions::lexicon_count times).
  std::vector<spell::Entry> entries;
  uint32_t model_entries = 0;
  // What the candidate loop reads per id, dense (one 12-byte record and the letters, which lie in
  // one arena in id order, i.e. frequent words together): the loop's cost is memory latency.
  struct CandRec {
    float neglogp;
    uint32_t off, len;  // letters[off, off + len)
  };
  std::vector<CandRec> cand;
  std::vector<char32_t> letters;
  std::u32string_view letters_of(uint32_t id) const { return {letters.data() + cand[id].off, cand[id].len}; }
  spell::WordTable words;                  // every model word: count, entry id, precomputed verdict
  uint64_t serial = 0;                     // identifies this checker's state in per-thread caches
  std::vector<uint64_t> index;             // (key hash << 24 | id), sorted
  std::vector<uint32_t> directory;         // top 20 bits of an index value -> first position
  std::unordered_set<std::string, StringHash, std::equal_to<>> accepted;
  std::vector<std::string> suffixes, prefixes;  // data/spell/affixes.tsv, longest first
  double total_log = 0;                    // ln(total count)
  double unseen_neglogp = 0;               // -ln P for a word not in the model

  explicit Impl(const SpellOptions& o);
  void build();
  // check() without the per-thread cache and the precomputed verdicts (the reference path).
  bool check_uncached(std::string_view word) const;
  // The calling thread's verdict cache for this checker.
  spell::VerdictCache& thread_cache() const;
  // Word validity on the normalized form (no ZWNJ); a model word counts when seen at least
  // `min_count` times (< 0: SpellOptions::min_count). Dominance is not applied here.
  bool valid_normalized(std::string_view w, long min_count = -1) const;
  // Two frequent model words written together, maybe with a linking ە or و (SpellOptions::compounds).
  bool compound(std::string_view w) const;
  // A frequent word plus clitics, or a joined prefix + valid word (text mode leaves these alone).
  bool plausible(std::string_view w, int depth = 0) const;
  // A rare model word next to a much more frequent one (SpellOptions::dominance_ratio).
  bool dominated(std::string_view w) const;
  bool dominated_uncached(std::string_view w, long own) const;
  // the analyzer knows w from a hand-written stem (not guessed, not only an induced one)
  bool known_by_lexicon(std::string_view w) const;
  long count(std::string_view w) const;
  double neglogp(std::string_view w) const;
  // Candidates from the index with cost <= max_cost, sorted by score; `convention_only` restricts
  // the error model to convention edits.
  // `error_weight` < 0: SpellOptions::error_weight. `lexicon`: also the lexicon forms the model lacks.
  void candidates(std::u32string_view q, double max_cost, bool convention_only, size_t n,
                  std::vector<Suggestion>& out, double error_weight = -1, bool lexicon = true) const;
  std::string norm(std::string_view word) const;
  // The normalized word: `word` itself when already normalized, else `buf`.
  std::string_view norm_view(std::string_view word, std::string& buf) const;
};

namespace spell {
// True when the string has at least one Arabic-script letter.
// Arabic-script word tokens of a text: [start, end) byte spans (letters, marks and ZWNJ inside).
void arabic_words(std::string_view text, std::vector<std::pair<size_t, size_t>>& spans);
}  // namespace spell

}  // namespace kurdi
