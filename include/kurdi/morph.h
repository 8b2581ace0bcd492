// kurdi::Analyzer: morphological analysis, lemmatization, search stemming and generation for
// Central Kurdish (Sorani).
//
// A finite-state style affix grammar over hand-written tables (data/morph/*.tsv, compiled into the
// library): a lexicon of nominal/closed-class lemmas and of verbs (past and present stems,
// transitivity, preverbs, light-verb compounds), suffix and prefix tables per slot, and a hash over
// stems. Every analysis carries a lemma, a part of speech, UniMorph features (the conventions of
// UniMorph-ckb: N;DEF;PL;LGSPEC1 ...), the segmentation into morphs with byte spans, and a score;
// analyses are ranked best first. Words whose stem is not in the lexicon get analyses from a
// guesser (Analysis::guessed = true).
//
//   kurdi::Analyzer a;                                   // default options
//   a.lemma("کتێبەکانیان");        // -> "کتێب"
//   a.lemma("نەکراوەتەوە");        // -> "کردن"
//   a.stem("کتێبەکانیان");         // -> "کتێب"   (search stem: conflates the inflections of a lemma)
//   a.inflect("کتێب", "N;DEF;PL"); // -> {"کتێبەکان"}
//   a.known("کتێبەکان");           // -> true
//
// The analyzer is immutable after construction and safe to share between threads. It never throws
// and never fails on input: invalid UTF-8 becomes U+FFFD (kurdi::utf8::decode), and a word that
// cannot be analysed at all gets one guessed analysis whose lemma is the word itself.
//
// Input words are normalized with kurdi::Normalizer (standard profile) before analysis unless
// MorphOptions::normalize is false; byte spans in Morph always refer to the word as passed in.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/tokenize.h"

namespace kurdi {

// Every option of the analyzer, with its default.
struct MorphOptions {
  bool normalize = true;       // run kurdi::Normalizer (standard profile) on each word first
  bool guess = true;           // analyse unknown stems with the guesser (Analysis::guessed = true)
  bool colloquial = true;      // accept ئە- for دە-, optional 3sg -ت, single و/ی spellings, dropped marks (مندال)
  size_t max_analyses = 16;    // analyze() returns at most this many (best first); 0 = all
  size_t max_word_bytes = 256; // longer words get a single identity analysis (guessed)
};

// One morph of a segmentation: its surface form, a tag and its byte span in the word as passed in.
struct Morph {
  std::string form;   // surface form, e.g. "ەکان"
  std::string tag;    // "STEM", "DEF.PL", "PSS3P", "NEG", "PROG", "SBJV", "PREVERB", "LGSPEC4(DA)" ...
  size_t start = 0;   // byte offsets into the word given to analyze() (end exclusive)
  size_t end = 0;
};

struct Analysis {
  std::string lemma;      // dictionary form: bare singular for nominals, the infinitive for verbs
  std::string pos;        // UniMorph POS: N, ADJ, ADV, PROPN, V, V.MSDR, V.PTCP, PRO, ADP, NUM, CONJ, PART, DET, INTJ
  std::string features;   // full UniMorph feature string starting with the POS, e.g. "N;DEF;PL;PSS3P"
  std::vector<Morph> morphs;  // segmentation, in order, covering the (normalized) word
  bool guessed = false;   // true when the stem is not in the lexicon
  bool induced = false;   // the stem is known only from the induced-stem table (data/morph/induced_stems.tsv,
                          // mined from raw text: weaker evidence than the hand-written lexicon)
  double score = 0.0;     // higher is better; analyses are sorted by descending score
};

class Analyzer {
 public:
  Analyzer();  // default options
  explicit Analyzer(const MorphOptions& options);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  const MorphOptions& options() const;

