// kurdi index: build or update a Xapian index of Sorani documents (plain-text files, one document
// each, or JSONL records with id, title, text, date, url). Re-indexing an id replaces the document.
// kurdi-stages: search
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>

#include "cli.h"
#include "kurdi/search.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string db;
  size_t shards = 0;
  std::string format = "auto";
  std::string stemmer = "morph";
  std::string stop = "all";
  bool no_exact = false;
  bool no_spelling = false;
  bool no_decode = false;
  bool no_translit = false;
  std::vector<std::string> remove;
  bool quiet = false;
};
Flags flags;

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

struct Progress {
  bool tty = isatty(2) != 0;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last = start;
  size_t total_bytes = 0;  // 0: unknown
  void update(size_t docs, size_t bytes, bool final = false) {
    if (!tty) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last < std::chrono::milliseconds(250)) return;
    last = now;
    double secs = std::chrono::duration<double>(now - start).count();
    double rate = secs > 0 ? docs / secs : 0, mbs = secs > 0 ? bytes / secs / 1e6 : 0;
    std::fprintf(stderr, "\r\033[K%zu docs  %.0f docs/s  %.1f MB/s", docs, rate, mbs);
    if (total_bytes > 0 && bytes > 0 && !final) {
      double eta = secs * (static_cast<double>(total_bytes) / static_cast<double>(bytes) - 1.0);
      int w = 20, fill = static_cast<int>(w * std::min(1.0, static_cast<double>(bytes) / total_bytes));
      std::fprintf(stderr, "  [%s%s] ETA %.0fs", std::string(fill, '#').c_str(), std::string(w - fill, '.').c_str(), eta);
    }
    if (final) std::fprintf(stderr, "  (%.1fs)\n", secs);
    std::fflush(stderr);
  }
};

std::string json_str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

