#include "normalize/block_scan.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define KURDI_BLOCK_SCAN_X86 1
#endif

namespace kurdi::normalize_detail {
namespace {

constexpr uint8_t kActing = sInterior | sInitial | sFinal | sSubst;

void set_byte(uint8_t (&table)[2][32], unsigned b) {
  unsigned which = b >> 7, lo = b & 15, bit = (b >> 4) & 7;
  table[which][lo] |= static_cast<uint8_t>(1u << bit);
  table[which][lo + 16] |= static_cast<uint8_t>(1u << bit);
}

void set_pair(uint8_t (&table)[2][32], unsigned lead, unsigned trail) {
  unsigned which = (lead >> 1) & 1, lo = trail & 15, bit = ((lead & 1) << 2) | ((trail >> 4) & 3);
  table[which][lo] |= static_cast<uint8_t>(1u << bit);
  table[which][lo + 16] |= static_cast<uint8_t>(1u << bit);
}

bool cpu_has_avx2() {
#if KURDI_BLOCK_SCAN_X86
  __builtin_cpu_init();  // a Normalizer built by a static constructor may run before libgcc's
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

bool cpu_has_avx512vbmi2() {
#if KURDI_BLOCK_SCAN_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512vbmi2");
#else
  return false;
#endif
}

bool cpu_has_avx512bw() {
#if KURDI_BLOCK_SCAN_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
#else
  return false;
#endif
}

// Whether any of p[0..7] is not zero.
inline bool any_nonzero8(const uint32_t* p) {
  uint64_t a, b, c, d;
  std::memcpy(&a, p, 8);
  std::memcpy(&b, p + 2, 8);
  std::memcpy(&c, p + 4, 8);
  std::memcpy(&d, p + 6, 8);
  return (a | b | c | d) != 0;
}

// The classifier's registers, in the order of BlockTables::prepared.
struct Prepared {
  uint8_t byte_ascii[32], byte_high[32], bits[32], low_nibble[32], three[32], four[32], c0[32], x80[32], e0[32],
      fc[32], d8[32], space[32], tab[32], f0[32];
  uint8_t pair[BlockTables::kClasses][2][32];
};
static_assert(sizeof(Prepared) == sizeof(BlockTables::prepared));

}  // namespace

void BlockTables::prepare() {
  Prepared p;
  std::memcpy(p.byte_ascii, byte_set[0], 32);
  std::memcpy(p.byte_high, byte_set[1], 32);
  static const uint8_t kBits[16] = {1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0};
  std::memcpy(p.bits, kBits, 16);
  std::memcpy(p.bits + 16, kBits, 16);
  std::memset(p.low_nibble, 0x0F, 32);
  std::memset(p.three, 3, 32);
  std::memset(p.four, 4, 32);
  std::memset(p.c0, 0xC0, 32);
  std::memset(p.x80, 0x80, 32);
  std::memset(p.e0, 0xE0, 32);
  std::memset(p.fc, 0xFC, 32);
  std::memset(p.d8, 0xD8, 32);
  std::memset(p.space, ' ', 32);
  std::memset(p.tab, '\t', 32);
  std::memset(p.f0, 0xF0, 32);
  std::memcpy(p.pair, pair, sizeof p.pair);
  std::memcpy(prepared, &p, sizeof p);
}

void BlockTables::build(const std::array<uint8_t, 0x800>& scan, char32_t twin_letter) {
  for (unsigned b = 0; b < 256; ++b) {
    bool flag = false;
    if (b < 0x80) flag = b != ' ' && b != '\t' && (scan[b] & kActing);
    else if (b < 0xC0) flag = false;  // continuation bytes: checked against the byte before them
    else if (b < 0xC2 || b >= 0xE0) flag = true;  // C0/C1 (never valid), three- and four-byte leads
    else if (b >= 0xD8 && b <= 0xDB) flag = false;  // classified as pairs below
    else {
      char32_t row = static_cast<char32_t>(b & 0x1F) << 6;
      for (char32_t c = row; c < row + 64; ++c) flag = flag || (scan[c] & kActing);
    }
    if (flag) set_byte(byte_set, b);
  }
  unsigned members[kClasses] = {};
  uint8_t member_bytes[kClasses][2] = {};
  auto add = [&](int cls, unsigned lead, unsigned trail) {
    set_pair(pair[cls], lead, trail);
    ++members[cls];
    member_bytes[cls][0] = static_cast<uint8_t>(lead);
    member_bytes[cls][1] = static_cast<uint8_t>(trail);
  };
  for (unsigned lead = 0xD8; lead <= 0xDB; ++lead) {
    for (unsigned trail = 0x80; trail < 0xC0; ++trail) {
      char32_t c = (static_cast<char32_t>(lead & 0x1F) << 6) | (trail & 0x3F);
      uint8_t sc = scan[c];
      bool act = sc & (sInterior | sSubst);
      if (act) add(kAct, lead, trail);
      if (sc & sLetter) add(kLetter, lead, trail);
      if (!act && (sc & sInitial)) add(c == twin_letter ? kTwin : kInitial, lead, trail);
      if (!act && !(sc & sInitial) && (sc & sFinal)) add(kFinal, lead, trail);
    }
  }
  singles = members[kInitial] == 1 && members[kTwin] == 1 && members[kFinal] == 1;
  if (singles) {
    const int order[3] = {kInitial, kTwin, kFinal};
    for (int k = 0; k < 3; ++k) {
      std::memset(single_prepared[2 * k], member_bytes[order[k]][0], 32);
      std::memset(single_prepared[2 * k + 1], member_bytes[order[k]][1], 32);
    }
  }
  prepare();
  usable = cpu_has_avx2();
  avx512 = usable && cpu_has_avx512bw();
}

bool BlockTables::add_patch(char32_t from, char32_t to) {
  if (from < 0x80 || from >= 0x800 || to < 0x80 || to >= 0x800) return false;
  const uint8_t lead = static_cast<uint8_t>(0xC0 | (from >> 6)), trail = static_cast<uint8_t>(0x80 | (from & 0x3F));
  const unsigned lo = trail & 15;
  if (patch_count && (patch_prepared[0][0] != lead || patch_prepared[1][0] != (trail & 0xF0))) return false;
  if (patch_prepared[3][lo]) return false;
  const uint8_t values[6] = {lead, static_cast<uint8_t>(trail & 0xF0), 0xF0, 0xFF,
                             static_cast<uint8_t>(0xC0 | (to >> 6)), static_cast<uint8_t>(0x80 | (to & 0x3F))};
  for (int r = 0; r < 3; ++r) std::memset(patch_prepared[r], values[r], 32);
  for (int r = 3; r < 6; ++r) patch_prepared[r][lo] = patch_prepared[r][lo + 16] = values[r];
  ++patch_count;
  return true;
}

bool BlockTables::set_letter_zwnj(char32_t letter, char32_t to) {
  if (letter < 0x80 || letter >= 0x800 || to < 0x80 || to >= 0x800) return false;
  const uint8_t bytes[5] = {static_cast<uint8_t>(0xC0 | (letter >> 6)), static_cast<uint8_t>(0x80 | (letter & 0x3F)),
                            0xE2, 0x80, 0x8C};
  for (int r = 0; r < 5; ++r) std::memset(letter_zwnj_prepared[r], bytes[r], 32);
  letter_zwnj_to[0] = static_cast<uint8_t>(0xC0 | (to >> 6));
  letter_zwnj_to[1] = static_cast<uint8_t>(0x80 | (to & 0x3F));
  letter_zwnj = true;
  return true;
}

#if KURDI_BLOCK_SCAN_X86
namespace {
// patch_letter_zwnj() two blocks at a time: one 64-byte load, three blends by the starts' masks
// (the letter's lead, its trail, the ZWNJ's three bytes) and one store. A start in the second
// block's last lanes writes its ZWNJ up to lane 63, inside the padding after the line at worst.
__attribute__((target("avx512f,avx512bw"))) size_t patch_letter_zwnj_avx512(const BlockTables& t,
                                                                            unsigned char* patched,
                                                                            const uint32_t* starts, size_t blocks) {
  const __m512i to0 = _mm512_set1_epi8(static_cast<char>(t.letter_zwnj_to[0]));
  const __m512i to1 = _mm512_set1_epi8(static_cast<char>(t.letter_zwnj_to[1]));
  const __m512i marker = _mm512_set1_epi8(static_cast<char>(BlockTables::kMarker));
  size_t count = 0;
  for (size_t k = 0; k < blocks; k += 2) {
    while (k + 8 <= blocks && !any_nonzero8(starts + k)) k += 8;
    if (k >= blocks) break;
    const uint64_t m = starts[k] | (k + 1 < blocks ? static_cast<uint64_t>(starts[k + 1]) << kBlockStep : 0);
    if (!m) continue;
    unsigned char* const p = patched + k * kBlockStep;
    __m512i v = _mm512_loadu_si512(p);
    v = _mm512_mask_blend_epi8(m, v, to0);
    v = _mm512_mask_blend_epi8(m << 1, v, to1);
    v = _mm512_mask_blend_epi8((m << 2) | (m << 3) | (m << 4), v, marker);
    _mm512_storeu_si512(p, v);
    count += static_cast<size_t>(__builtin_popcountll(m));
  }
  return count;
}
}  // namespace
#endif

size_t patch_letter_zwnj(const BlockTables& t, unsigned char* patched, const uint32_t* starts, size_t blocks) {
#if KURDI_BLOCK_SCAN_X86
  if (t.avx512) return patch_letter_zwnj_avx512(t, patched, starts, blocks);
#endif
  size_t count = 0;
  // The new letter's bytes in registers: read from `t` after each store to `patched`, which the
  // compiler cannot tell apart from `t`, they were loaded again for every letter.
  const unsigned char to0 = t.letter_zwnj_to[0], to1 = t.letter_zwnj_to[1];
  for (size_t k = 0; k < blocks; ++k) {
    // Most text has no letter + ZWNJ at all: eight blocks without one are skipped at once.
    while (k + 8 <= blocks && !any_nonzero8(starts + k)) k += 8;
    if (k >= blocks) break;
    for (uint32_t m = starts[k]; m; m &= m - 1) {
      unsigned char* p = patched + k * kBlockStep + static_cast<size_t>(__builtin_ctz(m));
      p[0] = to0;
      p[1] = to1;
      p[2] = p[3] = p[4] = BlockTables::kMarker;
      ++count;
    }
  }
  return count;
}

#if KURDI_BLOCK_SCAN_X86
namespace {

// BlockTables::prepared as registers (the layout of Prepared).
struct Vectors {
  __m256i byte_ascii, byte_high, bits, low_nibble, three, four, c0, x80, e0, fc, d8, space, tab, f0;
  __m256i pair[BlockTables::kClasses][2];
};
static_assert(sizeof(Vectors) == sizeof(BlockTables::prepared));

__attribute__((target("avx2"))) inline __m256i load32(const unsigned char* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// Lanes where (x & mask) == value.
__attribute__((target("avx2"))) inline uint32_t masked_equal(__m256i x, __m256i mask, __m256i value) {
  return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(x, mask), value)));
}

// Membership of each lane's (lead, trail) in one pair class (valid only where the lead is D8-DB).
__attribute__((target("avx2"))) inline uint32_t pair_mask(const __m256i (&table)[2], __m256i idx, __m256i select_hi,
                                                          __m256i bit) {
  __m256i lo = _mm256_shuffle_epi8(table[0], idx);
  __m256i hi = _mm256_shuffle_epi8(table[1], idx);
  __m256i t = _mm256_blendv_epi8(lo, hi, select_hi);
  return static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(t, bit), bit)));
}

