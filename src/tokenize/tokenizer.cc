// The scanner: one pass over the raw bytes, a small hand-written automaton per token type, bounded
// lookahead (dates, e-mail addresses, abbreviations), no backtracking over the input.
#include <algorithm>
#include <atomic>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kurdi/tokenize.h"
#include "text/tables.h"
#include "tokenize/charclass.h"

KURDI_DECLARE_TABLE(tokenize_abbreviations_tsv)
KURDI_DECLARE_TABLE(tokenize_multiword_tsv)

namespace kurdi {

const char* to_string(TokenType type) {
  switch (type) {
    case TokenType::kWord: return "word";
    case TokenType::kLatinWord: return "latin";
    case TokenType::kOtherWord: return "other_word";
    case TokenType::kNumber: return "number";
    case TokenType::kPunct: return "punct";
    case TokenType::kSymbol: return "symbol";
    case TokenType::kUrl: return "url";
    case TokenType::kEmail: return "email";
    case TokenType::kHashtag: return "hashtag";
    case TokenType::kMention: return "mention";
    case TokenType::kEmoji: return "emoji";
    case TokenType::kDate: return "date";
    case TokenType::kTime: return "time";
    case TokenType::kAbbreviation: return "abbr";
    case TokenType::kOther: return "other";
  }
  return "other";
}

namespace {

using tok::Cls;

struct Abbreviations {
  std::unordered_set<std::string> set;
  Abbreviations() {
    const auto& t = tables::tokenize_abbreviations_tsv;
    int col = t.column("abbreviation");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) { set.emplace(f[col]); });
  }
  bool contains(std::string_view s) const { return set.count(std::string(s)) != 0; }
};

const Abbreviations& abbreviations() {
  static const Abbreviations a;
  return a;
}

// Reads code points with their class.
struct Cursor {
  const char* s;
  size_t n;
  const uint8_t* table;
  char32_t cp_at(size_t i, int& len) const { return tok::decode_fast(s, n, i, len); }
  Cls cls_at(size_t i, int& len) const { return tok::classify(table, cp_at(i, len)); }
  Cls cls_at(size_t i) const {
    int len;
    return cls_at(i, len);
  }
  unsigned char byte(size_t i) const { return i < n ? static_cast<unsigned char>(s[i]) : 0; }
};

bool is_decimal_sep(char32_t c) { return c == '.' || c == ',' || c == 0x066B || c == 0x066C; }
bool is_percent(char32_t c) { return c == '%' || c == 0x066A; }
bool is_closing_trim(char32_t c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
    case '\'': case '"': case 0x060C: case 0x061B: case 0x061F: case 0x00BB: case 0x201D:
      return true;
    default:
      return false;
  }
}

bool ascii_prefix_ci(const char* s, size_t n, size_t i, std::string_view p) {
  if (n - i < p.size()) return false;
  for (size_t k = 0; k < p.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != p[k]) return false;
  }
  return true;
}

bool email_local(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}
bool domain_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

class Scanner {
 public:
  Scanner(std::string_view text, const TokenizeOptions& o, std::vector<Token>& out, size_t base)
      : c_{text.data(), text.size(), tok::class_table()}, o_(o), out_(out), base_(base) {}

  void run() {
    const size_t n = c_.n;
    size_t i = 0;
    first_ = out_.size();
    while (i < n) {
      if (c_.s[i] == ' ') { ++i; continue; }
      tok::ClsLen cl = tok::cls_len(c_.table, c_.s, n, i);
      Cls k = cl.cls;
      if (k == tok::kSp || k == tok::kFmt) { i += static_cast<size_t>(cl.len); continue; }
      if (k == tok::kAr) {
        size_t end = word(i, tok::kAr);
        TokenType type = TokenType::kWord;
        if (end - i <= 8 && c_.s[end < n ? end : n - 1] == '.') end = extend(abbreviation(i, end, type));
        push(i, end, type);
        i = end;
        continue;
      }
      int len;
      char32_t cp = c_.cp_at(i, len);
      size_t end;
      TokenType type;
      switch (k) {
        case tok::kSp:
        case tok::kFmt:
          i += len;
          continue;
        case tok::kAr:
          end = word(i, tok::kAr);
          type = TokenType::kWord;
          if (end - i <= 8) end = abbreviation(i, end, type);
          break;
        case tok::kLat:
          if (o_.urls && (end = url(i)) != 0) { type = TokenType::kUrl; break; }
          if (o_.urls && (end = email(i)) != 0) { type = TokenType::kEmail; break; }
          end = word(i, tok::kLat);
          type = TokenType::kLatinWord;
          if (end - i <= 4) end = abbreviation(i, end, type);
          break;
        case tok::kOthL:
          end = word(i, tok::kOthL);
          type = TokenType::kOtherWord;
          break;
        case tok::kDig:
          end = number_or_date(i, type);
          break;
        case tok::kEmo:
          end = emoji(i, cp, len);
          type = TokenType::kEmoji;
          break;
        case tok::kPun:
          end = punct(i, cp, len, type);
          break;
        case tok::kBad:
        case tok::kMark:
        case tok::kZwnj:
          end = i + len;
          type = TokenType::kOther;
          break;
        default:
          if (cp == '+') {  // a sign, or the symbol
            end = punct(i, cp, len, type);
            if (type == TokenType::kPunct) type = TokenType::kSymbol;
            break;
          }
          end = i + len;
          type = TokenType::kSymbol;
          break;
      }
      end = extend(end);
      push(i, end, type);
      i = end;
    }
    if (out_.size() > first_) out_.back().space_after = out_.back().end < base_ + n;
  }

