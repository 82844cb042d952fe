#include "http/pipeline.hpp"

#include <spdlog/spdlog.h>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>

#include "auth/authenticator.hpp"
#include "db/pg_error.hpp"
#include "http/api_error.hpp"
#include "http/etag.hpp"
#include "http/static_site.hpp"
#include "metrics/metrics.hpp"
#include "util/json_text.hpp"
#include "util/ulid.hpp"

namespace agenthq::http {
namespace beast_http = boost::beast::http;
namespace json = boost::json;
using beast_http::field;
using beast_http::status;

namespace {

void add_security_headers(HttpResponse& res) {
  res.set("Content-Security-Policy",
          "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';"
          "frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';"
          "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Cross-Origin-Resource-Policy", "same-origin");
  res.set("Referrer-Policy", "no-referrer");
  res.set("Strict-Transport-Security", "max-age=15552000; includeSubDomains");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "SAMEORIGIN");
}

bool is_json_content_type(std::string_view ct) {
  auto semi = ct.find(';');
  auto base = ct.substr(0, semi);
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  return boost::algorithm::iequals(base, "application/json");
}

// GET and HEAD read; the same routes, caching and ETags serve both.
bool reads(beast_http::verb v) { return v == beast_http::verb::get || v == beast_http::verb::head; }

}  // namespace

Pipeline::Pipeline(PipelineOptions options, const Router& router, util::RateLimiter& limiter,
                   auth::Authenticator& authenticator, db::Database& db)
    : options_(std::move(options)), router_(router), limiter_(limiter), authenticator_(authenticator), db_(db) {}

// The API owns /api/..., /health, /ws and every path some route matches; the dashboard gets the
// rest, so its client-side routes (/channels/x) load index.html while /api/v1/nope stays a JSON 404.
bool Pipeline::serves_dashboard(const HttpRequest& request, std::string_view path) const {
  if (!options_.dashboard || options_.dashboard->empty()) return false;
  if (!reads(request.method())) return false;
  if (path == "/api" || path.starts_with("/api/") || path == "/ws" || path == "/health") return false;
  return !router_.has_path(path);
}

void Pipeline::parse_body(const HttpRequest& request, RequestContext& ctx) const {
  const auto& body = request.body();
  if (body.empty() || !is_json_content_type(request[field::content_type])) return;
  json::parse_options opts;
  opts.max_depth = options_.max_json_depth;
  boost::system::error_code ec;
  json::value v = json::parse(body, ec, {}, opts);
  if (ec) throw ApiError::validation("Malformed JSON body");
  if (!v.is_object()) throw ApiError::validation("Request body must be a JSON object");
  if (util::has_non_finite(v)) throw ApiError::validation("Numbers in the body must be finite");
  ctx.body = std::move(v.as_object());
}

boost::asio::awaitable<Response> Pipeline::dispatch(const HttpRequest& request, RequestContext& ctx,
                                                    const util::RateLimiter::Decision& limit) {
  if (!limit.allowed) {
    auto r = error(status::too_many_requests, "RATE_LIMITED", "Too many requests, please try again later.");
    r.headers.emplace_back(field::retry_after, std::to_string(limit.reset_seconds));
    co_return r;
  }
  // HEAD is GET without the body (RFC 9110 §9.3.2): routed as GET, its body dropped when sent.
  const auto method = request.method() == beast_http::verb::head ? beast_http::verb::get : request.method();
  const Route* route = router_.match(method, ctx.path, ctx.params);
  if (!route) co_return error(status::not_found, "NOT_FOUND", "Route not found");
  ctx.route = route->pattern;

  if (route->access != Access::open) {
    try {
      ctx.identity = co_await authenticator_.authenticate(request[field::authorization], db_, ctx.client_ip);
    } catch (const auth::AuthError& refused) {
      throw ApiError::from(refused);
    }
    check_access(route->access, *ctx.identity);
  }
  parse_body(request, ctx);
  co_return co_await route->handler(ctx);
}

void Pipeline::set_standard_headers(HttpResponse& res, const Response& out, const std::string& request_id) const {
  if (!out.body.empty()) res.set(field::content_type, "application/json; charset=utf-8");
  res.set(field::access_control_allow_origin, options_.cors_origin);
  res.set(field::access_control_allow_credentials, "true");
  res.set(field::vary, "Origin");
  res.set("X-Request-Id", request_id);
  add_security_headers(res);
}

HttpResponse Pipeline::refuse(Response out, const std::string& client_ip) const {
  const std::string request_id = util::new_ulid();
  HttpResponse res{out.status, 11};
  res.keep_alive(false);
  set_standard_headers(res, out, request_id);
  for (auto& [name, value] : out.headers) res.set(name, value);
  res.body() = std::move(out.body);
  res.prepare_payload();
  spdlog::info(R"("msg":"request refused","request_id":"{}","status":{},"ip":"{}")", request_id,
               static_cast<unsigned>(out.status), client_ip);
  return res;
}

