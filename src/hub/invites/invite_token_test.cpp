#include "hub/invites/invite_token.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace {
using agenthq::hub::is_invite_token;
using agenthq::hub::new_invite_token;

TEST(InviteToken, HasTheShapeTheGoCliParses) {
  // The Go CLI's invite URL pattern: /invite/AHQ-<alnum>-<alnum>.
  const std::regex go_cli("^AHQ-[A-Za-z0-9]{5}-[A-Za-z0-9]{4}$");
  std::set<std::string> seen;
  for (int i = 0; i < 500; ++i) {
    const auto t = new_invite_token();
    EXPECT_TRUE(std::regex_match(t, go_cli)) << t;
    EXPECT_TRUE(is_invite_token(t)) << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 500u);
}

TEST(InviteToken, RecognisesOnlyThatShape) {
  EXPECT_TRUE(is_invite_token("AHQ-abcde-1234"));
  for (const char* t : {"", "AHQ-abc_e-1234", "AHQ-abcde_1234", "ahq-abcde-1234", "AHQ-abcde-12345", "AHQ-ab-de-1234"})
    EXPECT_FALSE(is_invite_token(t)) << t;
}
}  // namespace
