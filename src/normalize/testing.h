// For tests only: the normalizer through each of its paths, so that the fast one can be compared
// with its reference twins on the same input.
//   kFast          the block classifier (AVX2, when the CPU has it) + the scalar scanner
//   kScanner       the scalar scanner alone: one table lookup per character, substitutions in
//                  place, run_piece() for the chunks that need it (the path without AVX2)
//   kPerCharacter  run_piece() on the whole line: every rule applied character by character
#pragma once
#include <string>
#include <string_view>

#include "kurdi/normalize.h"
#include "normalize/block_scan.h"
#include "normalize/single_pass.h"

namespace kurdi {

enum class NormalizePath { kFast, kScanner, kPerCharacter };

class NormalizerTesting {
 public:
  static void normalize(const Normalizer& n, std::string_view in, std::string& out, OffsetMap* map,
                        NormalizeStats* stats, NormalizePath path);
  // The block classifier's tables of a normalizer (derived from its rules at construction).
  static const normalize_detail::BlockTables& blocks(const Normalizer& n);
  // The single-pass kernel's tables (usable = false on a CPU without it).
  static const normalize_detail::SinglePassTables& single_pass(const Normalizer& n);
};

}  // namespace kurdi
