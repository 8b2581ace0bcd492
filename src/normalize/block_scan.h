// The normalizer's block classifier: finds, 28 bytes at a time, the few byte positions of a line
// that the chunk scanner (normalizer.cc) must look at, so that clean text costs a few vector
// instructions per block instead of a table lookup and branches per character.
//
// Nothing here knows a letter. The tables are derived at construction from the scanner's own
// per-code-point classes (`scan[]`, built from data/normalize/*.tsv), so the block classifier
// flags a superset of the positions the scalar scanner acts on: a position it does not flag is one
// where the scalar scanner would change no state except at a space or tab (chunk boundaries,
// reported separately). The scalar scanner is the reference twin; the property test
// NormalizeSimd.* compares the two on random and corpus text.
//
// Classes of a two-byte character whose lead byte is D8-DB (the Arabic block, where nearly all of
// Sorani text lives), each a 256-bit set over (lead & 3, trail & 0x3F):
//   act     always needs the scanner (a substitution, a deletion, a mark ...)
//   letter  a word character (for "is this ر at a word start?")
//   initial needs the scanner at a word start (ر)
//   twin    needs the scanner at a word start when the same letter follows (و و)
//   final   needs the scanner unless a plain letter follows (ه)
// Every other byte is classified alone: ASCII by the scanner's table, a two-byte lead outside
// D8-DB conservatively by its whole 64-character row, three- and four-byte leads, C0/C1 and stray
// continuation bytes always.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace kurdi::normalize_detail {

// Scanner classes of a code point < U+0800 (see normalizer.cc).
enum : uint8_t { sInterior = 1, sInitial = 2, sFinal = 4, sLetter = 8, sSubst = 16 };

struct BlockTables {
  enum { kAct, kLetter, kInitial, kTwin, kFinal, kClasses };
  // byte_set[0][lo]: bit (hi & 7) set when ASCII byte (hi << 4 | lo) needs the scanner;
  // byte_set[1][lo]: the same for bytes >= 0x80 (hi = 8..15). Each 16-byte table appears twice
  // (both 128-bit lanes of an AVX2 register).
  alignas(32) uint8_t byte_set[2][32] = {};
  // pair[class][lead pair][lo]: for lead D8/D9 (0) or DA/DB (1), bit ((lead & 1) << 2 | (trail >> 4 & 3))
  // of entry (trail & 15).
  alignas(32) uint8_t pair[kClasses][2][32] = {};
  bool usable = false;  // built, and the CPU has AVX2
  // The CPU has AVX-512 (F, BW): classify_patch_blocks() does two blocks per 64-byte window where
  // it can (the standard and search profiles). Tests turn it off to compare the two.
  bool avx512 = false;
  // The classifier's registers (tables and constants, 32 bytes each), laid out at build() so that a
  // call does not copy them.
  static constexpr size_t kPrepared = 14 + 2 * kClasses;
  alignas(32) uint8_t prepared[kPrepared][32] = {};

  // `scan`: the scanner's classes below U+0800; `twin_letter`: the code point whose word-initial
  // doubling the scanner checks (و), or 0.
  void build(const std::array<uint8_t, 0x800>& scan, char32_t twin_letter);

  // Letter-for-letter substitutions that classify_patch_blocks() makes while it classifies (ك -> ک,
  // ى -> ی, ي -> ی: in text typed on an Arabic keyboard they are most of the flags). They share one
  // lead byte and the high nibble of their trail, and differ in the trail's low nibble, so one
  // `vpshufb` gives each lane's replacement. The caller offers only substitutions the scanner
  // cannot tell from their result (same classes, same letter and joining flags). A patched letter
  // is not flagged.
  // Returns false (and changes nothing) for a pair that does not fit the group: another lead or
  // high nibble than the first pair added, a low nibble already taken, or a replacement outside
  // U+0080..U+07FF.
  bool add_patch(char32_t from, char32_t to);
  size_t patch_count = 0;
  // lead, trail & 0xF0, 0xF0, valid[lo], new lead[lo], new trail[lo] (32 bytes each).
  alignas(32) uint8_t patch_prepared[6][32] = {};
  // When kInitial, kTwin and kFinal each hold one letter (ر, و, ه in the standard profile), their
  // lead and trail bytes (32 bytes each, in that order): classify_patch_blocks() compares them
  // directly instead of looking them up.
  bool singles = false;
  alignas(32) uint8_t single_prepared[6][32] = {};
  // A two-byte letter followed by ZWNJ that becomes one two-byte letter wherever it stands (ه + ZWNJ
  // -> ە). classify_patch_blocks() reports where it starts and flags neither the letter nor the
  // ZWNJ; patch_letter_zwnj() writes the new letter and three kMarker bytes over the five, which the
  // caller removes from its output. The caller offers it only when the scanner does exactly that.
  static constexpr unsigned char kMarker = 0xFF;  // never in output: the scanner replaces 0xFF input
  bool set_letter_zwnj(char32_t letter, char32_t to);
  bool letter_zwnj = false;
  uint8_t letter_zwnj_to[2] = {};
  // the letter's lead and trail, E2, 80, 8C (32 bytes each)
  alignas(32) uint8_t letter_zwnj_prepared[5][32] = {};

