// Tests of the spell stage: validity, suggestions, text mode offsets, accept lists, models,
// repair offsets, Hunspell export, golden words, and robustness on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kurdi/morph.h"
#include "kurdi/normalize.h"
#include "kurdi/spell.h"
#include "spell/internal.h"

namespace fs = std::filesystem;
using kurdi::FrequencyModel;
using kurdi::SpellChecker;
using kurdi::SpellOptions;

namespace {
const SpellChecker& checker() {
  static const SpellChecker sc;
  return sc;
}
// The analyzer as the built-in checker runs it: standard spellings only.
const kurdi::Analyzer& standard_analyzer() {
  static const kurdi::Analyzer an([] {
    kurdi::MorphOptions mo;
    mo.colloquial = false;
    return mo;
  }());
  return an;
}
}  // namespace

TEST(Spell, CommonWordsAreValid) {
  for (const char* w : {"و", "لە", "کوردستان", "پێویست", "هەڵبژاردن", "بەڵام"}) EXPECT_TRUE(checker().check(w)) << w;
}

TEST(Spell, ConfusionMisspellingsAreFlaggedAndCorrected) {
  struct Case { const char* typed; const char* fix; };
  for (Case c : {Case{"پیویست", "پێویست"}, Case{"هەلبژاردن", "هەڵبژاردن"}, Case{"کوردستن", "کوردستان"}}) {
    EXPECT_FALSE(checker().check(c.typed)) << c.typed;
    auto s = checker().suggest(c.typed, 5);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0].word, c.fix);
    // by score, the words the checker rejects after the valid ones (SpellRanking.RejectedModelWords...)
    for (size_t i = 1; i < s.size(); ++i) {
      if (checker().check(s[i - 1].word) == checker().check(s[i].word)) {
        EXPECT_LE(s[i - 1].score, s[i].score);
      }
    }
    EXPECT_LE(s.size(), 5u);
  }
}

TEST(Spell, NonSoraniIsNeverFlagged) {
  for (const char* w : {"London", "2024", "e-mail", "ok!", "", "١٢٣"}) EXPECT_TRUE(checker().check(w)) << w;
}

TEST(Spell, BadInputDoesNotCrash) {
  std::string bad = "\xff\xfe\xd8";
  (void)checker().check(bad);
  (void)checker().suggest(bad, 5);
  (void)checker().check_text(bad + " پیویست \xc0", 5);
  std::string longw(2000, 'x');
  EXPECT_TRUE(checker().check(longw));
  std::string longk;
  for (int i = 0; i < 300; ++i) longk += "ب";
  (void)checker().suggest(longk, 5);
  EXPECT_TRUE(checker().suggest("پیویست", 0).empty());
}

TEST(Spell, TextModeOffsetsPointAtTheWord) {
  std::string text = "ئەمە زۆر پیویست بوو.\nهەلبژاردن لە London.";
  auto flags = checker().check_text(text, 3);
  ASSERT_EQ(flags.size(), 2u);
  for (const auto& f : flags) {
    ASSERT_LE(f.end, text.size());
    EXPECT_EQ(text.substr(f.start, f.end - f.start), f.word);
    EXPECT_FALSE(f.suggestions.empty());
    EXPECT_LE(f.suggestions.size(), 3u);
  }
  EXPECT_EQ(flags[0].word, "پیویست");
  EXPECT_EQ(flags[1].word, "هەلبژاردن");
}

TEST(Spell, TextModeLeavesWordPlusCliticsAlone) {
  // A frequent stem + clitics, and a joined preposition: not flagged in running text.
  EXPECT_TRUE(checker().check_text("کوردستانەکەمانیش", 1).empty());
  EXPECT_TRUE(checker().check_text("لەکوردستان", 1).empty());
}

TEST(Spell, AcceptList) {
  SpellOptions o;
  o.use_morphology = false;
  SpellChecker sc(o);
  const char* word = "زرۆکێنا";  // not a Sorani word
  EXPECT_FALSE(sc.check(word));
  sc.accept_words(std::string("# my words\n") + word + "\n\n");
  EXPECT_TRUE(sc.check(word));
}

TEST(Spell, LearnedModelRoundTrip) {
  FrequencyModel m;
  m.learn_line("کتێبەکە لێرەیە و کتێبەکە جوانە");
  m.learn_line("this line has no Sorani letters at all");
  m.learn_line("كتاب بدون حروف");  // Arabic convention line: skipped by default
  EXPECT_EQ(m.count("کتێبەکە"), 2);
  EXPECT_EQ(m.count("و"), 1);
  EXPECT_EQ(m.count("كتاب"), 0);
  std::string tsv = m.to_tsv(1, "test model");
  auto back = FrequencyModel::parse(tsv);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->count("کتێبەکە"), 2);
  EXPECT_EQ(back->total(), m.total());
  EXPECT_FALSE(FrequencyModel::parse("*word\tcount\nx\tnot-a-number\n").ok());

  SpellOptions o;
  o.min_count = 1;
  SpellChecker sc(o, *back, nullptr);
  EXPECT_TRUE(sc.check("جوانە"));
  EXPECT_FALSE(sc.check("جوانن"));
  EXPECT_EQ(sc.count("کتێبەکە"), 2);
}

TEST(Spell, BuiltinModelIsLoaded) {
  const auto& m = FrequencyModel::builtin();
  EXPECT_GT(m.size(), 10000u);
  EXPECT_GT(m.count("لە"), m.count("کوردستان"));
}

TEST(Repair, RewritesConventionSpellingsWithOffsets) {
  kurdi::Normalizer norm;
  kurdi::Repairer rep(checker());
  std::string in = norm.normalize("دستان خوش بیت");
  std::string out;
  kurdi::OffsetMap map;
  rep.repair(in, out, &map);
  EXPECT_EQ(out.substr(0, std::string("دەستان").size()), "دەستان");
  EXPECT_EQ(map.input_size(), in.size());
  EXPECT_EQ(map.output_size(), out.size());
  size_t prev = 0;
  for (size_t o = 0; o <= out.size(); ++o) {
    size_t i = map.to_input(o);
    EXPECT_LE(i, in.size());
    EXPECT_GE(i, prev);
    prev = i;
  }
  // Standard text is left as it is.
  std::string clean = "ئەمڕۆ هەوا زۆر خۆشە";
  EXPECT_EQ(rep.repair(clean), clean);
  // The letter rules (lengthening, ئ for ێ, bare ا, a suffix typed apart) keep the map monotone
  // and whole.
  for (const char* line : {"شئررررر و اخوم، دەفتەرۆچە کان!", "  زۆۆۆۆر  شئر\tکتێبە کان "}) {
    std::string o2;
    kurdi::OffsetMap m2;
    rep.repair(line, o2, &m2);
    EXPECT_EQ(o2, rep.repair(line));
    EXPECT_EQ(m2.input_size(), std::string(line).size());
    EXPECT_EQ(m2.output_size(), o2.size());
    size_t last = 0;
    for (size_t o = 0; o <= o2.size(); ++o) {
      size_t i = m2.to_input(o);
      EXPECT_LE(i, std::string(line).size());
      EXPECT_GE(i, last);
      last = i;
    }
  }
}

