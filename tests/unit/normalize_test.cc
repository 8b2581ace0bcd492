// Normalizer: golden cases, options, offsets, and properties (idempotence, chunked == whole, valid
// UTF-8 out, same output from several threads) on random input and on the dev corpora when present.
#include <gtest/gtest.h>

#include "golden_tsv.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "kurdi/normalize.h"

namespace {

using kurdi::NormalizeOptions;
using kurdi::Normalizer;

std::string unescape(const std::string& s) {
  // {XXXX} -> the code point U+XXXX
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') {
      size_t j = s.find('}', i);
      if (j != std::string::npos) {
        kurdi::utf8::append(out, static_cast<char32_t>(std::stoul(s.substr(i + 1, j - i - 1), nullptr, 16)));
        i = j;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

using kurdi_test::read_tsv;

std::string shared_data() {
  const char* d = std::getenv("KURDI_SHARED_DATA");
  return d && std::filesystem::exists(d) ? d : "";
}

TEST(Normalize, GoldenStandard) {
  Normalizer n;
  auto rows = read_tsv(std::string(KURDI_SOURCE_DIR) + "/tests/golden/normalize/standard.tsv");
  ASSERT_GE(rows.size(), 30u);
  for (const auto& r : rows) {
    ASSERT_GE(r.size(), 2u);
    EXPECT_EQ(n.normalize(unescape(r[0])), unescape(r[1])) << "case: " << r[0] << "  (" << (r.size() > 2 ? r[2] : "") << ")";
  }
}

TEST(Normalize, SeedArticleStandardizesLettersOnly) {
  Normalizer n;
  // From the seed article: Arabic kaf inside a word, and a word-initial plain r.
  EXPECT_EQ(n.normalize("هیچ کۆچبەرێك هەڕەشەی"), "هیچ کۆچبەرێک هەڕەشەی");
  EXPECT_EQ(n.normalize("رۆژی هەینی"), "ڕۆژی هەینی");
  EXPECT_EQ(n.normalize("کەسایەتيی"), "کەسایەتیی");
}

TEST(Normalize, ArabicConventionLine) {
  Normalizer n;
  EXPECT_EQ(n.normalize("بةرهةمةكاني ئةفين ئاسؤ"), "بەرهەمەکانی ئەفین ئاسۆ");
}

// In a line typed in the Arabic convention, the ۆ the character pass makes of a typed ؤ is no
// Kurdish-keyboard letter: the word still maps to its standard spelling when that has a plain و
// where the ۆ is (ئؤنده -> ئەوەندە), as the same word typed with و does.
TEST(Normalize, ConventionRepairReadsTypedWawHamzaAsWaw) {
  Normalizer n;
  EXPECT_EQ(n.normalize("ئونده به فره"), "ئەوەندە بە فرە");
  EXPECT_EQ(n.normalize("ئؤنده به فره"), "ئەوەندە بە فرە");
  EXPECT_EQ(n.normalize("بؤ مال"), "بۆ ماڵ");  // ؤ still reads ۆ where that is the word
  // و + small v above is ۆ written on purpose (a Kurdish letter, as typed ۆ): no convention repair.
  EXPECT_EQ(n.normalize("ئو\u065Aنده به فره"), "ئۆندە بە فرە");
  EXPECT_EQ(n.normalize("و\u065A"), "ۆ");
}

TEST(Normalize, ConventionRepairOnlyOnNonStandardLines) {
  Normalizer n;
  // A standard line is never respelled word by word.
  std::string standard = "ئەو شارە جوانە و خەڵکەکەی زۆر باشن";
  EXPECT_EQ(n.normalize(standard), standard);
  // Persian text is not turned into Kurdish by the convention repair.
  // (The character rules still apply: word-initial ر -> ڕ, final ه -> ە.)
  NormalizeOptions chars_only;
  chars_only.convention_repair = false;
  std::string persian = "این کتاب را از کتابخانه گرفتم";
  EXPECT_EQ(n.normalize(persian), Normalizer(chars_only).normalize(persian));
}

TEST(Normalize, Profiles) {
  Normalizer search(NormalizeOptions::search());
  EXPECT_EQ(search.normalize("کتێب‌ەکە ١٢٣"), "کتێبەکە 123");
  Normalizer minimal(NormalizeOptions::minimal());
  EXPECT_EQ(minimal.normalize("كوردستان\u200f"), "كوردستان");   // letters untouched, RLM removed
  EXPECT_EQ(minimal.normalize("ﻻ"), "لا");
  auto p = kurdi::parse_profile("nope");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, kurdi::ErrorCode::kBadOption);
}

TEST(Normalize, DigitAndPunctuationOptions) {
  NormalizeOptions o;
  o.digits = kurdi::DigitPolicy::kLatin;
  EXPECT_EQ(Normalizer(o).normalize("١٩ - ۱۱ - 2021"), "19 - 11 - 2021");
  o.digits = kurdi::DigitPolicy::kArabicIndic;
  EXPECT_EQ(Normalizer(o).normalize("19"), "١٩");
  NormalizeOptions p;
  p.punctuation = kurdi::PunctPolicy::kToArabic;
  EXPECT_EQ(Normalizer(p).normalize("چۆنی? باشم, سوپاس; hello, world?"), "چۆنی؟ باشم، سوپاس؛ hello, world?");
  p.punctuation = kurdi::PunctPolicy::kToLatin;
  EXPECT_EQ(Normalizer(p).normalize("چۆنی؟ باشم، سوپاس"), "چۆنی? باشم, سوپاس");
}

TEST(Normalize, HehPolicyDoachashmee) {
  NormalizeOptions o;
  o.heh = kurdi::HehPolicy::kHehDoachashmee;
  Normalizer n(o);
  EXPECT_EQ(n.normalize("هەولێر"), "ھەولێر");
  EXPECT_EQ(n.normalize("شاھ"), "شاھ");
  EXPECT_EQ(n.normalize(n.normalize("هەولێر نامه")), n.normalize("هەولێر نامه"));
}

TEST(Normalize, InvalidUtf8IsReplacedAndCounted) {
  Normalizer n;
  kurdi::NormalizeStats st;
  std::string out = n.normalize(std::string("ab\xff\xfe" "c\xe2\x82", 7), &st);
  EXPECT_TRUE(kurdi::utf8::is_valid(out));
  EXPECT_EQ(st.invalid_utf8, 3u);
  NormalizeOptions o;
  o.utf8 = kurdi::Utf8Policy::kStrict;
  auto r = Normalizer(o).normalize_checked(std::string("ab\xff", 3));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().offset, 2u);
  EXPECT_NE(r.error().message.find("offset 2"), std::string::npos);
}

TEST(Normalize, NulBytesAndEmptyInput) {
  Normalizer n;
  EXPECT_EQ(n.normalize(""), "");
  std::string with_nul("ab\0cd", 5);
  EXPECT_EQ(n.normalize(with_nul), with_nul);
}

// Offsets: every output offset maps into the input, monotonically; untouched spans map exactly.
void check_offsets(const Normalizer& n, const std::string& in) {
  std::string out;
  kurdi::OffsetMap map;
  n.normalize(in, out, &map);
  ASSERT_EQ(map.output_size(), out.size());
  ASSERT_EQ(map.input_size(), in.size());
  size_t prev = 0;
  for (size_t o = 0; o <= out.size(); ++o) {
    size_t s = map.to_input(o, kurdi::OffsetMap::Bias::kStart);
    size_t e = map.to_input(o, kurdi::OffsetMap::Bias::kEnd);
    ASSERT_LE(s, in.size());
    ASSERT_LE(e, in.size());
    ASSERT_GE(s, prev) << "non-monotone at output offset " << o << " input " << ::testing::PrintToString(in);
    prev = s;
  }
  if (map.identity()) {
    EXPECT_EQ(map.to_input(out.size(), kurdi::OffsetMap::Bias::kEnd), in.size());
  }
}

TEST(Normalize, OffsetsMapBack) {
  Normalizer n;
  std::string in = "ئەو كتێبە\u200f ﻻ رۆژ نامه‌ی بةرهةمةكاني";
  check_offsets(n, in);
  std::string out;
  kurdi::OffsetMap map;
  n.normalize(in, out, &map);
  // The word رۆژ (-> ڕۆژ) maps back to its source bytes.
  size_t o = out.find("ڕۆژ");
  ASSERT_NE(o, std::string::npos);
  size_t b = map.to_input(o), e = map.to_input(o + std::string("ڕۆژ").size(), kurdi::OffsetMap::Bias::kEnd);
  EXPECT_EQ(in.substr(b, e - b), "رۆژ");
  check_offsets(n, "به رنامه يه ك بو دروست كردني");
}

// Random strings over an alphabet of the characters the rules care about.
std::string random_text(std::mt19937& rng, size_t len) {
  static const std::vector<std::string> alphabet = {
      "ا", "ب", "ر", "ڕ", "ه", "ە", "ھ", "ی", "ي", "ى", "ك", "ک", "ة", "ؤ", "و", "وو", "ئ", "ل", "ڵ", "ێ", "ۆ",
      " ", "  ", "\u200c", "\u200d", "\u200f", "\u0640", "\u064e", "\u065a", "\u0654", "ﻻ", "ﺑ", "١", "1", "۱",
      ",", "?", "،", "a", "Z", "é", "e\u0301", "\xff", "\xe2\x82", "\xc3", "\n", "\t", "\0", "😀", "\u00a0", "\ufeff",
      "الله", "هـ", "آ", "أ", "إ", "ڒ", "ڶ", "ے",
      // What the fuzzer combined into non-idempotent lines: ۇ beside و, presentation forms (one
      // code point, several letters once normalized) beside Arabic-convention words that decide
      // the convention repair, ة/ؤ/ي typed for ە/ۆ/ی.
      "ۇ", "ۇو", "وۇ", "ﻩ", "ﺓ", "ﻙ", "ﯼ", "ﻻ", "ﷲ", "ﺍ", "ة", "ؤ", "ي", "ى", "ك", "بةرهةمةكاني", "ئةفين", "كوردستان",
      "له", "بو", "كه", "ئه", "ا", "اي", "ئ"};
  std::string s;
  for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

TEST(NormalizeProperty, IdempotentValidUtf8AndOffsetsOnRandomInput) {
  const unsigned seed = 20261129;
  std::mt19937 rng(seed);
  std::vector<Normalizer> normalizers;
  normalizers.emplace_back(NormalizeOptions::standard());
  normalizers.emplace_back(NormalizeOptions::search());
  normalizers.emplace_back(NormalizeOptions::minimal());
  for (int iter = 0; iter < 3000; ++iter) {
    std::string in = random_text(rng, rng() % 40);
    for (const auto& n : normalizers) {
      std::string once = n.normalize(in);
      ASSERT_TRUE(kurdi::utf8::is_valid(once)) << "seed " << seed << " iter " << iter;
      ASSERT_EQ(n.normalize(once), once) << "not idempotent; seed " << seed << " iter " << iter << " input "
                                         << ::testing::PrintToString(in);
      check_offsets(n, in);
    }
  }
}

TEST(NormalizeProperty, ChunkedAtSpacesEqualsWhole) {
  // The character layer is word-local, so cutting a line after a space changes nothing. (The
  // convention repair decides per line, so it is off here: the CLI cuts only lines over 8 MiB.)
  std::mt19937 rng(7);
  NormalizeOptions o;
  o.convention_repair = false;
  Normalizer n(o);
  for (int iter = 0; iter < 1000; ++iter) {
    std::string in = random_text(rng, 30);
    size_t cut = in.find(' ', in.size() / 2);
    if (cut == std::string::npos) continue;
    ++cut;
    // A chunk boundary right after a space: the line reader cuts there.
    EXPECT_EQ(n.normalize(in.substr(0, cut)) + n.normalize(in.substr(cut)), n.normalize(in)) << "iter " << iter;
  }
}

// Each line of a text on its own: what normalize() of a text with several lines must equal.
std::string line_by_line(const Normalizer& n, std::string_view text) {
  std::string out;
  for (size_t b = 0;;) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    n.normalize(text.substr(b, e - b), out);
    if (e == text.size()) return out;
    out += '\n';
    b = e + 1;
  }
}

TEST(NormalizeLines, TheConventionRepairIsDecidedPerLine) {
  // A line typed in the Arabic convention among standard lines is repaired (a decision over the
  // whole text would see the other lines' Kurdish letters and leave it), and the standard lines
  // are not respelled because of it.
  Normalizer n;
  const std::string text = "ئەو شارە جوانە\nبةرهةمةكاني ئةفين ئاسؤ\nکتێبەکە لە ماڵەوەیە\n";
  const std::string want = "ئەو شارە جوانە\nبەرهەمەکانی ئەفین ئاسۆ\nکتێبەکە لە ماڵەوەیە\n";
  EXPECT_EQ(n.normalize(text), want);
  EXPECT_EQ(line_by_line(n, text), want);
  // With an offset map: the same text, and each repaired word maps back into its own line.
  std::string out;
  kurdi::OffsetMap map;
  n.normalize(text, out, &map);
  EXPECT_EQ(out, want);
  const size_t o = out.find("ئەفین");
  const size_t b = map.to_input(o), e = map.to_input(o + std::string("ئەفین").size(), kurdi::OffsetMap::Bias::kEnd);
  EXPECT_EQ(text.substr(b, e - b), "ئةفين");
  check_offsets(n, text);
}

TEST(NormalizeLines, LongTextEqualsLineByLine) {
  // Texts of many lines (the library cuts them into segments of about 16 kB), with lines typed
  // in the Arabic and Persian conventions, empty lines, long lines and random lines, with and
  // without a final newline, in every profile and with the punctuation option that reads context.
  std::mt19937 rng(20261130);
  const std::vector<std::string> kinds = {"ئەو شارە جوانە و خەڵکەکەی زۆر باشن", "بةرهةمةكاني ئةفين ئاسؤ",
                                          "دستان خوش بیت", "این کتاب را از کتابخانه گرفتم", "", "ئونده به فره",
                                          "رۆژ نامه‌ی كوردی, باشه?"};
  NormalizeOptions context = NormalizeOptions::standard();
  context.punctuation = kurdi::PunctPolicy::kToArabic;
  std::vector<Normalizer> normalizers;
  normalizers.emplace_back(NormalizeOptions::standard());
  normalizers.emplace_back(NormalizeOptions::search());
  normalizers.emplace_back(NormalizeOptions::minimal());
  normalizers.emplace_back(context);
  for (int iter = 0; iter < 6; ++iter) {
    std::string text;
    while (text.size() < 70000) {
      const unsigned k = rng() % 10;
      if (k < kinds.size()) text += kinds[k];
      else if (k == 7) text += random_text(rng, rng() % 60);
      else if (k == 8) for (int r = 0; r < 400; ++r) text += kinds[rng() % 3] + " ";  // a line of ~10 kB
      else text += kinds[0] + " " + kinds[1];
      text += '\n';
    }
    if (iter % 2) text.pop_back();
    for (const auto& n : normalizers) {
      const std::string want = line_by_line(n, text);
      ASSERT_EQ(n.normalize(text), want) << "iter " << iter;
      std::string with_map;
      kurdi::OffsetMap map;
      n.normalize(text, with_map, &map);
      ASSERT_EQ(with_map, want) << "iter " << iter;
      ASSERT_EQ(map.input_size(), text.size());
      ASSERT_EQ(map.output_size(), want.size());
    }
  }
}

TEST(NormalizeProperty, SameOutputFromSeveralThreads) {
  Normalizer n;
  std::mt19937 rng(11);
  std::vector<std::string> inputs;
  for (int i = 0; i < 300; ++i) inputs.push_back(random_text(rng, 50));
  std::vector<std::string> expected;
  for (const auto& s : inputs) expected.push_back(n.normalize(s));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (size_t i = 0; i < inputs.size(); ++i)
        if (n.normalize(inputs[i]) != expected[i]) ++mismatches;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// Regressions found by the fuzzer (normalize_fuzz): a word-initial ۇ after invalid bytes became وو
// and then و on a second pass; a line whose only second Arabic letter was a presentation form
// skipped the convention repair once and got it on the second pass.
TEST(NormalizeRegression, FuzzerIdempotenceCases) {
  Normalizer n;
  for (std::string in : {std::string("\xff\xffۇمی کوردستان"), std::string("\xF0\x9F\x98\x80\xDB\x92" "a\xEF\xBA\x91")}) {
    std::string once = n.normalize(in);
    EXPECT_EQ(n.normalize(once), once) << ::testing::PrintToString(in);
  }
}

// Regressions found by the widened random alphabet and the three-way twin test (normalize_simd_test):
// a rule's result made a context for another rule, which only a second normalization applied.
// Rules now run to a fixed point (run_piece_fixed), and the scanner hands such words to them.
TEST(NormalizeRegression, WordInitialUBesideWawIsAFixedPoint) {
  Normalizer n;
  // ۇ at a word start is و; before another و that makes a word-initial وو, which is و.
  EXPECT_EQ(n.normalize("ۇوب"), "وب");
  EXPECT_EQ(n.normalize("😀ۇوبش"), "😀وبش");
  EXPECT_EQ(n.normalize("\tۇوڒ"), "\tوڕ");
}

TEST(NormalizeRegression, DeletedCharactersBetweenTwoWaws) {
  Normalizer n;
  // A word-initial tatweel or BOM is deleted; the وو after it is word-initial.
  EXPECT_EQ(n.normalize("،ـووبش"), "،وبش");
  EXPECT_EQ(n.normalize("و\ufeffولاي\u00a0"), "ولای ");
}

TEST(NormalizeRegression, ZwnjAfterDeletedTatweelJudgedByTheLetterBeforeIt) {
  Normalizer n;
  // ا does not join: the ZWNJ separates nothing once the tatweel is gone.
  EXPECT_EQ(n.normalize("اـ\u200cب"), "اب");
  EXPECT_EQ(n.normalize("بـ\u200cب"), "ب\u200cب");
}

TEST(NormalizeRegression, LetterPlusMarkRulesInTheMinimalProfile) {
  // The minimal profile keeps harakat, so the mark has no rule of its own; ە + ٔ is still ە.
  Normalizer n(NormalizeOptions::minimal());
  EXPECT_EQ(n.normalize("\u06d5\u0654x"), "\u06d5x");
}

TEST(NormalizeRegression, SameTextWithAndWithoutAnOffsetMap) {
  // A Latin mark after a fullwidth letter composes with the letter it became, map or no map.
  Normalizer n;
  std::string in = "\uff21\u0301b";
  std::string with_map;
  kurdi::OffsetMap map;
  n.normalize(in, with_map, &map);
  EXPECT_EQ(with_map, n.normalize(in));
  EXPECT_EQ(with_map, "\u00c1b");
  check_offsets(n, in);
}

TEST(NormalizeProperty, LigatureOnlyLinesAreStable) {
  // The repair decision sees the line as typed and as normalized, so a ligature that becomes
  // several letters cannot switch the repair on in the second normalization only.
  Normalizer n;
  for (std::string in : {"ﷲ", "ﻻ", "ﷺ", "x ﷲ", "ﻻ 1", "ﷲﻻ"}) {
    std::string once = n.normalize(in);
    EXPECT_EQ(n.normalize(once), once) << in;
  }
}

// Idempotence over the real dev corpora (skips without ../shared/data).
TEST(NormalizeProperty, IdempotentOnDevCorpora) {
  std::string data = shared_data();
  if (data.empty()) GTEST_SKIP() << "KURDI_SHARED_DATA not set or absent: dev corpora not available";
  std::vector<std::string> files = {data + "/ScriptNormalization-ckb/flores200.ckb_Arab.devtest.txt",
                                    data + "/ScriptNormalization-ckb/Sorani-Arabic.tsv",
                                    data + "/ScriptNormalization-ckb/Sorani-Persian.tsv",
                                    data + "/KurdishMT/data/Ku/ted_sent_ku_normalized.txt"};
  for (const auto& entry : std::filesystem::directory_iterator(data + "/KTC/history")) files.push_back(entry.path());
  Normalizer n;
  size_t lines = 0;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      std::string once = n.normalize(line);
      ASSERT_EQ(n.normalize(once), once) << f << ": " << line;
      ++lines;
    }
  }
  EXPECT_GT(lines, 1000u);
}

