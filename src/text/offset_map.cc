#include <algorithm>

#include "kurdi/text.h"

namespace kurdi {

void OffsetMap::add_edit(size_t in_begin, size_t in_end, size_t out_begin, size_t out_end) {
  if (!edits_.empty()) {
    Edit& last = edits_.back();
    if (last.in_end == in_begin && last.out_end == out_begin) {
      last.in_end = static_cast<uint32_t>(in_end);
      last.out_end = static_cast<uint32_t>(out_end);
      return;
    }
  }
  edits_.push_back({static_cast<uint32_t>(in_begin), static_cast<uint32_t>(in_end),
                    static_cast<uint32_t>(out_begin), static_cast<uint32_t>(out_end)});
}

size_t OffsetMap::to_input(size_t o, Bias bias) const {
  // Last edit whose output range starts at or before o.
  auto it = std::upper_bound(edits_.begin(), edits_.end(), o,
                             [](size_t v, const Edit& e) { return v < e.out_begin; });
  if (it == edits_.begin()) return std::min(o, in_size_ ? in_size_ : o);
  const Edit& e = *(it - 1);
  if (o == e.out_begin) {
    // A deletion (empty output span) at o: a span starting here starts after the deleted bytes,
    // a span ending here ends before them.
    if (e.out_end == e.out_begin) return bias == Bias::kStart ? e.in_end : e.in_begin;
    return e.in_begin;
  }
  if (o < e.out_end) return bias == Bias::kStart ? e.in_begin : e.in_end;
  return e.in_end + (o - e.out_end);
}

OffsetMap OffsetMap::compose(const OffsetMap& first, const OffsetMap& second) {
  // Forward map of `second` (its input = first's output) for positions in copy regions.
  auto forward = [&](size_t x, bool end) -> size_t {
    const auto& ed = second.edits_;
    auto it = std::upper_bound(ed.begin(), ed.end(), x, [](size_t v, const Edit& e) { return v < e.in_begin; });
    if (it == ed.begin()) return x;
    const Edit& e = *(it - 1);
    if (x < e.in_end || (x == e.in_begin)) return end ? e.out_end : e.out_begin;
    return e.out_end + (x - e.in_end);
  };
  std::vector<Edit> cand;
  for (const Edit& e : second.edits_) {
    cand.push_back({static_cast<uint32_t>(first.to_input(e.in_begin, Bias::kStart)),
                    static_cast<uint32_t>(first.to_input(e.in_end, Bias::kEnd)), e.out_begin, e.out_end});
  }
  for (const Edit& e : first.edits_) {
    cand.push_back({e.in_begin, e.in_end, static_cast<uint32_t>(forward(e.out_begin, false)),
                    static_cast<uint32_t>(forward(e.out_end, true))});
  }
  std::sort(cand.begin(), cand.end(), [](const Edit& a, const Edit& b) {
    return a.out_begin != b.out_begin ? a.out_begin < b.out_begin : a.in_begin < b.in_begin;
  });
  OffsetMap m;
  for (const Edit& e : cand) {
    if (!m.edits_.empty()) {
      Edit& l = m.edits_.back();
      if (e.out_begin < l.out_end || (e.out_begin == l.out_end && e.in_begin <= l.in_end)) {
        l.in_begin = std::min(l.in_begin, e.in_begin);
        l.in_end = std::max(l.in_end, e.in_end);
        l.out_end = std::max(l.out_end, e.out_end);
        continue;
      }
    }
    m.edits_.push_back(e);
  }
  m.in_size_ = first.in_size_;
  m.out_size_ = second.out_size_;
  return m;
}

}  // namespace kurdi