 private:
  void push(size_t b, size_t e, TokenType t) {
    Token tk;
    tk.begin = static_cast<uint32_t>(base_ + b);
    tk.end = static_cast<uint32_t>(base_ + e);
    tk.type = t;
    if (out_.size() > first_) out_.back().space_after = out_.back().end < tk.begin;
    out_.push_back(tk);
  }

  // Grapheme extenders stay with whatever they follow.
  size_t extend(size_t i) const {
    while (i < c_.n) {
      tok::ClsLen cl = tok::cls_len(c_.table, c_.s, c_.n, i);
      if (cl.cls != tok::kMark && cl.cls != tok::kZwnj) break;
      i += static_cast<size_t>(cl.len);
    }
    return i;
  }

  size_t word(size_t i, Cls script) const {
    const size_t n = c_.n;
    const auto* p = reinterpret_cast<const unsigned char*>(c_.s);
    i += static_cast<size_t>(tok::cls_len(c_.table, c_.s, n, i).len);
    while (i < n) {
      unsigned b = p[i];
      // Fast path for the Arabic block (two-byte sequences D8..DB xx).
      if (b >= 0xD8 && b <= 0xDB && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
        auto k = static_cast<Cls>(c_.table[((b & 0x1F) << 6) | (p[i + 1] & 0x3F)]);
        if (k == script || k == tok::kMark) { i += 2; continue; }
        break;
      }
      tok::ClsLen cl = tok::cls_len(c_.table, c_.s, n, i);
      Cls k = cl.cls;
      if (k == script || k == tok::kMark || k == tok::kZwnj) { i += static_cast<size_t>(cl.len); continue; }
      if (script == tok::kLat) {
        if (k == tok::kDig) { i += static_cast<size_t>(cl.len); continue; }  // alphanumerics: A4, G20, mp3
        if (b == '\'' || b == '-' || (b == 0xE2 && c_.byte(i + 1) == 0x80 && c_.byte(i + 2) == 0x99)) {
          size_t j = i + (b == 0xE2 ? 3 : 1);
          if (j < n && tok::cls_len(c_.table, c_.s, n, j).cls == tok::kLat) { i = j; continue; }
        }
      }
      break;
    }
    return i;
  }

  // Known abbreviation: the word plus '.', or letter-dot sequences such as پ.ز / پ.ز.
  size_t abbreviation(size_t b, size_t e, TokenType& type) const {
    if (c_.byte(e) != '.') return e;
    const auto& ab = abbreviations();
    size_t best = 0;
    size_t p = e + 1;
    if (ab.contains(std::string_view(c_.s + b, p - b))) best = p;
    for (int parts = 0; parts < 3; ++parts) {
      size_t q = p;
      size_t letters = 0;
      while (q < c_.n && letters < 3) {
        int len;
        Cls k = c_.cls_at(q, len);
        if (k != tok::kAr && k != tok::kLat) break;
        q += len;
        ++letters;
      }
      if (letters == 0) break;
      if (ab.contains(std::string_view(c_.s + b, q - b))) best = q;
      if (c_.byte(q) != '.') break;
      p = q + 1;
      if (ab.contains(std::string_view(c_.s + b, p - b))) best = p;
    }
    if (best == 0 && e - b == 1 && c_.byte(b) >= 'A' && c_.byte(b) <= 'Z' && c_.byte(e + 1) == ' ' &&
        c_.byte(e + 2) >= 'A' && c_.byte(e + 2) <= 'Z') {
      best = e + 1;  // a Latin initial: "J. K. Rowling"
    }
    if (!best) return e;
    type = TokenType::kAbbreviation;
    return best;
  }

