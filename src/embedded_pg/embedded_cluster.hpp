#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace agenthq::embedded_pg {

// The hub's private PostgreSQL, used when no DATABASE_URL is given. It listens on no TCP address, only
// on a Unix socket in a directory (mode 0700) that just the database user and root can enter, which is
// what makes initdb's trust authentication safe here.
//
// Layout: <cluster>/data is PGDATA, <cluster>/postgres.log the server log, <cluster> the socket
// directory. <cluster> is <data_dir>/pg, or /var/lib/agenthq/clusters/<hash> when started as root and
// the database user cannot reach <data_dir> (recorded in <data_dir>/pg-location).
//
// The caller holds app::DataDirLock on data_dir: start() treats a postmaster it finds running on the
// cluster as left behind by a crashed hub, and restarts it.
class EmbeddedCluster {
 public:
  // Creates the cluster on first use (initdb), starts it, ensures the database `agenthq` and the roles
  // exist, and returns once it accepts connections. Blocking; call it before the event loop runs.
  static std::unique_ptr<EmbeddedCluster> start(const std::filesystem::path& data_dir);

  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;
  ~EmbeddedCluster();  // stop(); never throws

  // Fast shutdown, waiting for it to finish. Idempotent and never throws: failures are logged.
  void stop() noexcept;

  // Role agenthq_owner: owns database `agenthq` and its tables, runs migrations; not a superuser.
  const std::string& admin_conninfo() const;
  // Role agenthq_app: the server's runtime role, neither superuser nor table owner, so row-level
  // security applies to it.
  const std::string& app_conninfo() const;
  const std::filesystem::path& socket_dir() const;

 private:
  struct State;  // paths, database user, process handling: all private to the .cpp
  explicit EmbeddedCluster(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

}  // namespace agenthq::embedded_pg
