// kurdi::SpellChecker: spell checking and correction for Central Kurdish (Sorani).
//
// A word is valid when, after normalization (kurdi::Normalizer, standard profile, no line-level
// convention repair), it is
//   - in the word-frequency model (data/spell/freq.tsv, induced by `kurdi spell --learn` from
//     permissively licensed raw text; or a user model) at least SpellOptions::min_count times, or
//   - known to the morphological analyzer (kurdi::Analyzer::known: a non-guessed analysis), or
//   - in a user accept list, or
//   - not Sorani at all: Latin-script words, digits, symbols are never flagged.
//
// Suggestions come from a symmetric-delete index over the model's vocabulary and the analyzer's
// lexicon forms (edit distance <= 2; a query never scans the lexicon), plus splits into two valid
// words, and are ranked by a noisy-channel
// score: a weighted Damerau-Levenshtein cost under a Kurdish confusion model (data/spell/
// confusions.tsv: ە/ه, ێ/ی, ۆ/و, ڕ/ر, ڵ/ل, وو/و, یی/ی, Arabic/Persian letter variants at reduced
// cost) plus the negative log probability of the word.
//
//   kurdi::SpellChecker sc;                      // built-in model, default options
//   sc.check("پێویست");                           // -> true
//   sc.check("پیویست");                           // -> false
//   sc.suggest("پیویست", 5)[0].word;              // -> "پێویست"
//   sc.check_text("ئەمە زۆر پیویست بوو");        // -> one flag over پیویست (byte offsets)
//
// Text mode (check_text) flags an unknown word only when a likely correction exists (a valid word
// one confusion away that is much more frequent): unknown words with no such neighbour are most
// often names and rare words, which are left alone. Word mode (check) judges the word alone.
//
// A SpellChecker is immutable after construction and safe to share between threads; it never
// throws and never fails on input (invalid UTF-8 becomes U+FFFD).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/result.h"
#include "kurdi/text.h"

