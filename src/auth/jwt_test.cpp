#include "auth/jwt.hpp"

#include <gtest/gtest.h>
#include <jwt.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "util/encoding.hpp"

namespace agenthq::auth {
namespace {

using namespace std::chrono_literals;

const std::string kSecret = "0123456789abcdef0123456789abcdef-test";

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// Signs an arbitrary claim set with libjwt, as a forger holding (or not) the secret would.
std::string sign_with_libjwt(jwt_alg_t alg, const std::string& key, const std::string& grants_json) {
  jwt_t* j = nullptr;
  if (jwt_new(&j) != 0) throw std::runtime_error("jwt_new");
  if (jwt_add_grants_json(j, grants_json.c_str()) != 0 ||
      jwt_set_alg(j, alg, reinterpret_cast<const unsigned char*>(key.data()), static_cast<int>(key.size())) !=
          0) {
    jwt_free(j);
    throw std::runtime_error("libjwt setup");
  }
  char* s = jwt_encode_str(j);
  std::string out = s ? s : "";
  std::free(s);
  jwt_free(j);
  return out;
}

// An HS256 token assembled without libjwt, so the codec is also checked against an independent signer.
std::string hs256_by_hand(const std::string& header, const std::string& payload, const std::string& key) {
  const std::string input = util::base64url_encode(header) + "." + util::base64url_encode(payload);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  return input + "." + util::base64url_encode(std::string(reinterpret_cast<const char*>(mac), len));
}

std::string claims_json(const std::string& extra_or_replacement) {
  return R"({"sub":"u1","org_id":"o1","role":"owner","type":"access","iat":)" + std::to_string(now()) +
         extra_or_replacement + "}";
}

std::string exp_in(std::int64_t seconds) { return R"(,"exp":)" + std::to_string(now() + seconds); }

class Jwt : public ::testing::Test {
 protected:
  JwtCodec codec_{kSecret};

