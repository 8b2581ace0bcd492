// Searcher: query analysis (normalization, cross-script, stems, stop words) on Xapian's QueryParser,
// spelling suggestions, snippets with highlights.
#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>
#include <sstream>

#include "kurdi/search.h"
#include "kurdi/text.h"
#include "search/analysis.h"
#include "search/internal.h"

namespace kurdi {

using namespace search_internal;

namespace {

int utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }


bool has_arabic(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    if (chars::is_arabic_letter(utf8::decode(s, i, len))) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}

// Damerau-Levenshtein distance (adjacent transpositions count 1), or limit + 1 when it is above
// `limit`.
unsigned bounded_distance(const std::u32string& a, const std::u32string& b, unsigned limit) {
  size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  thread_local std::vector<unsigned> prev2, prev, cur;
  prev2.assign(m + 1, 0);
  prev.resize(m + 1);
  cur.resize(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<unsigned>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<unsigned>(i);
    unsigned row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
      unsigned v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// Sorani letters typed for one another (another convention, a missing diacritic): half an edit.
bool confusable(char32_t a, char32_t b) {
  static constexpr std::pair<char32_t, char32_t> kPairs[] = {
      {0x06D5, 0x0647}, {0x06CE, 0x06CC}, {0x06C6, 0x0648}, {0x0695, 0x0631}, {0x06B5, 0x0644}, {0x0626, 0x0627}};
  for (const auto& [x, y] : kPairs)
    if ((a == x && b == y) || (a == y && b == x)) return true;
  return false;
}

// Damerau-Levenshtein distance with confusable substitutions at 0.5.
double weighted_distance(const std::u32string& a, const std::u32string& b) {
  size_t n = a.size(), m = b.size();
  std::vector<double> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> double& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<double>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<double>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      double sub = a[i - 1] == b[j - 1] ? 0 : confusable(a[i - 1], b[j - 1]) ? 0.5 : 1;
      double v = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, at(i - 2, j - 2) + 1);
      at(i, j) = v;
    }
  return at(n, m);
}

// exact:WORD. Format 2 indexes XE+WORD only where a word's exact form differs from its plain term;
// elsewhere the plain term stands for it, unless the document has it only from other exact forms
// (marked XN+WORD by the indexer).
class ExactField final : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& word) override {
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("XE" + word),
                         Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(word), Xapian::Query("XN" + word)));
  }
};

}  // namespace

struct Searcher::Impl {
  std::vector<std::string> specs;
  SearchOptions options;
  std::unique_ptr<SearchAnalyzer> analyzer;
  Xapian::Database db;
  std::unique_ptr<Xapian::Stopper> stopper;
  mutable ExactField exact_field;  // not reference counted: owned here, outlives the QueryParsers
  mutable std::mutex mu;

  // Search-profile (or Lucene) normalization of a query, chunk by chunk (white space kept), so a word
  // is normalized exactly as it was at index time. "exact:WORD" keeps the standard profile.
  std::string normalize_query(std::string_view q) const {
    const Shared& sh = shared();
    std::string out;
    size_t i = 0;
    while (i < q.size()) {
      size_t j = i;
      while (j < q.size() && q[j] != ' ' && q[j] != '\t' && q[j] != '\n') ++j;
      std::string_view chunk = q.substr(i, j - i);
      if (chunk.rfind("exact:", 0) == 0) {
        out += "exact:";
        out += lower(sh.standard_norm.normalize(chunk.substr(6)));
      } else if (options.stemmer == SearchStemmer::kLucene) {
        // per run of Arabic-script letters, as Lucene normalizes each token
        size_t k = 0;
        while (k < chunk.size()) {
          int len = 1;
          char32_t c = utf8::decode(chunk, k, len);
          if (!chars::is_arabic_letter(c) && c != 0x200C && !chars::is_arabic_mark(c) && c != 0x0640) {
            out.append(chunk.substr(k, static_cast<size_t>(len)));
            k += static_cast<size_t>(len);
            continue;
          }
          size_t s = k;
          while (k < chunk.size()) {
            int l = 1;
            char32_t d = utf8::decode(chunk, k, l);
            if (!chars::is_arabic_letter(d) && d != 0x200C && !chars::is_arabic_mark(d) && d != 0x0640) break;
            k += static_cast<size_t>(l);
          }
          out += lucene_sorani_normalize(chunk.substr(s, k - s));
        }
      } else {
        out += sh.search_norm.normalize(chunk);
      }
      if (j < q.size()) out += q[j];
      i = j + 1;
    }
    return out;
  }

