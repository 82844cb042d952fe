#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace agenthq::test {

// The credentials a test suite hands to the hub, remembered so that its tests can prove none of
// them was ever written to the hub's output: each such suite checks its hub's log after every
// test (TearDown), so each test covers its own credentials whether it runs alone in a process
// (ctest runs every case in a process of its own) or after the others of its suite.
class SecretLog {
 public:
  std::string make(const std::string& label);  // label + a random suffix, recorded
  const std::vector<std::string>& all() const { return secrets_; }
  // The recorded secrets that occur in text, verbatim or as HTTP Basic auth sends an API key
  // (base64 of "secret:"); empty if none does.
  std::vector<std::string> found_in(const std::string& text) const;

 private:
  std::vector<std::string> secrets_;
};

// Unix time in milliseconds (the providers' expiresAt format).
std::int64_t unix_millis_now();

}  // namespace agenthq::test