  size_t url(size_t i) const {
    const char* s = c_.s;
    size_t n = c_.n;
    size_t j;
    if (ascii_prefix_ci(s, n, i, "https://")) j = i + 8;
    else if (ascii_prefix_ci(s, n, i, "http://")) j = i + 7;
    else if (ascii_prefix_ci(s, n, i, "ftp://")) j = i + 6;
    else if (ascii_prefix_ci(s, n, i, "www.")) j = i + 4;
    else return 0;
    size_t last_ok = 0;
    while (j < n) {
      int len;
      char32_t cp = c_.cp_at(j, len);
      Cls k = tok::classify(c_.table, cp);
      if (k == tok::kSp || k == tok::kFmt || cp == '"' || cp == '<' || cp == '>' || cp == 0xAB || cp == 0xBB) break;
      j += len;
      if (!is_closing_trim(cp)) last_ok = j;
    }
    return last_ok > i + 4 ? last_ok : 0;
  }

  size_t email(size_t i) const {
    size_t n = c_.n;
    size_t j = i;
    while (j < n && email_local(c_.byte(j))) ++j;
    if (j >= n || c_.byte(j) != '@' || j == i) return 0;
    size_t d = j + 1;
    size_t e = d;
    size_t last_dot = 0;
    while (e < n && domain_char(c_.byte(e))) {
      if (c_.byte(e) == '.') last_dot = e;
      ++e;
    }
    while (e > d && (c_.byte(e - 1) == '.' || c_.byte(e - 1) == '-')) --e;
    if (last_dot == 0 || last_dot + 1 >= e || last_dot <= d) return 0;
    return e;
  }

  // Digits at i: number of digits and their value (up to 4 digits).
  size_t digits(size_t i, int& count, int& value) const {
    count = 0;
    value = 0;
    while (i < c_.n) {
      int len;
      char32_t cp = c_.cp_at(i, len);
      int d = chars::digit_value(cp);
      if (d < 0) break;
      if (count < 5) value = value * 10 + d;
      ++count;
      i += len;
    }
    return i;
  }

  size_t skip_spaces(size_t i, int max) const {
    while (max-- > 0 && c_.byte(i) == ' ') ++i;
    return i;
  }

  // D sep D sep D (sep one of / - .; spaces around - and / allowed) or H:MM(:SS); 0 when not one.
  size_t date_or_time(size_t i, TokenType& type) const {
    int c1, v1;
    size_t p = digits(i, c1, v1);
    if (c1 > 4) return 0;
    unsigned char sep = c_.byte(p);
    if (sep == ':' && c1 <= 2 && v1 <= 24) {
      int c2, v2;
      size_t q = digits(p + 1, c2, v2);
      if (c2 != 2 || v2 > 59) return 0;
      if (c_.byte(q) == ':') {
        int c3, v3;
        size_t r = digits(q + 1, c3, v3);
        if (c3 == 2 && v3 <= 59) q = r;
      }
      if (q < c_.n && c_.cls_at(q) == tok::kDig) return 0;
      type = TokenType::kTime;
      return q;
    }
    size_t s1 = skip_spaces(p, 2);
    sep = c_.byte(s1);
    if (sep != '/' && sep != '-' && sep != '.') return 0;
    if (sep == '.' && s1 != p) return 0;
    size_t spaces = s1 - p;
    size_t a = skip_spaces(s1 + 1, 2);
    if (a - (s1 + 1) != spaces) return 0;
    int c2, v2;
    size_t q = digits(a, c2, v2);
    if (c2 < 1 || c2 > 2 || v2 < 1 || v2 > 12) return 0;
    size_t s2 = skip_spaces(q, 2);
    if (s2 - q != spaces || c_.byte(s2) != sep) return 0;
    size_t b2 = skip_spaces(s2 + 1, 2);
    if (b2 - (s2 + 1) != spaces) return 0;
    int c3, v3;
    size_t r = digits(b2, c3, v3);
    bool ok;
    if (c1 == 4) ok = c3 >= 1 && c3 <= 2 && v3 >= 1 && v3 <= 31;
    else ok = c1 <= 2 && v1 >= 1 && v1 <= 31 && (c3 == 2 || c3 == 4);
    if (!ok) return 0;
    // Not part of a longer dotted/dashed run (IP addresses, version numbers, phone numbers).
    if ((c_.byte(r) == sep || c_.byte(r) == ':') && r + 1 < c_.n && c_.cls_at(r + 1) == tok::kDig) return 0;
    type = TokenType::kDate;
    return r;
  }

