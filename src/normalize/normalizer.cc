// The Sorani normalizer: one left-to-right pass over code points, driven by tables compiled from
// data/normalize/*.tsv, plus a word-level convention-repair pass that runs only on lines typed in
// Arabic or Persian spelling conventions (see convention.cc).
//
// Cost model: clean Sorani text spends one table lookup per code point on the fast path and copies
// runs of untouched bytes with one append; only characters flagged in the table (a few percent of
// real text: ر at word start, ه at word end, ZWNJ, variants) take the slow path.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kurdi/normalize.h"
#include "normalize/block_scan.h"
#include "normalize/convention.h"
#include "normalize/single_pass.h"
#include "normalize/testing.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(normalize_letters_tsv)
KURDI_DECLARE_TABLE(normalize_presentation_forms_tsv)
KURDI_DECLARE_TABLE(normalize_final_h_words_tsv)

namespace kurdi {
namespace {

enum Where : uint8_t { kAny = 0, kInitial = 1, kNonInitial = 2, kFinal = 3 };

// Per-code-point flags of the fast path (code points < 0x800; others go through `far_`).
enum : uint8_t {
  fAct = 1,       // has a rule or a context behaviour: take the slow path
  fLetter = 2,    // a word character (letter of any script we know, or a combining mark)
  fArabic = 4,    // an Arabic-script letter
  fJoining = 8,   // dual-joining Arabic letter (connects to the next letter)
  fDeleted = 16,  // removed wherever it stands (harakat, controls, tatweel ...)
  fInitialOnly = 32,  // acts only at the start of a word (ر, و): elsewhere a plain letter
  fSimple = 64,   // one replacement wherever it stands (ي -> ی, ك -> ک ...): no context needed
  fSeqOnly = 128, // acts only before a combining mark (ی + ٚ -> ێ ...): elsewhere a plain letter
};
// Separate table for the chunk scanner: a code point < U+0800 that needs the per-character
// machinery wherever it stands inside a word.
// (The values live in block_scan.h: the block classifier derives its tables from them.)
using normalize_detail::sFinal;
using normalize_detail::sInitial;
using normalize_detail::sInterior;
using normalize_detail::sLetter;
using normalize_detail::sSubst;

struct Rule {
  std::string to;
  bool set = false;
};

struct Entry {
  Rule by_where[4];                                // single code point rules by position
  std::vector<std::pair<char32_t, std::string>> seq;  // (second code point, replacement), any position
  std::string simple;                              // the replacement when the flag fSimple is set
};

// Parses "U+0648 U+065A" or literal text.
std::u32string parse_field(std::string_view f) {
  if (f.size() >= 6 && f[0] == 'U' && f[1] == '+') {
    std::u32string out;
    size_t i = 0;
    while (i < f.size()) {
      while (i < f.size() && f[i] == ' ') ++i;
      if (i + 2 > f.size() || f[i] != 'U' || f[i + 1] != '+') break;
      i += 2;
      char32_t v = 0;
      while (i < f.size() && std::isxdigit(static_cast<unsigned char>(f[i]))) {
        v = v * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(f[i])) ? f[i] - '0'
                                                                                           : (std::tolower(f[i]) - 'a' + 10));
        ++i;
      }
      out.push_back(v);
    }
    return out;
  }
  return utf8::to_u32(f);
}

bool option_on(const NormalizeOptions& o, std::string_view name) {
  if (name == "letters") return o.letters;
  if (name == "compose") return o.compose;
  if (name == "heh_zwnj") return o.heh_zwnj;
  if (name == "format_controls") return o.format_controls;
  if (name == "spaces") return o.spaces;
  if (name == "dashes_quotes") return o.dashes_quotes;
  if (name == "tatweel") return o.tatweel;
  if (name == "harakat") return o.harakat;
  if (name == "initial_r") return o.initial_r;
  if (name == "presentation_forms") return o.presentation_forms;
  return false;
}

const icu::Normalizer2* nfc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFCInstance(ec);
    return U_SUCCESS(ec) ? p : nullptr;
  }();
  return n;
}

// The UTF-8 bytes of a code point of U+0080..U+07FF (the letter-for-letter substitutions).
struct TwoBytes {
  char bytes[2];
};
inline TwoBytes two_byte_utf8(char32_t r) {
  return {{static_cast<char>(0xC0 | (r >> 6)), static_cast<char>(0x80 | (r & 0x3F))}};
}
// The letters only a Kurdish keyboard types (ە ێ ۆ ڵ ڕ ڤ): a line with one needs no convention
// repair (settled lines), and a rule that writes one keeps it settled.
inline bool is_kurdish_only(char32_t c) {
  return c == 0x06D5 || c == 0x06CE || c == 0x06C6 || c == 0x06B5 || c == 0x0695 || c == 0x06A4;
}
// The vowels before which a word-initial وو stays (the scanner's rule and the single-pass tables).
constexpr std::u32string_view kWawVowels = U"اەێۆیوئ";

// The character before byte `at` of a chunk that starts at byte `chunk` of `s` (' ' at the chunk
// start). The block loops read context back from the bytes on demand, so they keep no
// per-character state. ASCII, two-byte characters and ZWNJ are decoded; anything wider gives
// U+FFFD (its chunk is already on the slow path).
inline char32_t prev_cp_in(const unsigned char* s, size_t chunk, size_t at) {
  if (at == chunk) return ' ';
  unsigned p1 = s[at - 1];
  if (p1 < 0x80) return p1;
  if (at >= chunk + 2 && s[at - 2] >= 0xC2 && s[at - 2] <= 0xDF)
    return (static_cast<char32_t>(s[at - 2] & 0x1F) << 6) | (p1 & 0x3F);
  if (at >= chunk + 3 && s[at - 3] == 0xE2 && s[at - 2] == 0x80 && p1 == 0x8C) return 0x200C;
  return 0xFFFD;
}
// prev_cp_in() in a line padded with spaces before it, without the chunk: the byte before a chunk
// is a space or tab (or the padding), which decodes as itself and ends any longer sequence; no rule
// tells a space or tab before a character from the start of its chunk.
// (`at` may be 0: the bytes before it are the padding, read through a pointer to `at` itself, so
// that no unsigned index wraps around.)
inline char32_t prev_cp_padded(const unsigned char* s, size_t at) {
  const unsigned char* q = s + at;
  const unsigned p1 = q[-1];
  if (p1 < 0x80) return p1;
  if (q[-2] >= 0xC2 && q[-2] <= 0xDF) return (static_cast<char32_t>(q[-2] & 0x1F) << 6) | (p1 & 0x3F);
  if (q[-3] == 0xE2 && q[-2] == 0x80 && p1 == 0x8C) return 0x200C;
  return 0xFFFD;
}
// The end of a piece of whole lines from byte b of `in`: the byte after the first '\n' at or past
// b + size, or the text's end.
inline size_t whole_lines_end(std::string_view in, size_t b, size_t size) {
  if (in.size() - b <= size) return in.size();
  const void* nl = std::memchr(in.data() + b + size, '\n', in.size() - b - size);
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - in.data()) + 1 : in.size();
}
// A word starts at byte `at`: the character before it is not a letter of the scanner's classes
// (ZWNJ and wider characters never count as a word start).
inline bool word_start_in(const unsigned char* s, size_t chunk, size_t at, const std::array<uint8_t, 0x800>& scan) {
  char32_t p = prev_cp_in(s, chunk, at);
  if (p == 0x200C || p == 0xFFFD) return false;
  return !(scan[p] & sLetter);
}

}  // namespace

struct Normalizer::Impl {
  NormalizeOptions options;
  std::array<uint8_t, 0x800> low{};                 // flags for code points < 0x800
  std::array<uint8_t, 0x800> scan{};                // chunk-scanner classes (s* above)
  std::array<char16_t, 0x800> subst{};              // sSubst: the two-byte letter that replaces it
  std::unordered_map<char32_t, Entry> entries;      // every code point with a rule
  std::array<const Entry*, 0x800> low_entry{};      // direct index of `entries` below U+0800
  const Entry* find_entry(char32_t c) const {
    if (c < 0x800) return low_entry[c];
    auto it = entries.find(c);
    return it == entries.end() ? nullptr : &it->second;
  }
  std::unordered_map<char32_t, uint8_t> far_flags;  // flags of code points >= 0x800 that act
  std::unordered_set<std::string> h_words;          // words keeping a final ه
  std::vector<std::string> h_suffixes;

  explicit Impl(const NormalizeOptions& o);
  // flags() and deleted() of U+2000-U+206F (ZWNJ, ZWJ, bidi controls, dashes: the commonest
  // characters above U+0800 in Sorani text), filled from the general lookups at construction.
  static constexpr char32_t kPunctBlock = 0x2000, kPunctBlockSize = 0x70;
  std::array<uint8_t, kPunctBlockSize> punct_flags{};
  std::array<bool, kPunctBlockSize> punct_deleted{};
  uint8_t flags(char32_t c) const {
    if (c < 0x800) return low[c];
    if (c - kPunctBlock < kPunctBlockSize) return punct_flags[c - kPunctBlock];
    return far_flags_of(c);
  }
  uint8_t far_flags_of(char32_t c) const {
    auto it = far_flags.find(c);
    if (it != far_flags.end()) return it->second;
    return chars::is_letter(c) || chars::is_mark(c) ? fLetter : 0;
  }
  bool is_word_char(char32_t c) const { return (flags(c) & fLetter) || c == chars::kZwnj || c == chars::kZwj; }
  bool deleted(char32_t c) const;
  bool far_deleted(char32_t c) const;  // deleted() by the rule table (any code point)
  // One line (or a piece of one, cut after a space); the character layer.
  // `path` (testing.h): kFast skips clean blocks with the block classifier (block_scan.h);
  // kScanner runs the scalar scanner alone (the path on CPUs without AVX2); kPerCharacter runs
  // run_piece() on the whole line. All three give the same result.
  // `depth`: how many passes deep this is in run_piece_fixed().
  void run(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
           NormalizePath path = NormalizePath::kFast, int depth = 0) const;
  // run_piece() to a fixed point: a rule's result can make a context for another rule (ۇ -> و
  // before و makes a word-initial وو), so the piece's output goes through the line pass again
  // until it stops changing. Only pieces that needed run_piece() pay for it.
  void run_piece_fixed(std::string_view in, size_t in_off, size_t out_line_base, std::string& out, OffsetMap* map,
                       NormalizeStats* stats, NormalizePath path, int depth) const;
  normalize_detail::BlockTables blocks;              // derived from `scan` at construction
  bool initial_r_subst = false;                     // word-initial ر -> ڕ is one substitution
  void run_piece(std::string_view in, size_t in_off, size_t out_line_base, std::string& out, OffsetMap* map,
                 NormalizeStats* stats) const;
  // run() without an offset map, on a CPU with AVX2: every byte of the line goes through the block
  // classifier (the line's first and last bytes from a padded copy), the output is written through
  // a pointer into `out` (runs copied 32 bytes at a time), and a chunk that needs run_piece() is
  // rewound and redone from its input. Same output as run() (NormalizeSimd.* compare them).
  void run_blocks(std::string_view in, std::string& out, NormalizeStats* stats) const;
  // Any text: lines (cut at '\n') are normalized independently, each as normalize_line() would.
  void normalize(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
                 NormalizePath path) const;
  // One line: the character layer, then the convention repair when the line calls for it.
  void normalize_line(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
                      NormalizePath path) const;
  // Several lines, one normalize_line() call each (an offset map, or an option that looks across
  // spaces: the character layer must not see the next line).
  void normalize_each_line(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
                           NormalizePath path) const;
  // Several lines without a map: the character layer runs on segments of many lines at once (its
  // per-call cost is paid once per segment, not once per line), then each line of the segment is
  // tested for the convention repair as normalize_line() tests it, and the lines that call for it
  // are repaired. Same output as normalize_each_line().
  void normalize_segments(std::string_view in, std::string& out, NormalizeStats* stats,
                          NormalizePath path) const;
  // The convention repair of the lines of one segment whose character-layer output is
  // out[base, end): false when its lines do not pair up with the input's (never expected).
  bool repair_segment_lines(std::string_view seg, std::string& out, size_t base, NormalizePath path) const;
  bool needs_line_context = false;  // an option looks across spaces (punctuation by context)
  // Every rule keeps a Kurdish-only letter (ە ێ ۆ ڵ ڕ ڤ) a Kurdish-only letter and ASCII ASCII, so
  // a line that convention::Repairer::settled_lines() calls settled needs no repair test: its
  // character layer is all normalize_line() does with it (normalize_segments()).
  bool settled_lines_hold = false;
  // normalize_segments() when settled_lines_hold: settled lines go through the character layer
  // in runs of whole lines, the others through normalize_line() one by one.
  void normalize_settled(std::string_view in, std::string& out, NormalizeStats* stats, NormalizePath path) const;
  // The single-pass kernel (single_pass.h) for texts of many lines without a map: its tables,
  // filled from `scan` at construction on a CPU that has it, and the loop that handles its stops.
  normalize_detail::SinglePassTables single;
  void build_single_pass(const std::array<bool, 0x800>& seq_second);
  void normalize_single_pass(std::string_view in, std::string& out, NormalizeStats* stats, NormalizePath path) const;
  bool keeps_final_h(std::string_view word_with_h) const;
  // True when run()'s scanner would copy `text` unchanged: only one- and two-byte characters,
  // none with a scanner class (so run_piece_fixed() needs no further pass).
  bool scanner_inert(std::string_view text) const;
  // True when the block classifier (AVX2) flags no byte of `text` (at most 224 bytes; false for a
  // longer text or without AVX2): no pass of run() would change it.
  bool blocks_inert(std::string_view text) const;
  // Only ASCII bytes, none with a scanner class: every path copies `text` unchanged.
  bool ascii_inert(std::string_view text) const {
    for (unsigned char b : text)
      if (b >= 0x80 || (scan[b] & kScannerActing)) return false;
    return true;
  }
  // The scanner classes that make the scanner act on a character (scanner_inert(), ascii_inert()).
  static constexpr uint8_t kScannerActing =
      normalize_detail::sInterior | normalize_detail::sInitial | normalize_detail::sFinal | normalize_detail::sSubst;
};

