// kurdi::Detector: language / dialect identification for the languages met around Central Kurdish.
//
// Labels (BCP 47 style): ckb (Central Kurdish, Arabic or Latin script), kmr (Northern Kurdish),
// sdh (Southern Kurdish), hac (Gorani/Hawrami), zza (Zazaki), fa, ar, tr, en, and und (no letters,
// another language, or not enough evidence). The script (Arab, Latn, or Zyyy when there are no
// letters) and a confidence in [0, 1] come with every label.
//
// Hand-written rules decide what the statistics cannot: text without letters is und; Arabic-script
// text with the letters of Urdu/Sindhi/Kashmiri/Pashto is und; Latin text made of English function
// words is en. Everything else is scored by a character n-gram naive Bayes model trained by
// tools/train_lid on KurdishLID (MIT) and compiled into the library (data/detect/lid.model).
//
//   kurdi::Detector d;
//   d.detect("ئەمڕۆ کەشوهەوا خۆشە").label;   // "ckb" (script "Arab")
//   d.detect("Ez diçim malê.").label;        // "kmr" (script "Latn")
//
// A Detector is immutable after construction and safe to share between threads; detect() never
// fails (invalid UTF-8 is read as U+FFFD).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "kurdi/result.h"

namespace kurdi {

struct DetectOptions {
  // Inputs with fewer letters than this in Arabic script get a prior towards ckb (the engine's own
  // language) that shrinks to nothing at this length. Default 24.
  int short_text_letters = 24;
  // ... and only when they have at most this many words. Default 1 (single words and names).
  int short_text_words = 1;
  // Size of that prior in model cost units (about 0.06 nats) per missing letter. Default 20. Not for a
  // word that starts with a bare alef (ا أ إ): Sorani writes a word-initial vowel with ئ.
  double short_text_bias = 20.0;
  // Arabic-script texts with a letter the Sorani spelling never uses (data/detect/not_ckb_letters.tsv:
  // ۊ ۋ and the Gorani mark ٛ) are never ckb. Default on.
  bool not_ckb_letters = true;
  // Short Arabic-script texts (at most this many words) that the model gives to another Kurdish
  // variety (kmr, sdh, hac) are ckb when every word has a non-guessed analysis by the Sorani
  // morphological analyzer (kurdi::Analyzer::known) and no letter rules ckb out: a few everyday
  // words tell the varieties apart poorly (ئاو گەرمە, کتێبەکان لە ماڵن), the Sorani grammar does
  // better. 0 switches it off. Default 6.
  int known_words = 6;
  // Latin-script texts with ř or ł (letters of the Kurdish Academy Latin spelling of Sorani, not of
  // Kurmanji, Zazaki or Turkish) are ckb. Default on.
  bool latin_ckb_letters = true;
  // Fraction of Arabic-script words carrying a letter of another Arabic-script language (ٹ ڈ ڑ ں ے
  // ڻ ڪ ...) above which the text is und. Default 0.1.
  double foreign_word_ratio = 0.1;
  // Fraction of Latin words that are English function words from which the text is en. Default 0.2.
  double english_ratio = 0.2;
  // Long texts: stop reading once the best label leads the second by this margin (model units) after
  // at least `min_features` features. Default 1000 (about 55 nats) and 160 (only speeds up long lines).
  double stop_margin = 1000;
  int min_features = 160;
};

struct Detection {
  std::string_view label = "und";   // ckb kmr sdh hac zza fa ar tr en und
  std::string_view script = "Zyyy"; // Arab, Latn, Zyyy (no letters), or another ISO 15924 code
  double confidence = 0;            // 0..1
};

class Detector {
 public:
  Detector();
  explicit Detector(const DetectOptions& options);
  ~Detector();
  Detector(Detector&&) noexcept;
  Detector& operator=(Detector&&) noexcept;

  const DetectOptions& options() const;

  // The language of `text` (one line, a title, a word or a whole document).
  Detection detect(std::string_view text) const;

  // Describes the compiled-in model ("KLID v1, 10 classes, 131072 buckets").
  std::string model_info() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
