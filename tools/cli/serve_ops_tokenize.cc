// kurdi serve: POST /v1/tokenize and /v1/sentences.
// kurdi-stages: tokenize sentences morph serve
#include <memory>

#include "kurdi/morph.h"
#include "kurdi/sentences.h"
#include "kurdi/tokenize.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

struct TokEngine {
  std::unique_ptr<AnalyzerSegmenter> segmenter;  // declared first: outlives the tokenizer
  std::unique_ptr<Tokenizer> tokenizer;
};

EngineCache tok_cache, sent_cache;

Reply tokenize(const Call& c) {
  auto e = tok_cache.get<TokEngine>(canonical(c.options), [&] {
    auto t = std::make_shared<TokEngine>();
    TokenizeOptions o;
    o.split_clitics = c.flag("split_clitics");
    o.dates = c.flag("dates");
    o.urls = c.flag("urls");
    o.multiword = c.flag("multiword");
    if (o.split_clitics) t->segmenter = std::make_unique<AnalyzerSegmenter>(c.str("segmenter"));
    t->tokenizer = std::make_unique<Tokenizer>(o, t->segmenter.get());
    return std::shared_ptr<const TokEngine>(t);
  });
  Json out = Json::array();
  std::vector<Token> tokens;
  std::string_view text = c.text;
  bool in_time = for_each_line(c, [&](std::string_view line, size_t offset, size_t line_no) {
    tokens.clear();
    e->tokenizer->tokenize(line, tokens, offset);
    for (const Token& t : tokens) {
      std::string_view s = t.text(text);
      Json j = {{"text", s}, {"type", to_string(t.type)}, {"start", t.begin}, {"end", t.end}, {"line", line_no}};
      if (t.type == TokenType::kWord || t.type == TokenType::kAbbreviation) {
        std::string norm = e->tokenizer->normalized(s);
        if (norm != s) j["norm"] = std::move(norm);
      }
      if (t.clitic) j["clitic"] = true;
      if (!t.space_after) j["space_after"] = false;
      if (t.mwe >= 0) j["mwe"] = e->tokenizer->mwe_form(t.mwe);
      out.push_back(std::move(j));
    }
  });
  if (!in_time) return timeout_reply(c);
  return Reply::ok(std::move(out));
}

Reply sentences(const Call& c) {
  auto s = sent_cache.get<SentenceSplitter>(canonical(c.options), [&] {
    SentenceOptions o;
    o.quotes = c.flag("quotes");
    o.ellipsis_ends = c.flag("ellipsis_ends");
    o.list_items = c.flag("list_items");
    return std::make_shared<const SentenceSplitter>(o);
  });
  const bool wrapped = c.flag("wrapped");
  Json out = Json::array();
  std::vector<SentenceSpan> spans;
  std::string_view text = c.text;
  size_t pos = 0, line_no = 1;
  while (pos < text.size()) {
    // A paragraph: one line, or (wrapped) lines up to a blank line.
    size_t end = pos, lines = 0;
    for (;;) {
      size_t nl = text.find('\n', end);
      size_t stop = nl == std::string_view::npos ? text.size() : nl;
      std::string_view line = text.substr(end, stop - end);
      bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
      if (wrapped && blank && lines > 0) break;
      end = nl == std::string_view::npos ? text.size() : nl + 1;
      ++lines;
      if (!wrapped || blank || nl == std::string_view::npos) break;
    }
    spans.clear();
    s->split(text.substr(pos, end - pos), spans, pos);
    for (const SentenceSpan& sp : spans) {
      std::string flat;
      std::string_view raw = text.substr(sp.begin, sp.end - sp.begin);
      for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
        flat += raw[i] == '\n' ? ' ' : raw[i];
      }
      out.push_back({{"text", std::move(flat)}, {"start", sp.begin}, {"end", sp.end}, {"line", line_no}});
    }
    line_no += lines;
    pos = end;
    if (c.expired()) return timeout_reply(c);
  }
  return Reply::ok(std::move(out));
}

OpRegistrar reg_tok({"tokenize", "tokenize", "tokens with types and byte offsets into the text",
                     "وشەکان: هەر وشە و نیشانەیەک بە جۆر و شوێنەکەیەوە", false, false,
                     {bool_field("split_clitics", false, "cut words into stem, determiners, clitics and postpositions"),
                      enum_field("segmenter", {"auto", "rules", "morph"}, "auto",
                                 "with split_clitics: the analyzer for the words it knows and the rules for the rest (auto), rules, or morph"),
                      bool_field("dates", true, "join date and time patterns into one token"),
                      bool_field("urls", true, "recognize URLs, e-mail addresses, hashtags and mentions"),
                      bool_field("multiword", false, "tag multiword expressions (mwe: their one-word form)")},
                     "کتێبەکانیان لە ١٩ - ١١ - ٢٠٢١ کڕی.", tokenize});

OpRegistrar reg_sent({"sentences", "sentences", "sentences with byte offsets (each line is a paragraph unless wrapped)",
                      "ڕستەکان: دابەشکردنی دەق بۆ ڕستە", false, false,
                      {bool_field("wrapped", false, "lines are hard-wrapped: paragraphs end at blank lines"),
                       bool_field("ellipsis_ends", false, "an ellipsis followed by more text ends a sentence"),
                       bool_field("quotes", true, "do not split inside quotations/brackets closed later in the paragraph"),
                       bool_field("list_items", true, "\"1. \" at the start of a paragraph is not a sentence")},
                      "د. کەمال هات. ئایا دەڕۆیت؟ بەڵێ!", sentences});

}  // namespace
}  // namespace kurdi::serve
