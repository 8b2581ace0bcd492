// The normalizer's fast path against its reference twins (src/normalize/testing.h): the block
// classifier (block_scan.*) against the scalar scanner, and both against run_piece() applied
// character by character to the whole line. Same output, same offset map, same counts, on random
// text built to cross block boundaries and on the raw corpora when ../shared/data is present.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "kurdi/normalize.h"
#include "normalize/block_scan.h"
#include "normalize/convention.h"
#include "normalize/testing.h"

namespace {

using kurdi::NormalizeOptions;
using kurdi::Normalizer;

// Option sets covering every branch of the scanner the classifier must agree with.
std::vector<std::pair<std::string, NormalizeOptions>> option_sets() {
  std::vector<std::pair<std::string, NormalizeOptions>> v;
  v.emplace_back("standard", NormalizeOptions::standard());
  v.emplace_back("search", NormalizeOptions::search());
  v.emplace_back("minimal", NormalizeOptions::minimal());
  NormalizeOptions o = NormalizeOptions::standard();
  o.digits = kurdi::DigitPolicy::kArabicIndic;
  o.punctuation = kurdi::PunctPolicy::kToLatin;
  o.heh = kurdi::HehPolicy::kHehDoachashmee;
  v.emplace_back("digits+latin punctuation+doachashmee", o);
  o = NormalizeOptions::standard();
  o.zwnj = kurdi::ZwnjPolicy::kKeep;
  o.initial_r = false;
  o.heh_zwnj = false;
  o.tatweel = false;
  v.emplace_back("zwnj keep, no initial r, no heh+zwnj, tatweel kept", o);
  o = NormalizeOptions::standard();
  o.convention_repair = false;
  o.harakat = false;
  o.format_controls = false;
  v.emplace_back("no repair, harakat and controls kept", o);
  return v;
}

// Mostly clean Sorani (so whole blocks are skipped) with the characters the rules act on sprinkled
// in, plus raw bytes: every kind of position lands at every lane of a block sooner or later.
std::string random_line(std::mt19937& rng, size_t len) {
  static const std::vector<std::string> clean = {"ا", "ب", "د", "ڕ", "ە", "ی", "ک", "ن", "م", "س", "ت", "ۆ", "ێ",
                                                 "ڵ", "گ", "ش", "ز", "پ", "ف", "ڤ", "چ", "ع", " ", " ", " ", "a",
                                                 "b", ".", "،", "٢", "2"};
  static const std::vector<std::string> acting = {
      "ر", "ه", "و", "وو", "ھ", "ي", "ى", "ك", "ة", "ؤ", "ۇ", "ئ", "ل", "\u200c", "\u200d", "\u200f", "\u0640",
      "\u064e", "\u065a", "\u0654", "ﻻ", "ﺑ", "ﻪ", "١", "1", "۱", ",", "?", "؟", "é", "e\u0301", "\xff", "\xe2\x82",
      "\xc3", "\xd9", "\xdb", "\x95", "\t", std::string(1, '\0'), "😀", "\u00a0", "\ufeff", "الله", "هـ", "آ", "أ",
      "إ", "ڒ", "ڶ", "ے", "Ω", "ж", "\u0301", "\uff21", "\u2013", "ه\u200c", "\u00ad"};
  std::string s;
  const unsigned density = 1 + rng() % 30;  // 1 acting character in `density`, per line
  while (s.size() < len) {
    if (rng() % density == 0) s += acting[rng() % acting.size()];
    else if (rng() % 50 == 0) s += static_cast<char>(rng() & 0xFF);
    else s += clean[rng() % clean.size()];
  }
  return s;
}

// Where two outputs part: the byte offset and a few characters of each around it.
std::string first_difference(const std::string& a, const std::string& b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  size_t from = k >= 12 ? k - 12 : 0;
  return "first difference at byte " + std::to_string(k) + ": " + ::testing::PrintToString(a.substr(from, 30)) +
         " vs " + ::testing::PrintToString(b.substr(from, 30));
}

void expect_same_paths(const Normalizer& n, const std::string& in, const std::string& what, kurdi::NormalizePath a,
                       kurdi::NormalizePath b) {
  std::string fast, slow;
  kurdi::OffsetMap fast_map, slow_map;
  kurdi::NormalizeStats fast_stats, slow_stats;
  kurdi::NormalizerTesting::normalize(n, in, fast, &fast_map, &fast_stats, a);
  kurdi::NormalizerTesting::normalize(n, in, slow, &slow_map, &slow_stats, b);
  ASSERT_TRUE(fast == slow) << what << " " << first_difference(fast, slow) << "\ninput " << ::testing::PrintToString(in);
  ASSERT_EQ(fast_stats.invalid_utf8, slow_stats.invalid_utf8) << what;
  ASSERT_EQ(fast_map.edits().size(), slow_map.edits().size()) << what << " input " << ::testing::PrintToString(in);
  for (size_t k = 0; k < fast_map.edits().size(); ++k) {
    const auto &x = fast_map.edits()[k], &y = slow_map.edits()[k];
    ASSERT_TRUE(x.in_begin == y.in_begin && x.in_end == y.in_end && x.out_begin == y.out_begin &&
                x.out_end == y.out_end)
        << what << " edit " << k << " input " << ::testing::PrintToString(in);
  }
  // Without a map too (the scanner takes other branches when no map is kept).
  std::string fast2, slow2;
  kurdi::NormalizerTesting::normalize(n, in, fast2, nullptr, nullptr, a);
  kurdi::NormalizerTesting::normalize(n, in, slow2, nullptr, nullptr, b);
  ASSERT_EQ(fast2, slow2) << what << " input " << ::testing::PrintToString(in);
  ASSERT_TRUE(fast2 == fast) << what << " with and without a map: " << first_difference(fast2, fast)
                             << "\ninput " << ::testing::PrintToString(in);
}

void expect_same(const Normalizer& n, const std::string& in, const std::string& what) {
  expect_same_paths(n, in, what + " (fast vs scanner)", kurdi::NormalizePath::kFast, kurdi::NormalizePath::kScanner);
  if (::testing::Test::HasFatalFailure()) return;
  // The same output as the character-by-character path; the offset maps may cut edits differently
  // (run_piece() merges a word's changes), so only the text is compared.
  std::string scanner, per_char;
  kurdi::NormalizerTesting::normalize(n, in, scanner, nullptr, nullptr, kurdi::NormalizePath::kScanner);
  kurdi::NormalizerTesting::normalize(n, in, per_char, nullptr, nullptr, kurdi::NormalizePath::kPerCharacter);
  ASSERT_TRUE(scanner == per_char) << what << " (scanner vs per character) " << first_difference(scanner, per_char)
                                   << "\ninput " << ::testing::PrintToString(in);
}

TEST(NormalizeSimd, SameAsScalarOnRandomLines) {
  const unsigned seed = 20261129;
  std::mt19937 rng(seed);
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (int iter = 0; iter < 1500; ++iter) {
      std::string in = random_line(rng, rng() % 400);
      expect_same(n, in, name + " seed " + std::to_string(seed) + " iter " + std::to_string(iter));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// Short ASCII lines take a shortcut when no rule acts on any of their bytes: every ASCII byte
// alone, after a letter, in pairs, and short ASCII lines with punctuation, digits and controls,
// under every option set (digit and punctuation mappings act on ASCII).
TEST(NormalizeSimd, ShortAsciiLinesSameAsScalar) {
  std::mt19937 rng(29);
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (int b = 0; b < 0x80; ++b) {
      const std::string c(1, static_cast<char>(b));
      for (const std::string& in : {c, "a" + c, c + c + "1", "x, y? " + c, std::string(64, static_cast<char>(b)),
                                    std::string(65, static_cast<char>(b))}) {
        expect_same(n, in, name + " byte " + std::to_string(b));
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
    for (int iter = 0; iter < 300; ++iter) {
      std::string in;
      const size_t len = rng() % 70;
      while (in.size() < len) in += static_cast<char>(rng() % 0x80);
      expect_same(n, in, name + " ascii iter " + std::to_string(iter));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// The classifier reads the character before and after each lane: put one acting character at
// every offset of a clean line, for every acting character and every prefix length.
TEST(NormalizeSimd, EveryActingCharacterAtEveryOffset) {
  const std::string clean = "ئەمە دەقێکی کوردی ستانداردە بۆ تاقیکردنەوە و پشکنین";
  const std::vector<std::string> acting = {"ر", "ه", "و", "وو", "ي", "ى", "ك", "ة", "\u200c", "\u0640", "\u064e",
                                           "ﺑ", "\xff", "\xd9", "\t", "1", "ه\u200c", "\u00a0", "ە\u0654"};
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (const auto& a : acting) {
      for (size_t cut = 0; cut <= clean.size(); ++cut) {
        std::string in = clean.substr(0, cut) + a + clean.substr(cut) + clean;
        expect_same(n, in, name + " cut " + std::to_string(cut));
        expect_same(n, " " + in, name + " cut+1 " + std::to_string(cut));
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }
}

// The block loop deletes a run of tatweels after a letter and a ZWNJ that ends its chunk, and
// (without the word-final rule) leaves ه before a ZWNJ or at a chunk end, without run_piece(): every letter before them (ه ھ و ر ... and none), runs of 1-4 tatweels and 0-2 ZWNJs,
// and every kind of next character (space, tab, end of line, a letter, a mark), at every offset of
// a block, under every option set and the drop policy for ZWNJ.
TEST(NormalizeSimd, TatweelRunsAndChunkEndZwnj) {
  auto sets = option_sets();
  NormalizeOptions drop = NormalizeOptions::standard();
  drop.zwnj = kurdi::ZwnjPolicy::kDrop;
  sets.emplace_back("zwnj drop", drop);
  NormalizeOptions no_final_heh = NormalizeOptions::standard();
  no_final_heh.final_heh = false;
  no_final_heh.heh_zwnj = false;
  sets.emplace_back("no final heh, no heh+zwnj", no_final_heh);
  no_final_heh.heh_zwnj = true;
  no_final_heh.tatweel = false;
  sets.emplace_back("no final heh, tatweel kept", no_final_heh);
  const std::vector<std::string> before = {"", " ", "ب", "ه", "ھ", "و", "ر", "ك", "ی", "ە", "\u0640", "\u064e", "a", "1", "\xff"};
  const std::vector<std::string> after = {"", " ", "\t", "ب", "و", "ه", "ا", "\u064e", "\u200c", "ر ب", "\xd9"};
  const std::string clean = "ئەمە دەقێکی کوردی";
  for (const auto& [name, o] : sets) {
    Normalizer n(o);
    for (const auto& b : before)
      for (int tatweels = 0; tatweels <= 4; ++tatweels)
        for (int zwnjs = 0; zwnjs <= 2; ++zwnjs) {
          if (tatweels + zwnjs == 0) continue;
          std::string mid = b;
          for (int k = 0; k < tatweels; ++k) mid += "\u0640";
          for (int k = 0; k < zwnjs; ++k) mid += "\u200c";
          for (const auto& a : after)
            for (size_t pad = 0; pad < 30; pad += 3) {
              const std::string in = std::string(pad, 'x') + " " + clean + mid + a + " " + clean;
              // All three paths: with tatweel kept, ه + a run of tatweels at a word end stays as typed
              // on every path (run_piece() had cut it to هـ).
              expect_same(n, in, name + " pad " + std::to_string(pad));
              if (::testing::Test::HasFatalFailure()) return;
            }
        }
  }
}

// More letter-for-letter substitutions in a line than the scanner keeps pending (64), with words
// that need run_piece() among them, so pending patches are flushed, kept and taken back.
TEST(NormalizeSimd, ManySubstitutionsInOneLine) {
  std::mt19937 rng(5);
  const std::vector<std::string> words = {"كتێب", "ىەك", "كىك", "ككككك", "بەرز", "رۆژ", "ه\u200cك", "كـه", "ك\u064eى",
                                          "ﻛﺘﺎﺏ", "ۇك", "\u200cكك"};
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (int iter = 0; iter < 200; ++iter) {
      std::string in;
      size_t count = 20 + rng() % 200;
      for (size_t k = 0; k < count; ++k) in += words[rng() % words.size()] + (rng() % 4 ? "" : " ");
      expect_same(n, in, name + " iter " + std::to_string(iter));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// The no-map fast path (run_blocks) classifies a line's first and last block from a padded copy,
// writes through a pointer into the caller's string and grows it when run_piece() writes more than
// it reads: every line length around the block size, appended to text already in `out`, and lines
// whose output is three times their input (each invalid byte -> U+FFFD) in many chunks.
TEST(NormalizeSimd, NoMapPathAtEveryLengthAndGrowing) {
  std::mt19937 rng(29);
  const std::string prefix = "پێشەکی ";
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (size_t len = 0; len <= 90; ++len) {
      for (int rep = 0; rep < 6; ++rep) {
        std::string in = random_line(rng, len);
        if (in.size() > len && rep % 2 == 0) in.resize(len);  // cut inside a character too
        std::string fast = prefix, scanner = prefix;
        kurdi::NormalizerTesting::normalize(n, in, fast, nullptr, nullptr, kurdi::NormalizePath::kFast);
        kurdi::NormalizerTesting::normalize(n, in, scanner, nullptr, nullptr, kurdi::NormalizePath::kScanner);
        ASSERT_TRUE(fast == scanner) << name << " length " << len << " " << first_difference(fast, scanner)
                                     << "\ninput " << ::testing::PrintToString(in);
      }
    }
    for (const std::string& unit : {std::string("\xff\xfe\xff "), std::string("\xff\xffكە\xfe\t"),
                                    std::string("ﻻﻻﻻ\xff "), std::string("ه\u200c\xd9")}) {
      std::string in;
      for (int k = 0; k < 700; ++k) in += unit;
      std::string fast = prefix, scanner = prefix;
      kurdi::NormalizeStats fs, ss;
      kurdi::NormalizerTesting::normalize(n, in, fast, nullptr, &fs, kurdi::NormalizePath::kFast);
      kurdi::NormalizerTesting::normalize(n, in, scanner, nullptr, &ss, kurdi::NormalizePath::kScanner);
      ASSERT_TRUE(fast == scanner) << name << " " << first_difference(fast, scanner);
      ASSERT_EQ(fs.invalid_utf8, ss.invalid_utf8) << name;
    }
  }
}

// run_blocks() finds a chunk only around a flag that needs one, with 32-byte space searches in a
// padded copy of the line (normalize_detail::chunk_around); while every change of the line kept
// its length, a substitution is patched in place without one. Words of 1 to 200 bytes (so chunks
// cross 32-byte windows and blocks both ways), substitutions before and after a length change and
// before a character that sends the chunk to run_piece(), tabs and spaces at line ends, and
// three-byte characters next to stray continuation bytes (the classifier leaves a three-byte
// character's continuations to its flagged lead).
TEST(NormalizeSimd, LongChunksSubstitutionsAndThreeByteCharacters) {
  std::mt19937 rng(31);
  const std::vector<std::string> clean = {"ا", "ب", "د", "ڕ", "ە", "ی", "ک", "ن", "م", "س", "ت", "ۆ", "a", "2"};
  const std::vector<std::string> acting = {"ك", "ي", "ى", "ر", "ه", "و", "وو", "\u064e", "\u200c", "ه\u200c",
                                           "\u0640", "\u2013", "\u200f", "\xe2\x80", "\u200c\x80", "\u2013\x80\x80",
                                           "\x80", "\xe2\x80\x8c\x8c", "\xef\xbb\xbf", "😀", "\xf0\x9f\x98"};
  const std::vector<std::string> gaps = {" ", "\t", "  ", " \t"};
  auto word = [&](size_t len) {
    std::string w;
    const unsigned density = 1 + rng() % 12;
    while (w.size() < len) w += rng() % density == 0 ? acting[rng() % acting.size()] : clean[rng() % clean.size()];
    return w;
  };
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (int iter = 0; iter < 400; ++iter) {
      std::string in;
      if (rng() % 4 == 0) in += gaps[rng() % gaps.size()];
      const size_t words = 1 + rng() % 6;
      for (size_t k = 0; k < words; ++k) {
        if (k) in += gaps[rng() % gaps.size()];
        in += word(rng() % 3 == 0 ? 1 + rng() % 200 : 1 + rng() % 12);
      }
      if (rng() % 4 == 0) in += gaps[rng() % gaps.size()];
      expect_same(n, in, name + " iter " + std::to_string(iter));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// A tatweel at the very start of a line is at a word start: run_piece() decides it (and the ر or
// وو after it). The no-map path took it for a tatweel continuing a deleted run ("the byte after
// the last deleted tatweel" started at 0), deleted it and left ر as ر (found by the test above).
TEST(NormalizeSimd, TatweelAtLineStart) {
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    for (const std::string rest : {"ر", "رێ", "ووتن", "وو", "ه", "ه\u200c", "ـر", "ک", "\u200c", "", " ر"}) {
      expect_same(n, "\u0640" + rest, name + " tatweel + " + rest);
      expect_same(n, "\u0640" + rest + " ـر", name + " tatweel + " + rest + " + word");
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// chunk_around() (AVX2 and the scalar fallback) against a byte-by-byte search, for every byte of
// random text that is not a space or tab, with the padding run_blocks() gives it.
TEST(NormalizeSimd, ChunkAroundSameAsByteSearch) {
  namespace nd = kurdi::normalize_detail;
  nd::BlockTables vector_tables, scalar_tables;
  vector_tables.build(std::array<uint8_t, 0x800>{}, 0);  // usable when the CPU has AVX2
  std::mt19937 rng(37);
  for (int iter = 0; iter < 200; ++iter) {
    const size_t len = rng() % 300;
    const unsigned density = 2 + rng() % 80;
    std::string padded(32, ' ');
    for (size_t k = 0; k < len; ++k) {
      const unsigned r = rng() % density;
      padded += r == 0 ? ' ' : r == 1 ? '\t' : static_cast<char>(0x21 + rng() % 200);
    }
    padded += std::string(64, ' ');
    const auto* s = reinterpret_cast<const unsigned char*>(padded.data()) + 32;
    for (size_t at = 0; at < len; ++at) {
      if (s[at] == ' ' || s[at] == '\t') continue;
      size_t b = at, e = at;
      while (s[b - 1] != ' ' && s[b - 1] != '\t') --b;
      while (s[e] != ' ' && s[e] != '\t') ++e;
      for (const nd::BlockTables* t : {&vector_tables, &scalar_tables}) {
        size_t cb = 0, ce = 0;
        nd::chunk_around(*t, s, at, cb, ce);
        ASSERT_EQ(cb, b) << "iter " << iter << " at " << at << " usable " << t->usable;
        ASSERT_EQ(ce, e) << "iter " << iter << " at " << at << " usable " << t->usable;
      }
    }
  }
}

// classify_patch_blocks() writes the line with its patch group made (ك -> ک, ى -> ی, ي -> ی), every
// byte of it, whatever the window a letter falls in; and a pair outside the group is refused.
TEST(NormalizeSimd, PatchBlocksSameAsByteReplacement) {
  namespace nd = kurdi::normalize_detail;
  nd::BlockTables t;
  t.build(std::array<uint8_t, 0x800>{}, 0);
  ASSERT_TRUE(t.add_patch(0x0643, 0x06A9));
  ASSERT_TRUE(t.add_patch(0x0649, 0x06CC));
  ASSERT_TRUE(t.add_patch(0x064A, 0x06CC));
  EXPECT_FALSE(t.add_patch(0x0629, 0x06D5));  // ة: another lead byte
  EXPECT_FALSE(t.add_patch(0x0643, 0x06A9));  // its low nibble is taken
  const std::vector<std::string> pieces = {"ك", "ى", "ي", "ک", "ی", "ه", "ە", "\u200c", " ", "ب", "a", "ڃ", "\xd9"};
  std::mt19937 rng(43);
  for (int iter = 0; iter < 400; ++iter) {
    std::string line;
    const size_t count = rng() % 120;
    for (size_t k = 0; k < count; ++k) line += pieces[rng() % pieces.size()];
    std::string expect = line;
    for (size_t k = 0; k + 1 < expect.size(); ++k) {
      const auto b = static_cast<unsigned char>(expect[k]), c = static_cast<unsigned char>(expect[k + 1]);
      if (b != 0xD9 || (c != 0x83 && c != 0x89 && c != 0x8A)) continue;
      expect.replace(k, 2, c == 0x83 ? "\u06a9" : "\u06cc");
      ++k;
    }
    const size_t n = line.size();
    std::string padded = std::string(32, ' ') + line + std::string(64, ' ');
    std::string patched(padded.size(), '\x01');
    std::vector<uint32_t> flags(n / nd::kBlockStep + 2);
    const size_t blocks = nd::classify_patch_blocks(t, reinterpret_cast<const unsigned char*>(padded.data()),
                                                    reinterpret_cast<unsigned char*>(patched.data()), 32,
                                                    padded.size(), flags.data(), nullptr,
                                                    (n + nd::kBlockStep - 1) / nd::kBlockStep);
    if (!t.usable) GTEST_SKIP() << "no AVX2: classify_patch_blocks() patches nothing";
    ASSERT_EQ(blocks, (n + nd::kBlockStep - 1) / nd::kBlockStep);
    ASSERT_EQ(patched.substr(32, n), expect) << "iter " << iter << " input " << ::testing::PrintToString(line);
  }
}

// The AVX-512 classifier (two blocks per 64-byte window) against the AVX2 one, on the tables of
// the standard and search profiles: the same flags, letter + ZWNJ starts and patched bytes, for
// lines of every length (windows that end at every lane, the AVX2 blocks after them).
TEST(NormalizeSimd, Avx512BlocksSameAsAvx2) {
  namespace nd = kurdi::normalize_detail;
  for (const auto& [name, options] : option_sets()) {
    const Normalizer n(options);
    nd::BlockTables wide = kurdi::NormalizerTesting::blocks(n);
    if (!wide.usable) GTEST_SKIP() << "no AVX2";
    if (!wide.avx512) GTEST_SKIP() << "no AVX-512 (F, BW) on this CPU: the AVX2 classifier is the only one";
    nd::BlockTables narrow = wide;
    narrow.avx512 = false;
    std::mt19937 rng(97);
    for (int iter = 0; iter < 1500; ++iter) {
      const std::string line = random_line(rng, rng() % 400);
      const size_t len = line.size(), nblocks = (len + nd::kBlockStep - 1) / nd::kBlockStep;
      const std::string padded = std::string(32, ' ') + line + std::string(64, ' ');
      const auto* s = reinterpret_cast<const unsigned char*>(padded.data());
      std::string pw(padded.size(), '\x01'), pn(padded.size(), '\x01');
      std::vector<uint32_t> fw(nblocks + 1, 7), fn(nblocks + 1, 7), sw(nblocks + 1, 7), sn(nblocks + 1, 7);
      const size_t bw = nd::classify_patch_blocks(wide, s, reinterpret_cast<unsigned char*>(pw.data()), 32,
                                                  padded.size(), fw.data(), sw.data(), nblocks);
      const size_t bn = nd::classify_patch_blocks(narrow, s, reinterpret_cast<unsigned char*>(pn.data()), 32,
                                                  padded.size(), fn.data(), sn.data(), nblocks);
      ASSERT_EQ(bw, nblocks) << name;
      ASSERT_EQ(bn, nblocks) << name;
      ASSERT_EQ(fw, fn) << name << " input " << ::testing::PrintToString(line);
      if (wide.letter_zwnj) {
        ASSERT_EQ(sw, sn) << name << " input " << ::testing::PrintToString(line);
      }
      if (wide.patch_count || wide.letter_zwnj) {
        ASSERT_EQ(pw.substr(32, len), pn.substr(32, len)) << name << " input " << ::testing::PrintToString(line);
      }
    }
  }
}

// remove_markers() against std::remove, for runs of markers at every offset and length.
TEST(NormalizeSimd, RemoveMarkersSameAsStdRemove) {
  namespace nd = kurdi::normalize_detail;
  std::mt19937 rng(47);
  for (int iter = 0; iter < 3000; ++iter) {
    const size_t n = rng() % 200;
    const unsigned density = 1 + rng() % 8;
    std::string s;
    for (size_t k = 0; k < n; ++k) s += rng() % density == 0 ? '\xff' : static_cast<char>('a' + rng() % 26);
    std::string expect = s;
    expect.erase(std::remove(expect.begin(), expect.end(), '\xff'), expect.end());
    std::string buf = s + std::string(64, '\xff');  // what lies past n must not count
    const size_t len = nd::remove_markers(reinterpret_cast<unsigned char*>(buf.data()), n);
    ASSERT_EQ(buf.substr(0, len), expect) << "iter " << iter << " input " << ::testing::PrintToString(s);
  }
}

// A line longer than the padded copy run_blocks() keeps between lines (1 MB), then short lines
// (the copy is made again), compared with the scanner.
TEST(NormalizeSimd, LineLongerThanTheKeptCopy) {
  std::mt19937 rng(41);
  Normalizer n(NormalizeOptions::standard());
  std::string big;
  while (big.size() < (size_t{1} << 20) + 1000) big += random_line(rng, 200) + " ";
  for (const std::string& in : {big, random_line(rng, 100), big.substr(0, 5000), random_line(rng, 40)}) {
    std::string fast, scanner;
    kurdi::NormalizerTesting::normalize(n, in, fast, nullptr, nullptr, kurdi::NormalizePath::kFast);
    kurdi::NormalizerTesting::normalize(n, in, scanner, nullptr, nullptr, kurdi::NormalizePath::kScanner);
    ASSERT_TRUE(fast == scanner) << first_difference(fast, scanner);
  }
}

// The convention repair's line test: the vectorized count against the byte-by-byte reference, on
// lines of Arabic-block letters, presentation forms, Kurdish-only letters and broken sequences.
TEST(NormalizeSimd, RepairLineTestSameAsReference) {
  std::mt19937 rng(17);
  const std::vector<std::string> pieces = {"ب", "ك", "ة", "ا", " ", "a", "ە", "ێ", "ۆ", "ڵ", "ڕ", "ڤ", "ﺑ", "ﻻ", "\xef\xad",
                                           "\xef\xbb", "\xd8", "\xdb", "\xda", "\x95", "\xa4", "\xef", "😀", "\u200c",
                                           "\u065a", "\u065b", "\u065c", "\u0659", "\u065d", "\xd9", "\x9a", "\x9c"};
  for (int iter = 0; iter < 20000; ++iter) {
    std::string in;
    const size_t len = rng() % 90;
    while (in.size() < len) {
      if (rng() % 8 == 0) in += static_cast<char>(rng() & 0xFF);
      else in += pieces[rng() % pieces.size()];
    }
    ASSERT_EQ(kurdi::convention::Repairer::applies_to_input(in), kurdi::convention::Repairer::applies_to_input_reference(in))
        << "iter " << iter << " input " << ::testing::PrintToString(in);
  }
}

// The convention repairer's word indexes compiled in by convention_gen are the ones the tables
// give at run time (same words, same ids, same lookups), and a word of each is found.
TEST(NormalizeConvention, CompiledInIndexesSameAsBuiltFromTables) {
  const auto& compiled = kurdi::convention::Repairer::shared();
  const auto built = kurdi::convention::Repairer::from_tables();
  EXPECT_TRUE(compiled.same_tables(built));
  EXPECT_TRUE(built.same_tables(compiled));
  // The generated source round-trips: writing the compiled-in indexes again gives the same text.
  EXPECT_TRUE(compiled.prebuilt_source() == built.prebuilt_source());  // (no diff of 3 MB of text)
  EXPECT_GT(built.prebuilt_source().size(), 100000u);
}

// The raw corpora's text files under `d` (the shared data folder), in a fixed order.
std::vector<std::string> corpus_files(const char* d) {
  std::vector<std::string> files;
  for (const char* dir : {"/KTC", "/DevelopersTree-KurdishResources/wishe", "/KurdishMT/data/Ku",
                          "/ScriptNormalization-ckb"}) {
    if (!std::filesystem::exists(std::string(d) + dir)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(d) + dir)) {
      auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".txt" || ext == ".tsv")) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The raw corpora of the benchmark (skips without ../shared/data).
TEST(NormalizeSimd, SameAsScalarOnCorpora) {
  const char* d = std::getenv("KURDI_SHARED_DATA");
  if (!d || !std::filesystem::exists(d)) GTEST_SKIP() << "KURDI_SHARED_DATA not set or absent: corpora not available";
  const std::vector<std::string> files = corpus_files(d);
  auto sets = option_sets();
  std::vector<Normalizer> normalizers;
  for (const auto& s : sets) normalizers.emplace_back(s.second);
  size_t lines = 0, budget = 40u << 20;  // bytes x option sets, to keep the test under a few seconds
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line;
    while (std::getline(in, line) && budget > 0) {
      for (size_t k = 0; k < normalizers.size(); ++k) {
        expect_same(normalizers[k], line, sets[k].first + " " + f);
        if (::testing::Test::HasFatalFailure()) return;
      }
      budget -= std::min(budget, line.size() * normalizers.size());
      ++lines;
    }
  }
  EXPECT_GT(lines, 1000u);
}

// A text of many lines, as the single-pass kernel takes it: random lines, with words of the
// /h/-word list and the contexts of its rules (ه before ASCII, وو at a word start, tatweel runs,
// ZWNJ after every kind of character) put in, now and then a line past its 64 kB steps.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "شاه ", "کوه.", "ماه\n", "عبدالله ", "ه. ", "پادشاه،", "گوناه)", "بێگوناه ", "نامه ", "خانه.", "بوو ",
      "وورد ", "ووتی ", "وو ", "ووا ", "ووێ", " وو\u200cی ", "کـــەس ", "هـ ", "هـــ.", "ـر", "ی\u200cر", "ا\u200cب",
      " \u200cو ", "ه\u200c\u200cی", "ك\u0640\u0640ی", "مَرد", "بِه ", "٢ه ", "aه ", "ه\u00ab", "\u00bbر",
      "ب\u200cـ ", " و\u200cوب", "ی\u200cـی"};
  std::string text;
  const size_t lines = 1 + rng() % 40;
  for (size_t k = 0; k < lines; ++k) {
    std::string line = random_line(rng, rng() % 300);
    for (int j = rng() % 4; j > 0; --j) line.insert(rng() % (line.size() + 1), pieces[rng() % pieces.size()]);
    if (rng() % 60 == 0) {
      while (line.size() < (90u << 10)) line += random_line(rng, 200) + pieces[rng() % pieces.size()];
    }
    text += line;
    if (k + 1 < lines || rng() % 2) text += '\n';
  }
  return text;
}

// The single-pass path (a text of many lines, no map) against the same text through the scalar
// scanner: the same output and the same count of broken sequences.
void expect_single_pass_same(const Normalizer& n, const std::string& text, const std::string& what) {
  std::string fast, slow;
  kurdi::NormalizeStats fast_stats, slow_stats;
  kurdi::NormalizerTesting::normalize(n, text, fast, nullptr, &fast_stats, kurdi::NormalizePath::kFast);
  kurdi::NormalizerTesting::normalize(n, text, slow, nullptr, &slow_stats, kurdi::NormalizePath::kScanner);
  ASSERT_TRUE(fast == slow) << what << " " << first_difference(fast, slow);
  ASSERT_EQ(fast_stats.invalid_utf8, slow_stats.invalid_utf8) << what;
}

TEST(NormalizeSinglePass, SameAsScannerOnRandomTexts) {
  const unsigned seed = 20261201;
  std::mt19937 rng(seed);
  bool used = false;
  for (const auto& [name, o] : option_sets()) {
    Normalizer n(o);
    if (!kurdi::NormalizerTesting::single_pass(n).usable) continue;
    used = true;
    for (int iter = 0; iter < 300; ++iter) {
      expect_single_pass_same(n, random_text(rng), name + " seed " + std::to_string(seed) + " iter " + std::to_string(iter));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
  if (!used) GTEST_SKIP() << "no AVX-512 VBMI2 on this CPU: the single-pass kernel is not used";
}

// Every piece at every byte offset of the first windows (0-130 bytes of ASCII after a Kurdish-only
// letter, so that the line is settled), then each kind of byte the kernel reads past it: a word
// of the /h/-word list whose ە ends a window, and the text's end at every place.
TEST(NormalizeSinglePass, EveryPieceAtEveryOffset) {
  Normalizer n;
  if (!kurdi::NormalizerTesting::single_pass(n).usable) GTEST_SKIP() << "no AVX-512 VBMI2 on this CPU";
  const std::vector<std::string> pieces = {"شاه",     "وورد", "ووا", "ـــر", "ه\u200cر", "ی\u200cر", "ە\u200c ", "كــى",
                                           "بَر",     "ر",    "ه",   "و",    "\xd9",      "\xe2\x80", "ي",         "أ",
                                           "پادشاه", "اله", "ب\u200cـ", "و\u200cوب"};
  for (const std::string& piece : pieces) {
    for (size_t at = 0; at < 130; ++at) {
      for (const char* after : {"", " ", "\n", ".", "ب", "\n\n"}) {
        std::string text = "ڕ" + std::string(at, at % 3 ? 'a' : ' ');
        text += piece;
        text += after;
        if (at % 2) text += "\nبەردەوام\n";
        expect_single_pass_same(n, text, "piece " + ::testing::PrintToString(piece) + " at " + std::to_string(at));
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }
}

// The raw corpora as whole texts of about 1 MB (skips without ../shared/data).
TEST(NormalizeSinglePass, SameAsScannerOnCorpora) {
  const char* d = std::getenv("KURDI_SHARED_DATA");
  if (!d || !std::filesystem::exists(d)) GTEST_SKIP() << "KURDI_SHARED_DATA not set or absent: corpora not available";
  const std::vector<std::string> files = corpus_files(d);
  Normalizer n;
  if (!kurdi::NormalizerTesting::single_pass(n).usable) GTEST_SKIP() << "no AVX-512 VBMI2 on this CPU";
  std::string text;
  size_t texts = 0, budget = 24u << 20;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line;
    while (std::getline(in, line) && budget > 0) {
      text += line;
      text += '\n';
      if (text.size() >= (1u << 20)) {
        expect_single_pass_same(n, text, f);
        if (::testing::Test::HasFatalFailure()) return;
        budget -= std::min(budget, text.size());
        text.clear();
        ++texts;
      }
    }
  }
  if (!text.empty()) expect_single_pass_same(n, text, "the last text");
  EXPECT_GT(texts, 3u);
}

}  // namespace

// convention::Repairer::settled_lines() (64 bytes at a time with AVX-512, 32 with AVX2) marks
// the same lines, at the same ends, as its byte-by-byte reference: texts of random pieces around the
// bytes it tests (a '\n', the two bytes of each Kurdish-only letter, bare leads and second
// bytes), across window edges.
TEST(NormalizeSimd, SettledLinesSameAsReference) {
  using kurdi::convention::Repairer;
  std::mt19937 rng(1201);
  const std::vector<std::string> pieces = {"\n", "\n", "ب", "ك", " ", "a", "ە", "ێ", "ۆ", "ڵ", "ڕ", "ڤ", "ﺑ", "\xef\xad",
                                           "\xef\xbb", "\xd8", "\xdb", "\xda", "\x95", "\xa4", "\xb5", "\x8e", "\x86",
                                           "\xef", "😀", "\u200c", "\u065a", "abcdefgh", "ئەو شارە جوانە"};
  size_t compared = 0;
  for (int iter = 0; iter < 6000; ++iter) {
    std::string in;
    const size_t len = rng() % 400;
    while (in.size() < len) {
      if (rng() % 10 == 0) in += static_cast<char>(rng() & 0xFF);
      else in += pieces[rng() % pieces.size()];
    }
    std::vector<Repairer::LineMark> ref;
    Repairer::settled_lines_reference(in, ref);
    for (const auto isa : {Repairer::Isa::kAvx2, Repairer::Isa::kAvx512}) {
      std::vector<Repairer::LineMark> fast;
      if (!Repairer::settled_lines_with(isa, in, fast)) continue;  // not on this CPU
      ++compared;
      ASSERT_EQ(fast.size(), ref.size()) << ::testing::PrintToString(in);
      for (size_t k = 0; k < ref.size(); ++k) {
        ASSERT_EQ(fast[k].end, ref[k].end) << "line " << k << " of " << ::testing::PrintToString(in);
        ASSERT_EQ(fast[k].settled, ref[k].settled) << "line " << k << " of " << ::testing::PrintToString(in);
      }
    }
  }
  if (!compared) GTEST_SKIP() << "no AVX2: the reference is the only implementation";
}

// What "settled" promises for a line of valid UTF-8: the repair test is false for the line as
// typed and for its character-layer output (the normalizer then skips both tests for it; a run
// of lines with an ill-formed sequence is done line by line). Random lines, and the corpora when
// KURDI_SHARED_DATA has them.
TEST(NormalizeSimd, SettledLinesNeedNoRepairTest) {
  using kurdi::convention::Repairer;
  std::vector<Normalizer> layers;  // the character layer of each profile (no repair)
  for (auto o : {NormalizeOptions::standard(), NormalizeOptions::search(), NormalizeOptions::minimal()}) {
    o.convention_repair = false;
    layers.emplace_back(o);
  }
  size_t settled = 0;
  auto check = [&](const std::string& line) {
    std::vector<Repairer::LineMark> marks;
    Repairer::settled_lines(line, marks);
    ASSERT_EQ(marks.size(), 1u);
    if (!marks[0].settled || kurdi::utf8::find_invalid(line) != std::string::npos) return;  // valid UTF-8 only
    ++settled;
    ASSERT_FALSE(Repairer::applies_to_input_reference(line)) << ::testing::PrintToString(line);
    for (const auto& n : layers)
      ASSERT_FALSE(Repairer::applies_to_input_reference(n.normalize(line))) << ::testing::PrintToString(line);
  };
  std::mt19937 rng(1202);
  const std::vector<std::string> pieces = {"ب", "ك", "ة", " ", "a", "1", "ە", "ێ", "ۆ", "ڵ", "ڕ", "ڤ", "ﺑ", "ﻻ", "ﷲ",
                                           "\xd8", "\xdb", "\xda", "\x95", "\xef", "\u200c", "\u065a", "\u0640", "هـ",
                                           "ر", "وو", "\xc2\xa0", "?", ","};
  for (int iter = 0; iter < 20000; ++iter) {
    std::string line;
    const size_t len = rng() % 120;
    while (line.size() < len) {
      if (rng() % 12 == 0) line += static_cast<char>(rng() % 255 + 1);
      else line += pieces[rng() % pieces.size()];
    }
    std::replace(line.begin(), line.end(), '\n', ' ');
    check(line);
    if (::testing::Test::HasFatalFailure()) return;
  }
  // Short lines where a byte out of step would hide a Kurdish-only letter from the repair test.
  const std::vector<std::string> hiding = {"ب", "ك", "\xd8", "\xda", "\xef\xad", "\xef\xbb", "ە", "ڕ", " "};
  for (int iter = 0; iter < 20000; ++iter) {
    std::string line;
    const size_t len = rng() % 16;
    while (line.size() < len) line += hiding[rng() % hiding.size()];
    check(line);
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(settled, 1000u);
  const char* d = std::getenv("KURDI_SHARED_DATA");
  if (!d || !std::filesystem::exists(std::string(d) + "/ScriptNormalization-ckb")) return;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(d) + "/ScriptNormalization-ckb")) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      check(line);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

// Word-final ه on every path: the words of the /h/ list (data/normalize/final_h_words.tsv) keep
// it, other words get ە, before every kind of word end (a path that decides the rule without
// run_piece() must still know the list).
TEST(NormalizeSimd, FinalHehOfTheHWordsOnEveryPath) {
  const Normalizer n;
  for (const std::string w : {"شاه", "پادشاه", "ماه", "کوه", "نگاه", "عبدالله", "گوناه", "فقه", "عنه", "علیه"}) {
    for (const std::string end : {"", " ", ".", "،", "\n", "1", " و"}) {
      const std::string line = "ئەو " + w + end;
      expect_same(n, line, "h-word");
      EXPECT_NE(n.normalize(line).find(w), std::string::npos) << line;
    }
  }
  for (const std::string w : {"کتێبه", "دەوڵەته", "خانوه", "باشه", "ئاسمانه"}) {
    for (const std::string end : {"", " ", ".", "،", "\n", "1", "a", "ـ", "\u200c", "\u064e"}) {
      expect_same(n, "ئەو " + w + end, "final heh");
    }
  }
  EXPECT_EQ(n.normalize("ئەم کتێبه باشه."), "ئەم کتێبە باشە.");
}

// patch_letter_zwnj() with AVX-512 (two blocks per 64-byte blend) against the scalar writes, on
// starts as the classifier makes them (a letter + ZWNJ is five bytes: the next starts after it),
// at every lane and across block edges.
TEST(NormalizeSimd, LetterZwnjPatchesSameAsScalar) {
  namespace nd = kurdi::normalize_detail;
  const Normalizer n;
  nd::BlockTables wide = kurdi::NormalizerTesting::blocks(n);
  if (!wide.avx512) GTEST_SKIP() << "no AVX-512 (F, BW): the scalar patches are the only ones";
  ASSERT_TRUE(wide.letter_zwnj);
  nd::BlockTables narrow = wide;
  narrow.avx512 = false;
  std::mt19937 rng(1204);
  for (int iter = 0; iter < 3000; ++iter) {
    const size_t blocks = 1 + rng() % 40;
    std::vector<uint32_t> starts(blocks, 0);
    for (size_t p = rng() % 8; p < blocks * nd::kBlockStep; p += 5 + rng() % (iter % 2 ? 6 : 60))
      starts[p / nd::kBlockStep] |= uint32_t{1} << (p % nd::kBlockStep);
    std::string buf(blocks * nd::kBlockStep + 64, '\0');
    for (char& c : buf) c = static_cast<char>(rng() & 0x7F);
    std::string a = buf, b = buf;
    const size_t ca = nd::patch_letter_zwnj(wide, reinterpret_cast<unsigned char*>(a.data()), starts.data(), blocks);
    const size_t cb = nd::patch_letter_zwnj(narrow, reinterpret_cast<unsigned char*>(b.data()), starts.data(), blocks);
    ASSERT_EQ(ca, cb) << "iter " << iter;
    ASSERT_EQ(a, b) << "iter " << iter;
  }
}
