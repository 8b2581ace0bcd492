// kurdi serve: the request layer (parse, check, dispatch) without the HTTP library, and the
// embedded copy of the web page. The HTTP layer is covered by tests/load/run.sh and tests/e2e.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

// The service sources live in the CLI (tools/cli); the parts under test are compiled in here.
#include "../../tools/cli/serve_api.cc"
#include "../../tools/cli/serve_ops_normalize.cc"
#include "serve_page.cc"  // generated from web/ by tools/cli/embed_web.cmake

namespace kurdi::serve {
namespace {

Config config_with(size_t max_body = 1u << 20, double timeout = 10) {
  Config c;
  c.max_body = max_body;
  c.timeout = timeout;
  return c;
}

// The reply must be a JSON object with "error" (4xx) whose message contains `needle`.
void expect_error(const Reply& r, int status, const std::string& needle) {
  EXPECT_EQ(r.status, status) << r.error;
  EXPECT_NE(r.error.find(needle), std::string::npos) << "message: " << r.error;
  Json body = Json::parse(to_body(r));
  ASSERT_TRUE(body.contains("error"));
  EXPECT_EQ(body["error"].get<std::string>(), r.error);
}

TEST(ServeApi, NormalizeReturnsText) {
  Config c = config_with();
  Reply r = handle("normalize", R"({"text": "بةرهةمةكاني ئةفين ئاسؤ"})", c);
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.result.get<std::string>(), "بەرهەمەکانی ئەفین ئاسۆ");
  Json body = Json::parse(to_body(r));
  EXPECT_EQ(body["result"].get<std::string>(), "بەرهەمەکانی ئەفین ئاسۆ");
}

TEST(ServeApi, LinesAndTerminatorsArePreserved) {
  Config c = config_with();
  Json req = {{"text", "كوردستان\r\n\nئةفين\n"}};
  Reply r = handle("normalize", req.dump(), c);
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.result.get<std::string>(), "کوردستان\r\n\nئەفین\n");
}

TEST(ServeApi, OptionsAreFieldsAndNullMeansDefault) {
  Config c = config_with();
  Reply r = handle("normalize", R"({"text": "ساڵی ٢٠٢١", "digits": "latin"})", c);
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.result.get<std::string>(), "ساڵی 2021");
  Reply d = handle("normalize", R"({"text": "ساڵی ٢٠٢١", "digits": null})", c);
  ASSERT_EQ(d.status, 200) << d.error;
  EXPECT_EQ(d.result.get<std::string>(), "ساڵی ٢٠٢١");
  Reply off = handle("normalize", R"({"text": "ـكورد", "tatweel": false, "letters": false})", c);
  ASSERT_EQ(off.status, 200) << off.error;
  EXPECT_EQ(off.result.get<std::string>(), "ـكورد");
}

TEST(ServeApi, UnknownOperationIs404AndListsTheOperations) {
  Config c = config_with();
  Reply r = handle("frobnicate", R"({"text": "x"})", c);
  expect_error(r, 404, "unknown operation \"frobnicate\"");
  EXPECT_NE(r.error.find("normalize"), std::string::npos);
}

TEST(ServeApi, OversizedBodyIs413) {
  Config c = config_with(64);
  std::string body = "{\"text\": \"" + std::string(100, 'a') + "\"}";
  expect_error(handle("normalize", body, c), 413, "larger than the limit of 64 bytes");
}

TEST(ServeApi, MalformedJsonIs400WithThePosition) {
  Config c = config_with();
  expect_error(handle("normalize", R"({"text": "abc")", c), 400, "malformed JSON");
  expect_error(handle("normalize", R"({"text": 'abc'})", c), 400, "column");
  expect_error(handle("normalize", "not json", c), 400, "malformed JSON");
  expect_error(handle("normalize", R"({"text": "\ud800"})", c), 400, "malformed JSON");  // lone surrogate
}

TEST(ServeApi, InvalidUtf8Is400WithTheOffset) {
  Config c = config_with();
  std::string body = "{\"text\": \"ab\xC3\x28 \xFF\"}";
  expect_error(handle("normalize", body, c), 400, "not valid UTF-8 (first invalid byte at offset 12)");
}