// Flags (bit k: byte w + k) of the window w[0..31]; reads w[32] too.
// The patch group (BlockTables::patch_prepared) as registers.
struct PatchVectors {
  __m256i lead, trail_hi, f0, valid, new_lead, new_trail;
};

// Lanes of the window w[0..31] where a patched letter starts (b0 = w[0..31], b1 = w[1..32]).
__attribute__((target("avx2"))) inline __m256i patch_leads(const PatchVectors& pv, __m256i b0, __m256i b1,
                                                           __m256i lo1) {
  return _mm256_and_si256(
      _mm256_and_si256(_mm256_cmpeq_epi8(b0, pv.lead), _mm256_cmpeq_epi8(_mm256_and_si256(b1, pv.f0), pv.trail_hi)),
      _mm256_shuffle_epi8(pv.valid, lo1));
}

static_assert(sizeof(PatchVectors) == sizeof(BlockTables::patch_prepared));

// BlockTables::single_prepared as registers.
struct SingleVectors {
  __m256i initial_lead, initial_trail, twin_lead, twin_trail, final_lead, final_trail;
};
static_assert(sizeof(SingleVectors) == sizeof(BlockTables::single_prepared));

__attribute__((target("avx2"))) inline uint32_t pair_equal(__m256i b0, __m256i b1, __m256i lead, __m256i trail) {
  return static_cast<uint32_t>(
      _mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(b0, lead), _mm256_cmpeq_epi8(b1, trail))));
}

