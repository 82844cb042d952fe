#include "util/crypto.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "util/encoding.hpp"

namespace agenthq::util {
namespace {

TEST(RandomBytes, LengthAndVariety) {
  EXPECT_EQ(random_bytes(0), "");
  EXPECT_EQ(random_bytes(33).size(), 33u);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(random_bytes(16));
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Sha256, KnownVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256("abc").size(), 32u);
  EXPECT_EQ(hex_encode(sha256("abc")), sha256_hex("abc"));
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equals("", ""));
  EXPECT_TRUE(constant_time_equals("secret", "secret"));
  EXPECT_FALSE(constant_time_equals("secret", "secreT"));
  EXPECT_FALSE(constant_time_equals("secret", "secret1"));
  EXPECT_FALSE(constant_time_equals("", "a"));
}

class AesGcm : public ::testing::Test {
 protected:
  // The shape of ENCRYPTION_KEY: 64 hex chars.
  const std::string key_ = *hex_decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  const std::string plain_ = R"({"apiKey":"fub_live_123"})";
};

TEST_F(AesGcm, RoundTripInStoredFormat) {
  const std::string sealed = aes256gcm_encrypt(key_, plain_);
  EXPECT_EQ(sealed.find("fub_live_123"), std::string::npos);
  const std::optional<std::string> raw = base64_decode(sealed);  // standard, padded base64
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->size(), 12 + 16 + plain_.size());
  EXPECT_EQ(raw->find("fub_live_123"), std::string::npos);
  EXPECT_EQ(aes256gcm_decrypt(key_, sealed), plain_);
}

TEST_F(AesGcm, EmptyPlaintext) {
  const std::string sealed = aes256gcm_encrypt(key_, "");
  EXPECT_EQ(base64_decode(sealed)->size(), 28u);
  EXPECT_EQ(aes256gcm_decrypt(key_, sealed), "");
}

TEST_F(AesGcm, FreshIvEveryTime) {
  const std::string a = aes256gcm_encrypt(key_, plain_);
  const std::string b = aes256gcm_encrypt(key_, plain_);
  EXPECT_NE(a, b);
  EXPECT_NE(base64_decode(a)->substr(0, 12), base64_decode(b)->substr(0, 12));
}

TEST_F(AesGcm, AnyFlippedByteIsRejected) {
  const std::string raw = *base64_decode(aes256gcm_encrypt(key_, plain_));
  for (std::size_t i = 0; i < raw.size(); ++i) {  // IV, tag and ciphertext alike
    std::string tampered = raw;
    tampered[i] ^= 0x01;
    EXPECT_EQ(aes256gcm_decrypt(key_, base64_encode(tampered)), std::nullopt) << "byte " << i;
  }
  EXPECT_EQ(aes256gcm_decrypt(key_, base64_encode(raw.substr(0, raw.size() - 1))), std::nullopt);
}

TEST_F(AesGcm, WrongKeyIsRejected) {
  const std::string sealed = aes256gcm_encrypt(key_, plain_);
  std::string other = key_;
  other[31] ^= 0x80;
  EXPECT_EQ(aes256gcm_decrypt(other, sealed), std::nullopt);
}

TEST_F(AesGcm, BadInputIsRejected) {
  EXPECT_EQ(aes256gcm_decrypt(key_, ""), std::nullopt);
  EXPECT_EQ(aes256gcm_decrypt(key_, "not base64!"), std::nullopt);
  EXPECT_EQ(aes256gcm_decrypt(key_, base64_encode(std::string(27, 'x'))),
            std::nullopt);  // shorter than IV+tag
}

TEST_F(AesGcm, KeyMustBe32Bytes) {
  EXPECT_THROW(aes256gcm_encrypt(key_.substr(0, 31), plain_), std::invalid_argument);
  EXPECT_THROW(aes256gcm_encrypt(key_ + "x", plain_), std::invalid_argument);
  EXPECT_THROW(aes256gcm_decrypt("", aes256gcm_encrypt(key_, plain_)), std::invalid_argument);
}

}  // namespace
}  // namespace agenthq::util
