#pragma once
#include <string>

namespace agenthq::auth {

// Who is calling: a user (JWT) or an agent (API key). org_id scopes every tenant query.
struct Identity {
  enum class Kind { user, agent };
  Kind kind;
  std::string id;
  std::string org_id;
  std::string role;  // users only: owner, admin, member, viewer

  bool is_user() const { return kind == Kind::user; }
  bool is_agent() const { return kind == Kind::agent; }
  bool is_admin() const { return is_user() && (role == "owner" || role == "admin"); }
  bool is_viewer() const { return is_user() && role == "viewer"; }  // reads, never writes
  const char* type_name() const { return is_user() ? "user" : "agent"; }
};

}  // namespace agenthq::auth
