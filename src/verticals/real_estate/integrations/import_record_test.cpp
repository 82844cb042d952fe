#include "verticals/real_estate/integrations/import_record.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace agenthq::verticals::real_estate::integrations {
namespace {
namespace json = boost::json;

TEST(ImportRecord, MoneyAcceptsNumbersAndFormattedStringsWithinNumeric12_2) {
  const json::value cases[] = {450000, 450000.5, "450000", "$450,000.00", " 1,234.5 ", 0};
  const char* expected[] = {"450000.00", "450000.50", "450000.00", "450000.00", "1234.50", "0.00"};
  for (std::size_t i = 0; i < std::size(cases); ++i) EXPECT_EQ(money(&cases[i]), expected[i]) << cases[i];
  for (const json::value& bad : {json::value(-1), json::value(1e10), json::value("12abc"), json::value(""),
                                 json::value(nullptr), json::value(true), json::value("$")})
    EXPECT_FALSE(money(&bad)) << bad;
  EXPECT_FALSE(money(nullptr));
}

TEST(ImportRecord, FollowUpBossStagesMapOntoThePipeline) {
  EXPECT_EQ(status_from_fub_stage("Lead"), "prospecting");
  EXPECT_EQ(status_from_fub_stage("Listing Appointment"), "prospecting");
  EXPECT_EQ(status_from_fub_stage("Buyer Consult"), "prospecting");
  EXPECT_EQ(status_from_fub_stage("Active Listing"), "listed");
  EXPECT_EQ(status_from_fub_stage("Under Contract"), "under_contract");
  EXPECT_EQ(status_from_fub_stage("Offer Accepted"), "under_contract");
  EXPECT_EQ(status_from_fub_stage("PENDING"), "pending");
  EXPECT_EQ(status_from_fub_stage("Closed"), "closed");
  EXPECT_EQ(status_from_fub_stage("Sold"), "closed");
  EXPECT_EQ(status_from_fub_stage("Terminated"), "cancelled");
  EXPECT_EQ(status_from_fub_stage("Contract Cancelled"), "cancelled");
  EXPECT_EQ(status_from_fub_stage(""), "prospecting");
  EXPECT_EQ(type_from_fub_pipeline("Sellers"), "sell");
  EXPECT_EQ(type_from_fub_pipeline("Listings"), "sell");
  EXPECT_EQ(type_from_fub_pipeline("Rentals"), "lease");
  EXPECT_EQ(type_from_fub_pipeline("Buyers"), "buy");
}

TEST(ImportRecord, DotloopStatusesAndTypesMapOntoThePipeline) {
  EXPECT_EQ(status_from_dotloop("PRE_OFFER"), "prospecting");
  EXPECT_EQ(status_from_dotloop("PRE_LISTING"), "prospecting");
  EXPECT_EQ(status_from_dotloop("PRIVATE_LISTING"), "listed");
  EXPECT_EQ(status_from_dotloop("ACTIVE_LISTING"), "listed");
  EXPECT_EQ(status_from_dotloop("UNDER_CONTRACT"), "under_contract");
  EXPECT_EQ(status_from_dotloop("SOLD"), "closed");
  EXPECT_EQ(status_from_dotloop("LEASED"), "closed");
  EXPECT_EQ(status_from_dotloop("ARCHIVED"), "cancelled");
  EXPECT_EQ(status_from_dotloop("SOMETHING_NEW"), "prospecting");
  EXPECT_EQ(type_from_dotloop("LISTING_FOR_SALE"), "sell");
  EXPECT_EQ(type_from_dotloop("LISTING_FOR_LEASE"), "lease");
  EXPECT_EQ(type_from_dotloop("LEASE_OFFER"), "lease");
  EXPECT_EQ(type_from_dotloop("PURCHASE_OFFER"), "buy");
}

TEST(ImportRecord, FubDealWithoutIdIsSkippedAndNamesFallBack) {
  EXPECT_FALSE(map_fub_deal(json::object{{"name", "x"}}));
  auto r = map_fub_deal(json::object{{"id", 12}, {"people", json::array{json::object{{"firstName", "Ann"},
                                                                                    {"lastName", "Lee"}}}}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->external_id, "12");
  EXPECT_EQ(r->property_address, "Follow Up Boss deal 12");
  EXPECT_EQ(r->client_name, "Ann Lee");
  EXPECT_EQ(r->status, "prospecting");
  EXPECT_EQ(r->type, "buy");
  EXPECT_FALSE(r->listing_price);
  EXPECT_TRUE(r->key_dates.empty());
}

TEST(ImportRecord, DotloopLoopWithoutDetailUsesTheLoopName) {
  const json::value none;
  auto r = map_dotloop_loop(json::object{{"id", "77"}, {"name", "Smith, 1 Elm St"}, {"status", "SOLD"}}, none, none);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->property_address, "Smith, 1 Elm St");
  EXPECT_EQ(r->status, "closed");
  EXPECT_FALSE(r->client_name);
  EXPECT_FALSE(map_dotloop_loop(json::object{{"name", "no id"}}, none, none));
}

}  // namespace
}  // namespace agenthq::verticals::real_estate::integrations