Normalizer::Impl::Impl(const NormalizeOptions& o) : options(o) {
  // Whether the rules keep Kurdish-only letters and ASCII (settled_lines_hold).
  bool rules_keep_settled = true;
  auto add = [&](const std::u32string& from, Where where, std::string to) {
    if (from.empty()) return;
    {
      const std::u32string to32 = utf8::to_u32(to);
      const bool from_kurdish = std::any_of(from.begin(), from.end(), is_kurdish_only);
      const bool to_kurdish = std::any_of(to32.begin(), to32.end(), is_kurdish_only);
      const bool from_ascii = std::all_of(from.begin(), from.end(), [](char32_t c) { return c < 0x80; });
      const bool to_ascii = std::all_of(to32.begin(), to32.end(), [](char32_t c) { return c < 0x80; });
      if ((from_kurdish && !to_kurdish) || (from_ascii && !to_ascii)) rules_keep_settled = false;
    }
    Entry& e = entries[from[0]];
    if (from.size() == 1) {
      e.by_where[where].to = std::move(to);
      e.by_where[where].set = true;
    } else {
      e.seq.emplace_back(from[1], std::move(to));
    }
  };
  const auto& letters = tables::normalize_letters_tsv;
  int c_from = letters.column("from"), c_where = letters.column("where"), c_to = letters.column("to"),
      c_opt = letters.column("option");
  letters.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
    if (!option_on(o, f[c_opt])) return;
    Where w = f[c_where] == "initial" ? kInitial : f[c_where] == "noninitial" ? kNonInitial
              : f[c_where] == "final" ? kFinal : kAny;
    add(parse_field(f[c_from]), w, utf8::from_u32(parse_field(f[c_to])));
  });
  if (o.presentation_forms) {
    const auto& pf = tables::normalize_presentation_forms_tsv;
    int pf_from = pf.column("from"), pf_to = pf.column("to");
    pf.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      // Presentation forms map to base letters, which then go through the letter rules.
      add(parse_field(f[pf_from]), kAny, std::string(f[pf_to]));
    });
  }
  const auto& hw = tables::normalize_final_h_words_tsv;
  int hw_word = hw.column("word"), hw_match = hw.column("match");
  hw.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
    if (f[hw_match] == "suffix") h_suffixes.emplace_back(f[hw_word]);
    else h_words.emplace(f[hw_word]);
  });

  // Flags. Word characters first, then everything that acts.
  for (char32_t c = 0; c < 0x800; ++c) {
    uint8_t fl = 0;
    if (chars::is_letter(c) || chars::is_mark(c)) fl |= fLetter;
    if (chars::is_arabic_letter(c)) fl |= fArabic;
    if (chars::is_joining(c)) fl |= fJoining;
    low[c] = fl;
  }
  auto mark_act = [&](char32_t c) {
    if (c < 0x800) low[c] |= fAct;
    else {
      uint8_t fl = fAct;
      if (chars::is_letter(c) || chars::is_mark(c)) fl |= fLetter;
      if (chars::is_arabic_letter(c)) fl |= fArabic;
      far_flags[c] = fl;
    }
  };
  for (auto& [c, e] : entries) {
    mark_act(c);
    if (c < 0x800) low_entry[c] = &e;
    bool only_any = e.seq.empty() && e.by_where[kAny].set && !e.by_where[kInitial].set &&
                    !e.by_where[kNonInitial].set && !e.by_where[kFinal].set;
    if (only_any && e.by_where[kAny].to.empty() && c < 0x800) low[c] |= fDeleted;
    // A simple replacement: one result everywhere, which has no rules of its own.
    if (only_any && c < 0x800 && !e.by_where[kAny].to.empty() && c != 0x0640) {
      std::u32string r = utf8::to_u32(e.by_where[kAny].to);
      bool plain = true;
      for (char32_t x : r) plain = plain && !entries.count(x) && x != 0x0647 && x != 0x06BE && x != 0x0648 && x != 0x200C;
      if (plain) { low[c] |= fSimple; e.simple = e.by_where[kAny].to; }
    }
  }
  if (options.tatweel) low[0x0640] |= fDeleted;
  for (auto& [c, e] : entries) {
    bool seq_only = !e.seq.empty() && !e.by_where[kAny].set && !e.by_where[kInitial].set &&
                    !e.by_where[kNonInitial].set && !e.by_where[kFinal].set;
    if (seq_only && c < 0x800 && c != 0x0647 && c != 0x06BE && c != 0x0648) low[c] |= fSeqOnly;
  }
  // ر and و act only at the start of a word.
  if (low_entry[0x0631] && !low_entry[0x0631]->by_where[kAny].set) low[0x0631] |= fInitialOnly;
  mark_act(0x0647);  // ه: word-final rule, هـ
  if (o.heh != HehPolicy::kKeep) mark_act(0x06BE);  // ھ: heh policy
  mark_act(0x0648);  // و: word-initial وو
  low[0x0648] |= fInitialOnly;
  mark_act(chars::kZwnj);
  if (o.digits != DigitPolicy::kKeep) {
    // ASCII digits to Latin digits are themselves: run_piece() would copy them and leave its state
    // as the plain path does (not a word character), so they act only for the other targets.
    if (o.digits != DigitPolicy::kLatin)
      for (char32_t c = '0'; c <= '9'; ++c) mark_act(c);
    for (char32_t c = 0x0660; c <= 0x0669; ++c) mark_act(c);
    for (char32_t c = 0x06F0; c <= 0x06F9; ++c) mark_act(c);
  }
  if (o.punctuation == PunctPolicy::kToArabic) { mark_act(','); mark_act(';'); mark_act('?'); }
  if (o.punctuation == PunctPolicy::kToLatin) { mark_act(0x060C); mark_act(0x061B); mark_act(0x061F); }
  if (o.fullwidth) for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) mark_act(c);
  if (o.compose) {
    // Latin combining marks: NFC through ICU (rare in Sorani text, so the slow path is fine).
    for (char32_t c = 0x0300; c <= 0x036F; ++c) mark_act(c);
  }
  needs_line_context = o.punctuation == PunctPolicy::kToArabic;
  // Digits written as Arabic-Indic digits are Arabic-block characters made of ASCII.
  settled_lines_hold = rules_keep_settled && (o.digits == DigitPolicy::kKeep || o.digits == DigitPolicy::kLatin) &&
                       o.punctuation != PunctPolicy::kToArabic;
  // The second character of a letter + mark rule needs run_piece() even where the mark has no rule
  // of its own (ە + ٔ -> ە in the minimal profile, where harakat are kept).
  std::array<bool, 0x800> seq_second{};
  for (const auto& [c, e] : entries)
    for (const auto& sq : e.seq)
      if (sq.first < 0x800) seq_second[sq.first] = true;
  for (char32_t c = 0; c < 0x800; ++c) {
    uint8_t fl = low[c], sc = 0;
    if (fl & fLetter) sc |= sLetter;
    if (fl & fAct) {
      if (fl & fInitialOnly) sc |= sInitial;
      else if (c == 0x0647 && o.heh != HehPolicy::kHehDoachashmee) sc |= sFinal;
      else if (!(fl & fSeqOnly)) sc |= sInterior;
    } else if (seq_second[c] && c >= 0x80) {
      sc |= sInterior;
    }
    // A two-byte letter replaced by another two-byte letter of the same classes (ك -> ک, ى -> ی):
    // the scanner substitutes it in place, without the per-character machinery.
    const Entry* e = low_entry[c];
    bool seq_marks_only = e && !e->seq.empty() && e->by_where[kAny].set && !e->by_where[kInitial].set &&
                          !e->by_where[kNonInitial].set && !e->by_where[kFinal].set;
    if (seq_marks_only) {
      // The sequences start with a mark, which sends its chunk to the slow path by itself.
      for (const auto& sq : e->seq) seq_marks_only = seq_marks_only && sq.first < 0x800 && (low[sq.first] & fAct);
    }
    if (((fl & fSimple) || seq_marks_only) && c >= 0x80 && e && !e->by_where[kAny].to.empty()) {
      std::u32string r = utf8::to_u32(e->by_where[kAny].to);
      if (r.size() == 1 && r[0] >= 0x80 && r[0] < 0x800 && (low[r[0]] & (fLetter | fArabic | fJoining)) ==
                                                               (fl & (fLetter | fArabic | fJoining))) {
        // The result must be inert where the scanner leaves it: no rule of its own, except
        // letter + mark sequences whose mark acts by itself (ی + ٔ -> ئ: the mark sends its
        // chunk to run_piece()). So ى -> ی is a substitution, not per-character work.
        const Entry* re = low_entry[r[0]];
        bool plain_result = r[0] != 0x0647 && r[0] != 0x06BE && r[0] != 0x0648;
        if (plain_result && re) {
          for (const Rule& w : re->by_where) plain_result = plain_result && !w.set;
          for (const auto& sq : re->seq) plain_result = plain_result && sq.first < 0x800 && (low[sq.first] & fAct);
        }
        if (plain_result) {
          sc = static_cast<uint8_t>((sc & ~sInterior) | sSubst);
          subst[c] = static_cast<char16_t>(r[0]);
        }
      }
    }
    scan[c] = sc;
  }
  blocks.build(scan, 0x0648);  // و: the scanner checks word-initial وو itself
  // The substitutions the no-map path makes while it classifies (run_blocks()): one patch group
  // (one lead byte and trail high nibble) of letters the scanner cannot tell from their replacement
  // (same classes but the substitution, same letter/Arabic/joining flags) and whose letters no rule
  // of the block loop names. The group with the most letters of the basic Arabic block (U+0621 to
  // U+064A, the letters an Arabic keyboard types: ك ى ي in the standard profile, which are most of
  // the flags of such text), then with the most letters.
  {
    std::map<unsigned, std::pair<int, std::vector<char32_t>>> groups;  // (lead << 8 | trail & 0xF0) -> weight, letters
    for (char32_t c = 0x80; c < 0x800; ++c) {
      if (!(scan[c] & sSubst)) continue;
      const char32_t r = subst[c];
      if (r < 0x80 || r >= 0x800 || static_cast<uint8_t>(scan[c] & ~sSubst) != scan[r]) continue;
      if ((low[c] & (fLetter | fArabic | fJoining)) != (low[r] & (fLetter | fArabic | fJoining))) continue;
      if (r == 0x0647 || r == 0x06BE || r == 0x0640 || r == 0x0648 || r == 0x0631) continue;
      auto& g = groups[(0xC0 | (c >> 6)) << 8 | ((0x80 | (c & 0x3F)) & 0xF0)];
      g.first += c >= 0x0621 && c <= 0x064A ? 100 : 1;
      g.second.push_back(c);
    }
    const std::vector<char32_t>* best = nullptr;
    int best_weight = 0;
    for (const auto& [key, g] : groups)
      if (g.first > best_weight) { best_weight = g.first; best = &g.second; }
    if (best)
      for (char32_t c : *best) blocks.add_patch(c, subst[c]);
  }
  // ه + ZWNJ -> ە is made by the no-map path's classifier too, where the scanner always makes it:
  // the rule is on and ه has no rule of its own but the word-final one.
  if (o.heh_zwnj && (scan[0x0647] & (sSubst | sInterior | sInitial | sFinal)) == sFinal)
    blocks.set_letter_zwnj(0x0647, 0x06D5);
  initial_r_subst = low_entry[0x0631] && low_entry[0x0631]->by_where[kInitial].set &&
                    low_entry[0x0631]->by_where[kInitial].to == "\xDA\x95";
  for (char32_t c = kPunctBlock; c < kPunctBlock + kPunctBlockSize; ++c) {
    punct_flags[c - kPunctBlock] = far_flags_of(c);
    punct_deleted[c - kPunctBlock] = far_deleted(c);
  }
  if (normalize_detail::cpu_has_single_pass()) build_single_pass(seq_second);
}

