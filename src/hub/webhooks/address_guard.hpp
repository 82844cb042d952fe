#pragma once
#include <sys/socket.h>

namespace agenthq::hub {

// Whether an address a webhook would connect to is off limits: loopback, link-local, private
// (RFC 1918, unique-local fc00::/7), carrier-grade NAT, unspecified, multicast and broadcast
// addresses, also when IPv4 hides inside an IPv6 address (::ffff:10.0.0.1). Webhook URLs come
// from any member of an org; without this check they would reach the hub's own network.
bool is_internal_address(const sockaddr* address);

}  // namespace agenthq::hub
