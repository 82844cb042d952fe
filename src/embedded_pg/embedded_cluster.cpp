#include "embedded_pg/embedded_cluster.hpp"

#include "embedded_pg/sql/ensure_roles.sql.hpp"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <pwd.h>
#include <signal.h>
#include "util/log.hpp"
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "embedded_pg/bootstrap.hpp"
#include "embedded_pg/cluster_location.hpp"
#include "embedded_pg/db_user.hpp"
#include "embedded_pg/postmaster.hpp"
#include "embedded_pg/run_as.hpp"
#include "embedded_pg/server_binaries.hpp"
#include "embedded_pg/support.hpp"

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// ---- the cluster ----------------------------------------------------------------------------------

struct EmbeddedCluster::State {
  DbUser user;
  fs::path bin_dir, cluster_dir, pgdata, log_file, socket_dir;
  bool private_socket_dir = false;  // a mkdtemp directory, removed on stop
  bool running = false;
  std::string superuser_conninfo, admin_conninfo, app_conninfo;

  RunResult pg_ctl(const std::vector<std::string>& args) const {
    return run_as(user, cluster_dir, bin_dir / "pg_ctl", args);
  }

  bool postmaster_running() const {
    const auto pid = postmaster_pid(pgdata);
    return pid && process_state(*pid) != 'Z' && runs_in(*pid, pgdata);
  }

