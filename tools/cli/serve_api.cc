// kurdi serve: request layer (parse, check, dispatch) and the generated OpenAPI document.
// kurdi-stages: normalize serve
#include "serve_api.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <new>

#include "kurdi/text.h"
#include "kurdi/version.h"

namespace kurdi::serve {

std::vector<Operation>& registry() {
  static std::vector<Operation> r;
  return r;
}

std::vector<const Operation*> ordered_operations() {
  static const char* const kOrder[] = {"normalize", "decode", "translit", "g2p", "numbers", "verbalize", "spell",
                                       "tokenize", "sentences", "analyze", "lemmatize", "stem", "inflect", "detect", "search"};
  auto rank = [](const std::string& name) {
    size_t i = 0;
    for (; i < sizeof(kOrder) / sizeof(kOrder[0]); ++i)
      if (name == kOrder[i]) break;
    return i;
  };
  std::vector<const Operation*> v;
  for (const Operation& op : registry()) v.push_back(&op);
  std::stable_sort(v.begin(), v.end(), [&](const Operation* a, const Operation* b) {
    size_t ra = rank(a->name), rb = rank(b->name);
    return ra != rb ? ra < rb : a->name < b->name;
  });
  return v;
}

const Operation* find_operation(std::string_view name) {
  for (const Operation& op : registry())
    if (op.name == name) return &op;
  return nullptr;
}

bool Call::flag(const char* name) const {
  auto it = options.find(name);
  return it != options.end() && it->is_boolean() && it->get<bool>();
}
long long Call::integer(const char* name) const {
  auto it = options.find(name);
  return it != options.end() && it->is_number() ? it->get<long long>() : 0;
}
double Call::number(const char* name) const {
  auto it = options.find(name);
  return it != options.end() && it->is_number() ? it->get<double>() : 0.0;
}
std::string Call::str(const char* name) const {
  auto it = options.find(name);
  return it != options.end() && it->is_string() ? it->get<std::string>() : std::string();
}

namespace {

constexpr size_t kMaxDepth = 32;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string json_quoted(std::string_view s) { return dump(Json(std::string(s))); }

// Deepest nesting of [ and { outside strings (checked before parsing: bounded work, no deep trees).
size_t nesting_depth(std::string_view body) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_message(const char* what) {
  std::string m = what;
  if (!m.empty() && m[0] == '[') {
    size_t close = m.find("] ");
    if (close != std::string::npos) m.erase(0, close + 2);
  }
  return m;
}

const char* type_name(Field::Type t) {
  switch (t) {
    case Field::Type::kBool: return "a boolean (true or false)";
    case Field::Type::kInt: return "an integer";
    case Field::Type::kNumber: return "a number";
    case Field::Type::kString: return "a string";
    case Field::Type::kEnum: return "a string";
  }
  return "a value";
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += sep;
    s += v[i];
  }
  return s;
}

std::vector<std::string> operation_names(const Config& config) {
  std::vector<std::string> names;
  for (const Operation* op : ordered_operations())
    if (!op->needs_db || !config.db.empty()) names.push_back(op->name);
  return names;
}

// Checks one field value; empty string when it is acceptable.
std::string check_field(const Operation& op, const Field& f, const Json& v) {
  std::string where = "field \"" + f.name + "\" of " + op.name;
  switch (f.type) {
    case Field::Type::kBool:
      if (!v.is_boolean()) return where + " must be " + type_name(f.type);
      break;
    case Field::Type::kInt:
      if (!v.is_number_integer()) return where + " must be " + type_name(f.type);
      if (f.min < f.max && (v.get<double>() < f.min || v.get<double>() > f.max))
        return where + " must be between " + std::to_string(static_cast<long long>(f.min)) + " and " +
               std::to_string(static_cast<long long>(f.max));
      break;
    case Field::Type::kNumber:
      if (!v.is_number()) return where + " must be " + type_name(f.type);
      if (f.min < f.max && (v.get<double>() < f.min || v.get<double>() > f.max)) {
        char b[96];
        std::snprintf(b, sizeof b, " must be between %g and %g", f.min, f.max);
        return where + b;
      }
      break;
    case Field::Type::kString:
      if (!v.is_string()) return where + " must be " + type_name(f.type);
      if (v.get_ref<const std::string&>().size() > 1024) return where + " is longer than 1024 bytes";
      break;
    case Field::Type::kEnum:
      if (!v.is_string() ||
          std::find(f.choices.begin(), f.choices.end(), v.get<std::string>()) == f.choices.end())
        return where + " must be one of " + join(f.choices, ", ") + " (got " + dump(v) + ")";
      break;
  }
  return {};
}

}  // namespace

std::string canonical(const Json& options) { return dump(options); }

std::string error_body(std::string_view message) {
  return "{\"error\":" + json_quoted(message) + "}";
}

std::string to_body(const Reply& reply) {
  try {
    if (reply.status >= 400) return error_body(reply.error.empty() ? "error" : reply.error);
    return "{\"result\":" + dump(reply.result) + "}";
  } catch (...) {
    return "{\"error\":\"internal error while writing the reply\"}";
  }
}

