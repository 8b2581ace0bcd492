// Tests of the search stage: stop words, the Lucene-style baseline, the analyzer, the index life
// cycle (index -> search -> delete -> search), replacement by id, phrase / exact / Latin-script
// queries, spelling suggestions, shards, a remote shard served by xapian-tcpsrv, concurrent readers
// with one writer, and clear errors for missing or corrupted databases.
#ifndef KURDI_HAVE_SEARCH
#include <gtest/gtest.h>
TEST(Search, NotBuilt) { GTEST_SKIP() << "search stage not built (KURDI_XAPIAN=OFF)"; }
#else
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kurdi/search.h"

namespace fs = std::filesystem;
using namespace kurdi;

namespace {

// A fresh temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/kurdi-search-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string sub(const std::string& name) const { return (path / name).string(); }
};

// Hand-written Sorani documents (not from any corpus).
std::vector<SearchDocument> sample_docs() {
  return {
      {"d1", "کۆچبەران", "کۆچبەرانی سووری گەیشتنە ئەڵمانیا و داوای پەنابەرییان کرد.", "2024-01-02", "https://example.org/1"},
      {"d2", "", "کتێبەکانی قوتابخانە لە هەولێر چاپ کران و بە قوتابیان دابەش کران.", "", ""},
      {"d3", "ئابووری", "ئابووری کوردستان پشت بە نەوت دەبەستێت و بازاڕ گرانە.", "", ""},
      {"d4", "", "شاعیرە کوردەکان شیعری نوێیان نووسی و لە ئێوارەیەکدا خوێندیانەوە.", "", ""},
      {"d5", "", "کۆچبەرێک لە سنووری تورکیا گیرا و پۆلیس لێکۆڵینەوەی لەگەڵ کرد.", "", ""},
      {"d6", "", "باران لە سلێمانی زۆر باری و ڕێگاکان داخران.", "", ""},
      {"d7", "", "قوتابییەکان لە زانکۆی سلێمانی تاقیکردنەوەیان کرد.", "", ""},
      {"d8", "", "حكومەتى هەرێمى كوردستان بڕیاری دا مووچەی فەرمانبەران بدات.", "", ""},
  };
}

std::vector<std::string> ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

// The ids of the hits of query q, sorted (a failed search fails the test and gives none).
std::vector<std::string> sorted_hit_ids(const Searcher& searcher, const std::string& q) {
  auto r = searcher.search(q);
  EXPECT_TRUE(r.ok()) << q;
  std::vector<std::string> v = r.ok() ? ids(*r) : std::vector<std::string>{};
  std::sort(v.begin(), v.end());
  return v;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void build(const std::string& dir, const std::vector<SearchDocument>& docs, size_t shards = 0) {
  auto ix = Indexer::open(dir, SearchOptions{}, shards);
  ASSERT_TRUE(ix.ok()) << ix.error().message;
  for (const auto& d : docs) ASSERT_TRUE(ix->add(d).ok());
  ASSERT_TRUE(ix->commit().ok());
}

}  // namespace

TEST(SearchStopwords, Categories) {
  EXPECT_EQ(stopword_category("لە"), kStopPreposition);
  EXPECT_EQ(stopword_category("و"), kStopConjunction);
  EXPECT_EQ(stopword_category("ئێمە"), kStopPronoun);
  EXPECT_EQ(stopword_category("بووە"), kStopAuxiliary);
  EXPECT_EQ(stopword_category("کوردستان"), 0u);
  // Arabic-convention spelling is normalized first: له -> لە
  EXPECT_EQ(stopword_category("له"), kStopPreposition);
  EXPECT_GT(stopwords().size(), 100u);
  auto m = parse_stop_categories("preposition,pronoun");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(*m, unsigned{kStopPreposition | kStopPronoun});
  EXPECT_FALSE(parse_stop_categories("verbs").ok());
  EXPECT_EQ(*parse_stop_categories("all"), unsigned{kStopAll});
}