  void setup(Xapian::QueryParser& qp) const {
    qp.set_database(db);
    qp.set_stemmer(analyzer->xapian_stemmer());
    qp.set_stemming_strategy(options.stemmer == SearchStemmer::kNone ? Xapian::QueryParser::STEM_NONE
                                                                      : Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(stopper.get());
    qp.add_prefix("title", "S");
    qp.add_boolean_prefix("exact", &exact_field);
    qp.add_boolean_prefix("id", "Q");
  }

  static constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;

  // True when a (normalized) query is only words: no quotes, prefixes, brackets, wildcards, +/-
  // or boolean operators, so no job for Xapian's QueryParser.
  static bool only_words(std::string_view q) {
    bool word_start = true;
    for (size_t i = 0; i < q.size(); ++i) {
      char c = q[i];
      if (c == '"' || c == ':' || c == '(' || c == ')' || c == '*') return false;
      if (word_start && (c == '+' || c == '-')) return false;
      word_start = c == ' ' || c == '\t' || c == '\n';
    }
    size_t i = 0;
    while (i < q.size()) {
      size_t j = q.find_first_of(" \t\n", i);
      if (j == std::string_view::npos) j = q.size();
      std::string_view w = q.substr(i, j - i);
      if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ") return false;
      i = j + 1;
    }
    return true;
  }

  // The plain terms of a query, scaled to options.exact_weight of their weight.
  Xapian::Query exact_part(Xapian::Query plain) const {
    if (options.exact_weight == 1.0) return plain;
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, plain, options.exact_weight);
  }

  // A query of words: each content word is one OP_SYNONYM of its stem alternatives (the stems a
  // document may hold for it), the words are OR-ed (BM25 ranks documents with more of them first),
  // and the words as typed are OR-ed in at exact_weight. Stop words count only when the query has
  // nothing else.
  Xapian::Query words_query(const std::string& norm) const {
    std::vector<Xapian::Query> stems, plain, stops;
    std::vector<std::string> seen;
    Xapian::termpos pos = 0;
    for_each_word(*analyzer, norm, [&](const WordEntry& e, uint32_t, uint32_t) {
      ++pos;
      if (e.stop) {
        stops.emplace_back(e.term, 1, pos);
        return;
      }
      plain.emplace_back(e.term, 1, pos);
      if (e.stem.empty()) return;
      std::vector<std::string> alts = analyzer->stem_alternatives(e.term);
      std::vector<Xapian::Query> syn;
      for (const std::string& a : alts) syn.emplace_back("Z" + a, 1, pos);
      stems.emplace_back(Xapian::Query::OP_SYNONYM, syn.begin(), syn.end());
    });
    if (plain.empty()) return Xapian::Query(Xapian::Query::OP_OR, stops.begin(), stops.end());
    Xapian::Query words(Xapian::Query::OP_OR, plain.begin(), plain.end());
    if (stems.empty()) return words;
    Xapian::Query q(Xapian::Query::OP_OR, stems.begin(), stems.end());
    if (options.boost_exact) q = Xapian::Query(Xapian::Query::OP_OR, q, exact_part(words));
    return q;
  }

  // The stems of the content words of `text`, in order (plain terms where a word has no stem).
  std::vector<std::string> stems_of(const std::string& text) const {
    std::vector<std::string> out;
    for_each_word(*analyzer, text, [&](const WordEntry& e, uint32_t, uint32_t) {
      if (!e.stop) out.push_back(e.stem.empty() ? e.term : e.stem);
    });
    return out;
  }

