// kurdi serve: POST /v1/spell.
// kurdi-stages: spell tokenize serve
#include "kurdi/spell.h"
#include "kurdi/tokenize.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

const SpellChecker& checker() {
  static const SpellChecker sc;
  return sc;
}

Json suggestions_json(const std::vector<Suggestion>& sugs) {
  Json a = Json::array();
  for (const Suggestion& s : sugs) a.push_back(s.word);
  return a;
}

Reply spell(const Call& c) {
  const SpellChecker& sc = checker();
  size_t n = static_cast<size_t>(c.integer("suggestions"));
  Json out = Json::array();
  if (c.str("mode") == "words") {
    // Every word judged alone (as `kurdi spell` does for a word list).
    static const Tokenizer tokenizer;
    std::vector<Token> tokens;
    tokenizer.tokenize(c.text, tokens);
    size_t k = 0;
    for (const Token& t : tokens) {
      if (t.type != TokenType::kWord) continue;
      std::string_view w = t.text(c.text);
      bool ok = sc.check(w);
      Json j = {{"word", w}, {"start", t.begin}, {"end", t.end}, {"ok", ok}};
      if (!ok) j["suggestions"] = suggestions_json(sc.suggest(w, n));
      out.push_back(std::move(j));
      if (++k % 64 == 0 && c.expired()) return timeout_reply(c);
    }
    return Reply::ok(std::move(out));
  }
  // Running text: only the words with a likely correction are flagged.
  for (const SpellFlag& f : sc.check_text(c.text, n))
    out.push_back({{"word", f.word}, {"start", f.start}, {"end", f.end}, {"ok", false},
                   {"suggestions", suggestions_json(f.suggestions)}});
  return Reply::ok(std::move(out));
}

OpRegistrar reg({"spell", "spell", "spelling errors with suggestions (byte offsets into the text)",
                 "پشکنینی ڕێنووس و پێشنیاری ڕاستکردنەوە", false, false,
                 {enum_field("mode", {"text", "words"}, "text",
                             "text: flag words of running text that have a likely correction; words: judge every word alone"),
                  int_field("suggestions", 5, 0, 20, "suggestions per flagged word")},
                 "ئەمە زۆر پیویست بوو", spell});

}  // namespace
}  // namespace kurdi::serve
