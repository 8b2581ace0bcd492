// libFuzzer harness for every public entry point of the numbers stage.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::NumberSpeller speller;
  static const kurdi::NumberSpeller dilan(kurdi::NumberOptions::dilan());
  static const kurdi::Verbalizer verbalizer = [] {
    kurdi::VerbalizeOptions o;
    o.emoji = true;
    return kurdi::Verbalizer(o);
  }();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  std::vector<kurdi::NumberSpan> spans;
  speller.text_to_words(in, out, &spans);
  for (const auto& s : spans)
    if (s.in_end > in.size() || s.in_begin > s.in_end || s.out_end > out.size()) __builtin_trap();
  out.clear();
  spans.clear();
  dilan.text_to_digits(in, out, &spans);
  for (const auto& s : spans)
    if (s.in_end > in.size() || s.out_end > out.size()) __builtin_trap();
  out.clear();
  spans.clear();
  kurdi::OffsetMap map;
  verbalizer.verbalize(in, out, &spans, &map);
  for (const auto& s : spans)
    if (s.in_end > in.size() || s.out_end > out.size() || map.to_input(s.out_begin) > in.size()) __builtin_trap();
  (void)speller.number(in);
  (void)speller.parse_cardinal(in);
  std::string w;
  speller.append_cardinal_digits(in, w);
  return 0;
}
