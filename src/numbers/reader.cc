// Sorani number words -> digits, inside running text.
#include <algorithm>

#include "numbers/internal.h"

namespace kurdi {
namespace {

using numbers_internal::Lexicon;
using numbers_internal::WordEntry;
using numbers_internal::WordKind;

enum class TokKind : uint8_t { kOther, kNumber, kOrdinal, kConj, kNeg, kPoint, kHalf };

struct Tok {
  size_t begin, end;
  bool adjacent;          // only blanks between this token and the previous one
  TokKind kind = TokKind::kOther;
  WordEntry entry{};      // for kNumber / kOrdinal (stem)
  std::string_view suffix;  // ordinal suffix as written
  std::string_view clitic;  // clitic written on the word (دا ی ...): ends the number
  bool final = false;
};

// Decoding with an inline fast path for the one- and two-byte sequences of Arabic-script text.
inline char32_t dec(std::string_view s, size_t i, int& len) {
  unsigned char b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { len = 1; return b0; }
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < s.size()) {
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) { len = 2; return char32_t((b0 & 0x1F) << 6 | (b1 & 0x3F)); }
  }
  return utf8::decode(s, i, len);
}

inline bool is_mark_cp(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x0610 && c <= 0x061A);
}

// Letters, marks and joiners of Arabic-script words (digits and Arabic punctuation excluded).
inline bool is_word_char(char32_t c) {
  if (c >= 0x0620 && c <= 0x06FF)
    return !(c >= 0x0660 && c <= 0x066D) && c != 0x06D4 && !(c >= 0x06F0 && c <= 0x06F9) && c != 0x06DD && c != 0x06DE && c != 0x06E9;
  return c == chars::kZwnj || c == chars::kZwj || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFC) || (c >= 0x0610 && c <= 0x061A);
}

constexpr std::string_view kOrdinalSuffixes[] = {"یەمین", "هەمین", "ەمین", "یەم", "هەم", "ەم"};
// Clitics and postpositions written onto the last number word (moved onto the digits, like ١٩٩١دا).
constexpr std::string_view kClitics[] = {"یەوە", "ەوە", "وە", "یش", "دا", "ش", "ی"};

// Whether the word needs folding before lookup (Arabic-only letters, ه, ZWNJ/ZWJ, tatweel, marks).
bool needs_fold(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    int len = 1;
    char32_t c = dec(w, i, len);
    i += size_t(len);
    switch (c) {
      case 0x064A: case 0x0649: case 0x06D2: case 0x0643: case 0x0629: case 0x06BE: case 0x0647:
      case 0x200C: case 0x200D: case 0x0640: case utf8::kReplacement:
        return true;
      default:
        if (is_mark_cp(c)) return true;
    }
  }
  return false;
}

const WordEntry* lookup(const Lexicon& L, std::string_view w) {
  auto it = L.words.find(w);
  return it == L.words.end() ? nullptr : &it->second;
}

// Source bytes of the last n code points of src (ignoring ZWNJ, tatweel and marks when counting).
std::string_view tail_cps(std::string_view src, size_t n) {
  size_t b = src.size();
  while (n > 0 && b > 0) {
    --b;
    while (b > 0 && (static_cast<unsigned char>(src[b]) & 0xC0) == 0x80) --b;
    int len = 1;
    char32_t c = utf8::decode(src, b, len);
    if (c != chars::kZwnj && c != 0x0640 && !chars::is_arabic_mark(c)) --n;
  }
  return src.substr(b);
}

// Number word (or ordinal) in the folded word f; sets t's kind, entry and ordinal suffix length.
bool match_number_word(const Lexicon& L, std::string_view f, Tok& t, size_t& ord_cps) {
  if (const WordEntry* e = lookup(L, f)) { t.kind = TokKind::kNumber; t.entry = *e; ord_cps = 0; return true; }
  for (std::string_view suf : kOrdinalSuffixes) {
    if (f.size() <= suf.size() || f.substr(f.size() - suf.size()) != suf) continue;
    if (const WordEntry* e = lookup(L, f.substr(0, f.size() - suf.size()))) {
      t.kind = TokKind::kOrdinal;
      t.entry = *e;
      ord_cps = suf.size() / 2;  // every letter of the suffixes is two bytes
      return true;
    }
  }
  return false;
}