  // True when an Arabic-script content word of `norm` is in the index neither as a plain term nor
  // under its stem.
  bool has_unknown_word(const std::string& norm) const {
    bool unknown = false;
    for_each_word(*analyzer, norm, [&](const WordEntry& e, uint32_t, uint32_t) {
      if (unknown || e.stop || !e.arabic) return;
      if (db.get_termfreq(e.term) == 0 && (e.stem.empty() || db.get_termfreq("Z" + e.stem) == 0)) unknown = true;
    });
    return unknown;
  }

  // "Did you mean", from the index's own plain terms (no spelling table): for an Arabic-script word
  // that is not a term of the index, the content term within Damerau-Levenshtein distance 2 of it
  // with the lowest cost (Sorani confusions ە/ه ێ/ی ۆ/و ڕ/ر ڵ/ل ئ/ا cost half an edit), then the
  // highest frequency. Candidates: the terms of its first letter, of its second letter (a first
  // letter too many) and of ئ (a missing hamza seat: "اربیل" for "ئەربیل").
  std::string suggest_word(const std::string& word) const {
    std::u32string w = utf8::to_u32(word);
    if (w.size() < 2 || word.size() < 4 || db.term_exists(word)) return std::string();
    std::vector<std::string> prefixes;
    size_t n0 = static_cast<size_t>(utf8_len(static_cast<unsigned char>(word[0])));
    prefixes.push_back(word.substr(0, n0));
    if (n0 < word.size()) {
      std::string p1 = word.substr(n0, static_cast<size_t>(utf8_len(static_cast<unsigned char>(word[n0]))));
      if (p1 != prefixes[0]) prefixes.push_back(p1);
    }
    const std::string hamza = "\u0626";
    if (std::find(prefixes.begin(), prefixes.end(), hamza) == prefixes.end()) prefixes.push_back(hamza);
    Xapian::termcount freq_best = 0;
    double cost_best = 3;
    std::string result;
    std::u32string t;
    for (const std::string& prefix : prefixes) {
      for (Xapian::TermIterator it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string& term = *it;
        if (term.size() < 4 || term.size() + 8 < word.size() || term.size() > word.size() + 8) continue;
        t = utf8::to_u32(term);
        if (t.size() + 2 < w.size() || t.size() > w.size() + 2) continue;
        if (bounded_distance(w, t, 2) > 2) continue;
        double c = weighted_distance(w, t);
        if (c > cost_best) continue;
        if ((stopword_category_normalized(term) & options.stop_categories) || !has_arabic(term)) continue;
        Xapian::termcount f = db.get_collection_freq(term);
        if (c < cost_best || f > freq_best) {
          result = term;
          cost_best = c;
          freq_best = f;
        }
      }
    }
    return result;
  }

  std::string correct_query(const std::string& norm) const {
    std::string out;
    size_t done = 0;
    bool changed = false;
    for_each_word(*analyzer, norm, [&](const WordEntry& e, uint32_t b, uint32_t en) {
      if (e.stop || !e.arabic) return;
      std::string s = suggest_word(e.term);
      if (s.empty()) return;
      out.append(norm, done, b - done);
      out += s;
      done = en;
      changed = true;
    });
    if (!changed) return std::string();
    out.append(norm, done, std::string::npos);
    return out;
  }

  // One normalized query (without the cross-script part). With `corrected`, its spelling
  // correction as well (correct_query).
  Xapian::Query parse_one(const std::string& norm, std::string* corrected) const {
    if (corrected) *corrected = correct_query(norm);
    if (only_words(norm)) return words_query(norm);
    Xapian::QueryParser qp;
    setup(qp);
    Xapian::Query query = qp.parse_query(norm, kFlags);
    if (options.boost_exact && options.stemmer != SearchStemmer::kNone) {
      // The words as typed (unstemmed plain terms) too: a document with the very form ranks higher.
      Xapian::QueryParser qp_plain;
      setup(qp_plain);
      qp_plain.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
      query = Xapian::Query(Xapian::Query::OP_OR, query, exact_part(qp_plain.parse_query(norm, kFlags)));
    }
    return query;
  }

