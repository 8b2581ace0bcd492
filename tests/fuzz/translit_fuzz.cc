// libFuzzer harness for the transliterator's public entry points: text and word conversion in both
// directions and G2P (AsoSoft notation and IPA). Checks that nothing crashes and that the Latin
// output of valid input is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/text.h"
#include "kurdi/translit.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::Transliterator t;
  static const kurdi::Transliterator cap([] {
    kurdi::TranslitOptions o;
    o.capitalize = true;
    o.ipa = true;
    return o;
  }());
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  std::vector<kurdi::TranslitSpan> spans;
  t.to_latin(in, out, &spans);
  for (const auto& s : spans)
    if (s.src_end > in.size() || s.out_end > out.size() || s.src_start > s.src_end) __builtin_trap();
  if (kurdi::utf8::is_valid(in) && !kurdi::utf8::is_valid(out)) __builtin_trap();
  out.clear();
  t.to_arabic(in, out, &spans);
  out.clear();
  t.g2p(in, out);
  out.clear();
  cap.to_latin(in, out);
  cap.g2p(in, out);
  if (size < 64) {
    (void)t.word_to_latin(in);
    (void)t.word_to_arabic(in);
    (void)t.g2p_word(in, false);
    (void)t.g2p_word(in, true);
  }
  return 0;
}
