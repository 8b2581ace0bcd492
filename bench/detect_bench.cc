// Throughput of language identification (per line, as `kurdi detect` runs) and of legacy-font
// decoding (auto detection per line + decode with a fixed font), beside memcpy over the same buffer.
//
//   detect_bench CORPUS     (corpus: bash ../shared/eval/make_corpus.sh ../shared/data /tmp/kurdi-bench/corpus.txt)
//
// Prints the median MB/s of 5 runs for each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "kurdi/decode.h"
#include "kurdi/detect.h"

namespace {

using kurdi::bench::thread_cpu_seconds;

// Median of 5 runs, wall-clock MB/s; `cpu` receives the median on thread CPU time (the figure that
// matters on a shared, loaded machine).
template <class F>
double median_mbps(size_t bytes, F&& f, double* cpu = nullptr) {
  std::vector<double> v, c;
  for (int r = 0; r < 5; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = thread_cpu_seconds();
    f();
    double cs = thread_cpu_seconds() - c0;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    v.push_back(static_cast<double>(bytes) / 1e6 / s);
    c.push_back(static_cast<double>(bytes) / 1e6 / cs);
  }
  std::sort(v.begin(), v.end());
  std::sort(c.begin(), c.end());
  if (cpu) *cpu = c[2];
  return v[2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: detect_bench CORPUS\n");
    return 2;
  }
  std::string text = kurdi::bench::read_corpus(argv[1]);
  std::vector<std::string_view> lines;
  for (size_t p = 0; p < text.size();) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    lines.emplace_back(text.data() + p, e - p);
    p = e + 1;
  }
  std::string copy(text.size(), '\0');
  double c_mem, c_det, c_auto, c_alik, c_legacy;
  double mem = median_mbps(text.size(), [&] { std::memcpy(copy.data(), text.data(), text.size()); }, &c_mem);

  kurdi::Detector detector;
  size_t sink = 0;
  double det = median_mbps(text.size(), [&] {
    for (auto l : lines) sink += detector.detect(l).label.size();
  }, &c_det);

  kurdi::LegacyDecoder decoder;
  std::string out;
  out.reserve(text.size() * 2);
  double dec_auto = median_mbps(text.size(), [&] {
    for (auto l : lines) {
      out.clear();
      decoder.decode(l, decoder.detect_font(l), out);
      sink += out.size();
    }
  }, &c_auto);
  double dec_alik = median_mbps(text.size(), [&] {
    out.clear();
    decoder.decode(text, kurdi::Font::kAliK, out);
    sink += out.size();
  }, &c_alik);
  // legacy input: the corpus encoded for Ali-K, decoded back
  std::string legacy = decoder.encode(text, kurdi::Font::kAliK);
  double dec_legacy = median_mbps(legacy.size(), [&] {
    out.clear();
    decoder.decode(legacy, kurdi::Font::kAliK, out);
    sink += out.size();
  }, &c_legacy);
  std::printf("corpus %.1f MB, %zu lines\n", static_cast<double>(text.size()) / 1e6, lines.size());
  std::printf("%-36s %12s %12s\n", "", "wall MB/s", "cpu MB/s");
  std::printf("%-36s %12.1f %12.1f\n", "memcpy", mem, c_mem);
  std::printf("%-36s %12.1f %12.1f\n", "detect (per line)", det, c_det);
  std::printf("%-36s %12.1f %12.1f\n", "decode auto (per line)", dec_auto, c_auto);
  std::printf("%-36s %12.1f %12.1f\n", "decode alik (Unicode input)", dec_alik, c_alik);
  std::printf("%-36s %12.1f %12.1f\n", "decode alik (Ali-K input)", dec_legacy, c_legacy);
  return sink == 42 ? 1 : 0;
}
