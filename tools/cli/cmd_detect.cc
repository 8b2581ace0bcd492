// kurdi detect: language / dialect of each line (or of each whole input with --document).
#include <cstdio>

#include "cli.h"
#include "kurdi/detect.h"

namespace kurdi::cli {
namespace {

struct Flags {
  bool document = false;
  bool jsonl = false;
  DetectOptions options;
};
Flags flags;

void emit(const Detection& d, std::string& out) {
  if (!flags.jsonl) {
    out.append(d.label);
    return;
  }
  char conf[32];
  std::snprintf(conf, sizeof conf, "%.4f", d.confidence);
  out += "{\"label\":\"";
  out.append(d.label);
  out += "\",\"script\":\"";
  out.append(d.script);
  out += "\",\"confidence\":";
  out += conf;
  out += '}';
}

int run(Common& common) {
  Detector detector(flags.options);
  if (flags.document) {
    return process_documents(common, [&](std::string_view doc, std::string& out) {
      emit(detector.detect(doc), out);
      out += '\n';
    });
  }
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    emit(detector.detect(line), out);
  }, /*whole_lines=*/true);
}

Registrar reg({"detect", "language of each line: ckb kmr sdh hac zza fa ar tr en und",
               "echo 'ئەمڕۆ کەشوهەوا خۆشە' | kurdi detect --jsonl   # -> {\"label\":\"ckb\",\"script\":\"Arab\",...}",
               [](CLI::App& app, Common&) {
                 app.add_flag("--document", flags.document, "one label per input file (or stdin) instead of per line");
                 app.add_flag("--jsonl", flags.jsonl, "one JSON object per line: label, script, confidence");
                 auto& o = flags.options;
                 app.add_option("--short-letters", o.short_text_letters,
                                "Arabic-script inputs shorter than this many letters lean to ckb (default 24)");
                 app.add_option("--short-words", o.short_text_words, "... with at most this many words (default 1)");
                 app.add_option("--short-bias", o.short_text_bias, "strength of that lean per missing letter (default 20)");
                 app.add_option("--known-words", o.known_words,
                                "texts of at most this many Arabic-script words, all known to the Sorani analyzer, "
                                "are ckb rather than kmr/sdh/hac (default 6, 0: off)");
                 app.add_option("--foreign-ratio", o.foreign_word_ratio,
                                "share of words with Urdu/Sindhi/Kashmiri letters that makes a text und (default 0.1)");
                 app.add_option("--english-ratio", o.english_ratio,
                                "share of English function words that makes a Latin text en (default 0.2)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
