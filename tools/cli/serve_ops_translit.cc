// kurdi serve: POST /v1/translit (/v1/g2p is in serve_ops_g2p.cc: it reads numbers out first).
// kurdi-stages: translit serve
#include "kurdi/text.h"
#include "kurdi/translit.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

EngineCache cache;

std::shared_ptr<const Transliterator> engine(const Call& c) {
  Json key = Json{{"capitalize", c.flag("capitalize")}, {"heavy_r", c.flag("heavy_r")}};
  return cache.get<Transliterator>(canonical(key), [&] {
    TranslitOptions o;
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
  auto t = engine(c);
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

OpRegistrar reg_tr({"translit", "translit", "transliterate Arabic-script Sorani <-> Kurdish Latin (Hawar), line by line",
                    "گۆڕینی ئەلفوبێ: عەرەبی <-> لاتینی", true, false,
                    {enum_field("to", {"auto", "latin", "arabic"}, "auto",
                                "target script (auto: Latin for Arabic-script text, Arabic for Latin text)"),
                     bool_field("capitalize", false, "latin: capitalize sentence starts and proper nouns"),
                     bool_field("heavy_r", false, "latin: write word-initial ڕ as ř")},
                    "کوردستان و ئێران", translit});

}  // namespace
}  // namespace kurdi::serve
