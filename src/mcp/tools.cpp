#include "mcp/tools.hpp"

#include <boost/json.hpp>
#include <set>

#include "mcp/tool_support.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// The contract's mention rule: '@' followed by [A-Za-z0-9_-]+, compared case-sensitively.
bool mentions(std::string_view text, std::string_view name) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && name_char(text[end])) ++end;
    if (text.substr(at + 1, end - at - 1) == name) return true;
  }
  return false;
}

std::string field(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// Who caused an event, when its data says so (own echoes are not news).
std::string actor_of(const json::object& data) {
  for (auto key : {"author_id", "actor_id", "agentId"})
    if (auto v = field(data, key); !v.empty()) return v;
  return "";
}

// Built in plain functions, not inside coroutines: g++ 12 copies lambda captures of coroutine
// locals bitwise.
EventFilter mention_filter(std::string name, std::string self_id) {
  return [name = std::move(name), self_id = std::move(self_id)](const json::object& frame) {
    if (frame.at("event") != "post:new") return false;
    const auto& data = frame.at("data").as_object();
    if (field(data, "author_id") == self_id) return false;
    return mentions(field(data, "content"), name) || mentions(field(data, "title"), name);
  };
}

EventFilter event_filter(std::set<std::string> names, std::string channel, std::string self_id) {
  return [names = std::move(names), channel = std::move(channel), self_id = std::move(self_id)](const json::object& frame) {
    if (!names.empty() && !names.contains(std::string(frame.at("event").as_string()))) return false;
    const auto* data = frame.at("data").if_object();
    if (!data) return true;
    if (!channel.empty() && field(*data, "channel_id") != channel) return false;
    return actor_of(*data) != self_id;
  };
}

std::chrono::milliseconds wait_timeout(const json::object& args) {
  long seconds = 20;
  if (const auto* v = args.if_contains("timeout_seconds"); v && v->is_number()) seconds = v->to_number<long>();
  if (seconds < 1 || seconds > kMaxWaitSeconds)
    throw ToolError("VALIDATION_ERROR", "timeout_seconds must be between 1 and " + std::to_string(kMaxWaitSeconds));
  return std::chrono::seconds(seconds);
}

// ---- the tools ----

asio::awaitable<json::value> post_tool(HubHost& hub, const json::object& args) {
  std::string wanted = required(args, "channel");
  std::string channel = co_await channel_id(hub, std::move(wanted));
  json::object body = body_of(args, {"content", "type", "title", "metadata"});
  body["channel_id"] = channel;
  RestCall call = post("/posts", std::move(body));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> reply_tool(HubHost& hub, const json::object& args) {
  json::object body = body_of(args, {"content", "type", "title", "metadata"});
  body["parent_id"] = required(args, "post_id");
  RestCall call = post("/posts", std::move(body));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> get_post_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/posts/" + required(args, "post_id"));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> list_posts_tool(HubHost& hub, const json::object& args) {
  auto query = query_of(args, {"type", "author_id", "since", "page", "limit"});
  if (auto channel = opt(args, "channel")) query["channel_id"] = co_await channel_id(hub, std::move(*channel));
  RestCall call = get("/posts", std::move(query));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> search_tool(HubHost& hub, const json::object& args) {
  auto query = query_of(args, {"q", "types", "page", "limit"});
  required(args, "q");
  RestCall call = get("/search", std::move(query));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> feed_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/feed", query_of(args, {"since", "until", "types", "actor_id", "page", "limit"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> channels_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/channels", query_of(args, {"type"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> agents_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/agents", query_of(args, {"page", "limit"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> find_agents_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/agents/search", query_of(args, {"q", "capabilities", "status", "page", "limit"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> heartbeat_tool(HubHost& hub, const json::object& args) {
  if (!hub.identity().is_agent()) throw ToolError("FORBIDDEN", "Only agents send heartbeats");
  RestCall call = post("/agents/" + hub.identity().id + "/heartbeat", body_of(args, {"status"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> log_activity_tool(HubHost& hub, const json::object& args) {
  RestCall call = post("/activity", body_of(args, {"action", "resource_type", "resource_id", "details"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> query_activity_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/activity", query_of(args, {"actor_id", "actor_type", "action", "resource_type", "date_from", "date_to",
                                          "page", "limit"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> generate_insight_tool(HubHost& hub, const json::object& args) {
  RestCall call = post("/insights/generate", body_of(args, {"type", "title", "content", "data", "source_posts", "source_agents", "confidence"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> list_insights_tool(HubHost& hub, const json::object& args) {
  RestCall call = get("/insights", query_of(args, {"type", "since", "reviewed", "min_confidence", "page", "limit"}));
  co_return co_await send(hub, std::move(call));
}

asio::awaitable<json::value> wait_for_mentions_tool(HubHost& hub, const json::object& args) {
  if (!hub.identity().is_agent()) throw ToolError("FORBIDDEN", "Only agents are mentioned (@name)");
  const auto timeout = wait_timeout(args);
  RestCall call = get("/agents/" + hub.identity().id);
  json::value self = co_await send(hub, std::move(call));
  std::string name(self.at("data").at("name").as_string());
  EventFilter filter = mention_filter(name, hub.identity().id);
  json::array frames = co_await hub.wait(std::move(filter), timeout);
  json::array posts;
  for (auto& f : frames) posts.push_back(f.at("data"));
  const bool timed_out = posts.empty();
  co_return json::object{{"mentions", std::move(posts)}, {"timedOut", timed_out}};
}

asio::awaitable<json::value> wait_for_events_tool(HubHost& hub, const json::object& args) {
  const auto timeout = wait_timeout(args);
  std::set<std::string> names;
  if (const auto* v = args.if_contains("events"); v && v->is_array())
    for (const auto& n : v->as_array())
      if (n.is_string()) names.emplace(n.as_string());
  std::string channel;
  if (auto c = opt(args, "channel")) channel = co_await channel_id(hub, std::move(*c));
  EventFilter filter = event_filter(std::move(names), channel, hub.identity().id);
  json::array frames = co_await hub.wait(std::move(filter), timeout);
  const bool timed_out = frames.empty();
  co_return json::object{{"events", std::move(frames)}, {"timedOut", timed_out}};
}

std::vector<Tool> build() {
  const std::string paging = kPaging;
  std::vector<Tool> t;
  t.push_back({"post", "Post to a channel of the hub: an update, question, answer, alert, insight or metric that other agents and people will see. Mention another agent with @name to get its attention.",
               schema(R"({"type":"object","properties":{
                 "channel":{"type":"string","description":"Channel id or name, e.g. general"},
                 "content":{"type":"string","minLength":1,"description":"The post's text"},
                 "type":{"type":"string","enum":["update","insight","question","answer","alert","metric"],"default":"update"},
                 "title":{"type":"string"},
                 "metadata":{"type":"object","description":"Free-form structured data"}},
                 "required":["channel","content"]})"),
               post_tool});
  t.push_back({"reply", "Reply in the thread of a post (the reply goes to the post's channel).",
               schema(R"({"type":"object","properties":{
                 "post_id":{"type":"string","description":"The post to reply to"},
                 "content":{"type":"string","minLength":1},
                 "type":{"type":"string","enum":["update","insight","question","answer","alert","metric"]},
                 "title":{"type":"string"},"metadata":{"type":"object"}},
                 "required":["post_id","content"]})"),
               reply_tool});
  t.push_back({"get_post", "Read one post with its whole thread and the names of its authors.",
               schema(R"({"type":"object","properties":{"post_id":{"type":"string"}},"required":["post_id"]})"),
               get_post_tool});
  t.push_back({"list_posts", "List top-level posts, pinned first then newest, optionally of one channel, type or author.",
               schema(R"({"type":"object","properties":{
                 "channel":{"type":"string","description":"Channel id or name"},
                 "type":{"type":"string","enum":["update","insight","question","answer","alert","metric"]},
                 "author_id":{"type":"string"},
                 "since":{"type":"string","format":"date-time"},)" + paging + "}}"),
               list_posts_tool});
  t.push_back({"search", "Full-text search across what the organisation knows: posts, insights and agents, best matches first.",
               schema(R"({"type":"object","properties":{
                 "q":{"type":"string","minLength":1,"description":"Search words"},
                 "types":{"type":"array","items":{"type":"string","enum":["posts","insights","agents"]},"description":"Default: all three"},)" +
                      paging + R"(},"required":["q"]})"),
               search_tool});
  t.push_back({"feed", "The organisation's timeline: posts, activity and insights merged, newest first (default: the last 24 hours).",
               schema(R"({"type":"object","properties":{
                 "since":{"type":"string","format":"date-time"},"until":{"type":"string","format":"date-time"},
                 "types":{"type":"array","items":{"type":"string","enum":["posts","activity","insights"]}},
                 "actor_id":{"type":"string"},)" + paging + "}}"),
               feed_tool});
  t.push_back({"channels", "List the channels this agent can see, by name.",
               schema(R"({"type":"object","properties":{"type":{"type":"string","enum":["public","private","system","dm"]}}})"),
               channels_tool});
  t.push_back({"agents", "List the organisation's agents, newest first, with their status and capabilities.",
               schema(R"({"type":"object","properties":{)" + paging + "}}"), agents_tool});
  t.push_back({"find_agents", "Find agents by words in their name or description, by capabilities (all must match) or by status.",
               schema(R"({"type":"object","properties":{
                 "q":{"type":"string"},
                 "capabilities":{"type":"array","items":{"type":"string"}},
                 "status":{"type":"string","enum":["online","offline","busy"]},)" + paging + "}}"),
               find_agents_tool});
  t.push_back({"heartbeat", "Tell the hub this agent is alive (and optionally busy or going offline).",
               schema(R"({"type":"object","properties":{"status":{"type":"string","enum":["online","offline","busy"]}}})"),
               heartbeat_tool});
  t.push_back({"log_activity", "Record an action this agent took in the organisation's append-only activity log.",
               schema(R"({"type":"object","properties":{
                 "action":{"type":"string","minLength":1,"description":"e.g. report.generated"},
                 "resource_type":{"type":"string"},"resource_id":{"type":"string"},
                 "details":{"type":"object"}},"required":["action"]})"),
               log_activity_tool});
  t.push_back({"query_activity", "Query the activity log, newest first.",
               schema(R"({"type":"object","properties":{
                 "actor_id":{"type":"string"},"actor_type":{"type":"string","enum":["user","agent"]},
                 "action":{"type":"string"},"resource_type":{"type":"string"},
                 "date_from":{"type":"string","format":"date-time"},"date_to":{"type":"string","format":"date-time"},)" +
                      paging + "}}"),
               query_activity_tool});
  t.push_back({"generate_insight", "Publish an insight (trend, performance, recommendation, summary or anomaly) drawn from posts or agents.",
               schema(R"({"type":"object","properties":{
                 "type":{"type":"string","enum":["trend","performance","recommendation","summary","anomaly"]},
                 "title":{"type":"string","minLength":1},"content":{"type":"string","minLength":1},
                 "data":{"type":"object"},
                 "source_posts":{"type":"array","items":{"type":"string"}},
                 "source_agents":{"type":"array","items":{"type":"string"}},
                 "confidence":{"type":"number","minimum":0,"maximum":1}},
                 "required":["type","title","content"]})"),
               generate_insight_tool});
  t.push_back({"list_insights", "List insights, newest first.",
               schema(R"({"type":"object","properties":{
                 "type":{"type":"string","enum":["trend","performance","recommendation","summary","anomaly"]},
                 "since":{"type":"string","format":"date-time"},"reviewed":{"type":"boolean"},
                 "min_confidence":{"type":"number","minimum":0,"maximum":1},)" + paging + "}}"),
               list_insights_tool});
  t.push_back({"wait_for_mentions", "Wait until another agent or a person mentions this agent (@name) in a new post, and return those posts at once. Returns {mentions:[], timedOut:true} when nothing arrived in time; call it again to keep listening.",
               schema(R"({"type":"object","properties":{
                 "timeout_seconds":{"type":"integer","minimum":1,"maximum":25,"default":20}}})"),
               wait_for_mentions_tool});
  t.push_back({"wait_for_events", "Wait for the next real-time events this agent may see (post:new, insight:new, activity:new, agent:status, ...), optionally only some kinds or one channel's posts; returns as soon as one arrives. Own actions are left out.",
               schema(R"({"type":"object","properties":{
                 "events":{"type":"array","items":{"type":"string"},"description":"Event names to wait for; default all"},
                 "channel":{"type":"string","description":"Only events of this channel, by id or name"},
                 "timeout_seconds":{"type":"integer","minimum":1,"maximum":25,"default":20}}})"),
               wait_for_events_tool});
  add_collaboration_tools(t);
  return t;
}

}  // namespace

const std::vector<Tool>& tools() {
  static const std::vector<Tool> all = build();
  return all;
}

const Tool* find_tool(const std::string& name) {
  for (const auto& t : tools())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace agenthq::mcp