void Normalizer::Impl::build_single_pass(const std::array<bool, 0x800>& seq_second) {
  // Every class comes from the scanner's own (`scan`, `subst`, `low`): the kernel does what the
  // scanner does where it is sure to, and stops everywhere else.
  using T = normalize_detail::SinglePassTables;
  T& t = single;
  auto index_of = [](char32_t c) { return static_cast<int>(c - 0x0600); };  // U+0600-U+06FF: leads D8-DB
  auto in_block = [](char32_t c) { return c >= 0x0600 && c <= 0x06FF; };
  for (int i = 0; i < 256; ++i) {
    const char32_t c = 0x0600 + static_cast<char32_t>(i);
    const uint8_t sc = scan[c], fl = low[c];
    uint8_t type = T::kPlain;
    char32_t target = 0;
    if (seq_second[c]) {
      type = T::kScalar;  // the second character of a letter + mark rule
    } else if (sc & sSubst) {
      type = in_block(subst[c]) ? T::kSub : T::kScalar;
      target = subst[c];
    } else if (sc & sInterior) {
      type = (fl & fDeleted) ? T::kDel : T::kScalar;
    } else if (sc & sInitial) {
      if (c == 0x0631 && initial_r_subst) {
        type = T::kInitial;
        target = 0x0695;
      } else {
        type = c == 0x0648 ? T::kTwin : T::kScalar;
      }
    } else if (sc & sFinal) {
      type = T::kFinal;
    }
    uint8_t cur = type;
    if (is_kurdish_only(c)) cur |= T::kKurdish;
    if (type == T::kFinal && c == 0x0647 && blocks.letter_zwnj) {
      const char32_t to = (static_cast<char32_t>(blocks.letter_zwnj_to[0] & 0x1F) << 6) | (blocks.letter_zwnj_to[1] & 0x3F);
      if (in_block(to)) {
        cur |= T::kTakesZwnj;
        target = to;
      }
    }
    // The word-final rule writes ە (run_piece()); the kernel makes it where it is sure the word
    // ends, and the caller checks the word against the /h/-word list.
    if (type == T::kFinal && c == 0x0647 && options.final_heh && (!target || target == 0x06D5)) {
      cur |= T::kFinalSpec;
      target = 0x06D5;
    }
    if (kWawVowels.find(c) != std::u32string_view::npos) cur |= T::kVowel;
    t.cur[i] = cur;
    if (target) t.tgt[i] = static_cast<uint8_t>(index_of(target));
    // As a neighbour.
    const bool letter = sc & sLetter;
    const uint8_t before = type == T::kDel ? T::kPrevDel : type == T::kTwin ? T::kPrevTwin
                           : letter        ? T::kPrevLetter
                                           : T::kPrevOther;
    const uint8_t after = type == T::kTwin ? T::kNextTwin : (letter && type != T::kDel) ? T::kNextLetter : T::kNextOther;
    t.nb[i] = static_cast<uint8_t>(before << 3 | after << 6 | ((fl & fJoining) ? T::kJoining : 0) |
                                   ((fl & fArabic) ? T::kArabicLetter : 0) | (letter ? T::kWordLetter : 0));
  }
  // What to do, by (type, before, after).
  for (int k = 0; k < 256; ++k) {
    const int type = k & 7, before = (k >> 3) & 7, after = k >> 6;
    const bool after_letter = after == T::kNextLetter || after == T::kNextTwin;
    const bool before_letter = before == T::kPrevLetter || before == T::kPrevTwin;
    uint8_t a = 0;
    switch (type) {
      case T::kPlain: break;
      case T::kSub: a = T::kReplace; break;
      case T::kDel:
        a = after == T::kNextZwnj           ? T::kToScalar
            : before == T::kPrevLetter      ? T::kDrop
            : before == T::kPrevDel         ? T::kDropAfterDrop
                                            : T::kToScalar;
        break;
      case T::kInitial:
        a = before == T::kPrevOther ? T::kReplace : before_letter ? 0 : T::kToScalar;
        break;
      case T::kFinal:
        a = after_letter ? 0 : T::kToScalar;  // before ZWNJ: the kernel's own mask (kTakesZwnj)
        break;
      case T::kTwin:
        a = before_letter                   ? 0
            : before != T::kPrevOther       ? T::kToScalar
            : after != T::kNextTwin         ? 0
            : options.initial_waw           ? T::kToScalar | T::kTwinCheck
                                            : 0;
        break;
      default: a = T::kToScalar;
    }
    t.act[k] = a;
  }
  for (int b = 0; b < 128; ++b) {
    const bool letter = scan[b] & sLetter;
    t.ascii_nb[b] = static_cast<uint8_t>((letter ? T::kPrevLetter : T::kPrevOther) << 3 |
                                         (letter ? T::kNextLetter : T::kNextOther) << 6);
    t.ascii_own[b] = static_cast<uint8_t>(((scan[b] & kScannerActing) ? 0x80 : 0) |
                                          (b == ' ' || b == '\t' || b == '\n' ? 0x40 : 0));
  }
  for (int i = 0; i < 64; ++i) {
    t.c2_scalar[i] = (scan[0x80 + i] & (kScannerActing | sLetter)) ? 0x80 : 0;
    t.e280_scalar[i] = (flags(kPunctBlock + static_cast<char32_t>(i)) & (fAct | fLetter)) ? 0x80 : 0;
  }
  t.line_stops = options.convention_repair;
  t.zwnj_smart = options.zwnj == ZwnjPolicy::kSmart;
  t.usable = !options.convention_repair || settled_lines_hold;
}

bool Normalizer::Impl::deleted(char32_t c) const {
  if (c < 0x800) return low[c] & fDeleted;
  if (c - kPunctBlock < kPunctBlockSize) return punct_deleted[c - kPunctBlock];
  return far_deleted(c);
}

bool Normalizer::Impl::far_deleted(char32_t c) const {
  auto it = entries.find(c);
  if (it == entries.end()) return false;
  const Rule& r = it->second.by_where[kAny];
  return r.set && r.to.empty();
}

bool Normalizer::Impl::scanner_inert(std::string_view text) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned b = s[i];
    if (b < 0x80) {
      if (scan[b] & kScannerActing) return false;
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      if (scan[(static_cast<char32_t>(b & 0x1F) << 6) | (s[i + 1] & 0x3F)] & kScannerActing) return false;
      i += 2;
    } else {
      return false;  // wider characters (ZWNJ ...) and broken sequences: the scanner looks at them
    }
  }
  return true;
}

bool Normalizer::Impl::blocks_inert(std::string_view text) const {
  namespace nd = normalize_detail;
  if (!blocks.usable) return false;
  // The classifier reads a copy padded with spaces, as run_blocks() does (the text is a word or a
  // few: a buffer on the stack).
  constexpr size_t kMaxBlocks = 8;
  const size_t n = text.size();
  if (n > kMaxBlocks * nd::kBlockStep) return false;
  alignas(32) unsigned char pad[nd::kPadBefore + kMaxBlocks * nd::kBlockStep + nd::kPadAfter];
  std::memset(pad, ' ', sizeof pad);
  std::memcpy(pad + nd::kPadBefore, text.data(), n);
  const size_t nblocks = (n + nd::kBlockStep - 1) / nd::kBlockStep;
  uint32_t flags[kMaxBlocks];
  nd::classify_blocks(blocks, pad, nd::kPadBefore, nd::kPadBefore + n + nd::kPadAfter, flags, nullptr, nblocks);
  uint32_t any = 0;
  for (size_t k = 0; k + 1 < nblocks; ++k) any |= flags[k];
  if (nblocks) any |= flags[nblocks - 1] & nd::last_block_bits(n, nblocks);
  return any == 0;
}