TEST(SearchLucene, StemmerExamples) {
  // Documented behaviour of Lucene's SoraniStemmer (its own test cases).
  EXPECT_EQ(lucene_sorani_stem("پیاوێک"), "پیاو");
  EXPECT_EQ(lucene_sorani_stem("دەرگایەک"), "دەرگا");
  EXPECT_EQ(lucene_sorani_stem("پیاوەکە"), "پیاو");
  EXPECT_EQ(lucene_sorani_stem("کتاویە"), "کتاوی");
  EXPECT_EQ(lucene_sorani_stem("پیاوانە"), "پیاو");
  EXPECT_EQ(lucene_sorani_stem("هۆتیلێکی"), "هۆتیل");
  EXPECT_EQ(lucene_sorani_stem("دوورەوە"), "دوور");
  EXPECT_EQ(lucene_sorani_stem("نیوەشەودا"), "نیوەشەو");
  EXPECT_EQ(lucene_sorani_stem("سۆرانا"), "سۆران");
  EXPECT_EQ(lucene_sorani_stem("پارەمان"), "پارە");
}

TEST(SearchLucene, Normalizer) {
  EXPECT_EQ(lucene_sorani_normalize("ههه"), "ههە");
  EXPECT_EQ(lucene_sorani_normalize("١٢٣٤"), "1234");
  EXPECT_EQ(lucene_sorani_normalize("كتيب"), "کتیب");
  EXPECT_EQ(lucene_sorani_normalize("رۆژ"), "ڕۆژ");
  EXPECT_EQ(lucene_sorani_normalize("ده\u200Cست"), "دەست");
}

TEST(SearchAnalyzer, TermsStemsAndStopWords) {
  SearchAnalyzer a;
  std::vector<AnalyzedWord> w;
  a.analyze("كتێبەكانی من لە\u200Cسەر مێز", w);
  ASSERT_GE(w.size(), 3u);
  EXPECT_EQ(w[0].term, "کتێبەکانی");  // Arabic kaf folded
  EXPECT_FALSE(w[0].stem.empty());
  EXPECT_EQ(w[0].pos, 1u);
  EXPECT_EQ(w[1].term, "من");
  EXPECT_EQ(w[1].stop, unsigned{kStopPronoun});
  EXPECT_TRUE(w[1].stem.empty());
  EXPECT_EQ(w[2].term, "لەسەر");  // ZWNJ compound is one word, ZWNJ dropped by the search profile
  EXPECT_EQ(w[2].begin, std::string("كتێبەكانی من ").size());
  // inflections of a lemma share the stem
  EXPECT_EQ(a.stem("کتێبەکانیان"), a.stem("کتێب"));
  EXPECT_EQ(a.stem("كتێبەكان"), a.stem("کتێبەکان"));
  // the Xapian stemmer gives the same stems as the index
  Xapian::Stem st = a.xapian_stemmer();
  EXPECT_EQ(st("کتێبەکانیان"), a.stem("کتێبەکانیان"));
  // invalid UTF-8 does not break analysis
  std::vector<AnalyzedWord> bad;
  a.analyze(std::string("ئاو\xff\xfe باران"), bad);
  EXPECT_FALSE(bad.empty());
}

TEST(SearchAnalyzer, StemAlternatives) {
  SearchAnalyzer a;
  std::vector<std::string> alts = a.stem_alternatives("کتێبەکانیان");
  ASSERT_FALSE(alts.empty());
  EXPECT_EQ(alts[0], a.stem("کتێبەکانیان"));  // the stem first
  for (size_t i = 0; i < alts.size(); ++i) {
    EXPECT_FALSE(alts[i].empty());
    for (size_t j = 0; j < i; ++j) EXPECT_NE(alts[i], alts[j]) << "duplicate alternative";
  }
  EXPECT_TRUE(a.stem_alternatives("لە").empty());  // stop word
  EXPECT_LE(a.stem_alternatives("کتێبەکانیان", 1).size(), 3u);  // stem, one lemma, its stem
  SearchOptions lucene;
  lucene.stemmer = SearchStemmer::kLucene;
  EXPECT_EQ(SearchAnalyzer(lucene).stem_alternatives("کتێبەکانیان").size(), 1u);
  SearchOptions none;
  none.stemmer = SearchStemmer::kNone;
  EXPECT_TRUE(SearchAnalyzer(none).stem_alternatives("کتێبەکانیان").empty());
}

