#include "cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace kurdi::cli {

std::vector<Command>& registry() {
  static std::vector<Command> r;
  return r;
}

Output::Output() { buf_.reserve(1u << 18); }
Output::~Output() { flush(); }

void Output::flush() {
  size_t off = 0;
  while (off < buf_.size()) {
    ssize_t n = ::write(1, buf_.data() + off, buf_.size() - off);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      break;  // stdout closed (e.g. `| head`): drop the rest quietly
    }
    off += static_cast<size_t>(n);
  }
  buf_.clear();
}

void error(std::string_view message) { std::cerr << "kurdi: " << message << "\n"; }

void append_json_escaped(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::string clean;
  if (!utf8::is_valid(s)) {
    clean = utf8::sanitize(s);
    s = clean;
  }
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  append_json_escaped(out, s);
  out += '"';
}

namespace {

// Opens each input in turn (stdin when there is none); returns false after reporting an error.
template <class F>
int for_each_input(const Common& common, F&& f) {
  if (common.files.empty()) return f(0, std::string("<stdin>"));
  for (const auto& path : common.files) {
    int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY);
    if (fd < 0) {
      error("cannot open " + path + ": " + std::strerror(errno));
      return kExitBadInput;
    }
    int rc = f(fd, path);
    if (fd != 0) ::close(fd);
    if (rc != kExitOk) return rc;
  }
  return kExitOk;
}

}  // namespace

int process_lines(const Common& common, const LineFn& fn, bool whole_lines, InputBytes bytes) {
  Output out;
  std::string line_buf;  // for whole_lines: a line assembled from pieces
  std::string clean;     // a line or piece with invalid UTF-8 replaced
  auto call = [&](std::string_view text, bool end_of_line) {
    if (bytes == InputBytes::kReplaceInvalid && !common.strict && !utf8::is_valid(text)) {
      clean = utf8::sanitize(text);
      text = clean;
    }
    fn(text, end_of_line, out.buf());
  };
  return for_each_input(common, [&](int fd, const std::string& name) {
    LineReader reader(fd);
    LineReader::Piece p;
    size_t line_no = 1;
    while (reader.next(p)) {
      if (common.strict) {
        size_t bad = utf8::find_invalid(p.text);
        if (bad != std::string_view::npos) {
          out.flush();
          error(name + ":" + std::to_string(line_no) + ": invalid UTF-8 at byte offset " +
                std::to_string(p.offset + bad) + " (--strict)");
          return kExitBadInput;
        }
      }
      if (whole_lines && !p.end_of_line) {
        line_buf.append(p.text);
        continue;
      }
      if (whole_lines && !line_buf.empty()) {
        line_buf.append(p.text);
        call(line_buf, true);
        line_buf.clear();
      } else {
        call(p.text, p.end_of_line);
      }
      if (p.end_of_line) {
        if (p.crlf) out.buf() += '\r';
        if (p.had_newline) out.buf() += '\n';
        ++line_no;
      }
      out.maybe_flush();
    }
    if (reader.error()) {
      error("read error on " + name);
      return kExitBadInput;
    }
    return kExitOk;
  });
}

int process_documents(const Common& common, const std::function<void(std::string_view, std::string&)>& fn,
                      InputBytes bytes) {
  Output out;
  return for_each_input(common, [&](int fd, const std::string& name) {
    std::string doc;
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) { error("read error on " + name); return kExitBadInput; }
      if (n == 0) break;
      doc.append(buf, static_cast<size_t>(n));
    }
    if (common.strict) {
      Status st = utf8::check(doc, Utf8Policy::kStrict);
      if (!st) { error(name + ": " + st.error().message + " (--strict)"); return kExitBadInput; }
    } else if (bytes == InputBytes::kReplaceInvalid && !utf8::is_valid(doc)) {
      doc = utf8::sanitize(doc);
    }
    fn(doc, out.buf());
    out.flush();
    return kExitOk;
  });
}

}  // namespace kurdi::cli
