// kurdi serve: POST /v1/numbers and /v1/verbalize.
// kurdi-stages: numbers serve
#include "kurdi/numbers.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

EngineCache speller_cache, verbalizer_cache;

// NumberOptions from the fields shared by numbers and verbalize.
NumberOptions number_options(const Call& c) {
  NumberOptions o = c.str("style") == "dilan" ? NumberOptions::dilan() : NumberOptions();
  std::string h = c.str("hundreds");
  if (h == "joined") o.hundreds = NumberOptions::Hundreds::kJoined;
  if (h == "apart") o.hundreds = NumberOptions::Hundreds::kApart;
  if (c.flag("yek_hezar")) o.yek_hezar = true;
  if (c.flag("yek_sed")) o.yek_sed = true;
  if (c.str("scale") == "long") o.scale = NumberOptions::Scale::kLong;
  if (c.str("decimals") == "digits") o.decimals = NumberOptions::Decimals::kDigits;
  if (c.flag("half")) o.half_as_niw = true;
  if (!c.str("decimal_word").empty()) o.decimal_word = c.str("decimal_word");
  if (!c.str("negative_word").empty()) o.negative_word = c.str("negative_word");
  if (c.str("percent") == "after") o.percent = NumberOptions::Percent::kLeSed;
  std::string d = c.str("digits");
  if (d == "arabic") o.digits = NumberOptions::Digits::kArabicIndic;
  if (d == "persian") o.digits = NumberOptions::Digits::kExtended;
  return o;
}

Reply numbers(const Call& c) {
  auto sp = speller_cache.get<NumberSpeller>(canonical(c.options),
                                             [&] { return std::make_shared<const NumberSpeller>(number_options(c)); });
  bool to_words = c.str("to") != "digits";
  std::string out;
  bool ok = map_lines(c, out, [&](std::string_view line, std::string& o) {
    if (to_words) sp->text_to_words(line, o);
    else sp->text_to_digits(line, o);
  });
  if (!ok) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Reply verbalize(const Call& c) {
  auto v = verbalizer_cache.get<Verbalizer>(canonical(c.options), [&] {
    VerbalizeOptions o;
    o.numbers = number_options(c);
    std::string m = c.str("months");
    if (m == "iraqi") o.months = VerbalizeOptions::Months::kIraqi;
    if (m == "solar") o.months = VerbalizeOptions::Months::kSolar;
    o.dmy = !c.flag("mdy");
    o.emoji = c.flag("emoji");
    o.acronyms = c.flag("acronyms");
    o.phones = c.flag("phones");
    return std::make_shared<const Verbalizer>(o);
  });
  std::string out;
  if (!map_lines(c, out, [&](std::string_view line, std::string& o) { v->verbalize(line, o); })) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Field style() { return enum_field("style", {"default", "dilan"}, "default", "number convention: default (هەزار) or dilan (یەک هەزار)"); }
Field hundreds() { return enum_field("hundreds", {"apart", "joined"}, nullptr, "apart (دوو سەد, default) or joined (دووسەد)"); }
Field scale() { return enum_field("scale", {"short", "long"}, "short", "short (ملیار 10^9, ترلیۆن 10^12) or long (AsoSoft)"); }

OpRegistrar reg_num({"numbers", "numbers", "numbers <-> Sorani words (cardinals, decimals, ordinals, fractions, %, money), line by line",
                     "ژمارە <-> وشە", true, false,
                     {enum_field("to", {"words", "digits"}, "words", "words: digits -> words; digits: number words -> digits"),
                      style(), hundreds(),
                      bool_field("yek_hezar", false, "یەک هەزار for exactly one thousand"),
                      bool_field("yek_sed", false, "یەک سەد for one hundred"), scale(),
                      enum_field("decimals", {"number", "digits"}, "number", "read the decimals as a number or digit by digit"),
                      bool_field("half", false, "read .5 as و نیو"),
                      string_field("decimal_word", nullptr, "word for the decimal point (default پۆینت)"),
                      string_field("negative_word", nullptr, "word for minus (default سالب)"),
                      enum_field("percent", {"before", "after"}, "before", "لە سەدا بیست (before) or بیست لە سەد (after)"),
                      enum_field("digits", {"latin", "arabic", "persian"}, "latin", "to digits: which digits to write")},
                     "نرخەکەی 21000 دینارە", numbers});
OpRegistrar reg_verb({"verbalize", "numbers", "running text -> speakable Sorani (numbers, dates, times, phones, %, money, units, acronyms)",
                      "گۆڕینی دەق بۆ خوێندنەوە: ژمارە، بەروار، کات", true, false,
                      {style(), hundreds(), bool_field("yek_hezar", false, "یەک هەزار for exactly one thousand"), scale(),
                       enum_field("months", {"auto", "iraqi", "solar"}, "auto", "month names"),
                       bool_field("mdy", false, "read a/b/yyyy as month/day/year"),
                       bool_field("emoji", false, "read emoji by name"),
                       bool_field("acronyms", true, "spell out Latin acronyms"),
                       bool_field("phones", true, "read digit groups as phone numbers")},
                      "لە ١٩ - ١١ - ٢٠٢١ نرخی $5 بوو", verbalize});

}  // namespace
}  // namespace kurdi::serve
