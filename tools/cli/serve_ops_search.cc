// kurdi serve: POST /v1/search (only when the server was started with --db DIR).
// kurdi-stages: search serve
#include <mutex>

#include "kurdi/search.h"
#include "serve_api.h"

namespace kurdi::serve {
namespace {

// The database of --db, opened at the first search (the only files the server reads).
Result<Searcher>* searcher(const std::string& db) {
  static std::once_flag once;
  static std::unique_ptr<Result<Searcher>> s;
  std::call_once(once, [&] { s = std::make_unique<Result<Searcher>>(Searcher::open({db})); });
  return s.get();
}

Reply search(const Call& c) {
  if (c.config.db.empty()) return Reply::fail(404, "search needs a database: start the server with --db DIR");
  Result<Searcher>* s = searcher(c.config.db);
  if (!s->ok()) return Reply::fail(503, "the search database cannot be opened: " + s->error().message);
  SearchRequest req;
  req.query = std::string(c.text);
  req.limit = static_cast<size_t>(c.integer("limit"));
  req.offset = static_cast<size_t>(c.integer("offset"));
  req.snippets = c.flag("snippets");
  auto r = s->value().search(req);
  if (!r.ok()) return Reply::fail(400, "search: " + r.error().message);
  Json out = Json::array();
  for (const SearchHit& h : r->hits) {
    Json hl = Json::array();
    for (const auto& [b, e] : h.highlights) hl.push_back({{"start", b}, {"end", e}});
    Json j = {{"rank", h.rank}, {"weight", h.weight}, {"percent", h.percent}, {"id", h.id}, {"title", h.title},
              {"date", h.date}, {"url", h.url}, {"snippet", h.snippet}, {"highlights", std::move(hl)}};
    if (r->corrected) j["corrected_query"] = r->suggestion;
    out.push_back(std::move(j));
  }
  return Reply::ok(std::move(out));
}

OpRegistrar reg({"search", "search", "full-text search of the database given with --db (Kurdish-aware stems, both scripts)",
                 "گەڕان لە بنکەدراوە", false, true,
                 {int_field("limit", 10, 1, 100, "hits to return"),
                  int_field("offset", 0, 0, 100000, "hits to skip (paging)"),
                  bool_field("snippets", true, "a text window around the matches, with highlight spans")},
                 "کۆچبەر", search});

}  // namespace
}  // namespace kurdi::serve