// BlockTables::letter_zwnj_prepared as registers.
struct LetterZwnjVectors {
  __m256i lead, trail, e2, x80, x8c;
};
static_assert(sizeof(LetterZwnjVectors) == sizeof(BlockTables::letter_zwnj_prepared));

template <bool kSpaces, bool kPatch = false, bool kLetterZwnj = false, bool kSingles = false>
__attribute__((target("avx2"))) inline uint32_t block_flags(const Vectors& v, const unsigned char* w,
                                                            uint32_t& spaces, const PatchVectors* pv = nullptr,
                                                            unsigned char* patched = nullptr,
                                                            const LetterZwnjVectors* lz = nullptr,
                                                            uint32_t* lz_starts = nullptr,
                                                            const SingleVectors* sv = nullptr) {
  const __m256i b0 = load32(w), b1 = load32(w + 1);
  // Single bytes: the scanner's ASCII table, C0/C1, three- and four-byte leads, acting rows.
  __m256i hi3 = _mm256_and_si256(_mm256_srli_epi16(b0, 4), _mm256_set1_epi8(7));
  __m256i bit = _mm256_shuffle_epi8(v.bits, hi3);
  __m256i lo = _mm256_and_si256(b0, v.low_nibble);
  __m256i set = _mm256_blendv_epi8(_mm256_shuffle_epi8(v.byte_ascii, lo), _mm256_shuffle_epi8(v.byte_high, lo), b0);
  uint32_t m_byte = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(set, bit), bit)));
  // UTF-8 structure: a two-byte lead needs a continuation after it; a continuation needs a
  // two-byte lead before it, or a three-byte lead one or two bytes before it (with a continuation
  // between). The three-byte lead is flagged itself: the scanner takes the whole character there
  // (a ZWNJ) or sends the chunk to run_piece(), so its continuations need no flag of their own.
  // Lanes 0-1 only give context, so masks shifted left by up to two lanes are exact on lanes 2..29.
  // Continuation bytes 80-BF are the signed bytes below C0 (-64): one compare each.
  uint32_t m_cont0 = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpgt_epi8(v.c0, b0)));
  uint32_t m_cont1 = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpgt_epi8(v.c0, b1)));  // lane 31 (byte 32) included: lane 29 looks two ahead
  uint32_t m_lead2 = masked_equal(b0, v.e0, v.c0);
  uint32_t m_lead3 = masked_equal(b0, v.f0, v.e0);
  uint32_t m_bad = (m_lead2 & ~m_cont1) |
                   (m_cont0 & ~((m_lead2 << 1) | (m_lead3 << 1) | ((m_lead3 << 2) & (m_cont0 << 1))));
  // Two-byte characters of the Arabic block, by class.
  uint32_t m_arabic = masked_equal(b0, v.fc, v.d8) & m_cont1;
  __m256i idx = _mm256_and_si256(b1, v.low_nibble);
  __m256i sel = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(b1, 4), v.three),
                                _mm256_and_si256(_mm256_slli_epi16(b0, 2), v.four));
  __m256i pbit = _mm256_shuffle_epi8(v.bits, sel);
  __m256i select_hi = _mm256_slli_epi16(b0, 6);  // top bit of each byte = bit 1 of the lead (DA/DB)
  uint32_t act = pair_mask(v.pair[BlockTables::kAct], idx, select_hi, pbit) & m_arabic;
  if constexpr (kPatch) {
    // Every lane of the window is written: the lead of a patched letter gets its new lead, the
    // trail its new trail (the trail of lane 0 from the byte before the window), so windows that
    // overlap write the same bytes. A patched letter is no flag, and counts as the plain letter it
    // becomes for the ه before it.
    const __m256i bm1 = load32(w - 1);
    const __m256i leads = patch_leads(*pv, b0, b1, idx);
    const __m256i trails = patch_leads(*pv, bm1, b0, lo);
    __m256i out = _mm256_blendv_epi8(b0, _mm256_shuffle_epi8(pv->new_lead, idx), leads);
    out = _mm256_blendv_epi8(out, _mm256_shuffle_epi8(pv->new_trail, lo), trails);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(patched), out);
    act &= ~static_cast<uint32_t>(_mm256_movemask_epi8(leads));
  }
  uint32_t letter = pair_mask(v.pair[BlockTables::kLetter], idx, select_hi, pbit) & m_arabic;
  uint32_t initial, twin, final;
  if constexpr (kSingles) {
    initial = pair_equal(b0, b1, sv->initial_lead, sv->initial_trail);
    twin = pair_equal(b0, b1, sv->twin_lead, sv->twin_trail);
    final = pair_equal(b0, b1, sv->final_lead, sv->final_trail);
  } else {
    initial = pair_mask(v.pair[BlockTables::kInitial], idx, select_hi, pbit) & m_arabic;
    twin = pair_mask(v.pair[BlockTables::kTwin], idx, select_hi, pbit) & m_arabic;
    final = pair_mask(v.pair[BlockTables::kFinal], idx, select_hi, pbit) & m_arabic;
  }
  // Context: the character before lane k starts at lane k-2, the next one at k+2 (both two-byte
  // Arabic-block characters when these bits are set; anything else counts as "not a letter").
  uint32_t after_letter = letter << 2;
  uint32_t before_plain = (letter & ~act) >> 2;
  uint32_t flags = m_byte | m_bad | act | (initial & ~after_letter) | (twin & ~after_letter & (twin >> 2)) |
                   (final & ~before_plain);
  if constexpr (kLetterZwnj) {
    // The letter at lane k and a ZWNJ at k + 2 (exact for k <= 29): neither is a flag (the ZWNJ's
    // lead is flagged as a three-byte lead otherwise); the caller patches them after the line.
    const __m256i b2 = load32(w + 2);
    const uint32_t letter_at = static_cast<uint32_t>(
        _mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(b0, lz->lead), _mm256_cmpeq_epi8(b1, lz->trail))));
    const uint32_t zwnj_at = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(b0, lz->e2), _mm256_cmpeq_epi8(b1, lz->x80)), _mm256_cmpeq_epi8(b2, lz->x8c))));
    const uint32_t starts = letter_at & (zwnj_at >> 2);
    flags &= ~(starts | (starts << 2));
    *lz_starts = starts;
  }
  if (kSpaces)
    spaces = static_cast<uint32_t>(
        _mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(b0, v.space), _mm256_cmpeq_epi8(b0, v.tab))));
  return flags;
}