TEST(SearchAnalyzer, LatinToArabicKeepsOperators) {
  SearchAnalyzer a;
  std::string s = a.latin_to_arabic("kurdistan AND title:hewlêr");
  EXPECT_NE(s.find(" AND "), std::string::npos);
  EXPECT_NE(s.find("title:"), std::string::npos);
  EXPECT_EQ(s.find("kurdistan"), std::string::npos);
  EXPECT_TRUE(SearchAnalyzer::has_latin("abc"));
  EXPECT_FALSE(SearchAnalyzer::has_latin("کورد"));
}

TEST(SearchIndex, IndexSearchDeleteSearch) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  {
    auto s = Searcher::open({db});
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->doc_count(), sample_docs().size());
    auto r = s->search("کتێب");
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_FALSE(r->hits.empty());
    EXPECT_EQ(r->hits[0].id, "d2");
    // snippet highlights the inflected word of the document
    ASSERT_FALSE(r->hits[0].highlights.empty());
    auto [b, e] = r->hits[0].highlights[0];
    EXPECT_EQ(r->hits[0].snippet.substr(b, e - b), "کتێبەکانی");
  }
  {
    auto ix = Indexer::open(db);
    ASSERT_TRUE(ix.ok());
    ASSERT_TRUE(ix->remove("d2").ok());
    ASSERT_TRUE(ix->commit().ok());
  }
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  auto r = s->search("کتێب");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(contains(ids(*r), "d2"));
  EXPECT_EQ(s->doc_count(), sample_docs().size() - 1);
}

TEST(SearchIndex, ReindexReplacesById) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  {
    auto ix = Indexer::open(db);
    ASSERT_TRUE(ix.ok());
    ASSERT_TRUE(ix->add({"d6", "", "بەفر لە هەولێر بارێ.", "", ""}).ok());
    ASSERT_TRUE(ix->commit().ok());
    EXPECT_EQ(ix->doc_count(), sample_docs().size());
  }
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(contains(ids(*s->search("\"ڕێگاکان داخران\"")), "d6"));
  EXPECT_TRUE(contains(ids(*s->search("بەفر")), "d6"));
}

TEST(SearchIndex, QuerySyntaxAndCrossScript) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  // inflected query forms and an Arabic-kaf spelling find the document
  EXPECT_TRUE(contains(ids(*s->search("كۆچبەرەکان")), "d1"));
  // phrase
  auto p = s->search("\"سنووری تورکیا\"");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(ids(*p), std::vector<std::string>{"d5"});
  // boolean
  auto b = s->search("سلێمانی AND باران");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(ids(*b), std::vector<std::string>{"d6"});
  auto n = s->search("سلێمانی NOT باران");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(ids(*n), std::vector<std::string>{"d7"});
  // exact surface form
  auto e = s->search("exact:کتێبەکانی");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(ids(*e), std::vector<std::string>{"d2"});
  // title field
  EXPECT_EQ(ids(*s->search("title:ئابووری")), std::vector<std::string>{"d3"});
  // Latin-script query finds the Arabic-script document
  auto l = s->search("slêmanî");
  ASSERT_TRUE(l.ok());
  EXPECT_TRUE(contains(ids(*l), "d6"));
  EXPECT_TRUE(contains(ids(*l), "d7"));
  // syntax error is a clear error, not a crash
  auto bad = s->search("\"");
  (void)bad;
  // explain
  SearchRequest req;
  req.query = "کتێبەکان لە هەولێر";
  req.explain = true;
  auto x = s->search(req);
  ASSERT_TRUE(x.ok());
  EXPECT_NE(x->explanation.find("stop word"), std::string::npos);
  EXPECT_NE(x->explanation.find("xapian:"), std::string::npos);
}

