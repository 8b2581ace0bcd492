// kurdi serve: the web page (web/index.html, app.js, style.css), compiled in at build time
// (serve_page.cc is generated from web/ by tools/cli/embed_web.cmake; a unit test checks that it
// equals web/).
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
