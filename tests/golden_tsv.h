// Reads a golden TSV file of tests/golden/: '#' lines are comments, the first other line is the
// header (skipped), every further line is a row of tab-separated fields.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kurdi_test {

inline std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) { header = true; continue; }
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    rows.push_back(f);
  }
  return rows;
}

}  // namespace kurdi_test
