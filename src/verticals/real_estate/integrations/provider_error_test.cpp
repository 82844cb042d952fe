#include "verticals/real_estate/integrations/provider_error.hpp"

#include <gtest/gtest.h>

#include "verticals/real_estate/integrations/http_call.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace {
using boost::beast::http::status;

TEST(ProviderError, UpstreamStatusAndA200CharacterExcerptWithSecretsRedacted) {
  const std::string key = "fub-key-0123456789";
  auto e = upstream_error("Follow Up Boss", 401, "{\"error\":\"bad key " + key + "\"}\n" + std::string(300, 'y'), {key});
  EXPECT_EQ(e.status(), status::unauthorized);
  EXPECT_EQ(e.code(), "INTEGRATION_ERROR");
  const std::string m = e.what();
  EXPECT_EQ(m.find(key), std::string::npos) << m;
  EXPECT_NE(m.find("[redacted]"), std::string::npos);
  EXPECT_EQ(m.rfind("Follow Up Boss answered 401: ", 0), 0u);
  EXPECT_EQ(m.size(), std::string("Follow Up Boss answered 401: ").size() + 200);
  EXPECT_EQ(m.find('\n'), std::string::npos) << "control characters become spaces";
}

TEST(ProviderError, OddStatusesBecome502AndUtf8IsNotCut) {
  EXPECT_EQ(upstream_error("Dotloop", 302, "", {}).status(), status::bad_gateway);
  EXPECT_EQ(std::string(upstream_error("Dotloop", 302, "", {}).what()), "Dotloop answered 302");
  // 199 ASCII bytes then a two-byte character straddling the cut: it is dropped whole.
  auto e = upstream_error("Dotloop", 500, std::string(199, 'a') + "\xC3\xA9tail", {});
  EXPECT_EQ(std::string(e.what()), "Dotloop answered 500: " + std::string(199, 'a'));
  EXPECT_EQ(upstream_timeout("QuickBooks", 30000).status(), status::request_timeout);
  EXPECT_EQ(upstream_timeout("QuickBooks", 30000).code(), "INTEGRATION_TIMEOUT");
  EXPECT_EQ(upstream_unreachable("QuickBooks", "refused").status(), status::bad_gateway);
  EXPECT_EQ(upstream_rate_limited("Dotloop").status(), status::bad_gateway);
}

TEST(ProviderError, RedactReplacesEveryOccurrenceAndIgnoresTinySecrets) {
  EXPECT_EQ(redact("tok tok-x tok", {"tok-x", "tok"}), "tok [redacted] tok");
  EXPECT_EQ(redact("aaaa-aaaa", {"aaaa"}), "[redacted]-[redacted]");
}

TEST(HttpCall, FormEncodingEscapesEverythingButUnreserved) {
  EXPECT_EQ(form_encode({{"grant_type", "refresh_token"}, {"refresh_token", "a b+c/=&~"}}),
            "grant_type=refresh_token&refresh_token=a%20b%2Bc%2F%3D%26~");
}

}  // namespace
}  // namespace agenthq::verticals::real_estate::integrations
