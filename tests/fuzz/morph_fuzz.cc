// libFuzzer harness for every public entry point of kurdi::Analyzer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kurdi/morph.h"

namespace {
const kurdi::Analyzer* g_analyzer = nullptr;
}  // namespace

// The analyzer's tables are built once before fuzzing starts, not inside the first input's timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_analyzer = new kurdi::Analyzer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const kurdi::Analyzer& analyzer = *g_analyzer;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t tab = in.find('\t');
  std::string_view word = in.substr(0, tab);
  auto as = analyzer.analyze(word);
  for (const auto& a : as)
    for (const auto& m : a.morphs)
      if (m.start > m.end || m.end > word.size() + 64) __builtin_trap();
  (void)analyzer.lemma(word);
  (void)analyzer.lemmas(word, 3);
  (void)analyzer.stem(word);
  (void)analyzer.known(word);
  if (tab != std::string_view::npos && size < 256) (void)analyzer.inflect(word, in.substr(tab + 1));
  kurdi::MorphCache cache(analyzer, 4);
  (void)cache.lemma(word);
  (void)cache.stem(word);
  (void)cache.known(word);
  return 0;
}
