// Word-level analysis shared by the analyzer, the indexer and the searcher.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "kurdi/decode.h"
#include "kurdi/detect.h"
#include "kurdi/morph.h"
#include "kurdi/normalize.h"
#include "kurdi/search.h"
#include "kurdi/tokenize.h"
#include "kurdi/translit.h"

namespace kurdi::search_internal {

inline constexpr size_t kMaxTermBytes = 120;  // Xapian's limit is 245 bytes per term

// Immutable objects shared by every analyzer (built once).
struct Shared {
  Shared();
  Normalizer search_norm;
  Normalizer standard_norm;
  Tokenizer tokenizer;
  Analyzer morph;
  Transliterator translit;
  LegacyDecoder decoder;
  Detector detector;
};
const Shared& shared();

struct WordEntry {
  std::string term;   // plain term
  std::string stem;   // without "Z"; empty for stop words / kNone
  std::string exact;  // without "XE"
  unsigned stop = 0;
  bool exact_differs = false;  // exact != term (0.4% of the words of a Sorani text)
  bool arabic = false;
};

std::string lower(std::string s);
std::string stem_of_term(SearchStemmer kind, const std::string& term);
WordEntry make_entry(const SearchOptions& o, std::string_view raw);
// Per-thread memo of make_entry for one analyzer.
const WordEntry& cached_entry(const SearchAnalyzer& a, std::string_view raw);

using WordFn = std::function<void(const WordEntry&, uint32_t begin, uint32_t end)>;
void for_each_word(const SearchAnalyzer& a, std::string_view text, const WordFn& fn);

}  // namespace kurdi::search_internal
