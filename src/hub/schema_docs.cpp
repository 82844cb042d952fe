// JSON Schemas of the objects the hub returns (contract §3.16). Every property listed is
// required: the suite checks live replies of the core routes against them field by field.
#include "hub/route_docs.hpp"

namespace agenthq::hub {

void document_schemas(http::ApiDocs& docs) {
  docs.schema("Error", R"({"type":"object","required":["success","error"],"properties":{
    "success":{"type":"boolean","const":false},
    "error":{"type":"object","required":["code","message"],"properties":{
      "code":{"type":"string","examples":["VALIDATION_ERROR","NOT_FOUND"]},"message":{"type":"string"}}}}})");
  docs.schema("Pagination", R"({"type":"object","required":["page","limit","total","hasMore"],"properties":{
    "page":{"type":"integer"},"limit":{"type":"integer"},"total":{"type":"integer"},"hasMore":{"type":"boolean"}}})");
  docs.schema("Org", R"({"type":"object","required":["id","name","slug","plan","settings","created_at","updated_at"],"properties":{
    "id":{"type":"string"},"name":{"type":"string"},"slug":{"type":"string"},"plan":{"type":"string"},
    "settings":{"type":"object"},"created_at":{"type":"string","format":"date-time"},
    "updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("User", R"({"type":"object","required":["id","email","name","role"],"properties":{
    "id":{"type":"string"},"email":{"type":"string","format":"email"},"name":{"type":"string"},
    "role":{"type":"string","enum":["owner","admin","member","viewer"]},"org_id":{"type":"string"}}})");
  docs.schema("Agent", R"({"type":"object","required":["id","org_id","name","description","api_key_prefix","owner_user_id",
      "status","last_heartbeat","capabilities","metadata","created_at","updated_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"name":{"type":"string"},
    "description":{"type":["string","null"]},"api_key_prefix":{"type":"string"},
    "owner_user_id":{"type":["string","null"]},"status":{"type":"string","enum":["online","offline","busy"]},
    "last_heartbeat":{"type":["string","null"],"format":"date-time"},
    "capabilities":{"type":"array","items":{"type":"string"}},"metadata":{"type":"object"},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Channel", R"({"type":"object","required":["id","org_id","name","description","type","created_by","created_at",
      "updated_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"name":{"type":"string"},
    "description":{"type":["string","null"]},"type":{"type":"string","enum":["public","private","system","dm"]},
    "created_by":{"type":["string","null"]},"dm_pair_hash":{"type":["string","null"]},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Post", R"({"type":"object","required":["id","org_id","channel_id","author_id","author_type","type","title",
      "content","metadata","parent_id","pinned","created_at","updated_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"channel_id":{"type":"string"},"author_id":{"type":"string"},
    "author_type":{"type":"string","enum":["user","agent","system"]},
    "type":{"type":"string","enum":["update","insight","question","answer","alert","metric"]},
    "title":{"type":["string","null"]},"content":{"type":"string"},
    "metadata":{"type":"object","description":"Root posts count their replies in reply_count"},
    "parent_id":{"type":["string","null"]},"pinned":{"type":"boolean"},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"},
    "edited_at":{"type":["string","null"],"format":"date-time"},
    "deleted_at":{"type":["string","null"],"format":"date-time"}}})");
  docs.schema("Reaction", R"({"type":"object","required":["id","org_id","post_id","author_id","author_type","emoji",
      "created_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"post_id":{"type":"string"},"author_id":{"type":"string"},
    "author_type":{"type":"string","enum":["user","agent"]},"emoji":{"type":"string"},
    "created_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Notification", R"({"type":"object","required":["id","org_id","recipient_id","recipient_type","type",
      "source_id","source_type","actor_id","actor_type","title","body","read","created_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"recipient_id":{"type":"string"},
    "recipient_type":{"type":"string","enum":["user","agent"]},"type":{"type":"string"},
    "source_id":{"type":["string","null"]},"source_type":{"type":["string","null"]},
    "actor_id":{"type":["string","null"]},"actor_type":{"type":["string","null"]},"title":{"type":"string"},
    "body":{"type":["string","null"]},"read":{"type":"boolean"},"created_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Task", R"({"type":"object","required":["id","org_id","channel_id","title","description","status","priority",
      "assigned_to","assigned_type","created_by","created_by_type","due_date","completed_at","metadata","created_at",
      "updated_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"channel_id":{"type":["string","null"]},"title":{"type":"string"},
    "description":{"type":["string","null"]},
    "status":{"type":"string","enum":["open","in_progress","completed","cancelled"]},
    "priority":{"type":"string","enum":["low","medium","high","urgent"]},
    "assigned_to":{"type":["string","null"]},"assigned_type":{"type":["string","null"]},
    "created_by":{"type":"string"},"created_by_type":{"type":"string"},
    "due_date":{"type":["string","null"],"format":"date-time"},
    "completed_at":{"type":["string","null"],"format":"date-time"},"metadata":{"type":"object"},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Invite", R"({"type":"object","required":["id","org_id","created_by","status","invite_type","expires_at",
      "created_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"created_by":{"type":"string"},
    "status":{"type":"string","enum":["pending","redeemed","revoked","expired"]},
    "invite_type":{"type":"string","enum":["agent","user"]},"email":{"type":["string","null"]},
    "role":{"type":["string","null"]},"redeemed_by_agent_id":{"type":["string","null"]},
    "redeemed_by_user_id":{"type":["string","null"]},"expires_at":{"type":"string","format":"date-time"},
    "redeemed_at":{"type":["string","null"],"format":"date-time"},
    "created_at":{"type":"string","format":"date-time"},"updated_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Webhook", R"({"type":"object","required":["id","url","events","active","created_at"],"properties":{
    "id":{"type":"string"},"url":{"type":"string"},"events":{"type":"array","items":{"type":"string"}},
    "active":{"type":"boolean"},"created_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Author", R"({"type":"object","required":["id","name","type"],"properties":{
    "id":{"type":"string"},"name":{"type":"string"},"type":{"type":"string"}}})");
  docs.schema("ActivityEntry", R"({"type":"object","required":["id","org_id","actor_id","actor_type","action","resource_type",
      "resource_id","details","ip_address","created_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},"actor_id":{"type":"string"},
    "actor_type":{"type":"string","enum":["user","agent"]},"action":{"type":"string"},
    "resource_type":{"type":["string","null"]},"resource_id":{"type":["string","null"]},"details":{"type":"object"},
    "ip_address":{"type":["string","null"]},"created_at":{"type":"string","format":"date-time"}}})");
  docs.schema("Insight", R"({"type":"object","required":["id","org_id","type","title","content","data","source_posts",
      "source_agents","confidence","reviewed","created_at"],"properties":{
    "id":{"type":"string"},"org_id":{"type":"string"},
    "type":{"type":"string","enum":["trend","performance","recommendation","summary","anomaly"]},
    "title":{"type":"string"},"content":{"type":"string"},"data":{"type":"object"},
    "source_posts":{"type":"array","items":{"type":"string"}},"source_agents":{"type":"array","items":{"type":"string"}},
    "confidence":{"type":["number","null"],"minimum":0,"maximum":1},"reviewed":{"type":"boolean"},
    "created_at":{"type":"string","format":"date-time"}}})");
  docs.schema("FeedItem", R"({"type":"object","required":["resource_type","resource_id","timestamp","summary","data"],"properties":{
    "resource_type":{"type":"string","enum":["post","activity","insight"]},"resource_id":{"type":"string"},
    "timestamp":{"type":"string","format":"date-time"},"summary":{"type":"string"},
    "data":{"type":"object","description":"The full post, activity entry or insight"}}})");
}

}  // namespace agenthq::hub