bool Normalizer::Impl::keeps_final_h(std::string_view w) const {
  if (h_words.count(std::string(w))) return true;
  for (const auto& s : h_suffixes) {
    if (w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

void Normalizer::Impl::run_piece(std::string_view in, size_t in_off, size_t out_line_base, std::string& out,
                                 OffsetMap* map, NormalizeStats* stats) const {
  const char* s = in.data();
  const size_t n = in.size();
  const size_t out_base = out.size();
  // Map offsets are relative to the line: input offsets shift by in_off, output by out_shift.
  const size_t out_shift = out_base - out_line_base;
  size_t copy_from = 0;        // start of the pending run of unchanged input bytes
  size_t word_start = out_base;  // output offset where the current word began
  bool prev_word = false;      // previous output character is a word character
  bool prev_arabic = false;    // last letter seen (ignoring spaces) is Arabic-script
  bool prev_joining = false;   // previous output character joins to the next letter
  size_t invalid = 0;

  auto flush = [&](size_t upto) {
    if (upto > copy_from) out.append(s + copy_from, upto - copy_from);
  };
  // Replace input [b, e) by `rep`.
  auto emit = [&](size_t b, size_t e, std::string_view rep) {
    flush(b);
    size_t ob = out.size() - out_base;
    out.append(rep);
    if (map) map->add_edit(in_off + b, in_off + e, out_shift + ob, out_shift + out.size() - out_base);
    copy_from = e;
  };
  // Next code point at byte i (U+FFFD past the end is never returned: returns 0 at the end).
  auto peek = [&](size_t i, int& len) -> char32_t {
    if (i >= n) { len = 0; return 0; }
    return utf8::decode(s, n, i, len);
  };
  // True when the character at byte i starts no more word: skip what will be deleted.
  auto word_ends_at = [&](size_t i) {
    for (;;) {
      int l;
      char32_t c = peek(i, l);
      if (l == 0) return true;
      if (deleted(c) && !chars::is_space(c)) { i += l; continue; }
      return !is_word_char(c) || c == chars::kZwnj;
    }
  };
  // A rule's result that is one letter with position rules of its own (أ آ إ ...) takes them too.
  auto positional = [&](const std::string& rep, bool initial) -> std::string {
    std::u32string r = utf8::to_u32(rep);
    if (r.size() != 1) return rep;
    const Entry* p2 = find_entry(r[0]);
    if (!p2) return rep;
    const Entry& e2 = *p2;
    if (initial && e2.by_where[kInitial].set) return e2.by_where[kInitial].to;
    if (!initial && e2.by_where[kNonInitial].set) return e2.by_where[kNonInitial].to;
    if (e2.by_where[kAny].set) return e2.by_where[kAny].to;
    return rep;
  };
  // Like word_ends_at, but a ZWNJ does not end the word (for the هـ spelling of final h).
  auto hard_end = [&](size_t i) {
    for (;;) {
      int l;
      char32_t c = peek(i, l);
      if (l == 0) return true;
      if (deleted(c) && !chars::is_space(c)) { i += l; continue; }
      return !is_word_char(c);
    }
  };
  auto set_prev = [&](char32_t c) {
    uint8_t fl = flags(c);
    bool word = (fl & fLetter) || c == chars::kZwnj || c == chars::kZwj;
    prev_word = word;
    prev_joining = fl & fJoining;
    if (fl & fArabic) prev_arabic = true;
    else if ((fl & fLetter) && !chars::is_mark(c)) prev_arabic = false;
  };

  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    // ASCII fast path.
    if (b < 0x80) {
      if (low[b] & fAct) goto slow_ascii;
      {
        bool word = low[b] & fLetter;
        if (word && !prev_word) word_start = out.size() + (i - copy_from);
        if (word) prev_arabic = false;
        prev_word = word;
        prev_joining = false;
        ++i;
        continue;
      }
    }
    {
      int len;
      char32_t c;
      // Two-byte sequences (all of the Arabic block) inline; everything else through the decoder.
      if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
        c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
        len = 2;
      } else {
        c = utf8::decode(s, n, i, len);
      }
      if (c == utf8::kReplacement && !(len == 3 && static_cast<unsigned char>(s[i]) == 0xEF)) {
        ++invalid;
        emit(i, i + len, "\xEF\xBF\xBD");
        prev_word = false;
        prev_joining = false;
        i += len;
        continue;
      }
      uint8_t fl = c < 0x800 ? low[c] : flags(c);
      // ر and و inside a word, and ه followed by a plain Arabic letter, are plain letters.
      bool plain = !(fl & fAct);
      if (!plain && (((fl & fInitialOnly) && prev_word) || (fl & fSeqOnly))) {
        // Plain unless a combining mark, tatweel or a control follows (they can compose with it).
        plain = true;
        if (i + len < n) {
          unsigned char n0 = static_cast<unsigned char>(s[i + len]);
          unsigned char n1 = i + len + 1 < n ? static_cast<unsigned char>(s[i + len + 1]) : 0;
          if ((n0 == 0xD9 && ((n1 >= 0x8B && n1 <= 0x9F) || n1 == 0xB0 || n1 == 0x80)) || n0 == 0xCC ||
              n0 == 0xCD || n0 == 0xE2 || n0 == 0xEF)
            plain = false;
        }
      }
      if (!plain && c == 0x0647 && i + 3 < n) {
        unsigned char n0 = static_cast<unsigned char>(s[i + 2]), n1 = static_cast<unsigned char>(s[i + 3]);
        if (n0 >= 0xD8 && n0 <= 0xDB && (n1 & 0xC0) == 0x80) {
          char32_t nc = (static_cast<char32_t>(n0 & 0x1F) << 6) | (n1 & 0x3F);
          plain = (low[nc] & (fArabic | fAct | fDeleted)) == fArabic && nc != 0x0640;
        }
      }
      if (plain) {
        bool word = (fl & fLetter);
        if (word && !prev_word) word_start = out.size() + (i - copy_from);
        prev_word = word;
        prev_joining = fl & fJoining;
        if (fl & fArabic) prev_arabic = true;
        else if (word && !chars::is_mark(c)) prev_arabic = false;
        i += len;
        continue;
      }
      // ---------------- slow path: c has a rule or a context behaviour ----------------
      const bool initial = !prev_word;
      if (initial) word_start = out.size() + (i - copy_from);
      int len2_dummy;
      // Two-code-point sequences (letter + mark, heh + ZWNJ ...).
      const Entry* ent = find_entry(c);
      if (ent && ent->simple.size()) {
        emit(i, i + len, ent->simple);
        set_prev(utf8::decode(ent->simple.data(), ent->simple.size(), 0, len2_dummy));
        i += len;
        continue;
      }
      if (ent && !ent->seq.empty()) {
        // The second character may follow after characters that are deleted anyway (tatweel,
        // harakat, controls): ه ـ ZWNJ is still ه + ZWNJ.
        size_t j2 = i + len;
        int l2;
        char32_t c2 = peek(j2, l2);
        while (l2 && deleted(c2)) {
          bool is_second = false;
          for (const auto& sq : ent->seq) is_second = is_second || sq.first == c2;
          if (is_second) break;
          j2 += l2;
          c2 = peek(j2, l2);
        }
        l2 = l2 ? static_cast<int>(j2 + l2 - (i + len)) : 0;
        bool done = false;
        for (const auto& [second, rep] : ent->seq) {
          if (l2 && c2 == second) {
            // The result may itself have position rules (آ, أ, ئ ...): re-run them on the result.
            std::u32string r = utf8::to_u32(rep);
            std::string rep2 = rep;
            if (r.size() == 1) {
              if (const Entry* p2 = find_entry(r[0])) {
                const Rule* rr = nullptr;
                if (initial && p2->by_where[kInitial].set) rr = &p2->by_where[kInitial];
                else if (!initial && p2->by_where[kNonInitial].set) rr = &p2->by_where[kNonInitial];
                else if (p2->by_where[kAny].set) rr = &p2->by_where[kAny];
                if (rr) rep2 = rr->to;
              }
            }
            emit(i, i + len + l2, rep2);
            char32_t last = r.empty() ? 0 : r.back();
            if (!rep2.empty()) {
              std::u32string r2 = utf8::to_u32(rep2);
              last = r2.back();
              set_prev(r2.front());
              set_prev(last);
            }
            i += len + l2;
            done = true;
            break;
          }
        }
        if (done) continue;
      }
      // Word-final heh: the vowel ە unless the word ends in /h/ (closed list) or is written هـ.
      if (c == 0x0647) {
        int l2;
        char32_t c2 = peek(i + len, l2);
        size_t jt = i + len;
        int lt;
        for (char32_t ct = c2; lt = l2, l2 && (ct == 0x0640 || (deleted(ct) && ct != chars::kZwnj)); ct = peek(jt, l2)) jt += lt;
        if (c2 == 0x0640 && hard_end(jt)) {  // هـ (any tatweels): the consonant h
          if (options.heh == HehPolicy::kHehDoachashmee) {
            emit(i, jt, "\xDA\xBE");
          } else if (options.tatweel) {
            emit(i, jt, "\xD9\x87\xD9\x80");  // the run cut to the one tatweel that marks h
          } else {
            // Tatweel kept: the run stays as typed (marks among it are still deleted), as the
            // scanner's fast paths keep it.
            std::string kept = "\xD9\x87";
            for (size_t k = i + len; k < jt;) {
              int lk;
              if (peek(k, lk) == 0x0640) kept += "\xD9\x80";
              k += lk;
            }
            emit(i, jt, kept);
          }
          i = jt;
          prev_word = true; prev_joining = false; prev_arabic = true;
          continue;
        }
        if (options.final_heh && prev_word && word_ends_at(i + len)) {
          flush(i);
          copy_from = i;
          std::string_view word(out.data() + word_start, out.size() - word_start);
          std::string w(word);
          w += "\xD9\x87";
          if (!keeps_final_h(w)) {
            emit(i, i + len, "\xDB\x95");  // ە
            set_prev(0x06D5);
            i += len;
            continue;
          }
        }
        if (options.heh == HehPolicy::kHehDoachashmee) emit(i, i + len, "\xDA\xBE");
        set_prev(c);
        i += len;
        continue;
      }
      if (c == 0x06BE) {  // ھ heh doachashmee
        if (options.heh_zwnj) {  // ھ + ZWNJ is the legacy vowel spelling too
          size_t j = i + len;
          int l2;
          char32_t c2 = peek(j, l2);
          while (l2 && deleted(c2)) { j += l2; c2 = peek(j, l2); }
          if (l2 && c2 == chars::kZwnj) {
            emit(i, j + l2, "\xDB\x95");
            set_prev(0x06D5);
            i = j + l2;
            continue;
          }
        }
        if (options.heh == HehPolicy::kHeh) {
          // Take a following tatweel along: ھـ is the same consonant.
          size_t end = i + len;
          int lt;
          for (char32_t ct = peek(end, lt); lt && (ct == 0x0640 || deleted(ct)); ct = peek(end, lt)) end += lt;
          if (word_ends_at(end) && (prev_word || end > i + len)) emit(i, end, "\xD9\x87\xD9\x80");  // هـ
          else emit(i, end, "\xD9\x87");
          set_prev(0x0647);
          i = end;
          continue;
        }
        set_prev(0x0647);
        i += len;
        continue;
      }
      if (c == 0x0648 && initial && options.initial_waw) {  // word-initial وو before a consonant -> و
        int l2, l3;
        char32_t c2 = peek(i + len, l2);
        size_t j3 = i + len + l2;
        char32_t c3 = peek(j3, l3);
        // A ZWNJ after و is dropped (و does not join), so look past it and past deleted marks.
        while (l3 && (c3 == chars::kZwnj || deleted(c3))) { j3 += l3; c3 = peek(j3, l3); }
        if (c2 == 0x0648 && l3 && chars::is_arabic_letter(c3) && kWawVowels.find(c3) == std::u32string_view::npos) {
          emit(i, i + len + l2, "\xD9\x88");
          set_prev(0x0648);
          i += len + l2;
          continue;
        }
      }
      if (c == chars::kZwnj) {
        bool keep = false;
        if (options.zwnj == ZwnjPolicy::kKeep) keep = true;
        else if (options.zwnj == ZwnjPolicy::kSmart) {
          // Keep only between a letter that would join the next one and a following Arabic letter.
          size_t j = i + len;
          int l2;
          char32_t c2 = peek(j, l2);
          while (l2 && (c2 == chars::kZwnj || deleted(c2))) { j += l2; c2 = peek(j, l2); }
          keep = prev_joining && l2 && chars::is_arabic_letter(c2);
          // Runs of ZWNJ collapse to one.
          if (keep && j > i + len) {
            emit(i, j, "\xE2\x80\x8C");
            prev_word = true;
            prev_joining = false;
            i = j;
            continue;
          }
        }
        if (!keep) {
          emit(i, i + len, "");
          i += len;
          continue;
        }
        prev_word = true;
        prev_joining = false;
        i += len;
        continue;
      }
      if (int d = chars::digit_value(c); d >= 0 && options.digits != DigitPolicy::kKeep) {
        char32_t base = options.digits == DigitPolicy::kLatin ? U'0'
                        : options.digits == DigitPolicy::kArabicIndic ? 0x0660 : 0x06F0;
        char32_t t = base + static_cast<char32_t>(d);
        if (t != c) emit(i, i + len, utf8::encode(t));
        prev_word = false;
        prev_joining = false;
        i += len;
        continue;
      }
      if (options.punctuation == PunctPolicy::kToLatin && (c == 0x060C || c == 0x061B || c == 0x061F)) {
        emit(i, i + len, c == 0x060C ? "," : c == 0x061B ? ";" : "?");
        prev_word = false;
        prev_joining = false;
        i += len;
        continue;
      }
      if (c >= 0xFF01 && c <= 0xFF5E && options.fullwidth) {
        emit(i, i + len, std::string(1, static_cast<char>(c - 0xFEE0)));
        set_prev(c - 0xFEE0);
        i += len;
        continue;
      }
      if (c >= 0x0300 && c <= 0x036F && options.compose) {
        // NFC the word around a Latin combining mark: re-normalize from the word start.
        flush(i);
        copy_from = i;
        size_t j = i + len;
        int l2;
        while (j < n) {
          char32_t c2 = peek(j, l2);
          if (!(c2 >= 0x0300 && c2 <= 0x036F)) break;
          j += l2;
        }
        // Compose with the base character just before the marks (the last code point written).
        size_t ws = out.size();
        if (prev_word && ws > out_base) {
          --ws;
          while (ws > out_base && (static_cast<unsigned char>(out[ws]) & 0xC0) == 0x80) --ws;
        }
        std::string seg = out.substr(ws) + std::string(s + i, j - i);
        const icu::Normalizer2* nf = nfc();
        if (nf && ws < out.size()) {
          UErrorCode ec = U_ZERO_ERROR;
          icu::UnicodeString us = icu::UnicodeString::fromUTF8(seg);
          icu::UnicodeString r = nf->normalize(us, ec);
          std::string res;
          if (U_SUCCESS(ec)) r.toUTF8String(res);
          if (U_SUCCESS(ec) && res != seg) {
            // Rewrite [base, marks) as one edit. Edits that wrote the base or came after it (a
            // fullwidth letter, a deleted control) merge into it, so the text is the same with
            // or without a map.
            size_t in_ws = i - (out.size() - ws);  // when the base and what follows are copies
            size_t ob_line = out_shift + (ws - out_base);
            if (map) {
              const auto& ed = map->edits();
              size_t f = ed.size();
              while (f > 0 && ed[f - 1].out_end > ob_line) --f;
              if (f < ed.size()) {
                const OffsetMap::Edit first = ed[f];
                if (first.out_begin <= ob_line) {
                  in_ws = first.in_begin - in_off;
                  ob_line = first.out_begin;
                } else {
                  in_ws = first.in_begin - in_off - (first.out_begin - ob_line);
                }
                map->truncate(f);
              }
            }
            out.resize(ws);
            out += res;
            if (map) map->add_edit(in_off + in_ws, in_off + j, ob_line, out_shift + out.size() - out_base);
            copy_from = j;
            prev_word = true;
            i = j;
            continue;
          }
        }
        prev_word = true;
        i = j;
        continue;
      }
      if (options.punctuation == PunctPolicy::kToArabic && (c == ',' || c == ';' || c == '?')) {
        if (prev_arabic) emit(i, i + len, c == ',' ? "\xD8\x8C" : c == ';' ? "\xD8\x9B" : "\xD8\x9F");
        prev_word = false;
        prev_joining = false;
        i += len;
        continue;
      }
      // Single-code-point rules by position.
      if (ent) {
        const Entry& e = *ent;
        const Rule* r = nullptr;
        if (e.by_where[kFinal].set && prev_word && word_ends_at(i + len)) r = &e.by_where[kFinal];
        else if (initial && e.by_where[kInitial].set) r = &e.by_where[kInitial];
        else if (!initial && e.by_where[kNonInitial].set) r = &e.by_where[kNonInitial];
        else if (e.by_where[kAny].set) r = &e.by_where[kAny];
        if (r) {
          // A replacement that is itself a letter with rules (presentation form -> ی ...) goes
          // through the table once more, so one pass gives the final form (idempotence).
          std::string rep = r->to;
          std::u32string rr = utf8::to_u32(rep);
          if (rr.size() >= 1) {
            const Entry* p2 = find_entry(rr[0]);
            if (p2 && rr[0] != c) {
              const Entry& e2 = *p2;
              const Rule* r2 = nullptr;
              if (initial && e2.by_where[kInitial].set) r2 = &e2.by_where[kInitial];
              else if (!initial && e2.by_where[kNonInitial].set) r2 = &e2.by_where[kNonInitial];
              else if (e2.by_where[kAny].set) r2 = &e2.by_where[kAny];
              if (r2) rep = r2->to + utf8::from_u32(rr.substr(1));
            }
            if (rr[0] == 0x0647 && rr.size() == 1 && options.final_heh && prev_word && word_ends_at(i + len)) {
              rep = "\xDB\x95";
            }
          }
          // The replacement's last letter may compose with a following mark (ﺍ + ٔ -> أ).
          size_t consumed = len;
          if (!rep.empty()) {
            std::u32string r3 = utf8::to_u32(rep);
            const Entry* p3 = find_entry(r3.back());
            if (p3 && !p3->seq.empty()) {
              size_t j3 = i + len;
              int l3;
              char32_t c3 = peek(j3, l3);
              while (l3 && deleted(c3) && c3 != 0x0654 && c3 != 0x0655 && c3 != 0x065A && c3 != 0x065B) {
                j3 += l3;
                c3 = peek(j3, l3);
              }
              for (const auto& [second, srep] : p3->seq) {
                if (l3 && c3 == second) {
                  rep = utf8::from_u32(r3.substr(0, r3.size() - 1)) + positional(srep, initial && r3.size() == 1);
                  consumed = j3 + l3 - i;
                  break;
                }
              }
            }
          }
          emit(i, i + consumed, rep);
          if (!rep.empty()) {
            std::u32string r3 = utf8::to_u32(rep);
            for (char32_t x : r3) set_prev(x);
          }
          i += consumed;
          continue;
        }
      }
      // No rule fired: a plain character.
      set_prev(c);
      i += len;
      continue;
    }
  slow_ascii : {
    char32_t c = b;
    if (int d = chars::digit_value(c); d >= 0 && options.digits != DigitPolicy::kKeep) {
      char32_t base = options.digits == DigitPolicy::kLatin ? U'0'
                      : options.digits == DigitPolicy::kArabicIndic ? 0x0660 : 0x06F0;
      char32_t t = base + static_cast<char32_t>(d);
      if (t != c) emit(i, i + 1, utf8::encode(t));
    } else if (options.punctuation == PunctPolicy::kToArabic && (c == ',' || c == ';' || c == '?') && prev_arabic) {
      emit(i, i + 1, c == ',' ? "\xD8\x8C" : c == ';' ? "\xD8\x9B" : "\xD8\x9F");
    }
    prev_word = false;
    prev_joining = false;
    ++i;
  }
  }
  flush(n);

  if (stats) stats->invalid_utf8 += invalid;
}

// The driver: splits the line at spaces and tabs (rules are word-local, so this changes nothing:
// see the chunked == whole property test), scans each chunk with one table lookup per character,
// and hands only the chunks that need work to run_piece(). Clean chunks are copied in one block.
void Normalizer::Impl::run_piece_fixed(std::string_view in, size_t in_off, size_t out_line_base, std::string& out,
                                       OffsetMap* map, NormalizeStats* stats, NormalizePath path, int depth) const {
  constexpr int kMaxPasses = 4;
  const size_t ob = out.size(), mark = map ? map->edits().size() : 0;
  run_piece(in, in_off, out_line_base, out, map, stats);
  const std::string_view produced(out.data() + ob, out.size() - ob);
  if (depth + 1 >= kMaxPasses || produced == in) return;
  // The next pass would copy a word unchanged when no character has a scanner class, or (with
  // AVX2) when the block classifier flags none of its bytes.
  if (!needs_line_context && path != NormalizePath::kPerCharacter &&
      (scanner_inert(produced) || (path == NormalizePath::kFast && blocks_inert(produced))))
    return;
  std::string again;
  OffsetMap m2;
  run(produced, again, map ? &m2 : nullptr, nullptr, path, depth + 1);
  if (again == produced) return;
  if (map) {
    // This piece's edits, then the second pass's, as one map of the piece.
    const size_t out_shift = ob - out_line_base;
    OffsetMap m1;
    for (size_t k = mark; k < map->edits().size(); ++k) {
      const auto& e = map->edits()[k];
      m1.add_edit(e.in_begin - in_off, e.in_end - in_off, e.out_begin - out_shift, e.out_end - out_shift);
    }
    m1.finish(in.size(), produced.size());
    const OffsetMap both = OffsetMap::compose(m1, m2);
    map->truncate(mark);
    for (const auto& e : both.edits())
      map->add_edit(e.in_begin + in_off, e.in_end + in_off, e.out_begin + out_shift, e.out_end + out_shift);
  }
  out.resize(ob);
  out += again;
}

void Normalizer::Impl::run(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
                           NormalizePath path, int depth) const {
  const size_t out_line_base = out.size();
  if (needs_line_context || path == NormalizePath::kPerCharacter) {
    run_piece_fixed(in, 0, out_line_base, out, map, stats, path, depth);
    if (map) map->finish(in.size(), out.size() - out_line_base);
    return;
  }
  if (!map && depth == 0 && path == NormalizePath::kFast && blocks.usable) {
    run_blocks(in, out, stats);
    return;
  }
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t copy_from = 0, chunk = 0, i = 0;
  bool work = false;
  // Output is copied from the input lazily, in as few appends as possible: a letter-for-letter
  // substitution (ك -> ک, two bytes for two) is a pending patch, written into the output when the
  // run of input around it is copied. Other substitutions copy up to their start and append.
  struct Patch {
    size_t at;
    char b0, b1;
  };
  constexpr size_t kMaxPatches = 64;
  Patch patches[kMaxPatches];
  size_t pending = 0;
  // Copies input [copy_from, to) with the pending patches inside that range.
  auto copy_to = [&](size_t to) __attribute__((always_inline)) {
    const size_t o = out.size() - copy_from;
    out.append(in.data() + copy_from, to - copy_from);
    size_t k = 0;
    for (; k < pending && patches[k].at < to; ++k) {
      out[o + patches[k].at] = patches[k].b0;
      out[o + patches[k].at + 1] = patches[k].b1;
    }
    if (k < pending) std::copy(patches + k, patches + pending, patches);
    pending -= k;
    copy_from = to;
  };
  // A chunk that turns out to need run_piece() takes back what its substitutions did: its
  // patches, its map edits, and (when chunk_copied) the output from chunk_out on.
  bool chunk_edited = false, chunk_copied = false;
  size_t chunk_out = 0, chunk_map_edits = 0;
  const bool tatweel_deleted = options.tatweel;
  const bool heh_zwnj = options.heh_zwnj, smart_zwnj = options.zwnj == ZwnjPolicy::kSmart,
             keep_zwnj = options.zwnj == ZwnjPolicy::kKeep;
  // Replace input [b, e) of the current chunk by `rep` (1 or 2 bytes, or nothing).
  auto substitute = [&](size_t b, size_t e, const char* rep, size_t rep_len) __attribute__((always_inline)) {
    if (work) return;  // the whole chunk goes to run_piece()
    if (!chunk_edited) {
      chunk_edited = true;
      chunk_map_edits = map ? map->edits().size() : 0;
    }
    if (map) {
      size_t ob = out.size() + (b - copy_from) - out_line_base;  // patches keep lengths
      map->add_edit(b, e, ob, ob + rep_len);
    }
    if (rep_len == 2 && e - b == 2 && pending < kMaxPatches) {
      patches[pending++] = {b, rep[0], rep[1]};
      return;
    }
    if (!chunk_copied) {
      // Where the chunk starts in the output once copied (patches keep lengths): one copy up to b
      // below instead of two.
      chunk_out = out.size() + (chunk - copy_from);
      chunk_copied = true;
    }
    copy_to(b);
    for (size_t k = 0; k < rep_len; ++k) out.push_back(rep[k]);  // 0-2 bytes: no append call
    copy_from = e;
  };
  auto end_chunk = [&](size_t e) {
    if (work) {
      if (chunk_edited) {
        while (pending > 0 && patches[pending - 1].at >= chunk) --pending;
        if (chunk_copied) {
          out.resize(chunk_out);
          copy_from = chunk;
        }
        if (map) map->truncate(chunk_map_edits);
      }
      copy_to(chunk);
      run_piece_fixed(in.substr(chunk, e - chunk), chunk, out_line_base, out, map, stats, path, depth);
      copy_from = e;
    }
    work = false;
    chunk_edited = false;
    chunk_copied = false;
  };
  auto prev_cp = [&](size_t at) { return prev_cp_in(s, chunk, at); };
  auto at_word_start = [&](size_t at) { return word_start_in(s, chunk, at, scan); };
  // One character of the scanner at byte i: writes its substitution, or marks the chunk for
  // run_piece() (`work`), ends the chunk at a space or tab, and advances i.
  auto step = [&] {
    unsigned b = s[i];
    if (b >= 0xC2 && b <= 0xDF) {
      if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) {  // ill-formed
        work = true;
        ++i;
        return;
      }
      char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
      uint8_t sc = scan[c];
      if (sc & (sInterior | sInitial | sFinal | sSubst)) {
        if (sc & sSubst) {
          substitute(i, i + 2, two_byte_utf8(subst[c]).bytes, 2);
        } else if (sc & sInterior) {
          char32_t pc = c == 0x0640 ? prev_cp(i) : 0;
          // A tatweel inside a word, not after ه: deleted. At a word start (or after a ZWNJ) its
          // deletion changes the next letter's context (ـوو -> وو at a word start -> و), which
          // is run_piece()'s business.
          if (c == 0x0640 && tatweel_deleted && pc != 0x0647 && pc != 0x06BE && pc != 0x0640 && pc != 0x200C &&
              pc != 0xFFFD && (scan[pc] & sLetter)) {
            substitute(i, i + 2, "", 0);
          } else {
            work = true;
          }
        } else if (sc & sInitial) {
          if (at_word_start(i)) {
            if (c == 0x0631 && initial_r_subst) substitute(i, i + 2, "\xDA\x95", 2);  // ر -> ڕ at a word start
            else if (c == 0x0648 && !(i + 3 < n && s[i + 2] == 0xD9 && s[i + 3] == 0x88)) {
              // a word-initial و not followed by و: nothing to do
            } else {
              work = true;
            }
          }
        } else {  // sFinal: ه needs work unless a plain letter follows it (or a ZWNJ: handled there)
          bool plain_next = heh_zwnj && i + 4 < n && s[i + 2] == 0xE2 && s[i + 3] == 0x80 && s[i + 4] == 0x8C;
          if (!plain_next && i + 3 < n && s[i + 2] >= 0xC2 && s[i + 2] <= 0xDF && (s[i + 3] & 0xC0) == 0x80) {
            char32_t nc = (static_cast<char32_t>(s[i + 2] & 0x1F) << 6) | (s[i + 3] & 0x3F);
            plain_next = (scan[nc] & (sLetter | sInterior)) == sLetter;
          }
          if (!plain_next) work = true;
        }
      }
      i += 2;
      return;
    }
    if (b < 0x80) {
      if (b == ' ' || b == '\t') {
        end_chunk(i);
        chunk = ++i;
        return;
      }
      if (scan[b] & sInterior) work = true;
      ++i;
      return;
    }
    if (b == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x8C) {
      // ZWNJ: after ه it spells ە (a substitution); between a joining letter and a following plain
      // Arabic letter the smart policy keeps it; anything else goes to the slow path.
      char32_t pc = prev_cp(i);
      if (pc == 0x0647 && heh_zwnj) {
        substitute(i - 2, i + 3, "\xDB\x95", 2);  // ه + ZWNJ -> ە
      } else if (pc == 0x0640 && options.tatweel && !keep_zwnj) {
        work = true;  // after a tatweel: whether the ZWNJ stays depends on the letter before it
      } else if (keep_zwnj) {
      } else {
        bool keep = false;
        if (smart_zwnj && pc < 0x800 && (low[pc] & fJoining) && pc != 0x06BE && i + 4 < n &&
            s[i + 3] >= 0xD8 && s[i + 3] <= 0xDB && (s[i + 4] & 0xC0) == 0x80) {
          char32_t nc = (static_cast<char32_t>(s[i + 3] & 0x1F) << 6) | (s[i + 4] & 0x3F);
          keep = (scan[nc] & (sLetter | sInterior | sSubst)) == sLetter && nc != 0x0640 &&
                 (low[nc] & fArabic);
        }
        if (!keep) work = true;
      }
      i += 3;
      return;
    }
    // Other three- and four-byte characters (controls, presentation forms, emoji) and invalid bytes.
    work = true;
    ++i;
  };
  // The spaces and tabs of bytes [from, to) of a block, skipped by the classifier: each ends a chunk
  // (only the first can end one that needs work; the ones after it are clean).
  auto chunk_ends = [&](size_t first_space, size_t last_space) {
    if (work || chunk_edited) end_chunk(first_space);
    chunk = last_space + 1;
  };
  // Spaces and tabs of bytes [from, to) of the block starting at `base` (bit j = byte base + j).
  auto block_spaces = [&](size_t base, uint32_t spaces, size_t from, size_t to) {
    uint32_t lanes = spaces & (~0u << (from - base)) & ~(~0u << (to - base));
    if (lanes) chunk_ends(base + static_cast<size_t>(__builtin_ctz(lanes)), base + 31 - static_cast<size_t>(__builtin_clz(lanes)));
  };
  // The flagged bytes of one classified block [base, end): the scanner runs on each flagged
  // character (a flag behind i belongs to a character it already stepped over), and the spaces
  // between them end chunks.
  auto process_block = [&](size_t base, uint32_t f, uint32_t sp, size_t end) __attribute__((always_inline)) {
    for (; f; f &= f - 1) {
      const size_t at = base + static_cast<size_t>(__builtin_ctz(f));
      if (at < i) continue;
      if (at >= end) break;
      block_spaces(base, sp, i, at);
      i = at;
      // The commonest flag, a letter-for-letter substitution (ك -> ک), without the call.
      const unsigned b = s[at];
      if (b >= 0xC2 && b <= 0xDF && at + 1 < n && (s[at + 1] & 0xC0) == 0x80) {
        const char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (s[at + 1] & 0x3F);
        if (scan[c] & sSubst) {
          substitute(at, at + 2, two_byte_utf8(subst[c]).bytes, 2);
          i = at + 2;
          continue;
        }
      }
      step();
    }
    if (i < end) {
      block_spaces(base, sp, i, end);
      i = end;
      if (end < n && (s[end - 1] & 0xE0) == 0xC0) ++i;  // a two-byte character across the block end
    }
  };
  if (path == NormalizePath::kFast && blocks.usable) {
    constexpr size_t kSegment = 64;  // blocks classified per call: 1792 bytes
    uint32_t flags[kSegment], spaces[kSegment];
    while (i < n) {
      if (i >= 3 && i + 31 <= n) {
        const size_t start = i;
        const size_t count = normalize_detail::classify_blocks(blocks, s, start, n, flags, spaces, kSegment);
        for (size_t k = 0; k < count; ++k) {
          const size_t base = start + k * normalize_detail::kBlockStep;
          process_block(base, flags[k], spaces[k], base + normalize_detail::kBlockStep);
        }
        continue;
      }
      // The first 3 bytes of a line and its last 30: the scalar scanner. (A padded copy through
      // the classifier cost more than it saved: lines are short, and so are the words
      // run_piece_fixed() checks again.)
      step();
    }
  }
  while (i < n) step();
  end_chunk(n);
  copy_to(n);
  if (map) map->finish(n, out.size() - out_line_base);
}

