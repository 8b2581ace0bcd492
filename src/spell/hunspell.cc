// Hunspell export: DIR/ckb.dic + DIR/ckb.aff from the frequency model, the suffix table and the
// confusion model.
//
// What Hunspell can express: the valid word forms of the model as dictionary entries, the nominal
// clitic suffixes of data/spell/affixes.tsv as one suffix class (flag A, no chaining) on words seen
// at least 5 times, and the confusion pairs as REP rules for suggestions. What it cannot: the verb
// morphology of the analyzer (prefix + stem + agreement + clitic slots) and the noisy-channel ranking.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "spell/internal.h"

namespace kurdi {

Status SpellChecker::export_hunspell(const std::string& dir) const {
  const Impl& im = *impl_;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::ofstream aff(dir + "/ckb.aff", std::ios::binary), dic(dir + "/ckb.dic", std::ios::binary);
  if (!aff || !dic) return Error{ErrorCode::kIo, "cannot write " + dir + "/ckb.aff or ckb.dic"};
  aff << "# Central Kurdish (Sorani), exported by kurdi spell --export-hunspell\n"
      << "SET UTF-8\n"
      << "TRY ەایرنوکدتمبهلسێۆشگزپجڕڵچخفقعحغژڤئ\n"
      << "WORDCHARS \u200c\n"
      << "MAXDIFF 1\n\n";
  const auto& reps = im.errors.rep_pairs();
  size_t nrep = 0;
  for (const auto& [a, b] : reps)
    if (!a.empty() && !b.empty()) ++nrep;
  aff << "REP " << nrep * 2 << "\n";
  for (const auto& [a, b] : reps) {
    if (a.empty() || b.empty()) continue;
    aff << "REP " << utf8::from_u32(a) << " " << utf8::from_u32(b) << "\n";
    aff << "REP " << utf8::from_u32(b) << " " << utf8::from_u32(a) << "\n";
  }
  aff << "\nSFX A Y " << im.suffixes.size() << "\n";
  for (const auto& s : im.suffixes) aff << "SFX A 0 " << s << " .\n";
  // The words the checker accepts: dominated entries (typos that made it into the corpus) are left out.
  // (The model's words only: the analyzer's lexicon forms after them are not exported.)
  size_t n = 0;
  for (size_t i = 0; i < im.model_entries; ++i) n += im.entries[i].dominated ? 0 : 1;
  dic << n << "\n";
  for (size_t i = 0; i < im.model_entries; ++i) {
    const auto& e = im.entries[i];
    if (e.dominated) continue;
    dic << e.word;
    if (e.count >= 5) dic << "/A";
    dic << "\n";
  }
  aff.close();
  dic.close();
  if (!aff || !dic) return Error{ErrorCode::kIo, "write error in " + dir};
  return {};
}

}  // namespace kurdi
