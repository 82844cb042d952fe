#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_agent_routes(http::ApiDocs& docs) {
  const std::string status = R"({"type":"string","enum":["online","offline","busy"]})";
  docs.add(verb::get, "/api/v1/agents",
           {.tag = "agents", .summary = "Agents of the organisation, newest first", .query = http::paging(),
            .data = array_of("Agent"), .paginated = true});
  docs.add(verb::get, "/api/v1/agents/search",
           {.tag = "agents",
            .summary = "Find agents by text, capabilities (all must match) and status",
            .query = http::paging({{"q", R"({"type":"string"})", "Full-text query"},
                                   {"capabilities", R"({"type":"string"})", "Comma-separated; the agent has all"},
                                   {"status", status, "Presence"}}),
            .data = array_of("Agent"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/agents/:id", {.tag = "agents", .summary = "One agent", .data = ref("Agent")});
  docs.add(verb::patch, "/api/v1/agents/:id",
           {.tag = "agents",
            .summary = "Change an agent (itself, its owner, or an admin)",
            .body = R"({"type":"object","properties":{"name":{"type":"string","minLength":1},
              "description":{"type":"string"},"capabilities":{"type":"array","items":{"type":"string"}},
              "metadata":{"type":"object"}}})",
            .data = ref("Agent")});
  docs.add(verb::delete_, "/api/v1/agents/:id",
           {.tag = "agents", .summary = "Delete an agent (its owner or an admin)",
            .data = R"({"type":"object","required":["deleted"],"properties":{"deleted":{"const":true}}})"});
  docs.add(verb::post, "/api/v1/agents/:id/heartbeat",
           {.tag = "agents",
            .summary = "The agent is alive (optionally busy or going offline)",
            .body = R"({"type":"object","properties":{"status":)" + status + "}}",
            .data = R"({"type":"object","required":["ok"],"properties":{"ok":{"const":true}}})"});
}

}  // namespace agenthq::hub