  size_t number_or_date(size_t i, TokenType& type) const {
    if (o_.dates) {
      size_t e = date_or_time(i, type);
      if (e) return e;
    }
    type = TokenType::kNumber;
    int c, v;
    size_t p = digits(i, c, v);
    for (;;) {
      int len;
      if (p >= c_.n) break;
      char32_t cp = c_.cp_at(p, len);
      if (is_decimal_sep(cp) && p + len < c_.n && c_.cls_at(p + len) == tok::kDig) {
        p = digits(p + len, c, v);
        continue;
      }
      if (is_percent(cp)) p += len;
      break;
    }
    return p;
  }

  size_t emoji(size_t i, char32_t cp, int len) const {
    size_t j = i + len;
    bool regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
    if (regional && j < c_.n) {
      int l2;
      char32_t c2 = c_.cp_at(j, l2);
      if (c2 >= 0x1F1E6 && c2 <= 0x1F1FF) return j + l2;
    }
    for (;;) {
      j = extend(j);
      // ZWJ sequences: extend() has consumed the ZWJ (a mark); the next emoji joins the cluster.
      if (j > i && j < c_.n && j >= 3 && c_.byte(j - 3) == 0xE2 && c_.byte(j - 2) == 0x80 && c_.byte(j - 1) == 0x8D) {
        int l2;
        if (c_.cls_at(j, l2) == tok::kEmo) { j += l2; continue; }
      }
      break;
    }
    return j;
  }

  size_t punct(size_t i, char32_t cp, int len, TokenType& type) {
    type = TokenType::kPunct;
    size_t j = i + len;
    const size_t n = c_.n;
    if (o_.urls && (cp == '#' || cp == '@') && j < n) {
      int l2;
      Cls k = c_.cls_at(j, l2);
      if (cp == '@' && (k == tok::kLat || k == tok::kDig || c_.byte(j) == '_')) {
        while (j < n && (email_local(c_.byte(j)) && c_.byte(j) != '%' && c_.byte(j) != '+')) ++j;
        while (c_.byte(j - 1) == '.' || c_.byte(j - 1) == '-') --j;
        type = TokenType::kMention;
        return j;
      }
      if (cp == '#' && (k == tok::kAr || k == tok::kLat || k == tok::kOthL || k == tok::kDig || c_.byte(j) == '_')) {
        while (j < n) {
          k = c_.cls_at(j, l2);
          if (k == tok::kAr || k == tok::kLat || k == tok::kOthL || k == tok::kDig || k == tok::kMark ||
              k == tok::kZwnj || c_.byte(j) == '_') {
            j += l2;
          } else {
            break;
          }
        }
        type = TokenType::kHashtag;
        return j;
      }
    }
    if ((cp == '-' || cp == '+') && j < n && c_.cls_at(j) == tok::kDig) {
      // A sign: only at the start of a token (after a gap or an opening bracket).
      bool start = out_.empty() || i == 0 || out_.back().end < base_ + i;
      if (start) {
        size_t e = number_or_date(j, type);
        if (type == TokenType::kNumber) return e;
        type = TokenType::kPunct;
      }
    }
    if (is_percent(cp) && j < n && c_.cls_at(j) == tok::kDig) {  // ٪٥٠ (percent written first)
      int c, v;
      size_t e = digits(j, c, v);
      type = TokenType::kNumber;
      return e;
    }
    // Runs of the same dot, of ?!؟ or of dashes are one token ("...", "؟!", "--").
    auto same_run = [&](auto pred) {
      while (j < n) {
        int l2;
        char32_t c2 = c_.cp_at(j, l2);
        if (!pred(c2)) break;
        j += l2;
      }
    };
    if (cp == '.') same_run([](char32_t c) { return c == '.'; });
    else if (cp == '!' || cp == '?' || cp == 0x061F) same_run([](char32_t c) { return c == '!' || c == '?' || c == 0x061F; });
    else if (cp == '-') same_run([](char32_t c) { return c == '-'; });
    return j;
  }