bool for_each_line(const Call& call,
                   const std::function<void(std::string_view line, size_t offset, size_t line_no)>& fn) {
  std::string_view text = call.text;
  size_t pos = 0, line_no = 1;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end > pos && text[end - 1] == '\r') --end;
    fn(text.substr(pos, end - pos), pos, line_no);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line_no;
    if (call.expired()) return false;
  }
  return true;
}

bool map_lines(const Call& call, std::string& out,
               const std::function<void(std::string_view line, std::string& out)>& fn) {
  out.reserve(out.size() + call.text.size() + call.text.size() / 4);
  return for_each_line(call, [&](std::string_view line, size_t offset, size_t) {
    if (offset > 0) out += offset >= 2 && call.text[offset - 2] == '\r' ? "\r\n" : "\n";
    fn(line, out);
  });
}

Reply timeout_reply(const Call& call) {
  char b[64];
  std::snprintf(b, sizeof b, "%g", call.config.timeout);
  return Reply::fail(413, std::string("processing the text took longer than the per-request limit of ") + b +
                              " s (--timeout); send a shorter text");
}

Reply handle(std::string_view name, std::string_view body, const Config& config) {
  try {
    const Clock::time_point start = Clock::now();
    const Operation* op = find_operation(name);
    if (!op || (op->needs_db && config.db.empty())) {
      if (op) return Reply::fail(404, "operation \"" + op->name + "\" needs a search database: start the server with --db DIR");
      return Reply::fail(404, "unknown operation " + json_quoted(name.substr(0, 64)) +
                                  "; the operations are: " + join(operation_names(config), ", "));
    }
    if (body.size() > config.max_body)
      return Reply::fail(413, "request body of " + std::to_string(body.size()) + " bytes is larger than the limit of " +
                                  std::to_string(config.max_body) + " bytes (--max-body)");
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
      return Reply::fail(400, "empty request body: send a JSON object such as {\"text\": \"...\"}");
    size_t bad = utf8::find_invalid(body);
    if (bad != std::string_view::npos)
      return Reply::fail(400, "request body is not valid UTF-8 (first invalid byte at offset " + std::to_string(bad) +
                                  "); send the text encoded as UTF-8");
    if (nesting_depth(body) > kMaxDepth)
      return Reply::fail(400, "malformed request: JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
    Json req;
    try {
      req = Json::parse(body.begin(), body.end());
    } catch (const Json::parse_error& e) {
      return Reply::fail(400, "malformed JSON: " + parse_message(e.what()));
    }
    if (!req.is_object()) return Reply::fail(400, "the request body must be a JSON object such as {\"text\": \"...\"}");
    auto text_it = req.find("text");
    if (text_it == req.end())
      return Reply::fail(400, "missing field \"text\": the text to process, as a JSON string");
    if (!text_it->is_string()) return Reply::fail(400, "field \"text\" must be a string");

    Json options = Json::object();
    for (auto it = req.begin(); it != req.end(); ++it) {
      if (it.key() == "text") continue;
      const Field* f = nullptr;
      for (const Field& cand : op->fields)
        if (cand.name == it.key()) f = &cand;
      if (!f) {
        std::vector<std::string> known{"text"};
        for (const Field& cand : op->fields) known.push_back(cand.name);
        return Reply::fail(400, "unknown field " + json_quoted(it.key().substr(0, 64)) + " for " + op->name +
                                    " (fields: " + join(known, ", ") + ")");
      }
      if (it->is_null()) continue;  // null: the default
      std::string problem = check_field(*op, *f, *it);
      if (!problem.empty()) return Reply::fail(400, problem);
      options[f->name] = *it;
    }
    for (const Field& f : op->fields)
      if (!options.contains(f.name) && !f.def.is_null()) options[f.name] = f.def;

    const std::string& text = text_it->get_ref<const std::string&>();
    auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(config.timeout));
    Call call{text, options, config, deadline};
    Reply r = op->run(call);
    if (r.status == 200 && call.expired()) return timeout_reply(call);
    return r;
  } catch (const std::bad_alloc&) {
    return Reply::fail(503, "out of memory while processing the request; send a shorter text");
  } catch (const std::exception& e) {
    return Reply::fail(500, std::string("internal error: ") + e.what());
  } catch (...) {
    return Reply::fail(500, "internal error");
  }
}

namespace {

Json field_schema(const Field& f) {
  Json s = Json::object();
  switch (f.type) {
    case Field::Type::kBool: s["type"] = "boolean"; break;
    case Field::Type::kInt: s["type"] = "integer"; break;
    case Field::Type::kNumber: s["type"] = "number"; break;
    case Field::Type::kString: s["type"] = "string"; s["maxLength"] = 1024; break;
    case Field::Type::kEnum: s["type"] = "string"; s["enum"] = f.choices; break;
  }
  if ((f.type == Field::Type::kInt || f.type == Field::Type::kNumber) && f.min < f.max) {
    s["minimum"] = f.min;
    s["maximum"] = f.max;
  }
  if (!f.def.is_null()) s["default"] = f.def;
  s["description"] = f.help;
  return s;
}

Json field_list(const Operation& op) {
  Json fields = Json::array();
  for (const Field& f : op.fields) {
    Json j = field_schema(f);
    j["name"] = f.name;
    fields.push_back(std::move(j));
  }
  return fields;
}

}  // namespace

