// Spell checker throughput on the benchmark corpus, beside memcpy of the same buffer in the same run.
// usage: spell_bench CORPUS [REPEATS [PARTS]]   (build the corpus with ../shared/eval/make_corpus.sh)
// PARTS: a comma-separated subset of check,plain,suggest (default all; for profiling one part).
// Prints median words/s (thread CPU time) of: memcpy (corpus bytes as "words" of the average word length), check()
// over every Arabic-script word of the corpus, and suggest(w, 5) over 20,000 misspelled words made
// from corpus words by one Kurdish confusion or one ordinary edit (deterministic).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "kurdi/spell.h"
#include "kurdi/text.h"

namespace {

// Median rate over the repeats in thread CPU time; *first (optional) receives the rate of the first
// run, which is the one with cold per-thread caches.
template <class F>
double median_rate(size_t items, int repeats, F&& f, double* first = nullptr) {
  return kurdi::bench::median_rate(static_cast<double>(items), repeats, f, first);
}

// Arabic-script words of the text.
std::vector<std::string_view> words_of(const std::string& text) {
  std::vector<std::string_view> out;
  size_t start = std::string::npos;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t c = kurdi::utf8::decode(text, i, len);
    bool in = kurdi::chars::is_arabic_letter(c) || (start != std::string::npos && c == kurdi::chars::kZwnj);
    if (in && start == std::string::npos) start = i;
    if (!in && start != std::string::npos) {
      out.emplace_back(text.data() + start, i - start);
      start = std::string::npos;
    }
    i += static_cast<size_t>(len);
  }
  if (start != std::string::npos) out.emplace_back(text.data() + start, text.size() - start);
  return out;
}

// A misspelling of w: one Kurdish confusion (ێ->ی, ۆ->و, ڵ->ل, ڕ->ر, drop ە) or a letter dropped.
std::string misspell(std::string_view w, unsigned seed) {
  std::u32string u = kurdi::utf8::to_u32(w);
  std::vector<size_t> conf;
  for (size_t i = 0; i < u.size(); ++i)
    if (u[i] == U'ێ' || u[i] == U'ۆ' || u[i] == U'ڵ' || u[i] == U'ڕ' || u[i] == U'ە') conf.push_back(i);
  if (!conf.empty() && seed % 3 != 0) {
    size_t i = conf[seed % conf.size()];
    switch (u[i]) {
      case U'ێ': u[i] = U'ی'; break;
      case U'ۆ': u[i] = U'و'; break;
      case U'ڵ': u[i] = U'ل'; break;
      case U'ڕ': u[i] = U'ر'; break;
      default: u.erase(i, 1);
    }
  } else if (u.size() > 3) {
    u.erase(1 + seed % (u.size() - 2), 1);
  }
  return kurdi::utf8::from_u32(u);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS [REPEATS]\n", argv[0]);
    return 2;
  }
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const std::string parts = argc > 3 ? argv[3] : "check,plain,suggest";
  auto part = [&](const char* name) { return (',' + parts + ',').find(std::string(",") + name + ",") != std::string::npos; };
  const std::string corpus = kurdi::bench::read_corpus(argv[1]);
  auto t0 = std::chrono::steady_clock::now();
  const kurdi::SpellChecker sc;
  double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto words = words_of(corpus);
  if (words.empty()) { std::fprintf(stderr, "no Arabic-script words in the corpus\n"); return 1; }
  size_t word_bytes = 0;
  for (auto w : words) word_bytes += w.size() + 1;
  const double avg = static_cast<double>(word_bytes) / static_cast<double>(words.size());
  std::printf("corpus: %zu bytes, %zu Arabic-script words, %d repeats (median); checker built in %.2f s\n",
              corpus.size(), words.size(), repeats, build_s);

  std::string dst(corpus.size(), '\0');
  volatile size_t sink = 0;
  double memcpy_bps = median_rate(corpus.size(), repeats, [&] {
    std::memcpy(dst.data(), corpus.data(), corpus.size());
    sink = sink + static_cast<unsigned char>(dst[dst.size() / 2]);
  });
  const double memcpy_wps = memcpy_bps / avg;
  std::printf("%-34s %14.0f words/s (%.1f MB/s)\n", "memcpy (same bytes)", memcpy_wps, memcpy_bps / 1e6);

  if (part("check")) {
    double check_first = 0;
    double check_wps = median_rate(words.size(), repeats, [&] {
      size_t bad = 0;
      for (auto w : words) bad += !sc.check(w);
      sink = sink + bad;
    }, &check_first);
    std::printf("%-34s %14.0f words/s  (%.4f of memcpy)\n", "check", check_wps, check_wps / memcpy_wps);
    std::printf("%-34s %14.0f words/s  (first pass: per-thread verdict cache cold)\n", "check (first pass)", check_first);
  }

  if (part("plain")) {
    kurdi::SpellOptions o;
    o.use_morphology = false;
    const kurdi::SpellChecker plain(o);
    double wps = median_rate(words.size(), repeats, [&] {
      size_t bad = 0;
      for (auto w : words) bad += !plain.check(w);
      sink = sink + bad;
    });
    std::printf("%-34s %14.0f words/s  (%.4f of memcpy)\n", "check (no morphology)", wps, wps / memcpy_wps);
  }

  if (!part("suggest")) return 0;
  // 20,000 misspellings of distinct corpus words of 3+ letters.
  std::vector<std::string> bad;
  for (size_t i = 0; i < words.size() && bad.size() < 20000; i += 7) {
    if (kurdi::utf8::length(words[i]) < 3) continue;
    std::string m = misspell(words[i], static_cast<unsigned>(i));
    if (!sc.check(m)) bad.push_back(std::move(m));
  }
  double sugg_wps = median_rate(bad.size(), repeats, [&] {
    size_t n = 0;
    for (const auto& w : bad) n += sc.suggest(w, 5).size();
    sink = sink + n;
  });
  std::printf("%-34s %14.0f words/s  (%zu misspelled words)\n", "suggest (5 each)", sugg_wps, bad.size());
  return 0;
}
