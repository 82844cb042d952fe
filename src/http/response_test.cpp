#include "http/response.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/api_error.hpp"

namespace agenthq::http {
namespace {
namespace json = boost::json;
using boost::beast::http::status;

TEST(Envelope, SuccessShapes) {
  auto r = ok(json::object{{"a", 1}});
  EXPECT_EQ(r.status, status::ok);
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"success":true,"data":{"a":1}})"));
  EXPECT_EQ(created(json::array{}).status, status::created);
  auto p = paginated(json::array{1, 2}, {2, 2, 5});
  EXPECT_EQ(json::parse(p.body),
            json::parse(R"({"success":true,"data":[1,2],"pagination":{"page":2,"limit":2,"total":5,"hasMore":true}})"));
  EXPECT_EQ(json::parse(paginated(json::array{}, {3, 2, 5}).body).at("pagination").at("hasMore"), false);
}

TEST(Envelope, ErrorsCarryCodeAndMessageOnly) {
  auto e = error(status::not_found, "NOT_FOUND", "Agent not found");
  EXPECT_EQ(json::parse(e.body),
            json::parse(R"({"success":false,"error":{"code":"NOT_FOUND","message":"Agent not found"}})"));
}

TEST(Envelope, ErrorFactoriesMapToTheContractsStatuses) {
  EXPECT_EQ(ApiError::validation("x").status(), status::bad_request);
  EXPECT_EQ(ApiError::validation("x").code(), "VALIDATION_ERROR");
  EXPECT_EQ(ApiError::not_found("Post").status(), status::not_found);
  EXPECT_STREQ(ApiError::not_found("Post").what(), "Post not found");
  EXPECT_EQ(ApiError::unauthorized().code(), "UNAUTHORIZED");
  EXPECT_EQ(ApiError::unauthorized().status(), status::unauthorized);
  EXPECT_EQ(ApiError::forbidden().status(), status::forbidden);
  EXPECT_EQ(ApiError::conflict("ORG_EXISTS", "m").status(), status::conflict);
  EXPECT_EQ(ApiError::bad_request("MISSING_QUERY", "m").code(), "MISSING_QUERY");
}

}  // namespace
}  // namespace agenthq::http
