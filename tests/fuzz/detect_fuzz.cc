// libFuzzer harness: kurdi::Detector::detect on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kurdi/detect.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::Detector detector;
  kurdi::Detection d = detector.detect(std::string_view(reinterpret_cast<const char*>(data), size));
  if (d.confidence < 0 || d.confidence > 1 || d.label.empty()) __builtin_trap();
  return 0;
}
