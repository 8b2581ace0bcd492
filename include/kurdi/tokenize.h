// kurdi::Tokenizer: raw Sorani text -> typed tokens with byte offsets into the original input.
//
// One linear pass over the raw bytes (no copy, no normalization needed to find boundaries). Every
// token is a span [begin, end) of the input; what lies between two tokens is white space or an
// invisible format control, so concatenating the tokens with the original gaps gives the input back
// exactly. Spans always start and end on code point boundaries and never cut a grapheme cluster:
// combining marks, ZWJ/ZWNJ, variation selectors and emoji modifiers stay with the code point they
// extend. Words joined by ZWNJ (U+200C) are one token.
//
//   kurdi::Tokenizer tok;
//   for (const kurdi::Token& t : tok.tokenize("ئێوارەی ١٩ - ١١ - ٢٠٢١، لە www.rudaw.net"))
//     ...  // word ئێوارەی, date ١٩ - ١١ - ٢٠٢١, punct ،, word لە, url www.rudaw.net
//
// --split-clitics (TokenizeOptions::split_clitics) cuts words into the morph-level units of the
// KurdishTokenization convention (stem, ezafe ی, ەکە/ەکان, ێک/یەک, ان, person clitics, یش, دا/ەوە,
// copula): each piece is a Token with its own span and `clitic` set on the non-initial pieces. The
// cuts come from a Segmenter: the rule-based one built from data/tokenize/*.tsv by default, or any
// implementation injected by the caller (the morphological analyzer of a later stage).
//
// A Tokenizer is immutable after construction and safe to share between threads. It never throws
// and never fails on input: invalid UTF-8 is one kOther token per ill-formed subsequence.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/normalize.h"

namespace kurdi {

enum class TokenType : uint8_t {
  kWord,          // Arabic-script word (ZWNJ-joined compounds included)
  kLatinWord,     // Latin-script word (internal ' and - between letters included)
  kOtherWord,     // a word in another script (Greek, Cyrillic, CJK ...)
  kNumber,        // 12  ١٢٫٥  ۱۲,۰۰۰  -3  ٥٠٪  3.5%
  kPunct,         // ، ؛ ؟ « » “ ” . , ! ... … ( ) - :
  kSymbol,        // $ + = < > | ~ ^ ° © ...
  kUrl,           // https://... www....
  kEmail,         // name@host.tld
  kHashtag,       // #کوردستان
  kMention,       // @user
  kEmoji,         // one whole emoji grapheme cluster (ZWJ sequences, flags, modifiers)
  kDate,          // ١٩ - ١١ - ٢٠٢١  19/11/2021  2021-11-19
  kTime,          // 10:30  ١٠:٣٠:١٥
  kAbbreviation,  // د.  پ.ز  Dr.  (data/tokenize/abbreviations.tsv; Latin initials "J.")
  kOther,         // anything else (stray combining mark, U+FFFD from invalid UTF-8 ...)
};

// "word", "latin", "other_word", "number", "punct", "symbol", "url", "email", "hashtag", "mention",
// "emoji", "date", "time", "abbr", "other".
const char* to_string(TokenType type);

struct Token {
  uint32_t begin = 0;  // byte offsets into the original input, [begin, end)
  uint32_t end = 0;
  TokenType type = TokenType::kOther;
  bool clitic = false;      // a non-initial morph of a word cut by split_clitics
  bool space_after = false; // a gap (white space / format control) follows before the next token
  int32_t mwe = -1;         // index of a multiword expression (Tokenizer::mwe_form), -1 for none

  std::string_view text(std::string_view input) const { return input.substr(begin, end - begin); }
};

// Cuts one word into morph-level pieces. `word` is the normalized form of a kWord token; the
// implementation appends the byte offsets (0 < cut < word.size(), increasing, on code point
// boundaries) where a new piece starts. Implementations must be thread-safe (const, no state).
class Segmenter {
 public:
  virtual ~Segmenter() = default;
  virtual void segment(std::string_view word, std::vector<uint32_t>& cuts) const = 0;
};

// The rule-based segmenter: suffix slots and guards from data/tokenize/clitics.tsv, protected
// words from data/tokenize/keep_whole.tsv, attested stems from data/tokenize/stems.tsv.
class RuleSegmenter final : public Segmenter {
 public:
  RuleSegmenter();
  ~RuleSegmenter() override;
  void segment(std::string_view word, std::vector<uint32_t>& cuts) const override;
  // The normalized word is on the keep-whole list (data/tokenize/keep_whole.tsv): no segmenter
  // should cut it (a caller combining segmenters checks this before asking another one).
  bool keeps_whole(std::string_view word) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Every option of the tokenizer, with its default.
struct TokenizeOptions {
  bool split_clitics = false;   // cut words into morph-level pieces (see Segmenter)
  bool multiword = false;       // tag multiword expressions (data/tokenize/multiword.tsv) in Token::mwe
  bool dates = true;            // recognize date and time patterns as single tokens
  bool urls = true;             // recognize URLs, e-mail addresses, hashtags and mentions
  // Words are normalized (this profile) before segmentation and for Tokenizer::normalized(); the
  // token spans always index the raw input.
  NormalizeOptions normalize = NormalizeOptions::standard();
};

class Tokenizer {
 public:
  Tokenizer();  // default options
  // `segmenter`: used for split_clitics instead of the built-in RuleSegmenter; not owned, must
  // outlive the Tokenizer.
  explicit Tokenizer(const TokenizeOptions& options, const Segmenter* segmenter = nullptr);
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  const TokenizeOptions& options() const;

  // Appends the tokens of `text` to `out` (offsets relative to text.data(), plus `base`).
  void tokenize(std::string_view text, std::vector<Token>& out, size_t base = 0) const;
  std::vector<Token> tokenize(std::string_view text) const;

  // Normalized form of a token's text (the normalizer profile of the options).
  std::string normalized(std::string_view token_text) const;
  // Normalized single-word form of multiword expression `index` ("بەتایبەت" for "بە تایبەت").
  std::string_view mwe_form(int32_t index) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// True when `text` (e.g. "د." or "پ.ز") is a known abbreviation of data/tokenize/abbreviations.tsv.
bool is_abbreviation(std::string_view text);

}  // namespace kurdi
