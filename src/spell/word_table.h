// Hot-path lookup structures of the spell checker (not installed):
//   - word_hash: a fast 64-bit hash of a short byte string (8 bytes per step),
//   - WordTable: an immutable open-addressing index over the model's words (count, entry id and a
//     precomputed verdict per word), built once per checker,
//   - VerdictCache: a per-thread, fixed-size, 2-way set-associative memo of check() verdicts keyed
//     by the raw word (running text is Zipfian: a small cache answers most tokens).
// Why not std::unordered_map: one node allocation per word and a pointer chase per probe; the
// profile of check() was dominated by _M_find_before_node and _Hash_bytes.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kurdi::spell {

inline uint64_t word_hash(std::string_view s) {
  constexpr uint64_t kMul = 0x9FB21C651E98DF25ull;
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(s.size()) * 0xff51afd7ed558ccdull);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  if (n) {
    uint64_t v = 0;
    std::memcpy(&v, p, n);
    h = (h ^ v) * kMul;
    h ^= h >> 32;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

// Verdict of check() for one word.
enum class Verdict : uint8_t { kUnknown = 0, kValid = 1, kInvalid = 2 };

// Words are stored in one arena in order of decreasing count (the frequent words of running text
// share cache lines); a slot holds the hash, the word's place in the arena, its verdict and flags,
// so that check()'s fast path touches one slot and the word's bytes.
class WordTable {
 public:
  static constexpr uint32_t kNoEntry = UINT32_MAX;
  struct Row {
    long count = 0;
    uint32_t entry = kNoEntry;  // index into SpellChecker::Impl::entries, or kNoEntry
  };
  struct Slot {
    uint32_t hash32 = 0;  // high half of the hash
    uint32_t off = 0;     // word bytes: arena[off, off + len)
    uint16_t len = 0;
    Verdict verdict = Verdict::kUnknown;  // of check(word); kUnknown = ask the slow path
    bool normalized = false;  // the word is its own normalization (raw input equal to it needs none)
    uint32_t row = 0;     // row index + 1; 0 = empty slot
  };

  // words[i] with counts[i], distinct, in the order to lay them out; words longer than 65535 bytes
  // are left out.
  void build(const std::vector<std::pair<std::string_view, long>>& words) {
    rows_.clear();
    arena_.clear();
    size_t bytes = 0;
    for (const auto& [w, n] : words) bytes += w.size();
    arena_.reserve(bytes);
    size_t cap = 16;
    while (cap < words.size() * 2) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const auto& [w, n] : words) {
      if (w.size() > UINT16_MAX) continue;
      const uint64_t h = word_hash(w);
      size_t i = h & mask_;
      while (slots_[i].row) i = (i + 1) & mask_;
      Slot& s = slots_[i];
      s.hash32 = static_cast<uint32_t>(h >> 32);
      s.off = static_cast<uint32_t>(arena_.size());
      s.len = static_cast<uint16_t>(w.size());
      arena_.append(w);
      rows_.push_back(Row{n});
      s.row = static_cast<uint32_t>(rows_.size());
    }
  }
  const Slot* find_slot(std::string_view w, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    const uint32_t h32 = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.row) return nullptr;
      if (s.hash32 == h32 && s.len == w.size() && std::memcmp(arena_.data() + s.off, w.data(), w.size()) == 0)
        return &s;
    }
  }
  const Slot* find_slot(std::string_view w) const { return find_slot(w, word_hash(w)); }
  Slot* find_slot_mutable(std::string_view w) { return const_cast<Slot*>(find_slot(w)); }
  const Row* find(std::string_view w) const {
    const Slot* s = find_slot(w);
    return s ? &rows_[s->row - 1] : nullptr;
  }
  Row& row(const Slot& s) { return rows_[s.row - 1]; }
  std::string_view word(const Slot& s) const { return std::string_view(arena_).substr(s.off, s.len); }
  long count(std::string_view w) const {
    const Row* r = find(w);
    return r ? r->count : 0;
  }
  size_t size() const { return rows_.size(); }
  std::vector<Slot>& slots() { return slots_; }

 private:
  std::string arena_;
  std::vector<Row> rows_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// Per-thread memo of verdicts: 2^SetBits sets of 4 ways; a slot (SlotBytes, half or one cache
// line) holds the hash, the verdict and the word inline (up to SlotBytes - 10 bytes). A new word
// goes to the last way (probation) of its set, replacing the word there; a hit moves a word one way
// up (the word it passes moves down). So the stream of rare words of running text churns the last
// way only and words seen again climb out of its reach. Owned by one thread: no locking.
// Memory: 2^SetBits * 4 * SlotBytes, allocated on first use.
template <size_t SlotBytes, int SetBits>
class VerdictWays {
 public:
  static constexpr size_t kMaxKey = SlotBytes - 10;
  static constexpr int kWays = 4;

  Verdict get(std::string_view w, uint64_t h) {
    if (!slots_) return Verdict::kUnknown;
    Slot* s = &slots_[(h & kSetMask) * kWays];
    for (int k = 0; k < kWays; ++k) {
      if (!matches(s[k], w, h)) continue;
      if (k == 0) return static_cast<Verdict>(s[0].verdict);
      std::swap(s[k - 1], s[k]);
      return static_cast<Verdict>(s[k - 1].verdict);
    }
    return Verdict::kUnknown;
  }
  void put(std::string_view w, uint64_t h, Verdict v) {
    if (w.size() > kMaxKey) return;
    if (!slots_) slots_ = std::make_unique<Slot[]>(size_t(kWays) << SetBits);
    Slot* s = &slots_[(h & kSetMask) * kWays];
    int k = 0;
    while (k < kWays - 1 && s[k].len) ++k;  // the first free way, else the probation way
    Slot& d = s[k];
    d.hash = h;
    d.len = static_cast<uint8_t>(w.size());
    d.verdict = static_cast<uint8_t>(v);
    std::memcpy(d.key, w.data(), w.size());
  }
  void clear() { slots_.reset(); }

 private:
  static constexpr uint64_t kSetMask = (uint64_t(1) << SetBits) - 1;
  struct alignas(SlotBytes) Slot {
    uint64_t hash = 0;
    uint8_t len = 0;  // 0 = empty (the empty word is never cached)
    uint8_t verdict = 0;
    char key[kMaxKey] = {};
  };
  static_assert(sizeof(Slot) == SlotBytes);
  static bool matches(const Slot& s, std::string_view w, uint64_t h) {
    return s.hash == h && s.len == w.size() && std::memcmp(s.key, w.data(), w.size()) == 0;
  }
  std::unique_ptr<Slot[]> slots_;
};

// Words of up to 22 bytes (11 Arabic letters: most tokens) in 32-byte slots, longer ones up to 54
// bytes in 64-byte slots: 128k + 16k words in 5 MiB.
class VerdictCache {
 public:
  static constexpr size_t kMaxKey = 54;
  Verdict get(std::string_view w, uint64_t h) {
    return w.size() <= Short::kMaxKey ? short_.get(w, h) : long_.get(w, h);
  }
  void put(std::string_view w, uint64_t h, Verdict v) {
    if (w.size() <= Short::kMaxKey) short_.put(w, h, v);
    else long_.put(w, h, v);
  }
  void clear() {
    short_.clear();
    long_.clear();
  }

 private:
  using Short = VerdictWays<32, 15>;
  using Long = VerdictWays<64, 12>;
  static_assert(Long::kMaxKey == kMaxKey);
  Short short_;
  Long long_;
};

}  // namespace kurdi::spell
