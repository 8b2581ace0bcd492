// SearchAnalyzer, SoraniStemmer and the Lucene-style baseline analysis.
#include <algorithm>
#include <atomic>
#include <string>
#include <unordered_map>
#include <vector>

#include "kurdi/morph.h"
#include "kurdi/normalize.h"
#include "kurdi/search.h"
#include "kurdi/text.h"
#include "kurdi/tokenize.h"
#include "kurdi/translit.h"
#include "search/analysis.h"
#include "search/internal.h"

namespace kurdi {
namespace search_internal {

const Shared& shared() {
  static const Shared s;
  return s;
}

Shared::Shared()
    : search_norm(NormalizeOptions::search()), standard_norm(NormalizeOptions::standard()) {}

namespace {

bool needs_lower(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xD7)) return true;
  return false;
}

bool indexable(TokenType t) {
  switch (t) {
    case TokenType::kWord:
    case TokenType::kLatinWord:
    case TokenType::kOtherWord:
    case TokenType::kNumber:
    case TokenType::kAbbreviation:
    case TokenType::kHashtag:
    case TokenType::kMention:
    case TokenType::kDate:
    case TokenType::kTime:
      return true;
    default:
      return false;
  }
}

std::atomic<uint64_t> g_generation{1};

}  // namespace

std::string lower(std::string s) {
  if (!needs_lower(s)) return s;
  return Xapian::Unicode::tolower(s);
}

std::string stem_of_term(SearchStemmer kind, const std::string& term) {
  switch (kind) {
    case SearchStemmer::kNone:
      return std::string();
    case SearchStemmer::kLucene:
      return lucene_sorani_stem(term);
    case SearchStemmer::kMorph:
      break;
  }
  if (term.empty() || !chars::has_arabic_letter(term)) return term;
  const Shared& sh = shared();
  std::string st = sh.morph.stem(term);
  if (st.empty()) return term;
  st = lower(sh.search_norm.normalize(st));
  return st.empty() ? term : st;
}

WordEntry make_entry(const SearchOptions& o, std::string_view raw) {
  const Shared& sh = shared();
  WordEntry e;
  std::string norm = sh.search_norm.normalize(raw);
  e.stop = stopword_category_normalized(norm) & o.stop_categories;
  if (o.stemmer == SearchStemmer::kLucene) {
    // Lucene: SoraniNormalizer + LowerCase + DecimalDigit on the token, then the stemmer.
    e.term = lower(lucene_sorani_normalize(raw));
  } else {
    e.term = lower(std::move(norm));
  }
  if (e.term.size() > kMaxTermBytes) e.term.clear();
  if (e.term.empty()) return e;
  if (o.exact_terms) {
    e.exact = lower(sh.standard_norm.normalize(raw));
    if (e.exact.size() > kMaxTermBytes) e.exact.clear();
    e.exact_differs = !e.exact.empty() && e.exact != e.term;
  }
  if (!e.stop) {
    e.stem = stem_of_term(o.stemmer, e.term);
    if (e.stem.size() > kMaxTermBytes) e.stem.clear();
  }
  e.arabic = chars::has_arabic_letter(e.term);
  return e;
}

}  // namespace search_internal

using namespace search_internal;

struct SearchAnalyzer::Impl {
  SearchOptions options;
  uint64_t generation = g_generation.fetch_add(1);
};

namespace {

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct WordCache {
  uint64_t generation = 0;
  std::unordered_map<std::string, WordEntry, SvHash, std::equal_to<>> map;
};

}  // namespace

const WordEntry& search_internal::cached_entry(const SearchAnalyzer& a, std::string_view raw) {
  thread_local WordCache cache;
  const SearchAnalyzer::Impl& impl = *a.impl_for_internal();
  if (cache.generation != impl.generation || cache.map.size() > (1u << 18)) {
    cache.map.clear();
    cache.generation = impl.generation;
  }
  auto it = cache.map.find(raw);  // no std::string for the lookup: most words are repeats
  if (it != cache.map.end()) return it->second;
  return cache.map.emplace(std::string(raw), make_entry(impl.options, raw)).first->second;
}

