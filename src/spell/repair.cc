// Repairer: lexicon-driven respelling for `kurdi normalize --repair`.
//
// Works on a line already normalized (standard profile). Left to right over the Arabic-script
// words: first tries to join 4, 3 or 2 tokens separated by single spaces when one of them is not a
// valid word and the joined string is (or is a few convention edits away from) a frequent valid
// word; otherwise rewrites a single invalid word into its best convention-only candidate, and a
// valid but rare word into a much more frequent word one convention edit away.
#include <algorithm>
#include <unordered_set>

#include "spell/internal.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(normalize_convention_cues_tsv)

namespace kurdi {

namespace {

// Whether `to` has fewer of some letter only a Kurdish keyboard types (ێ ۆ ڵ ڕ ڤ) than `from`:
// the writer typed that letter, so a valid word is not respelled away from it (دەرێن -> دەرین).
bool drops_kurdish_letter(std::u32string_view from, std::string_view to) {
  std::u32string t = utf8::to_u32(to);
  for (char32_t c : {U'ێ', U'ۆ', U'ڵ', U'ڕ', U'ڤ'})
    if (std::count(t.begin(), t.end(), c) < std::count(from.begin(), from.end(), c)) return true;
  return false;
}

// The best replacement of `w` (normalized), or "" when none qualifies; only replacements that
// start with `keep` (a prefix the caller has settled) are considered.
std::string fix(const SpellChecker::Impl& im, const RepairOptions& o, const std::string& w, bool rare_only,
                std::string_view keep = {}) {
  std::u32string q = utf8::to_u32(w);
  if (q.size() < 2) return {};
  std::vector<Suggestion> c;
  double max_cost = rare_only ? std::min(o.max_cost, 0.5) : o.max_cost;
  im.candidates(q, max_cost, o.convention_only, 3, c, o.error_weight, /*lexicon=*/false);  // fixes need a count
  long own = im.count(w);
  for (const auto& s : c) {
    long n = im.count(s.word);
    if (n < o.min_count || s.word.compare(0, keep.size(), keep) != 0) continue;
    if (rare_only && static_cast<double>(n) < static_cast<double>(own) * o.rare_ratio) continue;
    if (rare_only && drops_kurdish_letter(q, s.word)) continue;
    return s.word;
  }
  if (rare_only || !o.known_forms) return {};
  // An invalid word whose inflected form the frequency model has not seen (پیکەنینەکەی): the
  // variants one convention edit away (cost <= 0.5: every such edit is a convention's) that the
  // analyzer knows. Only an unambiguous one: two valid variants at the same cost are left alone.
  std::string best;
  double best_cost = 1e9;
  bool tie = false;
  im.errors.variants(q, 0.5, [&](std::u32string_view v, double cost) {
    if (v.size() < 2 || cost > best_cost) return;
    std::string v8 = utf8::from_u32(v);
    if (v8 == w || v8 == best || v8.compare(0, keep.size(), keep) != 0 || !im.valid_normalized(v8, o.valid_min_count))
      return;
    tie = cost == best_cost;
    if (!tie) { best = std::move(v8); best_cost = cost; }
  }, o.convention_only);
  return tie ? std::string() : best;
}

bool ends_with_e(std::string_view w) { return w.size() >= 2 && w.substr(w.size() - 2) == "ە"; }

bool vowel_letter(char32_t c) { return c == U'ا' || c == U'ە' || c == U'ێ' || c == U'ۆ' || c == U'ی' || c == U'و'; }

// `w` with every ئ between a consonant and a consonant (or the word's end) written as ێ: the seat
// ئ only begins a syllable (word-initially or after a vowel), and an Arabic keyboard types the
// hamza for ێ (شئر -> شێر). Not after ل: older Kurdish fonts wrote ڵ as لأ (پالأ for پاڵ), and
// an Arabic word with the article ال (القرئن) is not Sorani. Returns false when `w` is unchanged.
bool hamza_as_e(std::string& w) {
  std::u32string q = utf8::to_u32(w);
  if (q.size() >= 2 && q[0] == U'ا' && q[1] == U'ل') return false;
  bool changed = false;
  for (size_t k = 1; k < q.size(); ++k) {
    if (q[k] != U'ئ' || vowel_letter(q[k - 1]) || q[k - 1] == U'ئ' || q[k - 1] == U'ل') continue;
    if (k + 1 < q.size() && vowel_letter(q[k + 1])) continue;
    q[k] = U'ێ';
    changed = true;
  }
  if (changed) w = utf8::from_u32(q);
  return changed;
}

// An invalid word that starts with a bare ا: Sorani writes every vowel-initial word with the seat
// ئ, so the ا is the vowel a (ئا: ئاو) or stands, as in Arabic-convention typing, for ئە (اخۆم ->
// ئەخۆم, او -> ئەو). The reading that is a valid word, or has a convention fix; ئە first (the
// commoner), then ئا. "" when neither.
std::string fix_initial_alef(const SpellChecker::Impl& im, const RepairOptions& o, const std::string& w) {
  static const std::string alef = "ا";
  if (w.size() <= alef.size() || w.compare(0, alef.size(), alef) != 0) return {};
  for (const char* seat : {"ئە", "ئ"}) {
    std::string v = std::string(seat) + (seat == std::string("ئە") ? w.substr(alef.size()) : w);
    if (im.valid_normalized(v, o.valid_min_count)) return v;
    std::string f = fix(im, o, v, false, "ئ");  // a fix that keeps the seat
    if (!f.empty()) return f;
  }
  return {};
}

// The suffixes that an Arabic-keyboard writer types apart after a stem's final ە (ه + space:
// کتێبە کان): the `suffix` rows of the normalizer's convention cues.
const std::unordered_set<std::string>& suffix_fragments() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    const auto& t = tables::normalize_convention_cues_tsv;
    const int cw = t.column("word"), ck = t.column("kind");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      if (f[ck] == "suffix") out.emplace(f[cw]);
    });
    return out;
  }();
  return set;
}

