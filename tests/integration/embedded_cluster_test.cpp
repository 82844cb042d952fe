// The embedded PostgreSQL and the data directory lock, against real server binaries. These tests start
// their own clusters and need no AGENTHQ_TEST_PG. As root they also cover running the database as an
// unprivileged user and the /var/lib/agenthq fallback.
#include "embedded_pg/embedded_cluster.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>

#include "app/data_dir_lock.hpp"

namespace {

namespace fs = std::filesystem;
using agenthq::app::DataDirLock;
using agenthq::embedded_pg::EmbeddedCluster;
using testing::HasSubstr;

// A scratch directory under /tmp, removed with everything in it. Searchable by others (0711) by
// default, so that as root the database user can reach clusters created inside it.
class TempDir {
 public:
  explicit TempDir(mode_t mode = 0711) {
    char tmpl[] = "/tmp/agenthq-ec-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
    ::chmod(tmpl, mode);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Cleanup {
  std::function<void()> fn;
  ~Cleanup() { fn(); }
};

struct QueryResult {
  bool ok = false;
  std::string value;  // first column of the first row
  std::string error;
};

QueryResult query(const std::string& conninfo, const std::string& sql) {
  QueryResult out;
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    out.error = PQerrorMessage(conn);
    PQfinish(conn);
    return out;
  }
  PGresult* result = PQexec(conn, sql.c_str());
  const auto status = PQresultStatus(result);
  out.ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
  if (!out.ok) out.error = PQerrorMessage(conn);
  if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) out.value = PQgetvalue(result, 0, 0);
  PQclear(result);
  PQfinish(conn);
  return out;
}

std::string value(const std::string& conninfo, const std::string& sql) {
  QueryResult r = query(conninfo, sql);
  EXPECT_TRUE(r.ok) << sql << ": " << r.error;
  return r.value;
}

std::string superuser_conninfo(const EmbeddedCluster& cluster) {
  return "host=" + cluster.socket_dir().string() + " port=5432 user=postgres dbname=postgres";
}

pid_t read_pid(const fs::path& pid_file) {
  std::ifstream in(pid_file);
  pid_t pid = 0;
  in >> pid;
  return pid;
}

pid_t postmaster_pid(const EmbeddedCluster& cluster) {
  return read_pid(fs::path(value(superuser_conninfo(cluster), "SHOW data_directory")) / "postmaster.pid");
}

std::string read_trimmed(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

// Runs fn in a forked child and returns what it reported (or what it threw): flock conflicts and
// crashed hubs are about other processes.
std::string in_child(const std::function<std::string()>& fn) {
  int fds[2];
  // O_CLOEXEC: a postmaster started in the child must not hold the write end open after it exits.
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    std::string report;
    try {
      report = fn();
    } catch (const std::exception& e) {
      report = std::string("threw: ") + e.what();
    }
    (void)!::write(fds[1], report.data(), report.size());
    ::_exit(0);  // no destructors, no gtest teardown in the child
  }
  ::close(fds[1]);
  std::string report;
  char buf[512];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) report.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  ::waitpid(pid, nullptr, 0);
  return report;
}

TEST(EmbeddedCluster, FirstStartCreatesTheClusterAndServesBothRoles) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  auto cluster = EmbeddedCluster::start(data);

  EXPECT_TRUE(fs::exists(data / "pg" / "data" / "PG_VERSION"));
  EXPECT_EQ(cluster->socket_dir(), fs::canonical(data / "pg"));
  EXPECT_EQ(value(cluster->app_conninfo(), "SELECT 1"), "1");
  EXPECT_EQ(value(cluster->admin_conninfo(), "SELECT 1"), "1");
  EXPECT_EQ(value(cluster->app_conninfo(), "SELECT current_user || '@' || current_database()"),
            "agenthq_app@agenthq");
  EXPECT_EQ(value(cluster->admin_conninfo(), "SELECT current_user || '@' || current_database()"),
            "agenthq_owner@agenthq");
  EXPECT_EQ(value(cluster->app_conninfo(), "SHOW listen_addresses"), "");  // no TCP at all

  // Trust authentication is only safe because nobody but the database user and root can get in here.
  struct stat st {};
  ASSERT_EQ(::stat(cluster->socket_dir().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  if (::geteuid() == 0)
    EXPECT_NE(st.st_uid, 0u) << "as root the cluster must belong to an unprivileged user";
  else
    EXPECT_EQ(st.st_uid, ::geteuid());
}

TEST(EmbeddedCluster, RolesAreNeitherSuperuserNorAbleToCreateDatabases) {
  TempDir tmp;
  auto cluster = EmbeddedCluster::start(tmp.path() / "hub");
  const std::string attrs =
      "SELECT rolsuper::text || rolbypassrls::text || rolcreatedb::text FROM pg_roles "
      "WHERE rolname = current_user";

  EXPECT_EQ(value(cluster->app_conninfo(), attrs), "falsefalsefalse");
  EXPECT_EQ(value(cluster->admin_conninfo(), attrs), "falsefalsefalse");
  QueryResult create = query(cluster->app_conninfo(), "CREATE DATABASE intruder");
  EXPECT_FALSE(create.ok);
  EXPECT_THAT(create.error, HasSubstr("permission denied"));
  EXPECT_EQ(value(cluster->app_conninfo(),
                  "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"),
            "agenthq_owner");
}

TEST(EmbeddedCluster, StopThenStartReusesTheCluster) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  auto cluster = EmbeddedCluster::start(data);
  const std::string system_id =
      value(superuser_conninfo(*cluster), "SELECT system_identifier FROM pg_control_system()");
  value(cluster->admin_conninfo(), "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");

  cluster->stop();
  cluster->stop();  // idempotent
  EXPECT_FALSE(query(cluster->app_conninfo(), "SELECT 1").ok) << "the server should be down";
  cluster.reset();

  cluster = EmbeddedCluster::start(data);
  EXPECT_EQ(value(superuser_conninfo(*cluster), "SELECT system_identifier FROM pg_control_system()"),
            system_id)
      << "a second start must not initdb again";
  EXPECT_EQ(value(cluster->admin_conninfo(), "SELECT body FROM notes"), "kept");
}