void search_internal::for_each_word(const SearchAnalyzer& a, std::string_view text, const WordFn& fn) {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  shared().tokenizer.tokenize(text, tokens);
  for (const Token& t : tokens) {
    if (!indexable(t.type)) continue;
    std::string_view raw = t.text(text);
    if (raw.size() > kMaxTermBytes * 2) continue;
    const WordEntry& e = cached_entry(a, raw);
    if (e.term.empty()) continue;
    fn(e, t.begin, t.end);
  }
}

SearchAnalyzer::SearchAnalyzer() : SearchAnalyzer(SearchOptions{}) {}
SearchAnalyzer::SearchAnalyzer(const SearchOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  (void)shared();
}
SearchAnalyzer::~SearchAnalyzer() = default;
SearchAnalyzer::SearchAnalyzer(SearchAnalyzer&&) noexcept = default;
SearchAnalyzer& SearchAnalyzer::operator=(SearchAnalyzer&&) noexcept = default;

const SearchOptions& SearchAnalyzer::options() const { return impl_->options; }
const SearchAnalyzer::Impl* SearchAnalyzer::impl_for_internal() const { return impl_.get(); }

void SearchAnalyzer::analyze(std::string_view text, std::vector<AnalyzedWord>& out, uint32_t first_pos) const {
  uint32_t pos = first_pos;
  for_each_word(*this, text, [&](const WordEntry& e, uint32_t b, uint32_t en) {
    AnalyzedWord w;
    w.begin = b;
    w.end = en;
    w.pos = pos++;
    w.term = e.term;
    w.stem = e.stem;
    w.exact = e.exact;
    w.stop = e.stop;
    out.push_back(std::move(w));
  });
}

std::string SearchAnalyzer::term(std::string_view word) const { return cached_entry(*this, word).term; }

std::string SearchAnalyzer::stem(std::string_view word) const {
  const WordEntry& e = cached_entry(*this, word);
  if (!e.stem.empty() || e.term.empty()) return e.stem;
  return stem_of_term(impl_->options.stemmer, e.term);  // a stop word asked for explicitly
}

