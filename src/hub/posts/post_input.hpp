#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "http/request_context.hpp"
#include "hub/posts/post_edit_store.hpp"
#include "hub/posts/post_store.hpp"

namespace agenthq::hub {

// What a request about posts says, read and validated once for every face that takes one (the
// REST routes and the MCP tools): a bad value is the same VALIDATION_ERROR with the same message
// wherever it came from.

// The filters of GET /posts and GET /channels/:id/posts (channel_id, type, author_id, since).
PostFilter read_post_filter(const http::Query& query);
// The body of POST /posts: a top-level post (channel_id) or a reply (parent_id).
NewPost read_new_post(const boost::json::object& body);
// The body of PATCH /posts/:id: a new title (null clears it) or content.
PostEdit read_post_edit(const boost::json::object& body);
// The emoji of POST /posts/:id/reactions.
std::string read_reaction_emoji(const boost::json::object& body);

}  // namespace agenthq::hub