// An inflected form the frequency model has never seen is repaired when the analyzer knows the one
// variant a convention edit away; switched off, the word stays.
TEST(Repair, InflectedFormsTheModelHasNotSeen) {
  const char* typed = "پیشانگاکانیشمان";  // ێ typed as ی
  ASSERT_EQ(FrequencyModel::builtin().count("پێشانگاکانیشمان"), 0);
  kurdi::Repairer rep(checker());
  EXPECT_EQ(rep.repair(typed), "پێشانگاکانیشمان");
  kurdi::RepairOptions o;
  o.known_forms = false;
  kurdi::Repairer off(checker(), o);
  EXPECT_EQ(off.repair(typed), typed);
}

// The split of an unknown word into a frequent word + a valid word never cuts before a vowel letter:
// no Sorani word starts with ە ێ ۆ ا (they follow ئ), so نینەکە is not split into نین ەکە.
TEST(Repair, SplitNeverStartsAWordWithAVowelLetter) {
  kurdi::Repairer rep(checker());
  std::string out = rep.repair("نینەکە");
  EXPECT_EQ(out.find(" \u06D5"), std::string::npos) << out;
  EXPECT_EQ(out.find(" \u06CE"), std::string::npos) << out;
}

// A word-final ە is a morpheme, not a spelling convention: the repair neither adds nor drops it
// (an invalid word, or a valid rare one beside a frequent twin), while a word-internal ە left out
// is still restored.
TEST(Repair, WordFinalEIsNotAConventionEdit) {
  FrequencyModel m;
  m.add("کتێبە", 1000);  // کتێب + final ە
  m.add("باران", 1);     // valid rare (seen once: the repair's bar is 2, so invalid there)
  m.add("بارانە", 900);
  m.add("ماڵ", 3);       // valid (seen 3 times) beside a twin with final ە 300 times as frequent
  m.add("ماڵە", 900);
  m.add("دەرگا", 50);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("کتێب"), "کتێب");
  EXPECT_EQ(rep.repair("باران"), "باران");
  EXPECT_EQ(rep.repair("ماڵ"), "ماڵ");
  EXPECT_EQ(rep.repair("درگا"), "دەرگا");  // the internal ە
  // The spell checker's own model keeps the final-ە edit.
  auto s = sc.suggest("کتێب", 1);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].word, "کتێبە");
}

// Expressive lengthening (a letter typed three or more times) is shortened in a word that is not
// valid as typed: to one letter, or two when only that is a valid word; a valid word with ییی
// (a stem in -یی + -یە) and a token that is one letter repeated (laughter) are left alone.
TEST(Repair, LengtheningIsShortened) {
  FrequencyModel m;
  m.add("شێر", 100);
  m.add("زۆر", 100);
  m.add("ئاسایییە", 20);
  m.add("ئاسایە", 2000);
  m.add("دەبیننەوە", 10);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("شێررررر"), "شێر");
  EXPECT_EQ(rep.repair("زۆۆۆۆر و شێر"), "زۆر و شێر");
  EXPECT_EQ(rep.repair("هەههههە"), "هەههههە");
  EXPECT_EQ(rep.repair("ههههە"), "ههههە");
  EXPECT_EQ(rep.repair("خخخخخ"), "خخخخخ");
  EXPECT_EQ(rep.repair("ئاسایییە"), "ئاسایییە");
  EXPECT_EQ(rep.repair("دەبینننەوە"), "دەبیننەوە");
}

// The conjunction و stays a word of its own: a join through it would swallow it.
TEST(Repair, NoJoinThroughTheConjunction) {
  FrequencyModel m;
  m.add("چاو", 500);
  m.add("برۆ", 100);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("جاو و برۆ"), "چاو و برۆ");
  EXPECT_EQ(rep.repair("جا و"), "جا و");
}

// A word-initial bare ا is read with the seat: ئە (Arabic-convention typing), then ئا.
TEST(Repair, InitialBareAlef) {
  FrequencyModel m;
  m.add("ئەخۆم", 50);
  m.add("ئاسمان", 50);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  EXPECT_EQ(kurdi::Repairer(sc).repair("اخوم"), "ئەخۆم");
  EXPECT_EQ(kurdi::Repairer(sc).repair("اسمان"), "ئاسمان");
  // The fix keeps the seat it was given: not the far more frequent خۆی with ئە dropped again.
  m.add("خۆی", 100000);
  m.add("ئەخۆی", 2);
  const SpellChecker sc2(SpellOptions{}, m, nullptr);
  EXPECT_EQ(kurdi::Repairer(sc2).repair("اخوی"), "ئەخۆی");
  kurdi::RepairOptions o;
  o.initial_alef = false;
  EXPECT_EQ(kurdi::Repairer(sc, o).repair("اخوم"), "اخوم");
}

// A split needs a rest the model has seen, or a longer one the analyzer knows: a short rest is
// too easily analysed (منتە as من + ت + ە); a two-letter rest must be a frequent word.
TEST(Repair, SplitNeedsAnAttestedOrLongerRest) {
  kurdi::Repairer rep(checker());
  ASSERT_EQ(FrequencyModel::builtin().count("منتە"), 0);
  ASSERT_TRUE(checker().check("منتە"));
  EXPECT_EQ(rep.repair("بۆمنتە"), "بۆمنتە");
  ASSERT_EQ(FrequencyModel::builtin().count("پێشانگاکانیشمان"), 0);
  EXPECT_EQ(rep.repair("بۆپێشانگاکانیشمان"), "بۆ پێشانگاکانیشمان");
  // A rest of two letters only when it is a frequent word itself.
  EXPECT_EQ(rep.repair("ڕەنگینی"), "ڕەنگینی");
  EXPECT_EQ(rep.repair("دوولا"), "دوولا");
  EXPECT_EQ(rep.repair("تەنیالە"), "تەنیا لە");
}

// A word the checker accepts as typed (seen in the model, not dominated) is not split, even when
// the repair's stricter validity bar (seen twice) calls it invalid: زۆربە is a compound, not زۆر بە;
// unless its first part is one of the most frequent words (split_apart_count). A word the model
// has never seen is still split.
TEST(Repair, NoSplitOfAWordAcceptedAsTyped) {
  FrequencyModel m;
  m.add("زۆر", 5000);
  m.add("بە", 9000);
  m.add("هەر", 5000);
  m.add("لە", 9000);
  m.add("زۆربە", 1);
  m.add("کە", 20000);
  m.add("هەمیشە", 3000);
  m.add("کەهەمیشە", 1);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  ASSERT_TRUE(sc.check("زۆربە"));
  ASSERT_TRUE(sc.check("کەهەمیشە"));
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("زۆربە"), "زۆربە");
  EXPECT_EQ(rep.repair("هەرلە"), "هەر لە");
  // A first part among the most frequent words (a conjunction written apart) is still split off.
  EXPECT_EQ(rep.repair("کەهەمیشە"), "کە هەمیشە");
  kurdi::RepairOptions o;
  o.split_apart_count = 100000;
  EXPECT_EQ(kurdi::Repairer(sc, o).repair("کەهەمیشە"), "کەهەمیشە");
}