  Xapian::Query parse(const std::string& q, std::string* corrected, std::string* norm_out,
                      std::string* translit_out) const {
    std::string norm = normalize_query(q);
    if (norm_out) *norm_out = norm;
    Xapian::Query query = parse_one(norm, corrected);
    if (options.cross_script && SearchAnalyzer::has_latin(q)) {
      std::string ar = analyzer->latin_to_arabic(q);
      std::string ar_norm = normalize_query(ar);
      if (translit_out) *translit_out = ar_norm;
      if (ar_norm != norm) {
        std::string c2;
        Xapian::Query q2 = parse_one(ar_norm, corrected ? &c2 : nullptr);
        if (corrected && corrected->empty() && !c2.empty()) *corrected = c2;
        query = Xapian::Query(Xapian::Query::OP_OR, query, q2);
      }
    }
    return query;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Result<Searcher> Searcher::open(const std::vector<std::string>& databases, const SearchOptions& options) {
  namespace fs = std::filesystem;
  auto impl = std::make_unique<Impl>();
  impl->specs = databases;
  impl->options = options;
  if (databases.empty()) return Error{ErrorCode::kBadOption, "no database given"};
  for (const std::string& spec : databases) {
    try {
      if (spec.rfind("tcp://", 0) == 0) {
        std::string hp = spec.substr(6);
        size_t colon = hp.rfind(':');
        if (colon == std::string::npos)
          return Error{ErrorCode::kBadOption, spec + ": expected tcp://HOST:PORT"};
        unsigned port = static_cast<unsigned>(std::stoul(hp.substr(colon + 1)));
        impl->db.add_database(Xapian::Remote::open(hp.substr(0, colon), port, 10000, 5000));
      } else {
        std::error_code ec;
        if (!fs::exists(spec, ec)) return Error{ErrorCode::kNotFound, spec + ": no such database (run kurdi index --db " + spec + " first)"};
        if (fs::is_directory(spec, ec) && !fs::exists(fs::path(spec) / "iamglass", ec) &&
            !fs::exists(fs::path(spec) / "XAPIANDB", ec) && !fs::exists(fs::path(spec) / "iamchert", ec))
          return Error{ErrorCode::kNotFound, spec + ": not a Xapian database (no iamglass or XAPIANDB file)"};
        // Opening reads the latest revision; a writer committing meanwhile can discard it: retry.
        for (int attempt = 0;; ++attempt) {
          try {
            impl->db.add_database(Xapian::Database(spec));
            break;
          } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 4) throw;
          }
        }
      }
    } catch (const Xapian::Error& e) {
      return xapian_error(e, spec);
    } catch (const std::exception& e) {
      return Error{ErrorCode::kBadOption, spec + ": " + e.what()};
    }
  }
  // A writer that commits twice while the metadata is read discards the revision being read: reopen
  // at the latest one and read again, as Xapian advises, a few times before giving up.
  for (int attempt = 0;; ++attempt) {
    try {
      std::string st = impl->db.get_metadata(kMetaStemmer);
      std::string format = impl->db.get_metadata(kMetaVersion);
      if (!st.empty() && format != kIndexFormat)
        return Error{ErrorCode::kUnsupported, databases.front() + ": index format " + format +
                                                  " (an older kurdi); this version reads format " + kIndexFormat +
                                                  ": re-index it"};
      if (options.from_database && !st.empty()) {
        auto s = parse_search_stemmer(st);
        if (s) impl->options.stemmer = *s;
        impl->options.stop_categories = static_cast<unsigned>(std::stoul("0" + impl->db.get_metadata(kMetaStop)));
        impl->options.exact_terms = impl->db.get_metadata(kMetaExact) != "0";
        impl->options.spelling = options.spelling && impl->db.get_metadata(kMetaSpelling) != "0";
      }
      (void)impl->db.get_doccount();
      break;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == 4) return xapian_error(e, databases.front());
      try {
        impl->db.reopen();
      } catch (const Xapian::Error& e2) {
        return xapian_error(e2, databases.front());
      }
    } catch (const Xapian::Error& e) {
      return xapian_error(e, databases.front());
    } catch (const std::exception& e) {
      return Error{ErrorCode::kCorrupt, databases.front() + ": bad kurdi metadata"};
    }
  }
  impl->analyzer = std::make_unique<SearchAnalyzer>(impl->options);
  impl->stopper.reset(impl->analyzer->new_stopper());
  return Searcher(std::move(impl));
}

