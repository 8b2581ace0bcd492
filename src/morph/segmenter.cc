// AnalyzerSegmenter: --split-clitics through the morphological analyzer combined with the rule
// tables (modes auto, rules, morph; docs/tokenize.md). One definition for the command, the service
// and the Python module, so that they cut words the same way.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kurdi/morph.h"
#include "kurdi/tokenize.h"

namespace kurdi {

namespace {

// The stem left by an analyzer cut has at least three letters
// (ە + کە + وە, کر + ێ, ئا + ی are artefacts of one- and two-letter lexicon entries).
bool stem_ok(const Analysis& a) {
  if (a.morphs.empty()) return false;
  std::string_view stem = a.morphs[0].form;
  size_t letters = 0;
  for (unsigned char c : stem) letters += (c & 0xC0) != 0x80;
  return letters >= 3;
}
// The word ends in vowel letter (ا ە ۆ ێ و) + یی, and `cut` falls inside that یی.
bool yi_after_vowel(std::string_view word, size_t cut) {
  static constexpr std::string_view kYi = "\u06CC\u06CC";  // each letter is 2 bytes
  if (word.size() < kYi.size() + 2 || word.substr(word.size() - kYi.size()) != kYi) return false;
  size_t yi = word.size() - kYi.size();
  if (cut < yi) return false;
  std::string_view before = word.substr(yi - 2, 2);
  for (std::string_view v : {"\u0627", "\u06D5", "\u06C6", "\u06CE", "\u0648"})
    if (before == v) return true;
  return false;
}
bool cut_tag(std::string_view tag) {
  for (std::string_view p : {"DEF", "INDF", "PL", "PSS", "LGSPEC1", "LGSPEC4", "ADP"})
    if (tag.substr(0, p.size()) == p) return true;
  return false;
}

enum class Mode { kAuto, kRules, kMorph };

bool parse_mode(std::string_view s, Mode& out) {
  if (s == "auto") out = Mode::kAuto;
  else if (s == "rules") out = Mode::kRules;
  else if (s == "morph") out = Mode::kMorph;
  else return false;
  return true;
}

}  // namespace

struct AnalyzerSegmenter::Impl {
  Mode mode = Mode::kAuto;
  Analyzer analyzer;
  RuleSegmenter rules;
};

bool AnalyzerSegmenter::valid_mode(std::string_view mode) {
  Mode m;
  return parse_mode(mode, m);
}

AnalyzerSegmenter::AnalyzerSegmenter(std::string_view mode) {
  Mode m;
  if (!parse_mode(mode, m))
    throw std::invalid_argument("unknown segmenter mode '" + std::string(mode) + "' (auto, rules or morph)");
  impl_ = std::make_unique<Impl>();
  impl_->mode = m;
}
AnalyzerSegmenter::~AnalyzerSegmenter() = default;

void AnalyzerSegmenter::segment(std::string_view word, std::vector<uint32_t>& cuts) const {
  if (impl_->mode == Mode::kRules) {
    impl_->rules.segment(word, cuts);
    return;
  }
  // The keep-whole list is final: the analyzer's reading کات + ێک does not undo it.
  if (impl_->rules.keeps_whole(word)) return;
  std::vector<Analysis> as = impl_->analyzer.analyze(word);
  bool known = !as.empty() && !as[0].guessed;
  // A word the lexicon holds as a lexeme by itself (بەرهەمهێنان the verbal noun, کارلێک, گەلێک)
  // stays whole even when an inflected reading exists: the lexicon-based convention keeps
  // lexicon words whole, and these readings are mostly spurious (بەرهەمهێن + ان).
  bool lexeme = false;
  for (const Analysis& a : as)
    if (!a.guessed && a.morphs.size() == 1 && a.morphs[0].tag == "STEM") lexeme = true;
  std::vector<uint32_t> morph_cuts;
  if (known && !lexeme && stem_ok(as[0])) {
    const Analysis& a = as[0];
    if (a.pos != "V" && a.pos != "V.PTCP") {
      for (size_t i = 1; i < a.morphs.size(); ++i) {
        const Morph& m = a.morphs[i];
        // Only the morphs the KurdishTokenization convention writes apart: determiners, plural,
        // possessive clitics, ezafe, postpositions and attached prepositions. Comparative,
        // superlative, copula and derivational morphs stay on the word.
        if (!cut_tag(m.tag)) continue;
        // A 2sg clitic ت right on the stem with more after it (پەتا+ت+ە, جیا+ت+ی,
        // بەرپرسیارە+ت+ی) is the analyzer misreading -tî / -te words: lexical پەتاتە,
        // abstract nouns in -etî, verbs in -ête. Such a reading is not cut at all.
        if (m.tag.substr(0, 5) == "PSS2S" && i + 1 < a.morphs.size() && morph_cuts.empty()) break;
        if (m.start > 0 && m.start < word.size() && (morph_cuts.empty() || morph_cuts.back() < m.start))
          morph_cuts.push_back(static_cast<uint32_t>(m.start));
      }
    }
  }
  // A word in vowel + یی carries the suffix -yî (ئامادەیی, ئازایی, تووڕەیی), one piece in the
  // KurdishTokenization convention; the analyzer's reading stem + ezafe + ی is not cut.
  if (!morph_cuts.empty() && yi_after_vowel(word, morph_cuts.back())) morph_cuts.pop_back();
  if (impl_->mode == Mode::kMorph) {
    cuts.insert(cuts.end(), morph_cuts.begin(), morph_cuts.end());
    return;
  }
  // auto: the rule tables decide where they cut (they follow the KurdishTokenization convention
  // on stems attested in the corpus); where they leave a word whole, the analyzer's inflectional
  // boundaries are used. (Letting the analyzer overrule the rules, or veto them, measured worse:
  // tok F1 0.815 and 0.839 against 0.866 for the rules; see docs/tokenize.md.)
  std::vector<uint32_t> rule_cuts;
  impl_->rules.segment(word, rule_cuts);
  // A lone final م / ت on the stem: the rules gate these one-letter clitics by corpus frequency
  // (clitics.tsv, ratio 3: دەستم, حاڵەت, ئارت are words of their own), and the analyzer is asked
  // only when they declined, so it does not overrule them (its verb misreadings such as
  // دەتوانرێ + ت go with it).
  if (rule_cuts.empty() && morph_cuts.size() == 1 && word.size() - morph_cuts.back() == 2 &&
      (word.substr(morph_cuts.back()) == "\u0645" || word.substr(morph_cuts.back()) == "\u062A"))
    morph_cuts.pop_back();
  const auto& chosen = rule_cuts.empty() ? morph_cuts : rule_cuts;
  cuts.insert(cuts.end(), chosen.begin(), chosen.end());
}

}  // namespace kurdi
