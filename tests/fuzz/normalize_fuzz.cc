// libFuzzer harness for the normalizer: no crash, valid UTF-8 out, idempotent, offsets in bounds.
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
    size_t prev = 0;
    for (size_t o = 0; o <= out.size(); ++o) {
      size_t i = map.to_input(o);
      if (i > in.size() || i < prev) std::abort();
      prev = i;
    }
  }
  return 0;
}
