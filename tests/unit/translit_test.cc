// Transliterator: golden words (hand-written), text mode (pass-through, punctuation, digits, the
// conjunction و, spans), Latin input, robustness (invalid UTF-8, random bytes, threads) and, when
// the shared data is present, a round trip over FLORES word types.
#include <gtest/gtest.h>

#include "golden_tsv.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "kurdi/normalize.h"
#include "kurdi/text.h"
#include "kurdi/translit.h"

namespace {

using kurdi::Transliterator;
using kurdi::TranslitOptions;

using kurdi_test::read_tsv;

const Transliterator& tr() {
  static const Transliterator t;
  return t;
}

TEST(Translit, GoldenWords) {
  auto rows = read_tsv(std::string(KURDI_SOURCE_DIR) + "/tests/golden/translit/words.tsv");
  ASSERT_GT(rows.size(), 20u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(tr().to_latin(r[0]), r[1]) << r[0];
    EXPECT_EQ(tr().to_arabic(r[1]), r[0]) << r[1];
    EXPECT_EQ(tr().g2p(r[0]), r[2]) << r[0];
  }
}

TEST(Translit, BizrokeAndGlides) {
  EXPECT_EQ(tr().word_to_latin("کتێب"), "kitêb");
  EXPECT_EQ(tr().word_to_latin("کردن"), "kirdin");
  EXPECT_EQ(tr().word_to_latin("چوار"), "çwar");
  EXPECT_EQ(tr().word_to_latin("کوردی"), "kurdî");
  EXPECT_EQ(tr().word_to_latin("ئاو"), "aw");
  EXPECT_EQ(tr().g2p_word("ئازادی"), ".ʔa.za.dî");
  EXPECT_EQ(tr().g2p_word("ئازادی", true), "ʔaː.zaː.diː");
}

TEST(Translit, LatinToArabic) {
  EXPECT_EQ(tr().to_arabic("Kurdistan"), "کوردستان");
  EXPECT_EQ(tr().to_arabic("KURDÎ"), "کوردی");
  EXPECT_EQ(tr().to_arabic("řoj"), "ڕۆژ");
  EXPECT_EQ(tr().to_arabic("roj"), "ڕۆژ");  // word-initial r is a trill: standard spelling ڕ
  EXPECT_EQ(tr().to_arabic("guł"), "گوڵ");
  EXPECT_EQ(tr().to_arabic("gull"), "گوڵ");  // simple-Latin digraph
  EXPECT_EQ(tr().to_arabic("qur'an"), "قورئان");
  EXPECT_EQ(tr().to_arabic("boewey"), "بۆئەوەی");  // hiatus in Latin = ئ in Arabic
  EXPECT_EQ(tr().to_arabic("dar û dîwar"), "دار و دیوار");
}

TEST(Translit, TextPassThroughAndMappings) {
  EXPECT_EQ(tr().to_latin("سڵاو، چۆنی؟"), "siław, çonî?");
  EXPECT_EQ(tr().to_latin("ساڵی ٢٠٢٤"), "sałî 2024");
  EXPECT_EQ(tr().to_latin("Google و ئاو"), "Google û aw");  // Latin passes through
  EXPECT_EQ(tr().to_latin("https://example.org ئاو"), "https://example.org aw");
  EXPECT_EQ(tr().to_latin(""), "");
  EXPECT_EQ(tr().to_arabic("see https://kurdi.example/a?b=1 and me@x.org"),
            "سەئە https://kurdi.example/a?b=1 ئاند me@x.org");
  EXPECT_EQ(tr().to_arabic("sałî 2024, baş?"), "ساڵی ٢٠٢٤، باش؟");
  TranslitOptions o;
  o.arabic_digits = false;
  Transliterator t(o);
  EXPECT_EQ(t.to_arabic("sałî 2024"), "ساڵی 2024");
}

TEST(Translit, Conjunction) {
  EXPECT_EQ(tr().to_latin("دار و دیوار"), "dar û dîwar");
  EXPECT_EQ(tr().to_latin("سی و چوار"), "sî w çwar");
  EXPECT_EQ(tr().g2p("برا و دار"), ".bi.raw .dar");
}

TEST(Translit, Capitalize) {
  TranslitOptions o;
  o.capitalize = true;
  Transliterator t(o);
  EXPECT_EQ(t.to_latin("ئاو. شیر"), "Aw. Şîr");
  EXPECT_EQ(t.to_latin("چوار"), "Çwar");
  // Proper nouns the analyzer knows are capitalized anywhere, with their suffixes; common nouns and
  // adjectives (ئازاد 'free', کورد) are not. Without --capitalize nothing is.
  EXPECT_EQ(t.to_latin("ئازاد لە هەولێرەوە هات بۆ بەغدا و کورد"), "Azad le Hewlêrewe hat bo Beẍda w kurd");
  EXPECT_EQ(t.to_latin("ئەو ئازاد بوو"), "Ew azad bû");
  EXPECT_EQ(tr().to_latin("لە هەولێر"), "le hewlêr");
}

TEST(Translit, Spans) {
  std::string in = "ئاو و نان", out;
  std::vector<kurdi::TranslitSpan> spans;
  tr().to_latin(in, out, &spans);
  EXPECT_EQ(out, "aw û nan");  // aw ends in the consonant w
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(in.substr(spans[2].src_start, spans[2].src_end - spans[2].src_start), "نان");
  EXPECT_EQ(out.substr(spans[2].out_start, spans[2].out_end - spans[2].out_start), "nan");
}

// The text loop writes through a per-thread buffer of a few KB that is appended to the output when
// full: a text several times longer must give what its sentences give one by one (a sentence
// starts afresh: capitals, and the conjunction و never opens one here), and the spans must point
// at each word's own spelling.
TEST(Translit, TextLongerThanTheOutputBuffer) {
  const char* words[] = {"کوردستان", "ئێران", "دار", "دیوار", "سی", "چوار", "نان", "ئاو", "برا", "شیر",
                         "کردن", "نووسین", "خوێندنەوە", "ڕۆژ", "حەوت", "عێراق"};
  const size_t nw = sizeof(words) / sizeof(*words);
  std::mt19937 rng(2026);
  // modes: 0 plain (the buffer fills), 1 with the conjunction, 2 with capitals (both flush it)
  for (int mode : {0, 1, 2}) {
    const bool cap = mode == 2;
    TranslitOptions o;
    o.capitalize = cap;
    Transliterator t(o);
    std::string text, expected;
    while (text.size() < 40000) {
      std::string sentence;
      const int n = 2 + static_cast<int>(rng() % 8);
      for (int k = 0; k < n; ++k) {
        if (k > 0) sentence += (mode > 0 && rng() % 5 == 0) ? " و " : " ";
        sentence += words[rng() % nw];
      }
      sentence += ". ";
      text += sentence;
      expected += t.to_latin(sentence);
    }
    std::string out = "prefix ";  // to_latin appends
    std::vector<kurdi::TranslitSpan> spans;
    t.to_latin(text, out, &spans);
    ASSERT_GT(out.size(), 3 * 4096u);
    EXPECT_EQ(out, "prefix " + expected) << "mode " << mode;
    if (cap) continue;
    size_t last_end = 0;
    for (const auto& sp : spans) {
      ASSERT_LE(sp.out_start, sp.out_end);
      ASSERT_LE(sp.out_end, out.size());
      ASSERT_GE(sp.out_start, last_end);
      last_end = sp.out_end;
      const std::string src = text.substr(sp.src_start, sp.src_end - sp.src_start);
      const std::string got = out.substr(sp.out_start, sp.out_end - sp.out_start);
      if (src == "و") EXPECT_TRUE(got == "û" || got == "w") << got;
      else EXPECT_EQ(got, t.to_latin(src)) << src;
    }
  }
}

TEST(Translit, InvalidUtf8AndRandomInput) {
  std::string bad = "ئاو\xff\xfeنان\xc3";
  std::string lat = tr().to_latin(bad);
  EXPECT_TRUE(kurdi::utf8::is_valid(lat) || lat.find('\xff') != std::string::npos);  // passes through
  std::mt19937 rng(7);
  const char* pieces[] = {"ئ", "و", "ی", "وو", "ک", "ر", "د", "ن", "ا", "ە", " ", "\xff", "a", "î", "'", "ێ", "ۆ"};
  for (int it = 0; it < 2000; ++it) {
    std::string s;
    int n = static_cast<int>(rng() % 20);
    for (int k = 0; k < n; ++k) s += pieces[rng() % (sizeof(pieces) / sizeof(*pieces))];
    (void)tr().to_latin(s);
    (void)tr().to_arabic(s);
    (void)tr().g2p(s);
    std::string g = tr().g2p_word(s, true);
    (void)g;
  }
  // very long consonant clusters stay bounded
  std::string longw;
  for (int k = 0; k < 300; ++k) longw += "ک";
  EXPECT_FALSE(tr().to_latin(longw).empty());
}

TEST(Translit, ThreadsAgree) {
  std::vector<std::string> words = {"کوردستان", "خوێندنەوە", "دەکرێت", "ئازادی", "پیاوەکان"};
  std::vector<std::string> expect;
  for (const auto& w : words) expect.push_back(tr().to_latin(w) + "|" + tr().g2p(w));
  std::vector<std::thread> th;
  std::vector<int> ok(4, 1);
  for (int t = 0; t < 4; ++t)
    th.emplace_back([&, t] {
      for (int rep = 0; rep < 200; ++rep)
        for (size_t k = 0; k < words.size(); ++k)
          if (tr().to_latin(words[k]) + "|" + tr().g2p(words[k]) != expect[k]) ok[t] = 0;
    });
  for (auto& x : th) x.join();
  for (int v : ok) EXPECT_EQ(v, 1);
}

TEST(Translit, FloresRoundTrip) {
  const char* dir = std::getenv("KURDI_SHARED_DATA");
  if (!dir) GTEST_SKIP() << "KURDI_SHARED_DATA not set";
  std::ifstream in(std::string(dir) + "/ScriptNormalization-ckb/flores200.ckb_Arab.devtest.txt");
  if (!in) GTEST_SKIP() << "FLORES dev text not found under KURDI_SHARED_DATA";
  kurdi::Normalizer norm;
  std::set<std::string> types;
  std::string line;
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string w;
    while (ss >> w) {
      bool arabic_only = true;
      for (char32_t c : kurdi::utf8::to_u32(w))
        if (!(c >= 0x620 && c <= 0x6FF && kurdi::chars::is_arabic_letter(c))) arabic_only = false;
      if (arabic_only) types.insert(w);
    }
  }
  ASSERT_GT(types.size(), 1000u);
  size_t ok = 0;
  for (const auto& w : types) {
    std::string n = norm.normalize(w);
    std::string back = tr().to_arabic(tr().to_latin(n));
    if (!n.empty() && n[0] != back[0] && n.rfind("ڕ", 0) == 0 && back.rfind("ر", 0) == 0) back = n;
    ok += back == n;
  }
  EXPECT_GE(static_cast<double>(ok) / static_cast<double>(types.size()), 0.99);
}

}  // namespace

