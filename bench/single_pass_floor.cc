// The single-pass kernel alone over a corpus, beside memcpy in the same run: every lane the kernel
// would leave to the scalar path is ignored (scalar_mask = 0) and no line stops, so this is the
// floor of the kernel's own work, not a normalization. Usage: single_pass_floor CORPUS [REPEATS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/testing.h"

static double cpu() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  std::ifstream f(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string c = ss.str();
  const int reps = argc > 2 ? std::atoi(argv[2]) : 9;
  kurdi::Normalizer n;
  kurdi::normalize_detail::SinglePassTables t = kurdi::NormalizerTesting::single_pass(n);
  if (!t.usable) {
    std::printf("no single-pass kernel on this CPU\n");
    return 0;
  }
  t.scalar_mask = 0;
  t.line_stops = false;
  // No word-final ه made ە either (their list, which a caller empties, would fill and stop the kernel).
  for (uint8_t& c : t.cur) c &= static_cast<uint8_t>(~kurdi::normalize_detail::SinglePassTables::kFinalSpec);
  std::vector<unsigned char> buf(c.size() + 256, '\n'), out(c.size() + 256), dst(c.size());
  std::memcpy(buf.data() + 128, c.data(), c.size());
  std::vector<double> tk, tm;
  for (int r = 0; r < reps; ++r) {
    const double t0 = cpu();
    std::memcpy(dst.data(), c.data(), c.size());
    const double t1 = cpu();
    kurdi::normalize_detail::SinglePassState st;
    kurdi::normalize_detail::SinglePassStop stop;
    kurdi::normalize_detail::single_pass(t, buf.data() + 128, c.size() / 64 * 64, 0, out.data(), 0, st, stop);
    if (stop.kind != kurdi::normalize_detail::SinglePassStop::kNone) {
      std::printf("the kernel stopped at %zu\n", stop.at);
      return 1;
    }
    const double t2 = cpu();
    tm.push_back(t1 - t0);
    tk.push_back(t2 - t1);
  }
  std::sort(tk.begin(), tk.end());
  std::sort(tm.begin(), tm.end());
  const double mk = c.size() / tk[reps / 2] / 1e6, mc = c.size() / tm[reps / 2] / 1e6;
  std::printf("memcpy %.0f MB/s, kernel alone %.0f MB/s (%.3f of memcpy)\n", mc, mk, mk / mc);
}
