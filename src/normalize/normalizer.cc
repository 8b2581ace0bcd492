#include "kurdi/normalize.h"

namespace kurdi {

struct Normalizer::Impl {
  NormalizeOptions options;
};

Normalizer::Normalizer() : Normalizer(NormalizeOptions::standard()) {}
Normalizer::Normalizer(const NormalizeOptions& options) : impl_(std::make_unique<Impl>(Impl{options})) {}
Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
const NormalizeOptions& Normalizer::options() const { return impl_->options; }

std::string Normalizer::normalize(std::string_view in, NormalizeStats* stats) const {
  std::string out;
  normalize(in, out, nullptr, stats);
  return out;
}

void Normalizer::normalize(std::string_view in, std::string& out, OffsetMap* map, NormalizeStats* stats) const {
  size_t replaced = 0;
  out += utf8::sanitize(in, &replaced);
  if (stats) stats->invalid_utf8 += replaced;
  if (map) map->finish(in.size(), in.size());
}

Result<std::string> Normalizer::normalize_checked(std::string_view in) const {
  Status st = utf8::check(in, impl_->options.utf8);
  if (!st) return st.error();
  return normalize(in);
}

size_t Normalizer::normalized_prefix(std::string_view in) const { return 0; }

}  // namespace kurdi