// Regression (found by the sanitizer run): a consonant cluster longer than 32 letters shifted a
// 32-bit mask by 32 or more (undefined behaviour) in the syllabifier.
TEST(TranslitRegression, ClusterLongerThan32Consonants) {
  kurdi::Transliterator t;
  std::string word;
  for (int i = 0; i < 40; ++i) word += "ب";
  std::string latin = t.to_latin(word);
  EXPECT_FALSE(latin.empty());
  EXPECT_NE(latin.find("bbbb"), std::string::npos);
}

// The quick reading search (run groups, cluster dynamic programming, per-thread cluster memo) must
// choose exactly what the exhaustive search chooses (every combination of و/ی readings, every
// insertion mask, no memo), including ties, on random unit sequences and under changing weights
// (the memo is keyed by the address of the weights and must notice their contents changing).
#include "translit/syllabify.h"

TEST(TranslitSearch, QuickSearchEqualsExhaustive) {
  using namespace kurdi::translit;
  Inventory inv;
  auto add = [&](const char* g, PhClass cls, int son) {
    Phoneme p;
    p.g2p = g;
    p.latin = g;
    p.cls = cls;
    p.sonority = son;
    inv.ph.push_back(p);
    return static_cast<uint8_t>(inv.ph.size() - 1);
  };
  inv.a = add("a", kVowel, 10);
  inv.e = add("e", kVowel, 10);
  uint8_t ee = add("ê", kVowel, 10);
  uint8_t o = add("o", kVowel, 10);
  inv.uu = add("û", kVowel, 10);
  inv.u = add("u", kVowel, 10);
  inv.ii = add("î", kVowel, 10);
  inv.i = add("i", kVowel, 10);
  inv.w = add("w", kGlide, 6);
  inv.y = add("y", kGlide, 6);
  inv.r = add("r", kCons, 5);
  inv.rr = add("ř", kCons, 5);
  uint8_t l = add("l", kCons, 5);
  inv.m = add("m", kCons, 4);
  inv.n = add("n", kCons, 4);
  uint8_t z = add("z", kCons, 3);
  uint8_t s = add("s", kCons, 2);
  uint8_t b = add("b", kCons, 1);
  uint8_t t = add("t", kCons, 0);
  inv.glottal = add("ʔ", kCons, 0);
  const uint8_t vowels[] = {inv.a, inv.e, ee, o};
  const uint8_t cons[] = {inv.r, inv.rr, l, inv.m, inv.n, z, s, b, t};

  std::mt19937 rng(20261129);
  Weights w;  // the same object throughout: its contents change between rounds
  Reading quick, full;
  size_t compared = 0, with_runs = 0;
  for (int round = 0; round < 6; ++round) {
    if (round > 0) {  // other weights at the same address
      std::uniform_int_distribution<int> small(0, 40);
      w.insert_i = small(rng);
      w.contact = small(rng);
      w.coda2_medial = small(rng);
      w.prior_u = small(rng) / 10;
      w.prior_y = small(rng) / 10;
      w.glide_coda = small(rng) / 4;
      w.contact_flat = small(rng) / 8;
    }
    for (int iter = 0; iter < 3000; ++iter) {
      std::vector<Unit> units;
      int len = 1 + static_cast<int>(rng() % 14);
      for (int k = 0; k < len; ++k) {
        Unit u{kC, 0, 0};
        switch (rng() % 8) {
          case 0: case 1: u.kind = kV; u.ph = vowels[rng() % 4]; break;
          case 2: u.kind = kW; u.ph = inv.u; break;
          case 3: u.kind = kY; u.ph = inv.ii; break;
          case 4: u.kind = kQ; u.ph = inv.glottal; break;
          default: u.kind = kC; u.ph = cons[rng() % 9]; break;
        }
        if (rng() % 6 == 0) u.bonus = static_cast<uint8_t>(rng() % 30);
        units.push_back(u);
      }
      read_word(inv, w, units, quick);
      read_word(inv, w, units, full, true);
      ASSERT_EQ(quick.ph, full.ph) << "round " << round << " iter " << iter;
      ASSERT_EQ(quick.syl_start, full.syl_start) << "round " << round << " iter " << iter;
      ASSERT_EQ(quick.cost, full.cost) << "round " << round << " iter " << iter;
      // another profile at another address, read on the same thread in between (the memos must
      // not hand one profile's results to the other)
      Weights other = w;
      other.glide_coda = w.glide_coda + 7;
      other.onsetless = 900;
      other.contact = w.contact + 3;
      Reading quick2, full2;
      read_word(inv, other, units, quick2);
      read_word(inv, other, units, full2, true);
      ASSERT_EQ(quick2.ph, full2.ph) << "other profile, round " << round << " iter " << iter;
      ASSERT_EQ(quick2.cost, full2.cost) << "other profile, round " << round << " iter " << iter;
      // phonemes only (the Latin spelling): the same phonemes and cost, no syllable starts
      Reading bare;
      bare.syllables = false;
      bare.syl_start.assign(3, 1);
      read_word(inv, w, units, bare);
      ASSERT_EQ(bare.ph, full.ph) << "round " << round << " iter " << iter;
      ASSERT_EQ(bare.cost, full.cost) << "round " << round << " iter " << iter;
      ASSERT_TRUE(bare.syl_start.empty()) << "round " << round << " iter " << iter;
      ++compared;
      for (const Unit& u : units) with_runs += u.kind == kW || u.kind == kY;
    }
  }
  EXPECT_EQ(compared, 18000u);
  EXPECT_GT(with_runs, 1000u);
}

