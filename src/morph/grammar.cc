// Compiles the morphology tables (data/morph/*.tsv) into hash maps and slot tables, once.
#include "morph/grammar.h"

#include <algorithm>
#include <cmath>

#include "kurdi/text.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(morph_nominal_suffixes_tsv)
KURDI_DECLARE_TABLE(morph_verb_affixes_tsv)
KURDI_DECLARE_TABLE(morph_verbs_tsv)
KURDI_DECLARE_TABLE(morph_compound_verbs_tsv)
KURDI_DECLARE_TABLE(morph_lexicon_tsv)
KURDI_DECLARE_TABLE(morph_induced_stems_tsv)
KURDI_DECLARE_TABLE(morph_irregular_tsv)
KURDI_DECLARE_TABLE(morph_causatives_tsv)
KURDI_DECLARE_TABLE(morph_derivation_tsv)

namespace kurdi::morph {

const char* const kPosNames[] = {"N", "ADJ", "ADV", "PROPN", "V", "V.MSDR", "V.PTCP", "PRO", "ADP",
                                 "NUM", "CONJ", "PART", "DET", "INTJ", nullptr};

uint8_t pos_id(std::string_view pos) {
  for (uint8_t i = 0; kPosNames[i]; ++i)
    if (pos == kPosNames[i]) return i;
  return 0;
}

namespace {

// Last code point of s and its start.
char32_t last_cp(std::string_view s, size_t* start = nullptr) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  int len = 0;
  char32_t c = utf8::decode(s, i, len);
  if (start) *start = i;
  return c;
}

bool is_vowel_letter(char32_t c) {
  return c == U'\u0627' || c == U'\u06C6' || c == U'\u06D5' || c == U'\u06CE' || c == U'\u06CC' ||
         c == U'\u0648';
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (;;) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

const char* const kNomSlotNames[] = {"DEG", "NUM", "EZ", "IS", "PSS", "POSTP", "ARG", "COP"};
const char* const kVSlotNames[] = {"NEG", "ASP", "CL", "IS", "PRS", "IMP", "PST", "SCL",
                                   "PRF", "PRF3", "PLPRF", "PRFSBJV", "AYE", "EWE", "GOAL", "PASS"};

// code points of an affix (bytes that do not continue a sequence)
uint8_t letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return static_cast<uint8_t>(std::min<size_t>(n, 255));
}

bool ends_with(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

}  // namespace

uint8_t end_class(std::string_view s) {
  size_t start = 0;
  char32_t c = last_cp(s, &start);
  switch (c) {
    case U'\u0627': case U'\u06C6': return kA;   // ا ۆ
    case U'\u06D5': return kE;                   // ە
    case U'\u06CC': {                            // ی: î after a consonant, y after a vowel
      size_t pstart = 0;
      char32_t p = last_cp(s.substr(0, start), &pstart);
      if (p == U'\u0627' || p == U'\u06D5' || p == U'\u06C6') return kC;
      // after و: y only when the و is the vowel û (وو: ڕووی); a single و before a final ی
      // is the consonant w and the ی is î (زەوی، ڕێوی، مراوی، خوێناوی → زەوییەک، مراوییەکە)
      if (p == U'\u0648') return last_cp(s.substr(0, pstart)) == U'\u0648' ? kC : kI;
      return kI;
    }
    case U'\u06CE': return kEe;                  // ێ
    case U'\u0648': {                            // و: û after a consonant or in وو; w after a vowel
      char32_t p = last_cp(s.substr(0, start));
      if (p == U'\u0648') return kU;
      if (p == 0 || is_vowel_letter(p)) return kC;
      return kU;
    }
    default:
      // a digit: the numeral is read aloud, so its last sound (and the suffix form a writer picks:
      // ١٩ی، ٢٠٢١دا، ٣یەم، ٣هەم، ١٠ەم) is not in the spelling
      return chars::is_digit(c) ? kAny : kC;
  }
}

uint8_t parse_after(std::string_view s) {
  if (s == "*") return kAny;
  uint8_t m = 0;
  for (auto p : split(s, '|')) {
    if (p == "C") m |= kC;
    else if (p == "A") m |= kA;
    else if (p == "E") m |= kE;
    else if (p == "I") m |= kI;
    else if (p == "Ê") m |= kEe;
    else if (p == "U") m |= kU;
    else if (p == "E-") m |= kEdrop;
    else if (p == "stem") m |= kStemOnly;
    else if (p == "V") m |= kA | kE | kI | kEe | kU;
    else if (p == "Y") m |= kI;  // a stem in vowel + یی (the row's vowel_yy says so)
  }
  return m;
}

uint32_t Grammar::intern(std::string_view s) {
  auto it = string_ids.find(std::string(s));
  if (it != string_ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(strings.size());
  strings.emplace_back(s);
  string_ids.emplace(strings.back(), id);
  return id;
}

Grammar::Grammar() {
  intern("");
  // --- affix slot tables ---
  {
    const auto& t = tables::morph_nominal_suffixes_tsv;
    int cs = t.column("slot"), cf = t.column("form"), ca = t.column("after"), ce = t.column("features");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      for (uint8_t s = 0; s < kNomSlots; ++s)
        if (f[cs] == kNomSlotNames[s]) {
          Row r;
          r.form = f[cf] == "∅" ? "" : std::string(f[cf]);
          r.after = parse_after(f[ca]);
          r.vowel_yy = f[ca] == "Y";
          r.feat = std::string(f[ce]);
          r.slot = s;
          r.letters = letters(r.form);
          nom[s].push_back(std::move(r));
        }
    });
  }
  {
    const auto& t = tables::morph_verb_affixes_tsv;
    int cs = t.column("slot"), cf = t.column("form"), ca = t.column("after"), ce = t.column("features");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      for (uint8_t s = 0; s < kVSlots; ++s)
        if (f[cs] == kVSlotNames[s]) {
          Row r;
          r.form = f[cf] == "∅" ? "" : std::string(f[cf]);
          r.after = parse_after(f[ca]);
          r.feat = std::string(f[ce]);
          r.slot = s;
          r.letters = letters(r.form);
          verb[s].push_back(std::move(r));
        }
    });
  }

  auto add = [&](std::string_view surface, Entry e) {
    if (surface.empty()) return;
    auto& v = stems[std::string(surface)];
    for (const auto& x : v)
      if (x.lemma == e.lemma && x.kind == e.kind && x.pos == e.pos && x.part == e.part) return;
    v.push_back(e);
    if (surface.size() > max_stem_bytes) max_stem_bytes = surface.size();
  };
  auto add_lemma_pos = [&](const std::string& lemma, const char* pos) {
    auto& v = lemma_pos[lemma];
    for (auto& p : v)
      if (p == pos) return;
    v.emplace_back(pos);
  };

  // --- nominal and closed-class lexicon (hand-written) ---
  {
    const auto& t = tables::morph_lexicon_tsv;
    int cl = t.column("lemma"), cp = t.column("pos");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      Entry e{intern(f[cl]), 0, Kind::kNominal, pos_id(f[cp]), false, 0, 2.0f};
      add(f[cl], e);
      add_lemma_pos(std::string(f[cl]), kPosNames[e.pos]);
      ++lexicon_entries;
    });
  }
  // --- irregular and fused forms (هەبوون present, preposition + demonstrative) ---
  {
    const auto& t = tables::morph_irregular_tsv;
    int cf = t.column("form"), cl = t.column("lemma"), cp = t.column("pos");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      // `pos` is a POS, or a verb's POS and its features (V;IMP;ARGNO2S)
      std::string_view pos = f[cp], feats;
      if (const size_t semi = pos.find(';'); semi != std::string_view::npos) {
        feats = pos.substr(semi + 1);
        pos = pos.substr(0, semi);
        irregular_features.emplace(std::string(f[cf]), std::string(feats));
        irregular_forms.push_back({std::string(f[cl]), std::string(f[cp]), std::string(f[cf])});
      }
      Entry e{intern(f[cl]), 0, Kind::kNominal, pos_id(pos), false, 0, 2.5f};
      add(f[cf], e);
      add_lemma_pos(std::string(f[cl]), kPosNames[e.pos]);
      ++lexicon_entries;
    });
  }
  // --- induced stems (reviewed output of tools/induce) ---
  {
    const auto& t = tables::morph_induced_stems_tsv;
    int cl = t.column("stem"), cp = t.column("pos"), cf = t.column("freq");
    SvSet induced;
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) { induced.emplace(f[cl]); });
    // A stem of 2+ letters that is a hand-written nominal or another induced stem.
    auto known_stem = [&](std::string_view x) {
      if (letters(x) < 2) return false;
      if (auto it = stems.find(x); it != stems.end())
        for (const auto& e : it->second)
          if (e.kind == Kind::kNominal) return true;
      return induced.find(x) != induced.end();
    };
    // the same, or X + ی on a hand-written X (the abstract noun or nisba the analyzer derives:
    // چالاک → چالاکی)
    auto known_i = [&](std::string_view x) {
      if (known_stem(x)) return true;
      if (last_cp(x) != U'\u06CC' || letters(x) < 4) return false;
      auto it = stems.find(x.substr(0, x.size() - 2));
      if (it != stems.end())
        for (const auto& e : it->second)
          if (e.kind == Kind::kNominal && e.source == 0 && (e.pos == pos_id("N") || e.pos == pos_id("ADJ")))
            return true;
      return false;
    };
    // An induced stem that is a known stem + the indefinite (-ێک; -یەک after a vowel; -ەک after ی,
    // the glide not written twice) or a known stem in ی + the copula or demonstrative -ە (ی + یە
    // written with one ی, or with two: زەوییە) is that stem inflected, not a lemma of its own:
    // تایبەتمەندیەک، بیناێک، یەکەیەک، پەیوەندیە were their own lemmas and took their own suffixes
    // (تایبەتمەندیەکی → lemma تایبەتمەندیەک). Not a real word in -ێک / -ەک on an unknown first part
    // (دەستپێک، ناڕێک، فیشەک، گەڕەک) nor a consonant + یەک (هەریەک). Not a stem in ی + the plural -ان
    // either (هاوڵاتیان): the analyzer reads هاوڵاتیان as هاوڵاتی + ان, but a second misspelling on top
    // (هاولاتیان) then finds nothing.
    auto inflected = [&](std::string_view s) {
      static const std::string kEk = "\u06CE\u06A9", kYek = "\u06CC\u06D5\u06A9", kAk = "\u06D5\u06A9",
                               kYe = "\u06CC\u06D5", kWw = "\u0648\u0648";
      auto head = [&](const std::string& suf) { return s.substr(0, s.size() - suf.size()); };
      if (ends_with(s, kEk)) {
        std::string_view x = head(kEk);
        return known_stem(x);  // also after a vowel, where -یەک is the standard (بیناێک)
      }
      if (ends_with(s, kYek)) {
        std::string_view x = head(kYek);
        char32_t c = last_cp(x);
        if ((c != U'\u0648' && is_vowel_letter(c)) || ends_with(x, kWw))
          if (known_i(x)) return true;
      }
      if (ends_with(s, kAk)) {
        std::string_view x = head(kAk);
        return last_cp(x) == U'\u06CC' && known_i(x);
      }
      if (ends_with(s, kYe)) {
        std::string_view x = s.substr(0, s.size() - 2), y = head(kYe);  // x + ە, y + یە
        return known_stem(x) || (last_cp(y) == U'\u06CC' && known_stem(y));
      }
      // a preposition written joined to a hand-written numeral or pronoun of 3+ letters: لەچەند،
      // بەچەند، لەچوار، بەیەکتر (the preposition + that word, as the analyzer reads لەهەمان; the
      // joined-preposition reading wants 3+ letters after it: لەخۆ، لەچی stay)
      for (std::string_view pre : {"\u0644\u06D5", "\u0628\u06D5", "\u0628\u06C6"})
        if (s.size() > pre.size() && s.substr(0, pre.size()) == pre && letters(s.substr(pre.size())) >= 3)
          if (auto it = stems.find(s.substr(pre.size())); it != stems.end())
            for (const auto& e : it->second)
              if (e.kind == Kind::kNominal && e.source == 0 && (e.pos == pos_id("NUM") || e.pos == pos_id("PRO")))
                return true;
      return false;
    };
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      double freq = 1;
      for (char ch : f[cf]) if (ch < '0' || ch > '9') goto skip;
      if (inflected(f[cl])) goto skip;
      freq = std::stod(std::string(f[cf]));
      {
        Entry e{intern(f[cl]), 0, Kind::kNominal, pos_id(f[cp]), false, 1,
                static_cast<float>(std::min(1.0, std::log(1.0 + freq) / 8.0))};
        add(f[cl], e);
        add_lemma_pos(std::string(f[cl]), kPosNames[e.pos]);
        ++lexicon_entries;
      }
    skip:;
    });
  }

  // --- verbs ---
  auto register_verb = [&](const VerbInfo& v) {
    const std::string& lemma_s = v.lemma.empty() ? v.infinitive : v.lemma;
    uint32_t lemma = intern(lemma_s);
    uint32_t part = v.part.empty() ? 0 : intern(v.part);
    if (!v.part.empty()) parts.insert(v.part);
    Entry base{lemma, part, Kind::kPast, pos_id("V"), v.transitive, 0, 3.0f};
    base.caus = v.caus;
    Entry e = base;
    add(v.past, e);
    for (const auto& p : v.present) {
      e = base; e.kind = Kind::kPresent;
      add(p, e);
      size_t st = 0;
      char32_t c = last_cp(p, &st);
      if (c == U'\u06D5') { e.kind = Kind::kPresent3; add(p.substr(0, st) + "ا", e); }
      if (c == U'\u06C6') { e.kind = Kind::kPresent3; add(p.substr(0, st) + "وا", e); }
    }
    for (const auto& p : v.passive) {
      e = base; e.kind = Kind::kPassive; e.transitive = false;
      add(p, e);
    }
    // verbal noun, participles: nominal stems. The verbal noun with -ewe (گواستنەوە، مانەوە) is a
    // lemma of its own in UniMorph-ckb (V.MSDR, lemma = the -ewe infinitive) for a simple verb; on a
    // preverb or light-verb compound the -ewe verbal noun lemmatizes to the compound infinitive
    // (بەرزبوونەوە → بەرزبوون, ڕوونکردنەوە → ڕوونکردن), as UniMorph-ckb writes them; the passive
    // verbal noun (کران، کرانەوە) lemmatizes to the active one (کردن، کردنەوە).
    Entry n{lemma, 0, Kind::kNominal, pos_id("V.MSDR"), false, 0, 3.0f};
    n.caus = v.caus;
    // a hand-written adjective of the same spelling outranks the verbal noun and, with its suffixes,
    // the finite forms: وێران "ruined" (وێرانی، وێرانیان) before the verbal noun of وێران "dare" and
    // its past وێرا + ن + ی, but not a hand-written noun of its own spelling (وێرانە "ruins" stays
    // before وێران + ە); a noun of the infinitive's spelling stays below (ژیان "living" / "life")
    if (auto it = stems.find(v.infinitive); it != stems.end())
      for (auto& x : it->second)
        if (x.kind == Kind::kNominal && x.source == 0 && x.pos == pos_id("ADJ")) {
          x.weight = 2.95f;
          n.weight = 2.9f;
        }
    add(v.infinitive, n);
    infinitives.emplace(v.infinitive, lemma);
    Entry ne{v.part.empty() ? intern(v.infinitive + "ەوە") : lemma, 0, Kind::kNominal,
             pos_id("V.MSDR"), false, 0, 3.0f};
    add(v.infinitive + "ەوە", ne);
    Entry np{intern(v.infinitive), 0, Kind::kNominal, pos_id("V.MSDR"), false, 0, 2.2f};
    for (const auto& p : v.passive) {
      add(v.part + p + "ان", np);
      add(v.part + p + "انەوە", ne);
    }
    std::string past_full = v.part + v.past;
    uint8_t cls = end_class(past_full);
    std::string ptcp = past_full + (cls == kC ? "وو" : cls == kU ? "" : "و");
    // below a hand-written nominal of the same spelling (ڕێکخراو "organization", ڕووداو "event")
    Entry pt{lemma, 0, Kind::kNominal, pos_id("V.PTCP"), false, 0, 1.9f};
    pt.caus = v.caus;
    add(ptcp, pt);
    for (const auto& p : v.passive) add(v.part + p + "او", pt);
    add_lemma_pos(lemma_s, "V");
    ++lexicon_entries;
  };
  {
    const auto& t = tables::morph_derivation_tsv;
    int ce = t.column("ending");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) { agent_endings.emplace_back(f[ce]); });
  }
  SvMap<std::string> caus_base;  // causative infinitive -> base infinitive
  {
    const auto& t = tables::morph_causatives_tsv;
    int cc = t.column("causative"), cb = t.column("base");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      caus_base.emplace(std::string(f[cc]), std::string(f[cb]));
    });
  }
  {
    const auto& t = tables::morph_verbs_tsv;
    int ci = t.column("infinitive"), cpa = t.column("past"), cpr = t.column("present"),
        cps = t.column("passive"), ct = t.column("trans");
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      VerbInfo v;
      v.infinitive = std::string(f[ci]);
      // past stem variants after the first occur only in the perfect (دیتن: دیت|دی → دیوە، نەمدیوە)
      std::vector<std::string> perfect_past;
      for (auto p : split(f[cpa], '|')) {
        if (v.past.empty()) v.past = std::string(p);
        else perfect_past.emplace_back(p);
      }
      for (auto p : split(f[cpr], '|')) v.present.emplace_back(p);
      if (f[cps] != "-")
        for (auto p : split(f[cps], '|')) v.passive.emplace_back(p);
      v.transitive = !f[ct].empty() && f[ct][0] == 'T';
      if (auto cb = caus_base.find(v.infinitive); cb != caus_base.end()) {
        v.lemma = cb->second;
        v.caus = true;
        causative_of.emplace(v.lemma, v.infinitive);
      }
      bool bound = ends_with(f[ct], "B");
      verbs[v.infinitive] = v;
      if (bound) {
        infinitives.emplace(v.infinitive, intern(v.infinitive));
        // trans TPB / IPB: bound, but its present stem also stands alone after an aspect or
        // negation prefix (بدوێم، دەنێت), never bare and never its past stem (دوا "after", دەنا "otherwise")
        if (f[ct].size() >= 2 && f[ct][f[ct].size() - 2] == 'P') {
          Entry pe{intern(v.lemma.empty() ? v.infinitive : v.lemma), 0, Kind::kPresent, pos_id("V"),
                   v.transitive, 0, 3.0f};
          pe.caus = v.caus;
          pe.prefixed = true;
          for (const auto& p : v.present) add(p, pe);
          // its passive is a free verb's (the present after دە-/ب-/نە-, the past also bare: ناوی
          // نرا، نراوە، دەنرێت، نەنراوە، دەمژرێت); not its passive participle, which a short head
          // would take as a light-verb compound (چا + ندراو); perm: 15 types read as the verb
          Entry ps{pe.lemma, 0, Kind::kPassive, pos_id("V"), false, 0, 3.0f};
          ps.caus = v.caus;
          for (const auto& p : v.passive) add(p, ps);
        }
        return;
      }
      register_verb(v);
      for (const auto& p : perfect_past) {
        Entry pp{intern(v.lemma.empty() ? v.infinitive : v.lemma), 0, Kind::kPast, pos_id("V"), v.transitive, 0, 3.0f};
        pp.caus = v.caus;
        pp.perfect_only = true;
        add(p, pp);
      }
    });
  }
  {
    const auto& t = tables::morph_compound_verbs_tsv;
    int ci = t.column("infinitive"), cp = t.column("part"), cb = t.column("base"), ctp = t.column("type");
    std::unordered_map<std::string, int> lv_count;
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      if (f[ctp] == "LV") ++lv_count[std::string(f[cb])];
      if (f[ctp] == "PV") preverbs.insert(std::string(f[cp]));
      auto it = verbs.find(std::string(f[cb]));
      if (it == verbs.end()) return;  // tablegen cannot check cross-table references; skip quietly
      if (f[ctp] == "GL") {
        // the finite forms are found by the analyzer (base verb form in goal -ە + part); the
        // infinitive is a verbal noun of its own (خستنەڕووی)
        const std::string comp(f[ci]), part(f[cp]);
        const uint32_t base = intern(it->second.lemma.empty() ? it->second.infinitive : it->second.lemma);
        auto gp = std::find_if(goal_parts.begin(), goal_parts.end(), [&](const auto& x) { return x.first == part; });
        if (gp == goal_parts.end()) gp = goal_parts.insert(goal_parts.end(), {part, {}});
        gp->second.emplace_back(base, comp);
        Entry n{intern(comp), 0, Kind::kNominal, pos_id("V.MSDR"), false, 0, 3.0f};
        add(comp, n);
        // after a part in a consonant the verbal noun takes -ەوە as the finite forms do
        // (هاتنەپێشەوە، چوونەدەرەوە, as هاتەپێشەوە): a stem of its own with the same lemma, so the
        // ezafe and clitics follow it (هاتنەپێشەوەی، چوونەدەرەوەی; perm: 12 tokens of 10 such types)
        if (end_class(part) == kC) add(comp + "\u06D5\u0648\u06D5", n);
        add_lemma_pos(comp, "V");
        ++lexicon_entries;
        return;
      }
      VerbInfo v = it->second;
      const std::string base_part = v.part;
      v.part = std::string(f[cp]) + v.part;
      v.infinitive = std::string(f[ci]);
      if (v.caus) {
        v.lemma = std::string(f[cp]) + v.lemma;  // ڕا + گەیشتن: the compound of the base verb
        causative_of.emplace(v.lemma, v.infinitive);
      }
      verbs[v.infinitive] = v;
      register_verb(v);
      if (f[ctp] == "LV" && !base_part.empty()) {
        // a light verb that is itself a preverb verb (چەپڵە + لێدان): the clitic of the first
        // element goes between the head and the preverb (چەپڵەیانلێدا), so the preverb also counts
        // as part of the stems after the head alone
        VerbInfo w = it->second;
        w.past = base_part + w.past;
        for (auto& p : w.present) p = base_part + p;
        for (auto& p : w.passive) p = base_part + p;
        w.part = std::string(f[cp]);
        w.infinitive = v.infinitive;
        w.lemma = v.lemma;
        register_verb(w);
      }
    });
    // the productive light verbs (10+ LV rows: کردن، بوون، دان، بردن، خستن ...; docs/morph.md lists them)
    // form unlisted joined compounds
    for (const auto& [base, n] : lv_count)
      if (n >= 10) light_verbs.insert(base);
  }
}

size_t Grammar::memory_bytes() const {
  size_t b = sizeof(*this);
  for (const auto& s : strings) b += s.capacity() + sizeof(std::string);
  b += string_ids.size() * (sizeof(std::string) + 32);
  for (const auto& [k, v] : stems) b += k.capacity() + sizeof(std::string) + 32 + v.capacity() * sizeof(Entry);
  b += infinitives.size() * 64 + parts.size() * 48 + lemma_pos.size() * 80 + verbs.size() * 200;
  for (const auto& s : nom) b += s.capacity() * sizeof(Row);
  for (const auto& s : verb) b += s.capacity() * sizeof(Row);
  return b;
}

const Grammar& grammar() {
  static const Grammar g;
  return g;
}

}  // namespace kurdi::morph
