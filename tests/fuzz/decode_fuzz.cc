// libFuzzer harness: kurdi::LegacyDecoder (detect_font, decode with every font and an offset map,
// encode) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kurdi/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::LegacyDecoder decoder;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  kurdi::Font guessed = decoder.detect_font(in);
  const kurdi::Font fonts[] = {kurdi::Font::kNone, kurdi::Font::kAliK, kurdi::Font::kAliWeb,
                               kurdi::Font::kDylan, kurdi::Font::kZarnegar, guessed};
  for (kurdi::Font f : fonts) {
    std::string out;
    kurdi::OffsetMap map;
    decoder.decode(in, f, out, &map);
    if (map.output_size() != out.size()) __builtin_trap();
    for (size_t o = 0; o <= out.size(); o += 7)
      if (map.to_input(o) > map.input_size()) __builtin_trap();
    (void)decoder.encode(in, f);
  }
  return 0;
}
