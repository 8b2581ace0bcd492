// kurdi serve: the request layer of the HTTP service, independent of the HTTP library.
//
// Every capability is one Operation in a registry (one entry per operation, registered from a
// static OpRegistrar in serve_ops_<stage>.cc, a file left out of the build when its stage is). An
// operation declares its option fields (name, type, allowed values, default, help); the request
// layer parses the JSON body, checks the text (valid UTF-8, size), checks every field against the
// declaration, fills in the defaults and calls the operation with a deadline. The OpenAPI document
// and the list the web page builds its controls from are generated from the same table.
//
//   POST /v1/<operation>  {"text": "...", <options>}  ->  200 {"result": ...}
//                                                          4xx {"error": "..."}
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kurdi::serve {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Settings of the service (every field is a `kurdi serve` flag).
struct Config {
  std::string host = "127.0.0.1";      // --host
  int port = 8080;                     // --port (0: any free port, printed at start)
  size_t max_body = 10u << 20;         // --max-body: request body limit in bytes (default 10 MB)
  double timeout = 10;                 // --timeout: seconds per request (reading, processing, writing)
  int threads = 64;                    // --threads: worker threads; a connection holds one while it is
                                       // kept alive (up to 100 requests), further connections wait
  std::string db;                      // --db: search database directory (the only file-system access)
  std::string cors_origin;             // --cors ORIGIN: Access-Control-Allow-Origin (off by default)
  bool access_log = true;              // --quiet turns the one-JSON-line-per-request log off
};

// One option field of an operation.
struct Field {
  enum class Type { kBool, kInt, kNumber, kString, kEnum };
  std::string name;                  // JSON name, snake_case
  Type type = Type::kString;
  std::vector<std::string> choices;  // kEnum: allowed values
  Json def;                          // default value (null: absent means "not set")
  std::string help;
  double min = 0, max = 0;           // kInt/kNumber: allowed range when min < max
};

// What an operation is called with: the text and its options (every declared field present,
// defaults filled in), the service settings and the deadline.
struct Call {
  std::string_view text;
  const Json& options;
  const Config& config;
  Clock::time_point deadline;

  bool expired() const { return Clock::now() > deadline; }
  // Typed access to an option (the field was checked against its declaration).
  bool flag(const char* name) const;
  long long integer(const char* name) const;
  double number(const char* name) const;
  std::string str(const char* name) const;
};

// What an operation answers: a result (status 200) or an error message with a 4xx/5xx status.
struct Reply {
  int status = 200;
  Json result;
  std::string error;

  static Reply ok(Json r) { return Reply{200, std::move(r), {}}; }
  static Reply fail(int status, std::string message) { return Reply{status, nullptr, std::move(message)}; }
};

struct Operation {
  std::string name;        // path segment: POST /v1/<name>
  std::string stage;       // the library stage that serves it
  std::string summary;     // English
  std::string summary_ku;  // Sorani (the web page shows both)
  bool text_result = true; // result is a string (text -> text); otherwise an array of objects
  bool needs_db = false;   // only offered when --db is given (search)
  std::vector<Field> fields;
  std::string example;     // example input text (OpenAPI example, page placeholder)
  std::function<Reply(const Call&)> run;
};

// Field declarations, short.
inline Field bool_field(std::string name, Json def, std::string help) {
  return Field{std::move(name), Field::Type::kBool, {}, std::move(def), std::move(help)};
}
inline Field enum_field(std::string name, std::vector<std::string> choices, Json def, std::string help) {
  return Field{std::move(name), Field::Type::kEnum, std::move(choices), std::move(def), std::move(help)};
}
inline Field int_field(std::string name, long long def, double min, double max, std::string help) {
  return Field{std::move(name), Field::Type::kInt, {}, Json(def), std::move(help), min, max};
}
inline Field number_field(std::string name, double def, double min, double max, std::string help) {
  return Field{std::move(name), Field::Type::kNumber, {}, Json(def), std::move(help), min, max};
}
inline Field string_field(std::string name, Json def, std::string help) {
  return Field{std::move(name), Field::Type::kString, {}, std::move(def), std::move(help)};
}

std::vector<Operation>& registry();
const Operation* find_operation(std::string_view name);
// The operations in a fixed order (pipeline order; the page and the documents list them so).
std::vector<const Operation*> ordered_operations();

struct OpRegistrar {
  explicit OpRegistrar(Operation op) { registry().push_back(std::move(op)); }
};

// Handles POST /v1/<op> with `body` (the raw request body). Never throws.
Reply handle(std::string_view op, std::string_view body, const Config& config);
// The JSON text of a reply: {"result": ...} or {"error": "..."}. Never throws.
std::string to_body(const Reply& reply);
// {"error": message} as JSON text.
std::string error_body(std::string_view message);

// GET /openapi.json, GET /v1/operations, GET /version.
std::string openapi_json(const Config& config);
std::string operations_json(const Config& config);
std::string version_json();

// The lines of the request text: fn(line without its "\n" / "\r\n", byte offset of the line,
// 1-based line number); checks the deadline between lines. False when the deadline passed (the
// reply is then 413).
bool for_each_line(const Call& call,
                   const std::function<void(std::string_view line, size_t offset, size_t line_no)>& fn);
// Line-preserving helper for text operations: fn(line, out) per line ("\n" and "\r\n" copied);
// false when the deadline passed, as for_each_line.
bool map_lines(const Call& call, std::string& out,
               const std::function<void(std::string_view line, std::string& out)>& fn);
// The reply for a request whose processing ran past the deadline.
Reply timeout_reply(const Call& call);

// Engines built for a set of options, shared between requests (engines are immutable and
// thread-safe). Keyed by the canonical JSON of the options; at most 64 sets per operation.
class EngineCache {
 public:
  template <class T, class Make>
  std::shared_ptr<const T> get(const std::string& key, Make&& make) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = map_.find(key);
      if (it != map_.end()) return std::static_pointer_cast<const T>(it->second);
    }
    std::shared_ptr<const T> made = make();  // built outside the lock (may take a while)
    std::lock_guard<std::mutex> lock(mu_);
    if (map_.size() >= 64) map_.clear();
    map_.emplace(key, made);
    return made;
  }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const void>> map_;
};

// JSON text helpers shared by the operations.
std::string canonical(const Json& options);

}  // namespace kurdi::serve
