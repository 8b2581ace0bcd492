// kurdi search: Kurdish-aware full-text indexing and retrieval on Xapian 1.4.
//
// Xapian does the index, the ranking (BM25), the query parser and the scale-out; this stage decides
// what the terms are. Xapian's TermGenerator splits words its own way and drops ZWNJ, so documents
// are analysed with the project's own pipeline and the terms are added with Document::add_posting:
//
//   legacy font?  -> kurdi::LegacyDecoder        (documents typed for Ali-K, Dylan ... fonts)
//   Latin script? -> kurdi::Transliterator       (the Arabic-script reading is indexed as well)
//   tokens        -> kurdi::Tokenizer            (byte spans, ZWNJ compounds kept whole)
//   each word     -> kurdi::Normalizer (search profile), lower case
//     plain term  "کتێبەکانیان"    with positions: phrase queries, exact matches
//     stem term   "Zکتێب"           kurdi::Analyzer::stem(), Xapian's Z convention (QueryParser STEM_SOME)
//     exact term  "XEکتێبەکانیان"   standard-profile surface form, boolean (query prefix exact:)
//   stop words (data/stopwords/sorani.tsv, by category) get a plain term only, never a stem
//
// Queries go through Xapian::QueryParser (boolean operators, "phrases", +/-, prefixes title: exact:)
// after search-profile normalization, with SoraniStemmer as its stemmer and the stop list as its
// stopper. A query in Latin script also searches its Arabic-script transliteration; a query with few
// hits gets a spelling suggestion from the index's own terms (no spelling data is written).
//
//   kurdi::SearchOptions o;
//   auto ix = kurdi::Indexer::open("/tmp/db", o);           // Result<Indexer>
//   ix->add({.id = "1", .title = "", .text = "کۆچبەرانی سووری گەیشتنە ئەڵمانیا"});
//   ix->commit();
//   auto s = kurdi::Searcher::open({"/tmp/db"}, o);
//   auto r = s->search("کۆچبەر");                             // finds document 1
//   auto l = s->search("koçber");                             // Latin script: finds it too
//
// Analyzers are immutable after construction and safe to share between threads. A Searcher may be
// shared too (its searches are serialized by a mutex, as Xapian::Database is not thread-safe: open one
// Searcher per thread for parallel queries). An Indexer is used by one thread at a time.
// Analysis never throws and never fails on input (invalid UTF-8 becomes U+FFFD); database errors
// come back as kurdi::Error (kNotFound for a missing database, kCorrupt for a damaged one).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/result.h"