TEST(SearchIndex, SpellingSuggestion) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  auto r = s->search("ئەڵمانیاا");  // one letter too many
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->suggestion, "ئەڵمانیا");
  EXPECT_TRUE(r->corrected);
  EXPECT_TRUE(contains(ids(*r), "d1"));
}

// Suggestions come from the index's own terms (no Xapian spelling data is written): a Sorani
// convention confusion (ه for ە, ر for ڕ) costs half an edit, a missing hamza seat or a wrong first
// letter is found, a word the index has is never corrected, and an index built with spelling off
// offers no suggestion.
TEST(SearchIndex, SpellingFromIndexTerms) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  {
    Xapian::Database xdb(db);
    EXPECT_EQ(xdb.spellings_begin(), xdb.spellings_end());
  }
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  auto r = s->search("کوردسدان");  // one substitution
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->suggestion, "کوردستان");
  EXPECT_TRUE(r->corrected);
  auto h = s->search("ابووری");  // no hamza seat
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->suggestion, "ئابووری");
  EXPECT_TRUE(contains(ids(*h), "d3"));
  auto c = s->search("پهنابەرییان");  // ه for ە: half an edit, preferred to any other one-edit word
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->suggestion, "پەنابەرییان");
  auto k = s->search("بازاڕ");  // in the index: no suggestion
  ASSERT_TRUE(k.ok());
  EXPECT_TRUE(k->suggestion.empty());
  std::string db2 = t.sub("db2");
  {
    SearchOptions o;
    o.spelling = false;
    auto ix = Indexer::open(db2, o);
    ASSERT_TRUE(ix.ok());
    for (const auto& d : sample_docs()) ASSERT_TRUE(ix->add(d).ok());
    ASSERT_TRUE(ix->commit().ok());
  }
  auto s2 = Searcher::open({db2});
  ASSERT_TRUE(s2.ok());
  auto n = s2->search("ابووری");
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE(n->suggestion.empty());
}

// A word of the query the index does not know only matches through loose stem alternatives: the
// query is corrected even though its other word has hits.
TEST(SearchIndex, UnknownWordIsCorrectedBesideAKnownOne) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  auto r = s->search("ئەڵمانیاا سلێمانی");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->suggestion, "ئەڵمانیا سلێمانی");
  EXPECT_TRUE(r->corrected);
  EXPECT_TRUE(contains(ids(*r), "d1"));
}

// A lemma query whose only indexed forms are inflections finds them and is not "corrected" to one
// of them: another inflection of the same stem is no suggestion.
TEST(SearchIndex, InflectionIsNotOfferedAsACorrection) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, {
                {"m", "", "کۆچبەرێک لە سنووری تورکیا گیرا و کۆچبەرانی دیکە گەڕانەوە.", "", ""},
                {"o", "", "باران لە سلێمانی زۆر باری و ڕێگاکان داخران.", "", ""},
            });
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  auto r = s->search("کۆچبەر");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->suggestion, "");
  EXPECT_FALSE(r->corrected);
  ASSERT_FALSE(r->hits.empty());
  EXPECT_EQ(r->hits[0].id, "m");
}