std::string operations_json(const Config& config) {
  Json ops = Json::array();
  for (const Operation* opp : ordered_operations()) {
    const Operation& op = *opp;
    if (op.needs_db && config.db.empty()) continue;
    ops.push_back({{"name", op.name},
                   {"stage", op.stage},
                   {"summary", op.summary},
                   {"summary_ku", op.summary_ku},
                   {"result", op.text_result ? "text" : "list"},
                   {"example", op.example},
                   {"fields", field_list(op)}});
  }
  return dump(Json{{"operations", ops}});
}

std::string version_json() {
  std::string v(kurdi::version_string());
  Json ops = Json::array();
  for (const Operation* op : ordered_operations()) ops.push_back(op->name);
  return dump(Json{{"name", "kurdi"}, {"version", v}, {"operations", ops}});
}

std::string openapi_json(const Config& config) {
  Json error_schema = {{"type", "object"},
                       {"required", {"error"}},
                       {"properties", {{"error", {{"type", "string"}, {"description", "what was wrong, in English"}}}}}};
  Json error_ref = {{"$ref", "#/components/schemas/Error"}};
  auto error_response = [&](const char* why) {
    return Json{{"description", why}, {"content", {{"application/json", {{"schema", error_ref}}}}}};
  };
  Json paths = Json::object();
  for (const Operation* opp : ordered_operations()) {
    const Operation& op = *opp;
    if (op.needs_db && config.db.empty()) continue;
    Json props = Json::object();
    props["text"] = {{"type", "string"}, {"description", "the input text (UTF-8)"}};
    for (const Field& f : op.fields) props[f.name] = field_schema(f);
    Json req_schema = {{"type", "object"}, {"required", {"text"}}, {"additionalProperties", false}, {"properties", props}};
    Json result_schema = op.text_result
                             ? Json{{"type", "string"}}
                             : Json{{"type", "array"}, {"items", {{"type", "object"}}}};
    Json ok_schema = {{"type", "object"}, {"required", {"result"}}, {"properties", {{"result", result_schema}}}};
    paths["/v1/" + op.name] = {
        {"post",
         {{"operationId", op.name},
          {"summary", op.summary},
          {"description", op.summary + "\n\n" + op.summary_ku},
          {"tags", {op.stage}},
          {"requestBody",
           {{"required", true},
            {"content", {{"application/json", {{"schema", req_schema}, {"example", {{"text", op.example}}}}}}}}},
          {"responses",
           {{"200", {{"description", op.text_result ? "the converted text" : "one object per item"},
                     {"content", {{"application/json", {{"schema", ok_schema}}}}}}},
            {"400", error_response("malformed JSON, invalid UTF-8, a missing or unknown field, or a bad value")},
            {"404", error_response("unknown operation")},
            {"413", error_response("body larger than --max-body, or processing longer than --timeout")}}}}}};
  }
  auto get_json = [](const char* summary, Json schema) {
    return Json{{"get",
                 {{"summary", summary},
                  {"responses",
                   {{"200", {{"description", "OK"}, {"content", {{"application/json", {{"schema", schema}}}}}}}}}}}};
  };
  paths["/healthz"] = get_json("liveness: {\"status\": \"ok\"}",
                               {{"type", "object"}, {"properties", {{"status", {{"type", "string"}}}}}});
  paths["/version"] = get_json("engine version and the operations of this build",
                               {{"type", "object"},
                                {"properties",
                                 {{"name", {{"type", "string"}}},
                                  {"version", {{"type", "string"}}},
                                  {"operations", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}});
  paths["/v1/operations"] = get_json("every operation with its option fields (the web page builds its form from it)",
                                     {{"type", "object"}});
  paths["/openapi.json"] = get_json("this document", {{"type", "object"}});
  Json doc = {{"openapi", "3.0.3"},
              {"info",
               {{"title", "kurdi"},
                {"version", std::string(kurdi::version_string())},
                {"description",
                 "Central Kurdish (Sorani) text engine as a service. POST /v1/<operation> with a JSON object "
                 "{\"text\": \"...\", <options>}; the answer is {\"result\": ...} (a string for text-to-text "
                 "operations, an array of objects otherwise) or {\"error\": \"...\"} with a 4xx status. "
                 "Offsets (start, end) are byte offsets into the UTF-8 text."}}},
              {"servers", {{{"url", "/"}}}},
              {"paths", paths},
              {"components", {{"schemas", {{"Error", error_schema}}}}}};
  return dump(doc);
}

}  // namespace kurdi::serve
