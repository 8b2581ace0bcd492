// Internal: the compiled morphology (lexicon + affix slot tables) shared by analysis and generation.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kurdi/morph.h"

namespace kurdi::morph {

// Class of the letter a suffix attaches to (bit mask).
enum : uint8_t {
  kC = 1,      // consonant
  kA = 2,      // ا ۆ
  kE = 4,      // ە
  kI = 8,      // ی (î)
  kEe = 16,    // ێ
  kU = 32,     // وو
  kEdrop = 64, // ە-final stem whose ە drops before the suffix
  kStemOnly = 128,  // only directly on the stem, after no other suffix (`stem` in the tables)
  kAny = kC | kA | kE | kI | kEe | kU,
};

uint8_t end_class(std::string_view s);  // class of the last letter of s (kC when empty)
uint8_t parse_after(std::string_view s);

// Nominal slots in forward order.
enum NomSlot : uint8_t { kDEG, kNUM, kEZ, kIS, kPSS, kPOSTP, kARG, kCOP, kNomSlots };

// Verbal slots.
enum VSlot : uint8_t {
  vNEG, vASP, vCL, vIS, vPRS, vIMP, vPST, vSCL, vPRF, vPRF3, vPLPRF, vPRFSBJV, vAYE, vEWE, vGOAL, vPASS,
  kVSlots
};

struct Row {
  std::string form;     // "" for ∅
  uint8_t after = kAny;
  std::string feat;     // UniMorph tags or person (1S ...) or mode (DE, BI ...)
  uint8_t slot = 0;
  uint8_t letters = 0;  // code points in form
  bool vowel_yy = false;  // `Y` in the tables: only on a hand-written stem in vowel + یی (بەرزاییەک)
};

enum class Kind : uint8_t {
  kNominal,   // noun, adjective, closed class, V.MSDR, V.PTCP: nominal suffixes
  kPast,      // past stem of a verb
  kPresent,   // present stem
  kPresent3,  // 3sg present stem variant (کا of کە, ڕوا of ڕۆ): only 3sg endings
  kPassive,   // passive base (کر → کرا، دەکرێت، کراوە)
};

struct Entry {
  uint32_t lemma;      // index into Grammar::strings
  uint32_t part;       // preverb / light-verb part that must precede (0 = none)
  Kind kind;
  uint8_t pos;         // index into kPosNames
  bool transitive;
  uint8_t source;      // 0 hand-written, 1 induced
  float weight;        // lexical prior (log frequency for induced stems, fixed for hand-written)
  bool caus = false;   // a causative verb lemmatized to its base (data/morph/causatives.tsv): CAUS
  bool prefixed = false;  // a bound verb's present stem, free only after ب-/دە-/نا-/نە-/مە- (verbs.tsv trans ..PB)
  bool perfect_only = false;  // a second past stem used only in the perfect (verbs.tsv past دیت|دی: دیوە)
};

extern const char* const kPosNames[];
uint8_t pos_id(std::string_view pos);

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using SvMap = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;
using SvSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;

struct Grammar {
  std::vector<std::string> strings;  // [0] = ""
  std::unordered_map<std::string, uint32_t> string_ids;
  uint32_t intern(std::string_view s);

  SvMap<std::vector<Entry>> stems;  // surface stem -> entries
  SvMap<uint32_t> infinitives;      // infinitive -> lemma id (for V.MSDR compounds)
  SvSet parts;                      // preverbs and light-verb parts
  SvSet preverbs;                   // the parts of preverb compounds (compound_verbs.tsv type PV)
  std::unordered_map<std::string, std::vector<std::string>> lemma_pos;  // lemma -> POS list (for inflect)
  struct VerbInfo {
    std::string infinitive, part, past;
    std::vector<std::string> present, passive;
    bool transitive = true;
    std::string lemma;  // the lemma of its forms: the infinitive, or the base of a causative
    bool caus = false;
  };
  std::unordered_map<std::string, VerbInfo> verbs;  // infinitive -> stems
  std::unordered_map<std::string, std::string> causative_of;  // base lemma -> causative infinitive (inflect ...;CAUS)
  // Goal compounds (compound_verbs.tsv type GL): the part follows the goal -ە of the base verb,
  // written joined (دێتەدی، خستەڕوو، گرتنەبەر): part -> (lemma id of the base verb, the compound's
  // infinitive)
  std::vector<std::pair<std::string, std::vector<std::pair<uint32_t, std::string>>>> goal_parts;
  // Irregular verb forms with UniMorph features (irregular.tsv `pos` V;IMP;ARGNO2S ...: the suppletive
  // imperatives وەرە، بچۆ): form -> the features after the POS, for analysis; and per row the lemma,
  // the features and the form, which inflect() returns before building forms from the slots.
  SvMap<std::string> irregular_features;
  struct IrregularForm {
    std::string lemma, features, form;
  };
  std::vector<IrregularForm> irregular_forms;
  SvSet light_verbs;  // productive light verbs (10+ LV rows in compound_verbs.tsv): unlisted joined compounds
  std::vector<std::string> agent_endings;  // data/morph/derivation.tsv: X-ending + ی = abstract noun
  size_t lexicon_entries = 0;
  size_t max_stem_bytes = 0;

  std::vector<Row> nom[kNomSlots];
  std::vector<Row> verb[kVSlots];

  Grammar();
  size_t memory_bytes() const;
};

const Grammar& grammar();

}  // namespace kurdi::morph
