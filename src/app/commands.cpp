#include "app/commands.hpp"

#include <boost/asio.hpp>
#include <iostream>

#include "app/database_target.hpp"
#include "app/demo_credentials.hpp"
#include "auth/api_key_cache.hpp"
#include "auth/jwt.hpp"
#include "db/conninfo.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "verticals/real_estate/demo_data.hpp"
#include "verticals/real_estate/rollup.hpp"

namespace agenthq::app {

int migrate(const Config& config, const std::string& action) {
  DatabaseTarget target = open_database(config);
  db::Migrator migrator(target.admin_conninfo, target.app_role);
  if (action == "up") {
    auto applied = migrator.up();
    if (applied.empty()) std::cout << "Already up to date.\n";
    for (const auto& name : applied) std::cout << "applied  " << name << "\n";
  } else if (action == "rollback") {
    auto reverted = migrator.rollback();
    if (reverted.empty()) std::cout << "Nothing to roll back.\n";
    for (const auto& name : reverted) std::cout << "reverted " << name << "\n";
  } else {
    for (const auto& m : migrator.status())
      std::cout << (m.applied ? "applied  " : "pending  ") << m.name
                << (m.applied ? "  (batch " + std::to_string(m.batch) + ")" : "") << "\n";
  }
  return 0;
}

int seed(Config config) {
  namespace asio = boost::asio;
  resolve_secrets(config);
  DatabaseTarget target = open_database(config);
  db::Migrator(target.admin_conninfo, target.app_role).up();
  asio::io_context ioc{1};
  asio::thread_pool workers(2);
  db::Database database(db::with_session_settings(target.app_conninfo), 2, std::chrono::seconds(10));
  const auth::JwtCodec jwt(config.jwt_secret);
  auth::ApiKeyCache key_cache;
  realtime::EventBus events(ioc, database);
  hub::Services services{config.hub, database, jwt, key_cache, workers, events};
  auto future =
      asio::co_spawn(ioc, verticals::real_estate::seed_demo_with_real_estate(services), asio::use_future);
  ioc.run();
  if (auto creds = future.get()) {
    save_demo_credentials(config, *creds);
    std::cout << "Demo organisation created.\n";
  } else {
    std::cout << "Demo organisation already exists.\n";
  }
  print_demo_credentials(config);
  return 0;
}

int re_rollup(Config config, const std::optional<std::string>& org_id) {
  namespace asio = boost::asio;
  DatabaseTarget target = open_database(config);
  db::Migrator(target.admin_conninfo, target.app_role).up();
  asio::io_context ioc{1};
  db::Database owner_db(db::with_session_settings(target.admin_conninfo), 1, std::chrono::seconds(10));
  db::Database app_db(db::with_session_settings(target.app_conninfo), 1, std::chrono::seconds(10));
  auto future =
      asio::co_spawn(ioc, verticals::real_estate::rollup_orgs(owner_db, app_db, org_id), asio::use_future);
  ioc.run();
  const auto done = future.get();
  if (org_id && done.empty()) {
    std::cerr << "agenthq: no organisation with id " << *org_id << "\n";
    return 1;
  }
  std::int64_t rows = 0;
  for (const auto& r : done) {
    std::cout << "rolled up  " << r.org_id << "  (" << r.rows << " metric rows)\n";
    rows += r.rows;
  }
  std::cout << "Real-estate metrics rebuilt for " << done.size() << " organisation(s), " << rows
            << " rows.\n";
  return 0;
}

}  // namespace agenthq::app