std::vector<std::string> SearchAnalyzer::stem_alternatives(std::string_view word, size_t max_lemmas) const {
  std::vector<std::string> out;
  const WordEntry& e = cached_entry(*this, word);
  if (e.stem.empty()) return out;
  out.push_back(e.stem);
  if (impl_->options.stemmer != SearchStemmer::kMorph || !e.arabic) return out;
  auto add = [&out](std::string s) {
    if (!s.empty() && s.size() <= kMaxTermBytes && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(std::move(s));
  };
  const Shared& sh = shared();
  for (const std::string& l : sh.morph.lemmas(e.term, max_lemmas + 1)) {
    if (out.size() > max_lemmas) break;
    add(lower(sh.search_norm.normalize(l)));
  }
  // A lemma as a bare word in a document gets the analyzer's stem of that word, which may differ
  // (a bare noun read as stem + clitic): search that too.
  for (size_t i = 1, n = out.size(); i < n; ++i) add(stem_of_term(SearchStemmer::kMorph, out[i]));
  return out;
}

bool SearchAnalyzer::has_latin(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t c = utf8::decode(text, i, len);
    if (chars::is_latin_letter(c)) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}

std::string SearchAnalyzer::latin_to_arabic(std::string_view text) const {
  std::string out;
  out.reserve(text.size() * 2);
  const Transliterator& tr = shared().translit;
  size_t i = 0;
  while (i < text.size()) {
    int len = 1;
    char32_t c = utf8::decode(text, i, len);
    if (!chars::is_latin_letter(c)) {
      out.append(text.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
      continue;
    }
    size_t start = i;
    while (i < text.size()) {
      int l = 1;
      char32_t d = utf8::decode(text, i, l);
      bool inner_apos = (d == '\'' || d == 0x2019) && i + static_cast<size_t>(l) < text.size() && i > start;
      if (!chars::is_latin_letter(d) && !inner_apos) break;
      i += static_cast<size_t>(l);
    }
    std::string_view run = text.substr(start, i - start);
    bool op = run == "AND" || run == "OR" || run == "NOT" || run == "XOR" || run == "NEAR" || run == "ADJ";
    bool prefix = i < text.size() && text[i] == ':';
    if (op || prefix) {
      out.append(run);
    } else {
      out += tr.word_to_arabic(lower(std::string(run)));
    }
  }
  return out;
}

namespace {

class KurdiStopper final : public Xapian::Stopper {
 public:
  explicit KurdiStopper(unsigned mask) : mask_(mask) {}
  bool operator()(const std::string& term) const override {
    return (stopword_category_normalized(term) & mask_) != 0;
  }
  std::string get_description() const override { return "KurdiStopper()"; }

 private:
  unsigned mask_;
};

}  // namespace

Xapian::Stem SearchAnalyzer::xapian_stemmer() const {
  if (impl_->options.stemmer == SearchStemmer::kNone) return Xapian::Stem();
  return Xapian::Stem(new SoraniStemmer(impl_->options.stemmer));
}

Xapian::Stopper* SearchAnalyzer::new_stopper() const { return new KurdiStopper(impl_->options.stop_categories); }

// ---------------------------------------------------------------- SoraniStemmer

struct SoraniStemmer::Impl {
  SearchStemmer kind;
  std::unordered_map<std::string, std::string> memo;
};

SoraniStemmer::SoraniStemmer(SearchStemmer kind) : impl_(std::make_unique<Impl>()) {
  impl_->kind = kind;
  (void)shared();
}
SoraniStemmer::~SoraniStemmer() = default;

std::string SoraniStemmer::operator()(const std::string& word) {
  auto it = impl_->memo.find(word);
  if (it != impl_->memo.end()) return it->second;
  std::string term;
  if (impl_->kind == SearchStemmer::kLucene) term = lower(lucene_sorani_normalize(word));
  else term = lower(shared().search_norm.normalize(word));
  std::string st = stem_of_term(impl_->kind, term);
  if (st.empty()) st = term;
  if (impl_->memo.size() > 4096) impl_->memo.clear();
  impl_->memo.emplace(word, st);
  return st;
}

std::string SoraniStemmer::get_description() const {
  return std::string("kurdi::SoraniStemmer(") + to_string(impl_->kind) + ")";
}

const char* to_string(SearchStemmer s) {
  switch (s) {
    case SearchStemmer::kMorph: return "morph";
    case SearchStemmer::kLucene: return "lucene";
    case SearchStemmer::kNone: return "none";
  }
  return "morph";
}

Result<SearchStemmer> parse_search_stemmer(std::string_view name) {
  if (name == "morph" || name == "kurdi") return SearchStemmer::kMorph;
  if (name == "lucene") return SearchStemmer::kLucene;
  if (name == "none") return SearchStemmer::kNone;
  return Error{ErrorCode::kBadOption, "unknown stemmer '" + std::string(name) + "' (morph, lucene, none)"};
}

// ---------------------------------------------------------------- Lucene baseline
// org.apache.lucene.analysis.ckb.SoraniNormalizer (per token, one pass) + LowerCase + DecimalDigit.

std::string lucene_sorani_normalize(std::string_view token) {
  std::u32string s;
  for (size_t i = 0; i < token.size();) {
    int len = 1;
    s.push_back(utf8::decode(token, i, len));
    i += static_cast<size_t>(len);
  }
  size_t len = s.size();
  for (size_t i = 0; i < len; ++i) {
    char32_t c = s[i];
    switch (c) {
      case 0x064A: case 0x0649: s[i] = 0x06CC; break;
      case 0x0643: s[i] = 0x06A9; break;
      case 0x200C:
        if (i > 0 && s[i - 1] == 0x0647) s[i - 1] = 0x06D5;
        s.erase(i, 1); --len; --i;
        break;
      case 0x0647:
        if (i == len - 1) s[i] = 0x06D5;
        break;
      case 0x0629: s[i] = 0x06D5; break;
      case 0x06BE: s[i] = 0x0647; break;
      case 0x0631:
        if (i == 0) s[i] = 0x0695;
        break;
      case 0x0692: s[i] = 0x0695; break;
      case 0x0640: case 0x064B: case 0x064C: case 0x064D: case 0x064E: case 0x064F: case 0x0650:
      case 0x0651: case 0x0652:
        s.erase(i, 1); --len; --i;
        break;
      default:
        if (chars::is_format_control(c) || c == 0x200D) { s.erase(i, 1); --len; --i; }
        else if (chars::is_digit(c)) s[i] = static_cast<char32_t>('0' + chars::digit_value(c));
        break;
    }
  }
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

namespace {
bool ends_with(const std::u32string& s, size_t len, std::u32string_view suf) {
  return len >= suf.size() && std::u32string_view(s.data() + len - suf.size(), suf.size()) == suf;
}
}  // namespace

std::string lucene_sorani_stem(std::string_view normalized_token) {
  std::u32string s;
  for (size_t i = 0; i < normalized_token.size();) {
    int l = 1;
    s.push_back(utf8::decode(normalized_token, i, l));
    i += static_cast<size_t>(l);
  }
  size_t len = s.size();
  auto finish = [&](size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) utf8::append(out, s[i]);
    return out;
  };
  // postposition
  if (len > 5 && ends_with(s, len, U"دا")) len -= 2;
  else if (len > 4 && ends_with(s, len, U"نا")) len -= 1;
  else if (len > 6 && ends_with(s, len, U"ەوە")) len -= 3;
  // possessive pronoun
  if (len > 6 && (ends_with(s, len, U"مان") || ends_with(s, len, U"یان") || ends_with(s, len, U"تان"))) len -= 3;
  // indefinite / definite / plural / ezafe
  if (len > 6 && ends_with(s, len, U"ێکی")) return finish(len - 3);
  if (len > 7 && ends_with(s, len, U"یەکی")) return finish(len - 4);
  if (len > 5 && ends_with(s, len, U"ێک")) return finish(len - 2);
  if (len > 6 && ends_with(s, len, U"یەک")) return finish(len - 3);
  if (len > 6 && ends_with(s, len, U"ەکە")) return finish(len - 3);
  if (len > 5 && ends_with(s, len, U"کە")) return finish(len - 2);
  if (len > 7 && ends_with(s, len, U"ەکان")) return finish(len - 4);
  if (len > 6 && ends_with(s, len, U"کان")) return finish(len - 3);
  if (len > 7 && ends_with(s, len, U"یانی")) return finish(len - 4);
  if (len > 6 && ends_with(s, len, U"انی")) return finish(len - 3);
  if (len > 6 && ends_with(s, len, U"یان")) return finish(len - 3);
  if (len > 5 && ends_with(s, len, U"ان")) return finish(len - 2);
  if (len > 7 && ends_with(s, len, U"یانە")) return finish(len - 4);
  if (len > 6 && ends_with(s, len, U"انە")) return finish(len - 3);
  if (len > 5 && (ends_with(s, len, U"ایە") || ends_with(s, len, U"ەیە"))) return finish(len - 2);
  if (len > 4 && ends_with(s, len, U"ە")) return finish(len - 1);
  if (len > 4 && ends_with(s, len, U"ی")) return finish(len - 1);
  return finish(len);
}

}  // namespace kurdi