bool single_letter(std::string_view w) { return utf8::length(w) == 1 && w != "و"; }

// `w` with every run of three or more of the same letter shortened to `keep` letters (expressive
// lengthening of informal writing: شێررررر). Only for a word that is not valid as typed: ییی is
// standard where a stem in -یی takes -یە (ئاسایییە). A token of one letter repeated is left as it
// is, and so is laughter (هههههە: ه and ە only). "" when `w` has no such run.
std::string shorten_runs(const std::string& w, size_t keep) {
  std::u32string q = utf8::to_u32(w), r;
  if (std::all_of(q.begin(), q.end(), [](char32_t c) { return c == U'ه' || c == U'ە'; })) return {};
  bool changed = false;
  for (size_t i = 0; i < q.size();) {
    size_t j = i;
    while (j < q.size() && q[j] == q[i]) ++j;
    if (j - i >= 3) changed = true;
    r.append(j - i >= 3 ? keep : j - i, q[i]);
    i = j;
  }
  if (!changed || r.size() < 2) return {};
  return utf8::from_u32(r);
}

}  // namespace

Repairer::Repairer(const SpellChecker& checker, const RepairOptions& options)
    : checker_(&checker), options_(options) {}

std::string Repairer::repair(std::string_view line) const {
  std::string out;
  repair(line, out, nullptr);
  return out;
}