TEST(EmbeddedCluster, StartRecoversAfterThePostmasterIsKilled) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  auto killed = EmbeddedCluster::start(data);
  value(killed->admin_conninfo(), "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('committed')");
  const pid_t postmaster = postmaster_pid(*killed);
  ASSERT_GT(postmaster, 0);
  ASSERT_EQ(::kill(postmaster, SIGKILL), 0);

  // Right away: start() must wait out the dying server's pid and children, then recover from the WAL.
  auto cluster = EmbeddedCluster::start(data);
  EXPECT_EQ(value(cluster->admin_conninfo(), "SELECT body FROM notes"), "committed");
  EXPECT_NE(postmaster_pid(*cluster), postmaster);
  cluster.reset();
  killed.reset();  // its server is long gone: stop() only logs that
}

TEST(EmbeddedCluster, StartRestartsAServerLeftByACrashedHub) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  // A hub that dies without stopping its cluster leaves the postmaster running.
  ASSERT_EQ(in_child([&] {
              EmbeddedCluster::start(data).release();
              return std::string("started");
            }),
            "started");
  const pid_t orphan = read_pid(data / "pg" / "data" / "postmaster.pid");
  ASSERT_GT(orphan, 0);

  auto cluster = EmbeddedCluster::start(data);
  EXPECT_EQ(value(cluster->app_conninfo(), "SELECT 1"), "1");
  EXPECT_NE(postmaster_pid(*cluster), orphan);
}

TEST(EmbeddedCluster, LongDataDirGetsAPrivateShortSocketDir) {
  TempDir tmp;
  const fs::path data = tmp.path() / std::string(90, 'd');  // too long for a sockaddr_un path
  auto cluster = EmbeddedCluster::start(data);
  const fs::path socket_dir = cluster->socket_dir();

  EXPECT_TRUE(socket_dir.string().starts_with("/tmp/agenthq-pg-")) << socket_dir;
  EXPECT_EQ(value(cluster->app_conninfo(), "SELECT 1"), "1");
  cluster->stop();
  EXPECT_FALSE(fs::exists(socket_dir));
}

TEST(EmbeddedCluster, UnreachableDataDirUsesVarLibFallbackAsRoot) {
  TempDir parent(0700);  // as root: the database user cannot pass through it
  const fs::path data = parent.path() / "hub";
  const fs::path fallback_parent = "/var/lib/agenthq", fallback_root = "/var/lib/agenthq/clusters";
  const bool had_parent = fs::exists(fallback_parent), had_root = fs::exists(fallback_root);
  Cleanup cleanup{[&] {
    std::error_code ec;
    const fs::path recorded = read_trimmed(data / "pg-location");
    if (recorded.parent_path() == fallback_root) fs::remove_all(recorded, ec);
    if (!had_root) fs::remove(fallback_root, ec);
    if (!had_parent) fs::remove(fallback_parent, ec);
  }};

  auto cluster = EmbeddedCluster::start(data);
  EXPECT_EQ(value(cluster->app_conninfo(), "SELECT 1"), "1");

  if (::geteuid() == 0) {
    ASSERT_TRUE(fs::exists(data / "pg-location"));
    const fs::path recorded = read_trimmed(data / "pg-location");
    EXPECT_EQ(recorded.parent_path(), fallback_root);
    EXPECT_EQ(recorded.filename().string().size(), 16u);
    EXPECT_EQ(cluster->socket_dir(), recorded);
    EXPECT_FALSE(fs::exists(data / "pg"));

    value(cluster->admin_conninfo(), "CREATE TABLE notes (body text)");
    cluster.reset();
    cluster = EmbeddedCluster::start(data);  // found again through pg-location
    EXPECT_EQ(cluster->socket_dir(), recorded);
    EXPECT_EQ(value(cluster->admin_conninfo(), "SELECT count(*) FROM notes"), "0");
  } else {
    // Not root: the database runs as us, and we can always reach our own directory.
    EXPECT_FALSE(fs::exists(data / "pg-location"));
    EXPECT_EQ(cluster->socket_dir(), fs::canonical(data / "pg"));
  }
  cluster.reset();
}

