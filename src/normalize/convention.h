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
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "kurdi/text.h"

namespace kurdi::convention {

class Repairer {
 public:
  Repairer();
  // Should the line (original input) be repaired?
  bool applies_to_input(std::string_view original) const;
  // Does the character-normalized line carry Kurdish cues (vs Persian/Arabic ones)?
  bool applies(std::string_view normalized) const;
  // Appends the repaired line; `map` gets output->input offsets of `line`.
  void repair(std::string_view line, std::string& out, OffsetMap* map) const;

  // The folded skeleton used as the map key (exposed for the induction tool's tests).
  static std::u32string skeleton(std::u32string_view word);

 private:
  std::unordered_set<std::u32string> kurdish_cues_, foreign_cues_, standalone_e_, join_prefix_,
      suffix_fragment_;
  std::unordered_map<std::u32string, std::u32string> map_;
  std::unordered_set<std::u32string> vocab_;
  std::unordered_map<std::u32string, long> count_;  // standard words frequent enough to keep as they are
};

}  // namespace kurdi::convention
