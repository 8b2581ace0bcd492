// kurdi sentences: one sentence per output line. Each input line is a paragraph (a sentence never
// spans lines), unless --wrapped says lines are hard-wrapped: then paragraphs end at blank lines.
#include <string>

#include "cli.h"
#include "kurdi/sentences.h"

namespace kurdi::cli {
namespace {

struct Flags {
  bool wrapped = false;
  std::string format = "text";
  bool ellipsis_ends = false;
};
Flags flags;


// A sentence of a wrapped paragraph: line breaks inside it become single spaces.
void append_unwrapped(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out += s[i] == '\n' ? ' ' : s[i];
  }
}

int run(Common& common) {
  if (flags.format != "text" && flags.format != "jsonl") {
    error("unknown --format '" + flags.format + "' (text or jsonl)");
    return kExitUsage;
  }
  SentenceOptions o;
  o.ellipsis_ends = flags.ellipsis_ends;
  SentenceSplitter splitter(o);
  std::vector<SentenceSpan> spans;
  const bool jsonl = flags.format == "jsonl";
  auto write = [&](std::string_view doc, size_t line_no, std::string& out) {
    for (const SentenceSpan& sp : spans) {
      std::string_view text = doc.substr(sp.begin, sp.end - sp.begin);
      if (jsonl) {
        out += "{\"line\":" + std::to_string(line_no) + ",\"start\":" + std::to_string(sp.begin) +
               ",\"end\":" + std::to_string(sp.end) + ",\"text\":\"";
        std::string flat;
        append_unwrapped(flat, text);
        append_json_escaped(out, flat);
        out += "\"}\n";
      } else {
        append_unwrapped(out, text);
        out += '\n';
      }
    }
  };
  if (!flags.wrapped && !jsonl) {
    // Streaming: a paragraph per line; an empty line stays an empty line (paragraph break).
    return process_lines(common, [&](std::string_view line, bool, std::string& out) {
      spans.clear();
      splitter.split(line, spans);
      size_t before = out.size();
      write(line, 0, out);
      if (out.size() > before) out.pop_back();  // the loop writes the line's own terminator
    }, /*whole_lines=*/true);
  }
  return process_documents(common, [&](std::string_view doc, std::string& out) {
    size_t pos = 0, line_no = 1;
    while (pos < doc.size()) {
      // A paragraph: one line, or (--wrapped) lines up to a blank line.
      size_t end = pos, lines = 0;
      for (;;) {
        size_t nl = doc.find('\n', end);
        size_t stop = nl == std::string_view::npos ? doc.size() : nl;
        std::string_view line = doc.substr(end, stop - end);
        bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (flags.wrapped && blank && lines > 0) break;
        end = nl == std::string_view::npos ? doc.size() : nl + 1;
        ++lines;
        if (!flags.wrapped || blank || nl == std::string_view::npos) break;
      }
      std::string_view para = doc.substr(pos, end - pos);
      spans.clear();
      splitter.split(para, spans, pos);
      if (spans.empty() && !jsonl) out += '\n';
      write(doc, line_no, out);
      line_no += lines;
      pos = end;
    }
  });
}

Registrar reg({"sentences", "one sentence per line (each input line is a paragraph unless --wrapped)",
               "echo 'د. کەمال هات. ئایا دەڕۆیت؟ بەڵێ!' | kurdi sentences   # -> 3 lines",
               [](CLI::App& app, Common&) {
                 app.add_flag("--wrapped", flags.wrapped, "lines are hard-wrapped: paragraphs end at blank lines");
                 app.add_option("--format", flags.format, "text (default) or jsonl (byte offsets start/end)");
                 app.add_flag("--ellipsis-ends", flags.ellipsis_ends, "an ellipsis followed by more text ends a sentence");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
