// kurdi decode: legacy-font Kurdish (Ali-K, Ali-Web, Dylan, Zarnegar) -> Unicode Sorani, line-preserving.
#include "cli.h"
#include "kurdi/decode.h"
#include "kurdi/normalize.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string from = "auto";
  std::string format = "text";
};
Flags flags;


int run(Common& common) {
  bool automatic = flags.from == "auto";
  Font fixed = Font::kNone;
  if (!automatic) {
    auto f = parse_font(flags.from);
    if (!f) { error(f.error().message); return kExitUsage; }
    fixed = *f;
  }
  if (flags.format != "text" && flags.format != "jsonl") {
    error("unknown --format '" + flags.format + "' (expected text or jsonl)");
    return kExitUsage;
  }
  bool jsonl = flags.format == "jsonl";
  LegacyDecoder decoder;
  // Decoded text already tells ە from ه: the normalizer must not guess it again.
  NormalizeOptions nopt = NormalizeOptions::standard();
  nopt.final_heh = false;
  nopt.convention_repair = false;
  Normalizer normalizer(nopt);
  std::string tmp;
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    Font font = automatic ? decoder.detect_font(line) : fixed;
    std::string* dst = jsonl ? &tmp : &out;
    if (jsonl) tmp.clear();
    if (automatic && font == Font::kNone) {
      // not legacy: left as it is, apart from invalid UTF-8 (U+FFFD, the default policy)
      decoder.decode(line, Font::kNone, *dst, nullptr);
    } else {
      std::string decoded = decoder.decode(line, font);
      normalizer.normalize(decoded, *dst);
    }
    if (jsonl) {
      out += "{\"font\":\"";
      out += to_string(font);
      out += "\",\"start\":0,\"end\":";
      out += std::to_string(line.size());
      out += ",\"text\":";
      append_json_string(out, tmp);
      out += '}';
    }
  }, /*whole_lines=*/true, InputBytes::kRaw);  // the decoder replaces invalid UTF-8 itself
}

Registrar reg({"decode", "legacy-font Kurdish (Ali-K, Ali-Web, Dylan, Zarnegar) -> Unicode Sorani, line by line",
               "echo 'بةرِيَوةبةرى طشتى' | kurdi decode --from auto   # -> بەڕێوەبەری گشتی",
               [](CLI::App& app, Common&) {
                 app.add_option("--from", flags.from,
                                "alik, aliweb, dylan, zarnegar, none (normalize only) or auto (default: per line, "
                                "leaves non-legacy lines untouched)");
                 app.add_option("--format", flags.format, "text (default) or jsonl ({font,start,end,text} per line)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