void Normalizer::Impl::run_blocks(std::string_view in, std::string& out, NormalizeStats* stats) const {
  namespace nd = normalize_detail;
  const size_t n = in.size();
  // The line is read from a copy padded with spaces (a line starts and ends a word): kPadBefore
  // bytes before it, kPadAfter after. The classifier reads every block from it without special
  // first and last blocks, a run copies with 32-byte loads that may read past the line's end, and
  // the chunk around a flag is found with 32-byte space searches that stop at the padding.
  using nd::kPadBefore, nd::kPadAfter;
  thread_local std::string padded;
  if (padded.size() < kPadBefore + n + kPadAfter) padded.resize(kPadBefore + n + kPadAfter);
  auto* pad = reinterpret_cast<unsigned char*>(padded.data());
  std::memset(pad, ' ', kPadBefore);
  std::memcpy(pad + kPadBefore, in.data(), n);
  std::memset(pad + kPadBefore + n, ' ', kPadAfter);
  const unsigned char* const s = pad + kPadBefore;
  // Every block is classified first (flags kept per thread). With patches (ك -> ک ...), the
  // classifier writes the line with them made to a second padded buffer, `src`: the output is
  // copied from it, while every rule reads its context from `s`, as typed.
  const size_t nblocks = (n + nd::kBlockStep - 1) / nd::kBlockStep;
  thread_local std::vector<uint32_t> flags;
  if (flags.size() < nblocks) flags.resize(nblocks);
  const size_t padded_n = kPadBefore + n + kPadAfter;
  thread_local std::string patched_copy;
  thread_local std::vector<uint32_t> letter_zwnj_starts;
  const unsigned char* src = s;
  size_t markers = 0;  // letter + ZWNJ patches: their kMarker bytes leave the output at the end
  if (blocks.patch_count || blocks.letter_zwnj) {
    if (patched_copy.size() < padded_n) patched_copy.resize(padded_n);
    auto* patched = reinterpret_cast<unsigned char*>(patched_copy.data());
    if (blocks.letter_zwnj && letter_zwnj_starts.size() < nblocks) letter_zwnj_starts.resize(nblocks);
    nd::classify_patch_blocks(blocks, pad, patched, kPadBefore, padded_n, flags.data(), letter_zwnj_starts.data(),
                              nblocks);
    if (blocks.letter_zwnj)
      markers = nd::patch_letter_zwnj(blocks, patched + kPadBefore, letter_zwnj_starts.data(), nblocks);
    src = patched + kPadBefore;
  } else {
    nd::classify_blocks(blocks, pad, kPadBefore, padded_n, flags.data(), nullptr, nblocks);
  }
  // Output is written at d + wo. Invariant: out.size() >= wo + (n - copy_from) + kSlack, so a run
  // of input copies with 32-byte stores that may write up to 31 bytes past its end, and a
  // substitution (never longer than what it replaces) always has room.
  // The output starts as a copy of the input (one memcpy instead of the zero fill of a resize):
  // while every change so far kept its length (`aligned`), the bytes after wo are already the
  // input's, and a run of unchanged input needs no copy.
  constexpr size_t kSlack = 64;
  const size_t base_out = out.size();
  out.append(reinterpret_cast<const char*>(src), n);
  out.append(kSlack, '\0');
  char* d = out.data();
  bool aligned = true;
  size_t wo = base_out;
  size_t copy_from = 0;  // input before it is written
  // Chunks (bytes between spaces and tabs) are found only around the flags that need one: a
  // substitution (its chunk's output start, in case a later flag of the chunk sends it to
  // run_piece()) and a chunk that needs run_piece(). [chunk, chunk_end) is the last chunk found;
  // chunk_edited: it has a substitution written, its output starts at chunk_w (stale once a flag
  // at or after chunk_end is handled: the users check that themselves).
  size_t chunk = 0, chunk_end = 0;
  bool chunk_edited = false;
  size_t chunk_w = 0;
  // run_piece()'s output of a chunk that needs work (kept per thread: no allocation per line).
  thread_local std::string piece;
  const bool tatweel_deleted = options.tatweel;
  const bool final_heh = options.final_heh;
  const bool heh_zwnj = options.heh_zwnj, smart_zwnj = options.zwnj == ZwnjPolicy::kSmart,
             keep_zwnj = options.zwnj == ZwnjPolicy::kKeep;

  // The chunk around byte `at` (not a space or tab): the byte after the last space or tab before
  // it (the padding before the line has spaces) and the first one from it (or n: the padding
  // after the line). A chunk found earlier ended at chunk_end <= at, so the search back stops
  // there at the latest, and every byte is searched at most once in each direction.
  auto find_chunk = [&](size_t at) {
    nd::chunk_around(blocks, s, at, chunk, chunk_end);
    chunk_end = std::min(chunk_end, n);
  };
  auto copy_to = [&](size_t to) __attribute__((always_inline)) {
    const size_t len = to - copy_from;
    if (aligned) {
      wo += len;
      copy_from = to;
      return;
    }
    const unsigned char* p = src + copy_from;
    char* q = d + wo;
    for (size_t k = 0; k < len; k += 32) std::memcpy(q + k, p + k, 32);  // the padding is read past n
    wo += len;
    copy_from = to;
  };
  // Replace input [b, e) of the chunk of `b` by rep[0..rep_len) (rep_len <= e - b).
  auto substitute = [&](size_t b, size_t e, const char* rep, size_t rep_len) __attribute__((always_inline)) {
    if (aligned && rep_len == e - b) {
      // Every change so far kept its length: input byte p is output byte base_out + p, and the
      // output there is still the input. Patched in place, with no chunk to find: if a later flag
      // sends the chunk to run_piece(), the chunk's output (at base_out + its start) is rewritten.
      for (size_t k = 0; k < rep_len; ++k) d[base_out + b + k] = rep[k];
      return;
    }
    if (!chunk_edited || b >= chunk_end) {  // the first substitution of its chunk
      if (b >= chunk_end) find_chunk(b);
      chunk_edited = true;
      chunk_w = wo + (chunk - copy_from);  // copy_from <= chunk here; copies keep lengths
    }
    copy_to(b);
    aligned = aligned && rep_len == e - b;
    if (rep_len == 2) {
      d[wo] = rep[0];
      d[wo + 1] = rep[1];
    } else if (rep_len == 1) {
      d[wo] = rep[0];
    }
    wo += rep_len;
    copy_from = e;
  };
  // The chunk of byte `at` needs run_piece(): its substitutions are taken back, and run_piece()
  // redoes it from the input. Returns the chunk's end.
  auto work_chunk = [&](size_t at) -> size_t {
    if (at >= chunk_end) {
      find_chunk(at);
      chunk_edited = false;  // a new chunk
    }
    if (chunk_edited) wo = chunk_w;  // take back the chunk's substitutions
    else copy_to(chunk);
    piece.clear();
    const size_t e = chunk_end;
    run_piece_fixed(in.substr(chunk, e - chunk), chunk, 0, piece, nullptr, stats, NormalizePath::kFast, 0);
    const size_t need = wo + piece.size() + (n - e) + kSlack;
    if (need > out.size()) {
      out.resize(std::max(need, base_out + 2 * (out.size() - base_out)));
      d = out.data();
    }
    aligned = aligned && piece.size() == e - chunk;
    std::memcpy(d + wo, piece.data(), piece.size());
    wo += piece.size();
    copy_from = e;
    chunk_edited = false;
    return e;
  };
  size_t tatweel_run_end = ~size_t{0};  // the byte after the last tatweel deleted in the block loop (none yet)
  // The character before byte `at` (the padding gives ' ' before the line; a space or tab before
  // a chunk decodes as itself, which no rule tells from a chunk start).
  auto prev_cp = [&](size_t at) { return prev_cp_padded(s, at); };
  auto at_word_start = [&](size_t at) {
    const char32_t p = prev_cp_padded(s, at);
    return p != 0x200C && p != 0xFFFD && !(scan[p] & sLetter);
  };
  // The scanner's step (run()) at a flagged byte `at`: writes a substitution or sets `work`;
  // returns the byte after its character.
  bool work = false;
  auto step = [&](size_t at) __attribute__((always_inline)) -> size_t {
    const unsigned b = s[at];
    if (b >= 0xC2 && b <= 0xDF) {
      if (at + 1 >= n || (s[at + 1] & 0xC0) != 0x80) {  // ill-formed
        work = true;
        return at + 1;
      }
      const char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (s[at + 1] & 0x3F);
      const uint8_t sc = scan[c];
      if (sc & sSubst) {
        substitute(at, at + 2, two_byte_utf8(subst[c]).bytes, 2);
      } else if (sc & sInterior) {
        const char32_t pc = c == 0x0640 ? prev_cp(at) : 0;
        // A tatweel after a letter is deleted, and so is every further tatweel of its run (the
        // letter before the run decides, as run_piece() deletes each one the same way).
        if (c == 0x0640 && tatweel_deleted &&
            (at == tatweel_run_end || (pc != 0x0647 && pc != 0x06BE && pc != 0x0640 && pc != 0x200C &&
                                       pc != 0xFFFD && (scan[pc] & sLetter)))) {
          substitute(at, at + 2, "", 0);
          tatweel_run_end = at + 2;
        } else {
          work = true;
        }
      } else if (sc & sInitial) {
        if (at_word_start(at)) {
          if (c == 0x0631 && initial_r_subst) substitute(at, at + 2, "\xDA\x95", 2);
          else if (c == 0x0648 && !(at + 3 < n && s[at + 2] == 0xD9 && s[at + 3] == 0x88)) {
          } else {
            work = true;
          }
        }
      } else if (sc & sFinal) {
        bool plain_next = heh_zwnj && at + 4 < n && s[at + 2] == 0xE2 && s[at + 3] == 0x80 && s[at + 4] == 0x8C;
        if (!plain_next && at + 3 < n && s[at + 2] >= 0xC2 && s[at + 2] <= 0xDF && (s[at + 3] & 0xC0) == 0x80) {
          const char32_t nc = (static_cast<char32_t>(s[at + 2] & 0x1F) << 6) | (s[at + 3] & 0x3F);
          plain_next = (scan[nc] & (sLetter | sInterior)) == sLetter;
        }
        // Without the word-final rule, ه before a ZWNJ or at the end of its chunk stays as it is
        // (run_piece() changes it then only before a tatweel or as the letter of a letter + mark).
        if (!plain_next && !final_heh) {
          const size_t e = at + 2;
          plain_next = e == n || s[e] == ' ' || s[e] == '\t' ||
                       (e + 2 < n && s[e] == 0xE2 && s[e + 1] == 0x80 && s[e + 2] == 0x8C);
        }
        if (!plain_next) work = true;
      }
      return at + 2;
    }
    if (b < 0x80) {  // never a space or tab: those are not flagged
      if (scan[b] & sInterior) work = true;
      return at + 1;
    }
    if (b == 0xE2 && at + 2 < n && s[at + 1] == 0x80 && s[at + 2] == 0x8C) {
      const char32_t pc = prev_cp(at);
      if (pc == 0x0647 && heh_zwnj) {
        substitute(at - 2, at + 3, "\xDB\x95", 2);  // ه + ZWNJ -> ە
      } else if (pc == 0x0640 && options.tatweel && !keep_zwnj) {
        work = true;
      } else if (keep_zwnj) {
      } else {
        bool keep = false;
        if (smart_zwnj && pc < 0x800 && (low[pc] & fJoining) && pc != 0x06BE && at + 4 < n && s[at + 3] >= 0xD8 &&
            s[at + 3] <= 0xDB && (s[at + 4] & 0xC0) == 0x80) {
          const char32_t nc = (static_cast<char32_t>(s[at + 3] & 0x1F) << 6) | (s[at + 4] & 0x3F);
          keep = (scan[nc] & (sLetter | sInterior | sSubst)) == sLetter && nc != 0x0640 && (low[nc] & fArabic);
        }
        // A ZWNJ that ends its chunk is dropped (run_piece() keeps one only before an Arabic
        // letter; its deletion changes no context: a word ends at a ZWNJ as at a space). After ه
        // and tatweel the ZWNJ makes a context (ە, هـ): those go to run_piece().
        const size_t e = at + 3;
        if (!keep && (e == n || s[e] == ' ' || s[e] == '\t') && pc != 0x0647 && pc != 0x06BE && pc != 0x0640 &&
            pc != 0xFFFD) {
          substitute(at, e, "", 0);
        } else if (!keep) {
          work = true;
        }
      }
      return at + 3;
    }
    work = true;
    return at + 1;
  };
  size_t i = 0;  // the byte after the last character handled
  // The flagged bytes of one classified block (bit j: byte base + j); a flag behind i belongs to a
  // character already handled.
  auto process_block = [&](size_t base, uint32_t f) __attribute__((always_inline)) {
    for (; f; f &= f - 1) {
      const size_t at = base + static_cast<size_t>(__builtin_ctz(f));
      if (at < i) continue;
      // The commonest flags without the general step: a letter-for-letter substitution (ك -> ک),
      // and ه followed by ZWNJ (-> ە; the step would find nothing to do at the ه and substitute
      // at the ZWNJ).
      const unsigned b = s[at];
      if (b >= 0xC2 && b <= 0xDF && (s[at + 1] & 0xC0) == 0x80 && at + 1 < n) {
        const char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (s[at + 1] & 0x3F);
        const uint8_t sc = scan[c];
        if (sc & sSubst) {
          substitute(at, at + 2, two_byte_utf8(subst[c]).bytes, 2);
          i = at + 2;
          continue;
        }
        if ((sc & (sSubst | sInterior | sInitial | sFinal)) == sFinal && heh_zwnj && at + 4 < n &&
            s[at + 2] == 0xE2 && s[at + 3] == 0x80 && s[at + 4] == 0x8C) {
          substitute(at, at + 5, "\xDB\x95", 2);  // ه + ZWNJ -> ە
          i = at + 5;
          continue;
        }
      }
      i = step(at);
      if (work) {  // the chunk goes to run_piece(): on to its end
        i = work_chunk(at);
        work = false;
      }
    }
  };
  size_t base = 0;
  if (nblocks) {
    for (size_t k = 0; k + 1 < nblocks; ++k, base += nd::kBlockStep) process_block(base, flags[k]);
    // The line's last block may be cut short.
    process_block(base, flags[nblocks - 1] & nd::last_block_bits(n, nblocks));
  }
  copy_to(n);
  if (markers) {  // the three bytes after each ە made of ه + ZWNJ (no other kMarker byte is left)
    wo = base_out + nd::remove_markers(reinterpret_cast<unsigned char*>(d + base_out), wo - base_out);
  }
  out.resize(wo);
  if (padded.size() > (size_t{1} << 20)) {  // a long line's copies are not kept
    std::string().swap(padded);
    std::string().swap(patched_copy);
    std::vector<uint32_t>().swap(flags);
    std::vector<uint32_t>().swap(letter_zwnj_starts);
  }
}

