#pragma once
#include <string>
#include <vector>

namespace agenthq::hub {

struct PinnedPost {
  std::string title;
  std::string type;
  std::string content;
};

struct DefaultChannel {
  std::string name;
  std::string type;
  std::string description;
  std::vector<PinnedPost> pinned;
};

// The five channels and six pinned welcome posts every new organisation starts with.
const std::vector<DefaultChannel>& default_channels();

}  // namespace agenthq::hub
