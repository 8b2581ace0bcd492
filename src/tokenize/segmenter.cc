// The rule-based clitic splitter: suffix slots from data/tokenize/clitics.tsv, checked against a
// list of attested stems. Every parse STEM + det? + also? + person? + postp? is tried from the end
// of the word (at most a few dozen, bounded by the table), and the one with the most cuts whose
// stem is attested wins.
#include <string>
#include <unordered_set>

#include "kurdi/tokenize.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(tokenize_clitics_tsv)
KURDI_DECLARE_TABLE(tokenize_keep_whole_tsv)
KURDI_DECLARE_TABLE(tokenize_stems_tsv)

namespace kurdi {
namespace {

enum Slot { kDet, kAlso, kPerson, kPostp, kSlots };

struct Suffix {
  std::string text;
  std::string after;  // letters of 'C', 'V', 'I'; empty = any
  size_t min_stem;
  bool guard;
};

// What the last letter of `s` is: 'V' (ا ە ۆ ێ), 'I' (ی), 'C' otherwise (و counts as C: û takes -ekan).
char last_kind(std::string_view s) {
  if (s.size() < 2) return 'C';
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  int len;
  char32_t c = utf8::decode(s, i, len);
  switch (c) {
    case 0x0627: case 0x06D5: case 0x06C6: case 0x06CE: return 'V';
    case 0x06CC: return 'I';
    default: return 'C';
  }
}

}  // namespace

struct RuleSegmenter::Impl {
  std::vector<Suffix> slots[kSlots];
  std::vector<std::string> verb_prefixes;
  std::unordered_set<std::string> keep, stems;

  Impl() {
    const auto& t = tables::tokenize_clitics_tsv;
    int cs = t.column("slot"), cx = t.column("suffix"), ca = t.column("after"), cm = t.column("min_stem"),
        cg = t.column("guard");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      std::string_view slot = f[cs];
      if (slot == "verbprefix") { verb_prefixes.emplace_back(f[cx]); return; }
      Suffix s{std::string(f[cx]), f[ca] == "any" ? std::string() : std::string(f[ca]),
               static_cast<size_t>(std::stoul(std::string(f[cm]))), f[cg] == "y"};
      int k = slot == "det" ? kDet : slot == "also" ? kAlso : slot == "person" ? kPerson : kPostp;
      slots[k].push_back(std::move(s));
    });
    const auto& kw = tables::tokenize_keep_whole_tsv;
    int cw = kw.column("word");
    kw.for_each_row([&](const std::vector<std::string_view>& f, size_t) { keep.emplace(f[cw]); });
    const auto& st = tables::tokenize_stems_tsv;
    int cst = st.column("word");
    st.for_each_row([&](const std::vector<std::string_view>& f, size_t) { stems.emplace(f[cst]); });
  }

  bool attested(std::string_view s) const { return stems.count(std::string(s)) != 0; }

  // Best parse of w[0, end) using slots < slot; cuts are collected innermost first.
  void search(std::string_view w, size_t end, int slot, bool verb, std::vector<uint32_t>& cur,
              size_t min_stem, std::vector<uint32_t>& best, size_t& best_stem) const {
    if (slot < 0) {
      if (cur.empty()) return;
      std::string_view stem = w.substr(0, end);
      if (utf8::length(stem) < min_stem || !attested(stem)) return;
      if (cur.size() > best.size() || (cur.size() == best.size() && end < best_stem)) {
        best.assign(cur.rbegin(), cur.rend());
        best_stem = end;
      }
      return;
    }
    search(w, end, slot - 1, verb, cur, min_stem, best, best_stem);
    for (const Suffix& s : slots[slot]) {
      if (s.text.size() >= end) continue;
      if (verb && s.guard) continue;
      if (w.compare(end - s.text.size(), s.text.size(), s.text) != 0) continue;
      size_t at = end - s.text.size();
      if (!s.after.empty() && s.after.find(last_kind(w.substr(0, at))) == std::string::npos) continue;
      cur.push_back(static_cast<uint32_t>(at));
      search(w, at, slot - 1, verb, cur, std::max(min_stem, s.min_stem), best, best_stem);
      cur.pop_back();
    }
  }
};

RuleSegmenter::RuleSegmenter() : impl_(std::make_unique<Impl>()) {}
RuleSegmenter::~RuleSegmenter() = default;

void RuleSegmenter::segment(std::string_view word, std::vector<uint32_t>& cuts) const {
  if (word.size() < 6 || word.size() > 128 || impl_->keep.count(std::string(word))) return;
  bool verb = false;
  for (const std::string& p : impl_->verb_prefixes)
    if (word.size() > p.size() + 2 && word.compare(0, p.size(), p) == 0) verb = true;
  std::vector<uint32_t> cur, best;
  size_t best_stem = word.size();
  impl_->search(word, word.size(), kPostp, verb, cur, 2, best, best_stem);
  cuts.insert(cuts.end(), best.begin(), best.end());
}

}  // namespace kurdi