__attribute__((target("avx2"))) size_t classify_avx2(const BlockTables& t, const unsigned char* s, size_t i,
                                                     size_t n, uint32_t* flags, uint32_t* spaces, size_t max_blocks) {
  // __m256i may alias: the prepared bytes are read as vectors in place, not copied.
  const Vectors& v = *reinterpret_cast<const Vectors*>(t.prepared);
  size_t k = 0;
  if (!spaces) {  // the caller finds chunks by itself
    for (; k < max_blocks && i + 31 <= n; ++k, i += kBlockStep) {
      uint32_t sp;
      flags[k] = (block_flags<false>(v, s + i - 2, sp) >> 2) & kBlockBits;
    }
    return k;
  }
  for (; k < max_blocks && i + 31 <= n; ++k, i += kBlockStep) {
    uint32_t sp;
    flags[k] = (block_flags<true>(v, s + i - 2, sp) >> 2) & kBlockBits;
    spaces[k] = (sp >> 2) & kBlockBits;
  }
  return k;
}

__attribute__((target("avx2"))) size_t classify_patch_avx2(const BlockTables& t, const unsigned char* s,
                                                           unsigned char* patched, size_t i, size_t n,
                                                           uint32_t* flags, uint32_t* starts, size_t max_blocks) {
  const Vectors& v = *reinterpret_cast<const Vectors*>(t.prepared);
  const PatchVectors& pv = *reinterpret_cast<const PatchVectors*>(t.patch_prepared);
  const LetterZwnjVectors& lz = *reinterpret_cast<const LetterZwnjVectors*>(t.letter_zwnj_prepared);
  const SingleVectors& sv = *reinterpret_cast<const SingleVectors*>(t.single_prepared);
  size_t k = 0;
  if (t.letter_zwnj && t.singles) {  // the standard and search profiles
    for (; k < max_blocks && i + 31 <= n; ++k, i += kBlockStep) {
      uint32_t sp, st;
      flags[k] = (block_flags<false, true, true, true>(v, s + i - 2, sp, &pv, patched + i - 2, &lz, &st, &sv) >> 2) &
                 kBlockBits;
      starts[k] = (st >> 2) & kBlockBits;
    }
    return k;
  }
  if (t.letter_zwnj) {
    for (; k < max_blocks && i + 31 <= n; ++k, i += kBlockStep) {
      uint32_t sp, st;
      flags[k] = (block_flags<false, true, true>(v, s + i - 2, sp, &pv, patched + i - 2, &lz, &st) >> 2) & kBlockBits;
      starts[k] = (st >> 2) & kBlockBits;
    }
    return k;
  }
  for (; k < max_blocks && i + 31 <= n; ++k, i += kBlockStep) {
    uint32_t sp;
    flags[k] = (block_flags<false, true>(v, s + i - 2, sp, &pv, patched + i - 2) >> 2) & kBlockBits;
  }
  return k;
}