Normalizer::Normalizer() : Normalizer(NormalizeOptions::standard()) {}
Normalizer::Normalizer(const NormalizeOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
const NormalizeOptions& Normalizer::options() const { return impl_->options; }

std::string Normalizer::normalize(std::string_view in, NormalizeStats* stats) const {
  std::string out;
  normalize(in, out, nullptr, stats);
  return out;
}

void Normalizer::Impl::normalize(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
                                 NormalizePath path) const {
  // A short line of ASCII that no rule acts on (an empty line, a line of "\r", digits, a Latin
  // word): its own normalization, without the per-call cost of the block path (on the bench
  // corpus's lines under 16 bytes, 119 -> 30 ns a line). No Arabic letter: no convention repair.
  if (!map && in.size() <= 64 && path == NormalizePath::kFast && ascii_inert(in)) {
    out.append(in);
    return;
  }
  if (!std::memchr(in.data(), '\n', in.size())) {
    normalize_line(in, out, map, stats, path);
    return;
  }
  if (map || needs_line_context) {
    normalize_each_line(in, out, map, stats, path);
    return;
  }
  normalize_segments(in, out, stats, path);
}

void Normalizer::Impl::normalize_each_line(std::string_view in, std::string& out, OffsetMap* map,
                                           NormalizeStats* stats, NormalizePath path) const {
  const size_t out_base = out.size();
  OffsetMap line_map;
  for (size_t b = 0;;) {
    size_t e = in.find('\n', b);
    if (e == std::string_view::npos) e = in.size();
    const size_t ob = out.size() - out_base;
    if (map) {
      line_map.clear();
      normalize_line(in.substr(b, e - b), out, &line_map, stats, path);
      for (const OffsetMap::Edit& d : line_map.edits())
        map->add_edit(b + d.in_begin, b + d.in_end, ob + d.out_begin, ob + d.out_end);
    } else {
      normalize_line(in.substr(b, e - b), out, nullptr, stats, path);
    }
    if (e == in.size()) break;
    out += '\n';
    b = e + 1;
  }
  if (map) map->finish(in.size(), out.size() - out_base);
}

void Normalizer::Impl::normalize_settled(std::string_view in, std::string& out, NormalizeStats* stats,
                                         NormalizePath path) const {
  // Blocks of about 256 kB of whole lines are marked at once (their marks stay in the cache, and
  // the marks of a large text are not all kept); runs of settled lines go to the character layer
  // in about 16 kB at a time (run_blocks()'s copies stay in the cache).
  constexpr size_t kBlock = 256 << 10, kSegment = 16 << 10;
  thread_local std::vector<convention::Repairer::LineMark> lines;
  const size_t n = in.size();
  for (size_t b = 0; b < n;) {
    const size_t e = whole_lines_end(in, b, kBlock);
    lines.clear();
    convention::Repairer::settled_lines(in.substr(b, e - b), lines);
    size_t run_from = b;  // the settled lines not yet written start here
    // A run of settled lines. "Settled" holds for valid UTF-8 (settled_lines()): a run in which
    // the character layer met an ill-formed sequence is done again line by line, as
    // normalize_segments() does it.
    auto flush = [&](size_t to) {
      if (to > run_from) {
        const std::string_view text = in.substr(run_from, to - run_from);
        const size_t base = out.size();
        NormalizeStats local;
        run(text, out, nullptr, &local, path);
        if (local.invalid_utf8) {
          out.resize(base);
          std::string_view lines_text = text;
          const bool last_newline = lines_text.back() == '\n';
          if (last_newline) lines_text.remove_suffix(1);
          normalize_each_line(lines_text, out, nullptr, stats, path);
          if (last_newline) out += '\n';
        }
      }
      run_from = to;
    };
    size_t line_b = b;
    for (const auto& mark : lines) {
      const size_t line_e = b + mark.end;  // its '\n', or e
      if (line_e == e && line_b == e && e < n) break;  // after the block's last '\n': the next block's
      const size_t next = line_e < e ? line_e + 1 : e;
      if (mark.settled) {
        if (next - run_from > kSegment && line_b > run_from) flush(line_b);
      } else {
        flush(line_b);
        normalize_line(in.substr(line_b, line_e - line_b), out, nullptr, stats, path);
        if (line_e < e) out += '\n';
        run_from = next;
      }
      line_b = next;
      if (line_e >= e) break;
    }
    flush(e);
    b = e;
  }
  if (lines.capacity() > (size_t{1} << 16)) std::vector<convention::Repairer::LineMark>().swap(lines);
}

void Normalizer::Impl::normalize_single_pass(std::string_view in, std::string& out, NormalizeStats* stats,
                                             NormalizePath path) const {
  using normalize_detail::SinglePassStop;
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  normalize_detail::SinglePassState st;
  size_t o = out.size();
  st.line_out = st.chunk_out = o;
  // The kernel writes through a pointer, up to 64 bytes past what it keeps; the output grows by
  // up to 64 kB at a time (kStep; less for what is left of a short text), and is cut to its
  // length at the end.
  // (kBefore: the kernel reads 8 bytes back, and its first window's masked loads 62 back; a
  // window is read in place from the 64th byte on, so no pointer goes before the text.)
  constexpr size_t kStep = 64 << 10, kBefore = 64, kAfter = 72;
  size_t p = 0;  // the input offset the kernel goes on from
  auto room = [&](size_t need) {
    if (out.size() < o + need) out.resize(o + std::max(need, std::min(kStep, n - p + 256)));
  };
  auto dst = [&] { return reinterpret_cast<unsigned char*>(out.data()); };
  // The typed line's marks for the repair decision (settled_lines_reference()'s test: a byte
  // above ASCII, a Kurdish-only letter's two bytes anywhere) of bytes the kernel did not look at.
  auto mark_typed = [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      const unsigned x = s[i], y = i + 1 < n ? s[i + 1] : 0;
      if (x >= 0x80) st.line_high = 1;
      if ((x == 0xDA || x == 0xDB) && (y & 0xC0) == 0x80 && is_kurdish_only(((x & 0x1F) << 6) | (y & 0x3F)))
        st.line_kurdish = 1;
    }
  };
  // What the scalar layer makes of a chunk or line, put at the output offset where it starts
  // (the output is never cut short before the end, so that it is not grown again).
  thread_local std::string scratch;
  auto put = [&](size_t at) {
    o = at;
    room(scratch.size() + 64);
    std::memcpy(dst() + o, scratch.data(), scratch.size());
    o += scratch.size();
  };
  // The word-final ه the kernel made ە, below `limit`: the word before it (back over word
  // characters, as run_piece() counts its word) with ه, against the /h/-word list; a word on the
  // list gets its ه back (same length). At a stop the output past `limit` is done again, and its
  // ە are dropped. After the kernel's last window (`done_to` = limit), an ە whose second byte is
  // the next window's is kept for the next check: that window writes the byte.
  const size_t out_start = o;
  auto check_final_heh = [&](size_t limit, bool done_to) {
    unsigned char* d = dst();
    std::string w;
    size_t kept = 0;
    for (size_t k = 0; k < st.final_heh_count; ++k) {
      const size_t q = st.final_heh[k];
      if (q >= limit) continue;
      if (q + 2 > limit) {
        if (done_to) st.final_heh[kept++] = q;
        continue;
      }
      size_t ws = q;
      while (ws > out_start) {
        size_t len = 1;
        char32_t c = d[ws - 1];
        if (c >= 0x80) {
          if (ws - out_start >= 2 && (d[ws - 2] & 0xE0) == 0xC0) {
            len = 2;
            c = (static_cast<char32_t>(d[ws - 2] & 0x1F) << 6) | (d[ws - 1] & 0x3F);
          } else if (ws - out_start >= 3 && (d[ws - 3] & 0xF0) == 0xE0) {
            len = 3;
            c = (static_cast<char32_t>(d[ws - 3] & 0x0F) << 12) | (static_cast<char32_t>(d[ws - 2] & 0x3F) << 6) |
                (d[ws - 1] & 0x3F);
          } else {
            break;
          }
        }
        if (!is_word_char(c)) break;
        ws -= len;
      }
      w.assign(reinterpret_cast<const char*>(d + ws), q - ws);
      w += "\xD9\x87";
      if (keeps_final_h(w)) {
        d[q] = 0xD9;
        d[q + 1] = 0x87;
      }
    }
    st.final_heh_count = kept;
  };
  alignas(64) unsigned char pad[kBefore + 64 + kAfter + 64];
  while (p < n) {
    SinglePassStop stop;
    if (p >= kBefore && n - p >= 64 + kAfter) {  // windows in place
      const size_t len = std::min((n - p - kAfter) / 64 * 64, kStep);
      room(len + 64);
      o = normalize_detail::single_pass(single, s + p, len, p, dst(), o, st, stop);
      if (stop.kind == SinglePassStop::kNone) {
        check_final_heh(o, true);
        p += len;
        continue;
      }
    } else {
      // The text's first and last bytes: one window from a copy, with line breaks around the text.
      std::memset(pad, '\n', sizeof pad);
      const size_t back = std::min(p, kBefore), ahead = std::min(n - p, 64 + kAfter), len = std::min<size_t>(n - p, 64);
      std::memcpy(pad + kBefore - back, s + p - back, back);
      std::memcpy(pad + kBefore, s + p, ahead);
      room(128);
      o = normalize_detail::single_pass(single, pad + kBefore, len, p, dst(), o, st, stop);
      if (stop.kind == SinglePassStop::kNone) {
        check_final_heh(o, true);
        p += len;
        continue;
      }
    }
    check_final_heh(stop.kind == SinglePassStop::kChunk ? st.chunk_out : st.line_out, false);
    st.reset_carries();
    if (stop.kind == SinglePassStop::kChunk) {
      // The chunk around the stop goes to the scalar character layer.
      size_t e = stop.at;
      while (e < n && s[e] != ' ' && s[e] != '\t' && s[e] != '\n') ++e;
      NormalizeStats local;
      scratch.clear();
      run_piece_fixed(in.substr(st.chunk_in, e - st.chunk_in), 0, 0, scratch, nullptr, &local, path, 0);
      put(st.chunk_out);
      mark_typed(st.chunk_in, e);
      if (local.invalid_utf8) {
        if (single.line_stops) st.line_bad = true;  // the line is done again by normalize_line()
        else if (stats) stats->invalid_utf8 += local.invalid_utf8;
      }
      p = e;
      st.chunk_in = e;
      st.chunk_out = o;
      continue;
    }
    // A line that may call for the repair (or had broken UTF-8): normalize_line() does it again.
    scratch.clear();
    normalize_line(in.substr(st.line_in, stop.at - st.line_in), scratch, nullptr, stats, path);
    scratch += '\n';
    put(st.line_out);
    p = stop.at + 1;
    st.line_in = st.chunk_in = p;
    st.line_out = st.chunk_out = o;
    st.line_kurdish = st.line_high = 0;
    st.line_bad = false;
  }
  if (single.line_stops && (st.line_bad || (!st.line_kurdish && st.line_high))) {
    scratch.clear();
    normalize_line(in.substr(st.line_in), scratch, nullptr, stats, path);
    put(st.line_out);
  }
  out.resize(o);
  if (scratch.capacity() > (size_t{1} << 20)) std::string().swap(scratch);
}

