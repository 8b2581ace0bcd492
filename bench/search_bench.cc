// search_bench CORPUS [MIN_DOCS] [QUERIES]
//
// 1. memcpy over the corpus buffer (baseline, same run).
// 2. Indexing throughput on one core: the first 4 MiB of the corpus, one document per non-empty line,
//    into a fresh database (commit included), 5 runs, median MB/s of thread CPU time and of wall time.
//    Beside it, in the same run, Xapian alone on the same documents: a plain Xapian::TermGenerator
//    (no stemmer, positions on, the text stored as document data), which is the floor of any
//    Xapian indexer; and this stage with spelling suggestions off (no longer an indexing cost:
//    suggestions come from the index's terms; kept to compare with earlier runs).
// 3. Query latency: an index of >= MIN_DOCS (default 100000) documents (the corpus lines, repeated
//    with new ids when there are fewer), then QUERIES (default 2000) queries of 1-3 words taken from
//    random documents, top 10 with snippets;
//    p50 / p90 / p99 in milliseconds (wall) and the p50 / p99 of thread CPU time; then the same
//    queries with a typo (the second letter of the first word dropped: the spelling-suggestion path).
//    MIN_DOCS = 0 skips this part.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "kurdi/search.h"

namespace fs = std::filesystem;

static double thread_cpu() { return kurdi::bench::thread_cpu_seconds(); }
static double wall() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
using kurdi::bench::median;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_bench CORPUS [MIN_DOCS] [QUERIES]\n");
    return 2;
  }
  size_t min_docs = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
  size_t nqueries = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 2000;
  std::string corpus = kurdi::bench::read_corpus(argv[1]);
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < corpus.size();) {
    size_t nl = corpus.find('\n', pos);
    if (nl == std::string::npos) nl = corpus.size();
    std::string_view l(corpus.data() + pos, nl - pos);
    if (l.find_first_not_of(" \t\r") != std::string_view::npos) lines.push_back(l);
    pos = nl + 1;
  }
  std::printf("corpus: %.1f MB, %zu non-empty lines\n", corpus.size() / 1e6, lines.size());

  // memcpy baseline
  std::vector<double> mc;
  std::string dst(corpus.size(), '\0');
  for (int r = 0; r < 5; ++r) {
    double t0 = wall();
    std::memcpy(dst.data(), corpus.data(), corpus.size());
    double t1 = wall();
    mc.push_back(corpus.size() / 1e6 / std::max(t1 - t0, 1e-9));
  }
  std::printf("memcpy:   %.0f MB/s (median of 5)\n", median(mc));

  char tmpl[] = "/tmp/kurdi-search-bench-XXXXXX";
  fs::path root = mkdtemp(tmpl);
  kurdi::SearchOptions opts;

  // indexing throughput: `what` indexes one document into `db` (kurdi::Indexer or plain Xapian).
  size_t slice_bytes = 0, slice_docs = 0;
  auto measure = [&](const char* name, auto&& open_and_index) {
    std::vector<double> cpu_rates, wall_rates;
    for (int r = 0; r < 5; ++r) {
      fs::path db = root / ("ix" + std::to_string(r));
      double c0 = thread_cpu(), w0 = wall();
      size_t bytes = 0, docs = 0;
      if (!open_and_index(db.string(), bytes, docs)) std::exit(1);
      double c1 = thread_cpu(), w1 = wall();
      cpu_rates.push_back(bytes / 1e6 / (c1 - c0));
      wall_rates.push_back(bytes / 1e6 / (w1 - w0));
      slice_bytes = bytes;
      slice_docs = docs;
      fs::remove_all(db);
    }
    std::printf("indexing %-26s %6.2f MB/s CPU (one core), %6.2f MB/s wall (median of 5; %.1f MB, %zu docs)\n", name,
                median(cpu_rates), median(wall_rates), slice_bytes / 1e6, slice_docs);
  };
  auto kurdi_indexer = [&](const kurdi::SearchOptions& o) {
    return [&lines, o](const std::string& path, size_t& bytes, size_t& docs) {
      auto ix = kurdi::Indexer::open(path, o);
      if (!ix.ok()) {
        std::fprintf(stderr, "%s\n", ix.error().message.c_str());
        return false;
      }
      for (std::string_view l : lines) {
        if (bytes >= (4u << 20)) break;
        kurdi::SearchDocument d;
        d.id = "l";
        d.id += std::to_string(docs++);
        d.text.assign(l);
        bytes += l.size();
        (void)ix->add(d);
      }
      return ix->commit().ok();
    };
  };
  measure("xapian TermGenerator:", [&lines](const std::string& path, size_t& bytes, size_t& docs) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    for (std::string_view l : lines) {
      if (bytes >= (4u << 20)) break;
      std::string id("Ql");
      id += std::to_string(docs++);
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(std::string(l));
      doc.add_boolean_term(id);
      doc.set_data(std::string(l));
      db.replace_document(id, doc);
      bytes += l.size();
    }
    db.commit();
    return true;
  });
  kurdi::SearchOptions no_spelling = opts;
  no_spelling.spelling = false;
  measure("kurdi, no spelling data:", kurdi_indexer(no_spelling));
  measure("kurdi (defaults):", kurdi_indexer(opts));
  if (min_docs == 0) {
    fs::remove_all(root);
    return 0;
  }

  // large index for latency
  fs::path big = root / "big";
  {
    auto ix = kurdi::Indexer::open(big.string(), opts);
    if (!ix.ok()) return 1;
    size_t docs = 0;
    double c0 = thread_cpu(), w0 = wall();
    size_t bytes = 0;
    for (size_t rep = 0; docs < min_docs; ++rep) {
      for (std::string_view l : lines) {
        kurdi::SearchDocument d;
        d.id = "r" + std::to_string(rep) + "." + std::to_string(docs);
        d.text.assign(l);
        bytes += l.size();
        (void)ix->add(d);
        ++docs;
        if (docs >= min_docs && rep > 0) break;
      }
      if (lines.empty()) break;
    }
    (void)ix->commit();
    std::printf("big index: %zu docs, %.1f MB in %.1f s CPU / %.1f s wall (%.2f MB/s CPU)\n", ix->doc_count(),
                bytes / 1e6, thread_cpu() - c0, wall() - w0, bytes / 1e6 / (thread_cpu() - c0));
  }
  auto s = kurdi::Searcher::open({big.string()}, opts);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.error().message.c_str());
    return 1;
  }
  kurdi::SearchAnalyzer an(opts);
  std::mt19937 rng(42);
  std::vector<std::string> queries;
  while (queries.size() < nqueries && !lines.empty()) {
    std::string_view l = lines[rng() % lines.size()];
    std::vector<kurdi::AnalyzedWord> w;
    an.analyze(l, w);
    std::vector<std::string> content;
    for (const auto& x : w)
      if (!x.stop && x.term.size() >= 6) content.push_back(x.term);
    if (content.empty()) continue;
    size_t k = 1 + rng() % 3;
    std::string q;
    for (size_t i = 0; i < k && i < content.size(); ++i) {
      if (!q.empty()) q += ' ';
      q += content[rng() % content.size()];
    }
    queries.push_back(q);
  }
  std::vector<double> lat, lat_cpu;
  size_t hits = 0;
  // warm-up: the first queries pay for opening tables
  for (size_t i = 0; i < std::min<size_t>(20, queries.size()); ++i) (void)s->search(queries[i]);
  for (const std::string& q : queries) {
    double t0 = wall(), c0 = thread_cpu();
    auto r = s->search(q, 10);
    double t1 = wall(), c1 = thread_cpu();
    if (r.ok()) hits += r->hits.size();
    lat.push_back((t1 - t0) * 1000);
    lat_cpu.push_back((c1 - c0) * 1000);
  }
  std::sort(lat.begin(), lat.end());
  std::sort(lat_cpu.begin(), lat_cpu.end());
  auto pct = [](const std::vector<double>& v, double p) { return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))]; };
  std::printf("queries:  %zu, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms wall; CPU p50 %.2f ms, p99 %.2f ms (top 10 with snippets; %.1f hits/query)\n",
              lat.size(), pct(lat, 0.5), pct(lat, 0.9), pct(lat, 0.99), pct(lat_cpu, 0.5), pct(lat_cpu, 0.99),
              static_cast<double>(hits) / std::max<size_t>(1, lat.size()));
  // The same queries with a typo in their first word (its second letter dropped): most are words the
  // index does not have, so they take the spelling-suggestion path.
  std::vector<double> tlat, tlat_cpu;
  size_t corrected = 0;
  for (const std::string& q0 : queries) {
    std::string q = q0;
    size_t second = 1;
    while (second < q.size() && (static_cast<unsigned char>(q[second]) & 0xC0) == 0x80) ++second;
    size_t third = second + 1;
    while (third < q.size() && (static_cast<unsigned char>(q[third]) & 0xC0) == 0x80) ++third;
    if (third < q.size() && q[second] != ' ' && q[third] != ' ') q.erase(second, third - second);
    double t0 = wall(), c0 = thread_cpu();
    auto r = s->search(q, 10);
    double t1 = wall(), c1 = thread_cpu();
    if (r.ok() && !r->suggestion.empty()) ++corrected;
    tlat.push_back((t1 - t0) * 1000);
    tlat_cpu.push_back((c1 - c0) * 1000);
  }
  std::sort(tlat.begin(), tlat.end());
  std::sort(tlat_cpu.begin(), tlat_cpu.end());
  std::printf("typos:    %zu, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms wall; CPU p50 %.2f ms, p99 %.2f ms (%zu with a suggestion)\n",
              tlat.size(), pct(tlat, 0.5), pct(tlat, 0.9), pct(tlat, 0.99), pct(tlat_cpu, 0.5), pct(tlat_cpu, 0.99),
              corrected);
  fs::remove_all(root);
  return 0;
}
