#pragma once
#include <string>
#include <vector>

#include "db/statement.hpp"

namespace agenthq::hub {

// The Notification object's columns for the table aliased `alias`.
std::string notification_columns(const std::string& alias = "n");

// SQL of a data-modifying CTE body that inserts one notification per row of `wanted` (a CTE of
// the same statement with columns recipient_id, recipient_type, type, source_id, source_type,
// title, body) and returns the new ids, so a notification exists exactly when its trigger
// committed. Rows whose recipient is the actor are skipped (nobody is notified of their own
// action). Ids come from the text[] bound at `ids` (the application makes ULIDs); at most that
// many rows are written. $1 must be the org.
std::string insert_notifications_from(const std::string& wanted, const std::string& ids, const std::string& actor_id,
                                      const std::string& actor_type);

// n fresh ULIDs as a text[] parameter.
std::string new_ids(std::size_t n);

// SQL for `text` cut to keep-3 characters plus "..." when longer than `limit` (contract §3.11).
std::string cut_text(const std::string& text, int limit);

// SQL naming the identity (id, type) in notification titles: the agent's or user's name in the
// org at $1, else "Someone".
std::string display_name(const std::string& id, const std::string& type);

}  // namespace agenthq::hub
