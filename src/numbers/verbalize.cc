// Running text -> speakable text: numbers, ordinals, fractions, percentages, currencies (also used
// by NumberSpeller::text_to_words), and for the Verbalizer dates, times, phone numbers, units,
// abbreviations, Latin acronyms and emoji. One left-to-right pass; every rewrite is a span.
#include <algorithm>

#include "numbers/internal.h"

namespace kurdi {
namespace {

using numbers_internal::Lexicon;
using Kind = NumberSpan::Kind;

constexpr std::string_view kOrdinalSuffixes[] = {"یەمین", "هەمین", "ەمین", "یەم", "هەم", "ەم"};

struct Cp {
  char32_t c = 0;
  int len = 0;
};

Cp at(std::string_view s, size_t i) {
  if (i >= s.size()) return {};
  int len = 1;
  char32_t c = utf8::decode(s, i, len);
  return {c, len};
}

char32_t before(std::string_view s, size_t i) {
  if (i == 0 || i > s.size()) return 0;
  size_t b = i - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80 && i - b < 4) --b;
  int len = 1;
  return utf8::decode(s, b, len);
}

bool is_digit_at(std::string_view s, size_t i) { return i < s.size() && chars::is_digit(at(s, i).c); }

// Reads a run of digits at i (any system) into ascii; returns the end.
size_t digit_run(std::string_view s, size_t i, std::string& ascii) {
  while (i < s.size()) {
    Cp c = at(s, i);
    int d = chars::digit_value(c.c);
    if (d < 0) break;
    ascii.push_back(char('0' + d));
    i += size_t(c.len);
  }
  return i;
}

bool is_alnum(char32_t c) { return c && (chars::is_letter(c) || chars::is_digit(c) || chars::is_mark(c)); }
bool is_blank(char32_t c) { return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009; }
bool is_dash(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212; }

struct Literal {
  size_t end = 0;
  std::string int_d, frac_d;
  bool separated = false;  // had thousands separators
};

// A number literal starting with a digit at i.
bool scan_literal(std::string_view s, size_t i, Literal& L) {
  size_t p = digit_run(s, i, L.int_d);
  if (p == i) return false;
  // thousands separators: , ٬ (and thin/no-break spaces) followed by exactly three digits
  if (L.int_d.size() <= 3) {
    for (;;) {
      Cp c = at(s, p);
      if (!(c.c == ',' || c.c == 0x066C || c.c == 0x2009 || c.c == 0x202F || c.c == 0x00A0 || c.c == '\'')) break;
      std::string g;
      size_t q = digit_run(s, p + size_t(c.len), g);
      if (g.size() != 3) break;
      L.int_d += g;
      L.separated = true;
      p = q;
    }
    // European 1.000.000: at least two dot groups of three digits
    if (!L.separated) {
      size_t q = p;
      std::string acc;
      int groups = 0;
      while (at(s, q).c == '.') {
        std::string g;
        size_t r = digit_run(s, q + 1, g);
        if (g.size() != 3) break;
        acc += g;
        ++groups;
        q = r;
      }
      if (groups >= 2) {
        L.int_d += acc;
        L.separated = true;
        p = q;
      }
    }
  }
  Cp c = at(s, p);
  if ((c.c == '.' || c.c == 0x066B) && is_digit_at(s, p + size_t(c.len))) {
    p = digit_run(s, p + size_t(c.len), L.frac_d);
  }
  L.end = p;
  return true;
}

class Engine {
 public:
  Engine(const NumberSpeller::Impl& I, const VerbalizeOptions& V, bool full, std::string_view s, std::string& out,
         std::vector<NumberSpan>* spans, OffsetMap* map)
      : I_(I), L_(*I.lex), V_(V), full_(full), s_(s), out_(out), base_(out.size()), spans_(spans), map_(map) {
    if (full_ && V_.emoji) {
      for (const auto& [k, v] : L_.emoji) emoji_.emplace_back(k, v);
      std::sort(emoji_.begin(), emoji_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }
    for (const auto& cur : L_.currencies) {
      char32_t f = at(cur.first, 0).c;
      if (std::find(cur_first_.begin(), cur_first_.end(), f) == cur_first_.end()) cur_first_.push_back(f);
    }
    if (full_ && V_.abbreviations) {
      for (const auto& [k, v] : L_.abbreviations) abbr_.emplace_back(k, v);
      std::sort(abbr_.begin(), abbr_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }
  }

  void run() {
    size_t i = 0;
    while (i < s_.size()) {
      Cp c = at(s_, i);
      if (c.c == utf8::kReplacement && s_.compare(i, 3, "\xEF\xBF\xBD") != 0) {
        begin(i);
        utf8::append(out_, utf8::kReplacement);
        end(i, i + size_t(c.len), Kind::kCardinal, false);
        i += size_t(c.len);
        continue;
      }
      size_t e = try_at(i, c.c);
      i = e > i ? e : i + size_t(c.len);
    }
    out_.append(s_.substr(copied_));
    if (map_) map_->finish(s_.size(), out_.size() - base_);
  }

 private:
  void begin(size_t b) {
    out_.append(s_.substr(copied_, b - copied_));
    ob_ = out_.size();
  }
  void end(size_t b, size_t e, Kind k, bool span = true) {
    if (spans_ && span) spans_->push_back({b, e, ob_ - base_, out_.size() - base_, k});
    if (map_) map_->add_edit(b, e, ob_ - base_, out_.size() - base_);
    copied_ = e;
  }

  // In speech a number glued to a Latin word (MP3, A4) is a separate word.
  void space_after_latin(size_t i) {
    if (full_ && chars::is_latin_letter(before(s_, i))) out_ += ' ';
  }

  void words(const std::string& int_d, const std::string& frac_d, bool neg) {
    I_.append_number_words(int_d, frac_d, neg, out_);
  }

  // The fraction a/b in words.
  void fraction(int a, int b) {
    auto it = L_.fraction_readings.find(uint32_t(a) << 16 | uint32_t(b));
    if (it != L_.fraction_readings.end()) { out_ += it->second; return; }
    NumberSpeller::Impl const& I = I_;
    I.append_number_words(std::to_string(a), "", false, out_);
    out_ += " لەسەر ";
    I.append_number_words(std::to_string(b), "", false, out_);
  }

  const numbers_internal::Fraction* fraction_char(size_t i, size_t& len) const {
    Cp c = at(s_, i);
    if (c.c < 0x00BC || !(c.c <= 0x00BE || (c.c >= 0x2150 && c.c <= 0x215E))) return nullptr;
    auto it = L_.fraction_chars.find(std::string(s_.substr(i, size_t(c.len))));
    if (it == L_.fraction_chars.end()) return nullptr;
    len = size_t(c.len);
    return &it->second;
  }

  bool currency_first(char32_t c) const {
    return std::find(cur_first_.begin(), cur_first_.end(), c) != cur_first_.end();
  }

  // A currency token at p (followed by a non-letter); returns its length.
  const std::string* currency_at(size_t p, size_t& len) const {
    for (const auto& [tok, word] : L_.currencies) {
      if (s_.compare(p, tok.size(), tok) != 0) continue;
      char32_t n = at(s_, p + tok.size()).c;
      bool alpha_tok = chars::is_letter(at(s_, p).c);
      if (alpha_tok && n && chars::is_letter(n)) continue;
      len = tok.size();
      return &word;
    }
    return nullptr;
  }

  const std::string* unit_at(size_t p, size_t& len) const {
    for (const auto& [sym, word] : L_.units_of_measure) {
      if (s_.compare(p, sym.size(), sym) != 0) continue;
      char32_t n = at(s_, p + sym.size()).c;
      if (n && (is_alnum(n) || n == '/' || n == '^')) continue;
      len = sym.size();
      return &word;
    }
    return nullptr;
  }

  size_t try_at(size_t i, char32_t c) {
    if (full_ && V_.emoji && chars::is_emoji(c)) {
      if (size_t e = match_emoji(i); e > i) return e;
    }
    if (full_ && V_.acronyms && c >= 'A' && c <= 'Z') {
      if (size_t e = match_number(i, c); e > i) return e;  // a currency code before an amount
      if (size_t e = match_acronym(i); e > i) return e;
    }
    if (full_ && V_.abbreviations && chars::is_arabic_letter(c)) {
      if (size_t e = match_abbreviation(i); e > i) return e;
    }
    if (c < 0x20 || ((chars::is_arabic_letter(c) || chars::is_latin_letter(c)) && !currency_first(c))) return i;
    if (full_ && chars::is_digit(c) && !chars::is_digit(before(s_, i))) {
      if (V_.dates) if (size_t e = match_date(i); e > i) return e;
      if (V_.times) if (size_t e = match_time(i); e > i) return e;
    }
    if (full_ && V_.phones && (c == '+' || c == '0' || c == 0x0660 || c == 0x06F0)) {
      if (size_t e = match_phone(i); e > i) return e;
    }
    return match_number(i, c);
  }

  size_t match_emoji(size_t i) {
    for (const auto& [k, v] : emoji_) {
      if (s_.compare(i, k.size(), k) != 0) continue;
      size_t e = i + k.size();
      begin(i);
      char32_t p = before(s_, i), n = at(s_, e).c;
      if (p && !chars::is_space(p)) out_ += ' ';
      out_ += v;
      if (n && !chars::is_space(n)) out_ += ' ';
      end(i, e, Kind::kEmoji);
      return e;
    }
    return i;
  }

  size_t match_acronym(size_t i) {
    char32_t p = before(s_, i);
    if (p && chars::is_latin_letter(p)) return i;
    size_t e = i;
    while (e < s_.size() && s_[e] >= 'A' && s_[e] <= 'Z') ++e;
    size_t n = e - i;
    char32_t nx = at(s_, e).c;
    if (n < 2 || n > 6 || (nx && chars::is_latin_letter(nx))) return i;
    begin(i);
    auto it = L_.acronyms.find(std::string(s_.substr(i, n)));
    if (it != L_.acronyms.end()) {
      out_ += it->second;
    } else {
      for (size_t k = i; k < e; ++k) {
        if (k > i) out_ += ' ';
        out_ += L_.letters[size_t(s_[k] - 'A')];
      }
    }
    end(i, e, Kind::kAcronym);
    return e;
  }

  size_t match_abbreviation(size_t i) {
    char32_t p = before(s_, i);
    if (p && is_alnum(p)) return i;
    for (const auto& [k, v] : abbr_) {
      if (s_.compare(i, k.size(), k) != 0) continue;
      size_t e = i + k.size();
      char32_t n = at(s_, e).c;
      if (n && (is_alnum(n) || n == '.')) continue;
      begin(i);
      out_ += v;
      end(i, e, Kind::kAbbreviation);
      return e;
    }
    return i;
  }

  // a SEP b SEP c with the same separator; SEP is - / . (blanks around allowed for - and /).
  size_t match_date(size_t i) {
    std::string a, b, c;
    size_t p = digit_run(s_, i, a);
    auto sep = [&](size_t q, char32_t& which, size_t& after) {
      size_t r = q;
      while (is_blank(at(s_, r).c)) r += size_t(at(s_, r).len);
      Cp x = at(s_, r);
      if (!(is_dash(x.c) || x.c == '/' || x.c == '.')) return false;
      if (x.c == '.' && r != q) return false;
      r += size_t(x.len);
      if (x.c != '.') while (is_blank(at(s_, r).c)) r += size_t(at(s_, r).len);
      which = is_dash(x.c) ? '-' : x.c;
      after = r;
      return true;
    };
    char32_t s1 = 0, s2 = 0;
    size_t q = 0;
    if (a.empty() || a.size() > 4 || !sep(p, s1, q)) return i;
    p = digit_run(s_, q, b);
    if (b.empty() || b.size() > 2 || !sep(p, s2, q) || s1 != s2) return i;
    p = digit_run(s_, q, c);
    if (c.empty() || c.size() > 4 || is_digit_at(s_, p)) return i;
    int A = std::stoi(a), B = std::stoi(b), C = std::stoi(c);
    int d, m, y;
    if (a.size() == 4 && c.size() <= 2) { y = A; m = B; d = C; }
    else if (c.size() == 4 && a.size() <= 2) {
      y = C;
      if (V_.dmy) { d = A; m = B; } else { m = A; d = B; }
    } else {
      return i;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31) return i;
    bool solar = V_.months == VerbalizeOptions::Months::kSolar ||
                 (V_.months == VerbalizeOptions::Months::kAuto && ((y >= 1300 && y <= 1500) || (y >= 2600 && y <= 2800)));
    begin(i);
    words(std::to_string(d), "", false);
    out_ += "ی ";
    out_ += solar ? L_.months_solar[size_t(m)] : L_.months_iraqi[size_t(m)];
    out_ += "ی ";
    if (!preceded_by(i, "ساڵی")) out_ += "ساڵی ";
    words(std::to_string(y), "", false);
    end(i, p, Kind::kDate);
    return p;
  }

  size_t match_time(size_t i) {
    std::string h, m, sec;
    size_t p = digit_run(s_, i, h);
    if (h.size() > 2 || at(s_, p).c != ':') return i;
    p = digit_run(s_, p + 1, m);
    if (m.size() != 2) return i;
    if (at(s_, p).c == ':' && is_digit_at(s_, p + 1)) {
      size_t q = digit_run(s_, p + 1, sec);
      if (sec.size() != 2) return i;
      p = q;
    }
    if (is_digit_at(s_, p) || at(s_, p).c == ':') return i;
    int H = std::stoi(h), M = std::stoi(m), S = sec.empty() ? 0 : std::stoi(sec);
    if (H > 24 || M > 59 || S > 59) return i;
    begin(i);
    if (!preceded_by(i, "کاتژمێر") && !preceded_by(i, "سەعات")) out_ += "کاتژمێر ";
    words(std::to_string(H), "", false);
    if (M) { out_ += I_.and_; words(std::to_string(M), "", false); out_ += " خولەک"; }
    if (S) { out_ += I_.and_; words(std::to_string(S), "", false); out_ += " چرکە"; }
    end(i, p, Kind::kTime);
    return p;
  }

  // Whether the word before i (blanks skipped) is w.
  bool preceded_by(size_t i, std::string_view w) const {
    size_t e = i;
    while (e > 0 && s_[e - 1] == ' ') --e;
    return e >= w.size() && s_.compare(e - w.size(), w.size(), w) == 0 &&
           (e == w.size() || !chars::is_letter(before(s_, e - w.size())));
  }

  void phone_group(std::string_view g) {
    size_t z = 0;
    while (z < g.size() && g[z] == '0') {
      if (z) out_ += ' ';
      out_ += L_.units[0];
      ++z;
    }
    if (z == g.size()) return;
    if (z) out_ += ' ';
    std::string_view rest = g.substr(z);
    if (rest.size() == 4 && z == 0) {  // 4567 -> چل و پێنج شەست و حەوت
      words(std::string(rest.substr(0, 2)), "", false);
      out_ += ' ';
      phone_group(rest.substr(2));
      return;
    }
    words(std::string(rest), "", false);
  }

  size_t match_phone(size_t i) {
    char32_t p = before(s_, i);
    if (p && (is_alnum(p) || p == '.' || p == ',' || p == 0x066B)) return i;
    bool plus = s_[i] == '+';
    size_t q = plus ? i + 1 : i;
    std::vector<std::string> groups;
    std::string g;
    q = digit_run(s_, q, g);
    if (g.empty()) return i;
    groups.push_back(g);
    size_t total = g.size();
    for (;;) {
      Cp x = at(s_, q);
      if (!(x.c == ' ' || x.c == '-')) break;
      std::string h;
      size_t r = digit_run(s_, q + size_t(x.len), h);
      if (h.size() < 2 || h.size() > 4) break;
      groups.push_back(h);
      total += h.size();
      q = r;
    }
    Cp nx = at(s_, q);
    if (nx.c && (is_alnum(nx.c) || nx.c == 0x066B || nx.c == 0x066C)) return i;
    if (total < 10 || total > 13) return i;
    if (!plus && groups[0][0] != '0') return i;
    if (groups.size() == 1) {  // split an unseparated number
      std::string d = groups[0];
      groups.clear();
      size_t k = 0;
      if (plus) {
        size_t cc = d.compare(0, 3, "964") == 0 ? 3 : 2;
        groups.push_back(d.substr(0, cc));
        k = cc;
      } else if (d.size() == 11) {
        groups.push_back(d.substr(0, 4));
        k = 4;
      }
      while (d.size() - k > 4) {
        size_t n = d.size() - k == 5 ? 2 : 3;
        groups.push_back(d.substr(k, n));
        k += n;
      }
      groups.push_back(d.substr(k));
    }
    begin(i);
    if (plus) out_ += "کۆ ";
    for (size_t k = 0; k < groups.size(); ++k) {
      if (k) out_ += "، ";
      phone_group(groups[k]);
    }
    end(i, q, Kind::kPhone);
    return q;
  }

  size_t match_number(size_t i, char32_t c) {
    size_t p = i;
    bool pct = false, neg = false;
    const std::string* cur = nullptr;
    // a lone or leading vulgar fraction
    size_t flen = 0;
    if (const auto* fr = fraction_char(i, flen)) {
      begin(i);
      if (fr->reading.empty()) fraction(fr->num, fr->den); else out_ += fr->reading;
      end(i, i + flen, Kind::kFraction);
      return i + flen;
    }
    if ((c == '%' || c == 0x066A) && is_digit_at(s_, i + size_t(at(s_, i).len))) {
      pct = true;
      p += size_t(at(s_, i).len);
    } else if (!chars::is_digit(c) && !is_dash(c)) {
      if (!currency_first(c)) return i;
      size_t len = 0;
      const std::string* w = currency_at(i, len);
      if (!w) return i;
      char32_t pv = before(s_, i);
      if (pv && chars::is_letter(pv)) return i;
      size_t q = i + len;
      if (at(s_, q).c == ' ' && chars::is_letter(at(s_, i).c)) ++q;  // "USD 100"
      if (!is_digit_at(s_, q)) return i;
      cur = w;
      p = q;
    }
    Cp cp = at(s_, p);
    if (is_dash(cp.c) && (cp.c == '-' || cp.c == 0x2212) && is_digit_at(s_, p + size_t(cp.len))) {
      char32_t pv = before(s_, p);
      if (pv && (is_alnum(pv) || pv == '-')) return i;
      neg = true;
      p += size_t(cp.len);
    } else if (!chars::is_digit(cp.c)) {
      return i;
    }
    if (chars::is_digit(before(s_, p))) return i;
    Literal L;
    if (!scan_literal(s_, p, L)) return i;
    size_t q = L.end;
    Kind kind = L.frac_d.empty() ? Kind::kCardinal : Kind::kDecimal;

    if (!pct && !cur && !neg && L.frac_d.empty()) {
      // ordinal: digits + ەم / یەم / ەمین ...
      for (std::string_view suf : kOrdinalSuffixes) {
        if (s_.compare(q, suf.size(), suf) != 0) continue;
        begin(i);
        size_t st = out_.size();
        words(L.int_d, "", false);
        out_ += numbers_internal::ordinal_suffix(std::string_view(out_).substr(st));
        if (suf.size() > 6) out_ += "ین";
        end(i, q + suf.size(), Kind::kOrdinal);
        return q + suf.size();
      }
      // 2½
      if (const auto* fr = fraction_char(q, flen)) {
        begin(i);
        words(L.int_d, "", false);
        out_ += I_.and_;
        if (fr->reading.empty()) fraction(fr->num, fr->den); else out_ += fr->reading;
        end(i, q + flen, Kind::kFraction);
        return q + flen;
      }
      // a/b
      if (!L.separated && at(s_, q).c == '/' && L.int_d.size() <= 4 && before(s_, p) != '/') {
        std::string den;
        size_t r = digit_run(s_, q + 1, den);
        Cp after = at(s_, r);
        if (!den.empty() && den.size() <= 4 && after.c != '/' && !chars::is_digit(after.c)) {
          int a = std::stoi(L.int_d), b = std::stoi(den);
          if (b > 0 && (!full_ || a < b)) {
            begin(i);
            fraction(a, b);
            end(i, r, Kind::kFraction);
            return r;
          }
        }
      }
    }
    // suffixes: % , currency, unit (directly or after one blank)
    size_t glue_at = i;
    size_t r = q;
    bool blank = is_blank(at(s_, r).c);
    if (blank) r += size_t(at(s_, r).len);
    Cp sx = at(s_, r);
    size_t len = 0;
    const std::string* unit = nullptr;
    if (!pct && !cur && (sx.c == '%' || sx.c == 0x066A)) {
      pct = true;
      q = r + size_t(sx.len);
    } else if (!pct && !cur && (cur = currency_at(r, len)) != nullptr) {
      q = r + len;
    } else if (full_ && V_.units && !pct && !cur && (unit = unit_at(r, len)) != nullptr) {
      q = r + len;
    }
    begin(i);
    space_after_latin(glue_at);
    if (pct) {
      kind = Kind::kPercent;
      if (I_.opt.percent == NumberOptions::Percent::kLeSeda) {
        out_ += "لە سەدا ";
        words(L.int_d, L.frac_d, neg);
      } else {
        words(L.int_d, L.frac_d, neg);
        out_ += " لە سەد";
      }
    } else {
      words(L.int_d, L.frac_d, neg);
      if (cur) { out_ += ' '; out_ += *cur; kind = Kind::kCurrency; }
      if (unit) { out_ += ' '; out_ += *unit; kind = Kind::kUnit; }
    }
    end(i, q, kind);
    return q;
  }

  const NumberSpeller::Impl& I_;
  const Lexicon& L_;
  const VerbalizeOptions& V_;
  bool full_;
  std::string_view s_;
  std::string& out_;
  size_t base_;
  std::vector<NumberSpan>* spans_;
  OffsetMap* map_;
  size_t copied_ = 0, ob_ = 0;
  std::vector<std::pair<std::string, std::string>> emoji_, abbr_;
  std::vector<char32_t> cur_first_;
};

const VerbalizeOptions& numbers_only() {
  static const VerbalizeOptions v = [] {
    VerbalizeOptions o;
    o.dates = o.times = o.phones = o.units = o.abbreviations = o.acronyms = o.emoji = false;
    return o;
  }();
  return v;
}

}  // namespace

void NumberSpeller::text_to_words(std::string_view text, std::string& out, std::vector<NumberSpan>* spans) const {
  Engine e(*impl_, numbers_only(), false, text, out, spans, nullptr);
  e.run();
}

std::optional<std::string> NumberSpeller::number(std::string_view literal) const {
  size_t b = 0, e = literal.size();
  while (b < e && (literal[b] == ' ' || literal[b] == '\t')) ++b;
  while (e > b && (literal[e - 1] == ' ' || literal[e - 1] == '\t' || literal[e - 1] == '\r')) --e;
  std::string_view t = literal.substr(b, e - b);
  if (t.empty()) return std::nullopt;
  std::string out;
  std::vector<NumberSpan> spans;
  Engine en(*impl_, numbers_only(), false, t, out, &spans, nullptr);
  en.run();
  if (spans.size() != 1 || spans[0].in_begin != 0 || spans[0].in_end != t.size()) return std::nullopt;
  return out;
}

struct Verbalizer::Impl {
  VerbalizeOptions opt;
  NumberSpeller speller;
  explicit Impl(VerbalizeOptions o) : opt(std::move(o)), speller(opt.numbers) {}
};

Verbalizer::Verbalizer(VerbalizeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Verbalizer::~Verbalizer() = default;
Verbalizer::Verbalizer(Verbalizer&&) noexcept = default;
Verbalizer& Verbalizer::operator=(Verbalizer&&) noexcept = default;

void Verbalizer::verbalize(std::string_view text, std::string& out, std::vector<NumberSpan>* spans,
                           OffsetMap* map) const {
  Engine e(impl_->speller.impl(), impl_->opt, true, text, out, spans, map);
  e.run();
}

}  // namespace kurdi
