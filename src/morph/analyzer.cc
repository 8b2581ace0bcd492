// Stub implementation of kurdi::Analyzer (identity analysis); the real grammar follows.
#include "kurdi/morph.h"

#include <unordered_map>

namespace kurdi {

struct Analyzer::Impl {
  MorphOptions options;
};

Analyzer::Analyzer() : Analyzer(MorphOptions{}) {}
Analyzer::Analyzer(const MorphOptions& options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
const MorphOptions& Analyzer::options() const { return impl_->options; }

std::vector<Analysis> Analyzer::analyze(std::string_view word) const {
  if (word.empty()) return {};
  std::vector<Analysis> out(1);
  Analysis& a = out[0];
  a.lemma.assign(word.begin(), word.end());
  a.pos = "N";
  a.features = "N";
  a.morphs.resize(1);
  a.morphs[0].form = a.lemma;
  a.morphs[0].tag = "STEM";
  a.morphs[0].end = word.size();
  a.guessed = true;
  return out;
}
std::string Analyzer::lemma(std::string_view word) const { return std::string(word); }
std::vector<std::string> Analyzer::lemmas(std::string_view word, size_t) const { return {std::string(word)}; }
std::string Analyzer::stem(std::string_view word) const { return std::string(word); }
std::vector<std::string> Analyzer::inflect(std::string_view lemma, std::string_view) const { return {std::string(lemma)}; }
bool Analyzer::known(std::string_view) const { return false; }
size_t Analyzer::memory_bytes() const { return sizeof(Impl); }
size_t Analyzer::lexicon_size() const { return 0; }

struct MorphCache::Impl {
  const Analyzer* a;
  size_t capacity;
  std::unordered_map<std::string, std::string> lemma, stem;
  std::unordered_map<std::string, bool> known;
};
MorphCache::MorphCache(const Analyzer& analyzer, size_t capacity) : impl_(std::make_unique<Impl>()) {
  impl_->a = &analyzer;
  impl_->capacity = capacity;
}
MorphCache::~MorphCache() = default;
MorphCache::MorphCache(MorphCache&&) noexcept = default;
MorphCache& MorphCache::operator=(MorphCache&&) noexcept = default;
const std::string& MorphCache::lemma(std::string_view w) {
  std::string k(w);
  auto it = impl_->lemma.find(k);
  if (it != impl_->lemma.end()) return it->second;
  if (impl_->lemma.size() >= impl_->capacity) impl_->lemma.clear();
  return impl_->lemma.emplace(k, impl_->a->lemma(w)).first->second;
}
const std::string& MorphCache::stem(std::string_view w) {
  std::string k(w);
  auto it = impl_->stem.find(k);
  if (it != impl_->stem.end()) return it->second;
  if (impl_->stem.size() >= impl_->capacity) impl_->stem.clear();
  return impl_->stem.emplace(k, impl_->a->stem(w)).first->second;
}
bool MorphCache::known(std::string_view w) {
  std::string k(w);
  auto it = impl_->known.find(k);
  if (it != impl_->known.end()) return it->second;
  if (impl_->known.size() >= impl_->capacity) impl_->known.clear();
  return impl_->known.emplace(k, impl_->a->known(w)).first->second;
}

}  // namespace kurdi