TEST(ServeApi, ShapeOfTheRequestIsChecked) {
  Config c = config_with();
  expect_error(handle("normalize", "", c), 400, "empty request body");
  expect_error(handle("normalize", "  \n", c), 400, "empty request body");
  expect_error(handle("normalize", R"(["text"])", c), 400, "must be a JSON object");
  expect_error(handle("normalize", R"({"txt": "x"})", c), 400, "missing field \"text\"");
  expect_error(handle("normalize", R"({"text": 5})", c), 400, "\"text\" must be a string");
  expect_error(handle("normalize", R"({"text": "x", "colour": "red"})", c), 400, "unknown field \"colour\" for normalize");
  expect_error(handle("normalize", R"({"text": "x", "profile": "fancy"})", c), 400,
               "must be one of standard, search, minimal (got \"fancy\")");
  expect_error(handle("normalize", R"({"text": "x", "tatweel": "yes"})", c), 400, "must be a boolean");
  std::string deep = "{\"text\": \"x\", \"a\": " + std::string(100, '[') + std::string(100, ']') + "}";
  expect_error(handle("normalize", deep, c), 400, "nested deeper");
}

TEST(ServeApi, DeadlineGivesA413) {
  Config c = config_with(1u << 20, 1e-9);
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "بةرهةمةكاني ئةفين\n";
  Json req = {{"text", text}};
  expect_error(handle("normalize", req.dump(), c), 413, "per-request limit");
}

TEST(ServeApi, ConcurrentRequestsShareEngines) {
  Config c = config_with();
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Json req = {{"text", "بةرهةمةكاني ٢٠٢١"}, {"digits", (i + t) % 2 ? "latin" : "keep"}};
        Reply r = handle("normalize", req.dump(), c);
        std::string want = (i + t) % 2 ? "بەرهەمەکانی 2021" : "بەرهەمەکانی ٢٠٢١";
        if (r.status == 200 && r.result.get<std::string>() == want) ++good;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), 400);
}

TEST(ServeApi, ResultsAreValidJsonEvenForReplacedBytes) {
  Config c = config_with();
  // A valid body whose text has a control character and a quote.
  Reply r = handle("normalize", R"({"text": "a\"b\u0001c"})", c);
  ASSERT_EQ(r.status, 200) << r.error;
  Json body = Json::parse(to_body(r));
  EXPECT_EQ(body["result"], r.result);
  EXPECT_NE(r.result.get<std::string>().find("a\"b"), std::string::npos);
  EXPECT_EQ(Json::parse(error_body("say \"hi\"\n"))["error"].get<std::string>(), "say \"hi\"\n");
}

TEST(ServeApi, OpenApiAndOperationListDescribeTheTable) {
  Config c = config_with();
  Json doc = Json::parse(openapi_json(c));
  EXPECT_EQ(doc["openapi"].get<std::string>(), "3.0.3");
  ASSERT_TRUE(doc["paths"].contains("/v1/normalize"));
  const Json& schema = doc["paths"]["/v1/normalize"]["post"]["requestBody"]["content"]["application/json"]["schema"];
  EXPECT_EQ(schema["required"][0].get<std::string>(), "text");
  EXPECT_EQ(schema["properties"]["profile"]["enum"].size(), 3u);
  EXPECT_TRUE(doc["paths"].contains("/healthz"));
  EXPECT_TRUE(doc["paths"].contains("/version"));
  Json ops = Json::parse(operations_json(c));
  bool found = false;
  for (const Json& op : ops["operations"])
    if (op["name"] == "normalize") {
      found = true;
      EXPECT_EQ(op["result"].get<std::string>(), "text");
      EXPECT_FALSE(op["summary_ku"].get<std::string>().empty());
    }
  EXPECT_TRUE(found);
  EXPECT_NE(Json::parse(version_json())["version"].get<std::string>().find("kurdi"), std::string::npos);
}

TEST(ServePage, EmbeddedCopyEqualsWebFolder) {
  size_t n = 0;
  const Asset* assets = web_assets(n);
  ASSERT_GE(n, 3u);
  EXPECT_EQ(assets[0].path, "/");
  for (size_t i = 0; i < n; ++i) {
    std::string path = std::string(KURDI_SOURCE_DIR) + "/web/" + std::string(assets[i].file);
    std::ifstream f(path, std::ios::binary);
    ASSERT_TRUE(f) << path;
    std::stringstream ss;
    ss << f.rdbuf();
    EXPECT_TRUE(ss.str() == assets[i].body)
        << "web/" << assets[i].file << " and the page compiled into the binary differ";
  }
  // The page needs nothing from the network (the SVG namespace name is not a resource).
  for (size_t i = 0; i < n; ++i) {
    std::string body(assets[i].body);
    const std::string svg_ns = "http://www.w3.org/2000/svg";
    for (size_t p; (p = body.find(svg_ns)) != std::string::npos;) body.erase(p, svg_ns.size());
    EXPECT_EQ(body.find("http://"), std::string::npos) << assets[i].file;
    EXPECT_EQ(body.find("https://"), std::string::npos) << assets[i].file;
  }
}

}  // namespace
}  // namespace kurdi::serve
