#include "util/crypto.hpp"

#include <sys/random.h>

#include <cerrno>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <stdexcept>

#include "util/encoding.hpp"

namespace agenthq::util {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kIvBytes = 12;
constexpr std::size_t kTagBytes = 16;

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

CipherCtx new_cipher_ctx() {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) throw std::runtime_error("EVP_CIPHER_CTX_new failed");
  return ctx;
}

void require_key(std::string_view key32) {
  if (key32.size() != kKeyBytes) throw std::invalid_argument("AES-256-GCM key must be exactly 32 bytes");
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes_of(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

}  // namespace

// The kernel's CSPRNG (getrandom(2), what OpenSSL seeds itself from) rather than RAND_bytes:
// ids are minted on every request, and RAND_bytes' first call loads OpenSSL's default provider,
// 2 MB of an idle hub's memory that nothing else at idle needs.
std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  for (std::size_t pos = 0; pos < n;) {
    const ssize_t got = getrandom(bytes_of(out) + pos, n - pos, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("getrandom failed");
    }
    pos += static_cast<std::size_t>(got);
  }
  return out;
}

std::string sha256(std::string_view data) {
  std::string out(EVP_MAX_MD_SIZE, '\0');
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), bytes_of(out), &len, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("EVP_Digest(SHA-256) failed");
  }
  out.resize(len);
  return out;
}

std::string sha256_hex(std::string_view data) { return hex_encode(sha256(data)); }

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string aes256gcm_encrypt(std::string_view key32, std::string_view plaintext) {
  require_key(key32);
  if (plaintext.size() > static_cast<std::size_t>(INT_MAX))
    throw std::invalid_argument("plaintext too large");

  // Layout IV || tag || ciphertext; the tag is only known after the final call, so its slot is filled last.
  std::string sealed(kIvBytes + kTagBytes + plaintext.size(), '\0');
  unsigned char* iv = bytes_of(sealed);
  unsigned char* tag = iv + kIvBytes;
  unsigned char* ct = tag + kTagBytes;
  if (RAND_bytes(iv, static_cast<int>(kIvBytes)) != 1) throw std::runtime_error("RAND_bytes failed");

  CipherCtx ctx = new_cipher_ctx();
  int len = 0;
  int final_len = 0;
  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kIvBytes), nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes_of(key32), iv) != 1 ||
      EVP_EncryptUpdate(ctx.get(), ct, &len, bytes_of(plaintext), static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), ct + len, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes), tag) != 1) {
    throw std::runtime_error("AES-256-GCM encryption failed");
  }
  return base64_encode(sealed);
}

std::optional<std::string> aes256gcm_decrypt(std::string_view key32, std::string_view encoded) {
  require_key(key32);
  std::optional<std::string> sealed = base64_decode(encoded);
  if (!sealed || sealed->size() < kIvBytes + kTagBytes) return std::nullopt;
  if (sealed->size() - kIvBytes - kTagBytes > static_cast<std::size_t>(INT_MAX)) return std::nullopt;

  unsigned char* iv = bytes_of(*sealed);
  unsigned char* tag = iv + kIvBytes;
  const unsigned char* ct = tag + kTagBytes;
  const int ct_len = static_cast<int>(sealed->size() - kIvBytes - kTagBytes);

  std::string plain(static_cast<std::size_t>(ct_len), '\0');
  CipherCtx ctx = new_cipher_ctx();
  int len = 0;
  int final_len = 0;
  if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kIvBytes), nullptr) != 1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes_of(key32), iv) != 1 ||
      EVP_DecryptUpdate(ctx.get(), bytes_of(plain), &len, ct, ct_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag) != 1) {
    return std::nullopt;
  }
  // The tag is checked here: until Final succeeds the plaintext must be treated as unauthenticated.
  if (EVP_DecryptFinal_ex(ctx.get(), bytes_of(plain) + len, &final_len) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return std::nullopt;
  }
  plain.resize(static_cast<std::size_t>(len + final_len));
  return plain;
}

}  // namespace agenthq::util
