// Legacy-font decoding: table-driven longest-match rewriting plus per-paragraph font detection.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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

// One rewrite: the bytes after the first code point, and the replacement bytes.
struct Rule {
  std::string rest;
  std::string to;
};

// Rules indexed by first code point. Keys start with a code point of the Arabic block
// (U+0600..U+06FF, two bytes in UTF-8); that is checked when the tables are parsed.
struct RuleSet {
  std::array<std::vector<Rule>, 256> by_first;
  std::array<bool, 256> any{};
  std::array<bool, 256> single{};  // a rule with a one-code-point key exists for this first code point
  std::array<bool, 256> only_single{};  // ... and it is the only rule: no lookahead needed
  std::array<std::array<char, 4>, 256> single_to{};  // its replacement when it has at most 4 bytes
  std::array<uint8_t, 256> single_len{};
  std::array<std::array<uint16_t, 4>, 256> next2{};  // first two bytes of `rest` of the longer rules
  std::array<uint8_t, 256> nnext{};
  bool filter_ok = true;           // every first code point has at most 4 distinct next2 values
  size_t max_growth = 1;           // most replacement bytes per key byte, rounded up

  void add(const std::u32string& key, std::string to) {
    if (key.empty() || key[0] < 0x600 || key[0] > 0x6FF) return;
    size_t i = key[0] - 0x600;
    auto& v = by_first[i];
    v.push_back({utf8::from_u32(key.substr(1)), std::move(to)});
    // longest key first
    for (size_t k = v.size() - 1; k > 0 && v[k].rest.size() > v[k - 1].rest.size(); --k) std::swap(v[k], v[k - 1]);
  }

  // Derives the lookup shortcuts once every rule is in.
  void finish() {
    for (size_t i = 0; i < 256; ++i) {
      const auto& v = by_first[i];
      any[i] = !v.empty();
      nnext[i] = 0;
      for (const Rule& r : v) {
        size_t key_bytes = r.rest.size() + 2;
        max_growth = std::max(max_growth, (r.to.size() + key_bytes - 1) / key_bytes);
        if (r.rest.empty()) {
          single[i] = true;
          if (r.to.size() <= 4) {
            std::memcpy(single_to[i].data(), r.to.data(), r.to.size());
            single_len[i] = static_cast<uint8_t>(r.to.size());
          }
        } else if (r.rest.size() >= 2) {
          uint16_t k = static_cast<uint16_t>(static_cast<unsigned char>(r.rest[0]) |
                                             (static_cast<unsigned char>(r.rest[1]) << 8));
          bool seen = false;
          for (int j = 0; j < nnext[i]; ++j) seen |= next2[i][j] == k;
          if (!seen) {
            if (nnext[i] < 4) next2[i][nnext[i]++] = k;
            else filter_ok = false;
          }
        } else {
          filter_ok = false;
        }
      }
      only_single[i] = v.size() == 1 && v[0].rest.empty() && v[0].to.size() <= 4;
    }
  }