  Cursor c_;
  const TokenizeOptions& o_;
  std::vector<Token>& out_;
  size_t base_;
  size_t first_ = 0;
};

}  // namespace

struct Tokenizer::Impl {
  TokenizeOptions options;
  Normalizer normalizer;
  std::unique_ptr<RuleSegmenter> own_segmenter;
  const Segmenter* segmenter = nullptr;
  // Multiword expressions: key = the parts joined by one space (normalized), value = index.
  std::unordered_map<std::string, int32_t> mwe_index;
  std::vector<std::string> mwe_forms;
  size_t mwe_max_words = 1;
  uint64_t id;  // unique per constructed tokenizer (keys the per-thread split memo)

  explicit Impl(const TokenizeOptions& o) : options(o), normalizer(o.normalize) {
    static std::atomic<uint64_t> next{1};
    id = next.fetch_add(1);
  }

  void load_mwe() {
    const auto& t = tables::tokenize_multiword_tsv;
    int cf = t.column("form"), cj = t.column("joined");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      std::string joined(f[cj]);
      int32_t idx;
      auto it = std::find(mwe_forms.begin(), mwe_forms.end(), joined);
      if (it == mwe_forms.end()) {
        idx = static_cast<int32_t>(mwe_forms.size());
        mwe_forms.push_back(joined);
      } else {
        idx = static_cast<int32_t>(it - mwe_forms.begin());
      }
      std::string form(f[cf]);
      mwe_index.emplace(form, idx);
      mwe_index.emplace(joined, idx);
      mwe_max_words = std::max(mwe_max_words, static_cast<size_t>(std::count(form.begin(), form.end(), ' ') + 1));
    });
  }

  void split(std::string_view text, std::vector<Token>& out, size_t from, size_t base) const;
  void tag_mwe(std::string_view text, std::vector<Token>& out, size_t from, size_t base) const;
};

Tokenizer::Tokenizer() : Tokenizer(TokenizeOptions{}) {}
Tokenizer::Tokenizer(const TokenizeOptions& options, const Segmenter* segmenter)
    : impl_(std::make_unique<Impl>(options)) {
  if (options.split_clitics) {
    if (segmenter) {
      impl_->segmenter = segmenter;
    } else {
      impl_->own_segmenter = std::make_unique<RuleSegmenter>();
      impl_->segmenter = impl_->own_segmenter.get();
    }
  }
  if (options.multiword) impl_->load_mwe();
  tok::class_table();
  abbreviations();
}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
const TokenizeOptions& Tokenizer::options() const { return impl_->options; }

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out, size_t base) const {
  size_t first = out.size();
  {
    Scanner sc(text, impl_->options, out, base);
    sc.run();
  }
  if (impl_->options.multiword) impl_->tag_mwe(text, out, first, base);
  if (impl_->options.split_clitics) impl_->split(text, out, first, base);
}

std::vector<Token> Tokenizer::tokenize(std::string_view text) const {
  std::vector<Token> out;
  out.reserve(text.size() / 6 + 4);
  tokenize(text, out);
  return out;
}

std::string Tokenizer::normalized(std::string_view token_text) const {
  return impl_->normalizer.normalize(token_text);
}

std::string_view Tokenizer::mwe_form(int32_t index) const {
  if (index < 0 || static_cast<size_t>(index) >= impl_->mwe_forms.size()) return {};
  return impl_->mwe_forms[static_cast<size_t>(index)];
}

namespace {
// Per-thread memo of raw word -> cut offsets in the raw word, for one segmenter at a time (word
// frequencies are Zipfian: most words were seen a moment ago).
struct SplitMemo {
  uint64_t owner = 0;  // Tokenizer::Impl::id of the tokenizer the entries belong to
  std::unordered_map<std::string, std::vector<uint32_t>> map;
};

// A cut in the normalized word, as a byte offset into the raw word. The offset map merges adjacent
// rewrites into one span and sends every offset inside a span to its start, so a cut between two
// rewritten letters (كوردێكى -> کوردێکی: ک and ی both rewritten, the cut between them) would land
// a letter early. Inside a span that rewrote as many code points as it read, letters correspond
// one to one, and the cut keeps its place by code point count.
size_t cut_to_input(const OffsetMap& map, std::string_view raw, std::string_view norm, size_t cut) {
  for (const OffsetMap::Edit& e : map.edits()) {
    if (cut <= e.out_begin) break;
    if (cut >= e.out_end) continue;
    std::string_view in = raw.substr(e.in_begin, e.in_end - e.in_begin);
    std::string_view out = norm.substr(e.out_begin, e.out_end - e.out_begin);
    if (!utf8::is_boundary(norm, cut) || utf8::length(in) != utf8::length(out)) break;
    size_t k = utf8::length(norm.substr(e.out_begin, cut - e.out_begin));
    size_t i = 0;
    for (; k > 0 && i < in.size(); --k) {
      int len;
      utf8::decode(in, i, len);
      i += static_cast<size_t>(len);
    }
    return e.in_begin + i;
  }
  return map.to_input(cut, OffsetMap::Bias::kStart);
}
}  // namespace

