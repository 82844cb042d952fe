#include "db/embedded_cluster.hpp"

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

namespace agenthq::db {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPort = "5432";
constexpr const char* kSocketFile = ".s.PGSQL.5432";
constexpr const char* kPgRoot = "/usr/lib/postgresql";
const fs::path kFallbackParent = "/var/lib/agenthq";
const fs::path kFallbackRoot = "/var/lib/agenthq/clusters";

bool is_number(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

[[noreturn]] void fail(const std::string& message) {
  throw std::runtime_error("embedded PostgreSQL: " + message);
}

std::string trim(std::string s) {
  const char* space = " \t\r\n";
  s.erase(s.find_last_not_of(space) + 1);
  s.erase(0, std::min(s.find_first_not_of(space), s.size()));
  return s;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// ---- server binaries ------------------------------------------------------------------------------

bool has_server_binaries(const fs::path& bin) {
  for (const char* tool : {"initdb", "pg_ctl", "postgres"})
    if (::access((bin / tool).c_str(), X_OK) != 0) return false;
  return true;
}

// Debian installs major versions side by side. A new cluster takes the newest; an existing one needs the
// major that created it, because the data files are not compatible across majors.
fs::path find_bin_dir(const std::string& required_major = "") {
  if (!required_major.empty()) {
    fs::path bin = fs::path(kPgRoot) / required_major / "bin";
    if (has_server_binaries(bin)) return bin;
    fail("the cluster was created by PostgreSQL " + required_major + " but " + bin.string() +
         " has no server binaries: install postgresql-" + required_major);
  }
  int best = -1;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kPgRoot, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_number(name) || name.size() > 4) continue;
    if (std::stoi(name) > best && has_server_binaries(entry.path() / "bin")) best = std::stoi(name);
  }
  if (best < 0)
    fail(std::string("server binaries (initdb, pg_ctl, postgres) not found in ") + kPgRoot +
         "/*/bin: install postgresql-15");
  return fs::path(kPgRoot) / std::to_string(best) / "bin";
}

// ---- the database user ----------------------------------------------------------------------------

struct DbUser {
  bool switch_user = false;  // false: run as ourselves
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;  // resolved here: initgroups() is not safe between fork and exec
  std::string name;
};

DbUser to_db_user(const passwd& pw) {
  DbUser user{true, pw.pw_uid, pw.pw_gid, {}, pw.pw_name};
  int count = 16;
  for (;;) {
    user.groups.resize(count);
    int capacity = count;
    if (::getgrouplist(pw.pw_name, pw.pw_gid, user.groups.data(), &count) >= 0) break;
    count = std::max(count, capacity * 2);
  }
  user.groups.resize(count);
  return user;
}

std::optional<DbUser> user_named(const std::string& name) {
  passwd pw{};
  passwd* found = nullptr;
  std::vector<char> buf(16384);
  if (::getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &found) != 0 || !found) return std::nullopt;
  return to_db_user(pw);
}

std::optional<DbUser> user_with_uid(uid_t uid) {
  passwd pw{};
  passwd* found = nullptr;
  std::vector<char> buf(16384);
  if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) != 0 || !found) return std::nullopt;
  return to_db_user(pw);
}

// PostgreSQL refuses to run as root, so as root a new cluster belongs to an unprivileged user.
DbUser default_db_user() {
  if (::geteuid() != 0) {
    auto me = user_with_uid(::geteuid());
    return DbUser{false, ::geteuid(), ::getegid(), {}, me ? me->name : std::to_string(::geteuid())};
  }
  for (const char* name : {"postgres", "nobody"})
    if (auto user = user_named(name)) return *user;
  fail("running as root, but there is neither a postgres nor a nobody user to run the database as");
}

// An existing cluster keeps running as whoever owns its files, even if that is not today's default.
DbUser owner_of(const fs::path& pgdata) {
  struct stat st {};
  if (::stat(pgdata.c_str(), &st) != 0) fail("cannot stat " + pgdata.string() + ": " + std::strerror(errno));
  if (st.st_uid == 0)
    fail(pgdata.string() +
         " belongs to root, and PostgreSQL refuses to run as root: chown -R it to postgres");
  if (auto user = user_with_uid(st.st_uid)) return *user;
  return DbUser{true, st.st_uid, st.st_gid, {st.st_gid}, std::to_string(st.st_uid)};
}

// ---- running programs as the database user --------------------------------------------------------

