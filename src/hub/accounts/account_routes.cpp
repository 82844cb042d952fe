#include "hub/accounts/account_routes.hpp"

#include <boost/json.hpp>

#include "auth/password.hpp"
#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/accounts/account_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

std::string read_password(BodyReader& body, std::size_t min_len) {
  std::string pw = body.required_string("password", min_len, 1000);
  // bcrypt silently ignores everything past 72 bytes; refuse rather than pretend.
  if (pw.size() > auth::kMaxPasswordBytes) throw ApiError::validation("password must be at most 72 bytes");
  return pw;
}

std::string read_email(BodyReader& body) {
  std::string email = body.required_string("email", 1, 254);
  if (!http::is_valid_email(email)) throw ApiError::validation("email must be a valid email address");
  return email;
}

}  // namespace

void add_account_routes(http::Router& router, Services& s) {
  auto accounts = std::make_shared<AccountService>(s);

  router.add(verb::post, "/api/v1/auth/register", Access::open,
             [accounts](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               SignUp n;
               n.org_name = body.required_string("orgName", 1, 200);
               n.org_slug = body.required_string("orgSlug", 1, 100);
               if (!http::matches_slug(n.org_slug))
                 throw ApiError::validation("orgSlug may contain only lowercase letters, digits and hyphens");
               n.email = read_email(body);
               n.password = read_password(body, 8);
               n.user_name = body.required_string("name", 1, 200);
               auto data = co_await accounts->sign_up(n);
               co_return http::created(data);
             });

  router.add(verb::post, "/api/v1/auth/login", Access::open,
             [accounts](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               std::string email = read_email(body);
               std::string password = body.required_string("password", 0, 1000);
               auto data = co_await accounts->login(ctx.client_ip, email, password);
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/auth/refresh", Access::open,
             [accounts](RequestContext& ctx) -> asio::awaitable<Response> {
               auto it = ctx.body.find("refreshToken");
               if (it == ctx.body.end() || !it->value().is_string() || it->value().as_string().empty())
                 throw ApiError::bad_request("MISSING_TOKEN", "refreshToken is required");
               const std::string token(it->value().as_string());
               auto data = co_await accounts->refresh(token);
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/auth/agents/register", Access::users,
             [accounts](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const std::string name = body.required_string("name", 1, 200);
               const auto description = body.optional_string("description", 0, 5000);
               auto data = co_await accounts->register_agent(ctx.who(), ctx.client_ip, name, description);
               co_return http::created(data);
             });
}

}  // namespace agenthq::hub
