// kurdi numbers: Sorani number words <-> digits, and text verbalization for speech.
//
//   kurdi::NumberSpeller sp;                         // default options (documented below)
//   sp.cardinal(21000)              -> "بیست و یەک هەزار"
//   sp.number("١٢٬٣٤٥٫٥")          -> "دوازدە هەزار و سێ سەد و چل و پێنج پۆینت پێنج"
//   sp.text_to_words("نرخی $5")      -> "نرخی پێنج دۆلار"
//   sp.text_to_digits("بیست و یەک هەزار کەس") -> "21000 کەس"
//
//   kurdi::Verbalizer v;
//   v.verbalize("١٩ - ١١ - ٢٠٢١")    -> "نۆزدەی تشرینی دووەمی ساڵی دوو هەزار و بیست و یەک"
//
// Everything reads all three digit systems (ASCII 0-9, Arabic-Indic ٠-٩, Extended/Persian ۰-۹), the
// separators ٫ (decimal) and ٬ , (thousands). Objects are immutable after construction and safe to
// share between threads. Hot-path calls never throw and never fail: invalid UTF-8 becomes U+FFFD.
// Ordinals written with digits keep the form the writer chose: ٣یەم -> سێیەم, ٣یەمین -> سێیەمین.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/result.h"
#include "kurdi/text.h"

namespace kurdi {

// Every option of the numbers stage, with its default. Defaults follow the most frequent usage in
// running Sorani text (checked on the wishe and KurdishMT corpora): hundreds apart (دوو سەد), a bare
// هەزار for exactly one thousand, short scale (ملیار = 10^9).
struct NumberOptions {
  enum class Hundreds {
    kApart,   // default: 200 = "دوو سەد"
    kJoined,  // 200 = "دووسەد" (AsoSoft)
  };
  enum class Scale {
    kShort,  // default: ملیۆن 10^6, ملیار 10^9, ترلیۆن 10^12, کوادرلیۆن 10^15, کوینتیلیۆن 10^18, سێکستیلیۆن 10^21
    kLong,   // AsoSoft: ملیۆن 10^6, ملیار 10^9, بلیۆن 10^12, بلیار 10^15, تریلیۆن 10^18, تریلیار 10^21
  };
  enum class Decimals {
    kNumber,  // default: 2.25 = "دوو پۆینت بیست و پێنج" (digits after the point read as a number, leading zeros as سفر)
    kDigits,  // 2.25 = "دوو پۆینت دوو پێنج" (each digit after the point)
  };
  enum class Percent {
    kLeSeda,  // default: 20% = "لە سەدا بیست"
    kLeSed,   // 20% = "بیست لە سەد"
  };
  enum class Digits { kLatin, kArabicIndic, kExtended };  // digits written by text_to_digits (default ASCII)

  Hundreds hundreds = Hundreds::kApart;
  bool yek_hezar = false;   // exactly one thousand (the thousands group == 1): false "هەزار", true "یەک هەزار"
  bool yek_sed = false;     // a hundreds digit of 1: false "سەد", true "یەک سەد"
  Scale scale = Scale::kShort;
  Decimals decimals = Decimals::kNumber;
  bool half_as_niw = false;           // X.5 = "X و نیو" instead of "X پۆینت پێنج"
  std::string decimal_word = "پۆینت";  // or "فاریزە" (textbooks)
  std::string negative_word = "سالب";  // or "ناقس" (AsoSoft)
  Percent percent = Percent::kLeSeda;
  Digits digits = Digits::kLatin;

  // The convention of the DilanGhareeb number converter: hundreds apart and "یەک هەزار".
  static NumberOptions dilan();
};

// A rewritten span: input bytes [in_begin, in_end) became output bytes [out_begin, out_end).
struct NumberSpan {
  enum class Kind : uint8_t {
    kCardinal, kDecimal, kOrdinal, kFraction, kPercent, kCurrency, kUnit, kDate, kTime, kPhone,
    kYear, kAbbreviation, kAcronym, kEmoji, kWords /* number words -> digits */
  };
  size_t in_begin, in_end, out_begin, out_end;
  Kind kind;
};
const char* to_string(NumberSpan::Kind k);

class NumberSpeller {
 public:
  explicit NumberSpeller(NumberOptions options = {});
  ~NumberSpeller();
  NumberSpeller(NumberSpeller&&) noexcept;
  NumberSpeller& operator=(NumberSpeller&&) noexcept;

