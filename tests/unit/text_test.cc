// Text core: UTF-8 decoding against a naive reference, replacement policy, offsets, line reader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <random>
#include <thread>

#include "kurdi/io.h"
#include "kurdi/text.h"
#include "reference/utf8_reference.h"

namespace {

TEST(Utf8, DecodesValidSequences) {
  std::string s = "aé€😀ە";
  auto u = kurdi::utf8::to_u32(s);
  EXPECT_EQ(u, std::u32string(U"aé€😀ە"));
  EXPECT_EQ(kurdi::utf8::from_u32(u), s);
  EXPECT_TRUE(kurdi::utf8::is_valid(s));
}

TEST(Utf8, MaximalSubpartReplacement) {
  // Unicode 15 §3.9 example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 -> a FFFD FFFD FFFD b FFFD c FFFD FFFD d
  std::string s("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64");
  size_t n = 0;
  std::string out = kurdi::utf8::sanitize(s, &n);
  EXPECT_EQ(out, "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
  EXPECT_EQ(n, 6u);
  EXPECT_EQ(kurdi::utf8::find_invalid(s), 1u);
}

TEST(Utf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(kurdi::utf8::is_valid("\xC0\xAF"));
  EXPECT_FALSE(kurdi::utf8::is_valid("\xE0\x80\xAF"));
  EXPECT_FALSE(kurdi::utf8::is_valid("\xED\xA0\x80"));
  EXPECT_FALSE(kurdi::utf8::is_valid("\xF4\x90\x80\x80"));
  EXPECT_TRUE(kurdi::utf8::is_valid(std::string("\0", 1)));
  EXPECT_TRUE(kurdi::utf8::is_valid("\xEF\xBF\xBD"));  // U+FFFD itself is valid
}

TEST(Utf8, StrictPolicyNamesTheOffset) {
  auto st = kurdi::utf8::check("abc\xff", kurdi::Utf8Policy::kStrict, 100);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().offset, 103u);
  EXPECT_TRUE(kurdi::utf8::check("abc\xff", kurdi::Utf8Policy::kReplace).ok());
}

// Differential test: the fast decoder agrees with the naive reference on random bytes.
TEST(Utf8, AgreesWithReferenceOnRandomBytes) {
  std::mt19937 rng(12345);
  for (int iter = 0; iter < 20000; ++iter) {
    size_t len = rng() % 24;
    std::string s;
    for (size_t i = 0; i < len; ++i) {
      unsigned r = rng() % 10;
      s += static_cast<char>(r < 3 ? rng() % 0x80 : r < 6 ? 0x80 + rng() % 0x40 : 0xC0 + rng() % 0x40);
    }
    EXPECT_EQ(kurdi::utf8::find_invalid(s), kurdi_ref::find_invalid(s)) << "seed 12345 iter " << iter;
    EXPECT_EQ(kurdi::utf8::to_u32(s), kurdi_ref::decode_all(s)) << "seed 12345 iter " << iter;
  }
}

// The 16-byte block path of find_invalid(): long, mostly valid text (ASCII, two-byte letters, a
// three-byte ZWNJ now and then) with one damaged byte somewhere, against the reference.
TEST(Utf8, FindInvalidBlocksAgreeWithReference) {
  std::mt19937 rng(777);
  const char* pieces[] = {"a", " ", "\xD8\xA8", "\xDB\x95", "\xDA\xB5", "\xE2\x80\x8C", "\xC3\xA9", "\xF0\x9F\x98\x80"};
  const unsigned char damage[] = {0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xF4, 0xFF, 'x'};
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    size_t len = 1 + rng() % 80;
    while (s.size() < len) s += pieces[rng() % 10 < 8 ? 2 + rng() % 3 : rng() % 8];
    if (iter % 4 != 0) s[rng() % s.size()] = static_cast<char>(damage[rng() % 10]);
    EXPECT_EQ(kurdi::utf8::find_invalid(s), kurdi_ref::find_invalid(s)) << "seed 777 iter " << iter;
  }
}

// The block path takes three-byte characters with a lead E1..EC, EE, EF (ZWNJ, euro sign ...) and
// leaves E0 and ED (restricted second byte) to the character path: blocks full of three-byte
// characters of every lead, valid and not (overlong E0 80.., surrogate ED A0..), crossing block
// edges at every offset, with a damaged byte now and then, against the reference.
TEST(Utf8, FindInvalidThreeByteBlocksAgreeWithReference) {
  std::mt19937 rng(4242);
  const char* pieces[] = {"a",           "\xD8\xA8",     "\xE2\x80\x8C", "\xE2\x82\xAC", "\xE0\xA0\x80",
                          "\xE0\x80\x80", "\xE1\x80\x80", "\xEC\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80",
                          "\xEE\x80\x80", "\xEF\xBF\xBD", "\xEF\xBF",     "\xE2\x80"};
  const size_t np = sizeof(pieces) / sizeof(*pieces);
  const unsigned char damage[] = {0x80, 0xBF, 0xC2, 0xE1, 0xE0, 0xED, 0xEF, 0xF4, 'x'};
  size_t invalid = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    size_t len = 1 + rng() % 120;
    const bool clean = iter % 2 == 0;  // only pieces that are whole characters of the block path
    while (s.size() < len) {
      size_t k = rng() % np;
      if (clean && (k == 4 || k == 5 || k == 8 || k == 9 || k >= 12)) k = 2;
      s += pieces[k];
    }
    if (iter % 3 == 0) s[rng() % s.size()] = static_cast<char>(damage[rng() % 9]);
    const size_t ref = kurdi_ref::find_invalid(s);
    invalid += ref != std::string::npos;
    EXPECT_EQ(kurdi::utf8::find_invalid(s), ref) << "seed 4242 iter " << iter;
  }
  EXPECT_GT(invalid, 1000u);
}