#define KURDI_AVX512 __attribute__((target("avx512f,avx512bw")))

// A 32-byte prepared register (two copies of a 16-byte table, or a byte repeated) as 64 bytes.
KURDI_AVX512 inline __m512i wide(const uint8_t* p32) {
  return _mm512_maskz_broadcast_i64x4(static_cast<__mmask8>(0xFF), _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p32)));
}

// The vectors of block_flags<false, true, true, true>() at 64 bytes.
struct Vectors512 {
  __m512i byte_ascii, byte_high, bits, low_nibble, three, four, fc, d8, seven;
  __m512i pair_act[2], pair_letter[2];
  __m512i p_lead, p_trail_hi, p_f0, p_valid, p_new_lead, p_new_trail;
  __m512i s_initial_lead, s_initial_trail, s_twin_lead, s_twin_trail, s_final_lead, s_final_trail;
  __m512i z_lead, z_trail, z_e2, z_x80, z_x8c;
  KURDI_AVX512 explicit Vectors512(const BlockTables& t) {
    const Prepared& p = *reinterpret_cast<const Prepared*>(t.prepared);
    byte_ascii = wide(p.byte_ascii);
    byte_high = wide(p.byte_high);
    bits = wide(p.bits);
    low_nibble = wide(p.low_nibble);
    three = wide(p.three);
    four = wide(p.four);
    fc = wide(p.fc);
    d8 = wide(p.d8);
    seven = _mm512_set1_epi8(7);
    for (int h = 0; h < 2; ++h) {
      pair_act[h] = wide(p.pair[BlockTables::kAct][h]);
      pair_letter[h] = wide(p.pair[BlockTables::kLetter][h]);
    }
    p_lead = wide(t.patch_prepared[0]);
    p_trail_hi = wide(t.patch_prepared[1]);
    p_f0 = wide(t.patch_prepared[2]);
    p_valid = wide(t.patch_prepared[3]);
    p_new_lead = wide(t.patch_prepared[4]);
    p_new_trail = wide(t.patch_prepared[5]);
    s_initial_lead = wide(t.single_prepared[0]);
    s_initial_trail = wide(t.single_prepared[1]);
    s_twin_lead = wide(t.single_prepared[2]);
    s_twin_trail = wide(t.single_prepared[3]);
    s_final_lead = wide(t.single_prepared[4]);
    s_final_trail = wide(t.single_prepared[5]);
    z_lead = wide(t.letter_zwnj_prepared[0]);
    z_trail = wide(t.letter_zwnj_prepared[1]);
    z_e2 = wide(t.letter_zwnj_prepared[2]);
    z_x80 = wide(t.letter_zwnj_prepared[3]);
    z_x8c = wide(t.letter_zwnj_prepared[4]);
  }
};