// Called in a freshly forked child, so only async-signal-safe calls: another thread of the parent may
// have held a lock (malloc, NSS) at fork time.
bool become(const DbUser& user) {
  if (!user.switch_user) return true;
  return ::setgroups(user.groups.size(), user.groups.data()) == 0 && ::setgid(user.gid) == 0 &&
         ::setuid(user.uid) == 0;
}

void child_fail(const char* message) {
  (void)!::write(STDERR_FILENO, message, std::strlen(message));
  ::_exit(127);
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct RunResult {
  int exit_code;
  std::string stderr_text;
};

// fork + drop privileges + exec, no shell in between; stdout is discarded, stderr captured for errors.
RunResult run_as(const DbUser& user, const fs::path& cwd, const fs::path& program,
                 const std::vector<std::string>& args) {
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  // A fixed environment: the caller's PGDATA, PGOPTIONS, PGPORT... must not steer our cluster.
  std::string path_env = "PATH=/usr/sbin:/usr/bin:/sbin:/bin", locale_env = "LC_ALL=C.UTF-8";
  char* envp[] = {path_env.data(), locale_env.data(), nullptr};

  int err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) fail(std::string("pipe: ") + std::strerror(errno));
  const int dev_null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(dev_null, STDIN_FILENO);
    ::dup2(dev_null, STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    // The postmaster outlives us: it must not inherit our sockets, pipes or the data directory lock.
    ::close_range(3, ~0U, 0);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (!become(user)) child_fail("cannot switch to the database user\n");
    if (::chdir(cwd.c_str()) != 0) child_fail("cannot enter the cluster directory\n");
    ::umask(077);
    ::execve(argv[0], argv.data(), envp);
    child_fail("cannot execute the program\n");
  }
  const int fork_errno = errno;
  ::close(err_pipe[1]);
  if (dev_null >= 0) ::close(dev_null);
  if (pid < 0) {
    ::close(err_pipe[0]);
    fail(std::string("fork: ") + std::strerror(fork_errno));
  }
  std::string err;
  char buf[4096];
  for (ssize_t n; (n = ::read(err_pipe[0], buf, sizeof buf)) != 0;) {
    if (n > 0) err.append(buf, static_cast<size_t>(n));
    if (n < 0 && errno != EINTR) break;
  }
  ::close(err_pipe[0]);
  return {wait_exit_code(pid), trim(err)};
}

// Asks the kernel instead of reading mode bits, so ACLs, group membership and every ancestor count.
bool can_search_as(const DbUser& user, const fs::path& dir) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(become(user) && ::access(dir.c_str(), X_OK) == 0 ? 0 : 1);
  if (pid < 0) fail(std::string("fork: ") + std::strerror(errno));
  return wait_exit_code(pid) == 0;
}

// ---- processes on the cluster files ---------------------------------------------------------------

std::optional<pid_t> postmaster_pid(const fs::path& pgdata) {
  std::ifstream in(pgdata / "postmaster.pid");
  long pid = 0;
  if (in >> pid && pid > 0) return static_cast<pid_t>(pid);
  return std::nullopt;
}

// 'R', 'S', 'Z'..., or 0 when there is no such process.
char process_state(pid_t pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  const auto paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() ? stat[paren + 2] : 0;
}

// The postmaster and all its children chdir into PGDATA; that tells our server apart from an unrelated
// process that reused a stale pid.
bool runs_in(pid_t pid, const fs::path& dir) {
  std::error_code ec;
  return fs::read_symlink("/proc/" + std::to_string(pid) + "/cwd", ec) == dir && !ec;
}

std::vector<pid_t> postgres_processes_in(const fs::path& dir) {
  std::vector<pid_t> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_number(name)) continue;
    const pid_t pid = std::stoi(name);
    std::error_code exe_ec;
    const std::string exe = fs::read_symlink(entry.path() / "exe", exe_ec).filename().string();
    if (!exe_ec && exe.starts_with("postgres") && runs_in(pid, dir)) found.push_back(pid);
  }
  return found;
}

// ---- where the cluster lives ----------------------------------------------------------------------

std::string sha256_hex16(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    fail("SHA-256 failed");
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) out += {hex[digest[i] >> 4], hex[digest[i] & 15]};
  return out;
}

