#include "http/static_site.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace agenthq::http {
namespace {
using boost::beast::http::field;
using boost::beast::http::status;

std::string header(const Response& r, field f) {
  auto it = std::find_if(r.headers.begin(), r.headers.end(), [f](const auto& h) { return h.first == f; });
  return it == r.headers.end() ? std::string() : it->second;
}

StaticSite site() {
  return StaticSite({{"/index.html", "<!doctype html><title>x</title>", "\"i1\""},
                     {"/assets/index-abc123.js", "console.log(1)", "\"j1\""},
                     {"/favicon.svg", "<svg/>", "\"f1\""}});
}

TEST(StaticSite, RootAndClientRoutesAreIndexHtmlRevalidatedEveryTime) {
  auto s = site();
  for (const char* path : {"/", "/channels/01HX", "/re/pipeline", "/login"}) {
    auto r = s.respond(path, "");
    EXPECT_EQ(r.status, status::ok) << path;
    EXPECT_EQ(r.body, "<!doctype html><title>x</title>") << path;
    EXPECT_EQ(header(r, field::content_type), "text/html; charset=utf-8") << path;
    EXPECT_EQ(header(r, field::cache_control), "no-cache") << path;
    EXPECT_EQ(header(r, field::etag), "\"i1\"") << path;
  }
}

TEST(StaticSite, HashedAssetsAreImmutable) {
  auto r = site().respond("/assets/index-abc123.js", "");
  EXPECT_EQ(r.status, status::ok);
  EXPECT_EQ(r.body, "console.log(1)");
  EXPECT_EQ(header(r, field::content_type), "text/javascript; charset=utf-8");
  EXPECT_EQ(header(r, field::cache_control), "public, max-age=31536000, immutable");
  // Unhashed files keep their name across builds, so they are revalidated like index.html.
  EXPECT_EQ(header(site().respond("/favicon.svg", ""), field::cache_control), "no-cache");
}

TEST(StaticSite, MissingFilesAreJson404NotIndexHtml) {
  for (const char* path : {"/assets/index-old999.js", "/robots.txt", "/img/logo.png"}) {
    auto r = site().respond(path, "");
    EXPECT_EQ(r.status, status::not_found) << path;
    EXPECT_NE(r.body.find("\"NOT_FOUND\""), std::string::npos) << path;
  }
}

TEST(StaticSite, MatchingEtagIsNotModifiedWithoutBody) {
  auto s = site();
  for (const char* inm : {"\"i1\"", "W/\"i1\"", "\"zz\", \"i1\"", "*"}) {
    auto r = s.respond("/", inm);
    EXPECT_EQ(r.status, status::not_modified) << inm;
    EXPECT_TRUE(r.body.empty()) << inm;
    EXPECT_EQ(header(r, field::etag), "\"i1\"") << inm;
  }
  EXPECT_EQ(s.respond("/", "\"old\"").status, status::ok);
}

TEST(StaticSite, EmptySiteKnowsItIsEmpty) {
  StaticSite empty({});
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.respond("/", "").status, status::not_found);
}

TEST(StaticSite, ContentTypes) {
  EXPECT_EQ(content_type_for("/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("/a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("/a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("/a.bin"), "application/octet-stream");
}

TEST(StaticSite, PolicyAllowsNoInlineScriptAndNoUpgrade) {
  std::string csp = StaticSite::content_security_policy();
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(csp.find("upgrade-insecure-requests"), std::string::npos);
  EXPECT_NE(csp.find("connect-src 'self'"), std::string::npos);
}

}  // namespace
}  // namespace agenthq::http