KURDI_AVX512 inline __m512i load64(const unsigned char* p) { return _mm512_loadu_si512(p); }

// Membership of each lane's (lead, trail) in one pair class (valid only where the lead is D8-DB).
KURDI_AVX512 inline uint64_t pair_mask512(const __m512i (&table)[2], __m512i idx, __mmask64 select_hi, __m512i bit) {
  const __m512i t = _mm512_mask_blend_epi8(select_hi, _mm512_shuffle_epi8(table[0], idx),
                                           _mm512_shuffle_epi8(table[1], idx));
  return _mm512_test_epi8_mask(t, bit);  // `bit` has exactly one bit set
}

// block_flags<false, true, true, true>() on a 64-byte window w[0..63] (reads w[-1..65]): the
// same computation lane for lane, exact on lanes 2..61 (lanes 0-1 give the previous character).
KURDI_AVX512 inline uint64_t block_flags512(const Vectors512& v, const unsigned char* w, unsigned char* patched,
                                            uint64_t& lz_starts) {
  const __m512i b0 = load64(w), b1 = load64(w + 1);
  const __m512i hi3 = _mm512_and_si512(_mm512_srli_epi16(b0, 4), v.seven);
  const __m512i bit = _mm512_shuffle_epi8(v.bits, hi3);
  const __m512i lo = _mm512_and_si512(b0, v.low_nibble);
  const __m512i set = _mm512_mask_blend_epi8(_mm512_movepi8_mask(b0), _mm512_shuffle_epi8(v.byte_ascii, lo),
                                             _mm512_shuffle_epi8(v.byte_high, lo));
  const uint64_t m_byte = _mm512_test_epi8_mask(set, bit);
  // UTF-8 structure (see block_flags()).
  const __m512i c0 = _mm512_set1_epi8(static_cast<char>(0xC0));
  const uint64_t m_cont0 = _mm512_cmpgt_epi8_mask(c0, b0);
  const uint64_t m_cont1 = _mm512_cmpgt_epi8_mask(c0, b1);
  const uint64_t m_lead2 = _mm512_cmpeq_epi8_mask(_mm512_and_si512(b0, _mm512_set1_epi8(static_cast<char>(0xE0))), c0);
  const uint64_t m_lead3 = _mm512_cmpeq_epi8_mask(_mm512_and_si512(b0, _mm512_set1_epi8(static_cast<char>(0xF0))),
                                                  _mm512_set1_epi8(static_cast<char>(0xE0)));
  const uint64_t m_bad = (m_lead2 & ~m_cont1) |
                         (m_cont0 & ~((m_lead2 << 1) | (m_lead3 << 1) | ((m_lead3 << 2) & (m_cont0 << 1))));
  const uint64_t m_arabic = _mm512_cmpeq_epi8_mask(_mm512_and_si512(b0, v.fc), v.d8) & m_cont1;
  const __m512i idx = _mm512_and_si512(b1, v.low_nibble);
  const __m512i sel = _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi16(b1, 4), v.three),
                                      _mm512_and_si512(_mm512_slli_epi16(b0, 2), v.four));
  const __m512i pbit = _mm512_shuffle_epi8(v.bits, sel);
  const __mmask64 select_hi = _mm512_movepi8_mask(_mm512_slli_epi16(b0, 6));
  uint64_t act = pair_mask512(v.pair_act, idx, select_hi, pbit) & m_arabic;
  // The patches (see block_flags()).
  const __m512i bm1 = load64(w - 1);
  const __mmask64 leads = _mm512_cmpeq_epi8_mask(b0, v.p_lead) &
                          _mm512_cmpeq_epi8_mask(_mm512_and_si512(b1, v.p_f0), v.p_trail_hi) &
                          _mm512_movepi8_mask(_mm512_shuffle_epi8(v.p_valid, idx));
  const __mmask64 trails = _mm512_cmpeq_epi8_mask(bm1, v.p_lead) &
                           _mm512_cmpeq_epi8_mask(_mm512_and_si512(b0, v.p_f0), v.p_trail_hi) &
                           _mm512_movepi8_mask(_mm512_shuffle_epi8(v.p_valid, lo));
  __m512i out = _mm512_mask_blend_epi8(leads, b0, _mm512_shuffle_epi8(v.p_new_lead, idx));
  out = _mm512_mask_blend_epi8(trails, out, _mm512_shuffle_epi8(v.p_new_trail, lo));
  _mm512_storeu_si512(patched, out);
  act &= ~static_cast<uint64_t>(leads);
  const uint64_t letter = pair_mask512(v.pair_letter, idx, select_hi, pbit) & m_arabic;
  const uint64_t initial = _mm512_cmpeq_epi8_mask(b0, v.s_initial_lead) & _mm512_cmpeq_epi8_mask(b1, v.s_initial_trail);
  const uint64_t twin = _mm512_cmpeq_epi8_mask(b0, v.s_twin_lead) & _mm512_cmpeq_epi8_mask(b1, v.s_twin_trail);
  const uint64_t final = _mm512_cmpeq_epi8_mask(b0, v.s_final_lead) & _mm512_cmpeq_epi8_mask(b1, v.s_final_trail);
  const uint64_t after_letter = letter << 2;
  const uint64_t before_plain = (letter & ~act) >> 2;
  uint64_t flags = m_byte | m_bad | act | (initial & ~after_letter) | (twin & ~after_letter & (twin >> 2)) |
                   (final & ~before_plain);
  // Letter + ZWNJ (see block_flags()).
  const __m512i b2 = load64(w + 2);
  const uint64_t letter_at = _mm512_cmpeq_epi8_mask(b0, v.z_lead) & _mm512_cmpeq_epi8_mask(b1, v.z_trail);
  const uint64_t zwnj_at = _mm512_cmpeq_epi8_mask(b0, v.z_e2) & _mm512_cmpeq_epi8_mask(b1, v.z_x80) &
                           _mm512_cmpeq_epi8_mask(b2, v.z_x8c);
  const uint64_t starts = letter_at & (zwnj_at >> 2);
  flags &= ~(starts | (starts << 2));
  lz_starts = starts;
  return flags;
}

