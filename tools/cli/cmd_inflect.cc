// kurdi inflect: generation. `kurdi inflect LEMMA TAGS`, or stdin lines `lemma<TAB>tags`
// (one output line per input line: the forms, separated by '|'; empty when none, and standard error
// says how many lines had none).
#include <filesystem>

#include "cli.h"
#include "kurdi/morph.h"

namespace kurdi::cli {
namespace {

struct Flags {
  bool all = false;
};
Flags flags;

int run(Common& common) {
  Analyzer analyzer;
  size_t lines = 0, none = 0;
  auto emit = [&](std::string_view lemma, std::string_view tags, std::string& out) {
    auto forms = analyzer.inflect(lemma, tags);
    ++lines;
    if (forms.empty()) ++none;
    size_t n = flags.all ? forms.size() : std::min<size_t>(forms.size(), 1);
    for (size_t k = 0; k < n; ++k) {
      if (k) out += '|';
      out += forms[k];
    }
  };
  // `inflect LEMMA TAGS`: two arguments, the first not an existing file
  if (common.files.size() == 2 && !std::filesystem::exists(common.files[0])) {
    std::string out;
    emit(common.files[0], common.files[1], out);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (none)
      std::fprintf(stderr,
                   "kurdi inflect: no form of %s with %s (a lemma the lexicon does not know, or tags it cannot "
                   "build; `kurdi analyze` shows the tags of a known form)\n",
                   common.files[0].c_str(), common.files[1].c_str());
    return kExitOk;
  }
  size_t untabbed = 0;
  const int rc = process_lines(common, [&](std::string_view line, bool, std::string& out) {
    size_t t = line.find('\t');
    if (t == std::string_view::npos) {
      if (!line.empty()) ++untabbed;
      return;
    }
    std::string_view lemma = line.substr(0, t);
    std::string_view tags = line.substr(t + 1);
    size_t t2 = tags.find('\t');  // lemma<TAB>form<TAB>tags (UniMorph rows): use the last column
    if (t2 != std::string_view::npos) tags = tags.substr(t2 + 1);
    if (!tags.empty() && tags.back() == '\r') tags.remove_suffix(1);
    emit(lemma, tags, out);
  }, true);
  if (none)
    std::fprintf(stderr, "kurdi inflect: no form for %zu of %zu line(s) (unknown lemma, or tags it cannot build)\n",
                 none, lines);
  if (untabbed)
    std::fprintf(stderr, "kurdi inflect: %zu line(s) without a TAB between lemma and tags left empty\n",
                 untabbed);
  return rc;
}

Registrar reg({"inflect", "generate the surface form of LEMMA with UniMorph TAGS (or lemma<TAB>tags lines on stdin)",
               "kurdi inflect کتێب 'N;DEF;PL'   # -> کتێبەکان",
               [](CLI::App& app, Common&) {
                 app.add_flag("--all", flags.all, "all forms, separated by |");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