// ئ between consonants is ێ typed on an Arabic keyboard, even where a far more frequent word
// would be reached by dropping it; not after ل (the older fonts' لأ for ڵ) nor in ال- words.
TEST(Repair, HamzaBetweenConsonantsIsE) {
  FrequencyModel m;
  m.add("شێر", 20);
  m.add("شەر", 100000);
  m.add("پاڵ", 500);
  m.add("پاڵێ", 500);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("شئر"), "شێر");
  EXPECT_EQ(rep.repair("شئررر و شێر"), "شێر و شێر");
  EXPECT_EQ(rep.repair("پالئ"), "پاڵ");
  EXPECT_EQ(rep.repair("الئقتصاد"), "الئقتصاد");
}

// A valid word is not respelled away from a letter only a Kurdish keyboard types (the writer typed
// it), however much more frequent the plain twin; the plain word still gets the Kurdish letter.
TEST(Repair, ValidWordKeepsItsKurdishLetters) {
  FrequencyModel m;
  m.add("زمانی", 5000);
  m.add("زمانێ", 5);
  m.add("شێری", 5000);
  m.add("شیری", 3);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("زمانێ"), "زمانێ");
  EXPECT_EQ(rep.repair("شیری"), "شێری");
}

// A suffix typed apart after an invalid word's final ە is joined to it; a fragment that is also a
// frequent word (کە "that") only when the whole is a valid word; never after a valid word.
TEST(Repair, SuffixTypedApartAfterFinalE) {
  FrequencyModel m;
  m.add("و", 1000);
  m.add("کە", 12000);
  m.add("کان", 19);
  m.add("کتێبە", 50);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  kurdi::Repairer rep(sc);
  EXPECT_EQ(rep.repair("دەفتەرۆچە کان"), "دەفتەرۆچەکان");
  EXPECT_EQ(rep.repair("دەفتەرۆچە کە"), "دەفتەرۆچە کە");
  EXPECT_EQ(rep.repair("کتێبە کان"), "کتێبە کان");
  kurdi::RepairOptions o;
  o.joins = false;
  EXPECT_EQ(kurdi::Repairer(sc, o).repair("دەفتەرۆچە کان"), "دەفتەرۆچە کان");
}

TEST(Hunspell, ExportWritesDicAndAff) {
  fs::path dir = fs::temp_directory_path() / "kurdi_spell_hunspell_test";
  fs::remove_all(dir);
  ASSERT_TRUE(checker().export_hunspell(dir.string()).ok());
  std::ifstream dic(dir / "ckb.dic"), aff(dir / "ckb.aff");
  ASSERT_TRUE(dic && aff);
  size_t n = 0;
  dic >> n;
  EXPECT_GT(n, 10000u);
  std::stringstream ss;
  ss << aff.rdbuf();
  EXPECT_NE(ss.str().find("SET UTF-8"), std::string::npos);
  EXPECT_NE(ss.str().find("SFX A"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Golden, Words) {
  fs::path path = fs::path(KURDI_SOURCE_DIR) / "tests" / "golden" / "spell" / "words.tsv";
  std::ifstream f(path);
  ASSERT_TRUE(f) << path;
  std::string line;
  size_t n = 0;
  bool header = false;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) { header = true; continue; }
    std::vector<std::string> col;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) col.push_back(c);
    ASSERT_GE(col.size(), 3u) << line;
    bool ok = checker().check(col[0]);
    EXPECT_EQ(ok ? "ok" : "err", col[1]) << col[0];
    if (!ok && !col[2].empty()) {
      auto s = checker().suggest(col[0], 5);
      ASSERT_FALSE(s.empty()) << col[0];
      EXPECT_EQ(s[0].word, col[2]) << col[0];
    }
    ++n;
  }
  EXPECT_GT(n, 10u);
}

TEST(SharedData, FloresTextModeFlagsStayInsideTokens) {
  const char* data = std::getenv("KURDI_SHARED_DATA");
  if (!data) GTEST_SKIP() << "KURDI_SHARED_DATA not set";
  fs::path p = fs::path(data) / "ScriptNormalization-ckb" / "flores200.ckb_Arab.devtest.txt";
  std::ifstream f(p);
  if (!f) GTEST_SKIP() << "no " << p;
  std::stringstream ss;
  ss << f.rdbuf();
  std::string text = ss.str();
  auto flags = checker().check_text(text, 1);
  size_t prev_end = 0;
  for (const auto& fl : flags) {
    ASSERT_LE(fl.end, text.size());
    ASSERT_GE(fl.start, prev_end);
    EXPECT_EQ(text.substr(fl.start, fl.end - fl.start), fl.word);
    prev_end = fl.end;
  }
  // Edited text: flags are a small minority of the (roughly 10k) words.
  EXPECT_LT(flags.size(), text.size() / 40);
}

// check()'s fast path (precomputed verdicts of model words, per-thread memo) against the reference
// path (SpellOptions::fast_check = false), on words of every kind, twice (second time from the memo).
namespace {
std::vector<std::string> mixed_words() {
  std::vector<std::string> w = {"و", "لە", "کوردستان", "پێویست", "پیویست", "هەلبژاردن", "کوردستانەکەمانیش",
                                "لەکوردستان", "بریار", "بڕیار", "كتاب", "ي", "London", "2024", "", "کتێب\u200cەکان",
                                "کتێبەکان", "دەکرێت", "دە کرێت", "\xff\xfe", "ﻙ", "زرۆکێنا", "نووسین", "نوسین"};
  // Random strings over Sorani letters (seeded: replayable), and one-letter variants of the above.
  const std::vector<std::string> letters = {"ا", "ب", "پ", "ت", "ج", "چ", "ح", "خ", "د", "ر", "ڕ", "ز", "ژ", "س",
                                            "ش", "ع", "غ", "ف", "ڤ", "ق", "ک", "گ", "ل", "ڵ", "م", "ن", "ه", "ە",
                                            "و", "ۆ", "ی", "ێ", "ئ", "ي", "ك", "ة", "\u200c"};
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string x;
    for (int k = 1 + static_cast<int>(rng() % 9); k > 0; --k) x += letters[rng() % letters.size()];
    w.push_back(x);
  }
  const size_t n = w.size();
  for (size_t i = 0; i < 24 && i < n; ++i)
    for (const auto& l : letters) w.push_back(w[i] + l);
  return w;
}
}  // namespace

