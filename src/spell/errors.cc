// The Kurdish error model: weighted optimal-string-alignment distance with the confusion costs of
// data/spell/confusions.tsv, and the confusion-folded skeleton used as a second index key.
#include <algorithm>
#include <charconv>
#include <limits>

#include "spell/internal.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(spell_confusions_tsv)

namespace kurdi::spell {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
uint64_t key(char32_t a, char32_t b) { return (uint64_t(a) << 32) | b; }
double parse_double(std::string_view s, double dflt) {
  double v = dflt;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : dflt;
}
}  // namespace

ErrorModel::ErrorModel() {
  const auto& t = tables::spell_confusions_tsv;
  int ca = t.column("a"), cb = t.column("b"), cc = t.column("cost"), cv = t.column("convention");
  t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
    if (f[ca] == "ab" && f[cb] == "ba") {  // any two adjacent letters swapped (never a convention edit)
      trans_ = parse_double(f[cc], 1.0);
      return;
    }
    std::u32string a = f[ca] == "-" ? U"" : utf8::to_u32(f[ca]);
    std::u32string b = f[cb] == "-" ? U"" : utf8::to_u32(f[cb]);
    Cost c{parse_double(f[cc], 1.0), f[cv] == "1"};
    if (a.size() > b.size()) std::swap(a, b);
    if (!a.empty() || !b.empty()) rep_.emplace_back(a, b);
    if (a.size() == 1 && b.size() == 1) {
      sub_[key(a[0], b[0])] = c;
      sub_[key(b[0], a[0])] = c;
    } else if (a.empty() && b.size() == 1) {
      indel_[b[0]] = c;
    } else if (a.size() == 1 && b.size() == 2) {
      if (b[1] == a[0]) before_[key(b[0], a[0])] = c;       // b[0] inserted before a
      else if (b[0] == a[0]) after_[key(a[0], b[1])] = c;   // b[1] inserted after a (doubling)
    }
  });
  for (const auto& [k, c] : sub_)
    subs_by_char_[static_cast<char32_t>(k >> 32)].push_back({static_cast<char32_t>(k & 0xFFFFFFFFu), c.cost, c.convention});
  for (auto& [ch, v] : subs_by_char_)
    std::sort(v.begin(), v.end(), [](const SubTo& a, const SubTo& b) { return a.to < b.to; });
  min_cost_ = trans_;
  for (const auto& [k, c] : sub_) min_cost_ = std::min(min_cost_, c.cost);
  for (const auto& [ch, c] : indel_) min_cost_ = std::min(min_cost_, c.cost);
  for (const auto& [k, c] : before_) min_cost_ = std::min(min_cost_, c.cost);
  for (const auto& [k, c] : after_) min_cost_ = std::min(min_cost_, c.cost);
  for (const auto& [ch, c] : indel_) insertable_.push_back(ch);
  for (const auto& [k, c] : before_) insertable_.push_back(static_cast<char32_t>(k >> 32));
  for (const auto& [k, c] : after_) insertable_.push_back(static_cast<char32_t>(k & 0xFFFFFFFFu));
  // Flat tables.
  int next_idx = 1;
  auto give = [&](char32_t c) {
    if (c >= 0x600 && c <= 0x6FF && !idx_[c - 0x600] && next_idx < kAlpha) idx_[c - 0x600] = static_cast<uint8_t>(next_idx++);
  };
  for (const auto& [a, b] : rep_) {
    for (char32_t c : a) give(c);
    for (char32_t c : b) give(c);
  }
  for (int conv = 0; conv < 2; ++conv) {
    const float dflt = conv ? std::numeric_limits<float>::infinity() : 1.0f;
    for (int i = 0; i < kAlpha; ++i) {
      baset_[conv][i] = dflt;
      for (int j = 0; j < kAlpha; ++j) subt_[conv][i][j] = beforet_[conv][i][j] = aftert_[conv][i][j] = dflt;
    }
    auto ok = [&](const Cost& c) { return !conv || c.convention; };
    for (const auto& [k, c] : sub_)
      if (ok(c)) subt_[conv][idx(static_cast<char32_t>(k >> 32))][idx(static_cast<char32_t>(k & 0xFFFFFFFFu))] = static_cast<float>(c.cost);
    for (const auto& [ch, c] : indel_)
      if (ok(c)) baset_[conv][idx(ch)] = static_cast<float>(c.cost);
    for (const auto& [k, c] : before_)
      if (ok(c)) beforet_[conv][idx(static_cast<char32_t>(k >> 32))][idx(static_cast<char32_t>(k & 0xFFFFFFFFu))] = static_cast<float>(c.cost);
    for (const auto& [k, c] : after_)
      if (ok(c)) aftert_[conv][idx(static_cast<char32_t>(k >> 32))][idx(static_cast<char32_t>(k & 0xFFFFFFFFu))] = static_cast<float>(c.cost);
    // "other" letters (index 0) keep the default; a substitution between two different "other"
    // letters is an ordinary edit.
    subt_[conv][0][0] = dflt;
  }
  std::sort(insertable_.begin(), insertable_.end());
  insertable_.erase(std::unique(insertable_.begin(), insertable_.end()), insertable_.end());
}

