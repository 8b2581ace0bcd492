// Legacy-font decoding: table-driven longest-match rewriting plus per-paragraph font detection.
#include <array>
#include <string>
#include <vector>

#include "kurdi/decode.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(decode_alik_tsv)
KURDI_DECLARE_TABLE(decode_aliweb_tsv)
KURDI_DECLARE_TABLE(decode_dylan_tsv)
KURDI_DECLARE_TABLE(decode_zarnegar_tsv)

namespace kurdi {

const char* to_string(Font f) {
  switch (f) {
    case Font::kNone: return "none";
    case Font::kAliK: return "alik";
    case Font::kAliWeb: return "aliweb";
    case Font::kDylan: return "dylan";
    case Font::kZarnegar: return "zarnegar";
  }
  return "none";
}

Result<Font> parse_font(std::string_view name) {
  if (name == "alik" || name == "ali-k") return Font::kAliK;
  if (name == "aliweb" || name == "ali-web") return Font::kAliWeb;
  if (name == "dylan") return Font::kDylan;
  if (name == "zarnegar") return Font::kZarnegar;
  if (name == "none") return Font::kNone;
  return Error{ErrorCode::kBadOption, "unknown font '" + std::string(name) +
                                          "' (expected alik, aliweb, dylan, zarnegar, none or auto)"};
}

namespace {

// One rewrite: the code points after the first one, and the replacement bytes.
struct Rule {
  std::u32string rest;
  std::string to;
};

// Rules indexed by first code point. Keys start with a letter of the Arabic block (U+0600..U+06FF);
// that is checked when the tables are parsed.
struct RuleSet {
  std::array<std::vector<Rule>, 256> by_first;
  std::array<bool, 256> any{};

  void add(std::u32string key, std::string to) {
    if (key.empty() || key[0] < 0x600 || key[0] > 0x6FF) return;
    size_t i = key[0] - 0x600;
    auto& v = by_first[i];
    v.push_back({key.substr(1), std::move(to)});
    // longest key first
    for (size_t k = v.size() - 1; k > 0 && v[k].rest.size() > v[k - 1].rest.size(); --k) std::swap(v[k], v[k - 1]);
    any[i] = true;
  }

  // Rewrites valid UTF-8 `in`, appending to out.
  void apply(std::string_view in, std::string& out, OffsetMap* map) const {
    const size_t n = in.size();
    const char* s = in.data();
    size_t run = 0;  // start of the pending copy run
    size_t i = 0;
    const size_t out0 = out.size();
    while (i < n) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (b < 0xD8 || b > 0xDB || i + 1 >= n) {
        ++i;
        continue;
      }
      size_t cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      size_t idx = cp - 0x600;
      if (!any[idx]) {
        i += 2;
        continue;
      }
      const Rule* hit = nullptr;
      size_t end = i + 2;
      for (const Rule& r : by_first[idx]) {
        size_t j = i + 2;
        bool ok = true;
        for (char32_t want : r.rest) {
          if (j >= n) { ok = false; break; }
          int len = 0;
          char32_t c = utf8::decode(s, n, j, len);
          if (c != want) { ok = false; break; }
          j += len;
        }
        if (ok) { hit = &r; end = j; break; }
      }
      if (!hit) {
        i += 2;
        continue;
      }
      out.append(s + run, i - run);
      size_t ob = out.size();
      out.append(hit->to);
      if (map) map->add_edit(i, end, ob - out0, out.size() - out0);
      i = end;
      run = i;
    }
    out.append(s + run, n - run);
    if (map) map->finish(n, out.size() - out0);
  }
};

bool is_ar_letter(char32_t c) { return chars::is_arabic_letter(c); }

}  // namespace

struct LegacyDecoder::Impl {
  DecodeOptions options;
  std::array<RuleSet, 5> dec;  // indexed by Font
  std::array<RuleSet, 5> enc;

  void load(Font f, const tables::Table& t) {
    int cf = t.column("from"), ct = t.column("to"), ce = t.column("encode");
    t.for_each_row([&](const std::vector<std::string_view>& fld, size_t) {
      std::u32string from = utf8::to_u32(fld[cf]);
      dec[static_cast<int>(f)].add(from, std::string(fld[ct]));
      if (fld[ce] == "1" && !fld[ct].empty()) enc[static_cast<int>(f)].add(utf8::to_u32(fld[ct]), std::string(fld[cf]));
    });
  }
};

LegacyDecoder::LegacyDecoder() : LegacyDecoder(DecodeOptions{}) {}
LegacyDecoder::LegacyDecoder(const DecodeOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->load(Font::kAliK, tables::decode_alik_tsv);
  impl_->load(Font::kAliWeb, tables::decode_aliweb_tsv);
  impl_->load(Font::kDylan, tables::decode_dylan_tsv);
  impl_->load(Font::kZarnegar, tables::decode_zarnegar_tsv);
}
LegacyDecoder::~LegacyDecoder() = default;
LegacyDecoder::LegacyDecoder(LegacyDecoder&&) noexcept = default;
LegacyDecoder& LegacyDecoder::operator=(LegacyDecoder&&) noexcept = default;
const DecodeOptions& LegacyDecoder::options() const { return impl_->options; }

void LegacyDecoder::decode(std::string_view text, Font font, std::string& out, OffsetMap* map) const {
  std::string clean;
  if (!utf8::is_valid(text)) {
    // Replacement changes lengths; offsets then refer to the sanitized text (same as the input up
    // to the first bad byte).
    clean = utf8::sanitize(text);
    text = clean;
  }
  if (font == Font::kNone) {
    out.append(text);
    if (map) map->finish(text.size(), text.size());
    return;
  }
  impl_->dec[static_cast<int>(font)].apply(text, out, map);
}