namespace kurdi {

class Analyzer;

// Every option of the spell checker, with its default.
struct SpellOptions {
  long min_count = 1;              // a model word seen at least this often is valid (unless dominated)
  long suggest_min_count = 1;      // a model word seen at least this often can be suggested
  bool use_morphology = true;      // words Analyzer::known() accepts are valid
  double max_cost = 2.0;           // suggestions cost at most this much (1.0 = one ordinary edit)
  double error_weight = 14.0;      // noisy channel: score = -ln P(w) + error_weight * cost
  // Word mode: a model word seen fewer than dominance_max_count times is still an error when a
  // word one confusion edit away (cost <= 0.5) is dominance_ratio times as frequent (typos that
  // made it into the corpus: بریار for بڕیار). 0 turns this off.
  double dominance_ratio = 10;
  long dominance_max_count = 50;
  // ... except a word seen at least this often that the hand-written lexicon knows (not only an
  // induced stem): گەشت "trip" beside گشت, the 3sg دەزانێت beside the 2sg دەزانیت. 0 = no exemption.
  long dominance_trusted_count = 20;
  // A word seen once (or valid only by the analyzer) is dominated by a word of the same confusion
  // skeleton (confusion edits only: ێ/ی, ۆ/و, ڕ/ر, ڵ/ل, ە ...) at most singleton_dominance_cost
  // away that is singleton_dominance_ratio times as frequent (تیبێنی 1 vs تێبینی 52).
  double singleton_dominance_ratio = 3;
  double singleton_dominance_cost = 0.75;
  // Dropped marks: writers drop the marks of ێ ۆ ڕ ڵ and the second و of وو far more often than
  // they add them. A word seen 2+ times (below dominance_max_count) that the hand-written lexicon
  // does not know is also dominated by its twin with one dropped mark restored (ی -> ێ, و -> ۆ,
  // ر -> ڕ, ل -> ڵ, و -> وو: خەلات / خەڵات) that is mark_dominance_ratio times as frequent
  // (0 = off), and a word valid only by the analyzer (never seen) by that twin seen
  // unseen_dominance_count times (other variants: singleton_dominance_ratio, 3).
  double mark_dominance_ratio = 2;
  long unseen_dominance_count = 2;
  // A word of at least this many letters is also dominated by the word with two adjacent letters
  // swapped when that one is dominance_ratio times as frequent (بارزگانی / بازرگانی). 0 = off.
  size_t transposition_min_letters = 6;
  // Word mode: a word that is two frequent model words written together (seen >= compound_first_count
  // and >= compound_second_count times, compound_min_letters letters each), optionally joined by
  // a linking ە or و, is valid unless dominated (ساردوسڕ, بووکەشووشە: Sorani writes compounds as one word).
  bool compounds = true;
  long compound_first_count = 50;
  long compound_second_count = 100;
  size_t compound_min_letters = 3;
  bool splits = true;              // suggest splitting a word into two valid words ("بۆچی" -> "بۆ چی")
  // Suggest words the model has not seen but the analyzer knows: the variants one confusion edit of
  // cost <= morph_candidate_cost away and cheaper than the model's cheapest candidate. They are scored
  // as unseen words (-ln P of a count of 1/2) plus morph_candidate_penalty.
  bool morph_candidates = true;
  double morph_candidate_cost = 0.5;
  double morph_candidate_penalty = 0.0;
  // Suggest the words of the analyzer's lexicon the model has never seen (Analyzer::lexicon_forms:
  // every lemma, induced stem, verbal noun, and common inflections of each), through the same
  // candidate index as the model's words, scored as a word seen lexicon_count times (below the
  // model's minimum of 1, so a model word at the same cost ranks first). 0 = off.
  double lexicon_count = 0.5;
  bool lexicon_inflections = true;  // also the inflected forms (false: lemmas and stems only)
  // Text mode: an unknown word is flagged only when its best suggestion costs at most this much ...
  double text_max_cost = 1.0;
  // ... and is seen at least this often in the model.
  long text_min_count = 20;
  // ... and is not a frequent word (seen >= text_affix_base_count times) plus clitics of
  // data/spell/affixes.tsv, or a joined prefix/preposition + such a word.
  bool text_affixes = true;
  long text_affix_base_count = 10;
  size_t max_word_bytes = 128;     // longer tokens are never flagged
  // check() answers from verdicts precomputed for the model's words and from a per-thread memo of
  // earlier verdicts (up to 144k words, 5 MiB per thread and checker, allocated on first use).
  // false: every call runs the full check (the reference path; same answers, slower).
  bool fast_check = true;
};

struct Suggestion {
  std::string word;    // may hold a space (split suggestions)
  double cost = 0;     // error-model cost (1.0 = one ordinary edit)
  double score = 0;    // noisy-channel score, lower is better
};

// A flagged span of running text.
struct SpellFlag {
  size_t start = 0, end = 0;  // byte offsets into the text given to check_text (end exclusive)
  std::string word;           // the text of the span
  std::vector<Suggestion> suggestions;  // best first
};

// A word-frequency model: word -> count. Learned from raw text, written and read as TSV
// ("*word<TAB>count" header, '#' comment lines).
class FrequencyModel {
 public:
  FrequencyModel();
  ~FrequencyModel();
  FrequencyModel(FrequencyModel&&) noexcept;
  FrequencyModel& operator=(FrequencyModel&&) noexcept;
  FrequencyModel(const FrequencyModel&);

  // The model shipped with the library (data/spell/freq.tsv).
  static const FrequencyModel& builtin();
  // Parses a model file's text; Error kBadInput naming the line on malformed rows.
  static Result<FrequencyModel> parse(std::string_view tsv);

  // Learning: counts the Sorani words of one line of raw text, normalized (standard profile).
  // Lines written in another convention (no ە ێ ۆ ڵ ڕ at all) are skipped unless `all_lines`.
  void learn_line(std::string_view line, bool all_lines = false);
  void add(std::string_view word, long count);
  // The model as TSV, words seen at least `min_count` times, by descending count then word.
  std::string to_tsv(long min_count = 1, std::string_view comment = {}) const;

  long count(std::string_view word) const;  // 0 when absent
  long total() const;                        // sum of counts
  size_t size() const;                       // number of distinct words

  struct Impl;

 private:
  friend class SpellChecker;
  std::unique_ptr<Impl> impl_;
};

class SpellChecker {
 public:
  SpellChecker();  // built-in model, default options, morphology on
  explicit SpellChecker(const SpellOptions& options);
  // A custom model (e.g. `--model FILE`); `analyzer` may be null (no morphology).
  SpellChecker(const SpellOptions& options, const FrequencyModel& model, const Analyzer* analyzer = nullptr);
  ~SpellChecker();
  SpellChecker(SpellChecker&&) noexcept;
  SpellChecker& operator=(SpellChecker&&) noexcept;

