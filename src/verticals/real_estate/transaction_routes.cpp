#include "verticals/real_estate/transaction_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "verticals/real_estate/re_input.hpp"
#include "verticals/real_estate/transaction_service.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

const std::initializer_list<std::string_view> kTypes = {"buy", "sell", "lease"};
const std::initializer_list<std::string_view> kStatusList = {"prospecting", "listed", "under_contract",
                                                             "pending",     "closed", "cancelled"};

std::optional<std::string> optional_id(const json::object& body, std::string_view name) {
  auto id = read_nullable_id(body, name);
  if (id && !*id)
    throw ApiError::validation(std::string(name) + " must be the id of an agent of this organisation");
  return id ? *id : std::nullopt;
}

// Fields in the contract's declaration order: the first failing one names the error.
NewTransaction read_new(const json::object& body) {
  BodyReader reader(body);
  NewTransaction t;
  t.property_address = reader.required_string("property_address", 1, 500);
  t.type = reader.required_enum("type", kTypes);
  t.mls_number = reader.optional_string("mls_number", 0, 100);
  t.listing_price = read_decimal(body, "listing_price", 0, kMaxMoney);
  t.listing_agent_id = optional_id(body, "listing_agent_id");
  t.buyers_agent_id = optional_id(body, "buyers_agent_id");
  t.client_name = reader.optional_string("client_name", 0, 200);
  t.key_dates = read_key_dates(body, false);
  return t;
}

TransactionChanges read_changes(const json::object& body) {
  BodyReader reader(body);
  TransactionChanges c;
  c.status = reader.optional_enum("status", kStatusList);
  c.sale_price = read_nullable_decimal(body, "sale_price", 0, kMaxMoney);
  c.commission_rate = read_nullable_decimal(body, "commission_rate", 0, 1);
  c.commission_amount = read_nullable_decimal(body, "commission_amount", 0, kMaxMoney);
  if (body.contains("key_dates")) c.key_dates = read_key_dates(body, true);
  c.property_address = reader.optional_string("property_address", 1, 500);
  c.mls_number = reader.nullable_string("mls_number", 100);
  c.client_name = reader.nullable_string("client_name", 200);
  c.listing_price = read_nullable_decimal(body, "listing_price", 0, kMaxMoney);
  c.listing_agent_id = read_nullable_id(body, "listing_agent_id");
  c.buyers_agent_id = read_nullable_id(body, "buyers_agent_id");
  if (!c.status && !c.sale_price && !c.commission_rate && !c.commission_amount && !c.key_dates &&
      !c.property_address && !c.mls_number && !c.client_name && !c.listing_price && !c.listing_agent_id &&
      !c.buyers_agent_id)
    throw ApiError::validation(
        "Provide at least one of status, sale_price, commission_rate, commission_amount, key_dates, "
        "property_address, "
        "mls_number, client_name, listing_price, listing_agent_id, buyers_agent_id");
  return c;
}

json::array changed_fields(const json::object& body) {
  json::array fields;
  for (const char* f :
       {"status", "sale_price", "commission_rate", "commission_amount", "key_dates", "property_address",
        "mls_number", "client_name", "listing_price", "listing_agent_id", "buyers_agent_id"})
    if (body.contains(f)) fields.emplace_back(f);
  return fields;
}

// An empty filter value is no filter; an unknown status or type is a 400 (not an empty page).
std::optional<std::string> enum_filter(const RequestContext& ctx, const std::string& name,
                                       std::initializer_list<std::string_view> allowed) {
  auto v = ctx.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  for (auto a : allowed)
    if (a == *v) return std::string(*v);
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw ApiError::validation(name + " must be one of: " + list);
}

std::optional<std::string> text_filter(const RequestContext& ctx, const std::string& name) {
  auto v = ctx.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  return std::string(*v);
}

}  // namespace

void add_transaction_routes(http::Router& router, hub::Services& s) {
  auto transactions = std::make_shared<TransactionService>(s);

  router.add(verb::post, "/api/v1/re/transactions", Access::authenticated,
             [transactions](RequestContext& ctx) -> asio::awaitable<Response> {
               const NewTransaction t = read_new(ctx.body);
               auto created = co_await transactions->create(ctx.who(), ctx.client_ip, t);
               co_return http::created(created);
             });

  router.add(verb::get, "/api/v1/re/transactions", Access::authenticated,
             [transactions](RequestContext& ctx) -> asio::awaitable<Response> {
               TransactionFilter f;
               f.status = enum_filter(ctx, "status", kStatusList);
               f.type = enum_filter(ctx, "type", kTypes);
               f.listing_agent_id = text_filter(ctx, "listing_agent_id");
               f.buyers_agent_id = text_filter(ctx, "buyers_agent_id");
               const auto p = http::page_request(ctx);
               auto page = co_await transactions->list(ctx.who(), f, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/re/transactions/:id", Access::authenticated,
             [transactions](RequestContext& ctx) -> asio::awaitable<Response> {
               auto t = co_await transactions->find(ctx.who(), ctx.param("id"));
               co_return http::ok(t);
             });

  router.add(verb::patch, "/api/v1/re/transactions/:id", Access::authenticated,
             [transactions](RequestContext& ctx) -> asio::awaitable<Response> {
               const TransactionChanges changes = read_changes(ctx.body);
               json::array fields = changed_fields(ctx.body);
               auto updated =
                   co_await transactions->update(ctx.who(), ctx.client_ip, ctx.param("id"), changes, std::move(fields));
               co_return http::ok(updated);
             });
}

}  // namespace agenthq::verticals::real_estate
