// kurdi serve: the HTTP/1.1 JSON API over every capability, and the web page.
// kurdi-stages: normalize serve
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>

#include "cli.h"
#include "serve_api.h"
#include "serve_page.h"

namespace kurdi::cli {
namespace {

serve::Config config;
bool quiet = false;

// cpp-httplib 0.11 listens with a backlog of 5 (compiled into Debian's library): bursts of new
// connections overflow it and the dropped SYNs come back after 1 s or 3 s. Linux lets listen() be
// called again on a listening socket to raise the backlog; the socket is a protected member.
class Server : public httplib::Server {
 public:
  void raise_backlog() {
    socket_t s = svr_sock_;
    if (s != INVALID_SOCKET) ::listen(s, SOMAXCONN);
  }
};

std::mutex log_mu;
thread_local std::chrono::steady_clock::time_point request_start{};

void log_line(const std::string& line) {
  std::lock_guard<std::mutex> lock(log_mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char b[96];
  std::snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return b;
}

void event(const std::string& name, serve::Json extra = serve::Json::object()) {
  extra["time"] = utc_now();
  extra["event"] = name;
  log_line(extra.dump(-1, ' ', false, serve::Json::error_handler_t::replace));
}

const char* status_message(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "no such path (the API is POST /v1/<operation>; see /openapi.json)";
    case 405: return "method not allowed";
    case 408: return "the request was not received in time";
    case 413: return "request body is larger than the limit (--max-body)";
    case 414: return "request URI too long";
    case 415: return "unsupported media type";
    case 500: return "internal error";
    case 503: return "service unavailable";
    default: return "error";
  }
}

void json_reply(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

int run(Common&) {
  if (config.port < 0 || config.port > 65535) { error("--port must be between 0 and 65535"); return kExitUsage; }
  if (config.threads < 1 || config.threads > 1024) { error("--threads must be between 1 and 1024"); return kExitUsage; }
  if (!(config.timeout > 0) || config.timeout > 3600) { error("--timeout must be between 0 and 3600 seconds"); return kExitUsage; }
  if (config.max_body < 16) { error("--max-body must be at least 16 bytes"); return kExitUsage; }
  if (!config.db.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(config.db, ec)) { error("--db: not a directory: " + config.db); return kExitUsage; }
  }
  config.access_log = !quiet;

  Server svr;
  const int threads = config.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  svr.set_payload_max_length(config.max_body);
  time_t secs = static_cast<time_t>(config.timeout);
  time_t usecs = static_cast<time_t>((config.timeout - static_cast<double>(secs)) * 1e6);
  svr.set_read_timeout(secs, usecs);
  svr.set_write_timeout(secs, usecs);
  svr.set_keep_alive_timeout(5);
  svr.set_keep_alive_max_count(1000);  // then it is closed: the client reconnects at the end of the queue
  svr.set_tcp_nodelay(true);

  httplib::Headers defaults{{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}};
  if (!config.cors_origin.empty()) {
    defaults.emplace("Access-Control-Allow-Origin", config.cors_origin);
    defaults.emplace("Vary", "Origin");
  }
  svr.set_default_headers(defaults);

  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      std::string msg = status_message(res.status);
      if (res.status == 413) msg = "request body is larger than the limit of " + std::to_string(config.max_body) + " bytes (--max-body)";
      json_reply(res, res.status, serve::error_body(msg));
    }
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    json_reply(res, 500, serve::error_body("internal error"));
  });
  if (config.access_log) {
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      serve::Json j = {{"time", utc_now()}, {"remote", req.remote_addr}, {"method", req.method},
                       {"path", req.path.substr(0, 256)}, {"status", res.status}, {"in", req.body.size()},
                       {"out", res.body.size()}};
      if (request_start != std::chrono::steady_clock::time_point{}) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start).count();
        j["ms"] = std::round(ms * 1000) / 1000;
      }
      request_start = {};
      log_line(j.dump(-1, ' ', false, serve::Json::error_handler_t::replace));
    });
  }

  // The page: embedded files only (no file-system access).
  size_t n_assets = 0;
  const serve::Asset* assets = serve::web_assets(n_assets);
  const std::string csp =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
      "font-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
  for (size_t i = 0; i < n_assets; ++i) {
    const serve::Asset& a = assets[i];
    svr.Get(std::string(a.path), [a, csp](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy", csp);
      res.set_header("Cache-Control", "no-cache");
      res.set_content(a.body.data(), a.body.size(), std::string(a.content_type).c_str());
    });
  }
  svr.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    json_reply(res, 200, "{\"status\":\"ok\"}");
  });
  svr.Get("/version", [](const httplib::Request&, httplib::Response& res) { json_reply(res, 200, serve::version_json()); });
  const std::string openapi = serve::openapi_json(config);
  const std::string operations = serve::operations_json(config);
  svr.Get("/openapi.json", [openapi](const httplib::Request&, httplib::Response& res) { json_reply(res, 200, openapi); });
  svr.Get("/v1/operations", [operations](const httplib::Request&, httplib::Response& res) {
    json_reply(res, 200, operations);
  });
  svr.Get(R"(/v1/(.*))", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "POST");
    json_reply(res, 405, serve::error_body("use POST with a JSON body {\"text\": \"...\"}"));
  });
  svr.Post(R"(/v1/([^/]*))", [](const httplib::Request& req, httplib::Response& res) {
    serve::Reply r = serve::handle(req.matches[1].str(), req.body, config);
    json_reply(res, r.status, serve::to_body(r));
  });
  if (!config.cors_origin.empty()) {
    svr.Options(R"(/v1/(.*))", [](const httplib::Request&, httplib::Response& res) {
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    });
  }

  // SIGTERM / SIGINT: stop accepting, finish the requests in flight, exit 0. The signals are blocked
  // in every thread (the worker threads inherit the mask) and taken by one waiting thread.
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&set, &sig);
    if (!done) event("shutdown", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
    svr.stop();
  });

  // Build the default engines before the first request (and check every operation once).
  for (const serve::Operation* op : serve::ordered_operations()) {
    if (op->needs_db && config.db.empty()) continue;
    serve::Reply r = serve::handle(op->name, serve::Json{{"text", op->example}}.dump(), config);
    if (r.status >= 500) event("warmup_failed", {{"operation", op->name}, {"error", r.error}});
  }

  int port = config.port;
  bool bound = port == 0 ? (port = svr.bind_to_any_port(config.host)) > 0 : svr.bind_to_port(config.host, port);
  int rc = kExitOk;
  if (!bound) {
    error("cannot listen on " + config.host + ":" + std::to_string(config.port) + " (address in use or not available)");
    rc = kExitBadInput;
  } else {
    serve::Json ops = serve::Json::array();
    for (const serve::Operation* op : serve::ordered_operations())
      if (!op->needs_db || !config.db.empty()) ops.push_back(op->name);
    svr.raise_backlog();
    event("listening", {{"url", "http://" + config.host + ":" + std::to_string(port) + "/"},
                        {"host", config.host}, {"port", port}, {"threads", config.threads},
                        {"max_body", config.max_body}, {"timeout", config.timeout}, {"operations", ops}});
    if (!svr.listen_after_bind()) rc = kExitBadInput;
  }
  done = true;
  kill(getpid(), SIGTERM);  // wakes the waiting thread when the server stopped on its own
  waiter.join();
  if (bound) event("stopped");
  return rc;
}

Registrar reg({"serve", "HTTP/1.1 JSON API over every capability (POST /v1/<operation>) and a web page at /",
               "kurdi serve --port 8080   # then: curl -d '{\"text\":\"بةرهةمةكاني\"}' localhost:8080/v1/normalize",
               [](CLI::App& app, Common&) {
                 app.add_option("--port", config.port, "TCP port (default 8080; 0: any free port, printed at start)");
                 app.add_option("--host", config.host, "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)");
                 app.add_option("--max-body", config.max_body, "request body limit in bytes (default 10485760 = 10 MB)");
                 app.add_option("--timeout", config.timeout, "seconds allowed per request: reading, processing, writing (default 10)");
                 app.add_option("--threads", config.threads, "worker threads (default 64); each serves one connection at a time, further connections wait");
                 app.add_option("--db", config.db, "search database directory (enables /v1/search; the only files the server reads)");
                 app.add_option("--cors", config.cors_origin, "allow this origin (e.g. https://example.org or *) to call the API from a browser (default: off)");
                 app.add_flag("--quiet", quiet, "no access log (default: one JSON line per request on stderr)");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
