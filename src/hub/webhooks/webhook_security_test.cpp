#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <string>

#include "hub/webhooks/address_guard.hpp"
#include "hub/webhooks/webhook_signature.hpp"

namespace {
using agenthq::hub::is_internal_address;
using agenthq::hub::webhook_signature;

bool internal(const std::string& text) {
  sockaddr_in v4{};
  sockaddr_in6 v6{};
  if (inet_pton(AF_INET, text.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    return is_internal_address(reinterpret_cast<sockaddr*>(&v4));
  }
  EXPECT_EQ(inet_pton(AF_INET6, text.c_str(), &v6.sin6_addr), 1) << text;
  v6.sin6_family = AF_INET6;
  return is_internal_address(reinterpret_cast<sockaddr*>(&v6));
}

TEST(WebhookSignature, IsHmacSha256OfTheExactBody) {
  // RFC 4231 test case 2.
  EXPECT_EQ(webhook_signature("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_NE(webhook_signature("Jefe", "what do ya want for nothing? "), webhook_signature("Jefe", "what do ya want for nothing?"));
}

TEST(AddressGuard, RefusesInternalAddresses) {
  for (const char* a : {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                        "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
                        "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1",
                        "64:ff9b::a9fe:a9fe"})
    EXPECT_TRUE(internal(a)) << a;
}

TEST(AddressGuard, AllowsPublicAddresses) {
  for (const char* a : {"8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700::1111",
                        "::ffff:8.8.8.8"})
    EXPECT_FALSE(internal(a)) << a;
}
}  // namespace