void Repairer::repair(std::string_view line, std::string& out, OffsetMap* map) const {
  const SpellChecker::Impl& im = *checker_->impl_;
  const size_t base = out.size();
  std::vector<std::pair<size_t, size_t>> spans;
  spell::arabic_words(line, spans);
  size_t copied = 0;
  auto replace = [&](size_t s, size_t e, const std::string& with) {
    out.append(line.substr(copied, s - copied));
    size_t ob = out.size() - base;
    out += with;
    if (map) map->add_edit(s, e, ob, out.size() - base);
    copied = e;
  };
  std::vector<std::string> words(spans.size());
  std::vector<char> valid(spans.size()), rewritten(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    words[i] = im.norm(line.substr(spans[i].first, spans[i].second - spans[i].first));
    // Letter-level rewrites before the word is judged; a rewritten word is emitted even when it
    // gets no fix.
    valid[i] = im.valid_normalized(words[i], options_.valid_min_count) && !single_letter(words[i]);
    if (valid[i]) continue;
    // Lengthening: the run shortened to one letter, or to two when only that makes a valid word
    // (دەبینننەوە -> دەبیننەوە); one otherwise (a doubled letter the word needs comes back through
    // the convention edits و/وو, ی/یی).
    std::string one = shorten_runs(words[i], 1);
    if (!one.empty()) {
      std::string two = shorten_runs(words[i], 2);
      bool use_two = !im.valid_normalized(one, options_.valid_min_count) && im.valid_normalized(two, options_.valid_min_count);
      words[i] = use_two ? two : one;
      rewritten[i] = true;
      valid[i] = im.valid_normalized(words[i], options_.valid_min_count) && !single_letter(words[i]);
      if (valid[i]) continue;
    }
    if (!hamza_as_e(words[i])) continue;
    rewritten[i] = true;
    valid[i] = im.valid_normalized(words[i], options_.valid_min_count) && !single_letter(words[i]);
  }
  for (size_t i = 0; i < spans.size();) {
    bool done = false;
    if (options_.joins) {
      for (size_t k = std::min<size_t>(4, spans.size() - i); k >= 2 && !done; --k) {
        bool any_invalid = false, spaced = true;
        std::string joined;
        for (size_t j = i; j < i + k; ++j) {
          if (j > i) {
            std::string_view gap = line.substr(spans[j - 1].second, spans[j].first - spans[j - 1].second);
            spaced = spaced && gap == " ";
          }
          // The conjunction و is written as a word of its own: a join through it (چاو و برۆ ->
          // چاوو) loses it.
          spaced = spaced && words[j] != "و";
          any_invalid = any_invalid || !valid[j];
          joined += words[j];
        }
        if (!spaced || !any_invalid) continue;
        std::string target;
        if (im.count(joined) >= options_.min_count) target = joined;
        else target = fix(im, options_, joined, false);
        if (target.empty()) continue;
        replace(spans[i].first, spans[i + k - 1].second, target);
        i += k;
        done = true;
      }
    }
    // A suffix typed apart after an invalid word's final ە (کۆمنتە کان -> کۆمنتەکان): joined even
    // when the model does not know the whole (fixed when it can be), unless the fragment is also a
    // frequent word of its own (کە "that", یان "or", وە, یەک): then only into a valid or fixable
    // word.
    if (!done && options_.joins && i + 1 < spans.size() && !valid[i] && ends_with_e(words[i]) &&
        line.substr(spans[i].second, spans[i + 1].first - spans[i].second) == " " &&
        suffix_fragments().count(words[i + 1])) {
      std::string joined = words[i] + words[i + 1];
      std::string target = im.valid_normalized(joined, options_.valid_min_count) ? joined : fix(im, options_, joined, false);
      if (target.empty() && im.count(words[i + 1]) < options_.split_first_count) target = joined;
      if (!target.empty()) {
        replace(spans[i].first, spans[i + 1].second, target);
        i += 2;
        continue;
      }
    }
    if (done) continue;
    const std::string& w = words[i];
    std::string target = valid[i] ? (options_.rare_ratio > 0 ? fix(im, options_, w, true) : std::string()) : fix(im, options_, w, false);
    std::string_view orig = line.substr(spans[i].first, spans[i].second - spans[i].first);
    // A word the checker accepts as typed (the model has seen it and no much more frequent
    // neighbour dominates it) is a compound written together, not two words run together:
    // زۆربە "most" stays (was زۆر بە); the repair's stricter bar of validity is for rewrites.
    // Only a first part among the most frequent words (لە بە بۆ کە, written apart) is split off it.
    const bool accepted_as_typed = !valid[i] && im.count(w) >= 1 && !im.dominated(w);
    if (target.empty() && !valid[i] && options_.split_first_count > 0) {
      std::u32string q = utf8::to_u32(w);
      for (size_t k = 2; k + 2 <= q.size() && target.empty(); ++k) {
        // no Sorani word starts with a vowel letter (ە ێ ۆ ا are written after ئ): نین ەکە is no split
        if (q[k] == U'\u06D5' || q[k] == U'\u06CE' || q[k] == U'\u06C6' || q[k] == U'\u0627') continue;
        std::string a = utf8::from_u32(q.substr(0, k)), b = utf8::from_u32(q.substr(k));
        // The rest must be a word the model has seen, or a longer one the analyzer knows: a short
        // rest is too easily analysed (منتە as من + ت + ە out of کۆمنتە). A rest of two letters
        // is as often a word's own ending (ڕەنگینی, سیار): only a frequent word (هەرلە -> هەر لە).
        const long min_rest = k + 2 == q.size() ? options_.split_first_count : 1;
        const long min_first = accepted_as_typed ? std::max(options_.split_apart_count, options_.split_first_count)
                                                 : options_.split_first_count;
        if (im.count(a) >= min_first && !single_letter(b) &&
            (im.count(b) >= min_rest || k + 5 <= q.size()) && im.valid_normalized(b, options_.valid_min_count))
          target = a + " " + b;
      }
    }
    if (target.empty() && !valid[i] && options_.initial_alef) target = fix_initial_alef(im, options_, w);
    if (target.empty() && rewritten[i]) target = w;
    if (!target.empty() && target != orig) replace(spans[i].first, spans[i].second, target);
    ++i;
  }
  out.append(line.substr(copied));
  if (map) map->finish(line.size(), out.size() - base);
}

}  // namespace kurdi
