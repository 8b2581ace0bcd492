// Normalization throughput on the benchmark corpus, beside memcpy of the same buffer in the same run.
// usage: normalize_bench CORPUS [REPEATS] [PROFILE]   (build the corpus with ../shared/eval/make_corpus.sh)
// Prints median MB/s of: memcpy, the quick validity scan, normalize (standard, search, minimal; only
// PROFILE when given, e.g. for `perf stat`): the whole corpus in one call, then one call per line.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "kurdi/normalize.h"

namespace {

// Time is the thread's CPU time: both the baseline and the subject use the same clock.
template <class F>
double median_mbps(size_t bytes, int repeats, F&& f) {
  return kurdi::bench::median_rate(static_cast<double>(bytes) / 1e6, repeats, f);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS [REPEATS] [standard|search|minimal]\n", argv[0]);
    return 2;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 7;
  const std::string only = argc > 3 ? argv[3] : "";
  const std::string corpus = kurdi::bench::read_corpus(argv[1]);
  // Lines, as the CLI and most callers see them.
  std::vector<std::string_view> lines;
  for (size_t b = 0; b < corpus.size();) {
    size_t e = corpus.find('\n', b);
    if (e == std::string::npos) e = corpus.size();
    lines.emplace_back(corpus.data() + b, e - b);
    b = e + 1;
  }
  std::string dst(corpus.size(), '\0');
  volatile size_t sink = 0;
  double memcpy_mbps = median_mbps(corpus.size(), repeats, [&] {
    std::memcpy(dst.data(), corpus.data(), corpus.size());
    sink = sink + static_cast<unsigned char>(dst[dst.size() / 2]);
  });
  std::printf("corpus: %zu bytes, %zu lines, %d repeats (median of thread CPU time)\n", corpus.size(), lines.size(),
              repeats);
  std::printf("%-28s %10.1f MB/s\n", "memcpy", memcpy_mbps);
  double scan = median_mbps(corpus.size(), repeats, [&] { sink = sink + kurdi::utf8::find_invalid(corpus); });
  std::printf("%-28s %10.1f MB/s  (%.3f of memcpy)\n", "utf8 validation", scan, scan / memcpy_mbps);
  struct P { const char* name; kurdi::NormalizeOptions o; };
  for (const P& p : {P{"normalize standard", kurdi::NormalizeOptions::standard()},
                     P{"normalize search", kurdi::NormalizeOptions::search()},
                     P{"normalize minimal", kurdi::NormalizeOptions::minimal()}}) {
    if (!only.empty() && std::string(p.name) != "normalize " + only) continue;
    kurdi::Normalizer n(p.o);
    std::string out;
    out.reserve(corpus.size() + corpus.size() / 8);
    // The whole corpus in one call (lines are still normalized independently: the library cuts
    // it into segments of many lines), then one call per line, as a caller holding lines makes.
    double whole = median_mbps(corpus.size(), repeats, [&] {
      out.clear();
      n.normalize(corpus, out);
      sink = sink + out.size();
    });
    std::printf("%-28s %10.1f MB/s  (%.3f of memcpy)\n", p.name, whole, whole / memcpy_mbps);
    double per_line = median_mbps(corpus.size(), repeats, [&] {
      out.clear();
      for (auto line : lines) { n.normalize(line, out); out += '\n'; }
      sink = sink + out.size();
    });
    std::printf("%-28s %10.1f MB/s  (%.3f of memcpy)\n", (std::string(p.name) + ", per line").c_str(), per_line,
                per_line / memcpy_mbps);
  }
  return 0;
}
