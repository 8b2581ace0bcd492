// kurdi tokenize: tokens of each line (text, line-preserving), or one JSON object / CoNLL-U row per
// token with byte offsets into the input, or word counts of a corpus.
// kurdi-stages: tokenize morph
#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "cli.h"
#include "kurdi/morph.h"
#include "kurdi/tokenize.h"

namespace kurdi::cli {
namespace {

// --split-clitics through the morphological analyzer (a later pipeline stage, so it is injected
// here rather than linked into the tokenizer): a word the analyzer knows is cut at the boundaries of
// its best analysis (nominal words only: verb forms stay whole, as in the KurdishTokenization
// convention; stem and derivational morphs are not cut); a word it only guesses goes to the rules.
class AnalyzerSegmenter final : public Segmenter {
 public:
  void segment(std::string_view word, std::vector<uint32_t>& cuts) const override {
    if (mode_ == "rules") {
      rules_.segment(word, cuts);
      return;
    }
    // The keep-whole list is final: the analyzer's reading کات + ێک does not undo it.
    if (rules_.keeps_whole(word)) return;
    std::vector<Analysis> as = analyzer_.analyze(word);
    bool known = !as.empty() && !as[0].guessed;
    // A word the lexicon holds as a lexeme by itself (بەرهەمهێنان the verbal noun, کارلێک, گەلێک)
    // stays whole even when an inflected reading exists: the lexicon-based convention keeps
    // lexicon words whole, and these readings are mostly spurious (بەرهەمهێن + ان).
    bool lexeme = false;
    for (const Analysis& a : as)
      if (!a.guessed && a.morphs.size() == 1 && a.morphs[0].tag == "STEM") lexeme = true;
    std::vector<uint32_t> morph_cuts;
    if (known && !lexeme && stem_ok(as[0])) {
      const Analysis& a = as[0];
      if (a.pos != "V" && a.pos != "V.PTCP") {
        for (size_t i = 1; i < a.morphs.size(); ++i) {
          const Morph& m = a.morphs[i];
          // Only the morphs the KurdishTokenization convention writes apart: determiners, plural,
          // possessive clitics, ezafe, postpositions and attached prepositions. Comparative,
          // superlative, copula and derivational morphs stay on the word.
          if (!cut_tag(m.tag)) continue;
          // A 2sg clitic ت right on the stem with more after it (پەتا+ت+ە, جیا+ت+ی,
          // بەرپرسیارە+ت+ی) is the analyzer misreading -tî / -te words: lexical پەتاتە,
          // abstract nouns in -etî, verbs in -ête. Such a reading is not cut at all.
          if (m.tag.substr(0, 5) == "PSS2S" && i + 1 < a.morphs.size() && morph_cuts.empty()) break;
          if (m.start > 0 && m.start < word.size() && (morph_cuts.empty() || morph_cuts.back() < m.start))
            morph_cuts.push_back(static_cast<uint32_t>(m.start));
        }
      }
    }
    // A word in vowel + یی carries the suffix -yî (ئامادەیی, ئازایی, تووڕەیی), one piece in the
    // KurdishTokenization convention; the analyzer's reading stem + ezafe + ی is not cut.
    if (!morph_cuts.empty() && yi_after_vowel(word, morph_cuts.back())) morph_cuts.pop_back();
    if (mode_ == "morph") {
      cuts.insert(cuts.end(), morph_cuts.begin(), morph_cuts.end());
      return;
    }
    // auto: the rule tables decide where they cut (they follow the KurdishTokenization convention
    // on stems attested in the corpus); where they leave a word whole, the analyzer's inflectional
    // boundaries are used. (Letting the analyzer overrule the rules, or veto them, measured worse:
    // tok F1 0.815 and 0.839 against 0.866 for the rules; see docs/tokenize.md.)
    std::vector<uint32_t> rule_cuts;
    rules_.segment(word, rule_cuts);
    const auto& chosen = rule_cuts.empty() ? morph_cuts : rule_cuts;
    cuts.insert(cuts.end(), chosen.begin(), chosen.end());
  }
  std::string mode_ = "auto";

