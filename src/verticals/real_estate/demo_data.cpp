#include "verticals/real_estate/demo_data.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "hub/demo/demo_seed.hpp"
#include "util/ulid.hpp"
#include "verticals/real_estate/profile_store.hpp"
#include "verticals/real_estate/rollup.hpp"
#include "verticals/real_estate/transaction_store.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
// Indexes into the demo agents: listing-scout, market-analyst, deal-coordinator.
constexpr int kScout = 0, kAnalyst = 1, kCoordinator = 2, kNobody = -1;

struct DemoProfile {
  const char* role;
  const char* license;
  const char* specializations;  // comma separated
  const char* territories;
};
constexpr DemoProfile kProfiles[] = {
    {"buyers_agent", "SA-0412873", "first-time buyers,condos", "Harbourside,Old Town"},
    {"listing_agent", "BR-0098121", "luxury,waterfront", "Harbourside,Northshore"},
    {"transaction_coordinator", "", "closings,compliance", "Northshore"},
};

// Days are counted back from today; -1 = no such date.
struct DemoDeal {
  const char* address;
  const char* mls;
  const char* type;
  const char* client;
  int listing_agent;
  int buyers_agent;
  const char* listing_price;
  const char* status;                            // final status
  int listed, under_contract, pending, outcome;  // outcome: the closed or cancelled day
  const char* sale_price;
  const char* commission_rate;
};
constexpr DemoDeal kDeals[] = {
    {"42 Harbour View Rd", "MLS-240101", "sell", "The Okafor family", kAnalyst, kScout, "685000", "closed",
     48, 30, 12, 0, "679000", "0.03"},
    {"7 Orchard Lane", "MLS-240102", "sell", "R. Lindqvist", kCoordinator, kNobody, "420000", "closed", 30,
     18, 6, 0, "415500", "0.025"},
    {"18 Lighthouse Point", "MLS-240103", "sell", "Marisol Vega", kAnalyst, kScout, "910000", "closed", 75,
     50, 33, 20, "925000", "0.028"},
    {"3 Cliffside Terrace", "MLS-240104", "sell", "Henrik & Ana Sato", kAnalyst, kNobody, "1250000", "closed",
     100, 70, 58, 45, "1200000", "0.025"},
    {"88 Mill Street, Unit 4", "MLS-240105", "buy", "Priya Raman", kCoordinator, kScout, "350000", "closed",
     130, 100, 90, 75, "352000", "0.03"},
    {"15 Beacon Row", "MLS-240106", "sell", "D. Mwangi", kAnalyst, kNobody, "560000", "cancelled", 50, 30, -1,
     15, nullptr, nullptr},
    {"9 Quay Court", "MLS-240107", "sell", "The Brennans", kAnalyst, kScout, "540000", "pending", 25, 10, 3,
     -1, nullptr, nullptr},
    {"120 Northshore Drive", "MLS-240108", "sell", "Li Wei", kCoordinator, kNobody, "475000",
     "under_contract", 20, 5, -1, -1, nullptr, nullptr},
    {"5 Regatta Mews", "MLS-240109", "sell", "Fatima Al-Sayed", kAnalyst, kNobody, "799000", "listed", 7, -1,
     -1, -1, nullptr, nullptr},
    {"2B Old Town Square", nullptr, "lease", "Jonas Becker", kNobody, kScout, "3200", "prospecting", -1, -1,
     -1, -1, nullptr, nullptr},
};

