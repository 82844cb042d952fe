// The one audit writer and the one paged-list builder, through the stores that use them.
#include <boost/json.hpp>

#include "hub/activity/activity_store.hpp"
#include "hub/agents/agent_store.hpp"
#include "hub/accounts/account_store.hpp"
#include "store_fixture.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class AuditAndPaging : public StoreTest {};

TEST_F(AuditAndPaging, AnEntryPerChangedRowAndNoneForARefusedChange) {
  const auto owner = new_owner("audit");
  hub::AccountStore accounts(db(), std::chrono::seconds(300));
  hub::NewAgent a;
  a.org_id = owner.org_id;
  a.name = "writer";
  a.api_key_hash = "x";
  a.api_key_prefix = "ahq_store_" + random_suffix(6);
  a.owner_user_id = owner.id;
  const auto registered = hub::audit_by(owner, "agent.registered", "agent", "", "10.0.0.1");
  const auto agent = run(accounts.create_agent(a, registered));
  const std::string agent_id(agent.at("id").as_string());

  hub::AgentStore agents(db(), std::chrono::seconds(300));
  hub::AgentChanges rename;
  rename.name = "renamed";
  const auto updated = hub::audit_by(owner, "agent.updated", "agent", "", "10.0.0.2", json::object{{"fields", json::array{"name"}}});
  EXPECT_EQ(run(agents.update(owner, agent_id, rename, updated)).outcome, hub::AgentWrite::done);
  // Another org's owner cannot see the agent: no change, and no entry either.
  const auto stranger = new_owner("stranger");
  const auto refused = hub::audit_by(stranger, "agent.updated", "agent", "", "10.0.0.3");
  EXPECT_EQ(run(agents.update(stranger, agent_id, rename, refused)).outcome, hub::AgentWrite::not_found);

  auto rows = superuser().query(
      "SELECT id, action, actor_id, resource_id, details::text, ip_address FROM activity_log "
      "WHERE action LIKE 'agent.%' ORDER BY created_at, id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], registered.id);  // the entry keeps the id it was announced with
  EXPECT_EQ(rows[0][1], "agent.registered");
  EXPECT_EQ(rows[0][3], agent_id);
  EXPECT_EQ(rows[1][0], updated.id);
  EXPECT_EQ(rows[1][2], owner.id);
  EXPECT_EQ(rows[1][3], agent_id);  // resource id from the changed row, not from the entry
  EXPECT_EQ(rows[1][4], R"({"fields": ["name"]})");
  EXPECT_EQ(rows[1][5], "10.0.0.2");
}

TEST_F(AuditAndPaging, CountAndPageShareTheirFilters) {
  const auto owner = new_owner("paging");
  hub::ActivityStore activity(db());
  for (int i = 0; i < 5; ++i)
    run(activity.append(hub::audit_by(owner, i % 2 ? "custom.odd" : "custom.even", "thing", std::to_string(i), "")));
  hub::ActivityFilter even;
  even.action = "custom.even";
  auto page = run(activity.list(owner.org_id, even, 2, 0));
  EXPECT_EQ(page.total, 3);  // the count ignores limit and offset, not the filter
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].at("resource_id"), "4");  // newest first
  EXPECT_EQ(page.items[1].at("resource_id"), "2");
  auto rest = run(activity.list(owner.org_id, even, 2, 2));
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].at("resource_id"), "0");
  // Another tenant's filter matches nothing of this one (org_id and row-level security).
  const auto other = new_owner("paging-other");
  EXPECT_EQ(run(activity.list(other.org_id, even, 10, 0)).total, 0);
}

}  // namespace
}  // namespace agenthq::test