// classify_patch_avx2() for the standard and search profiles (patches, letter + ZWNJ, single
// initial/twin/final letters), two blocks (56 bytes) per 64-byte window. Returns the number of
// blocks done (even; the caller does the rest with AVX2).
KURDI_AVX512 size_t classify_patch_avx512(const BlockTables& t, const unsigned char* s, unsigned char* patched,
                                          size_t i, size_t n, uint32_t* flags, uint32_t* starts,
                                          size_t max_blocks) {
  const Vectors512 v(t);
  size_t k = 0;
  // The window of blocks k, k+1 is s[i - 2, i + 62), and reads s[i - 3, i + 64).
  for (; k + 2 <= max_blocks && i + 64 <= n; k += 2, i += 2 * kBlockStep) {
    uint64_t st;
    const uint64_t f = block_flags512(v, s + i - 2, patched + i - 2, st);
    flags[k] = static_cast<uint32_t>(f >> 2) & kBlockBits;
    flags[k + 1] = static_cast<uint32_t>(f >> (2 + kBlockStep)) & kBlockBits;
    starts[k] = static_cast<uint32_t>(st >> 2) & kBlockBits;
    starts[k + 1] = static_cast<uint32_t>(st >> (2 + kBlockStep)) & kBlockBits;
  }
  return k;
}
#undef KURDI_AVX512

}  // namespace
#endif

#if KURDI_BLOCK_SCAN_X86
namespace {
// Bit k: byte p[k] is a space or tab.
__attribute__((target("avx2"))) inline uint32_t space_mask(const unsigned char* p) {
  const __m256i x = load32(p);
  return static_cast<uint32_t>(_mm256_movemask_epi8(
      _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' ')), _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\t')))));
}

__attribute__((target("avx2"))) void chunk_around_avx2(const unsigned char* s, size_t at, size_t& begin,
                                                       size_t& end) {
  size_t b = at;
  uint32_t m;
  while (!(m = space_mask(s + b - 32))) b -= 32;
  begin = b - 32 + (31 - static_cast<size_t>(__builtin_clz(m))) + 1;
  size_t e = at;
  while (!(m = space_mask(s + e))) e += 32;
  end = e + static_cast<size_t>(__builtin_ctz(m));
}
}  // namespace
#endif

size_t classify_patch_blocks(const BlockTables& t, const unsigned char* s, unsigned char* patched, size_t i,
                             size_t n, uint32_t* flags, uint32_t* starts, size_t max_blocks) {
#if KURDI_BLOCK_SCAN_X86
  if (t.usable && (t.patch_count || t.letter_zwnj)) {
    size_t k = 0;
    // (a line of one block would pay for the 64-byte tables and use none of them)
    if (t.avx512 && t.patch_count && t.letter_zwnj && t.singles && max_blocks >= 2)
      k = classify_patch_avx512(t, s, patched, i, n, flags, starts, max_blocks);
    return k + classify_patch_avx2(t, s, patched, i + k * kBlockStep, n, flags + k, starts ? starts + k : nullptr,
                                   max_blocks - k);
  }
#endif
  (void)patched;
  (void)starts;
  return classify_blocks(t, s, i, n, flags, nullptr, max_blocks);
}