TEST(EmbeddedCluster, ExistingClusterThatBecameUnreachableIsNotReplacedAsRoot) {
  TempDir parent;
  const fs::path data = parent.path() / "hub";
  EmbeddedCluster::start(data).reset();
  ::chmod(parent.path().c_str(), 0700);

  if (::geteuid() == 0) {
    // Silently moving to /var/lib/agenthq would start an empty database next to the real one.
    try {
      EmbeddedCluster::start(data);
      ADD_FAILURE() << "start succeeded although the database user cannot reach the cluster";
    } catch (const std::runtime_error& e) {
      EXPECT_THAT(e.what(), HasSubstr("cannot reach the existing cluster"));
    }
    EXPECT_FALSE(fs::exists(data / "pg-location"));
  } else {
    EXPECT_EQ(value(EmbeddedCluster::start(data)->app_conninfo(), "SELECT 1"), "1");
  }
}

TEST(EmbeddedCluster, InitdbFailureReportsItsStderr) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  fs::create_directories(data / "pg" / "data");
  std::ofstream(data / "pg" / "data" / "stray") << "not a cluster\n";
  try {
    EmbeddedCluster::start(data);
    ADD_FAILURE() << "start succeeded on a non-empty data directory";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("initdb failed"));
    EXPECT_THAT(e.what(), HasSubstr("not empty"));
  }
}

TEST(EmbeddedCluster, StartFailureReportsTheServerLog) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  EmbeddedCluster::start(data).reset();
  std::ofstream(data / "pg" / "data" / "postgresql.conf", std::ios::app) << "bogus_setting = 1\n";
  try {
    EmbeddedCluster::start(data);
    ADD_FAILURE() << "start succeeded with a broken configuration";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("did not start"));
    EXPECT_THAT(e.what(), HasSubstr("bogus_setting"));  // from the tail of postgres.log
  }
}

TEST(DataDirLock, SecondAcquireFailsInThisAndAnotherProcess) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  auto lock = DataDirLock::acquire(data);
  ASSERT_TRUE(fs::is_directory(data));
  const std::string expected = "another agenthq serve is already using data directory " +
                               fs::canonical(data).string() + " (pid " + std::to_string(::getpid()) + ")";

  // flock conflicts between two open file descriptions even within one process.
  try {
    DataDirLock::acquire(data);
    ADD_FAILURE() << "second acquire in the same process succeeded";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), expected);
  }
  auto try_acquire = [&] {
    DataDirLock::acquire(data);
    return std::string("acquired");
  };
  EXPECT_EQ(in_child(try_acquire), "threw: " + expected);

  DataDirLock moved = std::move(lock);  // the lock moves with the object
  EXPECT_EQ(in_child(try_acquire), "threw: " + expected);
  { DataDirLock released = std::move(moved); }
  EXPECT_EQ(in_child(try_acquire), "acquired");
}

TEST(DataDirLock, ThePostmasterDoesNotInheritTheLock) {
  TempDir tmp;
  const fs::path data = tmp.path() / "hub";
  auto lock = std::make_unique<DataDirLock>(DataDirLock::acquire(data));
  auto cluster = EmbeddedCluster::start(data);
  lock.reset();
  // The postmaster outlives a crashed hub; had it inherited the descriptor, the next hub would be locked out.
  EXPECT_EQ(in_child([&] {
              DataDirLock::acquire(data);
              return std::string("acquired");
            }),
            "acquired");
}

TEST(DataDirLock, CreatesAPrivateDataDir) {
  TempDir tmp;
  const fs::path data = tmp.path() / "new" / "hub";
  auto lock = DataDirLock::acquire(data);
  struct stat st {};
  ASSERT_EQ(::stat(data.c_str(), &st), 0);
  // As root, search-only for others so the unprivileged database user can reach <data_dir>/pg.
  EXPECT_EQ(st.st_mode & 0777, ::geteuid() == 0 ? 0711u : 0700u);
  EXPECT_EQ(lock.data_dir(), fs::canonical(data));
  EXPECT_EQ(read_trimmed(data / "agenthq.lock"), std::to_string(::getpid()));
}

}  // namespace