void Normalizer::Impl::normalize_segments(std::string_view in, std::string& out, NormalizeStats* stats,
                                          NormalizePath path) const {
  if (single.usable && path == NormalizePath::kFast) {
    normalize_single_pass(in, out, stats, path);
    return;
  }
  if (options.convention_repair && settled_lines_hold && path == NormalizePath::kFast) {
    normalize_settled(in, out, stats, path);
    return;
  }
  // About 16 kB of whole lines per segment: the per-thread copies run_blocks() makes stay in the
  // cache (a copy of a whole large text would not, and would be released and faulted in again).
  constexpr size_t kSegment = 16 << 10;
  const size_t n = in.size();
  for (size_t b = 0; b < n;) {
    const size_t e = whole_lines_end(in, b, kSegment);
    const std::string_view seg = in.substr(b, e - b);
    const size_t base = out.size();
    const size_t invalid_before = stats ? stats->invalid_utf8 : 0;
    run(seg, out, nullptr, stats, path);
    if (options.convention_repair && !repair_segment_lines(seg, out, base, path)) {
      out.resize(base);  // never expected: the lines are done one by one instead
      if (stats) stats->invalid_utf8 = invalid_before;
      std::string_view rest = seg;
      const bool last_newline = !rest.empty() && rest.back() == '\n';
      if (last_newline) rest.remove_suffix(1);
      normalize_each_line(rest, out, nullptr, stats, path);
      if (last_newline) out += '\n';
    }
    b = e;
  }
}

