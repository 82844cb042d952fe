#include "mcp/tools.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "http/api_error.hpp"
#include "http/pagination.hpp"
#include "http/response.hpp"
#include "hub/activity/activity_input.hpp"
#include "hub/agents/agent_input.hpp"
#include "hub/channels/channel_input.hpp"
#include "hub/feed/feed_input.hpp"
#include "hub/insights/insight_input.hpp"
#include "hub/posts/mentions.hpp"
#include "hub/posts/post_input.hpp"
#include "hub/search/search_input.hpp"
#include "mcp/tool_support.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using http::Access;
using http::ApiError;

namespace {

// Whether the text mentions the name by the hub's own rule (the one its mention notifications
// follow, hub/posts/mentions.hpp), compared case-sensitively.
bool mentions(std::string_view text, std::string_view name) {
  const auto names = hub::parse_mentions(text);
  return std::find(names.begin(), names.end(), name) != names.end();
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
    throw ApiError::validation("timeout_seconds must be between 1 and " + std::to_string(kMaxWaitSeconds));
  return std::chrono::seconds(seconds);
}

// ---- the tools: read the arguments as the REST call would carry them, call the service ----

asio::awaitable<json::value> post_tool(HubHost& host, const json::object& args) {
  std::string wanted = required(args, "channel");
  const std::string channel = co_await channel_id(host, std::move(wanted));
  json::object body = body_of(args, {"content", "type", "title", "metadata"});
  body["channel_id"] = channel;
  const hub::NewPost n = hub::read_new_post(body);
  const json::object post = co_await host.services().posts.create(host.who(), host.ip(), n);
  co_return http::data_envelope(post);
}

asio::awaitable<json::value> reply_tool(HubHost& host, const json::object& args) {
  json::object body = body_of(args, {"content", "type", "title", "metadata"});
  body["parent_id"] = required(args, "post_id");
  const hub::NewPost n = hub::read_new_post(body);
  const json::object post = co_await host.services().posts.create(host.who(), host.ip(), n);
  co_return http::data_envelope(post);
}

asio::awaitable<json::value> get_post_tool(HubHost& host, const json::object& args) {
  const std::string id = segment(args, "post_id");
  const json::object thread = co_await host.services().posts.thread(host.who(), id);
  co_return http::data_envelope(thread);
}

asio::awaitable<json::value> list_posts_tool(HubHost& host, const json::object& args) {
  http::Query query = query_of(args, {"type", "author_id", "since", "page", "limit"});
  const auto channel = co_await channel_arg(host, args);
  if (channel) query["channel_id"] = *channel;
  const hub::PostFilter filter = hub::read_post_filter(query);
  const http::PageRequest p = http::page_request(query);
  const hub::PostPage page = co_await host.services().posts.list(host.who(), filter, p.limit, p.offset());
  co_return page_of(page.posts, p, page.total);
}

asio::awaitable<json::value> search_tool(HubHost& host, const json::object& args) {
  const http::Query query = query_of(args, {"q", "types", "page", "limit"});
  const http::PageRequest p = http::page_request(query);
  const hub::SearchQuery search = hub::read_search(query, p);
  const hub::SearchResult found = co_await host.services().search.search(host.who(), search);
  co_return hub::search_envelope(found, p);
}

asio::awaitable<json::value> feed_tool(HubHost& host, const json::object& args) {
  const http::Query query = query_of(args, {"since", "until", "types", "actor_id", "page", "limit"});
  const http::PageRequest p = http::page_request(query);
  const hub::FeedQuery feed = hub::read_feed(query, p);
  const hub::FeedPage page = co_await host.services().feed.page(host.who(), feed);
  co_return page_of(page.items, p, page.total);
}

asio::awaitable<json::value> channels_tool(HubHost& host, const json::object& args) {
  const http::Query query = query_of(args, {"type"});
  const auto type = hub::read_channel_type(query);
  const json::array channels = co_await host.services().channels.list(host.who(), type);
  co_return http::data_envelope(channels);
}

asio::awaitable<json::value> agents_tool(HubHost& host, const json::object& args) {
  const http::PageRequest p = http::page_request(query_of(args, {"page", "limit"}));
  const hub::AgentPage page = co_await host.services().agents.list(host.who(), p.limit, p.offset());
  co_return page_of(page.items, p, page.total);
}

asio::awaitable<json::value> find_agents_tool(HubHost& host, const json::object& args) {
  const http::Query query = query_of(args, {"q", "capabilities", "status", "page", "limit"});
  const hub::AgentQuery wanted = hub::read_agent_query(query);
  const http::PageRequest p = http::page_request(query);
  const hub::AgentPage page = co_await host.services().agents.search(host.who(), wanted, p.limit, p.offset());
  co_return page_of(page.items, p, page.total);
}

asio::awaitable<json::value> heartbeat_tool(HubHost& host, const json::object& args) {
  if (!host.who().is_agent()) throw ApiError::forbidden("Only agents send heartbeats");
  const auto status = hub::read_heartbeat_status(body_of(args, {"status"}));
  co_await host.services().agents.heartbeat(host.who(), host.who().id, status);
  co_return http::data_envelope(flag("ok", true));
}

asio::awaitable<json::value> log_activity_tool(HubHost& host, const json::object& args) {
  hub::NewActivity entry = hub::read_new_activity(body_of(args, {"action", "resource_type", "resource_id", "details"}));
  const json::object row = co_await host.services().activity.record(host.who(), host.ip(), std::move(entry));
  co_return http::data_envelope(row);
}

asio::awaitable<json::value> query_activity_tool(HubHost& host, const json::object& args) {
  const http::Query query = query_of(args, {"actor_id", "actor_type", "action", "resource_type", "date_from", "date_to",
                                            "page", "limit"});
  const hub::ActivityFilter filter = hub::read_activity_filter(query);
  const http::PageRequest p = http::page_request(query);
  const hub::ActivityPage page = co_await host.services().activity.list(host.who(), filter, p.limit, p.offset());
  co_return page_of(page.items, p, page.total);
}

asio::awaitable<json::value> generate_insight_tool(HubHost& host, const json::object& args) {
  const hub::NewInsight insight = hub::read_new_insight(
      body_of(args, {"type", "title", "content", "data", "source_posts", "source_agents", "confidence"}));
  const json::object created = co_await host.services().insights.create(host.who(), host.ip(), insight);
  co_return http::data_envelope(created);
}

asio::awaitable<json::value> list_insights_tool(HubHost& host, const json::object& args) {
  const http::Query query = query_of(args, {"type", "since", "reviewed", "min_confidence", "page", "limit"});
  const hub::InsightFilter filter = hub::read_insight_filter(query);
  const http::PageRequest p = http::page_request(query);
  const hub::InsightPage page = co_await host.services().insights.list(host.who(), filter, p.limit, p.offset());
  co_return page_of(page.items, p, page.total);
}

asio::awaitable<json::value> wait_for_mentions_tool(HubHost& host, const json::object& args) {
  if (!host.who().is_agent()) throw ApiError::forbidden("Only agents are mentioned (@name)");
  const auto timeout = wait_timeout(args);
  const json::object self = co_await host.services().agents.find(host.who(), host.who().id);
  std::string name(self.at("name").as_string());
  EventFilter filter = mention_filter(name, host.who().id);
  json::array frames = co_await host.wait(std::move(filter), timeout);
  json::array posts;
  for (auto& f : frames) posts.push_back(f.at("data"));
  const bool timed_out = posts.empty();
  co_return json::object{{"mentions", std::move(posts)}, {"timedOut", timed_out}};
}

asio::awaitable<json::value> wait_for_events_tool(HubHost& host, const json::object& args) {
  const auto timeout = wait_timeout(args);
  std::set<std::string> names;
  if (const auto* v = args.if_contains("events"); v && v->is_array())
    for (const auto& n : v->as_array())
      if (n.is_string()) names.emplace(n.as_string());
  const auto channel = co_await channel_arg(host, args);
  EventFilter filter = event_filter(std::move(names), channel.value_or(""), host.who().id);
  json::array frames = co_await host.wait(std::move(filter), timeout);
  const bool timed_out = frames.empty();
  co_return json::object{{"events", std::move(frames)}, {"timedOut", timed_out}};
}

// Every tool's access is that of the REST routes it stands for; today all of them are
// Access::authenticated (any user or agent of an org), none is for users or admins only.
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
               Access::authenticated, post_tool});
  t.push_back({"reply", "Reply in the thread of a post (the reply goes to the post's channel).",
               schema(R"({"type":"object","properties":{
                 "post_id":{"type":"string","description":"The post to reply to"},
                 "content":{"type":"string","minLength":1},
                 "type":{"type":"string","enum":["update","insight","question","answer","alert","metric"]},
                 "title":{"type":"string"},"metadata":{"type":"object"}},
                 "required":["post_id","content"]})"),
               Access::authenticated, reply_tool});
  t.push_back({"get_post", "Read one post with its whole thread and the names of its authors.",
               schema(R"({"type":"object","properties":{"post_id":{"type":"string"}},"required":["post_id"]})"),
               Access::authenticated, get_post_tool});
  t.push_back({"list_posts", "List top-level posts, pinned first then newest, optionally of one channel, type or author.",
               schema(R"({"type":"object","properties":{
                 "channel":{"type":"string","description":"Channel id or name"},
                 "type":{"type":"string","enum":["update","insight","question","answer","alert","metric"]},
                 "author_id":{"type":"string"},
                 "since":{"type":"string","format":"date-time"},)" + paging + "}}"),
               Access::authenticated, list_posts_tool});
  t.push_back({"search", "Full-text search across what the organisation knows: posts, insights and agents, best matches first.",
               schema(R"({"type":"object","properties":{
                 "q":{"type":"string","minLength":1,"description":"Search words"},
                 "types":{"type":"array","items":{"type":"string","enum":["posts","insights","agents"]},"description":"Default: all three"},)" +
                      paging + R"(},"required":["q"]})"),
               Access::authenticated, search_tool});
  t.push_back({"feed", "The organisation's timeline: posts, activity and insights merged, newest first (default: the last 24 hours).",
               schema(R"({"type":"object","properties":{
                 "since":{"type":"string","format":"date-time"},"until":{"type":"string","format":"date-time"},
                 "types":{"type":"array","items":{"type":"string","enum":["posts","activity","insights"]}},
                 "actor_id":{"type":"string"},)" + paging + "}}"),
               Access::authenticated, feed_tool});
  t.push_back({"channels", "List the channels this agent can see, by name.",
               schema(R"({"type":"object","properties":{"type":{"type":"string","enum":["public","private","system","dm"]}}})"),
               Access::authenticated, channels_tool});
  t.push_back({"agents", "List the organisation's agents, newest first, with their status and capabilities.",
               schema(R"({"type":"object","properties":{)" + paging + "}}"), Access::authenticated, agents_tool});
  t.push_back({"find_agents", "Find agents by words in their name or description, by capabilities (all must match) or by status.",
               schema(R"({"type":"object","properties":{
                 "q":{"type":"string"},
                 "capabilities":{"type":"array","items":{"type":"string"}},
                 "status":{"type":"string","enum":["online","offline","busy"]},)" + paging + "}}"),
               Access::authenticated, find_agents_tool});
  t.push_back({"heartbeat", "Tell the hub this agent is alive (and optionally busy or going offline).",
               schema(R"({"type":"object","properties":{"status":{"type":"string","enum":["online","offline","busy"]}}})"),
               Access::authenticated, heartbeat_tool});
  t.push_back({"log_activity", "Record an action this agent took in the organisation's append-only activity log.",
               schema(R"({"type":"object","properties":{
                 "action":{"type":"string","minLength":1,"description":"e.g. report.generated"},
                 "resource_type":{"type":"string"},"resource_id":{"type":"string"},
                 "details":{"type":"object"}},"required":["action"]})"),
               Access::authenticated, log_activity_tool});
  t.push_back({"query_activity", "Query the activity log, newest first.",
               schema(R"({"type":"object","properties":{
                 "actor_id":{"type":"string"},"actor_type":{"type":"string","enum":["user","agent"]},
                 "action":{"type":"string"},"resource_type":{"type":"string"},
                 "date_from":{"type":"string","format":"date-time"},"date_to":{"type":"string","format":"date-time"},)" +
                      paging + "}}"),
               Access::authenticated, query_activity_tool});
  t.push_back({"generate_insight", "Publish an insight (trend, performance, recommendation, summary or anomaly) drawn from posts or agents.",
               schema(R"({"type":"object","properties":{
                 "type":{"type":"string","enum":["trend","performance","recommendation","summary","anomaly"]},
                 "title":{"type":"string","minLength":1},"content":{"type":"string","minLength":1},
                 "data":{"type":"object"},
                 "source_posts":{"type":"array","items":{"type":"string"}},
                 "source_agents":{"type":"array","items":{"type":"string"}},
                 "confidence":{"type":"number","minimum":0,"maximum":1}},
                 "required":["type","title","content"]})"),
               Access::authenticated, generate_insight_tool});
  t.push_back({"list_insights", "List insights, newest first.",
               schema(R"({"type":"object","properties":{
                 "type":{"type":"string","enum":["trend","performance","recommendation","summary","anomaly"]},
                 "since":{"type":"string","format":"date-time"},"reviewed":{"type":"boolean"},
                 "min_confidence":{"type":"number","minimum":0,"maximum":1},)" + paging + "}}"),
               Access::authenticated, list_insights_tool});
  t.push_back({"wait_for_mentions", "Wait until another agent or a person mentions this agent (@name) in a new post, and return those posts at once. Returns {mentions:[], timedOut:true} when nothing arrived in time; call it again to keep listening.",
               schema(R"({"type":"object","properties":{
                 "timeout_seconds":{"type":"integer","minimum":1,"maximum":25,"default":20}}})"),
               Access::authenticated, wait_for_mentions_tool});
  t.push_back({"wait_for_events", "Wait for the next real-time events this agent may see (post:new, insight:new, activity:new, agent:status, ...), optionally only some kinds or one channel's posts; returns as soon as one arrives. Own actions are left out.",
               schema(R"({"type":"object","properties":{
                 "events":{"type":"array","items":{"type":"string"},"description":"Event names to wait for; default all"},
                 "channel":{"type":"string","description":"Only events of this channel, by id or name"},
                 "timeout_seconds":{"type":"integer","minimum":1,"maximum":25,"default":20}}})"),
               Access::authenticated, wait_for_events_tool});
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
