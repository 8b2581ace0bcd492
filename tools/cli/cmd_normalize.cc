// kurdi normalize: messy Sorani -> standard Unicode Sorani, line-preserving.
// kurdi-stages: normalize decode spell
#include "cli.h"
#include "kurdi/decode.h"
#include "kurdi/normalize.h"
#include "kurdi/spell.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string profile = "standard";
  std::string digits, punctuation, zwnj, heh;
  std::string legacy = "none";  // none | auto | alik | aliweb | dylan | zarnegar
  bool repair = false;          // lexicon-driven respelling after normalization (spell stage)
  // Tri-state switches: -1 = profile default, 0 = off, 1 = on.
  std::map<std::string, int> switches;
};
Flags flags;

// Every bool field of NormalizeOptions, as --<name> / --no-<name>.
struct Switch {
  const char* name;
  bool NormalizeOptions::*field;
  const char* help;
};
const Switch kSwitches[] = {
    {"presentation-forms", &NormalizeOptions::presentation_forms, "Arabic presentation forms and ligatures -> letters"},
    {"fullwidth", &NormalizeOptions::fullwidth, "fullwidth ASCII -> ASCII"},
    {"spaces", &NormalizeOptions::spaces, "no-break and other odd spaces -> space"},
    {"dashes", &NormalizeOptions::dashes_quotes, "odd dashes -> '-' (on in the search profile)"},
    {"format-controls", &NormalizeOptions::format_controls, "remove bidi/format controls (LRM, RLM, ZWSP, BOM ...)"},
    {"tatweel", &NormalizeOptions::tatweel, "remove tatweel"},
    {"harakat", &NormalizeOptions::harakat, "remove Arabic short-vowel marks"},
    {"compose", &NormalizeOptions::compose, "letter + mark -> precomposed letter; NFC"},
    {"letters", &NormalizeOptions::letters, "Arabic/Persian letter variants -> Sorani letters"},
    {"heh-zwnj", &NormalizeOptions::heh_zwnj, "ه + ZWNJ -> ە"},
    {"final-heh", &NormalizeOptions::final_heh, "word-final ه -> ە (except words ending in /h/)"},
    {"initial-r", &NormalizeOptions::initial_r, "word-initial ر -> ڕ"},
    {"initial-waw", &NormalizeOptions::initial_waw, "word-initial وو before a consonant -> و"},
    {"convention-repair", &NormalizeOptions::convention_repair,
     "repair lines typed in Arabic/Persian spelling conventions"},
};

