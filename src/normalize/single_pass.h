// The normalizer's single-pass kernel (AVX-512 BW + VBMI + VBMI2) for a text of many lines
// without an offset map: it reads 64 bytes at a time and writes the normalization directly. In
// the vector registers it does what most Sorani text needs:
//   - letter-for-letter substitutions (ك -> ک, ى ي -> ی ...);
//   - word-initial ر -> ڕ; ه + ZWNJ -> ە;
//   - ZWNJ under the default policy;
//   - deleted marks and tatweel after a letter, and runs of them;
//   - word-initial وو; word-final ه -> ە, with the words listed back to the caller, which checks
//     them against the /h/-word list.
// It stops, with the place, wherever anything else may be needed:
//   kChunk  a byte whose handling it does not know (a rule with a context it does not follow, a
//           three-byte character, broken UTF-8 ...): the caller rewinds the output to the start
//           of that byte's chunk (the bytes after the last space, tab or line break), runs the
//           scalar character layer (run_piece_fixed()) on the chunk, and resumes at its end.
//   kLine   a line break ends a line that may call for the convention repair (no Kurdish-only
//           letter, a byte above ASCII) or had broken UTF-8: the caller rewinds to the line's
//           start and runs normalize_line() on it.
// Chunks are independent: no rule looks across a space, tab or line break. So a chunk the kernel
// finishes is what the scalar layer would make of it, and a chunk it stops in is redone whole.
//
// Nothing here knows a letter: the tables are filled by the normalizer from its scanner's own
// classes (normalizer.cc, build_single_pass()). The reference twin is the segment path with the
// scalar scanner:
//   - NormalizeSinglePass.* compare the two on random texts and the corpora;
//   - normalize_fuzz compares the whole text with its lines one by one, and with the offset-map
//     path.
#pragma once
#include <cstddef>
#include <cstdint>

namespace kurdi::normalize_detail {

struct SinglePassTables {
  // A two-byte character with lead D8-DB is looked up by ((lead & 3) << 6 | (trail & 0x3F)).
  // cur: what it is where it stands. Bits 0-2, its type:
  enum : uint8_t {
    kPlain = 0,    // copied
    kSub = 1,      // replaced by its target everywhere
    kDel = 2,      // deleted (after a letter, not before a ZWNJ)
    kInitial = 3,  // replaced by its target at a word start (ر)
    kFinal = 4,    // nothing before a letter; before ZWNJ: replaced by its target, the ZWNJ deleted (ه)
    kTwin = 5,     // nothing but at a word start before another of it (و و)
    kScalar = 6,   // anything else the scanner does with it
  };
  static constexpr uint8_t kKurdish = 8;   // cur: a Kurdish-only letter (ە ێ ۆ ڵ ڕ ڤ)
  static constexpr uint8_t kTakesZwnj = 16;  // cur: kFinal, and the ه + ZWNJ rule is on
  static constexpr uint8_t kFinalSpec = 32;  // cur: kFinal, and the word-final rule is on (target ە)
  static constexpr uint8_t kVowel = 64;      // cur: a vowel letter for the word-initial وو rule
  alignas(64) uint8_t cur[256] = {};
  // nb: what it is to its neighbours. Bits 3-5, as the character before (kPrev*); bits 6-7, as the
  // character after (kNext*).
  enum : uint8_t { kPrevOther = 0, kPrevLetter = 1, kPrevDel = 2, kPrevUnknown = 3, kPrevTwin = 4 };
  enum : uint8_t { kNextOther = 0, kNextLetter = 1, kNextZwnj = 2, kNextTwin = 3 };
  // nb's bits 0-2, for the ZWNJ policy: joins the next letter; an Arabic letter; a word character.
  static constexpr uint8_t kJoining = 1, kArabicLetter = 2, kWordLetter = 4;
  alignas(64) uint8_t nb[256] = {};
  // act: by (type | prev << 3 | next << 6), what to do:
  // kDropAfterDrop: dropped when the character before it is (the kernel follows a run).
  // kTwinCheck: with kToScalar, و at a word start before و: the kernel looks further.
  static constexpr uint8_t kReplace = 1, kDrop = 2, kToScalar = 8, kDropAfterDrop = 16, kTwinCheck = 32;
  alignas(64) uint8_t act[256] = {};
  // tgt: the replacement, also a two-byte character with lead D8-DB, by its own index.
  alignas(64) uint8_t tgt[256] = {};
  alignas(64) uint8_t ascii_nb[128] = {};   // ASCII as a neighbour (nb's bits)
  // ASCII where it stands: 0x80 the scanner acts on it; 0x40 a space, tab or line break.
  alignas(64) uint8_t ascii_own[128] = {};
  alignas(64) uint8_t c2_scalar[64] = {};    // U+0080-U+00BF: 0x80 when the kernel leaves it to the scanner
  alignas(64) uint8_t e280_scalar[64] = {};  // U+2000-U+203F: the same
  bool line_stops = false;   // stop at lines that may call for the convention repair
  bool zwnj_smart = false;   // ZWNJ kept only between joining letters (ZwnjPolicy::kSmart)
  bool usable = false;       // filled, and the CPU has AVX-512 BW, VBMI and VBMI2
  // Lanes that may stop the kernel: all; bench/single_pass_floor clears it (the kernel's own work).
  uint64_t scalar_mask = ~uint64_t{0};
};

struct SinglePassState {
  // Carried from one window to the next (zero at a resume after a stop, which is at a space, tab
  // or line break).
  alignas(64) uint8_t prev_trail[64] = {};
  uint64_t prev_sub = 0, prev_del = 0, prev_zwnj = 0, prev_lead2 = 0, prev_lead3 = 0;
  // The current line and chunk: where they start in the input and in the output.
  size_t line_in = 0, line_out = 0, chunk_in = 0, chunk_out = 0;
  // Nonzero when the line has a Kurdish-only letter, a byte above ASCII (the lanes' bits, OR-ed).
  uint64_t line_kurdish = 0, line_high = 0;
  bool line_bad = false;
  // Output offsets of word-final ه the kernel made ە (SinglePassTables::kFinalSpec), for the
  // caller's check against the /h/-word list.
  static constexpr size_t kFinalHeh = 512;
  size_t final_heh[kFinalHeh];
  size_t final_heh_count = 0;
  void reset_carries() {
    for (uint8_t& b : prev_trail) b = 0;
    prev_sub = prev_del = prev_zwnj = prev_lead2 = prev_lead3 = 0;
  }
};

struct SinglePassStop {
  enum Kind { kNone, kChunk, kLine } kind = kNone;
  size_t at = 0;  // kChunk: the byte; kLine: the line break
};

// Runs 64-byte windows over s[0, len); a last window shorter than 64 bytes ends the text (a lead
// whose continuation would lie past it is broken). Reads s[-64, len + 72): the first window's
// masked loads reach 62 bytes back, the others 1 back and 68 ahead. `abs` is the input offset of
// s[0]; output goes to out + o (up to 64 bytes past what it keeps). Returns the output's length;
// stops at the first event (stop.kind), or after the last window (kNone).
size_t single_pass(const SinglePassTables& t, const unsigned char* s, size_t len, size_t abs, unsigned char* out,
                   size_t o, SinglePassState& st, SinglePassStop& stop);

bool cpu_has_single_pass();

}  // namespace kurdi::normalize_detail