  // Every analysis of one word, best first (never empty for a non-empty word).
  std::vector<Analysis> analyze(std::string_view word) const;
  // Lemma of the best analysis ("" for an empty word).
  std::string lemma(std::string_view word) const;
  // Ranked distinct lemmas (best first), at most `n`.
  std::vector<std::string> lemmas(std::string_view word, size_t n = 4) const;
  // Search stem: one string per lemma, so that all inflections of a lemma conflate and nothing else.
  std::string stem(std::string_view word) const;
  // Surface forms of `lemma` with the UniMorph features `tags` ("N;DEF;PL", "V;PST;IND;ARGNO1S").
  // The POS may be omitted when the lexicon knows the lemma. Empty when nothing can be generated.
  std::vector<std::string> inflect(std::string_view lemma, std::string_view tags) const;
  // True when the word has at least one analysis that is not guessed (the same verdict as analyze()).
  // Fast: the search builds no analysis, skips the guesser and stops at the first lexicon analysis;
  // no allocation when the word is already normalized and short.
  bool known(std::string_view word) const;

  // The word forms of the lexicon, for candidate generation (the spell checker indexes them, so
  // that a lexicon word no corpus has shown can still be suggested): every nominal stem of the
  // compiled tables (hand-written lemmas of all POS, irregular and fused forms, induced stems, verbal
  // nouns and participles) and, with `inflected`, a bounded set of common forms made by inflect():
  // nouns and induced stems definite (-ەکە), definite plural (-ەکان), plural (-ان), indefinite
  // (-ێک), ezafe (-ی) and definite/indefinite + ezafe (-ەکەی، -ەکانی، -ێکی); adjectives ezafe,
  // comparative and superlative; names ezafe; verbs present and subjunctive 3sg/3pl, past 3sg,
  // perfect 3sg (-ووە), negative present 3sg and passive past 3sg. Only forms known() accepts; distinct,
  // sorted (bytewise). Computed on each call (~40k forms, tens of milliseconds).
  std::vector<std::string> lexicon_forms(bool inflected = true) const;

  // Bytes of memory held by the compiled lexicon and affix tables and the lookup indexes over them.
  size_t memory_bytes() const;
  // Number of lexicon entries (nominal + closed class + verbs).
  size_t lexicon_size() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// A small per-thread memo in front of an Analyzer for hot loops (tokenizer, search indexing):
// lemma()/stem()/known() results are cached per word. Not thread-safe: one per thread.
class MorphCache {
 public:
  explicit MorphCache(const Analyzer& analyzer, size_t capacity = 1 << 16);
  ~MorphCache();
  MorphCache(MorphCache&&) noexcept;
  MorphCache& operator=(MorphCache&&) noexcept;

  const std::string& lemma(std::string_view word);
  const std::string& stem(std::string_view word);
  bool known(std::string_view word);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The clitic segmenter of tokenize --split-clitics built on the analyzer (Tokenizer takes any
// Segmenter; this one is what `kurdi tokenize`, `kurdi serve` and the Python module use). A word
// the analyzer knows is cut at the boundaries of its best nominal analysis (determiners, plural,
// possessive clitics, ezafe, postpositions, attached prepositions; verb forms stay whole, as in the
// KurdishTokenization convention); mode "auto" (default) lets the rule tables (RuleSegmenter) decide
// where they cut and uses the analyzer where they leave a word whole, "morph" uses the analyzer
// alone, "rules" the rules alone; any other mode throws std::invalid_argument (valid_mode says
// beforehand). Immutable and thread-safe once built.
class AnalyzerSegmenter final : public Segmenter {
 public:
  explicit AnalyzerSegmenter(std::string_view mode = "auto");
  static bool valid_mode(std::string_view mode);
  ~AnalyzerSegmenter() override;
  AnalyzerSegmenter(const AnalyzerSegmenter&) = delete;
  AnalyzerSegmenter& operator=(const AnalyzerSegmenter&) = delete;
  void segment(std::string_view word, std::vector<uint32_t>& cuts) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