bool Normalizer::Impl::repair_segment_lines(std::string_view seg, std::string& out, size_t base,
                                            NormalizePath path) const {
  // The lines that call for the repair, by their output's offsets (relative to base), as
  // normalize_line() decides: the typed line has no Kurdish-only letter and two Arabic ones, or
  // the character layer changed the line and its output has them; and the output has the cues.
  thread_local std::vector<std::pair<size_t, size_t>> todo;
  todo.clear();
  const convention::Repairer* repair = nullptr;
  {
    const std::string_view produced(out.data() + base, out.size() - base);
    size_t ib = 0, ob = 0;
    for (;;) {
      size_t ie = seg.find('\n', ib), oe = produced.find('\n', ob);
      if ((ie == std::string_view::npos) != (oe == std::string_view::npos)) return false;
      if (ie == std::string_view::npos) {
        ie = seg.size();
        oe = produced.size();
      }
      const std::string_view in_line = seg.substr(ib, ie - ib), out_line = produced.substr(ob, oe - ob);
      if (convention::Repairer::applies_to_input(in_line) ||
          (out_line != in_line && convention::Repairer::applies_to_input(out_line))) {
        if (!repair) repair = &convention::Repairer::shared();
        if (repair->applies(out_line)) todo.emplace_back(ob, oe);
      }
      if (ie == seg.size()) break;
      ib = ie + 1;
      ob = oe + 1;
    }
  }
  if (todo.empty()) return true;
  // The repaired words go through the character rules once more, as in normalize_line().
  // The output from the first line to repair on is set aside, and rewritten from there.
  thread_local std::string produced, repaired;
  const size_t from = todo.front().first;
  produced.assign(out, base + from, std::string::npos);
  out.resize(base + from);
  size_t copied = 0;
  for (auto [ob, oe] : todo) {
    ob -= from;
    oe -= from;
    out.append(produced, copied, ob - copied);
    repaired.clear();
    repair->repair(std::string_view(produced).substr(ob, oe - ob), repaired, nullptr);
    run(repaired, out, nullptr, nullptr, path);
    copied = oe;
  }
  out.append(produced, copied, std::string::npos);
  if (produced.capacity() > (size_t{1} << 20)) {
    std::string().swap(produced);
    std::string().swap(repaired);
  }
  return true;
}

void Normalizer::Impl::normalize_line(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats,
                                      NormalizePath path) const {
  if (!options.convention_repair) {
    run(in, out, map, stats, path);
    return;
  }
  // The repair decision looks at the line as typed and as normalized: letters only a Kurdish
  // keyboard types in neither, and at least two Arabic letters in one of them. (The normalized
  // line alone would miss ة typed for ە; the typed line alone misses a ligature that becomes
  // several letters, and the second normalization would then repair what the first did not.)
  OffsetMap m1;
  std::string tmp;
  if (!convention::Repairer::applies_to_input(in)) {
    const size_t base = out.size();
    run(in, out, map, stats, path);
    const std::string_view produced(out.data() + base, out.size() - base);
    if (produced == in) return;  // the same answer as for `in` (most lines: a memcmp, not a scan)
    if (!convention::Repairer::applies_to_input(produced)) return;
    tmp.assign(produced);
    out.resize(base);
    if (map) {
      m1 = std::move(*map);
      *map = OffsetMap();
    }
  } else {
    run(in, tmp, map ? &m1 : nullptr, stats, path);
  }
  const convention::Repairer& repair = convention::Repairer::shared();  // word indexes compiled in
  if (!repair.applies(tmp)) {
    out += tmp;
    if (map) *map = std::move(m1);
    return;
  }
  // The repaired words go through the character rules once more (a repaired word can end in ه,
  // start with ر ...), so the result is a fixed point of normalize().
  std::string repaired;
  if (!map) {
    repair.repair(tmp, repaired, nullptr);
    run(repaired, out, nullptr, nullptr, path);
    return;
  }
  OffsetMap m2, m3;
  repair.repair(tmp, repaired, &m2);
  run(repaired, out, &m3, nullptr, path);
  *map = OffsetMap::compose(OffsetMap::compose(m1, m2), m3);
}

void Normalizer::normalize(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats) const {
  impl_->normalize(in, out, map, stats, NormalizePath::kFast);
}

const normalize_detail::BlockTables& NormalizerTesting::blocks(const Normalizer& n) { return n.impl_->blocks; }
const normalize_detail::SinglePassTables& NormalizerTesting::single_pass(const Normalizer& n) {
  return n.impl_->single;
}

void NormalizerTesting::normalize(const Normalizer& n, std::string_view in, std::string& out, OffsetMap* map,
                                  NormalizeStats* stats, NormalizePath path) {
  n.impl_->normalize(in, out, map, stats, path);
}

Result<std::string> Normalizer::normalize_checked(std::string_view in) const {
  Status st = utf8::check(in, impl_->options.utf8);
  if (!st) return st.error();
  return normalize(in);
}

size_t Normalizer::normalized_prefix(std::string_view in) const {
  // The prefix up to the last space before the first change is already normalized.
  OffsetMap m;
  std::string out;
  impl_->run(in, out, &m, nullptr);
  if (m.identity() && out.size() == in.size()) return in.size();
  size_t first = m.edits().empty() ? std::min(in.size(), out.size()) : m.edits().front().in_begin;
  size_t k = in.rfind(' ', first);
  return k == std::string_view::npos ? 0 : k;
}

}  // namespace kurdi
