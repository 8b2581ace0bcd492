// kurdi translit: Arabic-script Sorani <-> Kurdish Latin (Hawar), line-preserving.
// kurdi-stages: translit
#include "cli.h"
#include "kurdi/translit.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string to;
  std::string format = "text";
  bool capitalize = false;
  bool heavy_r = false;
};
Flags flags;


int run(Common& common) {
  if (flags.to != "latin" && flags.to != "arabic") {
    error("translit: --to must be latin or arabic");
    return kExitUsage;
  }
  if (flags.format != "text" && flags.format != "jsonl") {
    error("translit: unknown --format '" + flags.format + "' (expected text or jsonl)");
    return kExitUsage;
  }
  TranslitOptions o;
  o.capitalize = flags.capitalize;
  o.initial_heavy_r = flags.heavy_r;
  Transliterator t(o);
  bool latin = flags.to == "latin";
  if (flags.format == "text") {
    return process_lines(common, [&](std::string_view line, bool, std::string& out) {
      if (latin) t.to_latin(line, out);
      else t.to_arabic(line, out);
    });
  }
  std::string tmp;
  std::vector<TranslitSpan> spans;
  return process_lines(
      common,
      [&](std::string_view line, bool, std::string& out) {
        tmp.clear();
        spans.clear();
        if (latin) t.to_latin(line, tmp, &spans);
        else t.to_arabic(line, tmp, &spans);
        out += "{\"text\":";
        append_json_string(out, tmp);
        out += ",\"words\":[";
        for (size_t k = 0; k < spans.size(); ++k) {
          const auto& s = spans[k];
          if (k) out += ',';
          out += "{\"start\":" + std::to_string(s.src_start) + ",\"end\":" + std::to_string(s.src_end) +
                 ",\"out_start\":" + std::to_string(s.out_start) + ",\"out_end\":" + std::to_string(s.out_end) +
                 ",\"source\":";
          append_json_string(out, line.substr(s.src_start, s.src_end - s.src_start));
          out += ",\"target\":";
          append_json_string(out, std::string_view(tmp).substr(s.out_start, s.out_end - s.out_start));
          out += '}';
        }
        out += "]}";
      },
      true);
}

Registrar reg({"translit", "transliterate Arabic-script Sorani <-> Kurdish Latin (Hawar), line by line",
               "echo 'کوردستان و ئێران' | kurdi translit --to latin   # -> kurdistan û êran\n"
               "  echo 'kurdistan û êran' | kurdi translit --to arabic  # -> کوردستان و ئێران",
               [](CLI::App& app, Common&) {
                 app.add_option("--to", flags.to, "target script: latin or arabic")->required();
                 app.add_flag("--capitalize", flags.capitalize,
                              "latin: capitalize sentence starts and the proper nouns the analyzer knows");
                 app.add_flag("--heavy-r", flags.heavy_r, "latin: write word-initial ڕ as ř (default r)");
                 app.add_option("--format", flags.format,
                                "text (default) or jsonl ({text, words:[{start,end,out_start,out_end,source,target}]} per line)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
