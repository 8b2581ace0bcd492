// The hash of short strings (words: tens of bytes) behind the stages' lookup tables (morph's stem
// index, translit's word memo): 8-byte blocks with a multiply-xorshift mix, the tail in one or two
// loads, then a final mix. Tables are built in memory at start-up and never stored, so the values
// may change between versions.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kurdi::text {

inline uint64_t mix64(uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}
inline uint64_t hash_bytes(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(n) * 0xFF51AFD7ED558CCDull);
  while (n >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    h = (h ^ x) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h = (h ^ ((static_cast<uint64_t>(a) << 32) | b)) * 0xC2B2AE3D27D4EB4Full;
  } else if (n > 0) {
    uint64_t x = static_cast<unsigned char>(p[0]) | (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
                 (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    h = (h ^ x) * 0xC2B2AE3D27D4EB4Full;
  }
  return mix64(h);
}

}  // namespace kurdi::text
