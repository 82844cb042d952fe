#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/output.hpp"

namespace CLI {
class App;
}

namespace agenthq::cli {

// What the content and collaboration commands share.

// Lists print their rows, then the page they are on when there are more.
void print_list(const Context& ctx, const boost::json::value& envelope, const std::vector<Column>& columns);

// --channel takes a name ("general", "#general") or an id.
std::string channel_id(const Context& ctx, std::string wanted);

// --page and --limit of a list command.
struct Paging {
  int page = 0, limit = 0;
  void add_to(CLI::App* cmd);
  void into(std::map<std::string, std::string>& q) const;
};

// Sets key only when the flag was given (non-empty).
void set_if(std::map<std::string, std::string>& q, const char* key, const std::string& v);
void set_if(boost::json::object& o, const char* key, const std::string& v);

}  // namespace agenthq::cli