const SearchOptions& Searcher::options() const { return impl_->options; }

size_t Searcher::doc_count() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    return impl_->db.get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

Status Searcher::reopen() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    impl_->db.reopen();
  } catch (const Xapian::Error& e) {
    return xapian_error(e, impl_->specs.front());
  }
  return {};
}

namespace {

// The window of `text` with the most matching words; highlights relative to the snippet.
void make_snippet(const Searcher::Impl& m, const std::string& text, const std::set<std::string>& terms,
                  SearchHit& hit) {
  const SearchAnalyzer& a = *m.analyzer;
  std::vector<std::pair<uint32_t, uint32_t>> matches;
  bool latin = m.options.cross_script && SearchAnalyzer::has_latin(text);
  std::string buf;
  auto match = [&](const WordEntry& e) {
    if (terms.count(e.term)) return true;
    if (!e.stem.empty()) {
      buf.assign("Z");
      buf += e.stem;
      if (terms.count(buf)) return true;
      buf.assign("ZS");
      buf += e.stem;
      if (terms.count(buf)) return true;
    }
    buf.assign("S");
    buf += e.term;
    return terms.count(buf) > 0 || (!e.exact.empty() && terms.count("XE" + e.exact) > 0);
  };
  for_each_word(a, text, [&](const WordEntry& e, uint32_t b, uint32_t en) {
    bool hit_word = match(e);
    if (!hit_word && latin && !e.arabic) {
      std::string ar = shared().translit.word_to_arabic(e.term);
      hit_word = match(make_entry(m.options, ar));
    }
    if (hit_word) matches.emplace_back(b, en);
  });
  size_t width = std::max<size_t>(m.options.snippet_bytes, 40);
  size_t best_start = 0, best_count = 0;
  for (size_t i = 0, j = 0; i < matches.size(); ++i) {
    while (j < matches.size() && matches[j].second <= matches[i].first + width) ++j;
    if (j - i > best_count) {
      best_count = j - i;
      best_start = matches[i].first;
    }
  }
  size_t start = 0;
  if (best_count > 0 && best_start > width / 4) {
    start = best_start - width / 4;
    size_t sp = text.find_first_of(" \n\t", start);
    start = (sp != std::string::npos && sp < best_start) ? sp + 1 : best_start;
  }
  size_t end = std::min(text.size(), start + width);
  if (end < text.size()) {
    size_t sp = text.find_first_of(" \n\t", end);
    end = (sp == std::string::npos || sp > end + 40) ? end : sp;
  }
  while (start < text.size() && !utf8::is_boundary(text, start)) ++start;
  while (end < text.size() && !utf8::is_boundary(text, end)) ++end;
  hit.snippet = text.substr(start, end - start);
  for (char& c : hit.snippet)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  for (const auto& [b, e] : matches)
    if (b >= start && e <= end) hit.highlights.emplace_back(static_cast<uint32_t>(b - start), static_cast<uint32_t>(e - start));
}

}  // namespace

Result<SearchResults> Searcher::search(std::string_view query, size_t limit) const {
  SearchRequest r;
  r.query = std::string(query);
  r.limit = limit;
  return search(r);
}