 private:
  // The stem left by an analyzer cut has at least three letters
  // (ە + کە + وە, کر + ێ, ئا + ی are artefacts of one- and two-letter lexicon entries).
  static bool stem_ok(const Analysis& a) {
    if (a.morphs.empty()) return false;
    std::string_view stem = a.morphs[0].form;
    size_t letters = 0;
    for (unsigned char c : stem) letters += (c & 0xC0) != 0x80;
    return letters >= 3;
  }
  // The word ends in vowel letter (ا ە ۆ ێ و) + یی, and `cut` falls inside that یی.
  static bool yi_after_vowel(std::string_view word, size_t cut) {
    static constexpr std::string_view kYi = "\u06CC\u06CC";  // each letter is 2 bytes
    if (word.size() < kYi.size() + 2 || word.substr(word.size() - kYi.size()) != kYi) return false;
    size_t yi = word.size() - kYi.size();
    if (cut < yi) return false;
    std::string_view before = word.substr(yi - 2, 2);
    for (std::string_view v : {"\u0627", "\u06D5", "\u06C6", "\u06CE", "\u0648"})
      if (before == v) return true;
    return false;
  }
  static bool cut_tag(std::string_view tag) {
    for (std::string_view p : {"DEF", "INDF", "PL", "PSS", "LGSPEC1", "LGSPEC4", "ADP"})
      if (tag.substr(0, p.size()) == p) return true;
    return false;
  }
  Analyzer analyzer_;
  RuleSegmenter rules_;
};

struct Flags {
  bool split_clitics = false;
  std::string segmenter = "auto";
  std::string format = "text";
  bool no_dates = false;
  size_t min_count = 1;
};
Flags flags;


// Calls fn(line, offset_of_line, line_number) for each line of a whole document ("\r\n" or "\n").
template <class F>
void for_lines(std::string_view doc, F&& fn) {
  size_t pos = 0, no = 1;
  while (pos < doc.size()) {
    size_t nl = doc.find('\n', pos);
    size_t end = nl == std::string_view::npos ? doc.size() : nl;
    size_t text_end = end > pos && doc[end - 1] == '\r' ? end - 1 : end;
    fn(doc.substr(pos, text_end - pos), pos, no++);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

int run(Common& common) {
  TokenizeOptions o;
  o.split_clitics = flags.split_clitics;
  o.dates = !flags.no_dates;
  const std::string& f = flags.format;
  if (f != "text" && f != "jsonl" && f != "conllu" && f != "counts") {
    error("unknown --format '" + f + "' (text, jsonl, conllu or counts)");
    return kExitUsage;
  }
  o.multiword = f == "jsonl";
  if (flags.segmenter != "auto" && flags.segmenter != "rules" && flags.segmenter != "morph") {
    error("unknown --segmenter '" + flags.segmenter + "' (auto, rules or morph)");
    return kExitUsage;
  }
  std::unique_ptr<AnalyzerSegmenter> segmenter;
  if (o.split_clitics) {
    segmenter = std::make_unique<AnalyzerSegmenter>();
    segmenter->mode_ = flags.segmenter;
  }
  Tokenizer tokenizer(o, segmenter.get());
  std::vector<Token> tokens;

  if (f == "text") {
    return process_lines(common, [&](std::string_view line, bool, std::string& out) {
      tokens.clear();
      tokenizer.tokenize(line, tokens);
      // A long line comes in pieces cut at blanks: keep one space between the pieces' tokens.
      if (!tokens.empty() && !out.empty() && out.back() != '\n' && out.back() != '\r') out += ' ';
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (i) out += ' ';
        out.append(line.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
      }
    });
  }
  if (f == "counts") {
    std::unordered_map<std::string, size_t> counts;
    int rc = process_documents(common, [&](std::string_view doc, std::string&) {
      for_lines(doc, [&](std::string_view line, size_t, size_t) {
        tokens.clear();
        tokenizer.tokenize(line, tokens);
        for (const Token& t : tokens)
          if (t.type == TokenType::kWord) ++counts[tokenizer.normalized(t.text(line))];
      });
    });
    std::vector<std::pair<std::string, size_t>> rows(counts.begin(), counts.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::string out;
    for (const auto& [w, c] : rows) {
      if (c < flags.min_count) break;
      out += w; out += '\t'; out += std::to_string(c); out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return rc;
  }
  return process_documents(common, [&](std::string_view doc, std::string& out) {
    for_lines(doc, [&](std::string_view line, size_t base, size_t no) {
      tokens.clear();
      tokenizer.tokenize(line, tokens, base);
      if (f == "jsonl") {
        for (const Token& t : tokens) {
          std::string_view text = doc.substr(t.begin, t.end - t.begin);
          out += "{\"line\":" + std::to_string(no) + ",\"start\":" + std::to_string(t.begin) +
                 ",\"end\":" + std::to_string(t.end) + ",\"type\":\"" + to_string(t.type) + "\",\"text\":\"";
          append_json_escaped(out, text);
          out += '"';
          if (t.type == TokenType::kWord || t.type == TokenType::kAbbreviation) {
            std::string norm = tokenizer.normalized(text);
            if (norm != text) { out += ",\"norm\":\""; append_json_escaped(out, norm); out += '"'; }
          }
          if (t.mwe >= 0) { out += ",\"mwe\":\""; append_json_escaped(out, tokenizer.mwe_form(t.mwe)); out += '"'; }
          if (t.clitic) out += ",\"clitic\":true";
          if (!t.space_after) out += ",\"space_after\":false";
          out += "}\n";
        }
      } else {  // conllu: one sentence block per non-empty line
        if (tokens.empty()) return;
        out += "# text = "; out.append(line); out += '\n';
        for (size_t i = 0; i < tokens.size(); ++i) {
          const Token& t = tokens[i];
          std::string form(doc.substr(t.begin, t.end - t.begin));
          std::replace(form.begin(), form.end(), '\t', ' ');
          out += std::to_string(i + 1) + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t";
          if (!t.space_after && i + 1 < tokens.size()) out += "SpaceAfter=No|";
          out += "TokenRange=" + std::to_string(t.begin) + ":" + std::to_string(t.end) + "\n";
        }
        out += '\n';
      }
    });
  });
}

Registrar reg({"tokenize",
               "tokens with types and byte offsets (text: tokens separated by spaces, line-preserving)",
               "echo 'کتێبەکانیان لە ١٩ - ١١ - ٢٠٢١ کڕی.' | kurdi tokenize --split-clitics   # -> کتێب ەکان یان لە ١٩ - ١١ - ٢٠٢١ کڕی .",
               [](CLI::App& app, Common&) {
                 app.add_flag("--split-clitics", flags.split_clitics,
                              "cut words into stem, determiners, clitics and postpositions");
                 app.add_option("--segmenter", flags.segmenter,
                                "with --split-clitics: auto (default: the morphological analyzer for the words it "
                                "knows, the rule tables for the rest), rules, or morph");
                 app.add_option("--format", flags.format, "text (default), jsonl, conllu, or counts (word frequencies)");
                 app.add_flag("--no-dates", flags.no_dates, "do not join date and time patterns into one token");
                 app.add_option("--min-count", flags.min_count, "with --format counts: omit rarer words (default 1)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