// A whole file at once equals the file line by line (skips without ../shared/data).
TEST(NormalizeProperty, WholeFileEqualsLineByLineOnDevCorpora) {
  std::string data = shared_data();
  if (data.empty()) GTEST_SKIP() << "KURDI_SHARED_DATA not set or absent: dev corpora not available";
  std::vector<std::string> files = {data + "/ScriptNormalization-ckb/Sorani-Arabic.tsv",
                                    data + "/ScriptNormalization-ckb/Sorani-Persian.tsv",
                                    data + "/KurdishMT/data/Ku/ted_sent_ku_normalized.txt"};
  for (const auto& entry : std::filesystem::directory_iterator(data + "/KTC/history")) files.push_back(entry.path());
  std::vector<Normalizer> normalizers;
  normalizers.emplace_back(NormalizeOptions::standard());
  normalizers.emplace_back(NormalizeOptions::search());
  size_t bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    bytes += text.size();
    for (const auto& n : normalizers) ASSERT_EQ(n.normalize(text), line_by_line(n, text)) << f;
  }
  EXPECT_GT(bytes, 100000u);
}

}  // namespace

// A word ending in an /h/-final word of data/normalize/final_h_words.tsv marked `suffix` keeps its ه
// (بێگوناه "innocent" is بێ + گوناه; it was turned into بێگوناە, so its lexicon row never matched).
TEST(Normalize, FinalHehOfCompoundsOfGunah) {
  kurdi::Normalizer n;
  EXPECT_EQ(n.normalize("\u0628\u06CE\u06AF\u0648\u0646\u0627\u0647"), "\u0628\u06CE\u06AF\u0648\u0646\u0627\u0647");
  EXPECT_EQ(n.normalize("\u06AF\u0648\u0646\u0627\u0647"), "\u06AF\u0648\u0646\u0627\u0647");
  // an ordinary word-final ه is still ە
  EXPECT_EQ(n.normalize("\u0646\u0627\u0645\u0647"), "\u0646\u0627\u0645\u06D5");
}
