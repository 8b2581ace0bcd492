// Access to the hand-written tables under data/, compiled into the library by kurdi_tablegen.
//
// A stage names its tables in its CMakeLists (kurdi_stage(... TABLES data/<stage>/<file>.tsv)) and
// reads them through KURDI_DECLARE_TABLE(<stage>_<file>_tsv) below. Rows are parsed once, at construction of the
// stage's compiled object; nothing is read from disk at run time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kurdi::tables {

struct Table {
  std::string_view name;  // "normalize/letters.tsv"
  std::string_view text;  // header line + rows, comments removed, LF-terminated
  size_t rows;
  uint64_t source_hash;   // FNV-1a of the TSV source, shown by `kurdi --version`

  // Column index by header name (leading '*' ignored); -1 when absent.
  int column(std::string_view header_name) const;

  // Calls f(fields, row_index) for each data row; fields are views into `text`.
  template <class F>
  void for_each_row(F&& f) const {
    std::vector<std::string_view> fields;
    size_t pos = text.find('\n');  // skip header
    size_t row = 0;
    while (pos != std::string_view::npos && pos + 1 < text.size()) {
      size_t start = pos + 1;
      size_t end = text.find('\n', start);
      std::string_view line = text.substr(start, end - start);
      fields.clear();
      size_t fs = 0;
      for (;;) {
        size_t t = line.find('\t', fs);
        fields.push_back(line.substr(fs, t == std::string_view::npos ? std::string_view::npos : t - fs));
        if (t == std::string_view::npos) break;
        fs = t + 1;
      }
      f(fields, row++);
      pos = end;
    }
  }
};

}  // namespace kurdi::tables

// At global scope in the .cc that reads a table: KURDI_DECLARE_TABLE(normalize_letters_tsv);
// then use kurdi::tables::normalize_letters_tsv.
#define KURDI_DECLARE_TABLE(ident) \
  namespace kurdi::tables {        \
  extern const Table ident;        \
  }
