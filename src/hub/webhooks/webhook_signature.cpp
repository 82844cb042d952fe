#include "hub/webhooks/webhook_signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "util/encoding.hpp"

namespace agenthq::hub {

std::string webhook_signature(std::string_view secret, std::string_view body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length))
    throw std::runtime_error("HMAC-SHA256 failed");
  return "sha256=" + util::hex_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace agenthq::hub