TEST(SpellFastCheck, SameVerdictsAsTheReferencePath) {
  SpellOptions ref_options;
  ref_options.fast_check = false;
  const SpellChecker ref(ref_options);
  auto words = mixed_words();
  // Words of edited text too, when the shared data is there.
  if (const char* data = std::getenv("KURDI_SHARED_DATA")) {
    std::ifstream f(fs::path(data) / "ScriptNormalization-ckb" / "flores200.ckb_Arab.devtest.txt");
    std::string tok;
    for (size_t i = 0; f >> tok && i < 20000; ++i) words.push_back(tok);
  }
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& w : words) ASSERT_EQ(checker().check(w), ref.check(w)) << "pass " << pass << ": " << w;
}

TEST(SpellFastCheck, AcceptInvalidatesMemoizedVerdicts) {
  SpellOptions o;
  o.use_morphology = false;
  SpellChecker sc(o);
  const char* word = "زرۆکێنا";
  EXPECT_FALSE(sc.check(word));
  EXPECT_FALSE(sc.check(word));  // now memoized
  sc.accept(word);
  EXPECT_TRUE(sc.check(word));
  // A dominated model word (a typo in the corpus) accepted by the user: the precomputed verdict
  // gives way too.
  SpellChecker sc2(o);
  EXPECT_FALSE(sc2.check("بریار"));
  sc2.accept("بریار");
  EXPECT_TRUE(sc2.check("بریار"));
}

TEST(SpellFastCheck, CheckersInOneThreadKeepTheirOwnVerdicts) {
  // Several checkers used in turn by one thread (more than the memo keeps per thread).
  SpellOptions plain;
  plain.use_morphology = false;
  std::vector<std::unique_ptr<SpellChecker>> v;
  for (int i = 0; i < 5; ++i) v.push_back(std::make_unique<SpellChecker>(plain));
  v[3]->accept("زرۆکێنا");
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 5; ++i) EXPECT_EQ(v[i]->check("زرۆکێنا"), i == 3) << "checker " << i << " round " << round;
}

TEST(SpellFastCheck, SameVerdictsFromSeveralThreads) {
  auto words = mixed_words();
  std::vector<char> expect;
  for (const auto& w : words) expect.push_back(checker().check(w));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int pass = 0; pass < 2; ++pass)
        for (size_t i = 0; i < words.size(); ++i) mismatches[t] += checker().check(words[i]) != static_cast<bool>(expect[i]);
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

// The candidate search (index lookups with prefetching, per-query error-model preparation, early
// exit by frequency) against brute force over the whole vocabulary.
namespace kurdi {
struct SpellCheckerTesting {
  static const SpellChecker::Impl& impl(const SpellChecker& sc) { return *sc.impl_; }
};
}  // namespace kurdi

namespace {
size_t levenshtein(std::u32string_view a, std::u32string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

TEST(SpellCandidates, AgreeWithBruteForce) {
  const auto& im = kurdi::SpellCheckerTesting::impl(checker());
  std::mt19937 rng(11);
  const std::u32string alphabet = U"ابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێئ";
  for (int t = 0; t < 60; ++t) {
    // A misspelling of a model word of 4+ letters: one random substitution, deletion or insertion.
    uint32_t id = static_cast<uint32_t>(rng() % 5000);
    std::u32string q(im.letters_of(id));
    if (q.size() < 4) continue;
    size_t pos = rng() % q.size();
    char32_t c = alphabet[rng() % alphabet.size()];
    switch (rng() % 3) {
      case 0: q[pos] = c; break;
      case 1: q.erase(pos, 1); break;
      default: q.insert(q.begin() + static_cast<long>(pos), c);
    }
    std::vector<kurdi::Suggestion> got;
    im.candidates(q, im.options.max_cost, false, 5, got);
    ASSERT_FALSE(got.empty()) << kurdi::utf8::from_u32(q);
    // Every candidate: its cost is the error model's, its score the noisy channel's, best first.
    for (size_t i = 0; i < got.size(); ++i) {
      const std::u32string y = kurdi::utf8::to_u32(got[i].word);
      EXPECT_NEAR(got[i].cost, im.errors.cost(q, y, 1e9, false), 1e-9) << got[i].word;
      EXPECT_NEAR(got[i].score, im.neglogp(got[i].word) + im.options.error_weight * got[i].cost, 1e-4);
      if (i) {
        EXPECT_LE(got[i - 1].score, got[i].score);
      }
    }
    // Brute force over words one plain edit away (all of which the index must find): none scores
    // better than the first suggestion.
    double best = 1e300;
    std::string best_word;
    for (uint32_t k = 0; k < im.cand.size(); ++k) {
      std::u32string_view y = im.letters_of(k);
      if (y == q || levenshtein(q, y) != 1) continue;
      double cost = im.errors.cost(q, y, im.options.max_cost, false);
      double score = im.cand[k].neglogp + im.options.error_weight * cost;
      if (score < best) { best = score; best_word = im.entries[k].word; }
    }
    if (!best_word.empty()) {
      EXPECT_LE(got[0].score, best + 1e-6) << kurdi::utf8::from_u32(q) << " brute force: " << best_word;
    }
  }
}

// Words the model has never seen but the analyzer knows (long inflected forms) are suggested when
// one confusion edit away; with SpellOptions::morph_candidates off they cannot be.
TEST(SpellMorphCandidates, UnseenInflectedFormsAreSuggested) {
  struct Case { const char* typed; const char* fix; };
  SpellOptions off;
  off.morph_candidates = false;
  const SpellChecker without(off);
  for (Case c : {Case{"هەلبژاردنەکانیشیان", "هەڵبژاردنەکانیشیان"}, Case{"پیویستییەکانیشمان", "پێویستییەکانیشمان"},
                 Case{"کیشەکانیشیانە", "کێشەکانیشیانە"}}) {
    ASSERT_EQ(checker().count(c.fix), 0) << c.fix << " is in the model: pick another example";
    ASSERT_TRUE(checker().check(c.fix)) << c.fix;
    auto s = checker().suggest(c.typed, 5);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0].word, c.fix);
    for (const auto& x : without.suggest(c.typed, 5)) EXPECT_NE(x.word, c.fix);
  }
}

// The analyzer behind validity reads standard spelling: the colloquial single و for وو is an error
// (the analyzer's colloquial option is off for spell checking), with the standard form suggested.
TEST(Spell, ColloquialSingleWawIsAnError) {
  struct Case { const char* typed; const char* fix; };
  for (Case c : {Case{"دروستبونی", "دروستبوونی"}, Case{"هەبونی", "هەبوونی"}, Case{"دوپاتی", "دووپاتی"}}) {
    EXPECT_FALSE(checker().check(c.typed)) << c.typed;
    EXPECT_TRUE(checker().check(c.fix)) << c.fix;
    auto s = checker().suggest(c.typed, 3);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0].word, c.fix);
  }
}