namespace kurdi {

// ---------------------------------------------------------------- stop words
enum StopCategory : unsigned {
  kStopPreposition = 1,
  kStopConjunction = 2,
  kStopPronoun = 4,
  kStopAuxiliary = 8,
  kStopParticle = 16,
  kStopAll = 31,
};
// "preposition", "conjunction", "pronoun", "auxiliary", "particle".
const char* to_string(StopCategory c);
// Parses "all", "none" or a comma-separated list of category names into a mask.
Result<unsigned> parse_stop_categories(std::string_view list);
// Category bit of `word` (any spelling: it is search-normalized first) in data/stopwords/sorani.tsv,
// 0 when it is not a stop word.
unsigned stopword_category(std::string_view word);
struct StopWord {
  std::string word;     // search-normalized form
  StopCategory category;
  std::string why;
};
const std::vector<StopWord>& stopwords();

// ---------------------------------------------------------------- options
enum class SearchStemmer {
  kMorph,   // default: kurdi::Analyzer::stem() (all inflections of a lemma conflate)
  kLucene,  // a reimplementation of Lucene's SoraniNormalizer + SoraniStemmer (the baseline)
  kNone,    // no stem terms (exact words only)
};
const char* to_string(SearchStemmer s);            // "morph", "lucene", "none"
Result<SearchStemmer> parse_search_stemmer(std::string_view name);

// Every option of the search stage, with its default. Index and search must agree on `stemmer`,
// `stop_categories` and `exact_terms` (the Indexer records them in the database metadata, and the
// Searcher reads them back when SearchOptions::from_database is true).
struct SearchOptions {
  SearchStemmer stemmer = SearchStemmer::kMorph;
  unsigned stop_categories = kStopAll;  // stop words: plain term only at index, dropped from queries outside phrases
  bool exact_terms = true;      // index the standard-normalized surface form under prefix "XE" (query: exact:WORD)
  bool cross_script = true;     // Latin-script documents and queries also get their Arabic transliteration
  bool decode_legacy = true;    // detect legacy-font documents (Ali-K, Dylan ...) and decode them first
  bool spelling = true;         // "did you mean" from the index's terms (false at index time: recorded,
                                // the index then never offers one)
  bool from_database = true;    // Searcher: take stemmer / stop_categories / exact_terms from the index metadata
  // --- search only ---
  bool boost_exact = true;      // also match the query words unstemmed (the very form typed ranks higher) ...
  double exact_weight = 0.3;    // ... with this share of their BM25 weight: a tie-breaker among documents
                                // with the same stems, not a rival to them (at 1.0 a rare inflected form
                                // typed outranks the documents that have the word in another inflection)
  size_t spelling_min_hits = 2; // suggest a correction when a query has fewer hits than this
  bool auto_correct = true;     // a query with no hits and a suggestion: search the suggestion instead
  size_t snippet_bytes = 200;   // target length of a snippet (bytes of the original text)
};

// ---------------------------------------------------------------- analysis
// One word of a text as the index sees it.
struct AnalyzedWord {
  uint32_t begin = 0, end = 0;  // byte span in the analysed text
  uint32_t pos = 0;             // term position (1-based, Xapian convention)
  std::string term;             // plain term: search-normalized, lower case
  std::string stem;             // stem (without the Z prefix); empty for stop words and kNone
  std::string exact;            // standard-normalized surface form (without the XE prefix)
  unsigned stop = 0;            // stop-word category bit, 0 for content words
};

class SearchAnalyzer {
 public:
  SearchAnalyzer();
  explicit SearchAnalyzer(const SearchOptions& options);
  ~SearchAnalyzer();
  SearchAnalyzer(SearchAnalyzer&&) noexcept;
  SearchAnalyzer& operator=(SearchAnalyzer&&) noexcept;

  const SearchOptions& options() const;
  // The words of `text` (legacy decoding and transliteration are not applied here: see Indexer).
  // Positions continue from `first_pos`.
  void analyze(std::string_view text, std::vector<AnalyzedWord>& out, uint32_t first_pos = 1) const;
  // Plain term of one word (search normalization + lower case).
  std::string term(std::string_view word) const;
  // Stem of one word (without prefix); "" under kNone.
  std::string stem(std::string_view word) const;
  // The stems (without prefix) a query word is searched under, best first: under kMorph its stem,
  // the stems of its ranked lemmas (the analyzer's alternatives, at most `max_lemmas`) and those
  // lemmas themselves, so that a word the analyzer reads differently in a document (another
  // inflection, another segmentation) still meets it; under kLucene its one stem; empty under kNone
  // and for stop words. The query gives them one weight (Xapian OP_SYNONYM).
  std::vector<std::string> stem_alternatives(std::string_view word, size_t max_lemmas = 3) const;
  // Arabic-script reading of a Latin-script text (only runs of Latin letters change; Xapian query
  // operators AND OR NOT XOR NEAR ADJ and field prefixes "title:" are kept).
  std::string latin_to_arabic(std::string_view text) const;
  // True when `text` has at least one Latin letter.
  static bool has_latin(std::string_view text);

  // Xapian objects wired to this analyzer (they share its tables; keep the analyzer alive).
  Xapian::Stem xapian_stemmer() const;       // SoraniStemmer (or Lucene / none per options)
  Xapian::Stopper* new_stopper() const;      // caller owns; stop words of options().stop_categories

