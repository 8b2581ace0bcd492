// kurdi inflect: generation. `kurdi inflect LEMMA TAGS`, or stdin lines `lemma<TAB>tags`
// (one output line per input line: the forms, separated by '|'; empty when none).
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
  auto emit = [&](std::string_view lemma, std::string_view tags, std::string& out) {
    auto forms = analyzer.inflect(lemma, tags);
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
    return kExitOk;
  }
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    size_t t = line.find('\t');
    if (t == std::string_view::npos) return;
    std::string_view lemma = line.substr(0, t);
    std::string_view tags = line.substr(t + 1);
    size_t t2 = tags.find('\t');  // lemma<TAB>form<TAB>tags (UniMorph rows): use the last column
    if (t2 != std::string_view::npos) tags = tags.substr(t2 + 1);
    if (!tags.empty() && tags.back() == '\r') tags.remove_suffix(1);
    emit(lemma, tags, out);
  }, true);
}

Registrar reg({"inflect", "generate the surface form of LEMMA with UniMorph TAGS (or lemma<TAB>tags lines on stdin)",
               "kurdi inflect کتێب 'N;DEF;PL'   # -> کتێبەکان",
               [](CLI::App& app, Common&) {
                 app.add_flag("--all", flags.all, "all forms, separated by |");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
