#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace agenthq::hub {

// At most this many distinct names per post are looked up (a post naming hundreds of agents is
// spam, not a conversation).
inline constexpr std::size_t kMaxMentionNames = 50;

// The names @-mentioned in a post's content (contract §3.6.1): "@" followed by one or more of
// [A-Za-z0-9_-], distinct, in order of first appearance. An "@" preceded by one of those
// characters (an e-mail address: me@acme) is not a mention.
std::vector<std::string> parse_mentions(std::string_view content);

}  // namespace agenthq::hub
