// Turns the statements one request sent (as logged by the hub at LOG_LEVEL=trace) into a
// pgbench script, so the bench can compare the hub with PostgreSQL running exactly that SQL.
// Usage: sql_replay <hub log> [--fresh ID]...   (prints the script of the LAST request)
// Parameters are inlined as quoted literals; each --fresh ID (an id the request minted, e.g.
// the new post's) becomes an expression yielding a new unique id per transaction. Statements
// that only switch the tenant (set_config) are left out: pgbench's role carries app.org_id.
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace json = boost::json;

namespace {
// pgbench reads ":name" as a variable even inside a string literal ('notification:new'), so a
// value with a colon is written as an escape string with the colon as \x3a.
std::string literal(const std::string& v) {
  const bool colon = v.find(':') != std::string::npos;
  std::string out = colon ? "E'" : "'";
  for (char c : v) {
    if (c == '\'') out += "''";
    else if (colon && c == '\\') out += "\\\\";
    else if (colon && c == ':') out += "\\x3a";
    else out += c;
  }
  return out + "'";
}

std::string inline_params(const std::string& sql, const json::array& params, const std::set<std::string>& fresh) {
  std::string out;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      std::size_t j = i + 1;
      while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
      const auto n = std::stoul(sql.substr(i + 1, j - i - 1));
      const auto& p = params.at(n - 1);
      if (p.is_null()) {
        out += "NULL";
      } else {
        const std::string v(p.as_string());
        out += fresh.count(v) ? "(md5(random()::text || clock_timestamp()::text))" : literal(v);
      }
      i = j - 1;
    } else {
      out += sql[i];
    }
  }
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: sql_replay <hub log> [--fresh ID]...\n";
    return 2;
  }
  std::set<std::string> fresh;
  for (int i = 2; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--fresh") fresh.insert(argv[i + 1]);
  std::ifstream in(argv[1]);
  std::vector<std::string> current, last;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() != '{') continue;
    boost::system::error_code ec;
    auto v = json::parse(line, ec);
    if (ec || !v.is_object() || !v.as_object().contains("msg")) continue;
    const auto& msg = v.at("msg");
    if (msg == "request") {
      if (!current.empty()) last = std::move(current);
      current.clear();
    } else if (msg == "sql") {
      const std::string sql(v.at("sql").as_string());
      if (sql.find("set_config('app.org_id'") != std::string::npos) continue;
      current.push_back(inline_params(sql, v.at("params").as_array(), fresh) + ";");
    }
  }
  if (last.empty()) {
    std::cerr << "sql_replay: no request with statements in " << argv[1] << "\n";
    return 1;
  }
  for (const auto& s : last) std::cout << s << "\n";
  return 0;
}
