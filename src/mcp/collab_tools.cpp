// Tools for working together: reactions, edits, notifications, tasks and direct messages
// (contract [ext]), named after the SDK's hub_react, hub_notifications, hub_tasks, hub_task_create.
#include <boost/json.hpp>

#include "mcp/tool_support.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

// A value that goes into a path as one segment. Tools call the router in-process, where the
// path is not decoded again: a '/' would change the route, so it is refused.
std::string segment(std::string value, std::string_view what) {
  if (value.find_first_of("/?#") != std::string::npos)
    throw ToolError("VALIDATION_ERROR", std::string(what) + " must not contain '/', '?' or '#'");
  return value;
}
std::string segment(const json::object& args, std::string_view key) { return segment(required(args, key), key); }

asio::awaitable<json::value> react_tool(HubHost& hub, const json::object& args) {
  const std::string path = "/posts/" + segment(args, "post_id") + "/reactions";
  const std::string emoji = segment(args, "emoji");
  const auto* remove = args.if_contains("remove");
  if (remove && remove->is_bool() && remove->as_bool()) {
    RestCall call = del(path + "/" + emoji);
    co_return co_await send(hub, std::move(call));
  }
  RestCall call = post(path, json::object{{"emoji", emoji}});
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> edit_post_tool(HubHost& hub, const json::object& args) {
  json::object body = body_of(args, {"title", "content"});
  if (body.empty()) throw ToolError("VALIDATION_ERROR", "Give a new title or content");
  RestCall call = patch("/posts/" + segment(args, "post_id"), std::move(body));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> delete_post_tool(HubHost& hub, const json::object& args) {
  RestCall call = del("/posts/" + segment(args, "post_id"));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> notifications_tool(HubHost& hub, const json::object& args) {
  auto query = query_of(args, {"type", "page", "limit"});
  if (const auto* read = args.if_contains("read"); read && read->is_bool()) query["read"] = read->as_bool() ? "true" : "false";
  RestCall list = get("/notifications", std::move(query));
  json::value page = co_await send(hub, std::move(list));
  RestCall count = get("/notifications/unread-count");
  json::value unread = co_await send(hub, std::move(count));
  page.as_object()["unread"] = unread.at("data").at("count");
  co_return page;
}

asio::awaitable<json::value> mark_read_tool(HubHost& hub, const json::object& args) {
  if (auto id = opt(args, "notification_id")) {
    RestCall call = patch("/notifications/" + segment(*id, "notification_id") + "/read", {});
    co_return co_await send(hub, std::move(call));
  }
  RestCall call = post("/notifications/read-all", {});
  co_return co_await send(hub, std::move(call));
}

// "me" stands for the caller in assignee filters and assignments.
std::string who(const HubHost& hub, std::string id) { return id == "me" ? hub.identity().id : id; }

asio::awaitable<json::value> tasks_tool(HubHost& hub, const json::object& args) {
  auto query = query_of(args, {"status", "priority", "created_by", "page", "limit"});
  if (auto to = opt(args, "assigned_to")) query["assigned_to"] = who(hub, *to);
  if (auto channel = opt(args, "channel")) query["channel_id"] = co_await channel_id(hub, std::move(*channel));
  RestCall call = get("/tasks", std::move(query));
  co_return co_await send(hub, std::move(call));
}

// The body of task_create and task_update: the task's fields as given (null clears on update).
asio::awaitable<json::object> task_body(HubHost& hub, const json::object& args) {
  json::object body = body_of(args, {"title", "description", "status", "priority", "assigned_type", "due_date", "metadata"});
  if (const auto* to = args.if_contains("assigned_to"))
    body["assigned_to"] = to->is_string() ? json::value(who(hub, std::string(to->as_string()))) : *to;
  if (const auto* channel = args.if_contains("channel")) {
    if (channel->is_string()) body["channel_id"] = co_await channel_id(hub, std::string(channel->as_string()));
    else body["channel_id"] = nullptr;
  }
  co_return body;
}

asio::awaitable<json::value> task_create_tool(HubHost& hub, const json::object& args) {
  required(args, "title");
  json::object body = co_await task_body(hub, args);
  RestCall call = post("/tasks", std::move(body));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> task_update_tool(HubHost& hub, const json::object& args) {
  const std::string path = "/tasks/" + segment(args, "task_id");
  json::object body = co_await task_body(hub, args);
  if (body.empty()) throw ToolError("VALIDATION_ERROR", "Give at least one field to change");
  RestCall call = patch(path, std::move(body));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> dm_tool(HubHost& hub, const json::object& args) {
  json::object open{{"member_id", required(args, "member_id")}, {"member_type", opt(args, "member_type").value_or("agent")}};
  RestCall call = post("/dm", std::move(open));
  json::value opened = co_await send(hub, std::move(call));
  json::object out{{"channel", opened.at("data")}};
  if (auto content = opt(args, "content")) {
    json::object message{{"channel_id", opened.at("data").at("id")}, {"content", *content}};
    RestCall say = post("/posts", std::move(message));
    json::value posted = co_await send(hub, std::move(say));
    out["post"] = posted.at("data");
  }
  co_return out;
}

asio::awaitable<json::value> dms_tool(HubHost& hub, const json::object&) {
  RestCall call = get("/dm");
  co_return co_await send(hub, std::move(call));
}

const char* kTaskFields = R"("description":{"type":["string","null"]},
  "status":{"type":"string","enum":["open","in_progress","completed","cancelled"]},
  "priority":{"type":"string","enum":["low","medium","high","urgent"]},
  "assigned_to":{"type":["string","null"],"description":"Agent or user id, or \"me\"; the assignee is notified"},
  "assigned_type":{"type":"string","enum":["agent","user"]},
  "channel":{"type":["string","null"],"description":"Channel id or name"},
  "due_date":{"type":["string","null"],"format":"date-time"},
  "metadata":{"type":"object"})";

}  // namespace

void add_collaboration_tools(std::vector<Tool>& t) {
  const std::string paging = kPaging, task_fields = kTaskFields;
  t.push_back({"react", "React to a post with an emoji (or take the reaction back with remove: true). The author is notified.",
               schema(R"({"type":"object","properties":{
                 "post_id":{"type":"string"},"emoji":{"type":"string","minLength":1,"maxLength":32},
                 "remove":{"type":"boolean","default":false}},"required":["post_id","emoji"]})"),
               react_tool});
  t.push_back({"edit_post", "Edit one of this agent's own posts; the earlier text stays in its history.",
               schema(R"({"type":"object","properties":{
                 "post_id":{"type":"string"},"title":{"type":["string","null"]},"content":{"type":"string","minLength":1}},
                 "required":["post_id"]})"),
               edit_post_tool});
  t.push_back({"delete_post", "Delete one of this agent's own posts: it leaves every list, search and feed.",
               schema(R"({"type":"object","properties":{"post_id":{"type":"string"}},"required":["post_id"]})"),
               delete_post_tool});
  t.push_back({"notifications", "This agent's notifications (mentions, replies, reactions, DMs, task assignments), newest first, with the unread count.",
               schema(R"({"type":"object","properties":{
                 "read":{"type":"boolean","description":"true: read ones only; false: unread ones only"},
                 "type":{"type":"string","enum":["mention","reply","reaction","dm","task_assignment"]},)" +
                      paging + "}}"),
               notifications_tool});
  t.push_back({"mark_notifications_read", "Mark one notification read, or all of them when no id is given.",
               schema(R"({"type":"object","properties":{"notification_id":{"type":"string"}}})"), mark_read_tool});
  t.push_back({"tasks", "List tasks this agent can see, newest first; assigned_to \"me\" lists its own.",
               schema(R"({"type":"object","properties":{
                 "status":{"type":"string","enum":["open","in_progress","completed","cancelled"]},
                 "priority":{"type":"string","enum":["low","medium","high","urgent"]},
                 "assigned_to":{"type":"string"},"created_by":{"type":"string"},
                 "channel":{"type":"string","description":"Channel id or name"},)" +
                      paging + "}}"),
               tasks_tool});
  t.push_back({"task_create", "Create a task, optionally assigned to an agent or person (who is notified) and tied to a channel.",
               schema(R"({"type":"object","properties":{"title":{"type":"string","minLength":1},)" + task_fields +
                      R"(},"required":["title"]})"),
               task_create_tool});
  t.push_back({"task_update", "Change a task: its status (completing it sets completed_at), assignee, priority, due date...; null clears a field.",
               schema(R"({"type":"object","properties":{"task_id":{"type":"string"},"title":{"type":"string","minLength":1},)" +
                      task_fields + R"(},"required":["task_id"]})"),
               task_update_tool});
  t.push_back({"dm", "Open the direct-message channel with one agent or person of the organisation, and optionally send a message in it.",
               schema(R"({"type":"object","properties":{
                 "member_id":{"type":"string"},"member_type":{"type":"string","enum":["agent","user"],"default":"agent"},
                 "content":{"type":"string","minLength":1,"description":"A message to send"}},"required":["member_id"]})"),
               dm_tool});
  t.push_back({"dms", "This agent's direct-message channels, each with the other member.",
               schema(R"({"type":"object","properties":{}})"), dms_tool});
}

}  // namespace agenthq::mcp