int run(Common& common) {
  if (flags.db.empty()) {
    error("index: --db DIR is required");
    return kExitUsage;
  }
  SearchOptions o;
  auto st = parse_search_stemmer(flags.stemmer);
  if (!st) { error(st.error().message); return kExitUsage; }
  auto sc = parse_stop_categories(flags.stop);
  if (!sc) { error(sc.error().message); return kExitUsage; }
  if (flags.format != "auto" && flags.format != "text" && flags.format != "jsonl") {
    error("index: --format must be auto, text or jsonl");
    return kExitUsage;
  }
  o.stemmer = *st;
  o.stop_categories = *sc;
  o.exact_terms = !flags.no_exact;
  o.spelling = !flags.no_spelling;
  o.decode_legacy = !flags.no_decode;
  o.cross_script = !flags.no_translit;
  auto ix = Indexer::open(flags.db, o, flags.shards);
  if (!ix) {
    error(ix.error().message);
    return ix.error().code == ErrorCode::kBadOption || ix.error().code == ErrorCode::kNotFound ? kExitUsage : kExitBadInput;
  }
  int rc = kExitOk;
  for (const std::string& id : flags.remove) {
    Status s = ix->remove(id);
    if (!s) { error(s.error().message); return kExitBadInput; }
  }
  std::vector<std::string> inputs = common.files;
  if (inputs.empty() && (flags.remove.empty() || !isatty(0))) inputs.push_back("-");
  if (!flags.remove.empty() && common.files.empty() && isatty(0)) inputs.clear();
  Progress progress;
  for (const std::string& p : inputs) {
    struct stat sb;
    if (p != "-" && ::stat(p.c_str(), &sb) == 0) progress.total_bytes += static_cast<size_t>(sb.st_size);
  }
  size_t docs = 0, bytes = 0;
  for (const std::string& path : inputs) {
    std::string data;
    if (!read_all(path, data)) {
      error("index: cannot read " + path);
      rc = kExitBadInput;
      continue;
    }
    if (common.strict) {
      Status s = utf8::check(data, Utf8Policy::kStrict);
      if (!s) { error(path + ": " + s.error().message + " (--strict)"); return kExitBadInput; }
    }
    bool jsonl = flags.format == "jsonl" ||
                 (flags.format == "auto" && (path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0));
    if (flags.format == "auto" && path == "-") {
      size_t f = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
      jsonl = f != std::string::npos && data[f] == '{';
    }
    if (!jsonl) {
      SearchDocument d;
      d.id = path;
      d.text = std::move(data);
      bytes += d.text.size();
      Status s = ix->add(d);
      if (!s) { error(s.error().message); return kExitBadInput; }
      ++docs;
      progress.update(docs, bytes);
      continue;
    }
    size_t pos = 0, line_no = 0;
    while (pos < data.size()) {
      size_t nl = data.find('\n', pos);
      if (nl == std::string::npos) nl = data.size();
      std::string_view line(data.data() + pos, nl - pos);
      bytes += line.size() + 1;
      pos = nl + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      std::string where = path + ":" + std::to_string(line_no);
      if (j.is_discarded() || !j.is_object()) {
        error(where + ": not a JSON object");
        if (common.strict) return kExitBadInput;
        continue;
      }
      SearchDocument d;
      d.id = json_str(j, "id");
      d.title = json_str(j, "title");
      d.text = json_str(j, "text");
      d.date = json_str(j, "date");
      d.url = json_str(j, "url");
      if (d.id.empty()) {
        error(where + ": record without \"id\"");
        if (common.strict) return kExitBadInput;
        continue;
      }
      if (j.contains("delete") && j["delete"] == true) {
        Status s = ix->remove(d.id);
        if (!s) { error(s.error().message); return kExitBadInput; }
        continue;
      }
      Status s = ix->add(d);
      if (!s) { error(where + ": " + s.error().message); return kExitBadInput; }
      ++docs;
      progress.update(docs, bytes);
    }
  }
  Status c = ix->commit();
  if (!c) { error(c.error().message); return kExitBadInput; }
  progress.update(docs, bytes, true);
  if (!flags.quiet && isatty(2)) {
    const IndexStats& s = ix->stats();
    std::fprintf(stderr, "%s: %zu documents indexed (%zu legacy-font decoded, %zu Latin transliterated); %zu in the index, %zu shard(s)\n",
                 flags.db.c_str(), s.documents, s.legacy_decoded, s.transliterated, ix->doc_count(), ix->shards());
  }
  // A malformed record is reported and skipped (exit 1 only under --strict); an unreadable file is exit 1.
  return rc;
}

Registrar reg({"index",
               "index Sorani documents into a Xapian database (plain-text files or JSONL id,title,text,date,url)",
               "kurdi index --db news.db articles.jsonl   # then: kurdi search --db news.db 'کۆچبەر'",
               [](CLI::App& app, Common&) {
                 app.add_option("--db", flags.db, "database directory (created when absent)")->required();
                 app.add_option("--shards", flags.shards, "number of shards for a new database (default 1)");
                 app.add_option("--format", flags.format,
                                "auto (default: .jsonl files and stdin starting with '{' are JSONL), text, jsonl");
                 app.add_option("--stemmer", flags.stemmer, "morph (default), lucene (baseline), none");
                 app.add_option("--stop-categories", flags.stop,
                                "stop-word categories: all (default), none, or a list of preposition,conjunction,pronoun,auxiliary,particle");
                 app.add_option("--delete", flags.remove, "remove the document with this id (repeatable)")->expected(1)->allow_extra_args(false);
                 app.add_flag("--no-exact", flags.no_exact, "do not index exact surface forms (XE prefix)");
                 app.add_flag("--no-spelling", flags.no_spelling, "the index offers no spelling suggestions (did you mean)");
                 app.add_flag("--no-decode", flags.no_decode, "do not detect and decode legacy-font documents");
                 app.add_flag("--no-translit", flags.no_translit, "do not add the Arabic-script reading of Latin-script documents");
                 app.add_flag("-q,--quiet", flags.quiet, "no summary on a terminal");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