double ErrorModel::indel(char32_t c, char32_t prev, char32_t next, bool conv) const {
  // A word-final ە is a morpheme (the definite/demonstrative -ە, the copula, the verbs' -ە), and
  // Arabic/Persian-keyboard writers type it (as ه or ة): only the word-internal short vowel is the
  // convention's omission. Adding or dropping it at the end changes the word, not its spelling.
  if (conv && c == U'ە' && next == 0) return kInf;
  const int i = idx(c);
  float best = baset_[conv][i];
  if (next) best = std::min(best, beforet_[conv][i][idx(next)]);
  if (prev) best = std::min(best, aftert_[conv][idx(prev)][i]);
  return best;
}

void ErrorModel::prepare(std::u32string_view x, bool conv, Typed& t) const {
  t.x = x;
  t.convention_only = conv;
  const size_t n = std::min<size_t>(x.size(), 64);
  for (size_t i = 0; i < n; ++i) {
    t.del[i] = indel(x[i], i ? x[i - 1] : 0, i + 1 < x.size() ? x[i + 1] : 0, conv);
    t.idx[i] = static_cast<uint8_t>(idx(x[i]));
  }
}

double ErrorModel::cost(std::u32string_view x, std::u32string_view y, double limit, bool conv) const {
  Typed t;
  prepare(x, conv, t);
  return cost(t, y, limit);
}

double ErrorModel::cost(const Typed& t, std::u32string_view y, double limit) const {
  const std::u32string_view x = t.x;
  const bool conv = t.convention_only;
  const size_t n = x.size(), m = y.size();
  if (n > 64 || m > 64) return x == y ? 0 : kInf;
  // d[i][j]: cost of typing x[0,i) for y[0,j). Three rows for the transposition.
  double rows[3][65];
  double* pp = rows[0];
  double* p = rows[1];
  double* c = rows[2];
  // Inserting intended chars (left out of the typed word), with context from the same string; the
  // typed side's deletions come precomputed.
  double insc[64];
  uint8_t yi[64];  // y[j]'s column of the flat tables (no range test per cell)
  for (size_t j = 0; j < m; ++j) {
    insc[j] = indel(y[j], j ? y[j - 1] : 0, j + 1 < m ? y[j + 1] : 0, conv);
    yi[j] = static_cast<uint8_t>(idx(y[j]));
  }
  const double* delc = t.del;
  p[0] = 0;
  for (size_t j = 1; j <= m; ++j) p[j] = p[j - 1] + insc[j - 1];
  for (size_t i = 1; i <= n; ++i) {
    const char32_t xi = x[i - 1];
    const double di = delc[i - 1];
    const float* sub_row = subt_[conv][t.idx[i - 1]];
    c[0] = p[0] + di;
    double row_min = c[0];
    for (size_t j = 1; j <= m; ++j) {
      double v = p[j - 1] + (xi == y[j - 1] ? 0.0 : static_cast<double>(sub_row[yi[j - 1]]));
      v = std::min(v, p[j] + di);
      v = std::min(v, c[j - 1] + insc[j - 1]);
      if (i > 1 && j > 1 && xi == y[j - 2] && x[i - 2] == y[j - 1] && xi != x[i - 2] && !conv)
        v = std::min(v, pp[j - 2] + trans_);
      c[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return kInf;
    double* tmp = pp;
    pp = p;
    p = c;
    c = tmp;
  }
  return p[m];
}

void ErrorModel::skeleton(std::u32string_view w, std::u32string& out) {
  out.clear();
  for (char32_t ch : w) {
    char32_t s = ch;
    switch (ch) {
      case U'ێ': s = U'ی'; break;
      case U'ۆ': s = U'و'; break;
      case U'ڕ': s = U'ر'; break;
      case U'ڵ': s = U'ل'; break;
      case U'ژ': case U'ذ': case U'ض': case U'ظ': s = U'ز'; break;
      case U'ڤ': s = U'ف'; break;
      case U'گ': s = U'ک'; break;
      case U'چ': s = U'ج'; break;
      case U'پ': s = U'ب'; break;
      case U'ط': s = U'ت'; break;
      case U'ص': case U'ث': s = U'س'; break;
      case U'غ': s = U'ق'; break;
      case U'ە': case U'ه': case U'ح': case U'ئ': case U'ع': case 0x200C: s = 0; break;
      default: break;
    }
    if (!s) continue;
    if ((s == U'و' || s == U'ی') && !out.empty() && out.back() == s) continue;
    out.push_back(s);
  }
}

}  // namespace kurdi::spell
