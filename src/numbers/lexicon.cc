// The numbers lexicon: data/numbers/*.tsv parsed once into lookup structures.
#include <algorithm>
#include <charconv>

#include "numbers/internal.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(numbers_cardinals_tsv)
KURDI_DECLARE_TABLE(numbers_scales_tsv)
KURDI_DECLARE_TABLE(numbers_fractions_tsv)
KURDI_DECLARE_TABLE(numbers_currencies_tsv)
KURDI_DECLARE_TABLE(numbers_units_tsv)
KURDI_DECLARE_TABLE(numbers_months_tsv)
KURDI_DECLARE_TABLE(numbers_latin_letters_tsv)
KURDI_DECLARE_TABLE(numbers_acronyms_tsv)
KURDI_DECLARE_TABLE(numbers_abbreviations_tsv)
KURDI_DECLARE_TABLE(numbers_emoji_tsv)

namespace kurdi::numbers_internal {
namespace {

int to_int(std::string_view s, int fallback = -1) {
  int v = fallback;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : fallback;
}

WordKind kind_of(std::string_view k) {
  if (k == "zero") return WordKind::kZero;
  if (k == "unit") return WordKind::kUnit;
  if (k == "teen") return WordKind::kTeen;
  if (k == "ten") return WordKind::kTen;
  if (k == "hundred") return WordKind::kHundred;
  return WordKind::kHundreds;
}

void sort_longest_first(std::vector<std::pair<std::string, std::string>>& v) {
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Lexicon build() {
  Lexicon L;
  using tables::Table;
  {
    const Table& t = tables::numbers_cardinals_tsv;
    int w = t.column("word"), v = t.column("value"), k = t.column("kind"), g = t.column("gen");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      int value = to_int(f[v]);
      WordKind kind = kind_of(f[k]);
      L.words.emplace(fold_word(f[w]), WordEntry{kind, value, value});
      if (f[g] != "1") return;
      std::string word(f[w]);
      switch (kind) {
        case WordKind::kZero: L.units[0] = word; break;
        case WordKind::kUnit: L.units[value] = word; break;
        case WordKind::kTeen: L.teens[value - 10] = word; break;
        case WordKind::kTen: L.tens[value / 10] = word; break;
        case WordKind::kHundred: L.hundred = word; break;
        case WordKind::kHundreds: L.joined_hundreds[value / 100] = word; break;
        case WordKind::kScale: break;
      }
    });
  }
  {
    const Table& t = tables::numbers_scales_tsv;
    int w = t.column("word"), s = t.column("short"), l = t.column("long"), g = t.column("gen");
    L.short_scale.assign(8, "");
    L.long_scale.assign(8, "");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      int se = to_int(f[s], 0), le = to_int(f[l], 0);
      L.words.emplace(fold_word(f[w]), WordEntry{WordKind::kScale, se / 3, le / 3});
      if (f[g].find('s') != std::string_view::npos && se / 3 < 8) L.short_scale[se / 3] = std::string(f[w]);
      if (f[g].find('l') != std::string_view::npos && le / 3 < 8) L.long_scale[le / 3] = std::string(f[w]);
    });
    while (!L.short_scale.empty() && L.short_scale.back().empty()) L.short_scale.pop_back();
    while (!L.long_scale.empty() && L.long_scale.back().empty()) L.long_scale.pop_back();
  }
  {
    const Table& t = tables::numbers_fractions_tsv;
    int c = t.column("char"), v = t.column("value"), r = t.column("reading");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      size_t slash = f[v].find('/');
      if (slash == std::string_view::npos) return;
      Fraction fr{to_int(f[v].substr(0, slash)), to_int(f[v].substr(slash + 1)), std::string(f[r])};
      if (fr.num <= 0 || fr.den <= 0) return;
      L.fraction_chars.emplace(std::string(f[c]), fr);
      if (!fr.reading.empty()) L.fraction_readings.emplace(uint32_t(fr.num) << 16 | uint32_t(fr.den), fr.reading);
    });
  }
  auto pairs = [](const Table& t, const char* key, const char* val, std::vector<std::pair<std::string, std::string>>& out) {
    int k = t.column(key), v = t.column(val);
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) { out.emplace_back(f[k], f[v]); });
    sort_longest_first(out);
  };
  pairs(tables::numbers_currencies_tsv, "token", "word", L.currencies);
  pairs(tables::numbers_units_tsv, "symbol", "word", L.units_of_measure);
  {
    const Table& t = tables::numbers_months_tsv;
    int n = t.column("n"), i = t.column("iraqi"), s = t.column("solar");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      int m = to_int(f[n]);
      if (m < 1 || m > 12) return;
      L.months_iraqi[m] = std::string(f[i]);
      L.months_solar[m] = std::string(f[s]);
    });
  }
  {
    const Table& t = tables::numbers_latin_letters_tsv;
    int l = t.column("letter"), nm = t.column("name");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      if (f[l].size() == 1 && f[l][0] >= 'A' && f[l][0] <= 'Z') L.letters[f[l][0] - 'A'] = std::string(f[nm]);
    });
  }
  auto map = [](const Table& t, const char* key, const char* val, std::unordered_map<std::string, std::string>& out) {
    int k = t.column(key), v = t.column(val);
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) { out.emplace(std::string(f[k]), std::string(f[v])); });
  };
  map(tables::numbers_acronyms_tsv, "acronym", "reading", L.acronyms);
  map(tables::numbers_abbreviations_tsv, "abbr", "expansion", L.abbreviations);
  map(tables::numbers_emoji_tsv, "emoji", "name", L.emoji);
  return L;
}

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lex = build();
  return lex;
}