// The words as typed are a tie-breaker (SearchOptions::exact_weight), not a rival to the stems: a
// document with both query words in other inflections ranks above documents that have one of them
// in the very form typed.
TEST(SearchIndex, InflectedQueryRanksBothLemmasFirst) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, {
                {"both", "", "قوتابییەک کتێبێکی نوێی کڕی و خوێندیەوە.", "", ""},
                {"book", "", "کتێبەکە لەسەر مێزەکە بوو و کەس نەیخوێندەوە.", "", ""},
                {"pupils", "", "قوتابییەکان لە پۆلدا بوون و مامۆستا هات.", "", ""},
                {"f1", "", "باران لە سلێمانی زۆر باری و ڕێگاکان داخران.", "", ""},
                {"f2", "", "ئابووری کوردستان پشت بە نەوت دەبەستێت.", "", ""},
                {"f3", "", "شاعیرەکان شیعری نوێیان نووسی.", "", ""},
                {"f4", "", "کۆچبەرێک لە سنووری تورکیا گیرا.", "", ""},
            });
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  auto r = s->search("کتێبەکە قوتابییەکان");
  ASSERT_TRUE(r.ok());
  ASSERT_GE(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[0].id, "both");
  // at full weight the forms typed win: the reason for the default
  SearchOptions full;
  full.exact_weight = 1.0;
  auto s1 = Searcher::open({db}, full);
  ASSERT_TRUE(s1.ok());
  auto r1 = s1->search("کتێبەکە قوتابییەکان");
  ASSERT_TRUE(r1.ok());
  ASSERT_FALSE(r1->hits.empty());
  EXPECT_NE(r1->hits[0].id, "both");
}

TEST(SearchIndex, LegacyFontDocumentIsDecoded) {
  TempDir t;
  std::string db = t.sub("db");
  auto ix = Indexer::open(db);
  ASSERT_TRUE(ix.ok());
  // Ali-K typed: ة for ە, ي for ی, ك for ک
  ASSERT_TRUE(ix->add({"old", "", "بةرِيَوةبةرى طشتى خويَندن لة هةوليَر كؤبوونةوةيةكى ساز كرد", "", ""}).ok());
  ASSERT_TRUE(ix->commit().ok());
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(contains(ids(*s->search("بەڕێوەبەر")), "old"));
  EXPECT_TRUE(contains(ids(*s->search("گشتی")), "old"));
}

TEST(SearchIndex, ShardsGiveTheSameResults) {
  TempDir t;
  std::string one = t.sub("one"), sharded = t.sub("sharded");
  build(one, sample_docs());
  build(sharded, sample_docs(), 2);
  ASSERT_TRUE(fs::exists(fs::path(sharded) / "XAPIANDB"));
  auto a = Searcher::open({one});
  auto b = Searcher::open({sharded});
  ASSERT_TRUE(a.ok() && b.ok());
  for (const char* q : {"کتێب", "سلێمانی", "کۆچبەر", "کوردستان OR باران"}) {
    auto ra = a->search(q), rb = b->search(q);
    ASSERT_TRUE(ra.ok() && rb.ok());
    ASSERT_EQ(ra->hits.size(), rb->hits.size()) << q;
    for (size_t i = 0; i < ra->hits.size(); ++i) EXPECT_NEAR(ra->hits[i].weight, rb->hits[i].weight, 1e-9) << q;
  }
  // a wrong shard count on reopening is refused
  EXPECT_FALSE(Indexer::open(sharded, SearchOptions{}, 3).ok());
}

