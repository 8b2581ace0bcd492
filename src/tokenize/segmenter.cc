// The rule-based clitic splitter: suffix slots from data/tokenize/clitics.tsv, checked against a
// list of attested stems. Every parse STEM + det? + also? + person? + postp? is tried from the end
// of the word (at most a few dozen, bounded by the table), and the one with the most cuts whose
// stem is attested wins.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kurdi/tokenize.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(tokenize_clitics_tsv)
KURDI_DECLARE_TABLE(tokenize_keep_whole_tsv)
KURDI_DECLARE_TABLE(tokenize_stems_tsv)
KURDI_DECLARE_TABLE(tokenize_verb_stems_tsv)
KURDI_DECLARE_TABLE(tokenize_stem_endings_tsv)

namespace kurdi {
namespace {

enum Slot { kDet, kAlso, kPerson, kPostp, kCopula, kConj, kSlots };

struct Suffix {
  std::string text;
  std::string after;  // letters of 'C', 'V', 'I'; empty = any
  size_t min_stem;
  bool guard;
  double ratio;
  std::vector<std::string> not_after;  // the stem must not end in any of these
  std::vector<std::string> only_after;  // when non-empty, the stem must end in one of these
};

// What the last letter of `s` is: 'V' (ا ۆ ێ), 'E' (ە), 'I' (ی), 'C' otherwise (و counts as C: û
// takes -ekan).
char last_kind(std::string_view s) {
  if (s.size() < 2) return 'C';
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  int len;
  char32_t c = utf8::decode(s, i, len);
  switch (c) {
    case 0x0627: case 0x06C6: case 0x06CE: return 'V';
    case 0x06D5: return 'E';
    case 0x06CC: return 'I';
    default: return 'C';
  }
}

// Heterogeneous lookup: find(string_view) without building a std::string.
struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using CountMap = std::unordered_map<std::string, uint32_t, SvHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;

}  // namespace

struct RuleSegmenter::Impl {
  std::vector<Suffix> slots[kSlots];
  std::vector<std::string> verb_prefixes;
  WordSet keep, verb_stems;
  CountMap stems;  // attested word -> corpus count
  // Stems attested only inside a word with a reliable determiner (کتێبەکان -> کتێب), with counts.
  CountMap det_stems;
  std::vector<std::string> stem_endings;

