// kurdi detect: language / dialect of each line (or of each whole input with --document).
#include <cstdio>

#include "cli.h"
#include "kurdi/detect.h"

namespace kurdi::cli {
namespace {

struct Flags {
  bool document = false;
  bool jsonl = false;
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
  Detector detector;
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
               },
               run});

}  // namespace
}  // namespace kurdi::cli