// Dominance (a rare word one cheap confusion away from a word ten times as frequent is a typo)
// also judges words seen fewer than min_count times that only the analyzer accepts, and never
// takes a word plus a final ە (copula / definite suffix) for a typo of the other.
TEST(SpellDominance, SingletonsKnownToTheAnalyzerAndFinalE) {
  const kurdi::Analyzer& an = standard_analyzer();
  ASSERT_TRUE(an.known("شیر"));
  ASSERT_TRUE(an.known("کتێب"));
  FrequencyModel m;
  m.add("شێر", 100);   // شیر (seen once) is one ێ/ی confusion (0.35) away
  m.add("شیر", 1);
  m.add("کتێبە", 100);  // کتێب (not in the model) is کتێبە without its final ە
  m.add("و", 1000);
  SpellOptions o;  // min_count 2: a word seen once is valid only through the analyzer
  const SpellChecker sc(o, m, &an);
  EXPECT_FALSE(sc.check("شیر"));
  EXPECT_TRUE(sc.check("کتێب"));
  o.fast_check = false;  // the reference path agrees
  const SpellChecker ref(o, m, &an);
  EXPECT_FALSE(ref.check("شیر"));
  EXPECT_TRUE(ref.check("کتێب"));
  o.dominance_ratio = 0;
  const SpellChecker off(o, m, &an);
  EXPECT_TRUE(off.check("شیر"));
}

// A model word seen once is valid (SpellOptions::min_count 1) unless a word of the same confusion
// skeleton at most 0.75 away is 3 times as frequent; the repair keeps its stricter bar
// (RepairOptions::valid_min_count 2: a word seen once is repaired when a convention fix exists).
TEST(SpellDominance, WordsSeenOnce) {
  FrequencyModel m;
  m.add("کێلگە", 30);
  m.add("کیلگە", 1);    // one ێ/ی confusion (0.35) from a word 30 times as frequent
  m.add("پێرۆز", 6);
  m.add("پیروز", 1);    // two confusions (0.7) from a word 6 times as frequent
  m.add("دەرگا", 2);
  m.add("درگا", 1);     // a missing ە (0.5) from a word only twice as frequent
  m.add("دارستان", 1);  // no neighbour
  m.add("و", 1000);
  SpellOptions o;
  const SpellChecker sc(o, m, nullptr);
  EXPECT_FALSE(sc.check("کیلگە"));
  EXPECT_FALSE(sc.check("پیروز"));
  EXPECT_TRUE(sc.check("درگا"));
  EXPECT_TRUE(sc.check("دارستان"));
  EXPECT_TRUE(sc.check("کێلگە"));
  o.fast_check = false;
  const SpellChecker ref(o, m, nullptr);
  for (const char* w : {"کیلگە", "پیروز", "درگا", "دارستان", "کێلگە"}) EXPECT_EQ(ref.check(w), sc.check(w)) << w;
  o.min_count = 2;  // the former bar: a word seen once needs the analyzer
  const SpellChecker strict(o, m, nullptr);
  EXPECT_FALSE(strict.check("دارستان"));

  // Running text: a dominated word seen once is flagged, one that is not is left alone.
  const std::string text = "کیلگە و دارستان";
  auto flags = sc.check_text(text, 1);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].word, "کیلگە");

  // The repair: درگا (seen once) is rewritten into دەرگا unless words seen once count as valid.
  EXPECT_EQ(kurdi::Repairer(sc).repair("درگا"), "دەرگا");
  kurdi::RepairOptions ro;
  ro.valid_min_count = 1;
  EXPECT_EQ(kurdi::Repairer(sc, ro).repair("درگا"), "درگا");
}

// Ranking weighs the edit cost against the word's probability (score = -ln P + error_weight *
// cost): at the default weight (14) one missing ە (0.5) beats two (1.0) for a word 200 times as
// frequent (سەرد, سەرەد: a word-internal ە, the one the repair's convention edits restore); at 8
// it does not. The repair has its own weight (RepairOptions::error_weight, 8).
TEST(SpellRanking, ErrorWeight) {
  FrequencyModel m;
  m.add("سەرەد", 1000);
  m.add("سەرد", 5);
  m.add("و", 1000);
  SpellOptions o;
  EXPECT_EQ(o.error_weight, 14.0);
  o.dominance_ratio = 0;  // سەرد would be dominated (a rejected word goes after the valid ones)
  const SpellChecker sc(o, m, nullptr);
  auto s = sc.suggest("سرد", 2);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].word, "سەرد");
  EXPECT_EQ(kurdi::Repairer(sc).repair("سرد"), "سەرەد");
  kurdi::RepairOptions ro;
  ro.error_weight = 14;
  EXPECT_EQ(kurdi::Repairer(sc, ro).repair("سرد"), "سەرد");
  o.error_weight = 8;
  const SpellChecker light(o, m, nullptr);
  s = light.suggest("سرد", 2);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].word, "سەرەد");
}

// An analyzer-known word the model has not seen is suggested when it is cheaper than the model's
// cheapest candidate, even when that one is itself cheap (کتێب at 0.35 beside the model's کتیبە at 0.5).
TEST(SpellMorphCandidates, CheaperThanTheModelsBest) {
  const kurdi::Analyzer& an = standard_analyzer();
  ASSERT_TRUE(an.known("کتێب"));
  FrequencyModel m;
  m.add("کتیبە", 1);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, &an);
  auto s = sc.suggest("کتیب", 3);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].word, "کتێب");
}

// Two adjacent letters swapped in a word of 6+ letters: dominated by the swapped form when that is
// 10 times as frequent; shorter words are left alone (swaps there often make other words).
TEST(SpellDominance, Transpositions) {
  FrequencyModel m;
  m.add("کوردستانی", 200);
  m.add("کوردساتنی", 3);  // ت and ا swapped
  m.add("کرد", 500);
  m.add("کدر", 3);        // ر and د swapped, but only 3 letters
  m.add("و", 1000);
  SpellOptions o;
  const SpellChecker sc(o, m, nullptr);
  EXPECT_FALSE(sc.check("کوردساتنی"));
  EXPECT_TRUE(sc.check("کدر"));
  EXPECT_TRUE(sc.check("کوردستانی"));
  o.transposition_min_letters = 0;
  const SpellChecker off(o, m, nullptr);
  EXPECT_TRUE(off.check("کوردساتنی"));
}