Result<SearchResults> Searcher::search(const SearchRequest& req) const {
  const Impl& m = *impl_;
  std::lock_guard<std::mutex> lock(m.mu);
  SearchResults res;
  std::string q = utf8::sanitize(req.query);
  try {
    std::string norm, translit;
    Xapian::Query query = m.parse(q, nullptr, &norm, &translit);
    Xapian::Enquire enq(m.db);
    enq.set_query(query);
    Xapian::MSet mset = enq.get_mset(static_cast<Xapian::doccount>(req.offset), static_cast<Xapian::doccount>(req.limit),
                                     static_cast<Xapian::doccount>(m.options.spelling_min_hits));
    res.estimated = mset.get_matches_estimated();
    // A word the index has neither as a plain term nor as a stem only matches through the looser
    // stem alternatives (a typo shares a guessed stem with real words): treat it as no hit.
    // Only the words as typed: the transliteration of a Latin-script query is a guess whose words
    // are often absent (a spelling search scans the index's terms of up to three initial letters).
    bool unknown = m.options.spelling && m.has_unknown_word(norm);
    if (m.options.spelling && (unknown || mset.get_matches_upper_bound() < m.options.spelling_min_hits)) {
      std::string corrected;
      (void)m.parse(q, &corrected, nullptr, nullptr);
      // A "correction" that stems to the same query is only another inflection: not a suggestion.
      if (!corrected.empty() && corrected != norm &&
          (m.parse(corrected, nullptr, nullptr, nullptr).get_description() == query.get_description() ||
           m.stems_of(corrected) == m.stems_of(norm)))
        corrected.clear();
      if (!corrected.empty() && corrected != norm) {
        res.suggestion = corrected;
        if ((mset.empty() || unknown) && m.options.auto_correct) {
          Xapian::Query cq = m.parse(corrected, nullptr, nullptr, nullptr);
          enq.set_query(cq);
          Xapian::MSet cm = enq.get_mset(static_cast<Xapian::doccount>(req.offset), static_cast<Xapian::doccount>(req.limit));
          if (!cm.empty()) {
            mset = cm;
            query = cq;
            res.corrected = true;
            res.estimated = mset.get_matches_estimated();
          }
        }
      }
    }
    std::set<std::string> terms(query.get_terms_begin(), query.get_terms_end());
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      SearchHit h;
      h.rank = it.get_rank();
      h.weight = it.get_weight();
      h.percent = it.get_percent();
      Xapian::Document doc = it.get_document();
      StoredDoc sd;
      if (!unpack(doc.get_data(), sd))
        return Error{ErrorCode::kCorrupt, "document " + std::to_string(*it) + ": stored data is not a kurdi record"};
      h.id = std::move(sd.id);
      h.title = std::move(sd.title);
      h.date = std::move(sd.date);
      h.url = std::move(sd.url);
      if (req.snippets) make_snippet(m, sd.text, terms, h);
      res.hits.push_back(std::move(h));
    }
    if (req.explain) {
      std::ostringstream ex;
      ex << "query:       " << q << "\n";
      ex << "normalized:  " << norm << "\n";
      if (!translit.empty()) ex << "arabic:      " << translit << "\n";
      ex << "stemmer:     " << to_string(m.options.stemmer) << "\n";
      std::vector<AnalyzedWord> words;
      m.analyzer->analyze(norm, words);
      if (!translit.empty()) m.analyzer->analyze(translit, words);
      for (const AnalyzedWord& w : words) {
        ex << "  word " << w.term;
        if (w.stop) ex << "  stop word (" << to_string(static_cast<StopCategory>(w.stop & -w.stop)) << ")";
        else if (!w.stem.empty()) {
          ex << "  stem Z" << m.analyzer->stem(w.term);
          std::vector<std::string> alts = m.analyzer->stem_alternatives(w.term);
          if (alts.size() > 1) {
            ex << "  (synonyms";
            for (size_t i = 1; i < alts.size(); ++i) ex << " Z" << alts[i];
            ex << ")";
          }
        }
        ex << "\n";
      }
      if (res.corrected) ex << "corrected:   " << res.suggestion << " (no hits for the query as typed)\n";
      else if (!res.suggestion.empty()) ex << "suggestion:  " << res.suggestion << "\n";
      ex << "xapian:      " << query.get_description() << "\n";
      ex << "matches:     about " << res.estimated << " of " << m.db.get_doccount() << " documents\n";
      res.explanation = ex.str();
    }
  } catch (const Xapian::QueryParserError& e) {
    return Error{ErrorCode::kBadOption, "query syntax: " + e.get_msg()};
  } catch (const Xapian::Error& e) {
    return xapian_error(e, m.specs.front());
  }
  return res;
}

}  // namespace kurdi
