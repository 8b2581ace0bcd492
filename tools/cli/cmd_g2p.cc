// kurdi g2p: Sorani words -> syllabified phonemes (AsoSoft notation) or IPA, line-preserving.
// kurdi-stages: translit
#include "cli.h"
#include "kurdi/translit.h"

namespace kurdi::cli {
namespace {

struct Flags {
  bool ipa = false;
  bool no_syllables = false;
};
Flags flags;

int run(Common& common) {
  TranslitOptions o;
  o.ipa = flags.ipa;
  o.syllables = !flags.no_syllables;
  Transliterator t(o);
  return process_lines(
      common, [&](std::string_view line, bool, std::string& out) { t.g2p(line, out); }, true);
}

Registrar reg({"g2p", "pronunciation: syllabified phonemes (.ʔa.za.dî) or IPA, one word (or text) per line",
               "echo 'ئازادی' | kurdi g2p   # -> .ʔa.za.dî\n  echo 'ئازادی' | kurdi g2p --ipa   # -> ʔaː.zaː.diː",
               [](CLI::App& app, Common&) {
                 app.add_flag("--ipa", flags.ipa, "IPA instead of the AsoSoft phoneme notation");
                 app.add_flag("--no-syllables", flags.no_syllables, "leave out the syllable marks");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
