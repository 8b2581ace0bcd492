// Digits -> Sorani words: cardinals (precomputed words for every 3-digit group), decimals, ordinals.
#include <cstdio>
#include <cstring>

#include "numbers/internal.h"

namespace kurdi {

using numbers_internal::Lexicon;

NumberOptions NumberOptions::dilan() {
  NumberOptions o;
  o.hundreds = Hundreds::kApart;
  o.yek_hezar = true;
  return o;
}

const char* to_string(NumberSpan::Kind k) {
  switch (k) {
    case NumberSpan::Kind::kCardinal: return "cardinal";
    case NumberSpan::Kind::kDecimal: return "decimal";
    case NumberSpan::Kind::kOrdinal: return "ordinal";
    case NumberSpan::Kind::kFraction: return "fraction";
    case NumberSpan::Kind::kPercent: return "percent";
    case NumberSpan::Kind::kCurrency: return "currency";
    case NumberSpan::Kind::kUnit: return "unit";
    case NumberSpan::Kind::kDate: return "date";
    case NumberSpan::Kind::kTime: return "time";
    case NumberSpan::Kind::kPhone: return "phone";
    case NumberSpan::Kind::kYear: return "year";
    case NumberSpan::Kind::kAbbreviation: return "abbreviation";
    case NumberSpan::Kind::kAcronym: return "acronym";
    case NumberSpan::Kind::kEmoji: return "emoji";
    case NumberSpan::Kind::kWords: return "words";
  }
  return "?";
}

static void build_pieces(NumberSpeller::Impl& I);

NumberSpeller::Impl::Impl(NumberOptions o) : opt(std::move(o)), lex(&Lexicon::get()), and_(" و ") {
  const Lexicon& L = *lex;
  scale = opt.scale == NumberOptions::Scale::kShort ? &L.short_scale : &L.long_scale;
  auto below100 = [&](int r, std::string& s) {
    if (r < 10) s += L.units[r];
    else if (r < 20) s += L.teens[r - 10];
    else {
      s += L.tens[r / 10];
      if (r % 10) { s += and_; s += L.units[r % 10]; }
    }
  };
  for (int n = 1; n < 1000; ++n) {
    std::string& s = group[n];
    int h = n / 100, r = n % 100;
    if (h == 1) {
      if (opt.yek_sed) { s += L.units[1]; s += ' '; }
      s += L.hundred;
    } else if (h > 1) {
      if (opt.hundreds == NumberOptions::Hundreds::kJoined) s += L.joined_hundreds[h];
      else { s += L.units[h]; s += ' '; s += L.hundred; }
    }
    if (r) {
      if (h) s += and_;
      below100(r, s);
    }
  }
  build_pieces(*this);
}

static void build_pieces(NumberSpeller::Impl& I) {
  size_t ks = I.scale->size();
  I.piece_off.reserve(ks * 2000 + 1);
  for (size_t k = 0; k < ks; ++k) {
    for (int g = 0; g < 1000; ++g) {
      for (int j = 0; j < 2; ++j) {
        I.piece_off.push_back(uint32_t(I.pieces.size()));
        if (g == 0) continue;
        if (j) I.pieces += I.and_;
        if (k == 0) { I.pieces += I.group[size_t(g)]; continue; }
        if (!(k == 1 && g == 1 && !I.opt.yek_hezar)) { I.pieces += I.group[size_t(g)]; I.pieces += ' '; }
        I.pieces += (*I.scale)[k];
      }
    }
  }
  I.piece_off.push_back(uint32_t(I.pieces.size()));
}

void NumberSpeller::Impl::append_groups(const uint16_t* g, int n, std::string& out) const {
  if (size_t(n) <= scale->size()) {
    bool first = true;
    for (int k = n - 1; k >= 0; --k) {
      if (!g[k]) continue;
      out += piece(k, g[k], !first);
      first = false;
    }
    if (first) out += lex->units[0];
    return;
  }
  bool first = true;
  for (int k = n - 1; k >= 0; --k) {
    if (!g[k]) continue;
    if (!first) out += and_;
    first = false;
    if (k == 0) { out += group[g[k]]; continue; }
    if (!(k == 1 && g[k] == 1 && !opt.yek_hezar)) { out += group[g[k]]; out += ' '; }
    out += (*scale)[k];
  }
  if (first) out += lex->units[0];
}

void NumberSpeller::Impl::append_digits_ascii(std::string_view ascii, std::string& out) const {
  bool first = true;
  for (char c : ascii) {
    if (c < '0' || c > '9') continue;
    if (!first) out += ' ';
    first = false;
    out += lex->units[c - '0'];
  }
}

void NumberSpeller::Impl::write_digits(std::string_view ascii, std::string& out) const {
  for (char c : ascii) {
    if (c < '0' || c > '9') { out += c; continue; }
    switch (opt.digits) {
      case NumberOptions::Digits::kLatin: out += c; break;
      case NumberOptions::Digits::kArabicIndic: utf8::append(out, char32_t(0x0660 + (c - '0'))); break;
      case NumberOptions::Digits::kExtended: utf8::append(out, char32_t(0x06F0 + (c - '0'))); break;
    }
  }
}

// Cardinal of an ASCII digit string of any length.
static void cardinal_ascii(const NumberSpeller::Impl& I, std::string_view d, std::string& out) {
  size_t z = 0;
  while (z + 1 < d.size() && d[z] == '0') ++z;
  d.remove_prefix(z);
  size_t max_groups = I.scale->size();
  if (d.empty()) { out += I.lex->units[0]; return; }
  if (d.size() > 3 * max_groups) { I.append_digits_ascii(d, out); return; }
  uint16_t g[16] = {};
  int n = 0;
  for (size_t end = d.size(); end > 0;) {
    size_t b = end >= 3 ? end - 3 : 0;
    int v = 0;
    for (size_t i = b; i < end; ++i) v = v * 10 + (d[i] - '0');
    g[n++] = uint16_t(v);
    end = b;
  }
  I.append_groups(g, n, out);
}

void NumberSpeller::Impl::append_number_words(std::string_view int_ascii, std::string_view frac_ascii,
                                              bool negative, std::string& out) const {
  if (negative) { out += opt.negative_word; out += ' '; }
  bool zero_int = int_ascii.find_first_not_of('0') == std::string_view::npos;
  if (!frac_ascii.empty() && opt.half_as_niw && frac_ascii == "5") {
    if (!zero_int) { cardinal_ascii(*this, int_ascii, out); out += and_; }
    out += lex->fraction_readings.count(1u << 16 | 2u) ? lex->fraction_readings.at(1u << 16 | 2u) : "نیو";
    return;
  }
  cardinal_ascii(*this, int_ascii.empty() ? std::string_view("0") : int_ascii, out);
  if (frac_ascii.empty()) return;
  out += ' ';
  out += opt.decimal_word;
  out += ' ';
  if (opt.decimals == NumberOptions::Decimals::kDigits) { append_digits_ascii(frac_ascii, out); return; }
  size_t z = 0;
  while (z < frac_ascii.size() && frac_ascii[z] == '0') {
    if (z) out += ' ';
    out += lex->units[0];
    ++z;
  }
  if (z < frac_ascii.size()) {
    if (z) out += ' ';
    cardinal_ascii(*this, frac_ascii.substr(z), out);
  }
}

NumberSpeller::NumberSpeller(NumberOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
NumberSpeller::~NumberSpeller() = default;
NumberSpeller::NumberSpeller(NumberSpeller&&) noexcept = default;
NumberSpeller& NumberSpeller::operator=(NumberSpeller&&) noexcept = default;
const NumberOptions& NumberSpeller::options() const { return impl_->opt; }

void NumberSpeller::append_cardinal(uint64_t n, std::string& out) const {
  const Impl& I = *impl_;
  if (n == 0) { out += I.lex->units[0]; return; }
  uint16_t g[8];
  int k = 0;
  do { g[k++] = uint16_t(n % 1000); n /= 1000; } while (n);
  if (size_t(k) > I.scale->size()) {  // cannot happen with 7 scale words; keep it safe
    I.append_groups(g, k, out);
    return;
  }
  std::string_view parts[8];
  int np = 0;
  size_t total = 0;
  for (int j = k - 1; j >= 0; --j) {
    if (!g[j]) continue;
    parts[np] = I.piece(j, g[j], np > 0);
    total += parts[np++].size();
  }
  size_t old = out.size();
  out.resize(old + total);
  char* p = out.data() + old;
  for (int j = 0; j < np; ++j) {
    std::memcpy(p, parts[j].data(), parts[j].size());
    p += parts[j].size();
  }
}

void NumberSpeller::append_cardinal(int64_t n, std::string& out) const {
  if (n < 0) {
    out += impl_->opt.negative_word;
    out += ' ';
    append_cardinal(uint64_t(0) - uint64_t(n), out);
  } else {
    append_cardinal(uint64_t(n), out);
  }
}

void NumberSpeller::append_cardinal_digits(std::string_view digits, std::string& out) const {
  std::string a;
  if (!numbers_internal::ascii_digits(digits, a) || a.empty()) return;
  cardinal_ascii(*impl_, a, out);
}

void NumberSpeller::append_ordinal(uint64_t n, std::string& out, bool emin) const {
  size_t start = out.size();
  append_cardinal(n, out);
  out += numbers_internal::ordinal_suffix(std::string_view(out).substr(start));
  if (emin) out += "ین";
}

}  // namespace kurdi
