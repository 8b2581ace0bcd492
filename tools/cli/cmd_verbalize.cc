// kurdi verbalize: running text -> speakable Sorani text (numbers, dates, times, phones, units ...).
#include <cstdio>

#include "cli.h"
#include "kurdi/numbers.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string style = "default";
  std::string hundreds;
  bool yek_hezar = false;
  std::string scale = "short";
  std::string months = "auto";
  bool mdy = false;
  bool emoji = false;
  bool no_acronyms = false;
  bool no_phones = false;
  std::string format = "text";
};
Flags flags;


int run(Common& common) {
  VerbalizeOptions v;
  if (flags.style == "dilan") v.numbers = NumberOptions::dilan();
  else if (flags.style != "default") { error("--style must be default or dilan"); return kExitUsage; }
  if (flags.hundreds == "joined") v.numbers.hundreds = NumberOptions::Hundreds::kJoined;
  else if (flags.hundreds == "apart") v.numbers.hundreds = NumberOptions::Hundreds::kApart;
  else if (!flags.hundreds.empty()) { error("--hundreds must be apart or joined"); return kExitUsage; }
  if (flags.yek_hezar) v.numbers.yek_hezar = true;
  if (flags.scale == "long") v.numbers.scale = NumberOptions::Scale::kLong;
  else if (flags.scale != "short") { error("--scale must be short or long"); return kExitUsage; }
  if (flags.months == "iraqi") v.months = VerbalizeOptions::Months::kIraqi;
  else if (flags.months == "solar") v.months = VerbalizeOptions::Months::kSolar;
  else if (flags.months != "auto") { error("--months must be auto, iraqi or solar"); return kExitUsage; }
  v.dmy = !flags.mdy;
  v.emoji = flags.emoji;
  v.acronyms = !flags.no_acronyms;
  v.phones = !flags.no_phones;
  bool jsonl = flags.format == "jsonl";
  if (!jsonl && flags.format != "text") { error("--format must be text or jsonl"); return kExitUsage; }
  Verbalizer verb(v);
  std::vector<NumberSpan> spans;
  std::string tmp;
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    if (!jsonl) { verb.verbalize(line, out); return; }
    spans.clear();
    tmp.clear();
    verb.verbalize(line, tmp, &spans);
    out += "{\"text\":\"";
    append_json_escaped(out, tmp);
    out += "\",\"spans\":[";
    for (size_t k = 0; k < spans.size(); ++k) {
      const auto& s = spans[k];
      if (k) out += ',';
      out += "{\"kind\":\"";
      out += to_string(s.kind);
      out += "\",\"start\":" + std::to_string(s.in_begin) + ",\"end\":" + std::to_string(s.in_end) +
             ",\"out_start\":" + std::to_string(s.out_begin) + ",\"out_end\":" + std::to_string(s.out_end) +
             ",\"source\":\"";
      append_json_escaped(out, line.substr(s.in_begin, s.in_end - s.in_begin));
      out += "\",\"spoken\":\"";
      append_json_escaped(out, std::string_view(tmp).substr(s.out_begin, s.out_end - s.out_begin));
      out += "\"}";
    }
    out += "]}";
  }, true);
}

Registrar reg({"verbalize", "running text -> speakable Sorani (numbers, dates, times, phones, %, money, units, acronyms)",
               "echo 'لە ١٩ - ١١ - ٢٠٢١ نرخی $5 بوو' | kurdi verbalize\n"
               "  # -> لە نۆزدەی تشرینی دووەمی ساڵی دوو هەزار و بیست و یەک نرخی پێنج دۆلار بوو\n"
               "  kurdi verbalize --format jsonl   # one JSON object per line: text + spans with byte offsets",
               [](CLI::App& app, Common&) {
                 app.add_option("--style", flags.style, "number convention: default or dilan (یەک هەزار)");
                 app.add_option("--hundreds", flags.hundreds, "apart (default) or joined");
                 app.add_flag("--yek-hezar", flags.yek_hezar, "یەک هەزار for exactly one thousand");
                 app.add_option("--scale", flags.scale, "short (default) or long");
                 app.add_option("--months", flags.months, "auto (default), iraqi (کانوونی دووەم ...) or solar (خاکەلێوە ...)");
                 app.add_flag("--mdy", flags.mdy, "read a/b/yyyy as month/day/year (default day/month/year)");
                 app.add_flag("--emoji", flags.emoji, "read emoji by name (default: leave them)");
                 app.add_flag("--no-acronyms", flags.no_acronyms, "leave Latin acronyms as they are");
                 app.add_flag("--no-phones", flags.no_phones, "do not read digit groups as phone numbers");
                 app.add_option("--format", flags.format, "text (default) or jsonl (text + spans with byte offsets)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
