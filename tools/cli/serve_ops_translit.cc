// kurdi serve: POST /v1/translit and /v1/g2p.
// kurdi-stages: translit serve
#include "kurdi/text.h"
#include "kurdi/translit.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

EngineCache cache;

std::shared_ptr<const Transliterator> engine(const Call& c, bool g2p) {
  Json key = g2p ? Json{{"ipa", c.flag("ipa")}, {"syllables", c.flag("syllables")}}
                 : Json{{"capitalize", c.flag("capitalize")}, {"heavy_r", c.flag("heavy_r")}};
  return cache.get<Transliterator>(canonical(key), [&] {
    TranslitOptions o;
    o.ipa = c.flag("ipa");
    o.syllables = g2p ? c.flag("syllables") : true;
    o.capitalize = c.flag("capitalize");
    o.initial_heavy_r = c.flag("heavy_r");
    return std::make_shared<const Transliterator>(o);
  });
}

// "auto": the script with more letters in the text is the source.
bool arabic_source(std::string_view text) {
  size_t arabic = 0, latin = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t cp = utf8::decode(text, i, len);
    if (chars::is_arabic_letter(cp)) ++arabic;
    else if (chars::is_latin_letter(cp)) ++latin;
    i += static_cast<size_t>(len);
  }
  return arabic >= latin;
}

Reply translit(const Call& c) {
  auto t = engine(c, false);
  std::string to = c.str("to");
  bool latin = to == "latin" || (to == "auto" && arabic_source(c.text));
  std::string out;
  bool ok = map_lines(c, out, [&](std::string_view line, std::string& o) {
    if (latin) t->to_latin(line, o);
    else t->to_arabic(line, o);
  });
  if (!ok) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Reply g2p(const Call& c) {
  auto t = engine(c, true);
  std::string out;
  if (!map_lines(c, out, [&](std::string_view line, std::string& o) { t->g2p(line, o); })) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

OpRegistrar reg_tr({"translit", "translit", "transliterate Arabic-script Sorani <-> Kurdish Latin (Hawar), line by line",
                    "گۆڕینی ئەلفوبێ: عەرەبی <-> لاتینی", true, false,
                    {enum_field("to", {"auto", "latin", "arabic"}, "auto",
                                "target script (auto: Latin for Arabic-script text, Arabic for Latin text)"),
                     bool_field("capitalize", false, "latin: capitalize sentence starts and proper nouns"),
                     bool_field("heavy_r", false, "latin: write word-initial ڕ as ř")},
                    "کوردستان و ئێران", translit});
OpRegistrar reg_g2p({"g2p", "translit", "pronunciation: syllabified phonemes (.ʔa.za.dî) or IPA",
                     "خوێندنەوە: دەنگەکانی وشە", true, false,
                     {bool_field("ipa", false, "IPA instead of the AsoSoft phoneme notation"),
                      bool_field("syllables", true, "mark syllables with '.'")},
                     "ئازادی", g2p});

}  // namespace
}  // namespace kurdi::serve
