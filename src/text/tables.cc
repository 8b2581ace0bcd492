#include "text/tables.h"

namespace kurdi::tables {

int Table::column(std::string_view header_name) const {
  std::string_view header = text.substr(0, text.find('\n'));
  int idx = 0;
  size_t pos = 0;
  for (;;) {
    size_t t = header.find('\t', pos);
    std::string_view name = header.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos);
    if (!name.empty() && name[0] == '*') name.remove_prefix(1);
    if (name == header_name) return idx;
    if (t == std::string_view::npos) return -1;
    pos = t + 1;
    ++idx;
  }
}

}  // namespace kurdi::tables
