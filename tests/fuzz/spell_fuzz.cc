// libFuzzer harness for the spell checker: check, suggest, check_text and the Repairer never crash,
// text-mode spans lie inside the input, suggestions are valid UTF-8, repair offsets are monotone.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kurdi/spell.h"

namespace {
const kurdi::SpellChecker* g_checker = nullptr;
const kurdi::Repairer* g_repairer = nullptr;
}  // namespace

// The checker (compiled lexicon, frequency model, candidate index) is built once before fuzzing
// starts: under ASan on a loaded machine that takes seconds, which must not count against the
// first input's timeout (it did: a "timeout" on the empty input, inside SpellChecker::build).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_checker = new kurdi::SpellChecker();
  g_repairer = new kurdi::Repairer(*g_checker);
  // What the checker builds on first use (the lexicon-form candidates, the normalizer's convention
  // word index) is built here too: on a loaded machine under ASan it took the first seed input past
  // the 10 s timeout (session 8: "timeout" on a 4 KB sample text whose own work takes well under 1 s).
  std::string out;
  (void)g_checker->suggest("کتێبی", 5);  // a misspelt word: the candidate search
  (void)g_checker->check_text("ئەم کتێبی", 3);
  g_repairer->repair("كتيب به سهر", out, nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const kurdi::SpellChecker& checker = *g_checker;
  const kurdi::Repairer& repairer = *g_repairer;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)checker.check(in);
  for (const auto& s : checker.suggest(in.substr(0, 64), 5))
    if (!kurdi::utf8::is_valid(s.word)) std::abort();
  size_t prev = 0;
  for (const auto& f : checker.check_text(in, 3)) {
    if (f.start < prev || f.end > in.size() || f.start >= f.end) std::abort();
    prev = f.end;
  }
  std::string out;
  kurdi::OffsetMap map;
  repairer.repair(in, out, &map);
  size_t last = 0;
  for (size_t o = 0; o <= out.size(); ++o) {
    size_t i = map.to_input(o);
    if (i > in.size() || i < last) std::abort();
    last = i;
  }
  return 0;
}
