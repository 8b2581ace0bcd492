// kurdi numbers --to words|digits: numbers <-> Sorani words, line-preserving.
#include "cli.h"
#include "kurdi/numbers.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string to = "words";
  std::string style = "default";
  std::string hundreds;
  bool yek_hezar = false;
  bool yek_sed = false;
  std::string scale = "short";
  std::string decimals = "number";
  bool half = false;
  std::string decimal_word;
  std::string negative_word;
  std::string percent = "before";
  std::string digits = "latin";
};
Flags flags;

// Shared with cmd_verbalize.cc through this function (the flags object is per command).
int build_options(const Flags& f, NumberOptions& o) {
  if (f.style == "dilan") o = NumberOptions::dilan();
  else if (f.style != "default") { error("--style must be default or dilan"); return kExitUsage; }
  if (f.hundreds == "joined") o.hundreds = NumberOptions::Hundreds::kJoined;
  else if (f.hundreds == "apart") o.hundreds = NumberOptions::Hundreds::kApart;
  else if (!f.hundreds.empty()) { error("--hundreds must be apart or joined"); return kExitUsage; }
  if (f.yek_hezar) o.yek_hezar = true;
  o.yek_sed = f.yek_sed;
  if (f.scale == "long") o.scale = NumberOptions::Scale::kLong;
  else if (f.scale != "short") { error("--scale must be short or long"); return kExitUsage; }
  if (f.decimals == "digits") o.decimals = NumberOptions::Decimals::kDigits;
  else if (f.decimals != "number") { error("--decimals must be number or digits"); return kExitUsage; }
  o.half_as_niw = f.half;
  if (!f.decimal_word.empty()) o.decimal_word = f.decimal_word;
  if (!f.negative_word.empty()) o.negative_word = f.negative_word;
  if (f.percent == "after") o.percent = NumberOptions::Percent::kLeSed;
  else if (f.percent != "before") { error("--percent must be before or after"); return kExitUsage; }
  if (f.digits == "arabic") o.digits = NumberOptions::Digits::kArabicIndic;
  else if (f.digits == "persian") o.digits = NumberOptions::Digits::kExtended;
  else if (f.digits != "latin") { error("--digits must be latin, arabic or persian"); return kExitUsage; }
  return kExitOk;
}

int run(Common& common) {
  NumberOptions o;
  if (int rc = build_options(flags, o); rc != kExitOk) return rc;
  if (flags.to != "words" && flags.to != "digits") { error("--to must be words or digits"); return kExitUsage; }
  NumberSpeller sp(o);
  bool to_words = flags.to == "words";
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    if (to_words) sp.text_to_words(line, out);
    else sp.text_to_digits(line, out);
  }, true);
}

Registrar reg({"numbers", "numbers <-> Sorani words (cardinals, decimals, ordinals, fractions, %, currencies), line by line",
               "echo '21000' | kurdi numbers --to words   # -> بیست و یەک هەزار\n"
               "  echo 'دوو هەزار و بیست و چوار' | kurdi numbers --to digits   # -> 2024\n"
               "  kurdi numbers --to words --style dilan   # یەک هەزار, hundreds apart (DilanGhareeb convention)",
               [](CLI::App& app, Common&) {
                 app.add_option("--to", flags.to, "words (default): digits -> words in running text; digits: number words -> digits");
                 app.add_option("--style", flags.style, "default (هەزار, دوو سەد) or dilan (یەک هەزار, دوو سەد)");
                 app.add_option("--hundreds", flags.hundreds, "apart (default: دوو سەد) or joined (دووسەد)");
                 app.add_flag("--yek-hezar", flags.yek_hezar, "say یەک هەزار for exactly one thousand (default: هەزار)");
                 app.add_flag("--yek-sed", flags.yek_sed, "say یەک سەد for one hundred (default: سەد)");
                 app.add_option("--scale", flags.scale, "short (default: ملیار 10^9, ترلیۆن 10^12) or long (AsoSoft: بلیۆن 10^12)");
                 app.add_option("--decimals", flags.decimals, "number (default: 2.25 -> دوو پۆینت بیست و پێنج) or digits (دوو پۆینت دوو پێنج)");
                 app.add_flag("--half", flags.half, "read .5 as و نیو (دوو و نیو)");
                 app.add_option("--decimal-word", flags.decimal_word, "word for the decimal point (default پۆینت; e.g. فاریزە)");
                 app.add_option("--negative-word", flags.negative_word, "word for minus (default سالب; e.g. ناقس)");
                 app.add_option("--percent", flags.percent, "before (default: لە سەدا بیست) or after (بیست لە سەد)");
                 app.add_option("--digits", flags.digits, "--to digits writes latin (default), arabic (٠-٩) or persian (۰-۹) digits");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