  Impl() {
    const auto& t = tables::tokenize_clitics_tsv;
    int cs = t.column("slot"), cx = t.column("suffix"), ca = t.column("after"), cm = t.column("min_stem"),
        cg = t.column("guard"), cr = t.column("ratio"), cn = t.column("context");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      std::string_view slot = f[cs];
      if (slot == "verbprefix") { verb_prefixes.emplace_back(f[cx]); return; }
      Suffix s{std::string(f[cx]), f[ca] == "any" ? std::string() : std::string(f[ca]),
               static_cast<size_t>(std::stoul(std::string(f[cm]))), f[cg] == "y",
               std::stod(std::string(f[cr])), {}, {}};
      std::string_view na = f[cn];
      while (!na.empty() && na != "-") {
        size_t bar = na.find('|');
        std::string_view e = na.substr(0, bar);
        if (!e.empty() && e[0] == '!') s.not_after.emplace_back(e.substr(1));
        else s.only_after.emplace_back(e);
        if (bar == std::string_view::npos) break;
        na.remove_prefix(bar + 1);
      }
      int k = slot == "det" ? kDet : slot == "also" ? kAlso : slot == "person" ? kPerson : slot == "postp" ? kPostp : slot == "copula" ? kCopula : kConj;
      slots[k].push_back(std::move(s));
    });
    const auto& kw = tables::tokenize_keep_whole_tsv;
    int cw = kw.column("word");
    kw.for_each_row([&](const std::vector<std::string_view>& f, size_t) { keep.emplace(f[cw]); });
    const auto& st = tables::tokenize_stems_tsv;
    int cst = st.column("word"), ccount = st.column("count");
    st.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      stems.emplace(std::string(f[cst]), static_cast<uint32_t>(std::stoul(std::string(f[ccount]))));
    });
    // Reliable determiners (guard n) reveal stems: کتێبەکانی, کتێبەکەدا -> کتێب.
    static const char* const kOuter[] = {"", "ی", "دا", "ش", "یش", "ەوە", "وە", "یان", "مان", "تان"};
    for (const auto& [w, c] : stems) {
      for (const char* outer : kOuter) {
        std::string_view o(outer);
        if (w.size() <= o.size() || w.compare(w.size() - o.size(), o.size(), o) != 0) continue;
        std::string_view rest = std::string_view(w).substr(0, w.size() - o.size());
        for (const Suffix& d : slots[kDet]) {
          if (d.guard || rest.size() <= d.text.size() + 3) continue;
          if (rest.compare(rest.size() - d.text.size(), d.text.size(), d.text) != 0) continue;
          std::string_view stem = rest.substr(0, rest.size() - d.text.size());
          if (!d.after.empty() && d.after.find(last_kind(stem)) == std::string::npos) continue;
          det_stems[std::string(stem)] += c;
        }
      }
    }
    const auto& se = tables::tokenize_stem_endings_tsv;
    int cse = se.column("ending");
    se.for_each_row([&](const std::vector<std::string_view>& f, size_t) { stem_endings.emplace_back(f[cse]); });
    const auto& vs = tables::tokenize_verb_stems_tsv;
    int cvs = vs.column("stem");
    vs.for_each_row([&](const std::vector<std::string_view>& f, size_t) { verb_stems.emplace(f[cvs]); });
  }

  uint32_t count(std::string_view s) const {
    auto it = stems.find(s);
    return it == stems.end() ? 0 : it->second;
  }
  // Corpus evidence that stem+ی is a word ending in -î: it takes the endings of an î-word itself
  // (ezafe یی, copula ییە, determiners ییەکان ...) in at least 3 sightings and 2% of its own count.
  // Nouns with an ezafe almost never do (ئاستیی is a typo); adjectives and abstract nouns in -î do
  // (کوردییەکان, سیاسیی, ئازادییە).
  // After ە the -î suffix takes a glide and is written ەیی (ناوچەیی "regional", نەتەوەیی): X+ی is
  // then never an î-word but X with its ezafe (ناوچەی), whatever the corpus says about X+یی.
  bool i_word(std::string_view stem) const {
    if (last_kind(stem) == 'E') return false;
    static const char* const kIEndings[] = {"یی", "ییە", "ییەکان", "ییەکە", "ییەکانی", "ییەکەی", "ییان"};
    thread_local std::string w;
    uint32_t c = 0;
    for (const char* e : kIEndings) {
      w.assign(stem);
      w += e;
      c += count(w);
    }
    w.assign(stem);
    w += "ی";
    return c >= 3 && c * 50 >= count(w);
  }

  // Evidence that `s` is a stem: its own count, plus its count under reliable determiners; an
  // infinitive ending counts as one sighting.
  uint32_t stem_count(std::string_view s) const {
    uint32_t c = count(s);
    auto it = det_stems.find(s);
    if (it != det_stems.end()) c += it->second;
    if (c == 0)
      for (const std::string& e : stem_endings)
        if (s.size() > e.size() + 2 && s.compare(s.size() - e.size(), e.size(), e) == 0) return 1;
    return c;
  }

  // Best parse of w[0, end) using slots < slot; cuts are collected innermost first.
  void search(std::string_view w, size_t end, int slot, bool verb, std::vector<uint32_t>& cur,
              size_t min_stem, double ratio, bool guarded, std::vector<uint32_t>& best, size_t& best_stem) const {
    if (slot < 0) {
      if (cur.empty()) return;
      std::string_view stem = w.substr(0, end);
      size_t letters = utf8::length(stem);
      if (letters < min_stem) return;
      if (letters == 2 && last_kind(stem) == 'E') return;  // لە بە کە ئە: function words
      uint32_t cs = ratio < 0 ? 1 : stem_count(stem);
      if (cs == 0) return;
      if (guarded && verb_stems.find(stem) != verb_stems.end()) return;  // کردی, بووم: verb forms
      if (guarded && verb) ratio = std::max(ratio, 1.0);
      if (ratio > 0 && cs < ratio * count(w)) return;
      // Most cuts first; between equally long parses, the shorter stem (ئەرکەکان: ئەرک + ەکان).
      if (cur.size() > best.size() || (cur.size() == best.size() && end < best_stem)) {
        best.assign(cur.rbegin(), cur.rend());
        best_stem = end;
      }
      return;
    }
    search(w, end, slot - 1, verb, cur, min_stem, ratio, guarded, best, best_stem);
    for (const Suffix& s : slots[slot]) {
      if (s.text.size() >= end) continue;
      if (w.compare(end - s.text.size(), s.text.size(), s.text) != 0) continue;
      size_t at = end - s.text.size();
      std::string_view before = w.substr(0, at);
      if (!s.after.empty() && s.after.find(last_kind(before)) == std::string::npos) continue;
      bool blocked = false;
      for (const std::string& e : s.not_after)
        if (before.size() > e.size() && before.compare(before.size() - e.size(), e.size(), e) == 0) blocked = true;
      if (!s.only_after.empty()) {
        bool ok = false;
        for (const std::string& e : s.only_after)
          if (before.size() >= e.size() && before.compare(before.size() - e.size(), e.size(), e) == 0) ok = true;
        if (!ok) continue;
      }
      // X+ی that the corpus shows as an î-word (X+یی, X+ییە ...) keeps its ی.
      if (slot == kPerson && s.text == "ی" && i_word(before)) continue;
      if (blocked) continue;
      cur.push_back(static_cast<uint32_t>(at));
      search(w, at, slot - 1, verb, cur, std::max(min_stem, s.min_stem), std::max(ratio, s.ratio),
             guarded || s.guard, best, best_stem);
      cur.pop_back();
    }
  }
};

