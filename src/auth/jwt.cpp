#include "auth/jwt.hpp"

#include <jwt.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <stdexcept>

#include "util/encoding.hpp"

namespace agenthq::auth {
namespace {

namespace json = boost::json;

// Tokens are a few hundred bytes; a cap keeps a hostile header from costing parse time.
constexpr std::size_t kMaxTokenBytes = 8192;

struct JwtDeleter {
  void operator()(jwt_t* j) const { jwt_free(j); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

// libjwt 1.10 hands out malloc'd strings to be released with free().
struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};
using CString = std::unique_ptr<char, FreeDeleter>;

JwtVerifyResult fail(JwtError e) { return JwtVerifyResult{std::nullopt, e}; }

// Decodes one base64url segment holding a JSON object.
std::optional<json::object> segment_object(std::string_view segment) {
  const std::optional<std::string> text = util::base64url_decode(segment);
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

const json::string* string_field(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v ? v->if_string() : nullptr;
}

// Only true JSON integers count: libjwt's jwt_get_grant_int reports 0 with errno 0 for 1.7e9, and a
// string "exp" must not pass either.
std::optional<std::int64_t> int_field(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  return std::nullopt;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void check(int rc, const char* what) {
  if (rc != 0) throw std::runtime_error(std::string("libjwt: ") + what + " failed");
}

// What the verified payload must contain; error tells which rule failed.
JwtVerifyResult claims_from(const json::object& grants) {
  const json::string* sub = string_field(grants, "sub");
  const json::string* org = string_field(grants, "org_id");
  const json::string* type = string_field(grants, "type");
  const std::optional<std::int64_t> exp = int_field(grants, "exp");
  if (!sub || sub->empty() || !org || org->empty() || !type || !exp) return fail(JwtError::missing_claims);

  TokenClaims claims;
  if (*type == "access")
    claims.type = TokenType::access;
  else if (*type == "refresh")
    claims.type = TokenType::refresh;
  else
    return fail(JwtError::missing_claims);

  if (const json::value* role = grants.if_contains("role")) {
    if (!role->is_string()) return fail(JwtError::missing_claims);
    claims.role = std::string(role->get_string());
  }
  if (grants.contains("iat")) {
    const std::optional<std::int64_t> iat = int_field(grants, "iat");
    if (!iat) return fail(JwtError::missing_claims);
    claims.iat = *iat;
  }
  // Written as a subtraction from now so a huge exp cannot overflow.
  if (*exp <= unix_now() - JwtCodec::kLeeway.count()) return fail(JwtError::expired);

  claims.sub = std::string(*sub);
  claims.org_id = std::string(*org);
  claims.exp = *exp;
  return JwtVerifyResult{std::move(claims), JwtError{}};
}

}  // namespace

JwtCodec::JwtCodec(std::string secret) : secret_(std::move(secret)) {
  if (secret_.size() < kMinSecretBytes) throw std::invalid_argument("JWT secret must be at least 32 bytes");
}

std::string JwtCodec::issue(std::string_view sub, std::string_view org_id, std::string_view role,
                            TokenType type, std::chrono::seconds ttl) const {
  jwt_t* raw = nullptr;
  check(jwt_new(&raw), "jwt_new");
  JwtPtr token(raw);

  const std::int64_t iat = unix_now();
  check(jwt_add_grant(token.get(), "sub", std::string(sub).c_str()), "add sub");
  check(jwt_add_grant(token.get(), "org_id", std::string(org_id).c_str()), "add org_id");
  if (!role.empty()) check(jwt_add_grant(token.get(), "role", std::string(role).c_str()), "add role");
  check(jwt_add_grant(token.get(), "type", type == TokenType::access ? "access" : "refresh"), "add type");
  check(jwt_add_grant_int(token.get(), "iat", iat), "add iat");
  check(jwt_add_grant_int(token.get(), "exp", iat + ttl.count()), "add exp");
  // libjwt adds "typ":"JWT" itself for any signing algorithm.
  check(jwt_set_alg(token.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(secret_.data()),
                    static_cast<int>(secret_.size())),
        "jwt_set_alg");

  CString encoded(jwt_encode_str(token.get()));
  if (!encoded) throw std::runtime_error("libjwt: jwt_encode_str failed");
  return std::string(encoded.get());
}

JwtVerifyResult JwtCodec::verify(std::string_view token) const {
  if (token.empty() || token.size() > kMaxTokenBytes || token.find('\0') != std::string_view::npos) {
    return fail(JwtError::malformed);
  }
  const std::size_t dot1 = token.find('.');
  const std::size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return fail(JwtError::malformed);
  }
  const std::string_view header_seg = token.substr(0, dot1);
  const std::string_view payload_seg = token.substr(dot1 + 1, dot2 - dot1 - 1);

  // Pin the algorithm before libjwt sees the token: libjwt verifies with whatever HMAC the header
  // names, and its answer to "none" or RS256 is a generic EINVAL that would read as a bad signature.
  const std::optional<json::object> header = segment_object(header_seg);
  if (!header) return fail(JwtError::malformed);
  const json::string* alg = string_field(*header, "alg");
  if (!alg || *alg != "HS256") return fail(JwtError::wrong_algorithm);

  jwt_t* raw = nullptr;
  const std::string token_c(token);
  const int rc = jwt_decode(&raw, token_c.c_str(), reinterpret_cast<const unsigned char*>(secret_.data()),
                            static_cast<int>(secret_.size()));
  JwtPtr decoded(raw);
  if (rc != 0 || !decoded) {
    // libjwt does not say why; a well-formed payload means the signature was what failed.
    return fail(segment_object(payload_seg) ? JwtError::bad_signature : JwtError::malformed);
  }
  if (jwt_get_alg(decoded.get()) != JWT_ALG_HS256) return fail(JwtError::wrong_algorithm);

  // Claims are read from what libjwt verified, re-serialised, so both parsers agree on one payload.
  CString grants_text(jwt_get_grants_json(decoded.get(), nullptr));
  if (!grants_text) return fail(JwtError::malformed);
  boost::system::error_code ec;
  json::value grants = json::parse(grants_text.get(), ec);
  if (ec || !grants.is_object()) return fail(JwtError::malformed);
  return claims_from(grants.as_object());
}

}  // namespace agenthq::auth
