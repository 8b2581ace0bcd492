// numbers_bench CORPUS: numbers -> words (numbers/s), words -> digits (numbers/s), and text_to_words,
// text_to_digits, verbalize over the benchmark corpus (MB/s), beside memcpy over the same buffer.
// Each figure is the median of 5 runs.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "kurdi/numbers.h"

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

template <class F>
double median_seconds(F&& f) {
  std::vector<double> t;
  for (int r = 0; r < 5; ++r) {
    double a = now();
    f();
    t.push_back(now() - a);
  }
  std::sort(t.begin(), t.end());
  return t[2];
}

volatile size_t sink;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: numbers_bench CORPUS (bash ../shared/eval/make_corpus.sh DATA /tmp/kurdi-bench/corpus.txt)\n");
    return 2;
  }
  std::string text = kurdi::bench::read_corpus(argv[1]);
  double mb = double(text.size()) / 1e6;
  std::vector<char> dst(text.size());
  double t_memcpy = median_seconds([&] { std::memcpy(dst.data(), text.data(), text.size()); sink = size_t(dst[text.size() / 2]); });
  std::printf("memcpy            %10.1f MB/s\n", mb / t_memcpy);

  // numbers -> words: 1M numbers of mixed magnitude (uniform number of digits 1..18)
  std::mt19937_64 rng(42);
  std::vector<uint64_t> nums(1000000);
  for (auto& n : nums) {
    uint64_t p = 1;
    for (int k = int(rng() % 18) + 1; k > 0; --k) p *= 10;
    n = rng() % p;
  }
  kurdi::NumberSpeller sp;
  std::string out;
  out.reserve(1 << 12);
  std::clock_t cpu0 = std::clock();
  double t_words = median_seconds([&] {
    size_t total = 0;
    for (uint64_t n : nums) {
      out.clear();
      sp.append_cardinal(n, out);
      total += out.size();
    }
    sink = total;
  });
  double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC / 5;
  std::printf("numbers->words    %10.2f M numbers/s (wall, median of 5); %.2f M numbers/s per CPU second\n",
              double(nums.size()) / t_words / 1e6, double(nums.size()) / cpu / 1e6);

  // words -> digits on 200k phrases
  std::vector<std::string> phrases;
  for (size_t i = 0; i < 200000; ++i) phrases.push_back(sp.cardinal(nums[i]));
  double t_digits = median_seconds([&] {
    size_t total = 0;
    for (const auto& p : phrases) {
      out.clear();
      sp.text_to_digits(p, out);
      total += out.size();
    }
    sink = total;
  });
  std::printf("words->digits     %10.2f M numbers/s\n", double(phrases.size()) / t_digits / 1e6);

  // running text, line by line
  std::vector<std::string_view> lines;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    lines.emplace_back(text.data() + b, e - b);
    b = e + 1;
  }
  kurdi::Verbalizer verb;
  auto over_lines = [&](auto&& fn) {
    return median_seconds([&] {
      size_t total = 0;
      for (auto l : lines) {
        out.clear();
        fn(l, out);
        total += out.size();
      }
      sink = total;
    });
  };
  double t_tw = over_lines([&](std::string_view l, std::string& o) { sp.text_to_words(l, o); });
  std::printf("text_to_words     %10.1f MB/s\n", mb / t_tw);
  double t_td = over_lines([&](std::string_view l, std::string& o) { sp.text_to_digits(l, o); });
  std::printf("text_to_digits    %10.1f MB/s\n", mb / t_td);
  double t_v = over_lines([&](std::string_view l, std::string& o) { verb.verbalize(l, o); });
  std::printf("verbalize         %10.1f MB/s\n", mb / t_v);
  return 0;
}