// The transliterator skips the normalizer for words made only of the standard letters below (not
// ending in ه, not starting with وو): the normalizer (with the options the transliterator uses) must
// leave every such word of one to three letters as it is. Fails when a normalizer rule starts to
// act on them; then the list in Data (src/translit/translit.cc) must shrink with the rule.
TEST(TranslitPlainWords, NormalizerLeavesPlainWordsAlone) {
  kurdi::NormalizeOptions o = kurdi::NormalizeOptions::standard();
  o.convention_repair = false;  // as Transliterator::Impl::norm_options()
  o.initial_r = false;
  kurdi::Normalizer n(o);
  // The plain letters, and the letters the transliterator reads as one of them without the
  // normalizer (Arabic kaf, yeh, alef maksura: Data::plain_as; ZWNJ after ه: ە).
  const std::u32string letters = U"ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێكيى\u200C";
  auto folded = [](const std::u32string& w) {
    std::u32string r;
    for (size_t k = 0; k < w.size(); ++k) {
      char32_t c = w[k];
      if (c == U'ه' && k + 1 < w.size() && w[k + 1] == 0x200C) {
        r += U'ە';
        ++k;
        continue;
      }
      r += c == U'ك' ? U'ک' : (c == U'ي' || c == U'ى') ? U'ی' : c;
    }
    return r;
  };
  // A ZWNJ not right after ه is the normalizer's business (kept or dropped by context).
  auto zwnj_after_heh_only = [](const std::u32string& w) {
    for (size_t k = 0; k < w.size(); ++k)
      if (w[k] == 0x200C && (k == 0 || w[k - 1] != U'ه')) return false;
    return true;
  };
  size_t checked = 0;
  auto check = [&](const std::u32string& w) {
    if (w.back() == U'ه' || (w.size() >= 2 && w[0] == U'و' && w[1] == U'و') || !zwnj_after_heh_only(w)) return;
    std::string u8 = kurdi::utf8::from_u32(w);
    ASSERT_EQ(n.normalize(u8), kurdi::utf8::from_u32(folded(w))) << u8;
    ++checked;
  };
  for (char32_t a : letters) {
    check(std::u32string(1, a));
    for (char32_t b : letters) {
      check(std::u32string{a, b});
      for (char32_t c : letters) check(std::u32string{a, b, c});
    }
  }
  EXPECT_GT(checked, 30000u);
  // and the same words through the transliterator with and without its normalizer give one result
  kurdi::TranslitOptions raw;
  raw.normalize_input = false;
  kurdi::Transliterator with, without(raw);
  std::mt19937 rng(5);
  for (int k = 0; k < 2000; ++k) {
    std::u32string w;
    size_t len = 1 + rng() % 9;
    for (size_t q = 0; q < len; ++q) w.push_back(letters[rng() % letters.size()]);
    std::string u8 = kurdi::utf8::from_u32(w);
    EXPECT_EQ(with.word_to_latin(u8), without.word_to_latin(n.normalize(u8))) << u8;
    EXPECT_EQ(with.word_to_latin(u8), with.word_to_latin(kurdi::utf8::from_u32(folded(w)))) << u8;
  }
}
