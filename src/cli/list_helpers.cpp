#include "cli/list_helpers.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

namespace agenthq::cli {
namespace json = boost::json;

void print_list(const Context& ctx, const json::value& envelope, const std::vector<Column>& columns) {
  ctx.print(envelope.at("data"), [&](const json::value& rows) {
    print_table(std::cout, rows, columns);
    if (const auto* p = envelope.as_object().if_contains("pagination"); p && p->is_object()) {
      const auto& pg = p->as_object();
      if (const auto* more = pg.if_contains("hasMore"); more && more->is_bool() && more->as_bool())
        std::cout << "(page " << display(pg.at("page")) << " of " << display(pg.at("total"))
                  << " items; --page for more)\n";
    }
  });
}

std::string channel_id(const Context& ctx, std::string wanted) {
  if (!wanted.empty() && wanted.front() == '#') wanted.erase(0, 1);
  json::value r = ctx.call("GET", "/channels");
  for (const auto& c : r.at("data").as_array())
    if (c.at("id") == json::value(wanted) || c.at("name") == json::value(wanted))
      return std::string(c.at("id").as_string());
  throw CommandFailed("no channel named '" + wanted + "' (agenthq channel list shows them)");
}

void Paging::add_to(CLI::App* cmd) {
  cmd->add_option("--page", page, "Page, from 1")->check(CLI::PositiveNumber);
  cmd->add_option("--limit", limit, "Items per page")->check(CLI::PositiveNumber);
}

void Paging::into(std::map<std::string, std::string>& q) const {
  if (page) q["page"] = std::to_string(page);
  if (limit) q["limit"] = std::to_string(limit);
}

void set_if(std::map<std::string, std::string>& q, const char* key, const std::string& v) {
  if (!v.empty()) q[key] = v;
}

void set_if(json::object& o, const char* key, const std::string& v) {
  if (!v.empty()) o[key] = v;
}

}  // namespace agenthq::cli