  struct Impl;
  const Impl* impl_for_internal() const;     // for the stage's own files

 private:
  std::unique_ptr<Impl> impl_;
};

// A Sorani stemmer usable wherever Xapian takes a stemmer: Xapian::Stem(new SoraniStemmer()).
// operator() search-normalizes the word and returns the morphological analyzer's stem (or the
// Lucene-style stem with SearchStemmer::kLucene). Cheap to construct (tables are shared).
class SoraniStemmer final : public Xapian::StemImplementation {
 public:
  explicit SoraniStemmer(SearchStemmer kind = SearchStemmer::kMorph);
  ~SoraniStemmer() override;
  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Lucene's Sorani analysis (org.apache.lucene.analysis.ckb), reimplemented for the baseline.
std::string lucene_sorani_normalize(std::string_view token);
std::string lucene_sorani_stem(std::string_view normalized_token);

// ---------------------------------------------------------------- index
struct SearchDocument {
  std::string id;     // unique; re-adding an id replaces the document
  std::string title;
  std::string text;
  std::string date;   // optional, stored (value slot 1, sortable as text)
  std::string url;    // optional, stored
};

struct IndexStats {
  size_t documents = 0;       // added or replaced
  size_t bytes = 0;           // text bytes analysed
  size_t legacy_decoded = 0;  // documents decoded from a legacy font
  size_t transliterated = 0;  // Latin-script documents also indexed in Arabic script
};

class Indexer {
 public:
  // Opens (creating if needed) the database at `dir`. `shards` > 1 creates a sharded database
  // (dir/shard0 ... and a stub file dir/XAPIANDB that Xapian opens as one database); 0 means "as
  // it is" (1 for a new database). A shard count different from an existing one is kBadOption.
  static Result<Indexer> open(const std::string& dir, const SearchOptions& options = {}, size_t shards = 0);
  ~Indexer();
  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;

  Status add(const SearchDocument& doc);      // add or replace (by id)
  Status remove(std::string_view id);         // no error when the id is absent
  Status commit();                            // make changes visible to readers
  size_t shards() const;
  size_t doc_count() const;
  const IndexStats& stats() const;
  // The Xapian document that add() would store (for tests and tools).
  Xapian::Document make_document(const SearchDocument& doc);

  struct Impl;

 private:
  explicit Indexer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- search
struct SearchHit {
  size_t rank = 0;          // 0-based
  double weight = 0;        // BM25 weight
  int percent = 0;
  std::string id, title, date, url;
  std::string snippet;      // a window of the text around the best matches
  std::vector<std::pair<uint32_t, uint32_t>> highlights;  // byte spans of matching words in `snippet`
};

struct SearchRequest {
  std::string query;
  size_t offset = 0;
  size_t limit = 10;
  bool snippets = true;
  bool explain = false;     // fill SearchResults::explanation
};

struct SearchResults {
  std::vector<SearchHit> hits;
  size_t estimated = 0;         // Xapian's estimate of the number of matches
  std::string suggestion;       // "did you mean" (empty when none)
  bool corrected = false;       // the hits are those of `suggestion` (the query had none)
  std::string explanation;      // with SearchRequest::explain: how the query was analysed
};

class Searcher {
 public:
  // `databases`: directories (a sharded directory counts as one), stub files, or "tcp://HOST:PORT"
  // for a database served by xapian-tcpsrv. All are searched as one collection.
  static Result<Searcher> open(const std::vector<std::string>& databases, const SearchOptions& options = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  const SearchOptions& options() const;
  Result<SearchResults> search(const SearchRequest& request) const;
  Result<SearchResults> search(std::string_view query, size_t limit = 10) const;
  // Re-opens the databases at their latest revision (after a writer committed).
  Status reopen();
  size_t doc_count() const;

  struct Impl;

 private:
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
