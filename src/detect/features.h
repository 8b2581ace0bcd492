// Features of the language-identification model, shared by the library and the trainer
// (tools/train_lid): hashed character n-grams (n = 1..4, words padded with a space) and whole words,
// over a folded form of the text (Latin lowercased, digits and punctuation as word breaks).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kurdi/text.h"

namespace kurdi::lid {

inline constexpr int kLog2Buckets = 17;
inline constexpr uint32_t kBuckets = 1u << kLog2Buckets;
inline constexpr int kMaxOrder = 5;
inline constexpr size_t kMaxWordFeature = 24;
inline constexpr bool kWordBigrams = false;  // longer words get no whole-word feature

// Folded code point for features: 0 = word break, 1 = ignore (tatweel, format controls).
char32_t fold_slow(char32_t c);
extern const char32_t* const kFoldTable;  // code points below 0x800
inline char32_t fold(char32_t c) { return c < 0x800 ? kFoldTable[c] : fold_slow(c); }

inline uint32_t bucket_of(uint64_t h) {
  return static_cast<uint32_t>((h * 0x9E3779B97F4A7C15ull) >> (64 - kLog2Buckets));
}

// Calls emit(bucket) for every feature of `text`; emit returns false to stop early. Returns the
// number of features emitted.
template <class Emit>
size_t for_each_feature(std::string_view text, Emit&& emit) {
  constexpr uint64_t kBasis = 0xcbf29ce484222325ull, kPrime = 0x100000001b3ull;
  std::array<char32_t, kMaxOrder> win{};  // ring of the last code points
  size_t have = 0;                        // code points in the current padded word so far
  size_t pos = 0;
  uint64_t word_hash = 0x84222325cbf29ce4ull;
  uint64_t prev_word = 0;  // hash of the previous word (0: none) for word-bigram features
  size_t word_len = 0;
  size_t count = 0;
  auto push = [&](char32_t c) -> bool {
    win[pos % kMaxOrder] = c;
    ++pos;
    ++have;
    uint64_t h = kBasis;
    size_t maxn = have < kMaxOrder ? have : kMaxOrder;
    for (size_t k = 0; k < maxn; ++k) {
      h = (h ^ win[(pos - 1 - k) % kMaxOrder]) * kPrime;
      if (k == 0 && c == U' ') continue;  // no unigram for the padding
      ++count;
      if (!emit(bucket_of(h + k))) return false;
    }
    return true;
  };
  const char* s = text.data();
  const size_t n = text.size();
  for (size_t i = 0; i <= n;) {
    char32_t f = 0;
    if (i < n) {
      int len = 1;
      unsigned char b = static_cast<unsigned char>(s[i]);
      char32_t c;
      if (b < 0x80) {
        c = b;
      } else if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
        c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
        len = 2;
      } else {
        c = utf8::decode(s, n, i, len);
      }
      i += len;
      f = fold(c);
      if (f == 1) continue;
    } else {
      ++i;
    }
    if (f == 0) {
      if (have) {
        if (!push(U' ')) return count;
        if (word_len <= kMaxWordFeature) {
          ++count;
          if (!emit(bucket_of(word_hash))) return count;
          if (kWordBigrams && prev_word) {
            ++count;
            if (!emit(bucket_of((prev_word ^ (word_hash >> 1)) * kPrime))) return count;
          }
          prev_word = word_hash;
        } else {
          prev_word = 0;
        }
        have = 0;
        word_hash = 0x84222325cbf29ce4ull;
        word_len = 0;
      }
      continue;
    }
    if (!have && !push(U' ')) return count;
    word_hash = (word_hash ^ f) * kPrime;
    ++word_len;
    if (!push(f)) return count;
  }
  return count;
}

}  // namespace kurdi::lid
