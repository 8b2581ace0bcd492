// kurdi::Normalizer: messy real-world Sorani text -> standard Unicode Sorani, in one linear pass.
//
// Rules are data (data/normalize/*.tsv, compiled in at build time); options choose among them.
// A Normalizer is immutable once built, cheap to share between threads, and never fails on input:
// invalid UTF-8 becomes U+FFFD (counted in Stats). normalize(normalize(x)) == normalize(x).
//
//   kurdi::Normalizer n;                                   // the standard profile
//   std::string clean = n.normalize("بةرهةمةكاني ئةفين");   // -> "بەرهەمەکانی ئەفین"
//
// Text in other scripts (Latin words, digits, URLs, e-mail addresses) passes through untouched,
// except where an option explicitly maps it (digits, punctuation).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "kurdi/result.h"
#include "kurdi/text.h"

namespace kurdi {

enum class Profile {
  kStandard,  // default: display and storage
  kSearch,    // aggressive folding for matching (drops ZWNJ, harakat, folds digits to ASCII, ...)
  kMinimal,   // Unicode-safe fixes only: presentation forms, odd spaces, controls, NFC-like composition
};

enum class DigitPolicy { kKeep, kLatin, kArabicIndic, kExtendedArabicIndic };
enum class PunctPolicy { kKeep, kToArabic, kToLatin };
enum class ZwnjPolicy {
  kSmart,  // default: keep ZWNJ only between two letters that would otherwise join
  kKeep,   // keep every ZWNJ (except the ه+ZWNJ legacy spelling of ە, when that rule is on)
  kDrop,   // remove every ZWNJ
};
enum class HehPolicy {
  kHeh,         // default: the consonant h is U+0647 ه (ھ U+06BE is folded to it)
  kHehDoachashmee,  // write the consonant h as ھ U+06BE everywhere
  kKeep,            // leave ه and ھ as written (minimal profile)
};

// Every option of the normalizer, with its default. The CLI has one flag per field.
struct NormalizeOptions {
  // --- Unicode layer (all profiles) ---
  bool presentation_forms = true;  // Arabic presentation forms and ligatures -> base letters
  bool fullwidth = true;           // fullwidth ASCII -> ASCII
  bool spaces = true;              // NBSP and other odd spaces -> U+0020; runs are kept
  bool dashes_quotes = false;      // odd dashes -> '-' (quotes are kept: « » “ ” carry meaning)
  bool format_controls = true;     // remove bidi/format controls (LRM, RLM, embeddings, ZWSP, BOM, soft hyphen)
  bool tatweel = true;             // remove tatweel ـ
  bool harakat = true;             // remove Arabic short-vowel marks (fatha ... sukun, superscript alef)
  bool compose = true;             // letter + U+0654/0655/065A/065B/065C/0306 marks -> precomposed letters (ۆ ێ ڵ ڕ أ ؤ ...)

  // --- Sorani letters (standard and search) ---
  bool letters = true;             // ي ى ے ۍ -> ی; ك ڪ -> ک; ة -> ە; ڒ ڑ -> ڕ; ڶ -> ڵ; ؤ -> ۆ; ...
  bool heh_zwnj = true;            // ه + ZWNJ -> ە (the legacy spelling of the vowel)
  bool final_heh = true;           // word-final ه -> ە, except the closed list of words ending in /h/
  HehPolicy heh = HehPolicy::kHeh;
  bool initial_r = true;           // word-initial ر -> ڕ
  bool initial_waw = true;         // word-initial وو before a consonant -> و
  ZwnjPolicy zwnj = ZwnjPolicy::kSmart;

  // --- spelling-convention repair without a lexicon (Arabic/Persian-typed Sorani) ---
  bool convention_repair = true;   // ئ word-final -> ێ, ە restoration from ه, Persian-convention cues ...

  // --- digits and punctuation ---
  DigitPolicy digits = DigitPolicy::kKeep;
  PunctPolicy punctuation = PunctPolicy::kKeep;  // , ; ? <-> ، ؛ ؟ in Arabic-script context

  Utf8Policy utf8 = Utf8Policy::kReplace;

  static NormalizeOptions standard();
  static NormalizeOptions search();
  static NormalizeOptions minimal();
  static NormalizeOptions for_profile(Profile p);
};

struct NormalizeStats {
  size_t invalid_utf8 = 0;  // ill-formed sequences replaced by U+FFFD
};

class Normalizer {
 public:
  Normalizer();  // standard profile
  explicit Normalizer(const NormalizeOptions& options);
  ~Normalizer();
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;

  const NormalizeOptions& options() const;

  // Normalizes `in`. Never fails; see NormalizeStats for what was replaced.
  // A text of several lines gives exactly what its lines (cut at '\n') give one by one: the
  // convention repair is decided per line, and no rule looks across a line break. A large text
  // may be passed whole: it is normalized in segments of ~16 kB of lines, at least as fast as a
  // call per line.
  std::string normalize(std::string_view in, NormalizeStats* stats = nullptr) const;
  // Appends the result to `out`; `map` (optional) receives output->input byte offsets.
  void normalize(std::string_view in, std::string& out, OffsetMap* map = nullptr,
                 NormalizeStats* stats = nullptr) const;
  // Under the strict policy: an Error naming the first bad byte; otherwise like normalize().
  Result<std::string> normalize_checked(std::string_view in) const;

  // Length of the longest prefix of `in` that is already normalized and ends at a word boundary
  // (the quick check: clean text costs one scan).
  size_t normalized_prefix(std::string_view in) const;

  struct Impl;

 private:
  friend class NormalizerTesting;  // the reference twins of the fast path (src/normalize/testing.h)
  std::unique_ptr<Impl> impl_;
};

// Parses a profile / policy name as used on the command line; Error kBadOption for unknown names.
Result<Profile> parse_profile(std::string_view name);

}  // namespace kurdi