 private:
  void prepare();  // fills `prepared` from the tables
};

// Lanes of a window decided by one block: 2..29 (lanes 0-1 give the previous character, 30-31
// the next one), i.e. 28 bytes per block.
inline constexpr size_t kBlockStep = 28;
inline constexpr uint32_t kBlockBits = 0x0FFFFFFFu;

// The bits of the last of `blocks` blocks over an n-byte line that are bytes of the line (n > 0).
inline uint32_t last_block_bits(size_t n, size_t blocks) {
  const size_t end = n - (blocks - 1) * kBlockStep;
  return end == kBlockStep ? kBlockBits : (1u << end) - 1;
}

// The padding of the copy of a line the classifier reads (spaces: a line starts and ends a word):
// enough before it for the window's look back and chunk_around()'s 32-byte search, and after it
// for the last window and a 32-byte copy past the end.
inline constexpr size_t kPadBefore = 32, kPadAfter = 64;

// Classifies consecutive blocks from byte i (i >= 3): block k covers bytes [i + 28k, i + 28k + 28);
// bit j of flags[k] / spaces[k] is byte i + 28k + j. Stops after max_blocks blocks or when the
// next block's window would read past n (needs i + 28k + 31 <= n). Returns the number of blocks.
// A flag is a fact about a byte position, so the caller may step over flagged bytes that belong
// to a character it already handled. `spaces` may be null (not computed).
size_t classify_blocks(const BlockTables& t, const unsigned char* s, size_t i, size_t n, uint32_t* flags,
                       uint32_t* spaces, size_t max_blocks);

// classify_blocks() without `spaces`, that also writes the bytes of each window, with the
// substitutions of t.add_patch() made, to `patched` (the same offsets as `s`: it is written from
// i - 2 to the end of the last window, i + 28k + 30; every byte there is written, and a byte
// written twice gets the same value). The flags of the patched letters are cleared. `patched`
// must not overlap `s`. Without patches (or AVX2) it is classify_blocks() and writes nothing.
// With t.letter_zwnj, `starts[k]` (bit j: byte i + 28k + j) gets where a letter + ZWNJ of
// t.set_letter_zwnj() starts; `starts` may be null otherwise.
size_t classify_patch_blocks(const BlockTables& t, const unsigned char* s, unsigned char* patched, size_t i,
                             size_t n, uint32_t* flags, uint32_t* starts, size_t max_blocks);

// Writes t.letter_zwnj_to and three BlockTables::kMarker bytes at each start of `starts[0..blocks)`
// (bit j of starts[k]: byte 28k + j of `patched`). Returns how many. With AVX-512 it rewrites 64
// bytes from each pair of blocks with a start (unchanged but for the patches): `patched` must
// have 64 bytes from the last block's start (the padded copy has).
size_t patch_letter_zwnj(const BlockTables& t, unsigned char* patched, const uint32_t* starts, size_t blocks);

// Removes every BlockTables::kMarker byte of s[0, n) in place (64 bytes at a time with a byte
// compress where the CPU has AVX-512 VBMI2, else 32 with a shuffle per 8 bytes); returns the new
// length. Reads and may write up to 63 bytes past n: `s` must have room (the bytes there are
// left unspecified).
size_t remove_markers(unsigned char* s, size_t n);

// The chunk (bytes between spaces and tabs) around byte `at` of `s`, which is not a space or tab:
// [begin, end), begin the byte after the last space or tab before `at`, end the first one from it.
// `s` must have a space at or after its end and 32 bytes before it with a space (a padded copy):
// the search reads 32 bytes at a time and stops at the first space or tab in each direction.
void chunk_around(const BlockTables& t, const unsigned char* s, size_t at, size_t& begin, size_t& end);

}  // namespace kurdi::normalize_detail
