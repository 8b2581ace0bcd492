// FrequencyModel: word counts learned from raw text (kurdi spell --learn) or read from TSV.
#include <algorithm>
#include <charconv>

#include "spell/internal.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(spell_freq_tsv)

namespace kurdi {

FrequencyModel::FrequencyModel() : impl_(std::make_unique<Impl>()) {}
FrequencyModel::~FrequencyModel() = default;
FrequencyModel::FrequencyModel(FrequencyModel&&) noexcept = default;
FrequencyModel& FrequencyModel::operator=(FrequencyModel&&) noexcept = default;
FrequencyModel::FrequencyModel(const FrequencyModel& o) : impl_(std::make_unique<Impl>()) {
  impl_->counts = o.impl_->counts;
  impl_->total = o.impl_->total;
}

const FrequencyModel& FrequencyModel::builtin() {
  static const FrequencyModel model = [] {
    FrequencyModel m;
    const auto& t = tables::spell_freq_tsv;
    int cw = t.column("word"), cc = t.column("count");
    m.impl_->counts.reserve(t.rows);
    t.for_each_row([&](const std::vector<std::string_view>& f, size_t) {
      long n = 0;
      std::from_chars(f[cc].data(), f[cc].data() + f[cc].size(), n);
      m.add(f[cw], n);
    });
    return m;
  }();
  return model;
}

Result<FrequencyModel> FrequencyModel::parse(std::string_view tsv) {
  FrequencyModel m;
  size_t pos = 0, line_no = 0;
  bool header = false;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (!header) {
      header = true;
      if (line.substr(0, tab).find("word") != std::string_view::npos) continue;
    }
    if (tab == std::string_view::npos)
      return Error{ErrorCode::kCorrupt, "model line " + std::to_string(line_no) + ": expected word<TAB>count"};
    std::string_view num = line.substr(tab + 1);
    size_t tab2 = num.find('\t');
    if (tab2 != std::string_view::npos) num = num.substr(0, tab2);
    long n = 0;
    auto r = std::from_chars(num.data(), num.data() + num.size(), n);
    if (r.ec != std::errc() || n < 0)
      return Error{ErrorCode::kCorrupt, "model line " + std::to_string(line_no) + ": bad count"};
    m.add(line.substr(0, tab), n);
  }
  return m;
}

void FrequencyModel::add(std::string_view word, long count) {
  if (word.empty() || count <= 0) return;
  auto it = impl_->counts.find(word);
  if (it == impl_->counts.end()) impl_->counts.emplace(std::string(word), count);
  else it->second += count;
  impl_->total += count;
}

void FrequencyModel::learn_line(std::string_view line, bool all_lines) {
  if (!all_lines) {
    // Standard-looking lines only: at least one letter that Arabic/Persian keyboards lack.
    bool standard = false;
    for (size_t i = 0; i < line.size() && !standard;) {
      int len = 1;
      char32_t c = utf8::decode(line, i, len);
      standard = c == U'ە' || c == U'ێ' || c == U'ۆ' || c == U'ڵ' || c == U'ڕ';
      i += static_cast<size_t>(len);
    }
    if (!standard) return;
  }
  if (!impl_->normalizer) {
    NormalizeOptions o = NormalizeOptions::standard();
    o.convention_repair = false;
    impl_->normalizer = std::make_unique<Normalizer>(o);
  }
  std::string norm = impl_->normalizer->normalize(line);
  std::vector<std::pair<size_t, size_t>> spans;
  spell::arabic_words(norm, spans);
  std::string w;
  for (auto [s, e] : spans) {
    w.clear();
    for (size_t i = s; i < e; ++i) {
      // drop ZWNJ (E2 80 8C)
      if (i + 2 < e && static_cast<unsigned char>(norm[i]) == 0xE2 &&
          static_cast<unsigned char>(norm[i + 1]) == 0x80 && static_cast<unsigned char>(norm[i + 2]) == 0x8C) {
        i += 2;
        continue;
      }
      w.push_back(norm[i]);
    }
    if (!w.empty()) add(w, 1);
  }
}

std::string FrequencyModel::to_tsv(long min_count, std::string_view comment) const {
  std::vector<std::pair<std::string_view, long>> rows;
  for (const auto& [w, n] : impl_->counts)
    if (n >= min_count) rows.emplace_back(w, n);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::string out;
  if (!comment.empty()) {
    size_t pos = 0;
    while (pos < comment.size()) {
      size_t end = comment.find('\n', pos);
      if (end == std::string_view::npos) end = comment.size();
      out += "# ";
      out += comment.substr(pos, end - pos);
      out += '\n';
      pos = end + 1;
    }
  }
  out += "*word\tcount\n";
  for (const auto& [w, n] : rows) {
    out += w;
    out += '\t';
    out += std::to_string(n);
    out += '\n';
  }
  return out;
}

long FrequencyModel::count(std::string_view word) const {
  auto it = impl_->counts.find(word);
  return it == impl_->counts.end() ? 0 : it->second;
}
long FrequencyModel::total() const { return impl_->total; }
size_t FrequencyModel::size() const { return impl_->counts.size(); }

}  // namespace kurdi
