#include "verticals/real_estate/integrations/credentials.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "http/api_error.hpp"
#include "util/crypto.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace json = boost::json;
using http::ApiError;

namespace {

constexpr std::size_t kMaxSecret = 4096;

std::string required_secret(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  // Control characters are refused: the value ends up in an HTTP header line.
  const bool ok = v && v->is_string() && !v->as_string().empty() && v->as_string().size() <= kMaxSecret &&
                  std::none_of(v->as_string().begin(), v->as_string().end(),
                               [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (!ok)
    throw ApiError::validation("credentials." + std::string(name) + " must be a non-empty string without control " +
                               "characters (at most " + std::to_string(kMaxSecret) + " characters)");
  return std::string(v->as_string());
}

std::int64_t required_epoch_ms(const json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  const std::string message =
      "credentials." + std::string(name) + " must be a number (Unix epoch milliseconds)";
  if (!v) throw ApiError::validation(message);
  if (v->is_int64() && v->as_int64() >= 0) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) return v->as_uint64();
  if (v->is_double() && std::isfinite(v->as_double()) && v->as_double() >= 0 && v->as_double() < 9.2e18)
    return static_cast<std::int64_t>(v->as_double());
  throw ApiError::validation(message);
}

// Realm ids are numeric in practice; anything URL-unsafe is refused since it becomes a path segment.
std::string required_realm(const json::object& o) {
  const auto* v = o.if_contains("realmId");
  const bool ok = v && v->is_string() && !v->as_string().empty() && v->as_string().size() <= 64 &&
                  std::all_of(v->as_string().begin(), v->as_string().end(),
                              [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (!ok) throw ApiError::validation("credentials.realmId must be a non-empty string of letters and digits");
  return std::string(v->as_string());
}

}  // namespace

std::optional<Provider> provider_from(std::string_view type) {
  if (type == "fub") return Provider::fub;
  if (type == "dotloop") return Provider::dotloop;
  if (type == "quickbooks") return Provider::quickbooks;
  return std::nullopt;
}

const char* type_name(Provider p) {
  switch (p) {
    case Provider::fub: return "fub";
    case Provider::dotloop: return "dotloop";
    case Provider::quickbooks: return "quickbooks";
  }
  return "";
}

const char* display_name(Provider p) {
  switch (p) {
    case Provider::fub: return "Follow Up Boss";
    case Provider::dotloop: return "Dotloop";
    case Provider::quickbooks: return "QuickBooks";
  }
  return "";
}

json::object validated_credentials(Provider p, const json::object& submitted) {
  json::object out;
  if (p == Provider::fub) {
    out["apiKey"] = required_secret(submitted, "apiKey");
    return out;
  }
  out["accessToken"] = required_secret(submitted, "accessToken");
  out["refreshToken"] = required_secret(submitted, "refreshToken");
  if (p == Provider::quickbooks) out["realmId"] = required_realm(submitted);
  out["expiresAt"] = required_epoch_ms(submitted, "expiresAt");
  return out;
}

std::string seal(const std::string& key, const json::object& credentials) {
  if (key.size() != 32)
    throw ApiError(boost::beast::http::status::internal_server_error, "INTERNAL_ERROR",
                   "ENCRYPTION_KEY is not configured (64 hexadecimal characters); credentials cannot be stored");
  return util::aes256gcm_encrypt(key, json::serialize(credentials));
}

std::optional<json::object> unseal(const std::string& key, const std::string& sealed) {
  if (key.size() != 32) return std::nullopt;
  auto plain = util::aes256gcm_decrypt(key, sealed);
  if (!plain) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(*plain, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::optional<OAuthTokens> oauth_tokens(const json::object& c) {
  const auto* access = c.if_contains("accessToken");
  const auto* refresh = c.if_contains("refreshToken");
  const auto* expires = c.if_contains("expiresAt");
  if (!access || !access->is_string() || !refresh || !refresh->is_string() || !expires || !expires->is_number())
    return std::nullopt;
  OAuthTokens t;
  t.access_token = std::string(access->as_string());
  t.refresh_token = std::string(refresh->as_string());
  t.expires_at_ms = expires->is_int64() ? expires->as_int64() : static_cast<std::int64_t>(expires->to_number<double>());
  if (const auto* realm = c.if_contains("realmId"); realm && realm->is_string()) t.realm_id = std::string(realm->as_string());
  return t;
}

bool needs_refresh(const OAuthTokens& t, std::chrono::system_clock::time_point now) {
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  return now_ms >= t.expires_at_ms - 5 * 60 * 1000;
}

json::object refreshed(json::object c, const std::string& access_token, const std::string& refresh_token,
                       std::int64_t expires_at_ms) {
  c["accessToken"] = access_token;
  if (!refresh_token.empty()) c["refreshToken"] = refresh_token;
  c["expiresAt"] = expires_at_ms;
  return c;
}

std::vector<std::string> secrets_of(const json::object& c) {
  std::vector<std::string> out;
  for (const char* name : {"apiKey", "accessToken", "refreshToken"})
    if (const auto* v = c.if_contains(name); v && v->is_string()) out.emplace_back(v->as_string());
  return out;
}

}  // namespace agenthq::verticals::real_estate::integrations
