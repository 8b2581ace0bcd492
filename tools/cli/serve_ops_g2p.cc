// kurdi serve: POST /v1/g2p. As `kurdi g2p`, numbers, dates, times, phone numbers and units are read
// out with the number verbalizer before the pronunciation ("verbalize": false keeps them as written);
// abbreviations and Latin acronyms are pronounced as written.
// kurdi-stages: translit numbers serve
#include "kurdi/numbers.h"
#include "kurdi/translit.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

EngineCache translit_cache;

std::shared_ptr<const Transliterator> engine(const Call& c) {
  Json key = Json{{"ipa", c.flag("ipa")}, {"syllables", c.flag("syllables")}};
  return translit_cache.get<Transliterator>(canonical(key), [&] {
    TranslitOptions o;
    o.ipa = c.flag("ipa");
    o.syllables = c.flag("syllables");
    return std::make_shared<const Transliterator>(o);
  });
}

const Verbalizer& verbalizer() {
  static const Verbalizer v(VerbalizeOptions::for_g2p());
  return v;
}

Reply g2p(const Call& c) {
  auto t = engine(c);
  const bool verbalize = c.flag("verbalize");
  std::string out, spoken;
  bool ok = map_lines(c, out, [&](std::string_view line, std::string& o) {
    if (!verbalize) return t->g2p(line, o);
    spoken.clear();
    verbalizer().verbalize(line, spoken);
    t->g2p(spoken, o);
  });
  if (!ok) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

OpRegistrar reg_g2p({"g2p", "translit", "pronunciation: syllabified phonemes (.ʔa.za.dî) or IPA",
                     "خوێندنەوە: دەنگەکانی وشە", true, false,
                     {bool_field("ipa", false, "IPA instead of the AsoSoft phoneme notation"),
                      bool_field("syllables", true, "mark syllables with '.'"),
                      bool_field("verbalize", true, "read numbers, dates, times and units out first (as kurdi g2p)")},
                     "ساڵی ٢٠٢١", g2p});

}  // namespace
}  // namespace kurdi::serve
