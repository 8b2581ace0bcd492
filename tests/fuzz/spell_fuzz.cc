// libFuzzer harness for the spell checker: check, suggest, check_text and the Repairer never crash,
// text-mode spans lie inside the input, suggestions are valid UTF-8, repair offsets are monotone.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kurdi/spell.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::SpellChecker checker;
  static const kurdi::Repairer repairer(checker);
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
