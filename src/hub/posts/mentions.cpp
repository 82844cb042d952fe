#include "hub/posts/mentions.hpp"

#include <algorithm>

namespace agenthq::hub {
namespace {
bool name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
}  // namespace

std::vector<std::string> parse_mentions(std::string_view content) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < content.size() && names.size() < kMaxMentionNames; ++i) {
    if (content[i] != '@' || (i > 0 && name_char(content[i - 1]))) continue;
    std::size_t end = i + 1;
    while (end < content.size() && name_char(content[end])) ++end;
    if (end == i + 1) continue;
    std::string name(content.substr(i + 1, end - i - 1));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    i = end - 1;
  }
  return names;
}

}  // namespace agenthq::hub
