// kurdi serve: POST /v1/detect and /v1/decode.
// kurdi-stages: detect decode normalize serve
#include "kurdi/decode.h"
#include "kurdi/detect.h"
#include "kurdi/normalize.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

const Detector& detector() {
  static const Detector d;
  return d;
}

Json detection(const Detection& d, size_t start, size_t end) {
  return {{"label", d.label}, {"script", d.script}, {"confidence", d.confidence}, {"start", start}, {"end", end}};
}

Reply detect(const Call& c) {
  Json out = Json::array();
  if (c.flag("document")) {
    out.push_back(detection(detector().detect(c.text), 0, c.text.size()));
    return Reply::ok(std::move(out));
  }
  bool in_time = for_each_line(c, [&](std::string_view line, size_t offset, size_t line_no) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    Json j = detection(detector().detect(line), offset, offset + line.size());
    j["line"] = line_no;
    out.push_back(std::move(j));
  });
  if (!in_time) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Reply decode(const Call& c) {
  static const LegacyDecoder decoder;
  // Decoded text already tells ە from ه: the normalizer must not guess it again (as `kurdi decode`).
  static const Normalizer normalizer([] {
    NormalizeOptions o = NormalizeOptions::standard();
    o.final_heh = false;
    o.convention_repair = false;
    return o;
  }());
  std::string from = c.str("from");
  bool automatic = from == "auto";
  Font fixed = Font::kNone;
  if (!automatic) {
    auto f = parse_font(from);
    if (!f) return Reply::fail(400, f.error().message);
    fixed = *f;
  }
  std::string out;
  bool ok = map_lines(c, out, [&](std::string_view line, std::string& o) {
    Font font = automatic ? decoder.detect_font(line) : fixed;
    if (automatic && font == Font::kNone) {
      o.append(line);  // not legacy: left exactly as it is
    } else {
      normalizer.normalize(decoder.decode(line, font), o);
    }
  });
  if (!ok) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

OpRegistrar reg_det({"detect", "detect", "language of each line: ckb kmr sdh hac zza fa ar tr en und",
                     "ناسینەوەی زمان و شێوەزار بۆ هەر دێڕێک", false, false,
                     {bool_field("document", false, "one label for the whole text instead of one per line")},
                     "ئەمڕۆ کەشوهەوا خۆشە", detect});
OpRegistrar reg_dec({"decode", "decode", "legacy-font Kurdish (Ali-K, Ali-Web, Dylan, Zarnegar) -> Unicode Sorani, line by line",
                     "گۆڕینی فۆنتی کۆن (عەلی-کەی، دیلان، زەرنەگار) بۆ یونیکۆد", true, false,
                     {enum_field("from", {"auto", "alik", "aliweb", "dylan", "zarnegar", "none"}, "auto",
                                 "the legacy font (auto: per line; lines that are not legacy are left untouched)")},
                     "بةرِيَوةبةرى طشتى", decode});

}  // namespace
}  // namespace kurdi::serve
