// kurdi::Transliterator: Arabic-script Sorani <-> Kurdish Latin (Hawar), and G2P (phonemes, IPA).
//
// The Arabic script leaves out the short vowel i (bizroke) and writes u/û/w with و and î/y with ی.
// The engine reads each Arabic-script word as a sequence of consonants, fixed vowels (ا ە ێ ۆ) and
// ambiguous letters (و ی ئ), generates every reading of the ambiguous letters, inserts bizroke i
// where a consonant cluster needs it, syllabifies, and keeps the cheapest reading under a small set
// of Optimality-Theory style penalties (data/translit/weights.tsv). Letter and phoneme maps are
// data too (data/translit/*.tsv, compiled in at build time).
//
//   kurdi::Transliterator t;
//   t.to_latin("کوردستان و ئێران");   // -> "kurdistan û êran"
//   t.to_arabic("kurdistan û êran");  // -> "کوردستان و ئێران"
//   t.g2p_word("ئازادی");             // -> ".ʔa.za.dî"
//   t.g2p_word("ئازادی", true);       // -> "ʔaː.zaː.diː"   (IPA)
//
// Text mode (to_latin, to_arabic, g2p) is line-preserving: only runs of letters of the source
// script are converted. Everything else passes through, except these documented mappings:
//   to_latin : Arabic punctuation ، ؛ ؟ ٪ -> , ; ? %   Arabic-Indic digits -> ASCII digits
//   to_arabic: , ; ? -> ، ؛ ؟ after a word (not between digits); ASCII digits -> Arabic-Indic
//              (TranslitOptions::arabic_digits); URLs, e-mail addresses and @handles pass through.
// The standalone conjunction و is û after a consonant and w after a vowel (dar û dîwar, sî w çwar).
//
// A Transliterator is immutable after construction and safe to share between threads. It never
// fails on input: invalid UTF-8 becomes U+FFFD and passes through. Results for words are cached in a
// bounded per-thread cache (running text repeats words), which does not change any result.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi {

// Every option of the transliterator and the G2P, with its default.
struct TranslitOptions {
  // --- Arabic -> Latin ---
  bool capitalize = false;      // capitalize the first letter of each sentence (line start, after . ! ? ؟)
                                // and of every proper noun the morphological analyzer knows (its
                                // best reading is PROPN: هەولێرەوە -> Hewlêrewe)
  bool initial_heavy_r = false; // write word-initial ڕ as ř (default r: every initial r is a trill)
  bool glottal_apostrophe = true;  // write ئ after a consonant inside a word as ’ (qur’an); after a
                                   // vowel it is never written (the Latin hiatus implies it)
  bool normalize_input = true;  // run kurdi::Normalizer (standard profile) on each Arabic word first
  // --- Latin -> Arabic ---
  bool arabic_digits = true;    // ASCII digits -> Arabic-Indic digits (٠-٩)
  bool arabic_punctuation = true;  // , ; ? -> ، ؛ ؟
  // --- G2P ---
  bool ipa = false;             // g2p: IPA instead of the AsoSoft notation
  bool syllables = true;        // g2p: mark syllable starts with '.' (AsoSoft) / separate with '.' (IPA)
};

// Where one converted word came from and went to (byte offsets; end exclusive).
struct TranslitSpan {
  size_t src_start = 0, src_end = 0;  // into the input text
  size_t out_start = 0, out_end = 0;  // into the output text
};

class Transliterator {
 public:
  Transliterator();  // default options
  explicit Transliterator(const TranslitOptions& options);
  ~Transliterator();
  Transliterator(Transliterator&&) noexcept;
  Transliterator& operator=(Transliterator&&) noexcept;

  const TranslitOptions& options() const;

  // --- text (line-preserving; see the header comment for what passes through) ---
  std::string to_latin(std::string_view text) const;
  std::string to_arabic(std::string_view text) const;
  std::string g2p(std::string_view text) const;  // words separated by one space; و merged into the previous word
  // Append forms; `spans` (optional) receives one entry per converted word.
  void to_latin(std::string_view text, std::string& out, std::vector<TranslitSpan>* spans = nullptr) const;
  void to_arabic(std::string_view text, std::string& out, std::vector<TranslitSpan>* spans = nullptr) const;
  void g2p(std::string_view text, std::string& out, std::vector<TranslitSpan>* spans = nullptr) const;

  // --- one word (no spaces; anything not of the source script is copied) ---
  std::string word_to_latin(std::string_view arabic_word) const;
  std::string word_to_arabic(std::string_view latin_word) const;
  // Syllabified phonemes of one Arabic-script word: ".ʔa.za.dî"; with ipa: "ʔaː.zaː.diː".
  std::string g2p_word(std::string_view arabic_word, bool ipa = false) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
