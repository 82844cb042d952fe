#include "verticals/real_estate/integrations/provider_error.hpp"

namespace agenthq::verticals::real_estate::integrations {
using boost::beast::http::status;
using http::ApiError;

namespace {

// At most n bytes, cut back to a UTF-8 character boundary, control characters as spaces:
// the excerpt ends up inside a JSON message and a log line.
std::string excerpt(std::string_view text, std::size_t n) {
  std::string out(text.substr(0, n));
  if (text.size() > n) {
    std::size_t cut = out.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut - 1]) & 0xC0) == 0x80) --cut;  // continuation bytes
    if (cut > 0 && (static_cast<unsigned char>(out[cut - 1]) & 0x80)) --cut;             // the lead byte
    out.resize(cut);
  }
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

}  // namespace

std::string redact(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.size() < 4) continue;  // too short to be a credential worth hiding; avoids mangling text
    for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 10))
      text.replace(pos, secret.size(), "[redacted]");
  }
  return text;
}

ApiError upstream_error(std::string_view provider, long code, std::string_view body,
                        const std::vector<std::string>& secrets) {
  const auto s = code >= 400 && code <= 599 ? static_cast<status>(code) : status::bad_gateway;
  std::string message = std::string(provider) + " answered " + std::to_string(code);
  const std::string shown = excerpt(redact(std::string(body), secrets), 200);
  if (!shown.empty()) message += ": " + shown;
  return ApiError(s, "INTEGRATION_ERROR", message);
}

ApiError upstream_timeout(std::string_view provider, long timeout_ms) {
  return ApiError(status::request_timeout, "INTEGRATION_TIMEOUT",
                  std::string(provider) + " did not answer within " + std::to_string(timeout_ms) + " ms");
}

ApiError upstream_unreachable(std::string_view provider, std::string_view transport_error) {
  return ApiError(status::bad_gateway, "INTEGRATION_ERROR",
                  "Could not reach " + std::string(provider) + ": " + excerpt(transport_error, 200));
}

ApiError upstream_rate_limited(std::string_view provider) {
  return ApiError(status::bad_gateway, "INTEGRATION_ERROR",
                  std::string(provider) + " is rate limiting requests (429 after every retry)");
}

ApiError upstream_bad_reply(std::string_view provider, std::string_view what) {
  return ApiError(status::bad_gateway, "INTEGRATION_ERROR",
                  std::string(provider) + " sent an unexpected reply: " + std::string(what));
}

}  // namespace agenthq::verticals::real_estate::integrations