TEST(SearchIndex, RemoteShardViaTcpsrv) {
  const char* bin = "/usr/bin/xapian-tcpsrv";
  if (access(bin, X_OK) != 0) GTEST_SKIP() << "xapian-tcpsrv not installed";
  TempDir t;
  std::vector<SearchDocument> docs = sample_docs(), a, b;
  for (size_t i = 0; i < docs.size(); ++i) (i % 2 ? b : a).push_back(docs[i]);
  std::string one = t.sub("one"), local = t.sub("local"), remote = t.sub("remote");
  build(one, docs);
  build(local, a);
  build(remote, b);
  int port = 20000 + static_cast<int>(getpid() % 20000);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string p = std::to_string(port);
    execl(bin, bin, "--interface", "127.0.0.1", "--port", p.c_str(), "--one-shot", remote.c_str(), (char*)nullptr);
    _exit(127);
  }
  Result<Searcher> s = Error{ErrorCode::kInternal, "not started"};
  for (int i = 0; i < 50 && !s.ok(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    s = Searcher::open({local, "tcp://127.0.0.1:" + std::to_string(port)});
  }
  auto single = Searcher::open({one});
  if (s.ok() && single.ok()) {
    for (const char* q : {"کتێب", "سلێمانی", "کۆچبەر", "کوردستان OR باران", "\"سنووری تورکیا\"", "کوردسدان"}) {
      auto r1 = single->search(q), r2 = s->search(q);
      ASSERT_TRUE(r1.ok()) << r1.error().message;
      ASSERT_TRUE(r2.ok()) << r2.error().message;
      ASSERT_EQ(ids(*r1).size(), ids(*r2).size()) << q;
      // suggestions read the terms of the remote shard too
      EXPECT_EQ(r1->suggestion, r2->suggestion) << q;
      if (std::string(q) == "کوردسدان") {
        EXPECT_EQ(r2->suggestion, "کوردستان");
      }
      for (size_t i = 0; i < r1->hits.size(); ++i) {
        EXPECT_NEAR(r1->hits[i].weight, r2->hits[i].weight, 1e-9) << q;
        EXPECT_EQ(r1->hits[i].snippet, r2->hits[i].snippet) << q;
      }
      std::vector<std::string> i1 = ids(*r1), i2 = ids(*r2);
      std::sort(i1.begin(), i1.end());
      std::sort(i2.begin(), i2.end());
      EXPECT_EQ(i1, i2) << q;
    }
  }
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(s.ok()) << s.error().message;
}

TEST(SearchIndex, ConcurrentReadersWithOneWriter) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  std::atomic<bool> done{false};
  std::atomic<int> searches{0}, failures{0};
  std::vector<std::thread> readers;
  for (int k = 0; k < 3; ++k) {
    readers.emplace_back([&] {
      auto s = Searcher::open({db});
      if (!s.ok()) {
        ++failures;
        ADD_FAILURE() << "open: " << s.error().message;
        return;
      }
      while (!done) {
        auto r = s->search("کوردستان");
        if (!r.ok()) {  // the writer moved on: reopen at the latest revision, as Xapian requires
          auto st = s->reopen();
          if (!st.ok()) {
            ++failures;
            ADD_FAILURE() << "reopen after \"" << r.error().message << "\": " << st.error().message;
          }
          continue;
        }
        if (r->hits.empty()) {  // d3 and d8 are always there
          ++failures;
          ADD_FAILURE() << "no hits; suggestion \"" << r->suggestion << "\" estimated " << r->estimated;
        }
        ++searches;
      }
    });
  }
  {
    auto ix = Indexer::open(db);
    ASSERT_TRUE(ix.ok());
    for (int i = 0; i < 60; ++i) {
      SearchDocument d;
      d.id = "w";
      d.id += std::to_string(i);
      d.text = "هەواڵی نوێی کوردستان ژمارە ";
      d.text += std::to_string(i);
      ASSERT_TRUE(ix->add(d).ok());
      if (i % 5 == 4) {
        ASSERT_TRUE(ix->commit().ok());
      }
    }
  }
  done = true;
  for (auto& th : readers) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(searches.load(), 0);
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->doc_count(), sample_docs().size() + 60);
}

// exact:WORD matches the documents with a word whose exact (standard-normalized) form is WORD. The
// index gives an XE term only to words whose exact form differs from their plain term (Arabic-Indic
// digits, ZWNJ), and marks a plain term all of whose occurrences are such words (XN).
TEST(SearchIndex, ExactFilterWithFewerExactTerms) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, {
                {"a", "", "لە ساڵی ١٨٤٨ شۆڕش لە ئەورووپا دەستی پێکرد.", "", ""},
                {"b", "", "لە ساڵی 1848 شۆڕش لە ئەورووپا دەستی پێکرد.", "", ""},
                {"c", "", "ساڵی ١٨٤٨ هەمان ساڵی 1848 ـە.", "", ""},
                {"d", "", "ئیش‌وکاری ڕۆژانە.", "", ""},
                {"e", "", "ئیشوکاری ڕۆژانە.", "", ""},
                {"f", "1848", "ناونیشان", "", ""},
            });
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto sorted_ids = [&](const std::string& q) { return sorted_hit_ids(*s, q); };
  EXPECT_EQ(sorted_ids("1848"), (std::vector<std::string>{"a", "b", "c", "f"}));
  EXPECT_EQ(sorted_ids("exact:1848"), (std::vector<std::string>{"b", "c", "f"}));
  EXPECT_EQ(sorted_ids("exact:١٨٤٨"), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(sorted_ids("exact:ئیشوکاری"), (std::vector<std::string>{"e"}));
  EXPECT_EQ(sorted_ids("exact:ئیش‌وکاری"), (std::vector<std::string>{"d"}));
  EXPECT_EQ(sorted_ids("ڕۆژانە exact:ئیشوکاری"), (std::vector<std::string>{"e"}));
}