// A word seen 20+ times that the hand-written lexicon knows is not dominated by a neighbour one
// cheap edit away, however frequent: گەشت "trip" beside گشت "all", the 3sg دەزانێت beside the
// 2sg دەزانیت, the demonstrative ساڵەی beside ساڵی are all words. A rarer one still is (ratio 10).
TEST(SpellDominance, FrequentLexiconWordsStay) {
  const kurdi::Analyzer& an = standard_analyzer();
  FrequencyModel m;
  m.add("گشت", 429);
  m.add("گەشت", 36);
  m.add("دەزانیت", 401);
  m.add("دەزانێت", 40);
  m.add("ساڵی", 883);
  m.add("ساڵەی", 37);
  m.add("بەڵام", 2552);
  m.add("بەلام", 22);   // not a lexicon word: still dominated
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, &an);
  EXPECT_TRUE(sc.check("گەشت"));
  EXPECT_TRUE(sc.check("دەزانێت"));
  EXPECT_TRUE(sc.check("ساڵەی"));
  EXPECT_FALSE(sc.check("بەلام"));
  FrequencyModel rare;
  rare.add("گشت", 429);
  rare.add("گەشت", 6);  // below the trusted count: ratio 10 applies
  rare.add("و", 1000);
  const SpellChecker sc2(SpellOptions{}, rare, &an);
  EXPECT_FALSE(sc2.check("گەشت"));
}

// The long û written with one و is a dropped mark too (مێژو for مێژوو); and a word the analyzer knows
// only from an induced stem (mined from the same corpora as the misspelling: یوسف) gets no
// protection from it, while a hand-written word (ڕێز "respect" beside ڕیز "row") keeps the ratio 10.
TEST(SpellDominance, DoubledWawAndInducedStems) {
  const kurdi::Analyzer& an = standard_analyzer();
  auto induced_only = [&](const char* w) {
    bool any = false;
    for (const auto& a : an.analyze(w)) {
      if (!a.guessed && !a.induced) return false;
      any |= !a.guessed;
    }
    return any;
  };
  ASSERT_TRUE(induced_only("یوسف"));  // data/morph/induced_stems.tsv (باشور and کەشوهەوا, the earlier examples, are lexicon rows now)
  ASSERT_FALSE(induced_only("ڕیز"));    // data/morph/lexicon.tsv
  FrequencyModel m;
  m.add("مێژوو", 40);
  m.add("مێژو", 12);
  m.add("یووسف", 46);
  m.add("یوسف", 20);
  m.add("ڕێز", 49);
  m.add("ڕیز", 9);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, &an);
  EXPECT_FALSE(sc.check("مێژو"));
  EXPECT_EQ(sc.suggest("مێژو", 1).at(0).word, "مێژوو");
  EXPECT_FALSE(sc.check("یوسف"));
  EXPECT_TRUE(sc.check("ڕیز"));
  EXPECT_TRUE(sc.check("یووسف"));
}

// A word seen 2+ times is dominated by its twin with one dropped mark restored (ی -> ێ, و -> ۆ,
// ر -> ڕ, ل -> ڵ) when that one is twice as frequent (not 10: writers drop these marks, they
// rarely add them); the other direction keeps the ratio 10.
TEST(SpellDominance, DroppedMarks) {
  FrequencyModel m;
  m.add("خەڵات", 12);
  m.add("خەلات", 3);   // ڵ written ل, the marked twin 4 times as frequent
  m.add("زاخۆ", 19);
  m.add("زاخو", 8);    // ۆ written و, 2.4 times
  m.add("چۆنیەتی", 120);
  m.add("چونیەتی", 36);  // ۆ written و, 3.3 times
  m.add("پێشەنگ", 5);
  m.add("پیشەنگ", 3);  // only 1.7 times
  m.add("کوڕان", 4);
  m.add("کوران", 12);  // the plain twin is the frequent one: کوڕان keeps the ratio 10
  m.add("و", 1000);
  SpellOptions o;
  const SpellChecker sc(o, m, nullptr);
  EXPECT_FALSE(sc.check("خەلات"));
  EXPECT_FALSE(sc.check("چونیەتی"));
  EXPECT_FALSE(sc.check("زاخو"));
  EXPECT_TRUE(sc.check("پیشەنگ"));
  EXPECT_TRUE(sc.check("کوڕان"));
  EXPECT_TRUE(sc.check("کوران"));
  EXPECT_EQ(sc.suggest("خەلات", 1).at(0).word, "خەڵات");
  o.mark_dominance_ratio = 0;
  const SpellChecker off(o, m, nullptr);
  EXPECT_TRUE(off.check("خەلات"));
  EXPECT_TRUE(off.check("چونیەتی"));
  EXPECT_TRUE(off.check("زاخو"));
  o.mark_dominance_ratio = 3;
  const SpellChecker three(o, m, nullptr);
  EXPECT_FALSE(three.check("خەلات"));
  EXPECT_TRUE(three.check("زاخو"));

  // A form the analyzer knows keeps the ratio 10: -یت (2SG) beside -ێت (3SG) is grammar.
  const kurdi::Analyzer& an = standard_analyzer();
  ASSERT_TRUE(an.known("دەچیت"));
  m.add("دەچێت", 40);
  m.add("دەچیت", 5);
  SpellOptions d;
  EXPECT_TRUE(SpellChecker(d, m, &an).check("دەچیت"));
  EXPECT_FALSE(SpellChecker(d, m, nullptr).check("دەچیت"));
}

// A word the model has never seen and only the analyzer knows is dominated by a confusion-only
// variant seen twice (SpellOptions::unseen_dominance_count; 3 before).
TEST(SpellDominance, UnseenWordsKnownToTheAnalyzer) {
  const kurdi::Analyzer& an = standard_analyzer();
  ASSERT_TRUE(an.known("شیر"));
  FrequencyModel m;
  m.add("شێر", 2);  // شیر (not in the model) is one ێ/ی confusion away
  m.add("و", 1000);
  SpellOptions o;
  const SpellChecker sc(o, m, &an);
  EXPECT_FALSE(sc.check("شیر"));
  o.fast_check = false;
  const SpellChecker ref(o, m, &an);
  EXPECT_FALSE(ref.check("شیر"));
  o.unseen_dominance_count = 3;
  const SpellChecker three(o, m, &an);
  EXPECT_TRUE(three.check("شیر"));
}

// Word mode: two frequent words written together (>= 50 and >= 100, three letters each), maybe
// joined by a linking ە or و, make a valid compound.
TEST(SpellCompounds, TwoFrequentWordsWrittenTogether) {
  FrequencyModel m;
  m.add("کتێب", 60);
  m.add("خانە", 200);
  m.add("دار", 40);  // too rare to start a compound
  m.add("و", 1000);
  SpellOptions o;
  const SpellChecker sc(o, m, nullptr);
  EXPECT_TRUE(sc.check("کتێبخانە"));
  EXPECT_TRUE(sc.check("کتێبەخانە"));
  EXPECT_TRUE(sc.check("کتێبوخانە"));
  EXPECT_FALSE(sc.check("کتێبیخانە"));  // ی is no linking vowel
  EXPECT_FALSE(sc.check("دارخانە"));
  o.compounds = false;
  const SpellChecker off(o, m, nullptr);
  EXPECT_FALSE(off.check("کتێبخانە"));
  o.compounds = true;
  o.compound_second_count = 201;
  const SpellChecker strict(o, m, nullptr);
  EXPECT_FALSE(strict.check("کتێبخانە"));
}

