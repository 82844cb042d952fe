#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace agenthq::test {

// The credentials a test suite hands to the hub, remembered so that its log test can prove
// none of them was ever written to the hub's output.
class SecretLog {
 public:
  std::string make(const std::string& label);  // label + a random suffix, recorded
  const std::vector<std::string>& all() const { return secrets_; }

 private:
  std::vector<std::string> secrets_;
};

// Unix time in milliseconds (the providers' expiresAt format).
std::int64_t unix_millis_now();

}  // namespace agenthq::test
