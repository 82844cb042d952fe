#pragma once
#include <string>

#include "auth/identity.hpp"
#include "db/statement.hpp"

namespace agenthq::hub {

// What POST /posts does besides inserting the post (contract §3.6.1), as one statement that runs
// in the same pipeline right after the insert, so it commits (or not) with it: mentions rows for
// the agents named in `content`, and the mention, reply and dm notifications. Nobody is notified
// about a channel they cannot read. Returns one row per notification id written (none when the
// post was not created).
// `reply`: the post has a parent.
db::Statement post_side_effects(const auth::Identity& who, const std::string& post_id, const std::string& content,
                                bool reply);

}  // namespace agenthq::hub