void Tokenizer::Impl::split(std::string_view text, std::vector<Token>& out, size_t from, size_t base) const {
  thread_local std::vector<Token> result;
  thread_local SplitMemo memo;
  if (memo.owner != id) {
    memo.map.clear();
    memo.owner = id;
  }
  result.clear();
  std::vector<uint32_t> cuts, raw_cuts;
  std::string norm, key;
  OffsetMap map;
  bool changed = false;
  for (size_t t = from; t < out.size(); ++t) {
    const Token tk = out[t];
    if (tk.type != TokenType::kWord) {
      if (changed) result.push_back(tk);
      continue;
    }
    std::string_view w = text.substr(tk.begin - base, tk.end - tk.begin);
    key.assign(w);
    auto it = memo.map.find(key);
    if (it != memo.map.end()) {
      raw_cuts = it->second;
    } else {
      norm.clear();
      map.clear();
      normalizer.normalize(w, norm, &map);
      if (map.output_size() != norm.size()) map.finish(w.size(), norm.size());
      cuts.clear();
      segmenter->segment(norm, cuts);
      raw_cuts.clear();
      size_t prev = 0;
      for (uint32_t cut : cuts) {
        if (cut == 0 || cut >= norm.size()) continue;
        size_t in = map.identity() && norm.size() == w.size() ? cut : cut_to_input(map, w, norm, cut);
        if (in <= prev || in >= w.size() || !utf8::is_boundary(w, in)) continue;
        raw_cuts.push_back(static_cast<uint32_t>(in));
        prev = in;
      }
      if (memo.map.size() >= (1u << 16)) memo.map.clear();
      memo.map.emplace(key, raw_cuts);
    }
    if (raw_cuts.empty()) {
      if (changed) result.push_back(tk);
      continue;
    }
    if (!changed) {
      result.assign(out.begin() + static_cast<std::ptrdiff_t>(from), out.begin() + static_cast<std::ptrdiff_t>(t));
      changed = true;
    }
    uint32_t prev = tk.begin;
    bool first = true;
    for (uint32_t cut : raw_cuts) {
      uint32_t abs = tk.begin + cut;
      Token piece = tk;
      piece.begin = prev;
      piece.end = abs;
      piece.clitic = !first;
      piece.space_after = false;
      piece.mwe = tk.mwe;
      result.push_back(piece);
      prev = abs;
      first = false;
    }
    Token last = tk;
    last.begin = prev;
    last.clitic = !first;
    result.push_back(last);
  }
  if (changed) {
    out.resize(from);
    out.insert(out.end(), result.begin(), result.end());
  }
}

void Tokenizer::Impl::tag_mwe(std::string_view text, std::vector<Token>& out, size_t from, size_t base) const {
  std::string key;
  for (size_t t = from; t < out.size(); ++t) {
    if (out[t].type != TokenType::kWord) continue;
    key.clear();
    size_t best_end = 0;
    int32_t best = -1;
    for (size_t k = t; k < out.size() && k < t + mwe_max_words; ++k) {
      if (out[k].type != TokenType::kWord) break;
      if (k > t) {
        // Only plain spaces between the parts.
        std::string_view gap = text.substr(out[k - 1].end - base, out[k].begin - out[k - 1].end);
        if (gap.empty() || gap.find_first_not_of(' ') != std::string_view::npos) break;
        key += ' ';
      }
      key += normalizer.normalize(text.substr(out[k].begin - base, out[k].end - out[k].begin));
      auto it = mwe_index.find(key);
      if (it != mwe_index.end()) {
        best = it->second;
        best_end = k;
      }
    }
    if (best >= 0) {
      for (size_t k = t; k <= best_end; ++k) out[k].mwe = best;
      t = best_end;
    }
  }
}

bool is_abbreviation(std::string_view text) { return abbreviations().contains(text); }

}  // namespace kurdi
