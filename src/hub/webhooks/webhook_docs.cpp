// Webhook routes answer without the envelope, as the older server's did (contract §3.13).
#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::ref;

void document_webhook_routes(http::ApiDocs& docs) {
  const std::string events =
      R"({"type":"array","minItems":1,"items":{"type":"string","enum":["notification:new","post:created","post:reply","task:assigned"]}})";
  docs.add(verb::post, "/api/v1/webhooks",
           {.tag = "webhooks",
            .summary = "Register a URL to receive the org's events (signed when a secret is given)",
            .body = R"({"type":"object","required":["url","events"],"properties":{"url":{"type":"string","format":"uri"},
              "events":)" + events + R"(,"secret":{"type":"string","maxLength":500}}})",
            .reply = ref("Webhook"),
            .status = 201});
  docs.add(verb::get, "/api/v1/webhooks",
           {.tag = "webhooks",
            .summary = "The org's webhooks",
            .reply = R"({"type":"object","required":["webhooks"],"properties":{"webhooks":{"type":"array","items":)" +
                     ref("Webhook") + "}}}"});
  docs.add(verb::delete_, "/api/v1/webhooks/:id",
           {.tag = "webhooks",
            .summary = "Remove a webhook",
            .reply = R"({"type":"object","properties":{"success":{"type":"boolean"}}})"});
  docs.add(verb::post, "/api/v1/webhooks/:id/test",
           {.tag = "webhooks",
            .summary = "Send one signed test ping now",
            .reply = R"({"type":"object","properties":{"success":{"type":"boolean"},"message":{"type":"string"}}})"});
  docs.add(verb::get, "/api/v1/webhooks/:id/deliveries",
           {.tag = "webhooks",
            .summary = "The webhook's recent deliveries and their outcomes",
            .reply = R"({"type":"object","required":["deliveries"],"properties":{"deliveries":{"type":"array","items":{"type":"object"}}}})"});
}

}  // namespace agenthq::hub
