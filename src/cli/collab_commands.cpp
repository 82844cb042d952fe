// post edit | delete | reaction, dm, task, notifications: working together (contract [ext]).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "cli/context.hpp"
#include "cli/list_helpers.hpp"

namespace agenthq::cli {
namespace json = boost::json;

namespace {

const std::vector<Column> kTaskColumns{{"ID", "id"},         {"TITLE", "title", 40},        {"STATUS", "status"},
                                       {"PRIORITY", "priority"}, {"ASSIGNED TO", "assigned_to"}, {"DUE", "due_date"}};
const std::vector<Column> kNotificationColumns{{"ID", "id"},       {"TYPE", "type"}, {"TITLE", "title", 50},
                                               {"READ", "read"},   {"CREATED", "created_at"}};
const std::vector<Column> kDmColumns{{"ID", "id"}, {"WITH", "member_id"}, {"TYPE", "member_type"}, {"SINCE", "created_at"}};

// A subcommand whose callback runs `run` as the chosen action.
template <class Run>
void on_run(CLI::App* cmd, Context& ctx, Run run) {
  cmd->callback([&ctx, run] { ctx.action = [run] { return run(); }; });
}

void add_post_changes(CLI::App& app, Context& ctx) {
  CLI::App* post = app.get_subcommand("post");

  struct Edit {
    std::string id;
    std::optional<std::string> title, content;
  };
  auto e = std::make_shared<Edit>();
  auto* edit = post->add_subcommand("edit", "Edit your own post (its earlier text is kept)");
  edit->add_option("id", e->id, "Post id")->required();
  edit->add_option("--title", e->title, "New title");
  edit->add_option("--content", e->content, "New text");
  on_run(edit, ctx, [&ctx, e] {
    json::object body;
    if (e->title) body["title"] = *e->title;
    if (e->content) body["content"] = *e->content;
    if (body.empty()) throw UsageError("post edit needs --title or --content");
    json::value r = ctx.call("PATCH", "/posts/" + url_encode(e->id), {}, json::value(body));
    ctx.print(r.at("data"), [](const json::value& p) { std::cout << "Edited " << display(p.at("id")) << "\n"; });
    return 0;
  });

  auto del_id = std::make_shared<std::string>();
  auto* del = post->add_subcommand("delete", "Delete your own post (owners and admins: any post)");
  del->add_option("id", *del_id, "Post id")->required();
  on_run(del, ctx, [&ctx, del_id] {
    json::value r = ctx.call("DELETE", "/posts/" + url_encode(*del_id));
    ctx.print(r.at("data"), [&](const json::value&) { std::cout << "Deleted " << *del_id << "\n"; });
    return 0;
  });

  auto* reaction = post->add_subcommand("reaction", "React to posts");
  reaction->require_subcommand(1);
  struct Add {
    std::string id, emoji = "👍";
  };
  auto a = std::make_shared<Add>();
  auto* add = reaction->add_subcommand("add", "Add a reaction");
  add->add_option("id", a->id, "Post id")->required();
  add->add_option("--emoji", a->emoji, "The emoji")->capture_default_str();
  on_run(add, ctx, [&ctx, a] {
    json::value r = ctx.call("POST", "/posts/" + url_encode(a->id) + "/reactions", {}, json::value{{"emoji", a->emoji}});
    ctx.print(r.at("data"), [&](const json::value&) { std::cout << "Reacted " << a->emoji << " to " << a->id << "\n"; });
    return 0;
  });
  auto rm = std::make_shared<std::pair<std::string, std::string>>();
  auto* remove = reaction->add_subcommand("remove", "Remove your reaction");
  remove->add_option("id", rm->first, "Post id")->required();
  remove->add_option("emoji", rm->second, "The emoji")->required();
  on_run(remove, ctx, [&ctx, rm] {
    json::value r = ctx.call("DELETE", "/posts/" + url_encode(rm->first) + "/reactions/" + url_encode(rm->second));
    ctx.print(r.at("data"), [](const json::value& d) {
      std::cout << (d.at("removed").as_bool() ? "Removed\n" : "You had not reacted with that emoji\n");
    });
    return 0;
  });
  auto list_id = std::make_shared<std::string>();
  auto* list = reaction->add_subcommand("list", "A post's reactions by emoji");
  list->add_option("id", *list_id, "Post id")->required();
  on_run(list, ctx, [&ctx, list_id] {
    json::value r = ctx.call("GET", "/posts/" + url_encode(*list_id) + "/reactions");
    ctx.print(r.at("data"), [](const json::value& rows) {
      print_table(std::cout, rows, {{"EMOJI", "emoji"}, {"COUNT", "count"}, {"BY", "authors"}});
    });
    return 0;
  });
}

void add_dm(CLI::App& app, Context& ctx) {
  auto* dm = app.add_subcommand("dm", "Direct messages with one agent or person of the organisation");
  dm->require_subcommand(1);
  on_run(dm->add_subcommand("list", "Your direct-message channels"), ctx, [&ctx] {
    json::value r = ctx.call("GET", "/dm");
    ctx.print(r.at("data"), [](const json::value& rows) { print_table(std::cout, rows, kDmColumns); });
    return 0;
  });
  struct Start {
    std::string member_id, member_type = "agent", content;
  };
  auto s = std::make_shared<Start>();
  auto* start = dm->add_subcommand("start", "Open the DM channel with a member (and send a first message)");
  start->add_option("member-id", s->member_id, "Agent or user id")->required();
  start->add_option("--member-type", s->member_type, "agent or user")
      ->check(CLI::IsMember({"agent", "user"}))
      ->capture_default_str();
  start->add_option("--content", s->content, "A message to send in it");
  on_run(start, ctx, [&ctx, s] {
    json::value r = ctx.call("POST", "/dm", {}, json::value{{"member_id", s->member_id}, {"member_type", s->member_type}});
    const json::value channel = r.at("data");
    if (!s->content.empty())
      ctx.call("POST", "/posts", {}, json::value{{"channel_id", channel.at("id")}, {"content", s->content}});
    ctx.print(channel, [&](const json::value& c) {
      std::cout << "DM channel " << display(c.at("id")) << " with " << s->member_id
                << (s->content.empty() ? "" : " (message sent)") << "\n";
    });
    return 0;
  });
}

void add_task(CLI::App& app, Context& ctx) {
  auto* task = app.add_subcommand("task", "Tasks: who does what, by when");
  task->require_subcommand(1);

  struct List {
    std::string status, priority, assigned_to, channel;
    Paging paging;
  };
  auto l = std::make_shared<List>();
  auto* list = task->add_subcommand("list", "Tasks you can see, newest first");
  list->add_option("--status", l->status, "open, in_progress, completed or cancelled");
  list->add_option("--priority", l->priority, "low, medium, high or urgent");
  list->add_option("--assigned-to", l->assigned_to, "Agent or user id");
  list->add_option("--channel", l->channel, "Channel name or id");
  l->paging.add_to(list);
  on_run(list, ctx, [&ctx, l] {
    std::map<std::string, std::string> q;
    set_if(q, "status", l->status);
    set_if(q, "priority", l->priority);
    set_if(q, "assigned_to", l->assigned_to);
    if (!l->channel.empty()) q["channel_id"] = channel_id(ctx, l->channel);  // the older CLI sent `channel`
    l->paging.into(q);
    print_list(ctx, ctx.call("GET", "/tasks", q), kTaskColumns);
    return 0;
  });

  // create and update share their flags; update also takes the id and changes only what is given.
  struct Fields {
    std::string id, title, description, status, priority, assigned_to, assigned_type, channel, due_date;
  };
  auto add_fields = [](CLI::App* cmd, Fields& f) {
    cmd->add_option("--description", f.description, "Details");
    cmd->add_option("--status", f.status, "open, in_progress, completed or cancelled");
    cmd->add_option("--priority", f.priority, "low, medium, high or urgent");
    cmd->add_option("--assigned-to", f.assigned_to, "Agent or user id (notified)");
    cmd->add_option("--assigned-type", f.assigned_type, "agent or user (default: whichever the id is)");
    cmd->add_option("--channel", f.channel, "Channel name or id");
    cmd->add_option("--due-date", f.due_date, "ISO-8601 date or time");
  };
  auto body_of = [](const Context& c, const Fields& f) {
    json::object body;
    set_if(body, "title", f.title);
    set_if(body, "description", f.description);
    set_if(body, "status", f.status);
    set_if(body, "priority", f.priority);
    set_if(body, "assigned_to", f.assigned_to);
    set_if(body, "assigned_type", f.assigned_type);
    set_if(body, "due_date", f.due_date);
    if (!f.channel.empty()) body["channel_id"] = channel_id(c, f.channel);
    return body;
  };
  auto task_line = [](const char* verb) {
    return [verb](const json::value& t) {
      std::cout << verb << " task " << display(t.at("id")) << " (" << display(t.at("status")) << ")\n";
    };
  };

  auto c = std::make_shared<Fields>();
  auto* create = task->add_subcommand("create", "Create a task");
  create->add_option("--title", c->title, "What is to be done")->required();
  add_fields(create, *c);
  on_run(create, ctx, [&ctx, c, body_of, task_line] {
    json::value r = ctx.call("POST", "/tasks", {}, json::value(body_of(ctx, *c)));
    ctx.print(r.at("data"), task_line("Created"));
    return 0;
  });

  auto u = std::make_shared<Fields>();
  auto* update = task->add_subcommand("update", "Change a task");
  update->add_option("id", u->id, "Task id")->required();
  update->add_option("--title", u->title, "New title");
  add_fields(update, *u);
  on_run(update, ctx, [&ctx, u, body_of, task_line] {
    json::object body = body_of(ctx, *u);
    if (body.empty()) throw UsageError("task update needs at least one field to change");
    json::value r = ctx.call("PATCH", "/tasks/" + url_encode(u->id), {}, json::value(body));
    ctx.print(r.at("data"), task_line("Updated"));
    return 0;
  });
}

void add_notifications(CLI::App& app, Context& ctx) {
  auto* n = app.add_subcommand("notifications", "Mentions, replies, reactions, DMs and assignments addressed to you");
  n->require_subcommand(1);

  struct List {
    std::string type, read;
    bool verbose = false;
    Paging paging;
  };
  auto l = std::make_shared<List>();
  auto* list = n->add_subcommand("list", "Your notifications, newest first");
  list->add_option("--type", l->type, "mention, reply, reaction, dm or task_assignment");
  list->add_option("--read", l->read, "true: read ones; false: unread ones")->check(CLI::IsMember({"true", "false"}));
  list->add_flag("--verbose", l->verbose, "Show each notification's text too");
  l->paging.add_to(list);
  on_run(list, ctx, [&ctx, l] {
    std::map<std::string, std::string> q;
    set_if(q, "type", l->type);
    set_if(q, "read", l->read);
    l->paging.into(q);
    auto columns = kNotificationColumns;
    if (l->verbose) columns.push_back({"BODY", "body", 70});
    print_list(ctx, ctx.call("GET", "/notifications", q), columns);
    return 0;
  });

  on_run(n->add_subcommand("unread", "How many are unread"), ctx, [&ctx] {
    json::value r = ctx.call("GET", "/notifications/unread-count");
    ctx.print(r.at("data"), [](const json::value& d) { std::cout << display(d.at("count")) << " unread\n"; });
    return 0;
  });

  auto id = std::make_shared<std::string>();
  auto* read = n->add_subcommand("read", "Mark one read");
  read->add_option("id", *id, "Notification id")->required();
  on_run(read, ctx, [&ctx, id] {
    json::value r = ctx.call("PATCH", "/notifications/" + url_encode(*id) + "/read");
    ctx.print(r.at("data"), [](const json::value&) { std::cout << "Marked read\n"; });
    return 0;
  });

  on_run(n->add_subcommand("read-all", "Mark all read"), ctx, [&ctx] {
    json::value r = ctx.call("POST", "/notifications/read-all");
    ctx.print(r.at("data"), [](const json::value&) { std::cout << "All marked read\n"; });
    return 0;
  });
}

}  // namespace

void add_collaboration_commands(CLI::App& app, Context& ctx) {
  add_post_changes(app, ctx);
  add_dm(app, ctx);
  add_task(app, ctx);
  add_notifications(app, ctx);
}

}  // namespace agenthq::cli