// A bare form (کتێب, مێز: a word that is its own stem) is found by an inflected query, through the
// query built here, through Xapian's QueryParser (boolean operators, title:) and in snippets.
TEST(SearchIndex, BareFormsAreFoundByInflectedQueries) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, {
                {"x", "", "کتێب لەسەر مێز بوو.", "", ""},
                {"y", "کتێب", "ئەمڕۆ باران باری.", "", ""},
                {"z", "", "کتێبەکانی قوتابخانە گەیشتن.", "", ""},
            });
  auto s = Searcher::open({db});
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto sorted_ids = [&](const std::string& q) { return sorted_hit_ids(*s, q); };
  EXPECT_EQ(sorted_ids("کتێبەکان"), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(sorted_ids("کتێبەکان AND مێزەکە"), (std::vector<std::string>{"x"}));
  EXPECT_EQ(sorted_ids("کتێبەکان OR بارانەکە"), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(sorted_ids("title:کتێبەکە"), (std::vector<std::string>{"y"}));
  auto r = s->search("کتێبەکان مێزەکە");
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->hits.empty());
  EXPECT_EQ(r->hits[0].id, "x");
  EXPECT_EQ(r->hits[0].highlights.size(), 2u);  // کتێب and مێز
  EXPECT_TRUE(r->suggestion.empty());
}

// An index written in another format (kurdi.version) is refused by the indexer and the searcher.
TEST(SearchErrors, OlderIndexFormatIsRefused) {
  TempDir t;
  std::string db = t.sub("db");
  build(db, sample_docs());
  {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    w.set_metadata("kurdi.version", "1");
    w.commit();
  }
  auto s = Searcher::open({db});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(s.error().message.find("re-index"), std::string::npos) << s.error().message;
  auto ix = Indexer::open(db);
  ASSERT_FALSE(ix.ok());
  EXPECT_EQ(ix.error().code, ErrorCode::kUnsupported);
}

TEST(SearchErrors, MissingAndCorruptDatabases) {
  TempDir t;
  auto missing = Searcher::open({t.sub("nothing-here")});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("nothing-here"), std::string::npos);
  fs::create_directories(t.sub("empty"));
  auto empty = Searcher::open({t.sub("empty")});
  ASSERT_FALSE(empty.ok());
  // a corrupted database: every table file overwritten with garbage
  std::string db = t.sub("db");
  build(db, sample_docs());
  for (const auto& f : fs::directory_iterator(db)) {
    if (f.path().extension() != ".glass" && f.path().filename() != "iamglass") continue;
    std::ofstream out(f.path(), std::ios::binary | std::ios::trunc);
    out << std::string(4096, '\x5a');
  }
  auto s = Searcher::open({db});
  if (s.ok()) {
    auto r = s->search("کتێب");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kCorrupt) << r.error().message;
  } else {
    EXPECT_EQ(s.error().code, ErrorCode::kCorrupt) << s.error().message;
  }
  // writing into a directory that holds something else is refused
  fs::create_directories(t.sub("other"));
  std::ofstream(t.sub("other") + "/notes.txt") << "x";
  auto ix = Indexer::open(t.sub("other"));
  ASSERT_FALSE(ix.ok());
  EXPECT_EQ(ix.error().code, ErrorCode::kCorrupt);
}
#endif
