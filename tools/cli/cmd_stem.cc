// kurdi stem: the search stem of each word (conflates the inflections of a lemma), line-preserving.
#include "cli.h"
#include "kurdi/morph.h"

namespace kurdi::cli {
namespace {

int run(Common& common) {
  Analyzer analyzer;
  MorphCache cache(analyzer);
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    for_words(line, out, [&](std::string_view word, std::string& o) { o += cache.stem(word); });
  }, true);
}

Registrar reg({"stem", "search stem of each word (all inflections of a lemma share it), line by line",
               "echo 'شارەکانماندا' | kurdi stem   # -> شار", [](CLI::App&, Common&) {}, run});

}  // namespace
}  // namespace kurdi::cli
