#include "hub/invites/invite_token.hpp"

#include "util/crypto.hpp"

namespace agenthq::hub {
namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
bool alnum(char c) { return kAlphabet.find(c) != std::string_view::npos; }
}  // namespace

std::string new_invite_token() {
  std::string chars;
  while (chars.size() < 9) {
    for (unsigned char b : util::random_bytes(16)) {
      // 248 = 4 * 62: rejecting bytes above it keeps every character equally likely.
      if (b < 248 && chars.size() < 9) chars += kAlphabet[b % kAlphabet.size()];
    }
  }
  return "AHQ-" + chars.substr(0, 5) + "-" + chars.substr(5, 4);
}

bool is_invite_token(std::string_view t) {
  if (t.size() != 14 || t.substr(0, 4) != "AHQ-" || t[9] != '-') return false;
  for (std::size_t i = 4; i < 14; ++i)
    if (i != 9 && !alnum(t[i])) return false;
  return true;
}

}  // namespace agenthq::hub
