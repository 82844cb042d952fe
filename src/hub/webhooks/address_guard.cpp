#include "hub/webhooks/address_guard.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

namespace agenthq::hub {
namespace {

bool internal_v4(std::uint32_t a) {  // host byte order
  auto in = [a](std::uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  return in(0x00000000, 8)       // 0.0.0.0/8 "this network"
         || in(0x0A000000, 8)    // 10/8
         || in(0x64400000, 10)   // 100.64/10 carrier-grade NAT
         || in(0x7F000000, 8)    // 127/8 loopback
         || in(0xA9FE0000, 16)   // 169.254/16 link-local (cloud metadata lives here)
         || in(0xAC100000, 12)   // 172.16/12
         || in(0xC0A80000, 16)   // 192.168/16
         || in(0xC6120000, 15)   // 198.18/15 benchmarking
         || in(0xE0000000, 4)    // multicast
         || in(0xF0000000, 4);   // reserved and broadcast
}

}  // namespace

bool is_internal_address(const sockaddr* address) {
  if (!address) return true;
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return internal_v4(ntohl(v4->sin_addr.s_addr));
  }
  if (address->sa_family != AF_INET6) return true;
  const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
  const unsigned char* b = v6->sin6_addr.s6_addr;
  static const unsigned char mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const unsigned char zero[12] = {0};
  if (std::memcmp(b, mapped_prefix, 12) == 0 || std::memcmp(b, zero, 12) == 0) {
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, also :: and ::1).
    const std::uint32_t a = (std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) | b[15];
    if (std::memcmp(b, zero, 12) == 0 && a <= 1) return true;  // :: and ::1
    return internal_v4(a);
  }
  if ((b[0] & 0xfe) == 0xfc) return true;                  // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;  // fe80::/10 link-local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return true;  // fec0::/10 old site-local
  if (b[0] == 0xff) return true;                           // multicast
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) {  // 64:ff9b::/96 NAT64
    const std::uint32_t a = (std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) | b[15];
    return internal_v4(a);
  }
  return false;
}

}  // namespace agenthq::hub
