// Throughput of the tokenizer and the sentence splitter on the benchmark corpus, beside memcpy over
// the same buffer in the same run. One core (thread CPU time); 5 repetitions; the median is printed.
//   bash ../shared/eval/make_corpus.sh ../shared/data /tmp/kurdi-bench/corpus.txt
//   build/bench/tokenize_bench /tmp/kurdi-bench/corpus.txt
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "kurdi/sentences.h"
#include "kurdi/tokenize.h"

namespace {

// CPU time of this thread: the figure for one core, even when the machine is shared.
template <class F>
double median_mbps(size_t bytes, F&& f) {
  return kurdi::bench::median_rate(static_cast<double>(bytes) / 1e6, 5, f);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS.txt\n", argv[0]);
    return 2;
  }
  const std::string text = kurdi::bench::read_corpus(argv[1]);
  // Lines, as the CLI sees them.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.emplace_back(text.data() + pos, nl - pos);
    pos = nl + 1;
  }
  std::string copy(text.size(), '\0');
  volatile size_t sink = 0;
  double memcpy_mbps = median_mbps(text.size(), [&] {
    std::memcpy(copy.data(), text.data(), text.size());
    sink = sink + static_cast<unsigned char>(copy[text.size() / 2]);
  });

  kurdi::Tokenizer tokenizer;
  std::vector<kurdi::Token> tokens;
  tokens.reserve(1 << 16);
  size_t ntokens = 0;
  double tok_mbps = median_mbps(text.size(), [&] {
    ntokens = 0;
    for (std::string_view l : lines) {
      tokens.clear();
      tokenizer.tokenize(l, tokens);
      ntokens += tokens.size();
    }
  });

  kurdi::TokenizeOptions split_opts;
  split_opts.split_clitics = true;
  kurdi::Tokenizer splitter_tok(split_opts);
  size_t nsplit = 0;
  // KURDI_BENCH_NO_SPLIT=1 skips the (slow, allocation-heavy) clitic splitting run.
  double split_mbps = std::getenv("KURDI_BENCH_NO_SPLIT") ? 0.0 : median_mbps(text.size(), [&] {
    nsplit = 0;
    for (std::string_view l : lines) {
      tokens.clear();
      splitter_tok.tokenize(l, tokens);
      nsplit += tokens.size();
    }
  });

  kurdi::SentenceSplitter sentences;
  std::vector<kurdi::SentenceSpan> spans;
  size_t nsent = 0;
  double sent_mbps = median_mbps(text.size(), [&] {
    nsent = 0;
    for (std::string_view l : lines) {
      spans.clear();
      sentences.split(l, spans);
      nsent += spans.size();
    }
  });

  std::printf("corpus %zu bytes, %zu lines\n", text.size(), lines.size());
  std::printf("memcpy                      %10.1f MB/s\n", memcpy_mbps);
  std::printf("tokenize                    %10.1f MB/s  (%zu tokens)\n", tok_mbps, ntokens);
  std::printf("tokenize --split-clitics    %10.1f MB/s  (%zu tokens)\n", split_mbps, nsplit);
  std::printf("sentences                   %10.1f MB/s  (%zu sentences)\n", sent_mbps, nsent);
  return static_cast<int>(sink & 0);
}
