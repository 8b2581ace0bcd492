// kurdi search: ranked search over one or more kurdi/Xapian indexes (local, sharded or remote).
// kurdi-stages: search
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "kurdi/search.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::vector<std::string> dbs;
  std::vector<std::string> remotes;
  size_t limit = 10;
  size_t offset = 0;
  bool json = false;
  bool explain = false;
  bool no_snippets = false;
  bool batch = false;
  std::string color = "auto";
  bool no_correct = false;
  bool no_translit = false;
  double exact_weight = SearchOptions{}.exact_weight;
};
Flags flags;

nlohmann::json to_json(const std::string& query, const SearchResults& r, bool explain) {
  nlohmann::json j;
  j["query"] = query;
  j["estimated"] = r.estimated;
  if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
  j["corrected"] = r.corrected;
  nlohmann::json hits = nlohmann::json::array();
  for (const SearchHit& h : r.hits) {
    nlohmann::json o;
    o["rank"] = h.rank + 1;
    o["id"] = h.id;
    o["title"] = h.title;
    o["weight"] = h.weight;
    o["percent"] = h.percent;
    if (!h.date.empty()) o["date"] = h.date;
    if (!h.url.empty()) o["url"] = h.url;
    o["snippet"] = h.snippet;
    nlohmann::json hl = nlohmann::json::array();
    for (const auto& [s, e] : h.highlights) hl.push_back({{"start", s}, {"end", e}});
    o["highlights"] = hl;
    hits.push_back(o);
  }
  j["hits"] = hits;
  if (explain) j["explain"] = r.explanation;
  return j;
}

void print_text(const SearchResults& r, bool color, std::string& out) {
  const char* on = color ? "\033[1;33m" : "[";
  const char* off = color ? "\033[0m" : "]";
  if (r.corrected) out += "No results; showing results for: " + r.suggestion + "\n";
  else if (!r.suggestion.empty()) out += "Did you mean: " + r.suggestion + "\n";
  for (const SearchHit& h : r.hits) {
    char head[64];
    std::snprintf(head, sizeof head, "%zu. ", h.rank + 1);
    out += head;
    out += h.id;
    if (!h.title.empty()) out += "  " + h.title;
    std::snprintf(head, sizeof head, "  (%.3f", h.weight);
    out += head;
    if (!h.date.empty()) out += ", " + h.date;
    out += ")";
    if (!h.url.empty()) out += "  " + h.url;
    out += "\n   ";
    size_t at = 0;
    for (const auto& [s, e] : h.highlights) {
      if (s < at) continue;
      out.append(h.snippet, at, s - at);
      out += on;
      out.append(h.snippet, s, e - s);
      out += off;
      at = e;
    }
    out.append(h.snippet, at, std::string::npos);
    out += "\n";
  }
  if (r.hits.empty() && !r.corrected) out += "No results.\n";
  else {
    char tail[64];
    std::snprintf(tail, sizeof tail, "(about %zu matches)\n", r.estimated);
    out += tail;
  }
}

int run(Common& common) {
  std::vector<std::string> dbs = flags.dbs;
  for (const std::string& r : flags.remotes) dbs.push_back("tcp://" + r);
  if (dbs.empty()) {
    error("search: --db DIR (or --remote HOST:PORT) is required");
    return kExitUsage;
  }
  SearchOptions o;
  o.auto_correct = !flags.no_correct;
  if (!(flags.exact_weight >= 0)) {
    error("search: --exact-weight must be >= 0");
    return kExitUsage;
  }
  o.exact_weight = flags.exact_weight;
  o.cross_script = !flags.no_translit;
  auto s = Searcher::open(dbs, o);
  if (!s) {
    error(s.error().message);
    return s.error().code == ErrorCode::kNotFound || s.error().code == ErrorCode::kBadOption ? kExitUsage
                                                                                             : kExitBadInput;
  }
  bool color = flags.color == "always" || (flags.color == "auto" && isatty(1));
  Output out;
  auto one = [&](const std::string& q) -> int {
    SearchRequest req;
    req.query = q;
    req.limit = flags.limit;
    req.offset = flags.offset;
    req.snippets = !flags.no_snippets;
    req.explain = flags.explain;
    auto r = s->search(req);
    if (!r) {
      error(r.error().message);
      return r.error().code == ErrorCode::kBadOption ? kExitUsage : kExitBadInput;
    }
    if (flags.json || flags.batch) {
      out.buf() += to_json(q, *r, flags.explain).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out.buf() += "\n";
    } else {
      if (flags.explain) out.buf() += r->explanation;
      print_text(*r, color, out.buf());
    }
    out.maybe_flush();
    return kExitOk;
  };
  if (flags.batch) {
    // One query per line from the files (or stdin); one JSON object per line out.
    std::vector<std::string> inputs = common.files.empty() ? std::vector<std::string>{"-"} : common.files;
    for (const std::string& path : inputs) {
      std::ifstream f;
      std::istream* in = &std::cin;
      if (path != "-") {
        f.open(path);
        if (!f) { error("search: cannot read " + path); return kExitBadInput; }
        in = &f;
      }
      std::string line;
      while (std::getline(*in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        int rc = one(line);
        if (rc == kExitBadInput) return rc;
        if (rc != kExitOk) out.buf() += "{\"query\":" + nlohmann::json(line).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ",\"error\":true,\"hits\":[]}\n";
      }
    }
    out.flush();
    return kExitOk;
  }
  std::string query;
  for (const std::string& w : common.files) {
    if (!query.empty()) query += ' ';
    query += w;
  }
  if (query.empty()) {
    error("search: no query (kurdi search --db DIR QUERY)");
    return kExitUsage;
  }
  int rc = one(query);
  out.flush();
  return rc;
}

Registrar reg({"search",
               "search kurdi indexes: ranked hits with snippets, Xapian query syntax, Latin-script queries, did-you-mean",
               "kurdi search --db news.db 'کۆچبەران AND ئەڵمانیا'   # also: 'koçber', '\"کۆچبەرانی سووری\"', --json, --explain",
               [](CLI::App& app, Common&) {
                 app.add_option("--db", flags.dbs, "database directory or stub file (repeatable: searched as one)")->expected(1)->allow_extra_args(false);
                 app.add_option("--remote", flags.remotes, "HOST:PORT of a xapian-tcpsrv database (repeatable)")->expected(1)->allow_extra_args(false);
                 app.add_option("-n,--limit", flags.limit, "number of hits (default 10)");
                 app.add_option("--offset", flags.offset, "skip this many hits (default 0)");
                 app.add_flag("--json", flags.json, "one JSON object: hits with snippets and highlight byte spans");
                 app.add_flag("--explain", flags.explain, "show how the query was analysed (terms, stems, stop words, Xapian query)");
                 app.add_flag("--no-snippets", flags.no_snippets, "no snippets (faster)");
                 app.add_flag("--batch", flags.batch, "queries from files/stdin, one per line; JSONL out, one line per query");
                 app.add_flag("--no-correct", flags.no_correct, "never replace a query without hits by its spelling suggestion");
                 app.add_option("--exact-weight", flags.exact_weight, "share of BM25 weight of the words as typed beside their stems (default 0.3; 1 = as much)");
                 app.add_flag("--no-translit", flags.no_translit, "do not also search the Arabic-script reading of Latin-script queries");
                 app.add_option("--color", flags.color, "auto (default: when stdout is a terminal), always, never");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
