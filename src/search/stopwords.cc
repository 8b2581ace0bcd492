// Stop words of data/stopwords/sorani.tsv, by category.
#include <string>
#include <unordered_map>

#include "kurdi/normalize.h"
#include "kurdi/search.h"
#include "search/internal.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(stopwords_sorani_tsv)

namespace kurdi {
namespace {

StopCategory category_from_name(std::string_view name) {
  if (name == "preposition") return kStopPreposition;
  if (name == "conjunction") return kStopConjunction;
  if (name == "pronoun") return kStopPronoun;
  if (name == "auxiliary") return kStopAuxiliary;
  return kStopParticle;
}

struct StopTable {
  std::vector<StopWord> list;
  std::unordered_map<std::string, unsigned> map;
  StopTable() {
    const auto& t = tables::stopwords_sorani_tsv;
    int cw = t.column("word"), cc = t.column("category"), cy = t.column("why");
    Normalizer norm(NormalizeOptions::search());
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      std::string w = norm.normalize(f[cw]);
      StopCategory c = category_from_name(f[cc]);
      list.push_back({w, c, std::string(f[cy])});
      map[w] |= c;
    });
  }
};

const StopTable& table() {
  static const StopTable t;
  return t;
}

}  // namespace

const char* to_string(StopCategory c) {
  switch (c) {
    case kStopPreposition: return "preposition";
    case kStopConjunction: return "conjunction";
    case kStopPronoun: return "pronoun";
    case kStopAuxiliary: return "auxiliary";
    case kStopParticle: return "particle";
    default: return "all";
  }
}

Result<unsigned> parse_stop_categories(std::string_view list) {
  if (list == "all") return unsigned{kStopAll};
  if (list == "none" || list.empty()) return 0u;
  unsigned mask = 0;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    std::string_view name = list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    if (name == "preposition") mask |= kStopPreposition;
    else if (name == "conjunction") mask |= kStopConjunction;
    else if (name == "pronoun") mask |= kStopPronoun;
    else if (name == "auxiliary") mask |= kStopAuxiliary;
    else if (name == "particle") mask |= kStopParticle;
    else
      return Error{ErrorCode::kBadOption,
                   "unknown stop-word category '" + std::string(name) +
                       "' (preposition, conjunction, pronoun, auxiliary, particle, all, none)"};
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return mask;
}

unsigned stopword_category_normalized(std::string_view normalized) {
  const auto& m = table().map;
  auto it = m.find(std::string(normalized));
  return it == m.end() ? 0u : it->second;
}

unsigned stopword_category(std::string_view word) {
  static const Normalizer norm(NormalizeOptions::search());
  return stopword_category_normalized(norm.normalize(word));
}

const std::vector<StopWord>& stopwords() { return table().list; }

}  // namespace kurdi
