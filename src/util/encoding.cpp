#include "util/encoding.hpp"

#include <openssl/evp.h>

#include <algorithm>

namespace agenthq::util {
namespace {

// EVP_EncodeBlock/EVP_DecodeBlock take an int length; work in chunks so huge inputs cannot overflow it.
// Both chunk sizes keep whole 3-byte / 4-char groups together.
constexpr std::size_t kEncodeChunk = 3 * 16384;
constexpr std::size_t kDecodeChunk = 4 * 16384;

bool is_std_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t pos = 0; pos < bytes.size(); pos += kEncodeChunk) {
    const std::size_t n = std::min(kEncodeChunk, bytes.size() - pos);
    std::string block((n + 2) / 3 * 4 + 1, '\0');  // +1: EVP_EncodeBlock writes a NUL terminator
    const int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(block.data()),
                        reinterpret_cast<const unsigned char*>(bytes.data() + pos), static_cast<int>(n));
    out.append(block.data(), static_cast<std::size_t>(written));
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  // EVP_DecodeBlock skips surrounding whitespace and returns padding as zero bytes, so the
  // shape is checked here and the padding length subtracted afterwards.
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t pad = 0;
  while (pad < 2 && pad < text.size() && text[text.size() - 1 - pad] == '=') ++pad;
  const std::string_view body = text.substr(0, text.size() - pad);
  if (!std::all_of(body.begin(), body.end(), is_std_alphabet)) return std::nullopt;

  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t pos = 0; pos < text.size(); pos += kDecodeChunk) {
    const std::size_t n = std::min(kDecodeChunk, text.size() - pos);
    std::string block(n / 4 * 3, '\0');
    const int written =
        EVP_DecodeBlock(reinterpret_cast<unsigned char*>(block.data()),
                        reinterpret_cast<const unsigned char*>(text.data() + pos), static_cast<int>(n));
    if (written < 0) return std::nullopt;
    out.append(block.data(), static_cast<std::size_t>(written));
  }
  out.resize(out.size() - pad);
  return out;
}

std::string base64url_encode(std::string_view bytes) {
  std::string out = base64_encode(bytes);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+')
      c = '-';
    else if (c == '/')
      c = '_';
  }
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;  // no byte count encodes to 4k+1 characters
  std::string padded;
  padded.reserve(text.size() + 3);
  for (char c : text) {
    // '+', '/' and '=' belong to the other alphabet; letting them through would make two spellings valid.
    if (c == '+' || c == '/' || c == '=') return std::nullopt;
    padded.push_back(c == '-' ? '+' : c == '_' ? '/' : c);
  }
  while (padded.size() % 4 != 0) padded.push_back('=');
  return base64_decode(padded);
}

std::string hex_encode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

std::optional<std::string> hex_decode(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]);
    const int lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>((hi << 4) | lo));
  }
  return out;
}

}  // namespace agenthq::util
