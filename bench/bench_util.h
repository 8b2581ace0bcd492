// Shared by the benchmarks: thread CPU time and medians of repeated measurements. The machine the
// project is measured on is shared and noisy: thread CPU time, not wall-clock time (which mostly
// measures the other processes), and the median of several runs.
#pragma once
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kurdi::bench {

// The whole corpus file at `path`. A file that cannot be read or is empty ends the benchmark with a
// message and exit status 1 (a rate over no input would be a division by zero or a meaningless figure).
inline std::string read_corpus(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    std::exit(1);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = std::move(ss).str();
  if (text.empty()) {
    std::fprintf(stderr, "empty corpus %s\n", path);
    std::exit(1);
  }
  return text;
}

// CPU time of the calling thread, in seconds.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The median (the upper one of an even count); 0 for no values.
inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Runs f() `repeats` times and returns the median of units / thread CPU second (units: MB, words
// ...). *first (optional) receives the rate of the first run, the one with cold per-thread caches.
template <class F>
double median_rate(double units, int repeats, F&& f, double* first = nullptr) {
  std::vector<double> v;
  for (int r = 0; r < repeats; ++r) {
    double t0 = thread_cpu_seconds();
    f();
    v.push_back(units / (thread_cpu_seconds() - t0));
  }
  if (first && !v.empty()) *first = v[0];
  return median(std::move(v));
}

}  // namespace kurdi::bench