// As root the database user must pass through data_dir and all its ancestors to reach <data_dir>/pg.
// When it cannot (a checkout under /root, mode 0700), the cluster moves to /var/lib/agenthq, and
// pg-location remembers that so later starts (and a later chmod) do not strand the data.
fs::path locate_cluster(const fs::path& data_dir, const DbUser& new_cluster_user) {
  const fs::path record = data_dir / "pg-location";
  if (fs::exists(record)) {
    const fs::path recorded = trim(read_file(record));
    if (!recorded.is_absolute()) fail(record.string() + " does not hold an absolute path");
    return recorded;
  }
  const fs::path local = data_dir / "pg";
  if (::geteuid() != 0) return local;
  const bool existing = fs::exists(local / "data" / "PG_VERSION");
  const DbUser user = existing ? owner_of(local / "data") : new_cluster_user;
  if (can_search_as(user, data_dir)) return local;
  if (existing)
    fail("user " + user.name + " cannot reach the existing cluster in " + local.string() +
         ": make the directories above it searchable (chmod o+x)");

  const fs::path fallback = kFallbackRoot / sha256_hex16(data_dir.string());
  for (const fs::path& dir : {kFallbackParent, kFallbackRoot})
    if (fs::create_directory(dir)) fs::permissions(dir, fs::perms(0755), fs::perm_options::replace);
  if (!can_search_as(user, kFallbackRoot))
    fail("user " + user.name + " can reach neither " + data_dir.string() + " nor " + kFallbackRoot.string());
  std::ofstream(record) << fallback.string() << "\n";
  if (trim(read_file(record)) != fallback.string()) fail("cannot write " + record.string());
  util::log::info("embedded PostgreSQL: user {} cannot reach {}; the cluster lives in {} (recorded in {})",
               user.name, data_dir.string(), fallback.string(), record.string());
  return fallback;
}

// Same policy as app::DataDirLock, for callers that start the cluster on a directory it did not create.
void create_data_dir(const fs::path& dir) {
  if (fs::exists(dir)) return;
  fs::create_directories(dir);
  fs::permissions(dir, ::geteuid() == 0 ? fs::perms(0711) : fs::perms(0700), fs::perm_options::replace);
}

// Only the database user (and root) may enter: the socket lives here and trust authentication relies on it.
void make_private_dir(const fs::path& dir, const DbUser& user) {
  fs::create_directory(dir);
  if (user.switch_user && ::chown(dir.c_str(), user.uid, user.gid) != 0)
    fail("cannot chown " + dir.string() + " to " + user.name + ": " + std::strerror(errno));
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

// A socket path must fit sockaddr_un, and the directory travels through pg_ctl's shell command line.
bool usable_socket_dir(const fs::path& dir) {
  const std::string path = dir.string();
  if (path.size() + 1 + std::strlen(kSocketFile) >= sizeof(sockaddr_un::sun_path)) return false;
  return std::all_of(path.begin(), path.end(),
                     [](unsigned char c) { return std::isalnum(c) || std::strchr("/._+-", c); });
}

std::string log_tail(const fs::path& log_file, size_t max_lines) {
  std::ifstream in(log_file, std::ios::binary | std::ios::ate);
  if (!in) return "(no log file " + log_file.string() + ")";
  const std::streamoff size = in.tellg();
  const std::streamoff from = std::max<std::streamoff>(0, size - 8192);
  in.seekg(from);
  std::string text(static_cast<size_t>(size - from), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text = trim(text);
  size_t start = text.size(), lines = 0;
  while (start > 0 && lines < max_lines)
    if (text[--start] == '\n') ++lines;
  return text.substr(start == 0 ? 0 : start + 1);
}

std::string conninfo(const fs::path& socket_dir, const char* user, const char* dbname) {
  // socket_dir holds no spaces or quotes (usable_socket_dir), so no conninfo quoting is needed.
  return "host=" + socket_dir.string() + " port=" + kPort + " user=" + user + " dbname=" + dbname;
}

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Connection connect(const std::string& info) {
  // pg_ctl -w already waited for "ready"; the retry only covers a slow first accept.
  for (int attempt = 0;; ++attempt) {
    Connection conn(PQconnectdb(info.c_str()), &PQfinish);
    if (PQstatus(conn.get()) == CONNECTION_OK) return conn;
    if (attempt == 50) fail("cannot connect (" + info + "): " + trim(PQerrorMessage(conn.get())));
    std::this_thread::sleep_for(100ms);
  }
}

PGresult* exec(PGconn* conn, const char* sql) {
  PGresult* result = PQexec(conn, sql);
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string error = trim(PQerrorMessage(conn));
    PQclear(result);
    fail("setting up roles and database failed: " + error);
  }
  return result;
}

}  // namespace

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
    PQclear(exec(conn.get(), R"sql(
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agenthq_owner') THEN
          CREATE ROLE agenthq_owner;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agenthq_app') THEN
          CREATE ROLE agenthq_app;
        END IF;
      END $$;
      ALTER ROLE agenthq_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
      ALTER ROLE agenthq_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    )sql"));
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

}  // namespace agenthq::db
