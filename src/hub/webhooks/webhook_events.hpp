#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace agenthq::hub {

// The data of the webhook events of contract §3.6.1 and §3.12, from the rows the routes return.
boost::json::object post_created_data(const boost::json::object& post);
boost::json::object post_reply_data(const boost::json::object& post);
// On reassignment (PATCH) previous_assigned_to is added, null when the task had no assignee.
boost::json::object task_assigned_data(const boost::json::object& task, const std::string& assigned_by, bool reassigned,
                                       const std::optional<std::string>& previous_assigned_to);

}  // namespace agenthq::hub
