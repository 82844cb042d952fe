#include "db/statement_log.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace agenthq::db {

void log_statements(const std::vector<Statement>& statements) {
  if (!spdlog::should_log(spdlog::level::trace)) return;
  for (const auto& st : statements) {
    boost::json::array params;
    for (const auto& p : st.params) params.emplace_back(p ? boost::json::value(*p) : boost::json::value(nullptr));
    spdlog::trace(R"("msg":"sql","sql":{},"params":{})", boost::json::serialize(boost::json::value(st.sql)),
                  boost::json::serialize(params));
  }
}

}  // namespace agenthq::db
