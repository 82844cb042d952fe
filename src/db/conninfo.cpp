#include "db/conninfo.hpp"

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

namespace agenthq::db {
namespace {

using Options = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

Options parse(const std::string& conninfo) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
  if (!opts) {
    std::string m = err ? err : "invalid connection string";
    PQfreemem(err);
    while (!m.empty() && m.back() == '\n') m.pop_back();
    throw std::invalid_argument("DATABASE_URL: " + m);
  }
  return Options(opts, &PQconninfoFree);
}

std::string quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string conninfo_user(const std::string& conninfo) {
  auto opts = parse(conninfo);
  for (auto* o = opts.get(); o->keyword; ++o)
    if (std::string(o->keyword) == "user" && o->val) return o->val;
  return {};
}

std::string with_session_settings(const std::string& conninfo) {
  auto opts = parse(conninfo);
  std::string out;
  std::string options;
  bool has_app_name = false;
  for (auto* o = opts.get(); o->keyword; ++o) {
    if (!o->val) continue;
    std::string key = o->keyword;
    if (key == "options") {
      options = o->val;
      continue;
    }
    if (key == "application_name") has_app_name = true;
    out += key + "=" + quote(o->val) + " ";
  }
  options += " -c TimeZone=UTC -c DateStyle=ISO -c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000";
  out += "options=" + quote(options);
  if (!has_app_name) out += " application_name='agenthq'";
  return out;
}

}  // namespace agenthq::db