  void expect_error(const std::string& token, JwtError error) {
    const JwtVerifyResult r = codec_.verify(token);
    EXPECT_FALSE(r.claims.has_value()) << token;
    EXPECT_EQ(r.error, error) << token;
  }
};

TEST_F(Jwt, RoundTripKeepsClaims) {
  const std::int64_t before = now();
  const std::string token = codec_.issue("user-1", "org-1", "admin", TokenType::access, 900s);
  const JwtVerifyResult r = codec_.verify(token);
  ASSERT_TRUE(r.claims.has_value());
  EXPECT_EQ(r.claims->sub, "user-1");
  EXPECT_EQ(r.claims->org_id, "org-1");
  EXPECT_EQ(r.claims->role, "admin");
  EXPECT_EQ(r.claims->type, TokenType::access);
  EXPECT_GE(r.claims->iat, before);
  EXPECT_EQ(r.claims->exp, r.claims->iat + 900);
}

TEST_F(Jwt, HeaderIsHs256Jwt) {
  const std::string token = codec_.issue("u", "o", "member", TokenType::access, 60s);
  const auto header = util::base64url_decode(token.substr(0, token.find('.')));
  ASSERT_TRUE(header.has_value());
  EXPECT_NE(header->find(R"("alg":"HS256")"), std::string::npos) << *header;
  EXPECT_NE(header->find(R"("typ":"JWT")"), std::string::npos) << *header;
}

TEST_F(Jwt, AcceptsIndependentlySignedHs256) {
  const auto r =
      codec_.verify(hs256_by_hand(R"({"alg":"HS256","typ":"JWT"})", claims_json(exp_in(60)), kSecret));
  ASSERT_TRUE(r.claims.has_value());
  EXPECT_EQ(r.claims->org_id, "o1");
  EXPECT_EQ(r.claims->role, "owner");
}

TEST_F(Jwt, TypeDistinguishesAccessFromRefresh) {
  const auto access = codec_.verify(codec_.issue("u", "o", "member", TokenType::access, 60s));
  const auto refresh = codec_.verify(codec_.issue("u", "o", "member", TokenType::refresh, 604800s));
  ASSERT_TRUE(access.claims && refresh.claims);
  EXPECT_EQ(access.claims->type, TokenType::access);
  EXPECT_EQ(refresh.claims->type, TokenType::refresh);
}

TEST_F(Jwt, RoleMayBeAbsent) {
  const auto r = codec_.verify(codec_.issue("u", "o", "", TokenType::access, 60s));
  ASSERT_TRUE(r.claims.has_value());
  EXPECT_EQ(r.claims->role, "");
}

TEST_F(Jwt, ExpiredIsRejectedWithinLeewayAccepted) {
  expect_error(codec_.issue("u", "o", "member", TokenType::access, -60s), JwtError::expired);
  expect_error(sign_with_libjwt(JWT_ALG_HS256, kSecret, claims_json(exp_in(-6))), JwtError::expired);
  EXPECT_TRUE(codec_.verify(sign_with_libjwt(JWT_ALG_HS256, kSecret, claims_json(exp_in(-2)))).claims);
}

TEST_F(Jwt, TamperedSignatureOrPayloadIsRejected) {
  std::string token = codec_.issue("u", "o", "member", TokenType::access, 60s);
  std::string bad_sig = token;
  bad_sig[bad_sig.size() - 3] = bad_sig[bad_sig.size() - 3] == 'A' ? 'B' : 'A';
  expect_error(bad_sig, JwtError::bad_signature);

  // Same signature over a payload claiming another org.
  const std::size_t d1 = token.find('.'), d2 = token.rfind('.');
  const std::string forged_payload = util::base64url_encode(
      R"({"sub":"u","org_id":"other-org","role":"owner","type":"access")" + exp_in(60) + "}");
  expect_error(token.substr(0, d1 + 1) + forged_payload + token.substr(d2), JwtError::bad_signature);
  expect_error(token.substr(0, d2 + 1), JwtError::bad_signature);  // signature stripped
}

TEST_F(Jwt, OtherSecretIsRejected) {
  const JwtCodec other("another-secret-that-is-long-enough!!");
  expect_error(other.issue("u", "o", "owner", TokenType::access, 60s), JwtError::bad_signature);
  // The libjwt trap: a token signed with an empty key must not pass.
  expect_error(hs256_by_hand(R"({"alg":"HS256","typ":"JWT"})", claims_json(exp_in(60)), ""),
               JwtError::bad_signature);
}

TEST_F(Jwt, AlgNoneIsRejected) {
  const std::string payload = util::base64url_encode(claims_json(exp_in(60)));
  for (const char* header : {R"({"alg":"none","typ":"JWT"})", R"({"alg":"None"})", R"({"alg":"NONE"})",
                             R"({"typ":"JWT"})", R"({"alg":"hs256"})", R"({"alg":["HS256"]})"}) {
    const std::string token = util::base64url_encode(header) + "." + payload + ".";
    expect_error(token, JwtError::wrong_algorithm);
    // Even with a valid-looking HS256 signature attached.
    const std::string real = codec_.issue("u", "o", "owner", TokenType::access, 60s);
    expect_error(token + real.substr(real.rfind('.') + 1), JwtError::wrong_algorithm);
  }
}

TEST_F(Jwt, OtherHmacWithSameSecretIsRejected) {
  // libjwt alone would accept these: the signatures are genuine, only the algorithm is wrong.
  expect_error(sign_with_libjwt(JWT_ALG_HS512, kSecret, claims_json(exp_in(60))), JwtError::wrong_algorithm);
  expect_error(sign_with_libjwt(JWT_ALG_HS384, kSecret, claims_json(exp_in(60))), JwtError::wrong_algorithm);
  const std::string rs = util::base64url_encode(R"({"alg":"RS256","typ":"JWT"})") + "." +
                         util::base64url_encode(claims_json(exp_in(60))) + ".c2ln";
  expect_error(rs, JwtError::wrong_algorithm);
}

TEST_F(Jwt, MissingOrInvalidClaimsAreRejected) {
  const std::string exp = exp_in(60);
  const std::string cases[] = {
      R"({"org_id":"o1","type":"access")" + exp + "}",                      // no sub
      R"({"sub":"u1","type":"access")" + exp + "}",                         // no org_id
      R"({"sub":"","org_id":"o1","type":"access")" + exp + "}",             // empty sub
      R"({"sub":"u1","org_id":"","type":"access")" + exp + "}",             // empty org_id
      R"({"sub":1,"org_id":"o1","type":"access")" + exp + "}",              // sub not a string
      R"({"sub":"u1","org_id":"o1")" + exp + "}",                           // no type
      R"({"sub":"u1","org_id":"o1","type":"api")" + exp + "}",              // unknown type
      R"({"sub":"u1","org_id":"o1","type":"access"})",                      // no exp
      R"({"sub":"u1","org_id":"o1","type":"access","exp":"99999999999"})",  // exp as string
      R"({"sub":"u1","org_id":"o1","type":"access","exp":99999999999.5})",  // exp not an integer
      R"({"sub":"u1","org_id":"o1","type":"access","exp":1e11})",           // exp not an integer
      R"({"sub":"u1","org_id":"o1","type":"access","role":7)" + exp + "}",  // role not a string
      R"({"sub":"u1","org_id":"o1","type":"access","iat":"now")" + exp + "}",
  };
  for (const std::string& claims : cases) {
    expect_error(sign_with_libjwt(JWT_ALG_HS256, kSecret, claims), JwtError::missing_claims);
  }
}

TEST_F(Jwt, GarbageIsMalformed) {
  for (const char* bad :
       {"", "abc", "a.b", "a.b.c", "a.b.c.d", "....", "eyJhbGciOiJIUzI1NiJ9", "Bearer x.y.z"}) {
    expect_error(bad, JwtError::malformed);
  }
  expect_error(std::string(10000, 'a') + ".b.c", JwtError::malformed);
  // Correct header, payload that is not JSON.
  expect_error(util::base64url_encode(R"({"alg":"HS256","typ":"JWT"})") + "." +
                   util::base64url_encode("nope") + ".c2ln",
               JwtError::malformed);
}

TEST(JwtCodec, ShortSecretIsRefused) {
  EXPECT_THROW(JwtCodec(""), std::invalid_argument);
  EXPECT_THROW(JwtCodec(std::string(31, 'k')), std::invalid_argument);
  EXPECT_NO_THROW(JwtCodec(std::string(32, 'k')));
}

TEST_F(Jwt, VerifyIsSafeAcrossThreads) {
  const std::string good = codec_.issue("u", "o", "member", TokenType::access, 60s);
  const std::string bad = JwtCodec(std::string(40, 'x')).issue("u", "o", "member", TokenType::access, 60s);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        if (!codec_.verify(good).claims || codec_.verify(bad).claims) ++failures[t];
        if (!codec_.verify(codec_.issue(std::to_string(i), "o", "", TokenType::refresh, 60s)).claims) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace agenthq::auth
