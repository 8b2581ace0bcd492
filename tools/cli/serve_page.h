// kurdi serve: the web page (web/index.html, app.js, style.css), compiled in by scripts/embed_web.py
// (serve_page.cc is generated; a unit test checks that it equals web/).
#pragma once
#include <string_view>

namespace kurdi::serve {

struct Asset {
  std::string_view path;          // "/", "/app.js", "/style.css" ...
  std::string_view file;          // file name under web/
  std::string_view content_type;
  std::string_view body;
};

// Every file of web/, in a fixed order; index.html is served at "/".
const Asset* web_assets(size_t& count);

}  // namespace kurdi::serve
