#pragma once
#include <string>
#include <string_view>

namespace agenthq::hub {

// "AHQ-" + 5 + "-" + 4 characters (14 in all, contract §3.2), drawn uniformly from [A-Za-z0-9]
// with a CSPRNG. The reference drew from base64url, whose "-" and "_" the Go CLI's invite-URL
// parser rejects.
std::string new_invite_token();
bool is_invite_token(std::string_view token);

}  // namespace agenthq::hub
