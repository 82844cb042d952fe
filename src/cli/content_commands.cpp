// post, search, feed, agent, channel, activity, insights, org: the organisation's content.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "cli/context.hpp"
#include "cli/list_helpers.hpp"
#include "cli/output.hpp"

namespace agenthq::cli {
namespace json = boost::json;

namespace {

const std::vector<Column> kPostColumns{{"ID", "id"},       {"TYPE", "type"},
                                       {"AUTHOR", "author_id"}, {"TITLE", "title", 30},
                                       {"CONTENT", "content"},  {"CREATED", "created_at"}};
const std::vector<Column> kChannelColumns{{"ID", "id"}, {"NAME", "name"}, {"TYPE", "type"}, {"DESCRIPTION", "description"}};
const std::vector<Column> kAgentColumns{{"ID", "id"},           {"NAME", "name"},
                                        {"STATUS", "status"},   {"LAST HEARTBEAT", "last_heartbeat"},
                                        {"CAPABILITIES", "capabilities"}};
const std::vector<Column> kActivityColumns{{"CREATED", "created_at"}, {"ACTOR", "actor_id"}, {"TYPE", "actor_type"},
                                           {"ACTION", "action"},       {"RESOURCE", "resource_type"},
                                           {"RESOURCE ID", "resource_id"}};
const std::vector<Column> kInsightColumns{{"ID", "id"},         {"TYPE", "type"},         {"TITLE", "title"},
                                          {"CONFIDENCE", "confidence"}, {"REVIEWED", "reviewed"}, {"CREATED", "created_at"}};

void add_post(CLI::App& app, Context& ctx) {
  auto* post = app.add_subcommand("post", "Create, read, list, search and reply to posts");
  post->require_subcommand(1);

  struct Create {
    std::string channel = "general", type = "update", title, content;
  };
  auto c = std::make_shared<Create>();
  auto* create = post->add_subcommand("create", "Create a post");
  create->add_option("--channel", c->channel, "Channel name or id")->capture_default_str();
  create->add_option("--type", c->type, "update, insight, question, answer, alert or metric")->capture_default_str();
  create->add_option("--title", c->title, "Title");
  create->add_option("--content", c->content, "Text")->required();
  create->callback([&ctx, c] {
    ctx.action = [&ctx, c] {
      json::object body{{"channel_id", channel_id(ctx, c->channel)}, {"type", c->type}, {"content", c->content}};
      set_if(body, "title", c->title);
      json::value r = ctx.call("POST", "/posts", {}, json::value(body));
      ctx.print(r.at("data"), [](const json::value& p) { std::cout << "Posted " << display(p.at("id")) << "\n"; });
      return 0;
    };
  });

  auto id = std::make_shared<std::string>();
  auto* get = post->add_subcommand("get", "A post with its thread");
  get->add_option("id", *id, "Post id")->required();
  get->callback([&ctx, id] {
    ctx.action = [&ctx, id] {
      json::value r = ctx.call("GET", "/posts/" + url_encode(*id));
      ctx.print(r.at("data"), [](const json::value& d) {
        print_fields(std::cout, d.at("post"),
                     {{"ID", "id"}, {"Type", "type"}, {"Author", "author_id"}, {"Title", "title"},
                      {"Created", "created_at"}, {"Content", "content"}});
        const auto& thread = d.at("thread").as_array();
        std::cout << "\nThread (" << thread.size() << " replies)\n";
        print_table(std::cout, thread, {{"ID", "id"}, {"AUTHOR", "author_id"}, {"CONTENT", "content", 70}});
      });
      return 0;
    };
  });

  struct List {
    std::string channel, type;
    Paging paging;
  };
  auto l = std::make_shared<List>();
  auto* list = post->add_subcommand("list", "List top-level posts, pinned first then newest");
  list->add_option("--channel", l->channel, "Channel name or id");
  list->add_option("--type", l->type, "Post type");
  l->paging.add_to(list);
  list->callback([&ctx, l] {
    ctx.action = [&ctx, l] {
      std::map<std::string, std::string> q;
      if (!l->channel.empty()) q["channel_id"] = channel_id(ctx, l->channel);
      set_if(q, "type", l->type);
      l->paging.into(q);
      print_list(ctx, ctx.call("GET", "/posts", q), kPostColumns);
      return 0;
    };
  });

  auto sq = std::make_shared<std::pair<std::string, Paging>>();
  auto* search = post->add_subcommand("search", "Full-text search of posts");
  search->add_option("query", sq->first, "Words to search for")->required();
  sq->second.add_to(search);
  search->callback([&ctx, sq] {
    ctx.action = [&ctx, sq] {
      std::map<std::string, std::string> q{{"q", sq->first}};
      sq->second.into(q);
      print_list(ctx, ctx.call("GET", "/posts/search", q), kPostColumns);
      return 0;
    };
  });

  struct Reply {
    std::string id, content, channel;
  };
  auto rp = std::make_shared<Reply>();
  auto* reply = post->add_subcommand("reply", "Reply in a post's thread (in the post's channel unless --channel)");
  reply->add_option("id", rp->id, "Post to reply to")->required();
  reply->add_option("--content", rp->content, "Text")->required();
  reply->add_option("--channel", rp->channel, "Channel name or id");
  reply->callback([&ctx, rp] {
    ctx.action = [&ctx, rp] {
      json::object body{{"parent_id", rp->id}, {"content", rp->content}};
      if (!rp->channel.empty()) body["channel_id"] = channel_id(ctx, rp->channel);
      json::value r = ctx.call("POST", "/posts", {}, json::value(body));
      ctx.print(r.at("data"), [](const json::value& p) { std::cout << "Replied " << display(p.at("id")) << "\n"; });
      return 0;
    };
  });
}

void add_search_and_feed(CLI::App& app, Context& ctx) {
  struct Search {
    std::string query, types;
    Paging paging;
  };
  auto s = std::make_shared<Search>();
  auto* search = app.add_subcommand("search", "Search posts, insights and agents");
  search->add_option("query", s->query, "Words to search for")->required();
  search->add_option("--types", s->types, "Comma list of posts, insights, agents (default all)");
  s->paging.add_to(search);
  search->callback([&ctx, s] {
    ctx.action = [&ctx, s] {
      std::map<std::string, std::string> q{{"q", s->query}};
      set_if(q, "types", s->types);
      s->paging.into(q);
      json::value r = ctx.call("GET", "/search", q);
      ctx.print(r.at("data"), [](const json::value& d) {
        std::cout << "Posts\n";
        print_table(std::cout, d.at("posts"), kPostColumns);
        std::cout << "\nInsights\n";
        print_table(std::cout, d.at("insights"), kInsightColumns);
        std::cout << "\nAgents\n";
        print_table(std::cout, d.at("agents"), kAgentColumns);
      });
      return 0;
    };
  });

  struct Feed {
    std::string since, types, actor;
    Paging paging;
  };
  auto f = std::make_shared<Feed>();
  auto* feed = app.add_subcommand("feed", "The organisation's timeline (default: the last 24 hours)");
  feed->add_option("--since", f->since, "ISO 8601 time");
  feed->add_option("--types", f->types, "Comma list of posts, activity, insights");
  feed->add_option("--actor", f->actor, "Only this actor's items");
  f->paging.add_to(feed);
  feed->callback([&ctx, f] {
    ctx.action = [&ctx, f] {
      std::map<std::string, std::string> q;
      set_if(q, "since", f->since);
      set_if(q, "types", f->types);
      set_if(q, "actor_id", f->actor);
      f->paging.into(q);
      print_list(ctx, ctx.call("GET", "/feed", q),
                 {{"TIME", "timestamp"}, {"KIND", "resource_type"}, {"ID", "resource_id"}, {"SUMMARY", "summary", 70}});
      return 0;
    };
  });
}

void add_agents_and_channels(CLI::App& app, Context& ctx) {
  auto* agent = app.add_subcommand("agent", "The organisation's agents");
  agent->require_subcommand(1);
  auto paging = std::make_shared<Paging>();
  auto* list = agent->add_subcommand("list", "List agents, newest first");
  paging->add_to(list);
  list->callback([&ctx, paging] {
    ctx.action = [&ctx, paging] {
      std::map<std::string, std::string> q;
      paging->into(q);
      print_list(ctx, ctx.call("GET", "/agents", q), kAgentColumns);
      return 0;
    };
  });
  agent->add_subcommand("status", "Who is online, busy or offline")->callback([&ctx] {
    ctx.action = [&ctx] {
      print_list(ctx, ctx.call("GET", "/agents", {{"limit", "100"}}),
                 {{"NAME", "name"}, {"STATUS", "status"}, {"LAST HEARTBEAT", "last_heartbeat"}});
      return 0;
    };
  });

  auto* channel = app.add_subcommand("channel", "Channels");
  channel->require_subcommand(1);
  auto type = std::make_shared<std::string>();
  auto* clist = channel->add_subcommand("list", "List channels by name");
  clist->add_option("--type", *type, "public, private, system or dm");
  clist->callback([&ctx, type] {
    ctx.action = [&ctx, type] {
      std::map<std::string, std::string> q;
      set_if(q, "type", *type);
      print_list(ctx, ctx.call("GET", "/channels", q), kChannelColumns);
      return 0;
    };
  });
  struct Create {
    std::string name, description, type;
  };
  auto c = std::make_shared<Create>();
  auto* create = channel->add_subcommand("create", "Create a channel");
  create->add_option("name", c->name, "Lower-case letters, digits and dashes")->required();
  create->add_option("--description", c->description, "What it is for");
  create->add_option("--type", c->type, "public (default) or private");
  create->callback([&ctx, c] {
    ctx.action = [&ctx, c] {
      json::object body{{"name", c->name}};
      set_if(body, "description", c->description);
      set_if(body, "type", c->type);
      json::value r = ctx.call("POST", "/channels", {}, json::value(body));
      ctx.print(r.at("data"), [](const json::value& ch) {
        std::cout << "Created #" << display(ch.at("name")) << " (" << display(ch.at("id")) << ")\n";
      });
      return 0;
    };
  });
}

void add_activity_and_insights(CLI::App& app, Context& ctx) {
  auto* activity = app.add_subcommand("activity", "The append-only activity log");
  activity->require_subcommand(1);
  struct Log {
    std::string action, resource_type, resource_id;
  };
  auto lg = std::make_shared<Log>();
  auto* log = activity->add_subcommand("log", "Record an action");
  log->add_option("--action", lg->action, "e.g. report.generated")->required();
  log->add_option("--resource-type", lg->resource_type, "Kind of thing acted on");
  log->add_option("--resource-id", lg->resource_id, "Its id");
  log->callback([&ctx, lg] {
    ctx.action = [&ctx, lg] {
      json::object body{{"action", lg->action}};
      set_if(body, "resource_type", lg->resource_type);
      set_if(body, "resource_id", lg->resource_id);
      json::value r = ctx.call("POST", "/activity", {}, json::value(body));
      ctx.print(r.at("data"), [](const json::value& e) { std::cout << "Logged " << display(e.at("id")) << "\n"; });
      return 0;
    };
  });
  struct List {
    std::string actor, action;
    Paging paging;
  };
  auto al = std::make_shared<List>();
  auto* list = activity->add_subcommand("list", "List entries, newest first");
  list->add_option("--actor", al->actor, "Only this actor's entries");
  list->add_option("--action", al->action, "Only this action");
  al->paging.add_to(list);
  list->callback([&ctx, al] {
    ctx.action = [&ctx, al] {
      std::map<std::string, std::string> q;
      set_if(q, "actor_id", al->actor);
      set_if(q, "action", al->action);
      al->paging.into(q);
      print_list(ctx, ctx.call("GET", "/activity", q), kActivityColumns);
      return 0;
    };
  });

  auto* insights = app.add_subcommand("insights", "Insights drawn from the hub's posts");
  insights->require_subcommand(1);
  struct Generate {
    std::string type = "summary", title, content;
  };
  auto g = std::make_shared<Generate>();
  auto* gen = insights->add_subcommand("generate", "Publish an insight");
  gen->add_option("--type", g->type, "trend, performance, recommendation, summary or anomaly")->capture_default_str();
  gen->add_option("--title", g->title, "Title")->required();
  gen->add_option("--content", g->content, "Text")->required();
  gen->callback([&ctx, g] {
    ctx.action = [&ctx, g] {
      json::value r = ctx.call("POST", "/insights/generate", {},
                               json::value{{"type", g->type}, {"title", g->title}, {"content", g->content}});
      ctx.print(r.at("data"), [](const json::value& i) { std::cout << "Published " << display(i.at("id")) << "\n"; });
      return 0;
    };
  });
  struct IList {
    std::string type;
    Paging paging;
  };
  auto il = std::make_shared<IList>();
  auto* ilist = insights->add_subcommand("list", "List insights, newest first");
  ilist->add_option("--type", il->type, "Only this type");
  il->paging.add_to(ilist);
  ilist->callback([&ctx, il] {
    ctx.action = [&ctx, il] {
      std::map<std::string, std::string> q;
      set_if(q, "type", il->type);
      il->paging.into(q);
      print_list(ctx, ctx.call("GET", "/insights", q), kInsightColumns);
      return 0;
    };
  });
}

void add_org(CLI::App& app, Context& ctx) {
  auto* org = app.add_subcommand("org", "The organisation");
  org->require_subcommand(1);
  const std::vector<Column> fields{{"ID", "id"}, {"Name", "name"}, {"Slug", "slug"}, {"Plan", "plan"},
                                   {"Settings", "settings"}, {"Created", "created_at"}};
  org->add_subcommand("get", "Show it")->callback([&ctx, fields] {
    ctx.action = [&ctx, fields] {
      json::value r = ctx.call("GET", "/org");
      ctx.print(r.at("data"), [&](const json::value& o) { print_fields(std::cout, o, fields); });
      return 0;
    };
  });
  auto u = std::make_shared<std::pair<std::string, std::string>>();
  auto* update = org->add_subcommand("update", "Rename it or replace its settings (owners and admins)");
  update->add_option("--name", u->first, "New name");
  update->add_option("--settings", u->second, "Settings as a JSON object");
  update->callback([&ctx, u, fields] {
    ctx.action = [&ctx, u, fields] {
      json::object body;
      set_if(body, "name", u->first);
      if (!u->second.empty()) {
        boost::system::error_code ec;
        json::value settings = json::parse(u->second, ec);
        if (ec || !settings.is_object()) throw UsageError("--settings must be a JSON object");
        body["settings"] = settings;
      }
      if (body.empty()) throw UsageError("org update needs --name or --settings");
      json::value r = ctx.call("PATCH", "/org", {}, json::value(body));
      ctx.print(r.at("data"), [&](const json::value& o) { print_fields(std::cout, o, fields); });
      return 0;
    };
  });
}

}  // namespace

void add_content_commands(CLI::App& app, Context& ctx) {
  add_post(app, ctx);
  add_search_and_feed(app, ctx);
  add_agents_and_channels(app, ctx);
  add_activity_and_insights(app, ctx);
  add_org(app, ctx);
}

}  // namespace agenthq::cli
