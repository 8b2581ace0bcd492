// libFuzzer harness for the normalizer: no crash, valid UTF-8 out, idempotent, offsets in bounds,
// and a text with several lines gives what its lines give one by one (with and without a map).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kurdi/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::Normalizer standard;
  static const kurdi::Normalizer search(kurdi::NormalizeOptions::search());
  static const kurdi::Normalizer minimal(kurdi::NormalizeOptions::minimal());
  std::string_view in(reinterpret_cast<const char*>(data), size);
  for (const kurdi::Normalizer* n : {&standard, &search, &minimal}) {
    std::string out;
    kurdi::OffsetMap map;
    n->normalize(in, out, &map);
    if (!kurdi::utf8::is_valid(out)) std::abort();
    if (n->normalize(out) != out) std::abort();
    if (n->normalize(in) != out) std::abort();
    if (in.find('\n') != std::string_view::npos) {
      std::string lines;
      for (size_t b = 0;;) {
        size_t e = in.find('\n', b);
        if (e == std::string_view::npos) e = in.size();
        n->normalize(in.substr(b, e - b), lines);
        if (e == in.size()) break;
        lines += '\n';
        b = e + 1;
      }
      if (lines != out) std::abort();
    }
    size_t prev = 0;
    for (size_t o = 0; o <= out.size(); ++o) {
      size_t i = map.to_input(o);
      if (i > in.size() || i < prev) std::abort();
      prev = i;
    }
  }
  return 0;
}
