// libFuzzer harness for the search stage's public entry points: SearchAnalyzer::analyze / term /
// stem / latin_to_arabic, SoraniStemmer, the Lucene-style baseline, stopword_category, and
// Searcher::search (Xapian query syntax included) over a small index built on the first call.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/search.h"

namespace {

const kurdi::Searcher* searcher() {
  static kurdi::Searcher* s = [] {
    char tmpl[] = "/tmp/kurdi-search-fuzz-XXXXXX";
    std::string dir = std::string(mkdtemp(tmpl)) + "/db";
    auto ix = kurdi::Indexer::open(dir);
    if (!ix.ok()) std::abort();
    (void)ix->add({"a", "کتێب", "کتێبەکانی قوتابخانە لە هەولێر چاپ کران", "", ""});
    (void)ix->add({"b", "", "باران لە سلێمانی زۆر باری و ڕێگاکان داخران", "", ""});
    (void)ix->add({"c", "", "Kurdistan û êran", "", ""});
    (void)ix->commit();
    auto r = kurdi::Searcher::open({dir});
    if (!r.ok()) std::abort();
    return new kurdi::Searcher(std::move(r.value()));
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  static const kurdi::SearchAnalyzer analyzer;
  std::vector<kurdi::AnalyzedWord> words;
  analyzer.analyze(in, words);
  for (const auto& w : words) {
    if (w.end < w.begin || w.end > in.size()) std::abort();
  }
  (void)analyzer.term(in.substr(0, 64));
  (void)analyzer.stem(in.substr(0, 64));
  (void)analyzer.latin_to_arabic(in);
  kurdi::SoraniStemmer st;
  (void)st(std::string(in.substr(0, 64)));
  std::string n = kurdi::lucene_sorani_normalize(in);
  (void)kurdi::lucene_sorani_stem(n);
  (void)kurdi::stopword_category(in);
  if (size < 512) (void)searcher()->search(in, 5);
  return 0;
}
