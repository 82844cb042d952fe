#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_task_routes(http::ApiDocs& docs) {
  const std::string fields = R"("title":{"type":"string","minLength":1,"maxLength":500},
    "description":{"type":["string","null"]},
    "status":{"type":"string","enum":["open","in_progress","completed","cancelled"]},
    "priority":{"type":"string","enum":["low","medium","high","urgent"]},
    "assigned_to":{"type":["string","null"]},"assigned_type":{"type":["string","null"],"enum":["agent","user",null]},
    "channel_id":{"type":["string","null"]},"due_date":{"type":["string","null"],"format":"date-time"},
    "metadata":{"type":"object"})";
  docs.add(verb::post, "/api/v1/tasks",
           {.tag = "tasks",
            .summary = "Create a task, optionally assigned (the assignee is notified) and in a channel",
            .body = R"({"type":"object","required":["title"],"properties":{)" + fields + "}}",
            .data = ref("Task"),
            .status = 201});
  docs.add(verb::get, "/api/v1/tasks",
           {.tag = "tasks",
            .summary = "Tasks the caller may read, newest first",
            .query = http::paging({{"status", R"({"type":"string"})"},
                                   {"priority", R"({"type":"string"})"},
                                   {"assigned_to", R"({"type":"string"})"},
                                   {"created_by", R"({"type":"string"})"},
                                   {"channel_id", R"({"type":"string"})"}}),
            .data = array_of("Task"),
            .paginated = true});
  docs.add(verb::get, "/api/v1/tasks/:id", {.tag = "tasks", .summary = "One task", .data = ref("Task")});
  docs.add(verb::patch, "/api/v1/tasks/:id",
           {.tag = "tasks",
            .summary = "Change a task; null clears a nullable field",
            .body = R"({"type":"object","properties":{)" + fields + "}}",
            .data = ref("Task")});
  docs.add(verb::delete_, "/api/v1/tasks/:id",
           {.tag = "tasks",
            .summary = "Delete a task",
            .data = R"({"type":"object","properties":{"deleted":{"type":"boolean"}}})"});
}

}  // namespace agenthq::hub
