#include "store_fixture.hpp"

#include <chrono>

#include "db/conninfo.hpp"
#include "db/migrator.hpp"
#include "hub/accounts/account_store.hpp"

namespace agenthq::test {

StoreTest::StoreTest() {
  db::Migrator(database_.conninfo(), role_.name()).up();
  superuser_ = std::make_unique<PgConn>(database_.conninfo());
  db_ = std::make_unique<db::Database>(db::with_session_settings(role_.conninfo(database_.conninfo())), 2,
                                       std::chrono::seconds(10));
}

StoreTest::~StoreTest() {
  db_->close_idle();
  db_.reset();
}

auth::Identity StoreTest::new_owner(const std::string& slug) {
  hub::AccountStore accounts(db(), std::chrono::seconds(300));
  hub::NewOrganisation n;
  n.org_name = slug;
  n.org_slug = slug + "-" + random_suffix(6);
  n.email = n.org_slug + "@example.test";
  n.password_hash = "$2b$04$abcdefghijklmnopqrstuuSFCGAquDGeWOIcePyQ8QFyEjsGKd1Jq";  // never checked here
  n.user_name = "Owner";
  auto r = run(accounts.register_organisation(n));
  EXPECT_EQ(r.conflict, hub::RegisterConflict::none);
  return {auth::Identity::Kind::user, std::string(r.user.at("id").as_string()), std::string(r.org.at("id").as_string()),
          "owner"};
}

}  // namespace agenthq::test
