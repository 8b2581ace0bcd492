// Internal to the numbers stage: the lexicon built from data/numbers/*.tsv, and the speller state.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kurdi/numbers.h"

namespace kurdi::numbers_internal {

enum class WordKind : uint8_t { kZero, kUnit, kTeen, kTen, kHundred, kHundreds, kScale };

struct WordEntry {
  WordKind kind;
  int value;          // 0..900 for cardinals; for scales: group index (1 = thousand ...)
  int long_value;     // scales: group index on the long scale (0 = none); cardinals: == value
};

// Transparent hashing: look words up by string_view without allocating.
struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
struct SvEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

struct Fraction {
  int num, den;
  std::string reading;  // empty: general reading
};

// Everything read from the tables, built once (function-local static) and immutable.
struct Lexicon {
  // reading: folded word -> entry (scales hold both scale readings)
  std::unordered_map<std::string, WordEntry, SvHash, SvEq> words;
  // generation
  std::array<std::string, 10> units;           // 0..9 (0 = سفر)
  std::array<std::string, 10> teens;           // 10..19
  std::array<std::string, 10> tens;            // index 2..9
  std::string hundred;                         // سەد
  std::array<std::string, 10> joined_hundreds; // 2..9
  std::vector<std::string> short_scale, long_scale;  // index = group (1 = 10^3); [0] empty
  std::unordered_map<std::string, Fraction> fraction_chars;  // "½" -> 1/2
  std::unordered_map<uint32_t, std::string> fraction_readings;  // num<<16|den -> reading
  std::vector<std::pair<std::string, std::string>> currencies;  // token -> word (longest first)
  std::vector<std::pair<std::string, std::string>> units_of_measure;  // symbol -> word (longest first)
  std::array<std::string, 13> months_iraqi, months_solar;
  std::array<std::string, 26> letters;
  std::unordered_map<std::string, std::string> acronyms, abbreviations, emoji;

  static const Lexicon& get();
};

// Folds a word for lookup: Arabic yeh/kaf/teh marbuta to Sorani letters, final ه to ە, drops ZWNJ,
// tatweel and harakat.
std::string fold_word(std::string_view w);

// Appends ASCII digits of `digits` (any digit system) to out; returns false on a non-digit.
bool ascii_digits(std::string_view s, std::string& out);

// Ordinal suffix for a cardinal phrase ending in `last_word` (ەم / یەم).
std::string_view ordinal_suffix(std::string_view words);

}  // namespace kurdi::numbers_internal

namespace kurdi {
struct NumberSpeller::Impl {
  NumberOptions opt;
  const numbers_internal::Lexicon* lex;
  std::array<std::string, 1000> group;   // words for 1..999 under the options ([0] empty)
  const std::vector<std::string>* scale; // scale words by group index
  std::string and_;                      // " و "
  // Precomputed pieces for the hot path: piece(k, g, joined) = [" و "] + words of group g at scale k.
  std::string pieces;                    // all pieces, back to back
  std::vector<uint32_t> piece_off;       // index (k*1000+g)*2+joined -> offset; one extra at the end
  std::string_view piece(int k, int g, bool with_and) const {
    size_t i = (size_t(k) * 1000 + size_t(g)) * 2 + (with_and ? 1 : 0);
    return std::string_view(pieces).substr(piece_off[i], piece_off[i + 1] - piece_off[i]);
  }

  explicit Impl(NumberOptions o);
  void append_groups(const uint16_t* g, int n, std::string& out) const;  // g[0] = units group
  void append_number_words(std::string_view int_ascii, std::string_view frac_ascii, bool negative,
                           std::string& out) const;
  void append_digits_ascii(std::string_view ascii, std::string& out) const;  // one word per digit
  void write_digits(std::string_view ascii, std::string& out) const;         // in opt.digits system
};
}  // namespace kurdi
