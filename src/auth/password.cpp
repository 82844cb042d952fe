#include "auth/password.hpp"

#include <crypt.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "util/crypto.hpp"

namespace agenthq::auth {
namespace {

constexpr std::size_t kBcryptHashLength = 60;

// struct crypt_data is ~32 KB: on the heap, never on a (coroutine) stack. make_unique
// value-initialises it, which is the zeroing crypt_r requires before first use.
std::unique_ptr<crypt_data> new_crypt_data() { return std::make_unique<crypt_data>(); }

bool is_bcrypt_hash(std::string_view h) {
  return h.size() == kBcryptHashLength && (h.starts_with("$2a$") || h.starts_with("$2b$")) &&
         h.find('\0') == std::string_view::npos;
}

}  // namespace

std::string hash_password(std::string_view password, int cost) {
  if (cost < 4 || cost > 31) throw std::invalid_argument("bcrypt cost must be within 4..31");
  if (password.size() > kMaxPasswordBytes) throw std::invalid_argument("password longer than 72 bytes");
  if (password.find('\0') != std::string_view::npos) throw std::invalid_argument("password contains NUL");

  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  // Null random bytes: libxcrypt draws the salt from the kernel itself.
  if (crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, salt, sizeof salt) == nullptr) {
    throw std::runtime_error("crypt_gensalt_rn failed");
  }
  const std::string phrase(password);  // crypt_r needs a NUL-terminated string
  auto data = new_crypt_data();
  const char* hashed = crypt_r(phrase.c_str(), salt, data.get());
  // libxcrypt reports failure with a string starting with '*', not with NULL.
  if (hashed == nullptr || hashed[0] == '*') throw std::runtime_error("crypt_r failed");
  return std::string(hashed);
}

bool verify_password(std::string_view password, std::string_view stored_hash) {
  if (!is_bcrypt_hash(stored_hash)) return false;
  // A NUL would end the C string early and let "abc\0anything" pass as "abc".
  if (password.find('\0') != std::string_view::npos) return false;

  const std::string phrase(password);
  const std::string setting(stored_hash);
  auto data = new_crypt_data();
  const char* hashed = crypt_r(phrase.c_str(), setting.c_str(), data.get());
  if (hashed == nullptr || hashed[0] == '*') return false;
  return agenthq::util::constant_time_equals(hashed, stored_hash);
}

}  // namespace agenthq::auth
