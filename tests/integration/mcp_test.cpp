// The MCP faces driven by the official MCP TypeScript SDK (tests/clients/mcp_client.mjs): the
// hub's Streamable HTTP endpoint /mcp and `agenthq mcp` over stdio. The script checks every
// tool, tool errors, resources, the wait_for_mentions long-poll and tenant isolation.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/process.hpp"

namespace agenthq::test {
namespace {

class Mcp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }

  ProcessResult run_client(const std::string& mode) {
    auto client = hub_->client();
    auto org = register_org(client, "mcp-" + mode);
    const std::string name = "scout" + mode;
    auto agent = register_agent(client, org.access_token, name);
    auto other = register_agent(client, org.access_token, "lookout" + mode);
    auto foreign_org = register_org(client, "mcp-foreign-" + mode);
    auto foreign = register_agent(client, foreign_org.access_token, "stranger" + mode);
    char tmpl[] = "/tmp/agenthq-mcp-home.XXXXXX";
    const std::filesystem::path home = mkdtemp(tmpl);
    auto r = run_process({"node", client_script("mcp_client.mjs")},
                         {{"MODE", mode},
                          {"HUB_URL", "http://127.0.0.1:" + std::to_string(hub_->port())},
                          {"AGENT_KEY", agent.api_key},
                          {"AGENT_NAME", name},
                          {"OTHER_KEY", other.api_key},
                          {"FOREIGN_KEY", foreign.api_key},
                          {"AGENTHQ_BIN", AGENTHQ_BINARY},
                          {"HOME", home.string()}});
    std::error_code ec;
    std::filesystem::remove_all(home, ec);
    return r;
  }

  static HubProcess* hub_;
};
HubProcess* Mcp::hub_ = nullptr;

TEST_F(Mcp, StreamableHttpWithTheOfficialSdk) {
  auto r = run_client("http");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("http: "), std::string::npos) << r.out;
}

TEST_F(Mcp, StdioWithTheOfficialSdk) {
  auto r = run_client("stdio");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("stdio: "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace agenthq::test
