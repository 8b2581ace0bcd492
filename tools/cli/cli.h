// The `kurdi` command: a registry of subcommands, one file each, and the shared line-streaming loop.
//
// A subcommand file defines a static Registrar with its name, a one-line summary, an example, a
// setup function that adds its options to a CLI11 App, and a run function. The contract the
// evaluation relies on is ../shared/docs/CLI-CONTRACT.md: files or stdin in, stdout out, diagnostics
// on stderr, exit 0 ok / 1 input rejected under --strict / 2 usage.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kurdi/io.h"
#include "kurdi/text.h"
#include "words.h"

namespace kurdi::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// Options every subcommand has.
struct Common {
  std::vector<std::string> files;  // empty: stdin
  bool strict = false;             // reject invalid UTF-8 (exit 1) instead of replacing it
};

struct Command {
  std::string name;
  std::string summary;
  std::string example;  // shown in --help
  std::function<void(CLI::App&, Common&)> setup;
  std::function<int(Common&)> run;
};

std::vector<Command>& registry();

struct Registrar {
  explicit Registrar(Command c) { registry().push_back(std::move(c)); }
};

// Output buffer flushed to stdout in large writes.
class Output {
 public:
  Output();
  ~Output();
  std::string& buf() { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= (1u << 17)) flush();  // 128 KiB writes, like cat: the buffer stays in the L2 cache
  }
  void flush();

 private:
  std::string buf_;
};

// Streams every line of the inputs through `fn`, which appends its result for the line (or line
// piece) to `out` without the terminator; the loop writes the terminators, so output lines match
// input lines one for one. Under --strict the first invalid byte stops the run with exit 1.
// `whole_lines`: give fn complete lines (a 100 MB line is held in memory); otherwise pieces of at
// most 8 MiB cut at blanks, in constant memory.
// Input bytes: by default fn sees valid UTF-8 (each invalid sequence replaced by U+FFFD, the
// default policy); with `raw` it sees the bytes as read, for commands whose library call replaces
// invalid UTF-8 itself or that report byte offsets into the input.
using LineFn = std::function<void(std::string_view line, bool end_of_line, std::string& out)>;
enum class InputBytes { kReplaceInvalid, kRaw };
int process_lines(const Common& common, const LineFn& fn, bool whole_lines = false,
                  InputBytes bytes = InputBytes::kReplaceInvalid);

// Reads each input whole (for commands that need a document, e.g. detect --document).
int process_documents(const Common& common, const std::function<void(std::string_view, std::string&)>& fn,
                      InputBytes bytes = InputBytes::kReplaceInvalid);

// JSON output: `s` (UTF-8) as a string literal with quotes, or escaped without them. Quotes,
// backslashes and control characters are escaped; invalid UTF-8 becomes U+FFFD (JSON text is
// UTF-8); everything else is copied.
void append_json_string(std::string& out, std::string_view s);
void append_json_escaped(std::string& out, std::string_view s);

// Prints "kurdi: <message>" to stderr.
void error(std::string_view message);

}  // namespace kurdi::cli
