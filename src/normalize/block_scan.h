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

  // `scan`: the scanner's classes below U+0800; `twin_letter`: the code point whose word-initial
  // doubling the scanner checks (و), or 0.
  void build(const std::array<uint8_t, 0x800>& scan, char32_t twin_letter);
};

// The result of scan_blocks(): the spaces and tabs of the clean blocks it skipped, and the first
// block with a flagged position (flags == 0 when it stopped near the end of the input instead).
struct BlockScan {
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t first_space = npos, last_space = npos;  // in the skipped clean blocks
  size_t base = 0;        // window start of the flagged block: lanes 2..29 are bytes base+2 .. base+29
  uint32_t flags = 0;     // lanes needing the scanner (bit k = byte base + k)
  uint32_t spaces = 0;    // lanes holding a space or tab
  size_t next = 0;        // with flags == 0: where the scalar scanner continues
};

// Lanes of a window decided by one block: 2..29 (lanes 0-1 give the previous character, 30-31
// the next one).
inline constexpr uint32_t kDecidedLanes = 0x3FFFFFFCu;
inline constexpr size_t kBlockStep = 28;

// Scans from byte i (a character boundary, i >= 3) while a whole window fits (i + 31 <= n).
void scan_blocks(const BlockTables& t, const unsigned char* s, size_t i, size_t n, BlockScan& r);

}  // namespace kurdi::normalize_detail
