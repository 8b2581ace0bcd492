// kurdi serve: POST /v1/analyze, /v1/lemmatize, /v1/stem, /v1/inflect.
// kurdi-stages: morph tokenize serve
#include "kurdi/morph.h"
#include "kurdi/tokenize.h"
#include "words.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

using cli::for_words;

EngineCache cache;

std::shared_ptr<const Analyzer> analyzer(const Call& c) {
  Json key = {{"guess", c.options.contains("guess") ? c.flag("guess") : true},
              {"max", c.options.contains("max") ? c.integer("max") : 16}};
  return cache.get<Analyzer>(canonical(key), [&] {
    MorphOptions o;
    o.guess = key["guess"].get<bool>();
    o.max_analyses = static_cast<size_t>(key["max"].get<long long>());
    return std::make_shared<const Analyzer>(o);
  });
}

const Tokenizer& word_finder() {
  static const Tokenizer t;
  return t;
}

Reply analyze(const Call& c) {
  auto a = analyzer(c);
  Json out = Json::array();
  std::vector<Token> tokens;
  word_finder().tokenize(c.text, tokens);
  size_t n = 0;
  for (const Token& t : tokens) {
    if (t.type != TokenType::kWord) continue;
    std::string_view w = t.text(c.text);
    Json analyses = Json::array();
    for (const Analysis& an : a->analyze(w)) {
      Json morphs = Json::array();
      for (const Morph& m : an.morphs)
        morphs.push_back({{"form", m.form}, {"tag", m.tag}, {"start", t.begin + m.start}, {"end", t.begin + m.end}});
      analyses.push_back({{"lemma", an.lemma},
                          {"pos", an.pos},
                          {"features", an.features},
                          {"guessed", an.guessed},
                          {"induced", an.induced},
                          {"score", an.score},
                          {"morphs", std::move(morphs)}});
    }
    out.push_back({{"word", w}, {"start", t.begin}, {"end", t.end}, {"analyses", std::move(analyses)}});
    if (++n % 64 == 0 && c.expired()) return timeout_reply(c);
  }
  return Reply::ok(std::move(out));
}

Reply lemmatize(const Call& c) {
  auto a = analyzer(c);
  size_t n = static_cast<size_t>(c.integer("alternatives"));
  std::string out;
  bool ok = map_lines(c, out, [&](std::string_view line, std::string& o) {
    for_words(line, o, [&](std::string_view w, std::string& o2) {
      if (n <= 1) { o2 += a->lemma(w); return; }
      auto ls = a->lemmas(w, n);
      for (size_t k = 0; k < ls.size(); ++k) {
        if (k) o2 += '|';
        o2 += ls[k];
      }
    });
  });
  if (!ok) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Reply stem(const Call& c) {
  auto a = analyzer(c);
  std::string out;
  bool ok = map_lines(c, out, [&](std::string_view line, std::string& o) {
    for_words(line, o, [&](std::string_view w, std::string& o2) { o2 += a->stem(w); });
  });
  if (!ok) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Reply inflect(const Call& c) {
  std::string tags = c.str("tags");
  if (tags.empty()) return Reply::fail(400, "field \"tags\" of inflect is required: UniMorph features such as \"N;DEF;PL\"");
  std::string lemma(c.text);
  while (!lemma.empty() && (lemma.back() == ' ' || lemma.back() == '\n' || lemma.back() == '\r')) lemma.pop_back();
  Json out = Json::array();
  for (const std::string& f : analyzer(c)->inflect(lemma, tags)) out.push_back({{"form", f}});
  return Reply::ok(std::move(out));
}

OpRegistrar reg_an({"analyze", "morph", "every analysis of each word: lemma, POS, UniMorph features, segmentation (ranked)",
                    "شیکردنەوەی وشە: ڕەگ، جۆر، تایبەتمەندی و بەشەکانی وشە", false, false,
                    {int_field("max", 16, 0, 256, "analyses per word (0 = all)"),
                     bool_field("guess", true, "analyse unknown stems with the guesser")},
                    "کتێبەکانیان", analyze});
OpRegistrar reg_lem({"lemmatize", "morph", "the lemma of each word (verbs: the infinitive), line by line",
                     "ڕەگی وشەکان (بۆ کردار: چاوگ)", true, false,
                     {int_field("alternatives", 1, 1, 16, "ranked lemmas per word, written a|b|c"),
                      bool_field("guess", true, "unknown stems go through the guesser")},
                     "کتێبەکانیان نەکراوەتەوە", lemmatize});
OpRegistrar reg_stem({"stem", "morph", "search stem of each word (all inflections of a lemma share it), line by line",
                      "قەدی وشە بۆ گەڕان", true, false, {}, "شارەکانماندا", stem});
OpRegistrar reg_inf({"inflect", "morph", "surface forms of a lemma (text) with UniMorph features (tags)",
                     "دروستکردنی شێوەکانی وشە لە ڕەگ و تایبەتمەندی", false, false,
                     {string_field("tags", "", "UniMorph features, e.g. N;DEF;PL or V;PST;IND;ARGNO1S")},
                     "کتێب", inflect});

}  // namespace
}  // namespace kurdi::serve
