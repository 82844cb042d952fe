#include "embedded_pg/bootstrap.hpp"

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

#include "embedded_pg/support.hpp"

namespace agenthq::embedded_pg {
using namespace std::chrono_literals;

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

}  // namespace agenthq::embedded_pg
