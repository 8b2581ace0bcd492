// libFuzzer harness for kurdi::SentenceSplitter::split: never crashes, sentences are ordered,
// non-empty, in bounds, and only white space lies outside them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kurdi/sentences.h"
#include "kurdi/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::SentenceSplitter splitter;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  size_t prev = 0;
  auto only_space = [&](size_t from, size_t to) {
    for (size_t i = from; i < to;) {
      int len;
      if (!kurdi::chars::is_space(kurdi::utf8::decode(s, i, len))) abort();
      i += static_cast<size_t>(len);
    }
  };
  for (const kurdi::SentenceSpan& sp : splitter.split(s)) {
    if (sp.begin < prev || sp.end <= sp.begin || sp.end > size) abort();
    only_space(prev, sp.begin);
    prev = sp.end;
  }
  only_space(prev, size);
  return 0;
}
