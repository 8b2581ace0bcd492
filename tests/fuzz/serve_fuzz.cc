// libFuzzer harness for the request layer of `kurdi serve` (tools/cli/serve_api.cc): any body, for
// a valid and an unknown operation, gives a reply that is valid JSON with "result" (200) or "error"
// (4xx/5xx), never a crash or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "../../tools/cli/serve_api.cc"
#include "../../tools/cli/serve_ops_normalize.cc"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kurdi::serve::Config config = [] {
    kurdi::serve::Config c;
    c.max_body = 1 << 16;
    return c;
  }();
  std::string_view body(reinterpret_cast<const char*>(data), size);
  for (std::string_view op : {"normalize", "nosuchop"}) {
    kurdi::serve::Reply r = kurdi::serve::handle(op, body, config);
    if (r.status == 200 && op != "normalize") std::abort();
    if (r.status != 200 && r.error.empty()) std::abort();
    std::string out = kurdi::serve::to_body(r);
    auto j = kurdi::serve::Json::parse(out, nullptr, false);
    if (j.is_discarded() || !j.is_object()) std::abort();
    if (!j.contains(r.status == 200 ? "result" : "error")) std::abort();
  }
  return 0;
}
