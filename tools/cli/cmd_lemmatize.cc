// kurdi lemmatize: the lemma of each word, line-preserving (words of a line are separated by spaces).
#include <thread>

#include "cli.h"
#include "kurdi/morph.h"

namespace kurdi::cli {
namespace {

struct Flags {
  int alternatives = 1;
  bool no_guess = false;
};
Flags flags;


int run(Common& common) {
  MorphOptions o;
  o.guess = !flags.no_guess;
  Analyzer analyzer(o);
  MorphCache cache(analyzer);
  size_t n = flags.alternatives < 1 ? 1 : static_cast<size_t>(flags.alternatives);
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    for_words(line, out, [&](std::string_view w, std::string& o2) {
      if (n == 1) { o2 += cache.lemma(w); return; }
      auto ls = analyzer.lemmas(w, n);
      for (size_t k = 0; k < ls.size(); ++k) {
        if (k) o2 += '|';
        o2 += ls[k];
      }
    });
  }, true);
}

Registrar reg({"lemmatize", "the lemma of each word (verbs: the infinitive; nominals: bare singular), line by line",
               "echo 'کتێبەکانیان نەکراوەتەوە' | kurdi lemmatize   # -> کتێب کردن",
               [](CLI::App& app, Common&) {
                 app.add_option("--alternatives,-n", flags.alternatives, "ranked lemmas per word, as a|b|c (default 1)");
                 app.add_flag("--no-guess", flags.no_guess, "unknown stems stay as they are (no guesser)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