int run(Common& common) {
  auto profile = parse_profile(flags.profile);
  if (!profile) { error(profile.error().message); return kExitUsage; }
  NormalizeOptions o = NormalizeOptions::for_profile(*profile);
  for (const auto& sw : kSwitches) {
    int v = flags.switches[sw.name];
    if (v >= 0) o.*sw.field = v == 1;
  }
  if (!flags.digits.empty()) {
    if (flags.digits == "keep") o.digits = DigitPolicy::kKeep;
    else if (flags.digits == "latin") o.digits = DigitPolicy::kLatin;
    else if (flags.digits == "arabic") o.digits = DigitPolicy::kArabicIndic;
    else if (flags.digits == "persian") o.digits = DigitPolicy::kExtendedArabicIndic;
    else { error("--digits: keep, latin, arabic or persian"); return kExitUsage; }
  }
  if (!flags.punctuation.empty()) {
    if (flags.punctuation == "keep") o.punctuation = PunctPolicy::kKeep;
    else if (flags.punctuation == "arabic") o.punctuation = PunctPolicy::kToArabic;
    else if (flags.punctuation == "latin") o.punctuation = PunctPolicy::kToLatin;
    else { error("--punctuation: keep, arabic or latin"); return kExitUsage; }
  }
  if (!flags.zwnj.empty()) {
    if (flags.zwnj == "smart") o.zwnj = ZwnjPolicy::kSmart;
    else if (flags.zwnj == "keep") o.zwnj = ZwnjPolicy::kKeep;
    else if (flags.zwnj == "drop") o.zwnj = ZwnjPolicy::kDrop;
    else { error("--zwnj: smart, keep or drop"); return kExitUsage; }
  }
  if (!flags.heh.empty()) {
    if (flags.heh == "heh") o.heh = HehPolicy::kHeh;
    else if (flags.heh == "doachashmee") o.heh = HehPolicy::kHehDoachashmee;
    else if (flags.heh == "keep") o.heh = HehPolicy::kKeep;
    else { error("--heh: heh, doachashmee or keep"); return kExitUsage; }
  }
  Normalizer normalizer(o);
  // Legacy-font text (Ali-K, Ali-Web, Dylan, Zarnegar) is decoded first, per line (paragraph).
  bool legacy_auto = flags.legacy == "auto";
  Font legacy_font = Font::kNone;
  if (!legacy_auto && flags.legacy != "none") {
    auto f = parse_font(flags.legacy);
    if (!f) { error("--legacy: " + f.error().message); return kExitUsage; }
    legacy_font = *f;
  }
  // --repair: words that are not valid Sorani but one confusion away from a valid, frequent word
  // are respelled by the spell checker's repairer (whole lines, so joins are never cut).
  std::unique_ptr<SpellChecker> checker;
  std::unique_ptr<Repairer> repairer;
  if (flags.repair) {
    checker = std::make_unique<SpellChecker>();
    repairer = std::make_unique<Repairer>(*checker);
  }
  std::string normalized;
  auto finish = [&](std::string_view text, const Normalizer& n, std::string& out) {
    if (!repairer) { n.normalize(text, out); return; }
    normalized.clear();
    n.normalize(text, normalized);
    repairer->repair(normalized, out);
  };
  if (!legacy_auto && legacy_font == Font::kNone) {
    return process_lines(common, [&](std::string_view line, bool, std::string& out) {
      finish(line, normalizer, out);
    }, flags.repair, InputBytes::kRaw);  // the normalizer replaces invalid UTF-8 itself
  }
  LegacyDecoder decoder;
  // Decoded text already tells ە from ه and follows the Sorani convention: no final-heh rule and
  // no convention repair on it.
  NormalizeOptions decoded_options = o;
  decoded_options.final_heh = false;
  decoded_options.convention_repair = false;
  Normalizer decoded_normalizer(decoded_options);
  std::string decoded;
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    Font f = legacy_auto ? decoder.detect_font(line) : legacy_font;
    if (f == Font::kNone) {
      finish(line, normalizer, out);
      return;
    }
    decoded.clear();
    decoder.decode(line, f, decoded);
    finish(decoded, decoded_normalizer, out);
  }, flags.repair, InputBytes::kRaw);  // the normalizer replaces invalid UTF-8 itself
}

Registrar reg({"normalize", "normalize Sorani text (letters, ە/ه, ڕ, ZWNJ, digits ...), line by line",
               "echo 'بةرهةمةكاني ئةفين ئاسؤ' | kurdi normalize   # -> بەرهەمەکانی ئەفین ئاسۆ",
               [](CLI::App& app, Common&) {
                 app.add_option("--profile", flags.profile, "standard (default), search or minimal");
                 app.add_option("--digits", flags.digits, "keep (default), latin, arabic or persian digits");
                 app.add_option("--punctuation", flags.punctuation,
                                "keep (default); arabic: , ; ? -> ، ؛ ؟ after Arabic-script words; latin: back");
                 app.add_option("--zwnj", flags.zwnj, "smart (default: keep only where it separates joining letters), keep, drop");
                 app.add_option("--heh", flags.heh, "heh (default: h is ه), doachashmee (h is ھ), keep");
                 app.add_flag("--repair", flags.repair,
                              "lexicon-driven respelling of words one confusion away from a frequent valid word");
                 app.add_option("--legacy", flags.legacy,
                                "decode legacy-font text first: none (default), auto (per line), alik, aliweb, dylan, zarnegar");
                 for (const auto& sw : kSwitches) {
                   flags.switches[sw.name] = -1;
                   std::string name = sw.name;
                   app.add_flag_callback("--" + name, [name] { flags.switches[name] = 1; },
                                         std::string(sw.help) + " (on)");
                   app.add_flag_callback("--no-" + name, [name] { flags.switches[name] = 0; }, "turn off: " + name);
                 }
               },
               run});

}  // namespace
}  // namespace kurdi::cli