std::string days_ago(int days) {
  using namespace std::chrono;
  const year_month_day d{floor<std::chrono::days>(system_clock::now()) - std::chrono::days(days)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

std::vector<std::string> split(const char* list) {
  std::vector<std::string> out;
  std::string item;
  for (const char* c = list; *c; ++c) {
    if (*c == ',') {
      out.push_back(std::move(item));
      item.clear();
    } else {
      item += *c;
    }
  }
  if (!item.empty()) out.push_back(std::move(item));
  return out;
}

std::optional<std::string> text_or_null(const char* s) {
  return s ? std::optional<std::string>(s) : std::nullopt;
}

NewTransaction new_deal(const DemoDeal& d, const std::vector<std::string>& agents) {
  NewTransaction t;
  t.property_address = d.address;
  t.type = d.type;
  t.mls_number = text_or_null(d.mls);
  t.listing_price = d.listing_price;
  if (d.listing_agent != kNobody) t.listing_agent_id = agents[d.listing_agent];
  if (d.buyers_agent != kNobody) t.buyers_agent_id = agents[d.buyers_agent];
  t.client_name = d.client;
  const int first = std::max({d.listed, d.under_contract, d.pending, d.outcome}) + 14;
  t.key_dates["prospecting"] = days_ago(first);
  return t;
}

TransactionChanges deal_outcome(const DemoDeal& d) {
  TransactionChanges c;
  c.status = d.status;
  json::object dates;
  if (d.listed >= 0) dates["listed"] = days_ago(d.listed);
  if (d.under_contract >= 0) dates["under_contract"] = days_ago(d.under_contract);
  if (d.pending >= 0) dates["pending"] = days_ago(d.pending);
  if (d.outcome >= 0) dates[d.status] = days_ago(d.outcome);
  c.key_dates = std::move(dates);
  if (d.sale_price) c.sale_price = std::optional<std::string>(d.sale_price);
  if (d.commission_rate) c.commission_rate = std::optional<std::string>(d.commission_rate);
  return c;
}

// Built outside the coroutine: g++ 12 miscompiles brace-initialised aggregates with string
// literals inside coroutine bodies.
auth::Identity owner_identity(std::string_view user_id, const std::string& org_id) {
  return auth::Identity{auth::Identity::Kind::user, std::string(user_id), org_id, "owner"};
}

ProfileInput demo_profile(const DemoProfile& p) {
  return ProfileInput{p.role, *p.license ? std::optional<std::string>(p.license) : std::nullopt,
                      split(p.specializations), split(p.territories)};
}

hub::AuditEntry created_entry(const auth::Identity& owner, const NewTransaction& t) {
  json::object details{{"property_address", t.property_address}, {"type", t.type}};
  return hub::audit_by(owner, "transaction.created", "transaction", util::new_ulid(), "", std::move(details));
}

hub::AuditEntry updated_entry(const auth::Identity& owner, const std::string& id) {
  json::object details{{"fields", json::array{"status", "key_dates", "sale_price", "commission_rate"}}};
  return hub::audit_by(owner, "transaction.updated", "transaction", id, "", std::move(details));
}
}  // namespace

asio::awaitable<void> seed_real_estate_demo(hub::Services& s, const json::object& demo) {
  const std::string org_id(demo.at("org").at("id").as_string());
  std::vector<std::string> agents;
  for (const auto& a : demo.at("agents").as_array()) agents.emplace_back(a.at("id").as_string());
  const db::Scope scope = db::Scope::org(org_id);
  db::Statement owner_query(
      "SELECT id FROM users WHERE org_id = $1 AND role = 'owner' ORDER BY created_at LIMIT 1", {org_id});
  auto owner_row = co_await s.db.query(scope, std::move(owner_query));
  const auth::Identity owner = owner_identity(owner_row.text(0, 0), org_id);

  ProfileStore profiles(s.db);
  for (std::size_t i = 0; i < agents.size() && i < std::size(kProfiles); ++i) {
    const ProfileInput input = demo_profile(kProfiles[i]);
    const hub::AuditEntry audit = hub::audit_by(owner, "re_profile.updated", "re_profile", agents[i], "");
    co_await profiles.save(owner, agents[i], input, audit);
  }

  TransactionStore transactions(s.db);
  for (const DemoDeal& d : kDeals) {
    const NewTransaction t = new_deal(d, agents);
    const hub::AuditEntry created = created_entry(owner, t);
    auto written = co_await transactions.create(org_id, t, created);
    if (std::string_view(d.status) == "prospecting") continue;
    const TransactionChanges changes = deal_outcome(d);
    const std::string id(written.transaction.at("id").as_string());
    const hub::AuditEntry updated = updated_entry(owner, id);
    co_await transactions.update(org_id, id, changes, updated);
  }
  co_await rollup_org(s.db, org_id);
}

asio::awaitable<std::optional<json::object>> seed_demo_with_real_estate(hub::Services& s) {
  auto demo = co_await hub::seed_demo(s);
  if (demo) co_await seed_real_estate_demo(s, *demo);
  co_return demo;
}

}  // namespace agenthq::verticals::real_estate
