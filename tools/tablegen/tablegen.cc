// kurdi_tablegen: build-time compiler for the hand-written TSV tables under data/.
//
//   kurdi_tablegen INPUT.tsv KEY OUTPUT.cc
//
// Table format (README.md in each data/<stage>/ folder gives the columns):
//   - UTF-8 text, LF line ends; lines starting with '#' and blank lines are comments;
//   - the first other line is the header: tab-separated column names; a name starting with '*'
//     marks a key column (the combination of key columns must be unique);
//   - every row has exactly as many tab-separated fields as the header (a trailing comment column
//     may be empty but must be present, so rows stay aligned).
// The tool rejects invalid UTF-8, stray control characters, wrong field counts and duplicate keys,
// reporting file:line, and writes a C++ source that defines the table as kurdi::tables::<ident>,
// holding the rows (comments stripped) and an FNV-1a hash of the source for `kurdi --version`.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool valid_utf8(const std::string& s, size_t& bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned c = p[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > n) { bad = i; return false; }
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) { bad = i; return false; }
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { bad = i; return false; }
    i += len;
  }
  return true;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t t = line.find('\t', start);
    out.push_back(line.substr(start, t == std::string::npos ? std::string::npos : t - start));
    if (t == std::string::npos) break;
    start = t + 1;
  }
  return out;
}

std::string escape_bytes(const std::string& s) {
  // Emit as a sequence of narrow string-literal chunks with octal escapes for non-ASCII and specials.
  std::string out = "\"";
  size_t col = 0;
  for (unsigned char c : s) {
    if (col > 100) { out += "\"\n    \""; col = 0; }
    if (c == '\\' || c == '"') { out += '\\'; out += static_cast<char>(c); col += 2; }
    else if (c == '\n') { out += "\\n"; col += 2; }
    else if (c == '\t') { out += "\\t"; col += 2; }
    else if (c < 0x20 || c >= 0x7f || c == '?') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf; col += 4;
    } else { out += static_cast<char>(c); ++col; }
  }
  out += "\"";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: kurdi_tablegen INPUT.tsv KEY OUTPUT.cc\n";
    return 2;
  }
  const std::string in_path = argv[1], key = argv[2], out_path = argv[3];
  std::ifstream in(in_path, std::ios::binary);
  if (!in) { std::cerr << in_path << ": cannot open\n"; return 1; }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string src = ss.str();

  size_t bad = 0;
  if (!valid_utf8(src, bad)) {
    size_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += src[i] == '\n';
    std::cerr << in_path << ":" << line << ": invalid UTF-8 at byte " << bad << "\n";
    return 1;
  }

  std::vector<std::string> header;
  std::vector<size_t> key_cols;
  std::map<std::string, size_t> seen;  // key -> line
  std::string body;                    // header + rows, LF-terminated, comments stripped
  size_t rows = 0, lineno = 0, errors = 0;
  std::istringstream lines(src);
  std::string line;
  while (std::getline(lines, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') {
      std::cerr << in_path << ":" << lineno << ": CR line end (use LF)\n";
      ++errors;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    for (unsigned char c : line) {
      if (c < 0x20 && c != '\t') {
        std::cerr << in_path << ":" << lineno << ": control character 0x" << std::hex << int(c) << std::dec << "\n";
        ++errors;
        break;
      }
    }
    auto fields = split_tabs(line);
    if (header.empty()) {
      header = fields;
      for (size_t i = 0; i < header.size(); ++i) {
        if (!header[i].empty() && header[i][0] == '*') key_cols.push_back(i);
      }
      body += line + "\n";
      continue;
    }
    if (fields.size() != header.size()) {
      std::cerr << in_path << ":" << lineno << ": " << fields.size() << " fields, header has " << header.size() << "\n";
      ++errors;
      continue;
    }
    if (!key_cols.empty()) {
      std::string k;
      for (size_t c : key_cols) { k += fields[c]; k += '\t'; }
      auto [it, inserted] = seen.emplace(k, lineno);
      if (!inserted) {
        std::cerr << in_path << ":" << lineno << ": duplicate key '" << k.substr(0, k.size() - 1)
                  << "' (first at line " << it->second << ")\n";
        ++errors;
        continue;
      }
    }
    body += line + "\n";
    ++rows;
  }
  if (header.empty()) { std::cerr << in_path << ": no header line\n"; ++errors; }
  if (errors) return 1;

  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : src) { h ^= c; h *= 1099511628211ull; }

  std::string ident;
  for (char c : key) ident += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');

  std::ostringstream out;
  out << "// GENERATED by kurdi_tablegen from data/" << key << " - DO NOT EDIT; edit the TSV instead.\n"
      << "#include \"text/tables.h\"\n"
      << "namespace kurdi::tables {\n"
      << "static const char kText_" << ident << "[] =\n    " << escape_bytes(body) << ";\n"
      << "extern const Table " << ident << ";\n"
      << "const Table " << ident << "{\"" << key << "\", {kText_" << ident << ", " << body.size() << "}, "
      << rows << "u, 0x" << std::hex << h << std::dec << "ull};\n"
      << "}  // namespace kurdi::tables\n";
  std::ofstream o(out_path, std::ios::binary);
  o << out.str();
  if (!o) { std::cerr << out_path << ": cannot write\n"; return 1; }
  return 0;
}
