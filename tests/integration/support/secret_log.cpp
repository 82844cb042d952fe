#include "support/secret_log.hpp"

#include <chrono>

#include "support/pg_fixture.hpp"

namespace agenthq::test {

std::string SecretLog::make(const std::string& label) {
  secrets_.push_back(label + "-" + random_suffix(20));
  return secrets_.back();
}

std::int64_t unix_millis_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace agenthq::test
