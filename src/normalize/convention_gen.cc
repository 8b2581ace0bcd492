// convention_gen OUT.cc: builds the convention repairer's word indexes from the tables
// (data/normalize/wordfreq.tsv) and writes them as C++ arrays, compiled into kurdi_normalize so
// that no run of the CLI pays for building them (about 20M instructions, 5% of normalizing the
// 17 MB benchmark corpus). Run by the build (src/normalize/CMakeLists.txt), not by hand.
#include <cstdio>
#include <fstream>
#include <string>

#include "normalize/convention.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: convention_gen OUT.cc\n");
    return 2;
  }
  const std::string src = kurdi::convention::Repairer::from_tables().prebuilt_source();
  const std::string tmp = std::string(argv[1]) + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << src;
    if (!f) {
      std::fprintf(stderr, "convention_gen: cannot write %s\n", tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), argv[1]) != 0) {
    std::fprintf(stderr, "convention_gen: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
