// Convention repair: Sorani typed on Arabic or Persian keyboards, or in their spelling conventions
// (no ە ێ ۆ ڵ ڕ; ە as ة or a bare/space-split ه; ێ as ي; initial ئە as bare ا ...).
//
// Runs after the character pass, only on lines that look like such text: the original line has no
// letter that only a Kurdish keyboard types (ە ێ ۆ ڵ ڕ ڤ) and Kurdish cue words outnumber Persian
// and Arabic ones (data/normalize/convention_cues.tsv). Rules are word-level and table-driven:
// word-initial bare ا, ئ between consonants, fragments split after a word-internal ە, and a map
// from a word's folded skeleton to the frequent standard word (data/normalize/convention_map.tsv,
// induced from permissively licensed raw text by tools/induce/convention_map.py).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kurdi/text.h"

namespace kurdi::convention {

// Words (UTF-32) in one arena, found by open addressing: built once from the 17k-row frequency
// table at a few instructions per character, where node-based hash sets cost a dozen allocations
// per row (the CLI pays construction on every run).
class WordIndex {
 public:
  static constexpr uint32_t npos = 0xFFFFFFFFu;
  void reserve(size_t words);
  uint32_t find(std::u32string_view w) const;
  uint32_t insert(std::u32string_view w);  // the id of w, new or existing
  std::u32string_view word(uint32_t id) const { return std::u32string_view(arena_).substr(off_[id], len_[id]); }
  size_t size() const { return off_.size(); }

 private:
  static uint32_t hash(std::u32string_view w);
  void grow();
  std::u32string arena_;
  std::vector<uint32_t> off_, len_;
  std::vector<uint32_t> slots_;  // ids; npos = empty
};

class Repairer {
 public:
  Repairer();
  // The one instance every Normalizer shares, built on first use (thread-safe; the tables are the
  // same for every option set).
  static const Repairer& shared();
  // Should the line (original input) be repaired? A byte scan; needs no tables. Vectorized where
  // the CPU has AVX2, with the same answer as the byte-by-byte reference below on every input.
  static bool applies_to_input(std::string_view original);
  static bool applies_to_input_reference(std::string_view original);
  // Does the character-normalized line carry Kurdish cues (vs Persian/Arabic ones)?
  bool applies(std::string_view normalized) const;
  // Appends the repaired line; `map` gets output->input offsets of `line`.
  void repair(std::string_view line, std::string& out, OffsetMap* map) const;

  // The folded skeleton used as the map key (exposed for the induction tool's tests).
  static std::u32string skeleton(std::u32string_view word);

 private:
  bool in_vocab(std::u32string_view w) const { return vocab_.find(w) != WordIndex::npos; }
  // The frequent standard word with w's skeleton, or empty.
  std::u32string_view mapped(std::u32string_view w) const;

  std::unordered_set<std::u32string> kurdish_cues_, foreign_cues_, standalone_e_, join_prefix_,
      suffix_fragment_;
  WordIndex vocab_;                 // standard words frequent enough to keep as they are
  WordIndex skeletons_;             // skeleton -> (via target_) the standard word it maps to
  std::vector<uint32_t> target_;    // per skeleton id: the id in targets_ or npos
  WordIndex targets_;
};

}  // namespace kurdi::convention
