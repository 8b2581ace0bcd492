// Internal: the reading engine shared by Arabic->Latin and G2P.
//
// A word is a sequence of units (consonant, fixed vowel, و, ی, ئ). Reading() enumerates the readings
// of the و/ی runs, inserts bizroke i into consonant clusters, syllabifies, and returns the cheapest
// reading under a weight profile (data/translit/weights.tsv).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi::translit {

enum PhClass : uint8_t { kVowel, kGlide, kCons };
enum UnitKind : uint8_t { kC, kV, kW, kY, kQ };

struct Phoneme {
  std::string g2p, latin, upper, ipa;
  PhClass cls = kCons;
  int sonority = 0;
};

struct Unit {
  UnitKind kind;
  uint8_t ph;         // phoneme id (for W/Y: the vowel reading; the engine knows the others)
  uint8_t bonus = 0;  // cost (tenths) taken off a reading that inserts bizroke i right before this unit
};

// Penalties, in tenths (see weights.tsv).
struct Weights {
  int insert_i = 20, onset_cg = 5, onset_complex = 200, onset_3 = 1000, onsetless = 1000;
  int coda2_final = 0, coda2_medial = 10, coda2_flat = 30, coda2_rise = 100, coda3 = 100;
  int contact = 10, contact_steep = 25, contact_flat = 2, glide_coda = 0, glide_coda2 = 25, glide_coda2_ey = 0, coda2_n = 25, w_before_uu = 20, contact_r = 10, glide_opens = 1, prior_u = 2, prior_w = 0, prior_y = 1, prior_i_long = 0, initial_i = 15;
};

struct Inventory {
  std::vector<Phoneme> ph;
  uint8_t a, e, i, u, uu, ii, w, y, glottal, r, rr, m, n;  // ids of phonemes the engine uses by name
  int id(std::string_view g2p) const;                 // -1 when unknown
};

// The chosen reading: phonemes with bizroke i inserted, and which phonemes start a syllable.
struct Reading {
  std::vector<uint8_t> ph;
  std::vector<uint8_t> syl_start;  // 1 where a syllable starts (left empty when !syllables)
  int cost = 0;
  bool syllables = true;  // set by the caller: false = phonemes only (the Latin spelling needs no syllables)
};

// Best reading of `units`. Never fails; an empty input gives an empty reading.
// The search is exact but quick: runs of و/ی separated by a written vowel are decided group by
// group, the bizroke insertions of a cluster by dynamic programming, and cluster results are
// remembered per thread (keyed by the address of `w` and checked against its contents; `inv` must
// not change while in use). `exhaustive` = the reference search the tests compare with: every
// combination of run readings and every insertion mask, no memo. Both give the same reading.
void read_word(const Inventory& inv, const Weights& w, const std::vector<Unit>& units, Reading& out,
               bool exhaustive = false);

}  // namespace kurdi::translit