  const NumberOptions& options() const;

  // --- digits -> words ---
  // Cardinal of a 64-bit value (the hot path; appends to `out`).
  void append_cardinal(uint64_t n, std::string& out) const;
  void append_cardinal(int64_t n, std::string& out) const;
  std::string cardinal(uint64_t n) const { std::string s; append_cardinal(n, s); return s; }
  // Cardinal of a digit string of any length (any digit system; no sign, no separators). Up to 24
  // digits are read with scale words; longer strings are read digit by digit.
  void append_cardinal_digits(std::string_view digits, std::string& out) const;
  // Ordinal: 1 -> "یەکەم" (or "یەکەمین" with emin).
  void append_ordinal(uint64_t n, std::string& out, bool emin) const;
  std::string ordinal(uint64_t n, bool emin = false) const { std::string s; append_ordinal(n, s, emin); return s; }

  // A whole numeric literal: optional sign, digits in any system, thousands separators, decimal
  // part, % before or after, a currency sign or code, a fraction a/b or ½. Returns nullopt when
  // `literal` (trimmed) is not one number.
  std::optional<std::string> number(std::string_view literal) const;

  // Every number in running text -> words, everything else copied. Line-preserving.
  void text_to_words(std::string_view text, std::string& out, std::vector<NumberSpan>* spans = nullptr) const;
  std::string text_to_words(std::string_view text) const { std::string s; text_to_words(text, s); return s; }

  // --- words -> digits ---
  // Every run of Sorani number words (cardinal, ordinal, decimal with پۆینت, negative with سالب,
  // spelling variants, joined hundreds, the conjunction و) -> digits; everything else copied.
  void text_to_digits(std::string_view text, std::string& out, std::vector<NumberSpan>* spans = nullptr) const;
  std::string text_to_digits(std::string_view text) const { std::string s; text_to_digits(text, s); return s; }
  // The value of a phrase that is exactly one cardinal (no sign, no decimals), if it fits in 64 bits.
  std::optional<uint64_t> parse_cardinal(std::string_view words) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct VerbalizeOptions {
  enum class Months {
    kAuto,   // default: Kurdish solar names for solar years (1300-1500 or 2600-2800), else Iraqi Gregorian names
    kIraqi,  // کانوونی دووەم, شوبات ...
    kSolar,  // خاکەلێوە, گوڵان ...
  };
  NumberOptions numbers;          // how numbers are read
  Months months = Months::kAuto;
  bool dmy = true;                // a date a/b/cccc is day-month-year (Iraq, default); false: month-day-year
  bool dates = true;
  bool times = true;              // 14:30 -> کاتژمێر چواردە و سی خولەک
  bool phones = true;             // 0750 123 4567 -> digit groups
  bool units = true;
  bool abbreviations = true;
  bool acronyms = true;           // Latin-script acronyms (2-6 capitals) spelled out: FBI -> ئێف بی ئای
  bool emoji = false;             // emoji -> their names (off by default)

  // What pronunciation (g2p: the CLI, the service, Python) reads out before the phonemes: numbers,
  // dates, times, phone numbers and units; abbreviations and Latin acronyms stay as written (the
  // G2P sets pronounce هتد as .hi.tid).
  static VerbalizeOptions for_g2p() {
    VerbalizeOptions o;
    o.abbreviations = false;
    o.acronyms = false;
    return o;
  }
};

class Verbalizer {
 public:
  explicit Verbalizer(VerbalizeOptions options = {});
  ~Verbalizer();
  Verbalizer(Verbalizer&&) noexcept;
  Verbalizer& operator=(Verbalizer&&) noexcept;

  // Appends the speakable form of `text` to `out`. `spans` (if given) receives every rewritten span
  // with byte offsets into `text` and into the appended output (relative to the start of what this
  // call appended); `map` (if given) maps output offsets back to `text`.
  void verbalize(std::string_view text, std::string& out, std::vector<NumberSpan>* spans = nullptr,
                 OffsetMap* map = nullptr) const;
  std::string verbalize(std::string_view text) const { std::string s; verbalize(text, s); return s; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