void classify(const Lexicon& L, std::string_view text, Tok& t) {
  std::string_view src = text.substr(t.begin, t.end - t.begin);
  std::string folded;
  std::string_view f = src;
  if (needs_fold(src)) { folded = numbers_internal::fold_word(src); f = folded; }
  if (f == "و") { t.kind = TokKind::kConj; return; }
  if (f == "سالب" || f == "ناقس") { t.kind = TokKind::kNeg; return; }
  if (f == "پۆینت" || f == "فاریزە") { t.kind = TokKind::kPoint; return; }
  if (f == "نیو") { t.kind = TokKind::kHalf; return; }
  size_t ord = 0;
  if (match_number_word(L, f, t, ord)) {
    if (ord) t.suffix = tail_cps(src, ord);
    return;
  }
  for (std::string_view cl : kClitics) {
    if (f.size() <= cl.size() || f.substr(f.size() - cl.size()) != cl) continue;
    std::string_view stem = f.substr(0, f.size() - cl.size());
    if (stem == "دە") continue;  // دە- is also the verbal prefix: دەدا "gives", دەی ...
    if (!match_number_word(L, stem, t, ord)) continue;
    size_t cl_cps = cl.size() / 2;
    t.clitic = tail_cps(src, cl_cps);
    if (ord) t.suffix = tail_cps(src.substr(0, src.size() - t.clitic.size()), ord);
    t.final = true;
    return;
  }
}

struct Cardinal {
  uint16_t g[9] = {};   // groups, g[0] = units
  int cur = 0;
  bool lone_unit = false;
  int last_scale = 99;
  bool ordinal = false;
  std::string_view suffix;
  std::string_view clitic;  // written on the last word; ends the number
};

class Reader {
 public:
  Reader(const NumberSpeller::Impl& I, std::string_view text) : I_(I), L_(*I.lex), text_(text) {
    toks_.reserve(16);
    size_t i = 0;
    bool blank_gap = false;
    while (i < text.size()) {
      int len = 1;
      char32_t c = dec(text, i, len);
      if (is_word_char(c) && !is_mark_cp(c) && c != chars::kZwnj && c != chars::kZwj) {
        size_t b = i;
        while (i < text.size()) {
          char32_t d = dec(text, i, len);
          if (!is_word_char(d)) break;
          i += len;
        }
        Tok t{b, i, !toks_.empty() && blank_gap, TokKind::kOther, {}, {}, {}, false};
        // a word glued to digits or Latin letters (بلسار٢٢٠ده) is not a number word
        char32_t nx = i < text.size() ? dec(text, i, len) : 0;
        bool glued = (nx && (chars::is_digit(nx) || chars::is_latin_letter(nx))) || glued_before(b);
        if (!glued) classify(L_, text, t);
        toks_.push_back(t);
        blank_gap = true;
        continue;
      }
      if (!(c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F)) blank_gap = false;
      i += len;
    }
  }