boost::asio::awaitable<HttpResponse> Pipeline::handle(const HttpRequest& request, const std::string& client_ip) {
  const auto started = std::chrono::steady_clock::now();
  RequestContext ctx;
  ctx.raw = &request;
  ctx.client_ip = client_ip;
  ctx.request_id = util::new_ulid();

  Response out;
  std::optional<util::RateLimiter::Decision> limit;
  bool dashboard = false;
  if (request.method() == beast_http::verb::options) {
    out.status = status::no_content;
    out.headers.emplace_back(field::access_control_allow_methods, "GET,HEAD,PUT,PATCH,POST,DELETE");
    if (auto h = request[field::access_control_request_headers]; !h.empty())
      out.headers.emplace_back(field::access_control_allow_headers, std::string(h));
  } else {
    try {
      auto target = boost::urls::parse_origin_form(request.target());
      if (!target) throw ApiError::validation("Malformed request target");
      ctx.path = target->path();
      for (auto param : target->params()) ctx.query[param.key] = param.value;
      if (serves_dashboard(request, ctx.path)) {
        dashboard = true;
        out = options_.dashboard->respond(ctx.path, request[field::if_none_match]);
      } else {
        // A Prometheus server scrapes every few seconds from one address; counting its scrapes
        // would eat into the API budget of that address, so /metrics is outside the limit.
        if (ctx.path != "/metrics") limit = limiter_.hit(client_ip);
        const util::RateLimiter::Decision unlimited{true, 0, 0, 0};
        const util::RateLimiter::Decision decision = limit.value_or(unlimited);
        out = co_await dispatch(request, ctx, decision);
      }
    } catch (const ApiError& e) {
      out = error(e.status(), e.code(), e.what());
      if (e.retry_after_seconds() > 0) out.headers.emplace_back(field::retry_after, std::to_string(e.retry_after_seconds()));
    } catch (const db::PgUnavailable& e) {
      spdlog::warn(R"("msg":"database unavailable","request_id":"{}","error":{})", ctx.request_id,
                   json::serialize(json::value(e.what())));
      out = error(status::service_unavailable, "SERVICE_UNAVAILABLE", "The database is unavailable, try again shortly");
    } catch (const std::exception& e) {
      spdlog::error(R"("msg":"unhandled error","request_id":"{}","path":{},"error":{})", ctx.request_id,
                    json::serialize(json::value(ctx.path)),
                    json::serialize(json::value(e.what())));
      out = error(status::internal_server_error, "INTERNAL_ERROR", "Internal server error");
    }
  }

  // Conditional GET: clients that poll lists get 304 and no body when nothing changed.
  if (reads(request.method()) && out.status == status::ok && !out.body.empty()) {
    std::string etag = weak_etag(out.body);
    if (auto inm = request[field::if_none_match]; !inm.empty() && if_none_match(inm, etag)) {
      out.status = status::not_modified;
      out.body.clear();
    }
    out.headers.emplace_back(field::etag, std::move(etag));
  }

  HttpResponse res{out.status, request.version()};
  res.keep_alive(request.keep_alive());
  set_standard_headers(res, out, ctx.request_id);
  if (dashboard) res.set("Content-Security-Policy", StaticSite::content_security_policy());
  if (limit) {
    res.set("RateLimit-Policy", std::to_string(limit->limit) + ";w=" +
                                    std::to_string(limiter_.window().count() / 1000));
    res.set("RateLimit-Limit", std::to_string(limit->limit));
    res.set("RateLimit-Remaining", std::to_string(limit->remaining));
    res.set("RateLimit-Reset", std::to_string(limit->reset_seconds));
  }
  for (auto& [name, value] : out.headers) res.set(name, value);
  for (auto& [name, value] : out.custom_headers) res.set(name, value);
  res.body() = std::move(out.body);
  res.prepare_payload();
  if (request.method() == beast_http::verb::head) {
    const auto length = res.body().size();  // the GET's Content-Length, no body
    res.body().clear();
    res.content_length(length);
  }

  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  // Any token is a method to HTTP: unknown ones share one label so clients cannot grow the series.
  const std::string_view method = request.method() == boost::beast::http::verb::unknown ? "OTHER" : request.method_string();
  metrics::registry().requests.observe(method, ctx.route.empty() ? "unmatched" : ctx.route,
                                       static_cast<unsigned>(out.status), micros / 1e6);
  spdlog::info(R"("msg":"request","request_id":"{}","method":"{}","path":{},"status":{},"duration_ms":{:.3f},"ip":"{}")",
               ctx.request_id, std::string(request.method_string()),
               json::serialize(json::value(ctx.path.empty() ? std::string("?") : ctx.path)),
               static_cast<unsigned>(out.status), micros / 1000.0, client_ip);
  co_return res;
}

}  // namespace agenthq::http
