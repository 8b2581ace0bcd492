// kurdi g2p: Sorani words -> syllabified phonemes (AsoSoft notation) or IPA, line-preserving.
// Numbers, dates, times, phone numbers and units are read out first by the number verbalizer (as
// `kurdi verbalize`), so ٢٠٢١ is pronounced as the words دوو هەزار و بیست و یەک; --no-verbalize keeps
// them as written. Abbreviations (هتد) and Latin acronyms are not expanded: they are pronounced as
// written (the G2P sets' convention: هتد -> .hi.tid).
// kurdi-stages: translit numbers
#include "cli.h"
#include "kurdi/numbers.h"
#include "kurdi/translit.h"

namespace kurdi::cli {
namespace {

struct Flags {
  bool ipa = false;
  bool no_syllables = false;
  bool no_verbalize = false;
};
Flags flags;

int run(Common& common) {
  TranslitOptions o;
  o.ipa = flags.ipa;
  o.syllables = !flags.no_syllables;
  Transliterator t(o);
  if (flags.no_verbalize)
    return process_lines(
        common, [&](std::string_view line, bool, std::string& out) { t.g2p(line, out); }, true);
  Verbalizer v(VerbalizeOptions::for_g2p());
  std::string spoken;
  return process_lines(
      common,
      [&](std::string_view line, bool, std::string& out) {
        spoken.clear();
        v.verbalize(line, spoken);
        t.g2p(spoken, out);
      },
      true);
}

Registrar reg({"g2p", "pronunciation: syllabified phonemes (.ʔa.za.dî) or IPA, one word (or text) per line",
               "echo 'ئازادی' | kurdi g2p   # -> .ʔa.za.dî\n  echo 'ئازادی' | kurdi g2p --ipa   # -> ʔaː.zaː.diː\n"
               "  echo '٢٣' | kurdi g2p   # -> .bîs.tû .sê (numbers read out first)",
               [](CLI::App& app, Common&) {
                 app.add_flag("--ipa", flags.ipa, "IPA instead of the AsoSoft phoneme notation");
                 app.add_flag("--no-syllables", flags.no_syllables, "leave out the syllable marks");
                 app.add_flag("--no-verbalize", flags.no_verbalize,
                              "leave numbers, dates and units as written (default: read them out first with the number verbalizer)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