  bool glued_before(size_t b) const {
    if (b == 0) return false;
    size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) --p;
    int len = 1;
    char32_t c = utf8::decode(text_, p, len);
    return chars::is_digit(c) || chars::is_latin_letter(c);
  }

  // Weekday names are built on numbers (پێنج شەممە "Thursday"): a lone unit before شەممە stays a word.
  bool weekday(size_t t, size_t next) const {
    if (next != t + 1 || !adj(next)) return false;
    std::string_view w = text_.substr(toks_[next].begin, toks_[next].end - toks_[next].begin);
    return toks_[t].kind == TokKind::kNumber && toks_[t].entry.kind == WordKind::kUnit && toks_[t].clitic.empty() &&
           (w.substr(0, std::string_view("شەممە").size()) == "شەممە" || w.substr(0, std::string_view("شەمە").size()) == "شەمە" ||
            w.substr(0, std::string_view("شه‌ممه").size()) == "شه‌ممه");
  }

  void run(std::string& out, std::vector<NumberSpan>* spans) {
    size_t copied = 0, base = out.size();
    for (size_t t = 0; t < toks_.size();) {
      std::string digits;
      size_t next = parse_phrase(t, digits);
      if (next == t || weekday(t, next)) { ++t; continue; }
      size_t b = toks_[t].begin, e = toks_[next - 1].end;
      append_clean(out, text_.substr(copied, b - copied));
      size_t ob = out.size();
      out += digits;
      if (spans) spans->push_back({b, e, ob - base, out.size() - base, NumberSpan::Kind::kWords});
      copied = e;
      t = next;
    }
    append_clean(out, text_.substr(copied));
  }

  static void append_clean(std::string& out, std::string_view s) {
    if (utf8::is_valid(s)) out.append(s);
    else out += utf8::sanitize(s);
  }

  std::optional<uint64_t> single_cardinal() {
    if (toks_.empty()) return std::nullopt;
    Cardinal c;
    size_t end = parse_cardinal(0, c);
    if (end != toks_.size() || c.ordinal || !c.clitic.empty()) return std::nullopt;
    // every byte outside the tokens must be blank
    for (size_t i = 0; i < toks_.size(); ++i)
      if (i && !toks_[i].adjacent) return std::nullopt;
    uint64_t v = 0;
    const uint64_t max = ~uint64_t(0);
    for (int k = 8; k >= 0; --k) {
      uint64_t x = k ? c.g[k] : uint64_t(c.g[0]) + uint64_t(c.cur);
      if (v > (max - x) / 1000) return std::nullopt;
      v = v * 1000 + x;
    }
    return v;
  }

 private:
  bool adj(size_t t) const { return t < toks_.size() && toks_[t].adjacent; }

  int scale_of(const WordEntry& e) const {
    return I_.opt.scale == NumberOptions::Scale::kShort ? e.value : e.long_value;
  }

  // Whether entry e may be added to c right after a و (or as the first word when first).
  bool add(Cardinal& c, const WordEntry& e, bool first) const {
    switch (e.kind) {
      case WordKind::kZero: return false;
      case WordKind::kUnit:
        if (c.cur % 10 != 0 || (c.cur % 100 != 0 && c.cur % 100 < 20)) return false;
        c.lone_unit = c.cur == 0;
        c.cur += e.value;
        return true;
      case WordKind::kTeen:
      case WordKind::kTen:
        if (c.cur % 100 != 0) return false;
        c.lone_unit = false;
        c.cur += e.value;
        return true;
      case WordKind::kHundred:
      case WordKind::kHundreds:
        if (c.cur != 0) return false;
        c.lone_unit = false;
        c.cur = e.value;
        return true;
      case WordKind::kScale: {
        int k = scale_of(e);
        if (k != 1 || c.cur != 0 || k >= c.last_scale) return false;  // a bare هەزار = 1000
        c.g[1] = 1;
        c.last_scale = 1;
        c.lone_unit = false;
        (void)first;
        return true;
      }
    }
    return false;
  }

  // Parses a cardinal (possibly ending in an ordinal word) from token t; returns the end token
  // (== t when there is none).
  size_t parse_cardinal(size_t t, Cardinal& c) const {
    if (t >= toks_.size()) return t;
    const Tok& f = toks_[t];
    if (f.kind != TokKind::kNumber && f.kind != TokKind::kOrdinal) return t;
    if (f.entry.kind == WordKind::kZero) {
      c.ordinal = f.kind == TokKind::kOrdinal;
      c.suffix = f.suffix;
      c.clitic = f.clitic;
      return t + 1;
    }
    if (!add(c, f.entry, true)) return t;
    size_t i = t + 1;
    if (f.kind == TokKind::kOrdinal) { c.ordinal = true; c.suffix = f.suffix; }
    if (f.final) c.clitic = f.clitic;
    if (f.kind == TokKind::kOrdinal || f.final) return i;
    while (adj(i)) {
      const Tok& k = toks_[i];
      if (k.kind == TokKind::kConj) {
        if (!adj(i + 1)) break;
        const Tok& n = toks_[i + 1];
        if (n.kind != TokKind::kNumber && n.kind != TokKind::kOrdinal) break;
        Cardinal save = c;
        if (!add(c, n.entry, false)) { c = save; break; }
        i += 2;
        if (n.kind == TokKind::kOrdinal) { c.ordinal = true; c.suffix = n.suffix; }
        if (n.final) { c.clitic = n.clitic; break; }
        if (n.kind == TokKind::kOrdinal) break;
        continue;
      }
      if (k.kind != TokKind::kNumber && k.kind != TokKind::kOrdinal) break;
      if (k.entry.kind == WordKind::kHundred && c.lone_unit) {
        c.cur *= 100;
        c.lone_unit = false;
      } else if (k.entry.kind == WordKind::kScale) {
        int s = scale_of(k.entry);
        if (s <= 0 || s >= c.last_scale || s > 8 || c.cur == 0) break;
        c.g[s] = uint16_t(c.cur);
        c.cur = 0;
        c.last_scale = s;
        c.lone_unit = false;
      } else {
        break;
      }
      ++i;
      if (k.kind == TokKind::kOrdinal) { c.ordinal = true; c.suffix = k.suffix; }
      if (k.final) { c.clitic = k.clitic; break; }
      if (k.kind == TokKind::kOrdinal) break;
    }
    return i;
  }

  static void digits_of(const Cardinal& c, std::string& out) {
    uint16_t g[9];
    std::copy(std::begin(c.g), std::end(c.g), g);
    g[0] = uint16_t(g[0] + c.cur);
    int top = 8;
    while (top > 0 && g[top] == 0) --top;
    for (int k = top; k >= 0; --k) {
      unsigned v = g[k];
      char d[3] = {char('0' + v / 100), char('0' + v / 10 % 10), char('0' + v % 10)};
      if (k == top) {
        int skip = v >= 100 ? 0 : v >= 10 ? 1 : 2;
        out.append(d + skip, size_t(3 - skip));
      } else {
        out.append(d, 3);
      }
    }
  }

  size_t parse_phrase(size_t t, std::string& out) const {
    size_t i = t;
    bool neg = false;
    if (toks_[i].kind == TokKind::kNeg) {
      if (!adj(i + 1)) return t;
      neg = true;
      ++i;
    }
    Cardinal c;
    size_t e = parse_cardinal(i, c);
    if (e == i) return t;
    std::string ascii;
    if (neg) ascii += '-';
    digits_of(c, ascii);
    if (!c.ordinal && c.clitic.empty()) {
      std::string frac;
      size_t j = e;
      if (adj(j) && toks_[j].kind == TokKind::kPoint) {
        size_t k = j + 1;
        while (adj(k) && (toks_[k].kind == TokKind::kNumber || toks_[k].kind == TokKind::kOrdinal)) {
          const Tok& tk = toks_[k];
          if (tk.kind == TokKind::kNumber && tk.entry.kind == WordKind::kZero) { frac += '0'; ++k; continue; }
          bool digit_mode = tk.kind == TokKind::kNumber && tk.entry.kind == WordKind::kUnit && adj(k + 1) &&
                            toks_[k + 1].kind == TokKind::kNumber &&
                            (toks_[k + 1].entry.kind == WordKind::kUnit || toks_[k + 1].entry.kind == WordKind::kZero);
          if (digit_mode) { frac += char('0' + tk.entry.value); ++k; continue; }
          Cardinal fc;
          size_t fe = parse_cardinal(k, fc);
          if (fe == k || fc.ordinal || !fc.clitic.empty()) break;
          digits_of(fc, frac);
          k = fe;
          break;
        }
        if (!frac.empty()) e = k;
      } else if (adj(j) && toks_[j].kind == TokKind::kConj && adj(j + 1) && toks_[j + 1].kind == TokKind::kHalf) {
        frac = "5";
        e = j + 2;
      }
      if (!frac.empty()) {
        ascii += '.';
        ascii += frac;
      }
    }
    std::string written;
    I_.write_digits(ascii, written);
    if (I_.opt.digits != NumberOptions::Digits::kLatin) {
      size_t p = written.find('.');
      if (p != std::string::npos) written.replace(p, 1, "٫");
    }
    out += written;
    if (c.ordinal) out += c.suffix;
    out += c.clitic;
    return e;
  }

  const NumberSpeller::Impl& I_;
  const Lexicon& L_;
  std::string_view text_;
  std::vector<Tok> toks_;
};

}  // namespace

void NumberSpeller::text_to_digits(std::string_view text, std::string& out, std::vector<NumberSpan>* spans) const {
  Reader r(*impl_, text);
  r.run(out, spans);
}

std::optional<uint64_t> NumberSpeller::parse_cardinal(std::string_view words) const {
  Reader r(*impl_, words);
  return r.single_cardinal();
}

}  // namespace kurdi