  // Rewrites `in`, appending to out. Returns false (out and map then hold garbage) when `in` is not
  // valid UTF-8: the caller sanitizes and calls again. Validation rides along with the rewrite.
  bool apply(std::string_view in, std::string& out, OffsetMap* map) const {
    const size_t n = in.size();
    const char* s = in.data();
    size_t run = 0;  // start of the pending copy run
    size_t i = 0;
    const size_t out0 = out.size();
    out.resize(out0 + n * max_growth + 8);
    char* o = out.data() + out0;  // write position
    while (i < n) {
      // ASCII, 8 bytes at a time
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
      }
      if (i >= n) break;
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        ++i;
        continue;
      }
      if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
        if (b < 0xD8 || b > 0xDB) {
          i += 2;
          continue;
        }
      } else {
        int len = 0;
        char32_t c = utf8::decode(s, n, i, len);
        if (c == utf8::kReplacement && !(len == 3 && std::memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
          out.resize(out0);
          return false;
        }
        i += static_cast<size_t>(len);
        continue;
      }
      size_t idx = (static_cast<size_t>(b & 0x03) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      if (!any[idx]) {
        i += 2;
        continue;
      }
      if (only_single[idx] && !map) {
        // one-code-point key, short replacement: the common case, copied inline
        size_t len = i - run;
        std::memcpy(o, s + run, len);
        o += len;
        std::memcpy(o, single_to[idx].data(), 4);  // the buffer has slack; only single_len counts
        o += single_len[idx];
        i += 2;
        run = i;
        continue;
      }
      if (filter_ok && !single[idx]) {
        // only longer keys start here: check the next two bytes before trying them
        uint16_t k = i + 3 < n ? static_cast<uint16_t>(static_cast<unsigned char>(s[i + 2]) |
                                                       (static_cast<unsigned char>(s[i + 3]) << 8))
                               : 0;
        bool maybe = false;
        for (int j = 0; j < nnext[idx]; ++j) maybe |= next2[idx][j] == k;
        if (!maybe) {
          i += 2;
          continue;
        }
      }
      const Rule* hit = nullptr;
      for (const Rule& r : by_first[idx]) {
        size_t m = r.rest.size();
        if (m > n - i - 2) continue;
        size_t k = 0;
        while (k < m && s[i + 2 + k] == r.rest[k]) ++k;
        if (k == m) {
          hit = &r;
          break;
        }
      }
      if (!hit) {
        i += 2;
        continue;
      }
      size_t end = i + 2 + hit->rest.size();
      std::memcpy(o, s + run, i - run);
      o += i - run;
      size_t ob = static_cast<size_t>(o - (out.data() + out0));
      std::memcpy(o, hit->to.data(), hit->to.size());
      o += hit->to.size();
      if (map) map->add_edit(i, end, ob, ob + hit->to.size());
      i = end;
      run = i;
    }
    std::memcpy(o, s + run, n - run);
    o += n - run;
    size_t produced = static_cast<size_t>(o - (out.data() + out0));
    out.resize(out0 + produced);
    if (map) map->finish(n, produced);
    return true;
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
      dec[static_cast<int>(f)].add(utf8::to_u32(fld[cf]), std::string(fld[ct]));
      if (fld[ce] == "1" && !fld[ct].empty()) enc[static_cast<int>(f)].add(utf8::to_u32(fld[ct]), std::string(fld[cf]));
    });
    dec[static_cast<int>(f)].finish();
    enc[static_cast<int>(f)].finish();
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
  if (font == Font::kNone) {
    if (utf8::is_valid(text)) {  // the common case: appended as it is, without a copy
      out.append(text);
      if (map) map->finish(text.size(), text.size());
      return;
    }
    std::string clean = utf8::sanitize(text);
    out.append(clean);
    if (map) map->finish(text.size(), clean.size());
    return;
  }
  if (impl_->dec[static_cast<int>(font)].apply(text, out, map)) return;
  // Invalid UTF-8: replace it, then rewrite. Offsets then refer to the sanitized text (the same as
  // the input up to the first bad byte).
  if (map) map->clear();
  std::string clean = utf8::sanitize(text);
  impl_->dec[static_cast<int>(font)].apply(clean, out, map);
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
  (void)impl_->enc[static_cast<int>(font)].apply(clean, out, nullptr);
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
  size_t theh = 0;
  size_t waw_hamza = 0;  // ؤ: the vowel ۆ under every ة font, rare in Arabic and Persian
  size_t al_words = 0;   // words starting with the Arabic article ال
  size_t word_pos = 0;   // letters so far in the current word
  const size_t n = p.size();
  char32_t prev = 0;
  bool in_word = false;
  const char* s = p.data();
  for (size_t i = 0; i < n;) {
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    char32_t c;
    if (b0 < 0x80) {
      c = b0;
      ++i;
    } else if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      i += 2;
    } else {
      int len = 0;
      c = utf8::decode(s, n, i, len);
      i += len;
    }
    // Unicode Kurdish letters never occur in legacy text: decide early on long Unicode paragraphs.
    if (kurdish >= 8 && kurdish * 4 >= words) break;
    bool letter = c >= 0x600 && is_ar_letter(c);
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
      case 0x062B: ++theh; break;
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
  // ێ is commoner than پ and ڵ: Dylan writes it ث, Ali-Web ص.
  const size_t dylan = 2 * native + 2 * lam_alef_below + thal + (theh > sad ? 2 : 0);
  const size_t aliweb = 2 * hamza_alef + (sad > theh ? 2 : 0);
  const size_t alik = 2 * harakat_combo;
  if (dylan > tah + dad + aliweb + alik) {
    g.font = Font::kDylan;
  } else if (aliweb > alik) {
    g.font = Font::kAliWeb;
  } else if (alik == 0 && sad > 0 && tah + dad == 0) {
    // Ali-K has no use for ص; with no other cue, ث for ێ (Dylan) vs ص for ێ (Ali-Web)
    g.font = theh >= sad ? Font::kDylan : Font::kAliWeb;
  } else {
    g.font = Font::kAliK;
  }
  return g;
}

Font LegacyDecoder::detect_font(std::string_view paragraph) const { return guess_font(paragraph).font; }

}  // namespace kurdi
