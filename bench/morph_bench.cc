// Morphology throughput: lemma() per word, with and without a per-thread MorphCache, beside a memcpy
// baseline over the same buffer. Usage: morph_bench CORPUS [max_words]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "kurdi/morph.h"

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: morph_bench CORPUS [max_words]\n"); return 2; }
  std::string text = kurdi::bench::read_corpus(argv[1]);
  size_t max_words = argc > 2 ? std::stoul(argv[2]) : 1000000;
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size() && words.size() < max_words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r') ++j;
    if (j > i) words.emplace_back(text.data() + i, j - i);
    i = j;
  }
  auto t0 = std::chrono::steady_clock::now();
  kurdi::Analyzer analyzer;
  double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("words %zu, analyzer construction %.3f s, compiled lexicon %zu entries, %.1f MB\n", words.size(), load,
              analyzer.lexicon_size(), analyzer.memory_bytes() / 1e6);
  using kurdi::bench::median;
  // CPU time of this thread: the machine is shared, wall clock under load says nothing about the code
  auto cpu = kurdi::bench::thread_cpu_seconds;
  std::vector<double> mc, nc, wc;
  std::string dst(text.size(), '\0');
  size_t sink = 0;
  for (int rep = 0; rep < 5; ++rep) {
    double a = cpu();
    std::memcpy(dst.data(), text.data(), text.size());
    sink += static_cast<unsigned char>(dst[rep % dst.size()]);
    double b = cpu();
    mc.push_back(static_cast<double>(text.size()) / (b - a) / 1e6);
  }
  for (int rep = 0; rep < 5; ++rep) {
    double a = cpu();
    for (auto w : words) sink += analyzer.lemma(w).size();
    double b = cpu();
    nc.push_back(static_cast<double>(words.size()) / (b - a));
  }
  for (int rep = 0; rep < 5; ++rep) {
    kurdi::MorphCache cache(analyzer, 1 << 20);
    double a = cpu();
    for (auto w : words) sink += cache.lemma(w).size();
    double b = cpu();
    wc.push_back(static_cast<double>(words.size()) / (b - a));
  }
  std::printf("(CPU time of this thread, median of 5 runs)\n");
  std::printf("memcpy            %10.1f MB/s\n", median(mc));
  std::printf("lemma, no cache   %10.0f words/s\n", median(nc));
  std::printf("lemma, with cache %10.0f words/s\n", median(wc));
  std::printf("(checksum %zu)\n", sink);
  return 0;
}
