// kurdi stem: the search stem of each word (conflates the inflections of a lemma), line-preserving.
#include "cli.h"
#include "kurdi/morph.h"

namespace kurdi::cli {
namespace {

int run(Common& common) {
  Analyzer analyzer;
  MorphCache cache(analyzer);
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    size_t i = 0;
    bool first = true;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      if (i >= line.size()) break;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
      if (!first) out += ' ';
      first = false;
      out += cache.stem(line.substr(i, j - i));
      i = j;
    }
  }, true);
}

Registrar reg({"stem", "search stem of each word (all inflections of a lemma share it), line by line",
               "echo 'شارەکانماندا' | kurdi stem   # -> شار", [](CLI::App&, Common&) {}, run});

}  // namespace
}  // namespace kurdi::cli