  const SpellOptions& options() const;

  // Adds words to the accept list (one word per line; '#' comments). Call before sharing.
  void accept_words(std::string_view list);
  void accept(std::string_view word);

  // True when the word is valid (see the top of this file). A string with spaces is checked word
  // by word.
  bool check(std::string_view word) const;
  // Ranked suggestions for a word (valid or not), at most n.
  std::vector<Suggestion> suggest(std::string_view word, size_t n = 5) const;
  // Flagged spans of running text, in order.
  std::vector<SpellFlag> check_text(std::string_view text, size_t n_suggestions = 5) const;

  // Frequency of a (normalized) word in the model; 0 when absent.
  long count(std::string_view word) const;
  // Normalizes a word as the checker does before judging it.
  std::string normalize_word(std::string_view word) const;

  // Writes DIR/ckb.dic and DIR/ckb.aff (Hunspell): the model's valid words as stems, the clitic
  // suffixes of data/spell/affixes.tsv as one suffix class, the confusion pairs as REP rules.
  Status export_hunspell(const std::string& dir) const;

  struct Impl;

 private:
  friend class Repairer;
  friend struct SpellCheckerTesting;  // tests/unit/spell_test.cc: reference twins of the fast paths
  std::unique_ptr<Impl> impl_;
};

// Options of the lexicon-driven repair of `kurdi normalize --repair`.
struct RepairOptions {
  double max_cost = 1.5;        // rewrite a word only into a word at most this far (confusion costs)
  long min_count = 1;           // ... seen at least this often in the model
  // A model word seen at least this often is valid for the repair (seen less often: valid only
  // when the analyzer knows it). Stricter than SpellOptions::min_count: a word seen once in the
  // model's corpus is more likely a convention spelling than a word in its own right.
  long valid_min_count = 2;
  // Noisy-channel weight of the error cost when ranking fixes (SpellOptions::error_weight is the
  // spell checker's; the repair chooses among convention edits only and keeps frequency weightier).
  double error_weight = 8.0;
  bool joins = true;            // join two tokens when together they make a frequent valid word
  bool convention_only = true;  // only the edits of spelling conventions (no ordinary typos)
  // An invalid word with no fix in the frequency model is rewritten into the one word the analyzer
  // knows one convention edit away (an inflected form the model has not seen: پیکەنینەکەی ->
  // پێکەنینەکەی); left alone when two such words tie.
  bool known_forms = true;
  // A valid but rare word is rewritten into a word one convention edit away (cost <= 0.5) that is
  // this many times as frequent. 0 = never rewrite valid words.
  double rare_ratio = 30;
  // An invalid word with no convention fix is split in two when its first part is a word seen at
  // least split_first_count times (ئەو, بەو, جا ...) and the rest a valid word (ئەوکفتەی -> ئەو کفتەی).
  long split_first_count = 100;
  // A word the checker accepts as typed (seen once, not dominated) is not split, unless its first
  // part is a word seen at least split_apart_count times: the prepositions and conjunctions
  // (لە بە بۆ کە) that standard spelling writes apart (کەهەمیشە -> کە هەمیشە, زۆربە stays).
  long split_apart_count = 10000;
  // An invalid word starting with a bare ا is read with the seat Sorani writes (ئە, then ئا) when
  // that reading is valid or has a convention fix (اخوی -> ئەخۆی).
  bool initial_alef = true;
};

// Lexicon-driven respelling of normalized text: a word that is not valid Sorani but is a few
// convention edits away from a valid, frequent word is rewritten (`دستان خوش بیت` -> `دەستان خۆش
// بێت`); two tokens that together form a frequent valid word are joined. Immutable, thread-safe.
class Repairer {
 public:
  explicit Repairer(const SpellChecker& checker, const RepairOptions& options = {});
  // Appends the repaired `line` to `out`; `map` (optional) receives output->input byte offsets.
  void repair(std::string_view line, std::string& out, OffsetMap* map = nullptr) const;
  std::string repair(std::string_view line) const;

 private:
  const SpellChecker* checker_;
  RepairOptions options_;
};

}  // namespace kurdi
