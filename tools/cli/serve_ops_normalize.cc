// kurdi serve: POST /v1/normalize.
// kurdi-stages: normalize serve
#include "kurdi/normalize.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

// Every bool field of NormalizeOptions (null default: the profile decides).
struct Switch {
  const char* name;
  bool NormalizeOptions::*field;
  const char* help;
};
const Switch kSwitches[] = {
    {"presentation_forms", &NormalizeOptions::presentation_forms, "Arabic presentation forms and ligatures -> letters"},
    {"fullwidth", &NormalizeOptions::fullwidth, "fullwidth ASCII -> ASCII"},
    {"spaces", &NormalizeOptions::spaces, "no-break and other odd spaces -> space"},
    {"dashes", &NormalizeOptions::dashes_quotes, "odd dashes -> '-' (on in the search profile)"},
    {"format_controls", &NormalizeOptions::format_controls, "remove bidi/format controls (LRM, RLM, ZWSP, BOM ...)"},
    {"tatweel", &NormalizeOptions::tatweel, "remove tatweel"},
    {"harakat", &NormalizeOptions::harakat, "remove Arabic short-vowel marks"},
    {"compose", &NormalizeOptions::compose, "letter + mark -> precomposed letter; NFC"},
    {"letters", &NormalizeOptions::letters, "Arabic/Persian letter variants -> Sorani letters"},
    {"heh_zwnj", &NormalizeOptions::heh_zwnj, "ه + ZWNJ -> ە"},
    {"final_heh", &NormalizeOptions::final_heh, "word-final ه -> ە (except words ending in /h/)"},
    {"initial_r", &NormalizeOptions::initial_r, "word-initial ر -> ڕ"},
    {"initial_waw", &NormalizeOptions::initial_waw, "word-initial وو before a consonant -> و"},
    {"convention_repair", &NormalizeOptions::convention_repair, "repair lines typed in Arabic/Persian spelling conventions"},
};

EngineCache cache;

std::shared_ptr<const Normalizer> engine(const Call& c) {
  return cache.get<Normalizer>(canonical(c.options), [&] {
    auto profile = parse_profile(c.str("profile"));
    NormalizeOptions o = NormalizeOptions::for_profile(profile ? *profile : Profile::kStandard);
    for (const Switch& sw : kSwitches)
      if (c.options.contains(sw.name)) o.*sw.field = c.flag(sw.name);
    std::string d = c.str("digits"), p = c.str("punctuation"), z = c.str("zwnj"), h = c.str("heh");
    if (d == "keep") o.digits = DigitPolicy::kKeep;
    if (d == "latin") o.digits = DigitPolicy::kLatin;
    if (d == "arabic") o.digits = DigitPolicy::kArabicIndic;
    if (d == "persian") o.digits = DigitPolicy::kExtendedArabicIndic;
    if (p == "keep") o.punctuation = PunctPolicy::kKeep;
    if (p == "arabic") o.punctuation = PunctPolicy::kToArabic;
    if (p == "latin") o.punctuation = PunctPolicy::kToLatin;
    if (z == "smart") o.zwnj = ZwnjPolicy::kSmart;
    if (z == "keep") o.zwnj = ZwnjPolicy::kKeep;
    if (z == "drop") o.zwnj = ZwnjPolicy::kDrop;
    if (h == "heh") o.heh = HehPolicy::kHeh;
    if (h == "doachashmee") o.heh = HehPolicy::kHehDoachashmee;
    if (h == "keep") o.heh = HehPolicy::kKeep;
    return std::make_shared<const Normalizer>(o);
  });
}

std::vector<Field> fields() {
  std::vector<Field> f{
      enum_field("profile", {"standard", "search", "minimal"}, "standard", "rule set: display/storage, search folding, or Unicode-safe fixes only"),
      enum_field("digits", {"keep", "latin", "arabic", "persian"}, nullptr, "digits to write (default: the profile's, keep)"),
      enum_field("punctuation", {"keep", "arabic", "latin"}, nullptr, ", ; ? <-> ، ؛ ؟ in Arabic-script context (default keep)"),
      enum_field("zwnj", {"smart", "keep", "drop"}, nullptr, "ZWNJ policy (default smart: keep only where it separates joining letters)"),
      enum_field("heh", {"heh", "doachashmee", "keep"}, nullptr, "how to write the consonant h (default ه)"),
  };
  for (const Switch& sw : kSwitches) f.push_back(bool_field(sw.name, nullptr, std::string(sw.help) + " (default: the profile's)"));
  return f;
}

OpRegistrar reg({"normalize", "normalize", "messy Sorani -> standard Unicode Sorani (letters, ە/ه, ڕ, ZWNJ, digits ...), line by line",
                 "ڕێکخستنی نووسین: پیتە عەرەبی و فارسییەکان، ە/ه، ڕ، ZWNJ، ژمارەکان", true, false, fields(),
                 "بةرهةمةكاني ئةفين ئاسؤ",
                 [](const Call& c) -> Reply {
                   auto n = engine(c);
                   std::string out;
                   if (!map_lines(c, out, [&](std::string_view line, std::string& o) { n->normalize(line, o); }))
                     return timeout_reply(c);
                   return Reply::ok(std::move(out));
                 }});

}  // namespace
}  // namespace kurdi::serve