// Three-byte sequences at the edges of well-formedness (overlong E0, surrogate ED, truncated) inside
// and after two-byte text, where find_invalid() leaves the block path: against the reference.
TEST(Utf8, FindInvalidThreeByteEdges) {
  const char* seqs[] = {"\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBF",
                        "\xE2\x80\x8C", "\xE2\x80",     "\xE1\xC0\x80", "\xEE\x80\x7F"};
  size_t invalid = 0;
  for (const char* q : seqs) {
    for (size_t before = 0; before < 20; ++before) {
      std::string s;
      for (size_t k = 0; k < before; ++k) s += "\xD8\xA8";
      s += q;
      for (const std::string& t : {s, s + "\xDB\x95 abc"}) {
        EXPECT_EQ(kurdi::utf8::find_invalid(t), kurdi_ref::find_invalid(t)) << before;
        invalid += kurdi_ref::find_invalid(t) != std::string::npos;
      }
    }
  }
  EXPECT_EQ(invalid, 5u * 20u * 2u);  // E0 9F, ED A0, E2 80 (at the end and before a letter), E1 C0, EE 80 7F
}

TEST(Chars, Classes) {
  using namespace kurdi::chars;
  EXPECT_TRUE(is_arabic_letter(U'ە'));
  EXPECT_TRUE(is_arabic_letter(U'ڵ'));
  EXPECT_FALSE(is_arabic_letter(U'،'));
  EXPECT_TRUE(is_joining(U'ب'));
  EXPECT_FALSE(is_joining(U'ە'));
  EXPECT_FALSE(is_joining(U'ر'));
  EXPECT_EQ(digit_value(U'٣'), 3);
  EXPECT_EQ(digit_value(U'۷'), 7);
  EXPECT_TRUE(is_space(0x00A0));
  EXPECT_TRUE(is_format_control(0x200F));
  EXPECT_FALSE(is_format_control(kZwnj));
  EXPECT_TRUE(is_emoji(0x1F600));
}

TEST(OffsetMap, EditsAndCompose) {
  kurdi::OffsetMap m;
  // "aXYb" -> "aZb": [1,3) -> [1,2)
  m.add_edit(1, 3, 1, 2);
  m.finish(4, 3);
  EXPECT_EQ(m.to_input(0), 0u);
  EXPECT_EQ(m.to_input(1), 1u);
  EXPECT_EQ(m.to_input(2), 3u);
  EXPECT_EQ(m.to_input(3, kurdi::OffsetMap::Bias::kEnd), 4u);
  // Then "aZb" -> "aZZZb": [1,2) -> [1,4)
  kurdi::OffsetMap m2;
  m2.add_edit(1, 2, 1, 4);
  m2.finish(3, 5);
  auto c = kurdi::OffsetMap::compose(m, m2);
  EXPECT_EQ(c.to_input(0), 0u);
  EXPECT_EQ(c.to_input(1), 1u);
  EXPECT_EQ(c.to_input(4), 3u);
  EXPECT_EQ(c.to_input(5, kurdi::OffsetMap::Bias::kEnd), 4u);
}

TEST(LineReader, PiecesAndTerminators) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::string data = "one\r\ntwo\n\nlast";
  ASSERT_EQ(write(fds[1], data.data(), data.size()), static_cast<ssize_t>(data.size()));
  close(fds[1]);
  kurdi::LineReader r(fds[0], 64);
  kurdi::LineReader::Piece p;
  std::vector<std::string> got;
  while (r.next(p)) got.push_back(std::string(p.text) + (p.crlf ? "<CRLF>" : "") + (p.had_newline ? "<NL>" : ""));
  close(fds[0]);
  EXPECT_EQ(got, (std::vector<std::string>{"one<CRLF><NL>", "two<NL>", "<NL>", "last"}));
}

TEST(LineReader, LongLinesComeInBoundedPieces) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::string word = "کوردستان ";
  std::string line;
  while (line.size() < 5000) line += word;
  line += "\n";
  std::thread writer([&] {
    ssize_t w = write(fds[1], line.data(), line.size());
    (void)w;
    close(fds[1]);
  });
  kurdi::LineReader r(fds[0], 256);
  kurdi::LineReader::Piece p;
  std::string joined;
  size_t pieces = 0;
  while (r.next(p)) {
    EXPECT_LE(p.text.size(), 256u);
    EXPECT_TRUE(kurdi::utf8::is_valid(p.text));
    joined += p.text;
    ++pieces;
  }
  writer.join();
  close(fds[0]);
  EXPECT_GT(pieces, 10u);
  EXPECT_EQ(joined + "\n", line);
}

// The buffer starts at 1 MiB and grows for a longer line: a 3 MiB line under the default 8 MiB
// piece limit still comes whole, and the lines around it are intact.
TEST(LineReader, LineLongerThanTheFirstBufferComesWhole) {
  FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  std::string line(3u << 20, 'a');
  for (size_t k = 100; k < line.size(); k += 1000) line[k] = ' ';
  std::string data = "first\n" + line + "\nlast\n";
  ASSERT_EQ(std::fwrite(data.data(), 1, data.size(), f), data.size());
  std::fflush(f);
  std::rewind(f);
  kurdi::LineReader r(fileno(f));
  kurdi::LineReader::Piece p;
  std::vector<std::string> got;
  while (r.next(p)) {
    EXPECT_TRUE(p.end_of_line);
    got.emplace_back(p.text);
  }
  std::fclose(f);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "first");
  EXPECT_TRUE(got[1] == line) << "the long line came back with " << got[1].size() << " bytes";
  EXPECT_EQ(got[2], "last");
}

}  // namespace
