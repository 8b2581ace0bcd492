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
#include <vector>

#include "kurdi/text.h"

namespace kurdi::convention {

// Words (UTF-32) in one arena, found by open addressing: built once from the 17k-row frequency
// table at a few instructions per character, where node-based hash sets cost a dozen allocations
// per row. The library does not build it at run time: tools convention_gen builds it at compile time
// (src/normalize/CMakeLists.txt) and the index is adopted from the arrays it wrote.
class WordIndex {
 public:
  static constexpr uint32_t npos = 0xFFFFFFFFu;
  WordIndex() = default;
  WordIndex(const WordIndex&) = delete;  // the read pointers point into the owned containers
  WordIndex& operator=(const WordIndex&) = delete;
  void reserve(size_t words);
  uint32_t find(std::u32string_view w) const;
  uint32_t insert(std::u32string_view w);  // the id of w, new or existing (not on an adopted index)
  std::u32string_view word(uint32_t id) const { return std::u32string_view(arena_p_ + off_p_[id], len_p_[id]); }
  size_t size() const { return words_; }

  // The arrays of an index written by write_cc(), compiled in; they must outlive the index.
  struct Arrays {
    const char32_t* arena;
    const uint32_t* off;
    const uint32_t* len;
    size_t words;
    const uint32_t* slots;
    size_t nslots;
  };
  void adopt(const Arrays& a);
  // Appends C++ definitions of the arrays, named <name>_arena ..., and `<name>` as an Arrays.
  void write_cc(std::string& out, const std::string& name) const;
  bool same_words(const WordIndex& o) const;  // the same words with the same ids

 private:
  static uint32_t hash(std::u32string_view w);
  void grow();
  void sync();  // the read pointers <- the owned containers
  std::u32string arena_;
  std::vector<uint32_t> off_, len_;
  std::vector<uint32_t> slots_;  // ids; npos = empty
  const char32_t* arena_p_ = nullptr;
  const uint32_t *off_p_ = nullptr, *len_p_ = nullptr, *slots_p_ = nullptr;
  size_t words_ = 0, nslots_ = 0;
};

// The indexes of a Repairer, compiled in (convention_data.cc, written by convention_gen).
struct PrebuiltTables {
  WordIndex::Arrays vocab, skeletons, targets;
  const uint32_t* target;
  size_t target_size;
};

class Repairer {
 public:
  Repairer();  // the compiled-in indexes when the library has them, else built from the tables
  // Built from the tables at run time, whatever the library has compiled in (convention_gen, tests).
  static Repairer from_tables();
  // The C++ source of the compiled-in indexes (convention_gen writes it).
  std::string prebuilt_source() const;
  bool same_tables(const Repairer& o) const;  // the same indexes (compiled-in vs built)
  // The one instance every Normalizer shares, built on first use (thread-safe; the tables are the
  // same for every option set).
  static const Repairer& shared();
  // Should the line (original input) be repaired? A byte scan; needs no tables. Vectorized where
  // the CPU has AVX2, with the same answer as the byte-by-byte reference below on every input.
  static bool applies_to_input(std::string_view original);
  static bool applies_to_input_reference(std::string_view original);
  // The lines of a text (cut at '\n'; the last one runs to the text's end, and may be empty):
  // where each ends, and whether it is settled. A settled line that is valid UTF-8 cannot call
  // for the repair, nor can any line a normalization makes of it that keeps every Kurdish-only
  // letter (ە ێ ۆ ڵ ڕ ڤ) a Kurdish-only letter and ASCII ASCII: applies_to_input() is false for
  // both, because the line has one of those letters or no byte above ASCII. (In valid UTF-8,
  // applies_to_input()'s byte reading sees every letter where it starts; the caller checks the
  // validity, which the normalizer finds anyway.) Vectorized where the CPU has AVX2 (AVX-512 BW).
  struct LineMark {
    size_t end;  // the offset of the line's '\n', or the text's size
    bool settled;
  };
  static void settled_lines(std::string_view text, std::vector<LineMark>& lines);  // appends
  static void settled_lines_reference(std::string_view text, std::vector<LineMark>& lines);
  // One implementation by name (tests compare them); false when the CPU lacks it.
  enum class Isa { kReference, kAvx2, kAvx512 };
  static bool settled_lines_with(Isa isa, std::string_view text, std::vector<LineMark>& lines);
  // Does the character-normalized line carry Kurdish cues (vs Persian/Arabic ones)?
  bool applies(std::string_view normalized) const;
  // Appends the repaired line; `map` gets output->input offsets of `line`.
  void repair(std::string_view line, std::string& out, OffsetMap* map) const;

  // The folded skeleton used as the map key (exposed for the induction tool's tests).
  static std::u32string skeleton(std::u32string_view word);

 private:
  struct FromTables {};
  explicit Repairer(FromTables);
  void load_cues();
  void build_indexes();
  uint32_t target(uint32_t skeleton_id) const { return target_p_[skeleton_id]; }
  bool in_vocab(std::u32string_view w) const { return vocab_.find(w) != WordIndex::npos; }
  // The frequent standard word with w's skeleton, or empty.
  std::u32string_view mapped(std::u32string_view w) const;

  // A set of cue words: the open-addressing WordIndex (one hash over the code points, no
  // allocation per lookup), with the set operations the rules use.
  struct WordSet {
    WordIndex index;
    void insert(std::u32string_view w) { index.insert(w); }
    size_t count(std::u32string_view w) const { return index.find(w) != WordIndex::npos ? 1 : 0; }
  };
  WordSet kurdish_cues_, foreign_cues_, standalone_e_, join_prefix_, suffix_fragment_;
  WordIndex vocab_;                 // standard words frequent enough to keep as they are
  WordIndex skeletons_;             // skeleton -> (via target_) the standard word it maps to
  std::vector<uint32_t> target_;    // per skeleton id: the id in targets_ or npos
  const uint32_t* target_p_ = nullptr;  // target_'s data, or the compiled-in array
  size_t target_size_ = 0;
  WordIndex targets_;
};

}  // namespace kurdi::convention