  void init_if_missing() {
    if (fs::exists(pgdata / "PG_VERSION")) return;
    util::log::info("embedded PostgreSQL: creating a cluster in {} (owner {})", pgdata.string(), user.name);
    const RunResult r =
        run_as(user, cluster_dir, bin_dir / "initdb",
               {"-D", pgdata.string(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"});
    if (r.exit_code != 0) fail("initdb failed (exit " + std::to_string(r.exit_code) + "): " + r.stderr_text);
  }

  void choose_socket_dir() {
    if (usable_socket_dir(cluster_dir)) {
      socket_dir = cluster_dir;
      return;
    }
    char tmpl[] = "/tmp/agenthq-pg-XXXXXX";  // mkdtemp creates it 0700, so nobody can squat on it
    if (!::mkdtemp(tmpl)) fail(std::string("mkdtemp: ") + std::strerror(errno));
    socket_dir = tmpl;
    private_socket_dir = true;
    make_private_dir(socket_dir, user);
    util::log::info("embedded PostgreSQL: {} is too long or unusual for a Unix socket path; socket in {}",
                 cluster_dir.string(), socket_dir.string());
  }

  // Nothing may still run on these files when a new postmaster starts. A postmaster orphaned by a
  // crashed hub is stopped (we hold the data directory lock, so it is no other hub's). One that was
  // just killed needs a moment: until its pid is reaped and its children are gone, PostgreSQL refuses
  // to start ("lock file already exists", "pre-existing shared memory block is still in use").
  void clear_leftovers() {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    bool stop_requested = false, announced = false;
    for (;;) {
      std::vector<pid_t> left = postgres_processes_in(pgdata);
      if (const auto pid = postmaster_pid(pgdata)) {
        ::waitpid(*pid, nullptr, WNOHANG);  // we are its reaper when the hub runs as pid 1 in a container
        if (process_state(*pid) == 'Z') left.push_back(*pid);
        if (!stop_requested && runs_in(*pid, pgdata)) {
          util::log::warn("embedded PostgreSQL: a server left by an earlier run is up (pid {}); restarting it",
                       *pid);
          const RunResult r = pg_ctl({"stop", "-D", pgdata.string(), "-m", "fast", "-w", "-s"});
          // It may have been dying already (pg_ctl then fails too); only a survivor is worth a word.
          if (r.exit_code != 0 && postmaster_running())
            util::log::warn("embedded PostgreSQL: stopping it: {}", r.stderr_text);
          stop_requested = true;
          continue;
        }
      }
      if (left.empty()) return;
      if (!announced) util::log::info("embedded PostgreSQL: waiting for an earlier server's processes to exit");
      announced = true;
      if (std::chrono::steady_clock::now() > deadline) {
        std::string pids;
        for (pid_t pid : left) pids.append(" ").append(std::to_string(pid));
        fail("processes still run on " + pgdata.string() + " (pids" + pids + "): stop them and retry");
      }
      std::this_thread::sleep_for(100ms);
    }
  }

  void launch() {
    clear_leftovers();
    // No TCP at all; the socket is reachable only through the 0700 socket directory.
    const std::string options = "-c listen_addresses='' -c unix_socket_directories='" + socket_dir.string() +
                                "' -c unix_socket_permissions=0700 -c port=" + kPort +
                                " -c max_connections=100 -c shared_buffers=128MB";
    running = true;  // even if pg_ctl gives up waiting (long crash recovery), stop() must stop the server
    const RunResult r = pg_ctl(
        {"start", "-D", pgdata.string(), "-l", log_file.string(), "-w", "-t", "120", "-s", "-o", options});
    if (r.exit_code != 0)
      fail("the server did not start: " + r.stderr_text + "\nlast lines of " + log_file.string() + ":\n" +
           log_tail(log_file, 20));
  }

  // Idempotent, and re-asserts the attributes every start so a hand-edited role cannot stay privileged.
  void ensure_roles_and_database() const {
    const Connection conn = connect(superuser_conninfo);
    PQclear(exec(conn.get(), std::string(sql::ensure_roles).c_str()));
    PGresult* found = exec(conn.get(), "SELECT 1 FROM pg_database WHERE datname = 'agenthq'");
    const bool exists = PQntuples(found) > 0;
    PQclear(found);
    // CREATE DATABASE cannot run inside the DO block's transaction, hence the separate check.
    PQclear(exec(conn.get(), exists ? "ALTER DATABASE agenthq OWNER TO agenthq_owner"
                                    : "CREATE DATABASE agenthq OWNER agenthq_owner"));
  }

  void stop() noexcept {
    try {
      if (running) {
        running = false;
        RunResult r = postmaster_running()
                          ? pg_ctl({"stop", "-D", pgdata.string(), "-m", "fast", "-w", "-t", "60", "-s"})
                          : RunResult{1, "not running"};
        if (!postmaster_running()) {
          // pg_ctl also fails when the server died on its own meanwhile: nothing is left to stop then.
          if (r.exit_code != 0)
            util::log::warn("embedded PostgreSQL: the server on {} was not running", pgdata.string());
        } else {
          util::log::warn("embedded PostgreSQL: fast shutdown failed ({}); shutting down immediately",
                       r.stderr_text);
          r = pg_ctl({"stop", "-D", pgdata.string(), "-m", "immediate", "-w", "-s"});
          if (r.exit_code != 0) util::log::error("embedded PostgreSQL: shutdown failed: {}", r.stderr_text);
        }
      }
      if (private_socket_dir) {
        private_socket_dir = false;
        std::error_code ec;
        fs::remove_all(socket_dir, ec);
      }
    } catch (const std::exception& e) {
      util::log::error("embedded PostgreSQL: stopping: {}", e.what());
    }
  }
};

std::unique_ptr<EmbeddedCluster> EmbeddedCluster::start(const fs::path& data_dir_arg) {
  const fs::path newest_bin = find_bin_dir();  // fails before anything is created when PostgreSQL is missing
  create_data_dir(data_dir_arg);
  const fs::path data_dir = fs::canonical(data_dir_arg);

  // Owned from the start, so whatever a failure leaves behind (a server, a socket directory) is cleaned up.
  std::unique_ptr<EmbeddedCluster> cluster(new EmbeddedCluster(std::make_unique<State>()));
  State& s = *cluster->s_;
  s.cluster_dir = locate_cluster(data_dir, default_db_user());
  s.pgdata = s.cluster_dir / "data";
  s.log_file = s.cluster_dir / "postgres.log";
  if (s.cluster_dir.string().find_first_of("\"$`\\") != std::string::npos)
    fail("unsupported character in " + s.cluster_dir.string() + " (pg_ctl passes it through a shell)");
  const bool existing = fs::exists(s.pgdata / "PG_VERSION");
  s.bin_dir = existing ? find_bin_dir(trim(read_file(s.pgdata / "PG_VERSION"))) : newest_bin;
  s.user = existing && ::geteuid() == 0 ? owner_of(s.pgdata) : default_db_user();
  make_private_dir(s.cluster_dir, s.user);
  s.init_if_missing();
  s.pgdata = fs::canonical(s.pgdata);  // compared with /proc/<pid>/cwd, which is always canonical
  s.choose_socket_dir();
  s.superuser_conninfo = conninfo(s.socket_dir, "postgres", "postgres");
  s.admin_conninfo = conninfo(s.socket_dir, "agenthq_owner", "agenthq");
  s.app_conninfo = conninfo(s.socket_dir, "agenthq_app", "agenthq");
  util::log::info("embedded PostgreSQL: cluster {} ({}), running as {}, socket in {}", s.cluster_dir.string(),
               s.bin_dir.string(), s.user.name, s.socket_dir.string());
  s.launch();
  s.ensure_roles_and_database();
  return cluster;
}

EmbeddedCluster::EmbeddedCluster(std::unique_ptr<State> state) : s_(std::move(state)) {}
EmbeddedCluster::~EmbeddedCluster() { stop(); }
void EmbeddedCluster::stop() noexcept { s_->stop(); }
const std::string& EmbeddedCluster::admin_conninfo() const { return s_->admin_conninfo; }
const std::string& EmbeddedCluster::app_conninfo() const { return s_->app_conninfo; }
const fs::path& EmbeddedCluster::socket_dir() const { return s_->socket_dir; }

}  // namespace agenthq::embedded_pg