// The Hunspell word list holds the words the checker accepts: a dominated model word is left out.
TEST(Hunspell, DominatedWordsAreLeftOut) {
  FrequencyModel m;
  m.add("کێلگە", 30);
  m.add("کیلگە", 1);  // dominated (see SpellDominance.WordsSeenOnce)
  m.add("دارستان", 1);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  ASSERT_FALSE(sc.check("کیلگە"));
  fs::path dir = fs::temp_directory_path() / "kurdi_spell_hunspell_dominated_test";
  fs::remove_all(dir);
  ASSERT_TRUE(sc.export_hunspell(dir.string()).ok());
  std::ifstream dic(dir / "ckb.dic");
  std::vector<std::string> lines;
  for (std::string l; std::getline(dic, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "2");
  EXPECT_EQ(lines[1], "کێلگە/A");
  EXPECT_EQ(lines[2], "دارستان");
  fs::remove_all(dir);
}

// Lexicon words the frequency model has never seen are suggestion candidates (SpellOptions::
// lexicon_count): a typo one ordinary edit away from such a lemma (not a cheap confusion, which the
// analyzer-known variants already covered) gets it suggested first; an inflected form made from
// the lexicon (ئاژاوە + -ەکان) is suggested too. With lexicon_count 0 none of them is.
TEST(SpellLexiconCandidates, LexiconWordsTheModelHasNotSeen) {
  struct Case { const char* typed; const char* fix; bool first; };
  SpellOptions off;
  off.lexicon_count = 0;
  const SpellChecker without(off);
  for (Case c : {Case{"فراکسیۆم", "فراکسیۆن", true},
                 Case{"ئاژاوا", "ئاژاوە", true}, Case{"خۆپیشانەدر", "خۆپیشاندەر", true},
                 Case{"کونسوڵخانا", "کونسوڵخانە", true}, Case{"ئاژاوەکام", "ئاژاوەکان", true}, Case{"دیدگاکام", "دیدگاکان", false}}) {
    ASSERT_EQ(checker().count(c.fix), 0) << c.fix << " is in the model: pick another example";
    ASSERT_TRUE(checker().check(c.fix)) << c.fix;
    EXPECT_FALSE(checker().check(c.typed)) << c.typed;
    auto s = checker().suggest(c.typed, 5);
    ASSERT_FALSE(s.empty()) << c.typed;
    if (c.first) {
      EXPECT_EQ(s[0].word, c.fix) << c.typed;
    } else {
      EXPECT_TRUE(std::any_of(s.begin(), s.end(), [&](const kurdi::Suggestion& x) { return x.word == c.fix; })) << c.typed;
    }
    for (const auto& x : without.suggest(c.typed, 5)) EXPECT_NE(x.word, c.fix) << c.typed;
  }
  // A model word at the same cost ranks first: the lexicon prior is below any model count.
  const auto& im = kurdi::SpellCheckerTesting::impl(checker());
  ASSERT_GT(im.entries.size(), im.model_entries);
  EXPECT_GT(im.cand[im.model_entries].neglogp, im.cand[im.model_entries - 1].neglogp - 1e-6);
  EXPECT_EQ(im.entries[im.model_entries].count, 0);
}

// A model word the checker rejects (a typo that made it into the corpus: بریار, dominated by
// بڕیار) comes after the valid suggestions, though its corpus count and cheaper edit score better;
// text mode still takes its evidence from the best score, so its flags do not change.
TEST(SpellRanking, RejectedModelWordsAfterValidOnes) {
  ASSERT_GT(checker().count("بریار"), 0);
  ASSERT_FALSE(checker().check("بریار"));
  ASSERT_TRUE(checker().check("بڕیار"));
  auto s = checker().suggest("بریاڕ", 5);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].word, "بڕیار");
  bool seen_rejected = false;
  for (const auto& x : s) {
    const bool ok = checker().check(x.word);
    EXPECT_FALSE(seen_rejected && ok) << x.word << " (valid) after a rejected word";
    seen_rejected = seen_rejected || !ok;
  }
  EXPECT_TRUE(seen_rejected);  // بریار is still offered, last
  const auto& im = kurdi::SpellCheckerTesting::impl(checker());
  std::vector<kurdi::Suggestion> raw;
  im.candidates(kurdi::utf8::to_u32("بریاڕ"), im.options.max_cost, false, 5, raw);
  ASSERT_FALSE(raw.empty());
  EXPECT_EQ(raw[0].word, "بریار");  // by score alone the rejected word is first
  auto flags = checker().check_text("ئەم بریاڕە");
  for (const auto& f : flags) EXPECT_LE(f.end, std::string("ئەم بریاڕە").size());
}

// Letters of one shape that differ only by their dots (ح/خ/ج, ع/غ, ف/ق, ر/ز) are confused more
// often than any two letters: such a substitution (0.7-0.8) beats an ordinary edit (1.0) to a word
// three times as frequent. (A dropped ا و ی ن ت د ک costs 0.8 since h-chan, induced from the
// corpora's misspellings: the neighbours add م, an ordinary insertion.)
TEST(SpellErrorModel, DotConfusions) {
  struct Case { const char* typed; const char* intended; const char* neighbour; };
  FrequencyModel m;
  const Case cases[] = {{"تەحت", "تەخت", "تەحتی"}, {"باع", "باغ", "باعی"}, {"سار", "ساز", "سارم"},
                        {"فەرف", "فەرق", "فەرفم"}, {"حوان", "جوان", "حوانی"}};
  for (const auto& c : cases) {
    m.add(c.intended, 100);
    m.add(c.neighbour, 300);
  }
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  const auto& im = kurdi::SpellCheckerTesting::impl(sc);
  for (const auto& c : cases) {
    auto s = sc.suggest(c.typed, 2);
    ASSERT_EQ(s.size(), 2u) << c.typed;
    EXPECT_EQ(s[0].word, c.intended) << c.typed;
    EXPECT_EQ(s[1].word, c.neighbour) << c.typed;
    EXPECT_LT(im.errors.cost(kurdi::utf8::to_u32(c.typed), kurdi::utf8::to_u32(c.intended), 9, false), 0.85) << c.typed;
  }
}