RuleSegmenter::RuleSegmenter() : impl_(std::make_unique<Impl>()) {}
RuleSegmenter::~RuleSegmenter() = default;

bool RuleSegmenter::keeps_whole(std::string_view word) const { return impl_->keep.find(word) != impl_->keep.end(); }

void RuleSegmenter::segment(std::string_view word, std::vector<uint32_t>& cuts) const {
  if (word.size() < 6 || word.size() > 128 || impl_->keep.find(word) != impl_->keep.end()) return;
  // Word frequencies are Zipfian: a per-thread memo of recent words saves most of the table
  // lookups (every RuleSegmenter has the same compiled-in tables, so one memo serves them all).
  struct Memo {
    std::unordered_map<std::string, std::vector<uint32_t>, SvHash, std::equal_to<>> map;
  };
  thread_local Memo memo;
  if (auto it = memo.map.find(word); it != memo.map.end()) {
    cuts.insert(cuts.end(), it->second.begin(), it->second.end());
    return;
  }
  if (memo.map.size() >= (1u << 16)) memo.map.clear();
  bool verb = false;
  for (const std::string& p : impl_->verb_prefixes)
    if (word.size() > p.size() + 2 && word.compare(0, p.size(), p) == 0) verb = true;
  std::vector<uint32_t> cur, best;
  size_t best_stem = word.size();
  impl_->search(word, word.size(), kConj, verb, cur, 2, -1.0, false, best, best_stem);
  cuts.insert(cuts.end(), best.begin(), best.end());
  memo.map.emplace(std::string(word), std::move(best));
}

}  // namespace kurdi
