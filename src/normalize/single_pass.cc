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

KURDI_SP inline uint64_t bits_of(__m512i v, uint8_t b) {
  return _mm512_test_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(b)));
}

KURDI_SP inline uint64_t eq(__m512i v, uint8_t b) { return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(b))); }

KURDI_SP inline uint64_t below(unsigned k) { return k >= 64 ? ~uint64_t{0} : (uint64_t{1} << k) - 1; }

}  // namespace

KURDI_SP size_t single_pass(const SinglePassTables& t, const unsigned char* s, size_t len, bool last, size_t abs,
                            unsigned char* out, size_t o, SinglePassState& st, SinglePassStop& stop) {
  using C = SinglePassTables;
  const uint8_t *cls = t.cls, *tlead = t.tlead, *ttrail = t.ttrail;
  const __m512i fc = _mm512_set1_epi8(static_cast<char>(0xFC)), d8 = _mm512_set1_epi8(static_cast<char>(0xD8));
  const __m512i c0 = _mm512_set1_epi8(static_cast<char>(0xC0)), x80 = _mm512_set1_epi8(static_cast<char>(0x80));
  // Byte i of the previous window's vector at lane 0, the current one's lanes shifted up by one.
  const __m512i shift1 = _mm512_add_epi8(
      _mm512_set_epi8(63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40,
                      39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16,
                      15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
      _mm512_set1_epi8(63));
  const uint64_t zwnj_rule = t.letter_zwnj ? ~uint64_t{0} : 0;
  __m512i prev_trail = _mm512_load_si512(st.prev_trail);
  uint64_t prev_sub = st.prev_sub, prev_del = st.prev_del, prev_zwnj = st.prev_zwnj;
  uint64_t prev_lead2 = st.prev_lead2, prev_lead3 = st.prev_lead3;
  // The current line's marks (any lane of its windows) and chunk start, kept in registers.
  uint64_t line_kurdish = st.line_kurdish, line_high = st.line_high;
  size_t chunk_in = st.chunk_in, chunk_out = st.chunk_out;
  stop.kind = SinglePassStop::kNone;
  size_t w = 0;
  for (; w < len; w += 64) {
    const unsigned char* p = s + w;
    const uint64_t valid = w + 64 <= len ? ~uint64_t{0} : below(static_cast<unsigned>(len - w));
    const __m512i x = _mm512_loadu_si512(p), xm1 = _mm512_loadu_si512(p - 1), xm2 = _mm512_loadu_si512(p - 2);
    const __m512i xp1 = _mm512_loadu_si512(p + 1), xp2 = _mm512_loadu_si512(p + 2);
    const __m512i xp3 = _mm512_loadu_si512(p + 3), xp4 = _mm512_loadu_si512(p + 4);
    // Two-byte Arabic-block characters at each lane (as lead), two lanes back and two ahead.
    const uint64_t lead = _mm512_cmpeq_epi8_mask(_mm512_and_si512(x, fc), d8);
    const uint64_t lead_m2 = _mm512_cmpeq_epi8_mask(_mm512_and_si512(xm2, fc), d8);
    const uint64_t lead_p2 = _mm512_cmpeq_epi8_mask(_mm512_and_si512(xp2, fc), d8);
    const uint64_t high = _mm512_movepi8_mask(x), high_m1 = _mm512_movepi8_mask(xm1), high_p2 = _mm512_movepi8_mask(xp2);
    const __m512i idx = pair_index(x, xp1);
    const __m512i c = look(cls, idx);
    const __m512i c_m2 = look(cls, pair_index(xm2, xm1));
    const __m512i c_p2 = look(cls, pair_index(xp2, xp3));
    // ASCII classes (bit 7: a word character, bit 6: a space, tab or line break).
    const __m512i a_m1 = _mm512_permutex2var_epi8(_mm512_load_si512(t.ascii_letter), xm1,
                                                  _mm512_load_si512(t.ascii_letter + 64));
    const __m512i a_p2 = _mm512_permutex2var_epi8(_mm512_load_si512(t.ascii_letter), xp2,
                                                  _mm512_load_si512(t.ascii_letter + 64));
    const uint64_t next_zwnj = eq(xp2, 0xE2) & eq(xp3, 0x80) & eq(xp4, 0x8C);
    const uint64_t sub = lead & bits_of(c, C::kSub), initial = lead & bits_of(c, C::kInitial);
    const uint64_t fin = lead & bits_of(c, C::kFinal), del = lead & bits_of(c, C::kDel);
    const uint64_t zwnj_here = fin & next_zwnj & zwnj_rule;
    // A character right after ه + ZWNJ that this kernel makes ە follows a letter.
    const uint64_t after_hz = (zwnj_here << 5) | (prev_zwnj >> 59);
    // The character before a lead: ASCII or a two-byte Arabic-block character; anything else is
    // unknown. The character after: the same, two lanes ahead.
    const uint64_t prev_letter =
        (_mm512_movepi8_mask(a_m1) & ~high_m1) | (lead_m2 & bits_of(c_m2, C::kLetter)) | after_hz;
    const uint64_t prev_known = ~high_m1 | lead_m2 | after_hz;
    const uint64_t prev_other = prev_known & ~prev_letter;
    const uint64_t next_letter = (_mm512_movepi8_mask(a_p2) & ~high_p2) |
                                 (lead_p2 & bits_of(c_p2, C::kLetter) & ~bits_of(c_p2, C::kDel));
    const uint64_t twin = lead & bits_of(c, C::kTwin);
    const uint64_t after_del = lead_m2 & bits_of(c_m2, C::kDel);
    const uint64_t replace = sub | (initial & prev_other & ~after_del) | zwnj_here;
    const uint64_t dels = del & prev_letter & ~next_zwnj & ~after_del;
    uint64_t scalar = (lead & bits_of(c, C::kScalar)) | (initial & ~prev_known) | (initial & after_del) |
                      (fin & ~next_letter & ~zwnj_here) | (del & ~dels) |
                      (twin & ~prev_letter & (~prev_known | after_del | (_mm512_cmpeq_epi8_mask(xp2, x) &
                                                                        _mm512_cmpeq_epi8_mask(xp3, xp1)))) |
                      (del & lead_m2 & bits_of(c_m2, C::kTwin));
    // Bytes that are not two-byte Arabic-block characters.
    const uint64_t ascii_act =
        _mm512_movepi8_mask(_mm512_permutex2var_epi8(_mm512_load_si512(t.ascii_scalar), x,
                                                     _mm512_load_si512(t.ascii_scalar + 64))) & ~high;
    const uint64_t is_c2 = eq(x, 0xC2);
    const uint64_t c2_act = is_c2 & _mm512_test_epi8_mask(
                                        _mm512_permutex2var_epi8(_mm512_load_si512(t.c2_scalar), xp1,
                                                                 _mm512_load_si512(t.c2_scalar)), x80);
    const uint64_t is_e280 = eq(x, 0xE2) & eq(xp1, 0x80);
    const uint64_t zwnj = is_e280 & eq(xp2, 0x8C);
    // A ZWNJ after ه: deleted with it when that ه took it (kFinal and the rule on), else scalar.
    const uint64_t zwnj_taken = (zwnj_here << 2) | (prev_zwnj >> 62);
    const uint64_t e280_act = (is_e280 & ~zwnj &
                               _mm512_test_epi8_mask(_mm512_permutex2var_epi8(_mm512_load_si512(t.e280_scalar), xp2,
                                                                              _mm512_load_si512(t.e280_scalar)),
                                                     x80)) |
                              (zwnj & ~zwnj_taken);
    const uint64_t cont = _mm512_cmpeq_epi8_mask(_mm512_and_si512(x, c0), x80);
    const uint64_t lead2 = high & ~cont & _mm512_cmplt_epu8_mask(x, _mm512_set1_epi8(static_cast<char>(0xE0)));
    const uint64_t lead3 = high & ~cont & ~lead2 & _mm512_cmplt_epu8_mask(x, _mm512_set1_epi8(static_cast<char>(0xF0)));
    const uint64_t other_lead = high & ~cont & ~lead & ~is_c2 & ~is_e280;
    const uint64_t expect = (lead2 << 1) | (prev_lead2 >> 63) | (lead3 << 1) | (lead3 << 2) | (prev_lead3 >> 62) |
                            (prev_lead3 >> 63);
    // A continuation byte where none is expected, or none where one is; C0, C1 and F5-FF leads
    // are other leads.
    scalar |= ascii_act | c2_act | e280_act | other_lead | (expect ^ cont);
    scalar &= valid;
    // The output: replacements (lead here, trail in the next lane), deletions, packed.
    const __m512i new_lead = look(tlead, idx), new_trail = look(ttrail, idx);
    __m512i y = _mm512_mask_mov_epi8(x, replace, new_lead);
    const __m512i trail_up = _mm512_permutex2var_epi8(prev_trail, shift1, new_trail);
    y = _mm512_mask_mov_epi8(y, (replace << 1) | (prev_sub >> 63), trail_up);
    const uint64_t drop = dels | (dels << 1) | (prev_del >> 63) | (zwnj_here << 2) | (zwnj_here << 3) |
                          (zwnj_here << 4) | (prev_zwnj >> 62) | (prev_zwnj >> 61) | (prev_zwnj >> 60);
    const uint64_t keep = ~drop & valid;
    _mm512_storeu_si512(out + o, _mm512_maskz_compress_epi8(keep, y));
    prev_trail = new_trail;
    prev_sub = replace;
    prev_del = dels;
    prev_zwnj = zwnj_here;
    prev_lead2 = lead2;
    prev_lead3 = lead3;
    const uint64_t kurdish = lead & bits_of(c, C::kKurdish);
    const __m512i a = _mm512_permutex2var_epi8(_mm512_load_si512(t.ascii_letter), x,
                                               _mm512_load_si512(t.ascii_letter + 64));
    const uint64_t delim = _mm512_test_epi8_mask(a, _mm512_set1_epi8(0x40)) & ~high & valid;
    const uint64_t nl = _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8('\n')) & valid;
    if ((scalar | nl) == 0) {
      // The common window: no line ends, nothing for the scalar path.
      line_kurdish |= kurdish;
      line_high |= high & valid;
      if (delim) {
        const unsigned d = 63 - static_cast<unsigned>(__builtin_clzll(delim));
        chunk_in = abs + w + d + 1;
        chunk_out = o + static_cast<size_t>(__builtin_popcountll(keep & below(d + 1)));
      }
      o += static_cast<size_t>(__builtin_popcountll(keep));
      continue;
    }
    // Line ends before the first scalar lane, in order; then the stop, if any.
    const unsigned first_scalar = scalar ? static_cast<unsigned>(__builtin_ctzll(scalar)) : 64;
    uint64_t ends = nl & below(first_scalar);
    uint64_t seen = 0;  // the window's lanes already given to a line
    while (ends) {
      const unsigned k = static_cast<unsigned>(__builtin_ctzll(ends));
      const uint64_t before = below(k) & ~seen;
      line_kurdish |= kurdish & before;
      line_high |= high & before;
      if (t.line_stops && (st.line_bad || (!line_kurdish && line_high))) {
        stop.kind = SinglePassStop::kLine;
        stop.at = abs + w + k;
        st.line_kurdish = line_kurdish != 0;
        st.line_high = line_high != 0;
        return o;
      }
      st.line_in = abs + w + k + 1;
      st.line_out = o + static_cast<size_t>(__builtin_popcountll(keep & below(k + 1)));
      line_kurdish = line_high = 0;
      st.line_bad = false;
      seen = below(k + 1);
      ends &= ends - 1;
    }
    const uint64_t upto = ~seen & below(first_scalar) & valid;
    line_kurdish |= kurdish & upto;
    line_high |= high & upto;
    const uint64_t delims = delim & below(first_scalar);
    if (delims) {
      const unsigned d = 63 - static_cast<unsigned>(__builtin_clzll(delims));
      chunk_in = abs + w + d + 1;
      chunk_out = o + static_cast<size_t>(__builtin_popcountll(keep & below(d + 1)));
    }
    if (scalar) {
      stop.kind = SinglePassStop::kChunk;
      stop.at = abs + w + first_scalar;
      break;
    }
    o += static_cast<size_t>(__builtin_popcountll(keep));
  }
  _mm512_store_si512(st.prev_trail, prev_trail);
  st.prev_sub = prev_sub;
  st.prev_del = prev_del;
  st.prev_zwnj = prev_zwnj;
  st.prev_lead2 = prev_lead2;
  st.prev_lead3 = prev_lead3;
  st.line_kurdish = line_kurdish != 0;
  st.line_high = line_high != 0;
  st.chunk_in = chunk_in;
  st.chunk_out = chunk_out;
  (void)last;
  return o;
}

#else

bool cpu_has_single_pass() { return false; }
size_t single_pass(const SinglePassTables&, const unsigned char*, size_t, bool, size_t, unsigned char*, size_t o,
                   SinglePassState&, SinglePassStop& stop) {
  stop.kind = SinglePassStop::kNone;
  return o;
}

#endif

}  // namespace kurdi::normalize_detail
