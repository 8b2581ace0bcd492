// Throughput of Arabic->Latin transliteration (and G2P, Latin->Arabic) on running text, beside a
// memcpy baseline over the same buffer in the same run. Usage: translit_bench CORPUS [MAX_MB]
// Each figure is the median of 5 runs; the word cache is warm after the first run, as in a long
// process. The cold figure (running text read once: each distinct word computed the first time it
// is seen) is the median of 5 passes, each in a new thread with a new Transliterator, so that no
// per-thread state (word cache, cluster memo) survives from one pass to the next.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "kurdi/translit.h"

namespace {

double g_cpu_mbs = 0;  // the same median measured in process CPU time (robust on a loaded machine)

template <class F>
double median_mbs(size_t bytes, F&& f) {
  std::vector<double> v, c;
  for (int r = 0; r < 5; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    f();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cs = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    v.push_back(static_cast<double>(bytes) / 1e6 / std::max(s, 1e-9));
    c.push_back(static_cast<double>(bytes) / 1e6 / std::max(cs, 1e-9));
  }
  std::sort(v.begin(), v.end());
  std::sort(c.begin(), c.end());
  g_cpu_mbs = c[2];
  return v[2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: translit_bench CORPUS [MAX_MB]\n");
    return 2;
  }
  std::string text = kurdi::bench::read_corpus(argv[1]);
  size_t max_mb = argc > 2 ? static_cast<size_t>(std::atoi(argv[2])) : 64;
  if (text.size() > max_mb << 20) {
    size_t cut = text.find('\n', max_mb << 20);
    text.resize(cut == std::string::npos ? max_mb << 20 : cut);
  }
  // split into lines once (the CLI works line by line)
  std::vector<std::string_view> lines;
  for (size_t p = 0; p < text.size();) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    lines.emplace_back(text.data() + p, e - p);
    p = e + 1;
  }
  std::string dst(text.size(), '\0');
  double memcpy_mbs = median_mbs(text.size(), [&] { std::memcpy(dst.data(), text.data(), text.size()); });
  double memcpy_cpu = g_cpu_mbs;

  kurdi::Transliterator t;
  std::string out;
  out.reserve(text.size() * 2);
  size_t sink = 0;
  auto to_latin = [&] {
    for (auto l : lines) {
      out.clear();
      t.to_latin(l, out);
      sink += out.size();
    }
  };
  std::vector<kurdi::Transliterator> fresh_ones(5);  // constructed outside the timed passes
  size_t pass = 0;
  double cold = median_mbs(text.size(), [&] {
    kurdi::Transliterator& fresh = fresh_ones[pass++ % fresh_ones.size()];
    std::thread th([&] {
      std::string o;
      o.reserve(text.size() * 2);
      for (auto l : lines) {
        o.clear();
        fresh.to_latin(l, o);
        sink += o.size();
      }
    });
    th.join();
  });
  double cold_cpu = g_cpu_mbs;
  to_latin();  // warm the word cache of this thread
  double latin_mbs = median_mbs(text.size(), to_latin);
  double latin_cpu = g_cpu_mbs;

  std::string latin_text;
  for (auto l : lines) { t.to_latin(l, latin_text); latin_text.push_back('\n'); }
  std::vector<std::string_view> llines;
  for (size_t p = 0; p < latin_text.size();) {
    size_t e = latin_text.find('\n', p);
    if (e == std::string::npos) e = latin_text.size();
    llines.emplace_back(latin_text.data() + p, e - p);
    p = e + 1;
  }
  double arabic_mbs = median_mbs(latin_text.size(), [&] {
    for (auto l : llines) {
      out.clear();
      t.to_arabic(l, out);
      sink += out.size();
    }
  });
  double arabic_cpu = g_cpu_mbs;
  double g2p_mbs = median_mbs(text.size(), [&] {
    for (auto l : lines) {
      out.clear();
      t.g2p(l, out);
      sink += out.size();
    }
  });
  double g2p_cpu = g_cpu_mbs;
  std::printf("corpus: %.1f MB, %zu lines       wall-clock MB/s   CPU-time MB/s\n", static_cast<double>(text.size()) / 1e6, lines.size());
  std::printf("memcpy            %10.1f        %10.1f\n", memcpy_mbs, memcpy_cpu);
  std::printf("to_latin (cold)   %10.1f        %10.1f  (median of 5 first passes, empty caches)\n", cold, cold_cpu);
  std::printf("to_latin          %10.1f        %10.1f  (median of 5)\n", latin_mbs, latin_cpu);
  std::printf("to_arabic         %10.1f        %10.1f  (of Latin input, median of 5)\n", arabic_mbs, arabic_cpu);
  std::printf("g2p               %10.1f        %10.1f  (median of 5)\n", g2p_mbs, g2p_cpu);
  return sink == 0 ? 1 : 0;
}
