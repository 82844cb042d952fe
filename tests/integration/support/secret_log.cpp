#include "support/secret_log.hpp"

#include <chrono>

#include "support/pg_fixture.hpp"
#include "util/encoding.hpp"

namespace agenthq::test {

std::string SecretLog::make(const std::string& label) {
  secrets_.push_back(label + "-" + random_suffix(20));
  return secrets_.back();
}

std::vector<std::string> SecretLog::found_in(const std::string& text) const {
  std::vector<std::string> found;
  for (const auto& s : secrets_)
    if (text.find(s) != std::string::npos || text.find(util::base64_encode(s + ":")) != std::string::npos)
      found.push_back(s);
  return found;
}

std::int64_t unix_millis_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace agenthq::test
