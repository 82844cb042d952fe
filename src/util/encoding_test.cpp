#include "util/encoding.hpp"

#include <gtest/gtest.h>

#include <string>

namespace agenthq::util {
namespace {

std::string all_bytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  return s;
}

// RFC 4648 section 10.
TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), plain) << encoded;
  }
}

TEST(Base64, RoundTripsEveryByteValueAndLargeInput) {
  const std::string bytes = all_bytes();
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    EXPECT_EQ(base64_decode(base64_encode(bytes.substr(0, n))), bytes.substr(0, n));
  }
  // Larger than one internal chunk, not a multiple of 3.
  std::string big;
  for (int i = 0; i < 200001; ++i) big.push_back(static_cast<char>(i * 7));
  EXPECT_EQ(base64_decode(base64_encode(big)), big);
}

TEST(Base64, RejectsMalformedText) {
  for (const char* bad :
       {"Zg", "Zg=", "Zm9", "Z===", "====", "Zg==Zg==", "Zm9v\n", " Zm9v", "Zm9-", "Zm9_", "Z=g=", "Zm*v"}) {
    EXPECT_EQ(base64_decode(bad), std::nullopt) << bad;
  }
}

TEST(Base64Url, UsesUrlAlphabetWithoutPadding) {
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64_encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64url_encode(""), "");
}

TEST(Base64Url, RoundTripsAndRejectsOtherAlphabet) {
  const std::string bytes = all_bytes();
  for (std::size_t n = 0; n <= 64; ++n) {
    const std::string enc = base64url_encode(bytes.substr(256 - n));
    EXPECT_EQ(enc.find_first_of("+/="), std::string::npos);
    EXPECT_EQ(base64url_decode(enc), bytes.substr(256 - n));
  }
  EXPECT_EQ(base64url_decode("-_8"), std::string("\xfb\xff"));
  EXPECT_EQ(base64url_decode("+/8"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zg=="), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9vY"), std::nullopt);  // 4k+1 characters
}

TEST(Hex, KnownVectorsAndRoundTrip) {
  EXPECT_EQ(hex_encode(""), "");
  EXPECT_EQ(hex_encode("foobar"), "666f6f626172");  // RFC 4648 base16 vector, lower-cased
  EXPECT_EQ(hex_encode(std::string_view("\x00\xff\x10", 3)), "00ff10");
  EXPECT_EQ(hex_decode("666F6F626172"), "foobar");
  EXPECT_EQ(hex_decode("666f6f626172"), "foobar");
  const std::string bytes = all_bytes();
  EXPECT_EQ(hex_decode(hex_encode(bytes)), bytes);
}

TEST(Hex, RejectsOddLengthAndNonHex) {
  EXPECT_EQ(hex_decode("abc"), std::nullopt);
  EXPECT_EQ(hex_decode("zz"), std::nullopt);
  EXPECT_EQ(hex_decode("0x12"), std::nullopt);
  EXPECT_EQ(hex_decode(" 12"), std::nullopt);
}

}  // namespace
}  // namespace agenthq::util