#if KURDI_BLOCK_SCAN_X86
namespace {
// For each 8-bit mask of bytes to drop: the shuffle that packs the kept bytes of 8 to the front.
struct PackTable {
  alignas(16) uint8_t index[256][16];
  uint8_t kept[256];
  PackTable() {
    for (unsigned m = 0; m < 256; ++m) {
      unsigned k = 0;
      for (unsigned b = 0; b < 8; ++b)
        if (!(m >> b & 1)) index[m][k++] = static_cast<uint8_t>(b);
      kept[m] = static_cast<uint8_t>(k);
      for (unsigned j = k; j < 16; ++j) index[m][j] = 0x80;
    }
  }
};
const PackTable kPack;

__attribute__((target("avx2"))) size_t remove_markers_avx2(unsigned char* s, size_t n) {
  const __m256i marker = _mm256_set1_epi8(static_cast<char>(BlockTables::kMarker));
  size_t r = 0, w = 0;
  // Each 32 bytes are loaded before anything is stored, and the writes stay behind the reads
  // (w <= r), so a store never overwrites a byte not yet read.
  for (; r < n; r += 32) {
    const __m256i v = load32(s + r);
    uint32_t m = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, marker)));
    if (n - r < 32) m &= (1u << (n - r)) - 1;  // past n every byte counts as kept: taken off at the end
    if (!m) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(s + w), v);
      w += 32;
      continue;
    }
    alignas(32) uint8_t bytes[32];
    _mm256_store_si256(reinterpret_cast<__m256i*>(bytes), v);
    for (int g = 0; g < 4; ++g) {
      const unsigned gm = (m >> (8 * g)) & 0xFF;
      const __m128i x = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(bytes + 8 * g));
      const __m128i packed = _mm_shuffle_epi8(x, _mm_load_si128(reinterpret_cast<const __m128i*>(kPack.index[gm])));
      _mm_storel_epi64(reinterpret_cast<__m128i*>(s + w), packed);
      w += kPack.kept[gm];
    }
  }
  // The last 32 bytes may reach past n: the r - n bytes packed from there are not part of the result.
  return w - (r - n);
}

// remove_markers_avx2() 64 bytes at a time with one byte compress (AVX-512 VBMI2). The bytes
// before the first marker stay where they are and are not stored again. Reads and may write up
// to 63 bytes past n.
__attribute__((target("avx512f,avx512bw,avx512vbmi2"))) size_t remove_markers_avx512(unsigned char* s, size_t n) {
  const __m512i marker = _mm512_set1_epi8(static_cast<char>(BlockTables::kMarker));
  size_t r = 0;
  for (; r < n; r += 64) {
    const __mmask64 m = _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(s + r), marker);
    if (m && (n - r >= 64 || (m & ((uint64_t{1} << (n - r)) - 1)))) break;
  }
  if (r >= n) return n;
  size_t w = r;
  for (; r < n; r += 64) {
    const __m512i v = _mm512_loadu_si512(s + r);
    uint64_t m = _mm512_cmpeq_epi8_mask(v, marker);
    if (n - r < 64) m &= (uint64_t{1} << (n - r)) - 1;  // past n every byte counts as kept: taken off at the end
    _mm512_storeu_si512(s + w, _mm512_maskz_compress_epi8(~m, v));
    w += 64 - static_cast<size_t>(__builtin_popcountll(m));
  }
  return w - (r - n);
}
}  // namespace
#endif

size_t remove_markers(unsigned char* s, size_t n) {
#if KURDI_BLOCK_SCAN_X86
  static const bool vbmi2 = cpu_has_avx512bw() && cpu_has_avx512vbmi2();
  if (vbmi2) return remove_markers_avx512(s, n);
  if (cpu_has_avx2()) return remove_markers_avx2(s, n);
#endif
  size_t w = 0;
  for (size_t r = 0; r < n; ++r)
    if (s[r] != BlockTables::kMarker) s[w++] = s[r];
  return w;
}

void chunk_around(const BlockTables& t, const unsigned char* s, size_t at, size_t& begin, size_t& end) {
#if KURDI_BLOCK_SCAN_X86
  if (t.usable) {
    chunk_around_avx2(s, at, begin, end);
    return;
  }
#endif
  (void)t;
  size_t b = at;
  while (s[b - 1] != ' ' && s[b - 1] != '\t') --b;
  size_t e = at;
  while (s[e] != ' ' && s[e] != '\t') ++e;
  begin = b;
  end = e;
}

size_t classify_blocks(const BlockTables& t, const unsigned char* s, size_t i, size_t n, uint32_t* flags,
                       uint32_t* spaces, size_t max_blocks) {
#if KURDI_BLOCK_SCAN_X86
  if (t.usable) return classify_avx2(t, s, i, n, flags, spaces, max_blocks);
#endif
  (void)t; (void)s; (void)i; (void)n; (void)flags; (void)spaces; (void)max_blocks;
  return 0;
}

}  // namespace kurdi::normalize_detail