// h-audit: lexicon rows that were misspellings of a standard word (بوودجە for بودجە, سرووشت for
// سروشت, ئاڵۆگۆڕ for ئاڵوگۆڕ, کۆلیژ for کۆلێژ ...) made the analyzer, and so the checker, accept every
// inflected form of the misspelling. Those rows are gone or carry the standard spelling now: the
// misspelled inflected forms are errors with the standard form first, the standard ones are valid
// and analyzed from a hand-written (not induced) lemma.
TEST(SpellLexiconAudit, MisspelledLemmasNoLongerAccepted) {
  struct Case { const char* typed; const char* fix; };
  for (Case c : {Case{"بوودجەکەی", "بودجەکەی"}, Case{"سرووشتەکە", "سروشتەکە"}, Case{"ناموسەکەی", "نامووسەکەی"},
                 Case{"چارەنوسەکەی", "چارەنووسەکەی"}, Case{"بەراستییە", "بەڕاستییە"},
                 Case{"ئاڵۆگۆڕەکان", "ئاڵوگۆڕەکان"}, Case{"کۆلیژەکەی", "کۆلێژەکەی"}, Case{"مووزیکەکە", "موزیکەکە"}}) {
    EXPECT_FALSE(standard_analyzer().known(c.typed)) << c.typed;
    EXPECT_FALSE(checker().check(c.typed)) << c.typed;
    EXPECT_TRUE(checker().check(c.fix)) << c.fix;
    auto s = checker().suggest(c.typed, 3);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0].word, c.fix);
  }
  struct Lemma { const char* word; const char* lemma; };
  for (Lemma l : {Lemma{"ئاڵوگۆڕەکان", "ئاڵوگۆڕ"}, Lemma{"ڕێوڕەسمەکە", "ڕێوڕەسم"}, Lemma{"کۆلێژەکەی", "کۆلێژ"},
                  Lemma{"ئەنجوومەنەکە", "ئەنجوومەن"}, Lemma{"مۆزەخانەکە", "مۆزەخانە"}, Lemma{"ناڕازییەکان", "ناڕازی"}}) {
    auto an = standard_analyzer().analyze(l.word);
    ASSERT_FALSE(an.empty()) << l.word;
    EXPECT_EQ(an[0].lemma, l.lemma) << l.word;
    EXPECT_FALSE(an[0].guessed) << l.word;
    EXPECT_FALSE(an[0].induced) << l.word;
  }
}

// h-audit: induced stems are mined from corpora that hold misspellings; those one mark away from a
// hand-written lemma (نوسەر for نووسەر, بریار for بڕیار, شیوە for شێوە, درووست for دروست) are gone, as are the verb rows of a misspelling (ڕودان for ڕوودان, گەییشتن for گەیشتن):
// their inflected forms are errors, with the standard spelling first.
TEST(SpellLexiconAudit, MisspelledInducedStemsAndVerbsNoLongerAccepted) {
  struct Case { const char* typed; const char* fix; };
  for (Case c : {Case{"نوسەرەکەمان", "نووسەرەکەمان"}, Case{"بریارەکەمان", "بڕیارەکەمان"},
                 Case{"شیوەکەمان", "شێوەکەمان"}, Case{"درووستەکەمان", "دروستەکەمان"},
                 Case{"ڕوداوەکەمان", "ڕووداوەکەمان"}, Case{"گەییشتبووینە", "گەیشتبووینە"},
                 // induced stems one mark away from a more frequent induced stem (هۆشیار، شۆفێر ...)
                 Case{"هوشیارەکەمان", "هۆشیارەکەمان"}, Case{"شوفێرەکەمان", "شۆفێرەکەمان"},
                 Case{"گروپەکەمان", "گرووپەکەمان"}, Case{"مولکەکەمان", "موڵکەکەمان"}, Case{"خوراکەکەمان", "خۆراکەکەمان"},
                 // induced "stems" that were misspelled inflected forms (زیادبون، هەردوکمان)
                 Case{"زیادبونەکەی", "زیادبوونەکەی"}, Case{"هەردوکمانە", "هەردووکمانە"}}) {
    EXPECT_FALSE(standard_analyzer().known(c.typed)) << c.typed;
    EXPECT_FALSE(checker().check(c.typed)) << c.typed;
    EXPECT_TRUE(checker().check(c.fix)) << c.fix;
    auto s = checker().suggest(c.typed, 3);
    ASSERT_FALSE(s.empty()) << c.typed;
    EXPECT_EQ(s[0].word, c.fix);
  }
}

// The edits induced from real misspellings of the permissive corpora (tools/induce/confusions.py):
// a common letter left out (here ا) costs 0.8, not an ordinary 1.0, so the intended بازار wins over
// a word one ordinary substitution away even when that word is 4x as frequent (before: 1.0 each, the
// commoner بازی first).
TEST(SpellRanking, InducedEditsLetterLeftOut) {
  FrequencyModel m;
  m.add("بازار", 100);
  m.add("بازی", 400);
  m.add("و", 1000);
  SpellOptions o;
  o.dominance_ratio = 0;
  const SpellChecker sc(o, m, nullptr);
  const auto& im = kurdi::SpellCheckerTesting::impl(sc);
  EXPECT_NEAR(im.errors.cost(U"بازر", U"بازار", 9, false), 0.8, 1e-6);
  EXPECT_NEAR(im.errors.cost(U"بازر", U"بازی", 9, false), 1.0, 1e-6);
  auto s = sc.suggest("بازر", 2);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].word, "بازار");
  // A transposition costs the `ab`/`ba` row (0.9); never a convention edit.
  EXPECT_NEAR(im.errors.cost(U"بازرا", U"بازار", 9, false), 0.9, 1e-6);
  EXPECT_GT(im.errors.cost(U"بازرا", U"بازار", 9, true), 9);
}

// ErrorModel::variants(..., convention_only) keeps to the convention rows for substitutions too
// (ی/ە, 0.7, is not a convention edit; ی/ێ, 0.35, is).
TEST(SpellErrorModel, ConventionVariantsAreConventionEditsOnly) {
  const auto& im = kurdi::SpellCheckerTesting::impl(checker());
  auto variants = [&](bool conv) {
    std::vector<std::string> out;
    im.errors.variants(U"سەری", 0.75, [&](std::u32string_view v, double) { out.push_back(kurdi::utf8::from_u32(v)); }, conv);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& w) { return std::find(v.begin(), v.end(), w) != v.end(); };
  EXPECT_TRUE(has(variants(false), "سەرە"));
  EXPECT_TRUE(has(variants(false), "سەرێ"));
  EXPECT_FALSE(has(variants(true), "سەرە"));
  EXPECT_TRUE(has(variants(true), "سەرێ"));
}

// A rare word in final ە is not dominated by its twin in final ی (ئیدارە "administration" 1 beside
// ئیداری "administrative" 6; حکوومەتێکە "it is a government" beside حکوومەتێکی): the -ە (definite,
// demonstrative, copula) and the -ی (ezafe, adjective) are grammar or two lexemes. After a ی the ە
// form is still the one-ی spelling (زانستیە beside زانستیی: زانستییە).
TEST(SpellDominance, FinalEBesideFinalYehIsNoMisspelling) {
  FrequencyModel m;
  m.add("ئیدارە", 1);
  m.add("ئیداری", 6);
  m.add("حکوومەتێکە", 1);
  m.add("حکوومەتێکی", 40);
  m.add("زانستیە", 1);
  m.add("زانستیی", 30);
  m.add("و", 1000);
  const SpellChecker sc(SpellOptions{}, m, nullptr);
  EXPECT_TRUE(sc.check("ئیدارە"));
  EXPECT_TRUE(sc.check("حکوومەتێکە"));
  EXPECT_FALSE(sc.check("زانستیە"));
}
