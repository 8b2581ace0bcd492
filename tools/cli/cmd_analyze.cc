// kurdi analyze: every analysis of each word (lemma, POS, UniMorph features, segmentation).
#include <cstdio>

#include "cli.h"
#include "kurdi/morph.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string format = "tsv";
  int max = 16;
  bool no_guess = false;
  bool no_colloquial = false;
};
Flags flags;


int run(Common& common) {
  if (flags.format != "tsv" && flags.format != "jsonl") { error("--format must be tsv or jsonl"); return kExitUsage; }
  MorphOptions o;
  o.max_analyses = flags.max < 0 ? 0 : static_cast<size_t>(flags.max);
  o.guess = !flags.no_guess;
  o.colloquial = !flags.no_colloquial;
  Analyzer analyzer(o);
  bool jsonl = flags.format == "jsonl";
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    bool any = false;
    for_word_spans(line, [&](size_t i, size_t j, size_t, size_t) {
      if (i == j) return;  // punctuation alone
      std::string_view w = line.substr(i, j - i);
      auto as = analyzer.analyze(w);
      if (jsonl) {
        if (any) out += '\n';
        out += "{\"word\":";
        append_json_string(out, w);
        out += ",\"start\":" + std::to_string(i) + ",\"end\":" + std::to_string(j) + ",\"analyses\":[";
        for (size_t k = 0; k < as.size(); ++k) {
          const auto& a = as[k];
          if (k) out += ',';
          out += "{\"lemma\":";
          append_json_string(out, a.lemma);
          out += ",\"pos\":";
          append_json_string(out, a.pos);
          out += ",\"features\":";
          append_json_string(out, a.features);
          out += ",\"guessed\":";
          out += a.guessed ? "true" : "false";
          if (a.induced) out += ",\"induced\":true";  // the stem is from the induced-stem table
          char sc[32];
          std::snprintf(sc, sizeof sc, "%.2f", a.score);
          out += ",\"score\":";
          out += sc;
          out += ",\"morphs\":[";
          for (size_t m = 0; m < a.morphs.size(); ++m) {
            if (m) out += ',';
            out += "{\"form\":";
            append_json_string(out, a.morphs[m].form);
            out += ",\"tag\":";
            append_json_string(out, a.morphs[m].tag);
            out += ",\"start\":" + std::to_string(a.morphs[m].start + i) + ",\"end\":" + std::to_string(a.morphs[m].end + i) + "}";
          }
          out += "]}";
        }
        out += "]}";
      } else {
        // tsv: word<TAB>lemma<TAB>features<TAB>segmentation<TAB>guessed; analyses of one word separated by " || "
        if (any) out += ' ';
        out += w;
        for (size_t k = 0; k < as.size(); ++k) {
          const auto& a = as[k];
          out += k ? " || " : "\t";
          out += a.lemma;
          out += '\t';
          out += a.features;
          out += '\t';
          for (size_t m = 0; m < a.morphs.size(); ++m) {
            if (m) out += '+';
            out += a.morphs[m].form;
            out += '/';
            out += a.morphs[m].tag;
          }
          if (a.guessed) out += "\t(guess)";
        }
      }
      any = true;
    });
  }, true);
}

Registrar reg({"analyze", "every analysis of each word: lemma, POS, UniMorph features, segmentation (ranked)",
               "echo 'کتێبەکانیان' | kurdi analyze   # -> کتێبەکانیان<TAB>کتێب<TAB>N;DEF;PL;PSS3P<TAB>کتێب/STEM+ەکان/DEF;PL+یان/PSS3P",
               [](CLI::App& app, Common&) {
                 app.add_option("--format", flags.format, "tsv (default) or jsonl");
                 app.add_option("--max", flags.max, "analyses per word (default 16, 0 = all)");
                 app.add_flag("--no-guess", flags.no_guess, "no guesser for unknown stems");
                 app.add_flag("--no-colloquial", flags.no_colloquial,
                              "standard spelling only, as the spell checker judges (no ئە- for دە-, no single و/ی for وو/یی, no ل ی ر و for ڵ ێ ڕ ۆ)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
