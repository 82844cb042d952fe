// User tokens (contract 2.2): HS256 JWTs through libjwt 1.10, with the checks libjwt leaves out.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::auth {

enum class TokenType { access, refresh };

struct TokenClaims {
  std::string sub;
  std::string org_id;
  std::string role;  // empty when the token carries none
  TokenType type;
  std::int64_t iat = 0;
  std::int64_t exp = 0;
};

enum class JwtError { malformed, bad_signature, wrong_algorithm, expired, missing_claims };

struct JwtVerifyResult {
  std::optional<TokenClaims> claims;  // set on success
  JwtError error{};                   // meaningful only when claims is empty
};

// Immutable after construction, so one instance may be shared by every thread.
class JwtCodec {
 public:
  static constexpr std::size_t kMinSecretBytes = 32;
  // Clock skew tolerated on exp.
  static constexpr std::chrono::seconds kLeeway{5};

  // Throws std::invalid_argument if secret is shorter than 32 bytes: libjwt would accept tokens
  // signed with an empty key, and short HMAC keys are guessable offline.
  explicit JwtCodec(std::string secret);

  // HS256, header {"alg":"HS256","typ":"JWT"}, claims sub, org_id, role (omitted when empty),
  // type, iat, exp = iat + ttl. Throws std::runtime_error if libjwt fails.
  std::string issue(std::string_view sub, std::string_view org_id, std::string_view role, TokenType type,
                    std::chrono::seconds ttl) const;

  // Accepts exactly HS256 with a valid signature, an integer exp with now < exp + leeway, non-empty
  // string sub and org_id, type "access" or "refresh", role absent or a string, iat absent or an integer.
  // Callers compare claims->type with what the route needs (access vs refresh).
  JwtVerifyResult verify(std::string_view token) const;

 private:
  std::string secret_;
};

}  // namespace agenthq::auth