std::string fold_word(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  size_t i = 0;
  while (i < w.size()) {
    int len = 1;
    char32_t c = utf8::decode(w, i, len);
    i += len;
    switch (c) {
      case 0x064A: case 0x0649: case 0x06D2: c = 0x06CC; break;  // ي ى ے -> ی
      case 0x0643: c = 0x06A9; break;                              // ك -> ک
      case 0x0629: c = 0x06D5; break;                              // ة -> ە
      case 0x06BE: c = 0x0647; break;                              // ھ -> ه
      case 0x200C: case 0x200D: case 0x0640: continue;             // ZWNJ, ZWJ, tatweel
      default: break;
    }
    if (chars::is_arabic_mark(c)) continue;
    if (c == 0x0647) {  // ه: the legacy spelling of ە when final or followed by ZWNJ
      size_t j = i;
      bool final_e = j >= w.size();
      if (!final_e) {
        int l2 = 1;
        char32_t n = utf8::decode(w, j, l2);
        final_e = n == 0x200C;
      }
      if (final_e) c = 0x06D5;
    }
    utf8::append(out, c);
  }
  return out;
}

bool ascii_digits(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    int len = 1;
    char32_t c = utf8::decode(s, i, len);
    int d = chars::digit_value(c);
    if (d < 0) return false;
    out.push_back(char('0' + d));
    i += len;
  }
  return true;
}

std::string_view ordinal_suffix(std::string_view words) {
  // ends in وو (û): دووەم; ends in a vowel letter: -یەم; else -ەم
  if (words.size() >= 4 && words.substr(words.size() - 4) == "وو") return "ەم";
  if (words.size() >= 2) {
    int len = 1;
    size_t i = words.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(words[i]) & 0xC0) == 0x80) --i;
    char32_t c = utf8::decode(words, i, len);
    switch (c) {
      case 0x0627: case 0x06D5: case 0x06C6: case 0x06CE: case 0x06CC: case 0x0648: return "یەم";
      default: break;
    }
  }
  return "ەم";
}

}  // namespace kurdi::numbers_internal