std::string LegacyDecoder::decode(std::string_view text, Font font) const {
  std::string out;
  out.reserve(text.size() + 16);
  decode(text, font, out, nullptr);
  return out;
}

std::string LegacyDecoder::encode(std::string_view unicode, Font font) const {
  std::string clean = utf8::sanitize(unicode);
  if (font == Font::kNone) return clean;
  std::string out;
  impl_->enc[static_cast<int>(font)].apply(clean, out, nullptr);
  return out;
}

// Font detection. Legacy text never contains the Unicode Kurdish letters ە ێ ۆ ڕ ڵ (the fonts predate
// them); it writes the vowel ە with ة (Ali-K, Ali-Web, Dylan) or ه+RLM (Zarnegar), so ە-bearing
// letters show up inside words, where Arabic never puts ة. Which of the ة fonts: the letters each one
// borrows (see the tables).
FontGuess LegacyDecoder::guess_font(std::string_view p) const {
  size_t words = 0, kurdish = 0, ta = 0, ta_medial = 0, zarnegar = 0;
  size_t harakat_combo = 0;  // لَ يَ ىَ رِ : Ali-K style
  size_t native = 0;         // پ چ گ ژ typed as themselves (Dylan, Unicode)
  size_t tah = 0, sad = 0, hamza_alef = 0, lam_alef_below = 0, thal = 0, pe = 0, dad = 0;
  size_t waw_hamza = 0;  // ؤ: the vowel ۆ under every ة font, rare in Arabic and Persian
  size_t al_words = 0;   // words starting with the Arabic article ال
  size_t word_pos = 0;   // letters so far in the current word
  const size_t n = p.size();
  char32_t prev = 0;
  bool in_word = false;
  for (size_t i = 0; i < n;) {
    int len = 0;
    char32_t c = utf8::decode(p.data(), n, i, len);
    i += len;
    bool letter = is_ar_letter(c);
    if (letter && !in_word) { ++words; word_pos = 0; }
    if (letter) {
      in_word = true;
      if (word_pos == 1 && prev == 0x0627 && c == 0x0644) ++al_words;
      ++word_pos;
    } else if (!chars::is_arabic_mark(c) && c != 0x200F && c != chars::kZwnj) {
      in_word = false;
    }
    switch (c) {
      case 0x06D5: case 0x06CE: case 0x06C6: case 0x0695: case 0x06B5: ++kurdish; break;
      case 0x0629: ++ta; break;
      case 0x064C: case 0x064D:
        if (prev == 0x064A || prev == 0x06CC || prev == 0x0649 || prev == 0x0644 || prev == 0x0631 ||
            prev == 0x0648)
          ++zarnegar;
        break;
      case 0x200F: if (prev == 0x0647) ++zarnegar; break;
      case 0x064E: if (prev == 0x0644 || prev == 0x064A || prev == 0x0649) ++harakat_combo; break;
      case 0x0650: if (prev == 0x0631) ++harakat_combo; break;
      case 0x0686: case 0x06AF: case 0x0698: ++native; break;
      case 0x067E: ++pe; break;
      case 0x0637: ++tah; break;
      case 0x0635: ++sad; break;
      case 0x0623: ++hamza_alef; break;
      case 0x0625: if (prev == 0x0644) ++lam_alef_below; break;
      case 0x0630: ++thal; break;
      case 0x0636: ++dad; break;
      case 0x0624: ++waw_hamza; break;
      default: break;
    }
    if (prev == 0x0629 && letter) ++ta_medial;
    prev = c;
  }
  FontGuess g;
  if (words == 0) return g;
  if (kurdish * 10 >= words) {  // Unicode Kurdish
    g.confidence = 1.0;
    return g;
  }
  size_t min_words = static_cast<size_t>(impl_->options.min_words > 0 ? impl_->options.min_words : 1);
  if (zarnegar >= 2 || (zarnegar >= 1 && zarnegar * 20 >= words)) {
    g.font = Font::kZarnegar;
    g.confidence = zarnegar * 5 >= words ? 0.99 : 0.8;
    return g;
  }
  // ە (ة) and ۆ (ؤ) are the commonest vowels of Sorani; Arabic puts ة only at the end of a word and
  // uses ؤ rarely, and its words often start with the article ال.
  size_t cue = ta_medial + (waw_hamza >= 2 || ta_medial ? waw_hamza : 0);
  bool legacy = cue >= 1 && cue * 10 >= words && (ta + waw_hamza) * 4 >= words;
  if (!legacy && words < min_words && ta_medial >= 1 && ta >= words) legacy = true;
  if (legacy && ta_medial == 0 && al_words * 6 >= words) legacy = false;
  if (!legacy) {
    g.confidence = ta == 0 ? 0.99 : 0.9;
    return g;
  }
  g.confidence = ta_medial * 3 >= words ? 0.99 : 0.8;
  // Dylan types گ چ ژ as themselves; the Ali fonts borrow ط for گ, ض for چ, ذ for ژ. Dylan's ذ is ڕ,
  // far commoner than ژ.
  if (native + lam_alef_below * 2 > tah + dad + hamza_alef + harakat_combo ||
      (native + lam_alef_below + tah + dad + hamza_alef + harakat_combo == 0 && (thal > 0 || sad > 0) && pe == 0)) {
    g.font = Font::kDylan;
  } else if (pe + sad + hamza_alef > harakat_combo) {
    g.font = Font::kAliWeb;
  } else {
    g.font = Font::kAliK;
  }
  return g;
}

Font LegacyDecoder::detect_font(std::string_view paragraph) const { return guess_font(paragraph).font; }

}  // namespace kurdi
