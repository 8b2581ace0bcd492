// libFuzzer harness for kurdi::Tokenizer::tokenize (plain, and with clitic splitting + multiword
// expressions): never crashes, tokens are ordered, non-empty, in bounds, and the gaps between them
// hold no letters or digits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kurdi/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::Tokenizer plain;
  static const kurdi::Tokenizer split([] {
    kurdi::TokenizeOptions o;
    o.split_clitics = true;
    o.multiword = true;
    return o;
  }());
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const kurdi::Tokenizer* t : {&plain, &split}) {
    size_t prev = 0;
    for (const kurdi::Token& k : t->tokenize(s)) {
      if (k.begin < prev || k.end <= k.begin || k.end > size) abort();
      for (size_t i = prev; i < k.begin;) {
        int len;
        char32_t c = kurdi::utf8::decode(s, i, len);
        if (kurdi::chars::is_letter(c) || kurdi::chars::is_digit(c)) abort();
        i += static_cast<size_t>(len);
      }
      prev = k.end;
    }
  }
  return 0;
}
