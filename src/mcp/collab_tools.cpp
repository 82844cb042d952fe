// Tools for working together: reactions, edits, notifications, tasks and direct messages
// (contract [ext]), named after the SDK's hub_react, hub_notifications, hub_tasks, hub_task_create.
#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/pagination.hpp"
#include "http/response.hpp"
#include "hub/dms/dm_input.hpp"
#include "hub/notifications/notification_input.hpp"
#include "hub/posts/post_input.hpp"
#include "hub/tasks/task_input.hpp"
#include "mcp/tool_support.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using http::Access;
using http::ApiError;

namespace {

asio::awaitable<json::value> react_tool(HubHost& host, const json::object& args) {
  const std::string post_id = segment(args, "post_id");
  const std::string emoji = segment(args, "emoji");
  const auto* remove = args.if_contains("remove");
  if (remove && remove->is_bool() && remove->as_bool()) {
    const bool removed = co_await host.services().post_changes.unreact(host.who(), host.ip(), post_id, emoji);
    co_return http::data_envelope(flag("removed", removed));
  }
  const json::object body{{"emoji", emoji}};
  const std::string checked = hub::read_reaction_emoji(body);
  const json::object reaction = co_await host.services().post_changes.react(host.who(), host.ip(), post_id, checked);
  co_return http::data_envelope(reaction);
}

asio::awaitable<json::value> edit_post_tool(HubHost& host, const json::object& args) {
  const std::string id = segment(args, "post_id");
  const hub::PostEdit edit = hub::read_post_edit(body_of(args, {"title", "content"}));
  const json::object post = co_await host.services().post_changes.edit(host.who(), host.ip(), id, edit);
  co_return http::data_envelope(post);
}

asio::awaitable<json::value> delete_post_tool(HubHost& host, const json::object& args) {
  const std::string id = segment(args, "post_id");
  co_await host.services().post_changes.remove(host.who(), host.ip(), id);
  co_return http::data_envelope(flag("deleted", true));
}

asio::awaitable<json::value> notifications_tool(HubHost& host, const json::object& args) {
  http::Query query = query_of(args, {"type", "page", "limit"});
  if (const auto* read = args.if_contains("read"); read && read->is_bool()) query["read"] = read->as_bool() ? "true" : "false";
  const hub::NotificationFilter filter = hub::read_notification_filter(query);
  const http::PageRequest p = http::page_request(query);
  auto& notifications = host.services().notifications;
  const hub::NotificationPage page = co_await notifications.list(host.who(), filter, p.limit, p.offset());
  const std::int64_t unread = co_await notifications.unread_count(host.who());
  json::object out = page_of(page.notifications, p, page.total);
  out["unread"] = unread;
  co_return out;
}

asio::awaitable<json::value> mark_read_tool(HubHost& host, const json::object& args) {
  auto& notifications = host.services().notifications;
  if (auto id = opt(args, "notification_id")) {
    const std::string checked = segment(*id, "notification_id");
    co_await notifications.mark_read(host.who(), checked);
  } else {
    co_await notifications.mark_all_read(host.who());
  }
  co_return http::data_envelope(flag("read", true));
}

// "me" stands for the caller in assignee filters and assignments.
std::string me_or(const HubHost& host, std::string id) { return id == "me" ? host.who().id : id; }

asio::awaitable<json::value> tasks_tool(HubHost& host, const json::object& args) {
  http::Query query = query_of(args, {"status", "priority", "created_by", "page", "limit"});
  if (auto to = opt(args, "assigned_to")) query["assigned_to"] = me_or(host, *to);
  const auto channel = co_await channel_arg(host, args);
  if (channel) query["channel_id"] = *channel;
  const hub::TaskFilter filter = hub::read_task_filter(query);
  const http::PageRequest p = http::page_request(query);
  const hub::TaskPage page = co_await host.services().tasks.list(host.who(), filter, p.limit, p.offset());
  co_return page_of(page.items, p, page.total);
}

// The body of task_create and task_update, as POST /tasks and PATCH /tasks/:id take it: the
// task's fields as given (null clears on update), the channel by id or name, "me" for the caller.
asio::awaitable<json::object> task_body(HubHost& host, const json::object& args) {
  json::object body = body_of(args, {"title", "description", "status", "priority", "assigned_type", "due_date", "metadata"});
  if (const auto* to = args.if_contains("assigned_to"))
    body["assigned_to"] = to->is_string() ? json::value(me_or(host, std::string(to->as_string()))) : *to;
  if (const auto* channel = args.if_contains("channel")) {
    if (channel->is_string()) {
      std::string wanted(channel->as_string());
      const std::string id = co_await channel_id(host, std::move(wanted));
      body["channel_id"] = id;
    } else {
      body["channel_id"] = nullptr;
    }
  }
  co_return body;
}

asio::awaitable<json::value> task_create_tool(HubHost& host, const json::object& args) {
  const json::object body = co_await task_body(host, args);
  const hub::TaskInput in = hub::read_task(body, true);
  const json::object task = co_await host.services().tasks.create(host.who(), host.ip(), in);
  co_return http::data_envelope(task);
}

asio::awaitable<json::value> task_update_tool(HubHost& host, const json::object& args) {
  const std::string id = segment(args, "task_id");
  const json::object body = co_await task_body(host, args);
  // PATCH /tasks/:id takes an empty body (it only touches updated_at); a model that sends no
  // field has forgotten one.
  if (body.empty()) throw ApiError::validation("Give at least one field to change");
  const hub::TaskInput in = hub::read_task(body, false);
  const json::object task = co_await host.services().tasks.update(host.who(), host.ip(), id, in);
  co_return http::data_envelope(task);
}

asio::awaitable<json::value> dm_tool(HubHost& host, const json::object& args) {
  const json::object open{{"member_id", required(args, "member_id")},
                          {"member_type", opt(args, "member_type").value_or("agent")}};
  const hub::DmMember member = hub::read_dm_member(open);
  const json::object channel = co_await host.services().dms.open(host.who(), host.ip(), member.id, member.type);
  json::object out{{"channel", channel}};
  if (auto content = opt(args, "content")) {
    const json::object message{{"channel_id", channel.at("id")}, {"content", *content}};
    const hub::NewPost n = hub::read_new_post(message);
    const json::object posted = co_await host.services().posts.create(host.who(), host.ip(), n);
    out["post"] = posted;
  }
  co_return out;
}

asio::awaitable<json::value> dms_tool(HubHost& host, const json::object&) {
  const json::array dms = co_await host.services().dms.list(host.who());
  co_return http::data_envelope(dms);
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
               Access::authenticated, react_tool});
  t.push_back({"edit_post", "Edit one of this agent's own posts; the earlier text stays in its history.",
               schema(R"({"type":"object","properties":{
                 "post_id":{"type":"string"},"title":{"type":["string","null"]},"content":{"type":"string","minLength":1}},
                 "required":["post_id"]})"),
               Access::authenticated, edit_post_tool});
  t.push_back({"delete_post", "Delete one of this agent's own posts: it leaves every list, search and feed.",
               schema(R"({"type":"object","properties":{"post_id":{"type":"string"}},"required":["post_id"]})"),
               Access::authenticated, delete_post_tool});
  t.push_back({"notifications", "This agent's notifications (mentions, replies, reactions, DMs, task assignments), newest first, with the unread count.",
               schema(R"({"type":"object","properties":{
                 "read":{"type":"boolean","description":"true: read ones only; false: unread ones only"},
                 "type":{"type":"string","enum":["mention","reply","reaction","dm","task_assignment"]},)" +
                      paging + "}}"),
               Access::authenticated, notifications_tool});
  t.push_back({"mark_notifications_read", "Mark one notification read, or all of them when no id is given.",
               schema(R"({"type":"object","properties":{"notification_id":{"type":"string"}}})"), Access::authenticated, mark_read_tool});
  t.push_back({"tasks", "List tasks this agent can see, newest first; assigned_to \"me\" lists its own.",
               schema(R"({"type":"object","properties":{
                 "status":{"type":"string","enum":["open","in_progress","completed","cancelled"]},
                 "priority":{"type":"string","enum":["low","medium","high","urgent"]},
                 "assigned_to":{"type":"string"},"created_by":{"type":"string"},
                 "channel":{"type":"string","description":"Channel id or name"},)" +
                      paging + "}}"),
               Access::authenticated, tasks_tool});
  t.push_back({"task_create", "Create a task, optionally assigned to an agent or person (who is notified) and tied to a channel.",
               schema(R"({"type":"object","properties":{"title":{"type":"string","minLength":1},)" + task_fields +
                      R"(},"required":["title"]})"),
               Access::authenticated, task_create_tool});
  t.push_back({"task_update", "Change a task: its status (completing it sets completed_at), assignee, priority, due date...; null clears a field.",
               schema(R"({"type":"object","properties":{"task_id":{"type":"string"},"title":{"type":"string","minLength":1},)" +
                      task_fields + R"(},"required":["task_id"]})"),
               Access::authenticated, task_update_tool});
  t.push_back({"dm", "Open the direct-message channel with one agent or person of the organisation, and optionally send a message in it.",
               schema(R"({"type":"object","properties":{
                 "member_id":{"type":"string"},"member_type":{"type":"string","enum":["agent","user"],"default":"agent"},
                 "content":{"type":"string","minLength":1,"description":"A message to send"}},"required":["member_id"]})"),
               Access::authenticated, dm_tool});
  t.push_back({"dms", "This agent's direct-message channels, each with the other member.",
               schema(R"({"type":"object","properties":{}})"), Access::authenticated, dms_tool});
}

}  // namespace agenthq::mcp
