#include "normalize/single_pass.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace kurdi::normalize_detail {

#if defined(__x86_64__)

bool cpu_has_single_pass() {
  __builtin_cpu_init();  // a Normalizer built by a static constructor may run before libgcc's
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2") &&
         __builtin_cpu_supports("popcnt");
}

#define KURDI_SP __attribute__((target("avx512f,avx512bw,avx512vbmi,avx512vbmi2,popcnt,bmi,bmi2,lzcnt")))

namespace {

// The two-byte index of (lead, trail) in a 256-entry table: (lead & 3) << 6 | (trail & 0x3F).
KURDI_SP inline __m512i pair_index(__m512i lead, __m512i trail) {
  // Per 16-bit lane, lead << 6 puts each byte's low two bits in its top two bits (the byte below
  // shifts in only under them); a bit select takes those from it and the rest from the trail.
  return _mm512_ternarylogic_epi32(_mm512_slli_epi16(lead, 6), trail, _mm512_set1_epi8(static_cast<char>(0xC0)),
                                   0xE4);
}

// A 256-entry table, read from memory at each use: the output's stores may alias it, so the
// compiler keeps its loads as memory operands instead of holding 12 table registers (which made it
// spill the loop's own values).
KURDI_SP inline __m512i look(const uint8_t* t, __m512i idx) {
  const __m512i lo = _mm512_permutex2var_epi8(_mm512_load_si512(t), idx, _mm512_load_si512(t + 64));
  const __m512i hi = _mm512_permutex2var_epi8(_mm512_load_si512(t + 128), idx, _mm512_load_si512(t + 192));
  return _mm512_mask_blend_epi8(_mm512_movepi8_mask(idx), lo, hi);
}

KURDI_SP inline uint64_t below(unsigned k) { return k >= 64 ? ~uint64_t{0} : (uint64_t{1} << k) - 1; }

// A window with a line end or a lane for the scalar path: the line ends before the first such
// lane, in order, then the stop. True when the kernel stops.
KURDI_SP __attribute__((noinline)) bool window_events(const SinglePassTables& t, SinglePassState& st,
                                                      SinglePassStop& stop, size_t at, size_t o, uint64_t keep,
                                                      uint64_t scalar, uint64_t nl, uint64_t kurdish, uint64_t high,
                                                      uint64_t delim, uint64_t valid, uint64_t final_heh) {
  // Word-final ه made ە: their output offsets, for the caller's /h/-word check. When the list is
  // full they go to the scalar path instead.
  if (final_heh) {
    if (st.final_heh_count + static_cast<size_t>(__builtin_popcountll(final_heh)) > SinglePassState::kFinalHeh) {
      scalar |= final_heh;
    } else {
      const uint64_t before_stop = scalar ? below(static_cast<unsigned>(__builtin_ctzll(scalar))) : ~uint64_t{0};
      for (uint64_t f = final_heh & before_stop; f; f &= f - 1) {
        const unsigned k = static_cast<unsigned>(__builtin_ctzll(f));
        st.final_heh[st.final_heh_count++] = o + static_cast<size_t>(__builtin_popcountll(keep & below(k)));
      }
    }
  }
  const unsigned first_scalar = scalar ? static_cast<unsigned>(__builtin_ctzll(scalar)) : 64;
  uint64_t ends = nl & below(first_scalar);
  uint64_t seen = 0;  // the window's lanes already given to a line
  while (ends) {
    const unsigned k = static_cast<unsigned>(__builtin_ctzll(ends));
    const uint64_t lanes = below(k) & ~seen;
    st.line_kurdish |= kurdish & lanes;
    st.line_high |= high & lanes;
    if (t.line_stops && (st.line_bad || (!st.line_kurdish && st.line_high))) {
      stop.kind = SinglePassStop::kLine;
      stop.at = at + k;
      return true;
    }
    st.line_in = at + k + 1;
    st.line_out = o + static_cast<size_t>(__builtin_popcountll(keep & below(k + 1)));
    st.line_kurdish = st.line_high = 0;
    st.line_bad = false;
    seen = below(k + 1);
    ends &= ends - 1;
  }
  const uint64_t upto = ~seen & below(first_scalar) & valid;
  st.line_kurdish |= kurdish & upto;
  st.line_high |= high & upto;
  const uint64_t delims = delim & below(first_scalar);
  if (delims) {
    const unsigned d = 63 - static_cast<unsigned>(__builtin_clzll(delims));
    st.chunk_in = at + d + 1;
    st.chunk_out = o + static_cast<size_t>(__builtin_popcountll(keep & below(d + 1)));
  }
  if (scalar) {
    stop.kind = SinglePassStop::kChunk;
    stop.at = at + first_scalar;
    return true;
  }
  return false;
}

// Windows from s to end (whole windows; with kPartial, the one window s .. end).
template <bool kPartial>
KURDI_SP inline size_t windows(const SinglePassTables& t, const unsigned char* s, const unsigned char* end,
                               size_t abs, unsigned char* out, size_t o, SinglePassState& st, SinglePassStop& stop) {
  using T = SinglePassTables;
  const __m512i fc = _mm512_set1_epi8(static_cast<char>(0xFC)), d8 = _mm512_set1_epi8(static_cast<char>(0xD8));
  const __m512i c0 = _mm512_set1_epi8(static_cast<char>(0xC0)), x80 = _mm512_set1_epi8(static_cast<char>(0x80));
  // Byte i of the previous window's vector at lane 0, the current one's lanes shifted up by one.
  const __m512i shift1 = _mm512_add_epi8(
      _mm512_set_epi8(63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40,
                      39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16,
                      15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
      _mm512_set1_epi8(63));
  __m512i prev_trail = _mm512_load_si512(st.prev_trail);
  __mmask64 prev_sub = st.prev_sub, prev_del = st.prev_del, prev_zwnj = st.prev_zwnj;
  __mmask64 prev_lead2 = st.prev_lead2, prev_lead3 = st.prev_lead3;
  const size_t delta = abs - reinterpret_cast<uintptr_t>(s);  // input offset of p: delta + p
  const uint64_t zwnj_smart = t.zwnj_smart ? ~uint64_t{0} : 0;
  // Each window looks up the characters that start two lanes on (p + 2); the characters at the
  // lanes themselves and two lanes back are those lookups moved up by 2 and 4 lanes, the
  // previous window's filling the first lanes. Before the first window, its last four lanes
  // (the characters at s - 2 .. s + 1) come from masked loads.
  const __m512i up2 = _mm512_sub_epi8(shift1, _mm512_set1_epi8(1)), up4 = _mm512_sub_epi8(shift1, _mm512_set1_epi8(3));
  __m512i prev_cur_p2, prev_nb_p2, prev_tgt_p2;
  uint64_t prev_lead_p2;
  {
    constexpr __mmask64 kLast4 = 0xF000000000000000ull;
    const __m512i b2 = _mm512_maskz_loadu_epi8(kLast4, s - 62), b3 = _mm512_maskz_loadu_epi8(kLast4, s - 61);
    const __m512i i2 = pair_index(b2, b3);
    prev_cur_p2 = look(t.cur, i2);
    prev_nb_p2 = look(t.nb, i2);
    prev_tgt_p2 = look(t.tgt, i2);
    prev_lead_p2 = _mm512_mask_cmpeq_epi8_mask(kLast4, _mm512_and_si512(b2, fc), d8);
  }
  for (const unsigned char* p = s; p < end; p += 64) {
    const uint64_t valid = kPartial ? below(static_cast<unsigned>(end - p)) : ~uint64_t{0};
    const __m512i x = _mm512_loadu_si512(p), xm1 = _mm512_loadu_si512(p - 1);
    const __m512i xp1 = _mm512_loadu_si512(p + 1), xp2 = _mm512_loadu_si512(p + 2);
    const __m512i xp3 = _mm512_loadu_si512(p + 3), xp4 = _mm512_loadu_si512(p + 4);
    // Two-byte Arabic-block characters two lanes ahead (as lead), at each lane, two lanes back.
    const __mmask64 lead_p2 = _mm512_cmpeq_epi8_mask(_mm512_and_si512(xp2, fc), d8);
    const __mmask64 lead = (lead_p2 << 2) | (prev_lead_p2 >> 62);
    // (Two lanes back, only with its trail before the lane: after a broken lead the kernel
    // resumes past it, and that lead must not pass for the character before.)
    const __mmask64 lead_m2 =
        ((lead_p2 << 4) | (prev_lead_p2 >> 60)) & _mm512_cmpeq_epi8_mask(_mm512_and_si512(xm1, c0), x80);
    const __mmask64 high = _mm512_movepi8_mask(x);
    const __m512i idx_p2 = pair_index(xp2, xp3);
    const __m512i cur_p2 = look(t.cur, idx_p2), nb_p2 = look(t.nb, idx_p2), tgt_p2 = look(t.tgt, idx_p2);
    const __m512i cur = _mm512_permutex2var_epi8(prev_cur_p2, up2, cur_p2);
    const __m512i nb_m2 = _mm512_permutex2var_epi8(prev_nb_p2, up4, nb_p2);
    const __m512i target = _mm512_permutex2var_epi8(prev_tgt_p2, up2, tgt_p2);
    prev_cur_p2 = cur_p2;
    prev_nb_p2 = nb_p2;
    prev_tgt_p2 = tgt_p2;
    prev_lead_p2 = lead_p2;
    const __mmask64 next_zwnj =
        _mm512_mask_cmpeq_epi8_mask(_mm512_mask_cmpeq_epi8_mask(_mm512_cmpeq_epi8_mask(xp2, _mm512_set1_epi8(
                                                                                              static_cast<char>(0xE2))),
                                                                xp3, x80),
                                    xp4, _mm512_set1_epi8(static_cast<char>(0x8C)));
    const uint64_t zwnj_here = _mm512_mask_test_epi8_mask(lead & next_zwnj, cur, _mm512_set1_epi8(T::kTakesZwnj));
    // After ه + ZWNJ that this kernel makes ە, a character follows a letter.
    const uint64_t after_hz = (zwnj_here << 5) | (prev_zwnj >> 59);
    // The character before (bits 3-5) and after (bits 6-7) each lane: ASCII, a two-byte
    // Arabic-block character, ZWNJ (after), ە made of ه + ZWNJ (before); anything else is unknown
    // before and "other" after.
    __m512i before = _mm512_permutex2var_epi8(_mm512_load_si512(t.ascii_nb), xm1, _mm512_load_si512(t.ascii_nb + 64));
    before = _mm512_mask_mov_epi8(before, _mm512_movepi8_mask(xm1), _mm512_set1_epi8(T::kPrevUnknown << 3));
    before = _mm512_mask_mov_epi8(before, lead_m2, nb_m2);
    const uint64_t cont = _mm512_cmpeq_epi8_mask(_mm512_and_si512(x, c0), x80);
    const uint64_t others = high & ~cont & ~lead;  // leads of other characters
    // A ZWNJ the ه before it does not take (lane i: its E2), under the keep-only-between-joining-
    // letters policy: kept between a joining letter (i - 2) and an Arabic letter (i + 3), dropped
    // when the character before is known and the one after is neither deleted, a ZWNJ nor a
    // three-byte character (the scanner looks past those); otherwise scalar. Then the character
    // after it follows a letter when the one before it is a letter.
    uint64_t zwnj_keep = 0, zwnj_drop = 0, after_zwnj = 0, after_zwnj_other = 0;
    const uint64_t zwnj_free =
        others ? _mm512_mask_cmpeq_epi8_mask(
                     _mm512_mask_cmpeq_epi8_mask(
                         _mm512_mask_cmpeq_epi8_mask(others, x, _mm512_set1_epi8(static_cast<char>(0xE2))), xp1, x80),
                     xp2, _mm512_set1_epi8(static_cast<char>(0x8C))) &
                     ~((zwnj_here << 2) | (prev_zwnj >> 62)) & zwnj_smart
               : 0;
    if (zwnj_free) {
      // (Lane i: the character at i + 3 is the lookup at i + 1; lanes 61-63 are not used.)
      const __m512i nb_p3 = _mm512_permutex2var_epi8(nb_p2, _mm512_sub_epi8(shift1, _mm512_set1_epi8(62)), nb_p2);
      const __mmask64 at_lead_p3 = lead_p2 >> 1;
      const uint64_t prev_join = _mm512_mask_test_epi8_mask(lead_m2, nb_m2, _mm512_set1_epi8(T::kJoining));
      const uint64_t prev_letter_z = _mm512_mask_test_epi8_mask(lead_m2, nb_m2, _mm512_set1_epi8(T::kWordLetter));
      const uint64_t next_ar = _mm512_mask_test_epi8_mask(at_lead_p3, nb_p3, _mm512_set1_epi8(T::kArabicLetter));
      const uint64_t next_del = _mm512_mask_cmpeq_epi8_mask(
          at_lead_p3, _mm512_and_si512(nb_p3, _mm512_set1_epi8(0x38)), _mm512_set1_epi8(T::kPrevDel << 3));
      const uint64_t next_high_other = _mm512_movepi8_mask(xp3) & ~at_lead_p3;  // three-byte, ZWNJ, ...
      const uint64_t prev_known = lead_m2 | ~_mm512_movepi8_mask(xm1);
      const uint64_t in_window = below(61);  // its three bytes and the next character's lead here
      // Not decided here: a deleted character after it (the scanner looks past it, and ـ counts
      // as an Arabic letter), and و before it (dropped, it would bring و و together at a word
      // start, which the scanner's second pass collapses).
      const uint64_t after_waw = _mm512_mask_cmpeq_epi8_mask(
          lead_m2, _mm512_and_si512(nb_m2, _mm512_set1_epi8(0x38)), _mm512_set1_epi8(T::kPrevTwin << 3));
      const uint64_t decided = zwnj_free & ~next_del & ~after_waw & in_window;
      zwnj_keep = decided & prev_join & next_ar;
      zwnj_drop = decided & ~zwnj_keep & prev_known & ~next_high_other;
      after_zwnj = ((zwnj_keep | zwnj_drop) & prev_letter_z) << 3;
      // A dropped ZWNJ after ASCII that is not a letter leaves the word start where it was.
      after_zwnj_other = (zwnj_drop & ~_mm512_movepi8_mask(xm1) &
                          ~_mm512_test_epi8_mask(before, _mm512_set1_epi8(T::kPrevLetter << 3)))
                         << 3;
    }
    before = _mm512_mask_mov_epi8(before, after_hz | after_zwnj, _mm512_set1_epi8(T::kPrevLetter << 3));
    before = _mm512_mask_mov_epi8(before, after_zwnj_other, _mm512_setzero_si512());
    __m512i after = _mm512_maskz_permutex2var_epi8(~_mm512_movepi8_mask(xp2), _mm512_load_si512(t.ascii_nb), xp2,
                                                   _mm512_load_si512(t.ascii_nb + 64));
    after = _mm512_mask_mov_epi8(after, lead_p2, nb_p2);
    after = _mm512_mask_mov_epi8(after, next_zwnj, _mm512_set1_epi8(static_cast<char>(T::kNextZwnj << 6)));
    // (type | before | after) -> what to do.
    const __m512i situation = _mm512_ternarylogic_epi32(
        after, _mm512_ternarylogic_epi32(cur, before, _mm512_set1_epi8(7), 0xE4),
        _mm512_set1_epi8(static_cast<char>(0xC0)), 0xE4);
    const __m512i todo = look(t.act, situation);
    // (ه before ZWNJ: the table says scalar, unless this kernel takes the ZWNJ.)
    uint64_t replace = _mm512_mask_test_epi8_mask(lead, todo, _mm512_set1_epi8(T::kReplace)) | zwnj_here;
    uint64_t dels = _mm512_mask_test_epi8_mask(lead, todo, _mm512_set1_epi8(T::kDrop));
    // A deleted character after deleted ones (ــــ): deleted when the one two lanes back is.
    uint64_t del_run = _mm512_mask_test_epi8_mask(lead, todo, _mm512_set1_epi8(T::kDropAfterDrop));
    if (del_run) {
      for (int k = 0; k < 4 && del_run; ++k) {
        const uint64_t now = del_run & ((dels << 2) | (prev_del >> 62));
        if (!now) break;
        dels |= now;
        del_run &= ~now;
      }
    }
    // A character right after a deleted one that the kernel drops follows a letter (the deleted
    // run follows one): ر and و there need nothing.
    const uint64_t after_dropped = ((dels << 2) | (prev_del >> 62)) & lead;
    uint64_t after_dropped_done = 0;
    if (after_dropped) {
      const __m512i type = _mm512_and_si512(cur, _mm512_set1_epi8(7));
      after_dropped_done = _mm512_mask_cmpeq_epi8_mask(after_dropped, type, _mm512_set1_epi8(T::kInitial)) |
                           _mm512_mask_cmpeq_epi8_mask(after_dropped, type, _mm512_set1_epi8(T::kTwin));
    }
    // Word-final ه after a word character, before ASCII that is not a letter: made ە here, and
    // checked against the /h/-word list by the caller (final_heh, which it turns back to ه).
    // Word-initial و before و: the scanner writes one و before an Arabic letter that is not a
    // vowel (looked at two characters on, within the window), leaves both before anything else.
    uint64_t final_heh = _mm512_mask_test_epi8_mask(lead & ~next_zwnj, cur, _mm512_set1_epi8(T::kFinalSpec));
    const uint64_t twin_check = _mm512_mask_test_epi8_mask(lead, todo, _mm512_set1_epi8(T::kTwinCheck));
    uint64_t twin_drop = 0, twin_done = 0;
    {
      // (Without a branch: a window in three has a ه.)
      const __m512i field = _mm512_and_si512(before, _mm512_set1_epi8(0x38));
      const uint64_t after_word = _mm512_cmpeq_epi8_mask(field, _mm512_set1_epi8(T::kPrevLetter << 3)) |
                                  _mm512_cmpeq_epi8_mask(field, _mm512_set1_epi8(T::kPrevTwin << 3));
      const uint64_t before_plain =
          ~_mm512_movepi8_mask(xp2) & ~_mm512_test_epi8_mask(after, _mm512_set1_epi8(static_cast<char>(0xC0)));
      final_heh &= (after_word | after_dropped) & before_plain;
      if (twin_check) {
        const __m512i down2 = _mm512_add_epi8(shift1, _mm512_set1_epi8(static_cast<char>(-61)));  // lane i: i + 2
        const __m512i after2 = _mm512_permutex2var_epi8(after, down2, after);                              // nb at i + 4
        const __m512i cur4 = _mm512_permutex2var_epi8(cur, _mm512_add_epi8(down2, _mm512_set1_epi8(2)), cur);
        const uint64_t lead4 = (lead >> 4) & below(60), ascii4 = (~high >> 4) & below(60);
        const uint64_t arabic4 = _mm512_mask_test_epi8_mask(lead4, after2, _mm512_set1_epi8(T::kArabicLetter));
        const uint64_t vowel4 = _mm512_mask_test_epi8_mask(lead4, cur4, _mm512_set1_epi8(T::kVowel));
        const uint64_t del4 = _mm512_mask_cmpeq_epi8_mask(lead4, _mm512_and_si512(after2, _mm512_set1_epi8(0x38)),
                                                          _mm512_set1_epi8(T::kPrevDel << 3));
        twin_drop = twin_check & arabic4 & ~vowel4 & ~del4;
        twin_done = twin_drop | (twin_check & (ascii4 | (lead4 & ~del4 & (vowel4 | ~arabic4))));
      }
      replace |= final_heh;
    }
    uint64_t scalar =
        (_mm512_mask_test_epi8_mask(lead, todo, _mm512_set1_epi8(T::kToScalar)) & ~zwnj_here & ~final_heh & ~twin_done &
         ~after_dropped_done) |
        del_run;
    // Bytes that are not two-byte Arabic-block characters. Most windows have none above ASCII
    // (only D8-DB leads and their trails): then only the trails need checking.
    const __m512i own = _mm512_permutex2var_epi8(_mm512_load_si512(t.ascii_own), x, _mm512_load_si512(t.ascii_own + 64));
    const uint64_t ascii_act = _mm512_movepi8_mask(own) & ~high;
    uint64_t lead2 = lead, lead3 = 0, others_act = 0;
    if (others) {
      const __mmask64 is_c2 = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(static_cast<char>(0xC2)));
      const uint64_t c2_act = _mm512_mask_test_epi8_mask(
          is_c2, _mm512_permutex2var_epi8(_mm512_load_si512(t.c2_scalar), xp1, _mm512_load_si512(t.c2_scalar)), x80);
      const __mmask64 is_e280 =
          _mm512_mask_cmpeq_epi8_mask(_mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(static_cast<char>(0xE2))), xp1, x80);
      const uint64_t zwnj = _mm512_mask_cmpeq_epi8_mask(is_e280, xp2, _mm512_set1_epi8(static_cast<char>(0x8C)));
      // A ZWNJ is deleted with the ه before it that took it, or kept or dropped by the policy
      // above; any other goes to the scanner.
      const uint64_t zwnj_taken = (zwnj_here << 2) | (prev_zwnj >> 62);
      const uint64_t e280_act =
          _mm512_mask_test_epi8_mask(is_e280 & ~zwnj,
                                     _mm512_permutex2var_epi8(_mm512_load_si512(t.e280_scalar), xp2,
                                                              _mm512_load_si512(t.e280_scalar)),
                                     x80) |
          (zwnj & ~zwnj_taken & ~zwnj_keep & ~zwnj_drop);
      lead2 = _mm512_mask_cmplt_epu8_mask(others, x, _mm512_set1_epi8(static_cast<char>(0xE0))) | lead;
      lead3 = _mm512_mask_cmplt_epu8_mask(others & ~lead2, x, _mm512_set1_epi8(static_cast<char>(0xF0)));
      // C0, C1 and F5-FF leads are other leads too.
      others_act = c2_act | e280_act | (others & ~is_c2 & ~is_e280);
    }
    const uint64_t expect = (lead2 << 1) | (prev_lead2 >> 63) | (lead3 << 1) | (lead3 << 2) | (prev_lead3 >> 62) |
                            (prev_lead3 >> 63);
    // A continuation byte where none is expected, or none where one is.
    scalar |= ascii_act | others_act | (expect ^ cont);
    // The text's last window: a lead whose continuation would lie past the end is broken too.
    if (kPartial) scalar |= ((lead2 | lead3) & ~(valid >> 1)) | (lead3 & ~(valid >> 2));
    scalar &= valid & t.scalar_mask;
    // The output: replacements (lead here, trail in the next lane), deletions, packed.
    // (Without branches: three windows in four replace something, at random.)
    const __m512i new_lead = _mm512_ternarylogic_epi32(_mm512_srli_epi16(target, 6), _mm512_set1_epi8(3), d8, 0xEA);
    const __m512i new_trail = _mm512_ternarylogic_epi32(target, _mm512_set1_epi8(0x3F), x80, 0xEA);
    __m512i y = _mm512_mask_mov_epi8(x, replace, new_lead);
    const __m512i trail_up = _mm512_permutex2var_epi8(prev_trail, shift1, new_trail);
    y = _mm512_mask_mov_epi8(y, (replace << 1) | (prev_sub >> 63), trail_up);
    prev_trail = new_trail;
    const uint64_t drop = dels | (dels << 1) | (prev_del >> 63) | zwnj_drop | (zwnj_drop << 1) | (zwnj_drop << 2) |
                          twin_drop | (twin_drop << 1) |
                          (zwnj_here << 2) | (zwnj_here << 3) |
                          (zwnj_here << 4) | (prev_zwnj >> 62) | (prev_zwnj >> 61) | (prev_zwnj >> 60);
    const uint64_t keep = ~drop & valid;
    _mm512_storeu_si512(out + o, _mm512_maskz_compress_epi8(keep, y));
    prev_sub = replace;
    prev_del = dels;
    prev_zwnj = zwnj_here;
    prev_lead2 = lead2;
    prev_lead3 = lead3;
    const uint64_t kurdish = _mm512_mask_test_epi8_mask(lead, cur, _mm512_set1_epi8(T::kKurdish));
    const uint64_t delim = _mm512_mask_test_epi8_mask(~high & valid, own, _mm512_set1_epi8(0x40));
    const uint64_t nl = _mm512_mask_cmpeq_epi8_mask(valid, x, _mm512_set1_epi8('\n'));
    if ((scalar | nl | final_heh) == 0) {
      // The common window: no line ends, nothing for the scalar path.
      st.line_kurdish |= kurdish & valid;
      st.line_high |= high & valid;
      if (delim) {
        const unsigned d = 63 - static_cast<unsigned>(__builtin_clzll(delim));
        st.chunk_in = delta + reinterpret_cast<uintptr_t>(p) + d + 1;
        st.chunk_out = o + static_cast<size_t>(__builtin_popcountll(keep & below(d + 1)));
      }
    } else if (window_events(t, st, stop, delta + reinterpret_cast<uintptr_t>(p), o, keep, scalar, nl, kurdish,
                             high & valid, delim, valid, final_heh & valid)) {
      return o;
    }
    o += static_cast<size_t>(__builtin_popcountll(keep));
  }
  _mm512_store_si512(st.prev_trail, prev_trail);
  st.prev_sub = prev_sub;
  st.prev_del = prev_del;
  st.prev_zwnj = prev_zwnj;
  st.prev_lead2 = prev_lead2;
  st.prev_lead3 = prev_lead3;
  return o;
}

}  // namespace

KURDI_SP size_t single_pass(const SinglePassTables& t, const unsigned char* s, size_t len, size_t abs,
                            unsigned char* out, size_t o, SinglePassState& st, SinglePassStop& stop) {
  stop.kind = SinglePassStop::kNone;
  const size_t whole = len / 64 * 64;
  o = windows<false>(t, s, s + whole, abs, out, o, st, stop);
  if (stop.kind == SinglePassStop::kNone && whole < len)
    o = windows<true>(t, s + whole, s + len, abs + whole, out, o, st, stop);
  return o;
}

#else

bool cpu_has_single_pass() { return false; }
size_t single_pass(const SinglePassTables&, const unsigned char*, size_t, size_t, unsigned char*, size_t o,
                   SinglePassState&, SinglePassStop& stop) {
  stop.kind = SinglePassStop::kNone;
  return o;
}

#endif

}  // namespace kurdi::normalize_detail
