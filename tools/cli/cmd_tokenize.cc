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
  if (!AnalyzerSegmenter::valid_mode(flags.segmenter)) {
    error("unknown --segmenter '" + flags.segmenter + "' (auto, rules or morph)");
    return kExitUsage;
  }
  std::unique_ptr<AnalyzerSegmenter> segmenter;
  if (o.split_clitics) {
    segmenter = std::make_unique<AnalyzerSegmenter>(flags.segmenter);
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
        out += "# text = "; out += utf8::sanitize(line); out += '\n';
        for (size_t i = 0; i < tokens.size(); ++i) {
          const Token& t = tokens[i];
          std::string form = utf8::sanitize(doc.substr(t.begin, t.end - t.begin));
          std::replace(form.begin(), form.end(), '\t', ' ');
          out += std::to_string(i + 1) + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t";
          if (!t.space_after && i + 1 < tokens.size()) out += "SpaceAfter=No|";
          out += "TokenRange=" + std::to_string(t.begin) + ":" + std::to_string(t.end) + "\n";
        }
        out += '\n';
      }
    });
  }, InputBytes::kRaw);  // offsets index the input as read; JSON strings and CoNLL-U forms get U+FFFD
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
