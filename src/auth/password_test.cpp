#include "auth/password.hpp"

#include <crypt.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace agenthq::auth {
namespace {

constexpr int kFastCost = 4;  // cost 12 is ~170 ms per call; behaviour does not depend on the cost

// What the reference server stored: a "$2a$" hash, produced here with libxcrypt directly.
std::string crypt_2a(const std::string& password) {
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  if (crypt_gensalt_rn("$2a$", kFastCost, nullptr, 0, salt, sizeof salt) == nullptr) return {};
  auto data = std::make_unique<crypt_data>();
  const char* h = crypt_r(password.c_str(), salt, data.get());
  return h ? std::string(h) : std::string();
}

TEST(Password, HashIsBcrypt2bWithRequestedCost) {
  const std::string h = hash_password("correct horse", kFastCost);
  EXPECT_EQ(h.size(), 60u);
  EXPECT_EQ(h.substr(0, 7), "$2b$04$");
  EXPECT_NE(hash_password("correct horse", kFastCost), h) << "salt must differ each time";
}

TEST(Password, DefaultCostIs12) { EXPECT_EQ(hash_password("x").substr(0, 7), "$2b$12$"); }

TEST(Password, VerifiesRightAndRejectsWrong) {
  const std::string h = hash_password("correct horse", kFastCost);
  EXPECT_TRUE(verify_password("correct horse", h));
  EXPECT_FALSE(verify_password("correct horsE", h));
  EXPECT_FALSE(verify_password("", h));
  EXPECT_FALSE(verify_password(std::string("correct horse\0x", 15), h));
}

TEST(Password, Accepts2aHashesFromTheReference) {
  const std::string h = crypt_2a("reference-pass");
  ASSERT_EQ(h.substr(0, 4), "$2a$");
  EXPECT_TRUE(verify_password("reference-pass", h));
  EXPECT_FALSE(verify_password("reference-pasS", h));
}

TEST(Password, GarbageStoredHashNeverVerifies) {
  const std::string h = hash_password("pw", kFastCost);
  for (const std::string& bad :
       {std::string(), std::string("*0"), std::string("garbage"), h.substr(0, 59), h + "x",
        "$2y$" + h.substr(4), "$1$" + h.substr(3), std::string("$2b$04$") + std::string(53, '!')}) {
    EXPECT_FALSE(verify_password("pw", bad)) << bad;
  }
  // libxcrypt still speaks DES: "garbage" as a setting is a valid DES salt. Such a row must not verify
  // even when it is the genuine DES hash of the password.
  auto data = std::make_unique<crypt_data>();
  const std::string des = crypt_r("pw", "ga", data.get());
  ASSERT_NE(des[0], '*');
  EXPECT_FALSE(verify_password("pw", des));
}

TEST(Password, RejectsBadArguments) {
  EXPECT_THROW(hash_password("pw", 0), std::invalid_argument);  // libxcrypt would quietly use 5
  EXPECT_THROW(hash_password("pw", 3), std::invalid_argument);
  EXPECT_THROW(hash_password("pw", 32), std::invalid_argument);
  EXPECT_THROW(hash_password(std::string(kMaxPasswordBytes + 1, 'a'), kFastCost), std::invalid_argument);
  EXPECT_THROW(hash_password(std::string("a\0b", 3), kFastCost), std::invalid_argument);
  const std::string longest(kMaxPasswordBytes, 'a');
  EXPECT_TRUE(verify_password(longest, hash_password(longest, kFastCost)));
}

}  // namespace
}  // namespace agenthq::auth
