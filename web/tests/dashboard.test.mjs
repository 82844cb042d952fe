// The dashboard in Debian's chromium against a real hub (demo organisation) on a throwaway
// PostgreSQL. The tests run in order and share one hub and one browser; each opens its own
// contexts, so sessions never leak between them. Screenshots of every page go to
// $AGENTHQ_TEST_OUTPUT (build/test-output/browser under ctest).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, screenshot, watchErrors } from "./support/browser.mjs";
import { apiClient, login, startHub } from "./support/hub.mjs";

let hub, browser, owner, general;
const users = {};
const agents = {};

before(async () => {
  [hub, browser] = await Promise.all([startHub(), launch()]);
  for (const u of hub.credentials.users) users[u.role] = u;
  for (const a of hub.credentials.agents) agents[a.name] = { ...a, api: apiClient(hub.url, a.apiKey) };
  owner = await login(hub.url, users.owner.email, users.owner.password);
  general = (await owner.get("/channels")).find((c) => c.name === "general");
  // Something for the pages to show: agents at work.
  await agents["listing-scout"].api.post("/posts", {
    channel_id: general.id,
    type: "update",
    title: "Three new listings match the Brennans",
    content: "9 Quay Court, 5 Regatta Mews and 12 Harbour Street fit their budget and school catchment.",
  });
  await agents["deal-coordinator"].api.post("/posts", {
    channel_id: general.id,
    type: "question",
    content: "Who can cover the final walk-through at 120 Northshore Drive on Friday at 10:00?",
  });
  await agents["market-analyst"].api.post("/posts", {
    channel_id: general.id,
    type: "metric",
    title: "Weekly market snapshot",
    content: "Active listings 214 (−3%) · median price $533k (+4%) · median days on market 24 (−7).",
  });
  await agents["market-analyst"].api.post("/insights/generate", {
    type: "trend",
    title: "Harbourside prices up 4% this quarter",
    content: "Median sale price in the harbour district rose from $512k to $533k; days on market fell from 31 to 24.",
    confidence: 0.82,
    source_agents: [agents["market-analyst"].id],
  });
});

after(async () => {
  await browser?.close();
  await hub?.stop();
});

// A signed-in page for one of the demo people, with its console watched.
async function signIn(role, path = "/", viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${hub.url}${path}`);
  await page.waitForURL(/\/login/);
  await page.fill("#email", users[role].email);
  await page.fill("#password", users[role].password);
  await page.click("form button[type=submit]");
  await page.waitForSelector(".shell");
  return { context, page, errors };
}

const live = (page) => page.waitForSelector('.live-state[data-state="live"]');

test("log in: a wrong password is explained, the right one opens the live feed", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${hub.url}/agents`);
  await page.waitForURL(/\/login\?next=%2Fagents/);
  await screenshot(page, "login");
  await page.fill("#email", users.owner.email);
  await page.fill("#password", "not-the-password");
  await page.click("form button[type=submit]");
  await page.getByText("That email and password do not match an account.").waitFor();
  await page.fill("#password", users.owner.password);
  await page.click("form button[type=submit]");
  await page.waitForURL(`${hub.url}/agents`); // back where the person wanted to go
  await page.getByText("Olivia Owner · owner").waitFor();
  await page.click('nav a[href="/"]');
  await page.getByText("Three new listings match the Brennans").waitFor();
  await live(page);
  await screenshot(page, "feed", false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a post appears live in a second browser; a reply lands in its thread", async () => {
  const a = await signIn("owner", `/channels/${general.id}`);
  const b = await signIn("member", `/channels/${general.id}`);
  await Promise.all([live(a.page), live(b.page)]);
  await b.page.getByText("Three new listings match the Brennans").waitFor();

  const text = "Open house on Saturday at 9 Quay Court, 11:00 to 14:00.";
  await a.page.fill(`#content-${general.id}`, text);
  await a.page.click('form[aria-label="New post"] button[type=submit]');
  await a.page.locator(".post", { hasText: text }).waitFor();
  // The member's page never reloads: the post arrives over the WebSocket.
  const arrived = b.page.locator(".post", { hasText: text });
  await arrived.waitFor();
  await screenshot(b.page, "channel");

  await arrived.locator(".thread-link").click();
  await b.page.waitForURL(/\/posts\//);
  const reply = "I can host it: I'll bring the disclosure packets.";
  await b.page.locator("textarea").fill(reply);
  await b.page.click('form[aria-label="Reply"] button[type=submit]');
  await b.page.locator(".thread .post", { hasText: reply }).waitFor();
  // It is stored, not only drawn: a reload shows it, and the owner's channel counts it.
  await b.page.reload();
  await b.page.locator(".thread .post", { hasText: reply }).waitFor();
  await screenshot(b.page, "thread");
  await a.page.locator(".post", { hasText: text }).locator(".thread-link", { hasText: "1 reply" }).waitFor();
  assert.deepEqual([...a.errors, ...b.errors], []);
  await Promise.all([a.context.close(), b.context.close()]);
});

test("a member cannot see a private channel it is not in", async () => {
  const a = await signIn("owner", "/channels");
  await a.page.fill("#new-name", "partners-only");
  await a.page.fill("#new-description", "Commission splits");
  await a.page.check("#new-private");
  await a.page.click('form[aria-label="New channel"] button[type=submit]');
  await a.page.waitForURL(/\/channels\/[0-9A-Z]{26}$/);
  const privateUrl = new URL(a.page.url()).pathname;
  await a.page.getByRole("heading", { name: "#partners-only" }).waitFor();

  const m = await signIn("member", "/channels");
  await m.page.getByText("#general").waitFor();
  assert.equal(await m.page.getByText("#partners-only").count(), 0);
  await m.page.goto(`${hub.url}${privateUrl}`);
  await m.page.getByText("This channel does not exist or you are not a member.").waitFor();
  await a.page.goto(`${hub.url}/channels`);
  await a.page.getByText("#partners-only").waitFor(); // the owner, its first member, still sees it
  await screenshot(a.page, "channels");
  await Promise.all([a.context.close(), m.context.close()]);
});

test("an agent's presence changes on screen when it heartbeats; a new agent's key is shown once", async () => {
  const { context, page, errors } = await signIn("owner", "/agents");
  await live(page);
  const scout = agents["listing-scout"];
  const card = page.locator(`[data-agent-id="${scout.id}"]`);
  await card.locator('.status[data-status="offline"]').waitFor();
  await scout.api.post(`/agents/${scout.id}/heartbeat`, { status: "online" });
  await card.locator('.status[data-status="online"]').waitFor();
  await card.locator(".heartbeat", { hasText: "just now" }).waitFor();
  await scout.api.post(`/agents/${scout.id}/heartbeat`, { status: "busy" });
  await card.locator('.status[data-status="busy"]').waitFor();

  await page.fill("#agent-name", "open-house-bot");
  await page.fill("#agent-description", "Books viewings");
  await page.click('form[aria-label="Register an agent"] button[type=submit]');
  const key = await page.getByTestId("api-key").textContent();
  assert.match(key, /^ahq_[A-Za-z0-9_-]{43}$/);
  await page.locator(".agent-card", { hasText: "open-house-bot" }).waitFor();
  await screenshot(page, "agents");
  // The key works, and it is the only time the dashboard had it.
  const me = await apiClient(hub.url, key).get("/org");
  assert.equal(me.slug, "demo");
  await page.reload();
  assert.equal(await page.getByTestId("api-key").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an insight arrives live and is reviewed", async () => {
  const { context, page, errors } = await signIn("member", "/insights");
  await live(page);
  const fresh = await agents["market-analyst"].api.post("/insights/generate", {
    type: "anomaly",
    title: "Two listings priced 20% under comparables",
    content: "5 Regatta Mews and 2B Old Town Square are listed well below recent sales nearby.",
    confidence: 0.64,
  });
  const item = page.locator(`[data-insight-id="${fresh.id}"]`);
  await item.waitFor();
  await item.getByRole("button", { name: "Mark reviewed" }).click();
  await page.locator(`[data-insight-id="${fresh.id}"][data-reviewed="true"]`).waitFor();
  const stored = await owner.get(`/insights/${fresh.id}`);
  assert.equal(stored.reviewed, true);
  await screenshot(page, "insights");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a deal moves through the pipeline; a refused move is explained", async () => {
  const { context, page, errors } = await signIn("owner", "/re/pipeline", { width: 1440, height: 900 });
  const all = await owner.get("/re/transactions?limit=100");
  const listed = all.find((t) => t.status === "listed");
  const closed = all.find((t) => t.status === "closed");

  const card = () => page.locator(`[data-deal-id="${listed.id}"]`);
  await page.locator('.column[data-status="listed"]').locator(`[data-deal-id="${listed.id}"]`).waitFor();
  await card().locator("select.move").selectOption("under_contract");
  await page.locator('.column[data-status="under_contract"]').locator(`[data-deal-id="${listed.id}"]`).waitFor();
  assert.equal((await owner.get(`/re/transactions/${listed.id}`)).status, "under_contract");
  await card().locator("select.move").selectOption("pending");
  await page.locator('.column[data-status="pending"]').locator(`[data-deal-id="${listed.id}"]`).waitFor();

  const closedCard = page.locator(`[data-deal-id="${closed.id}"]`);
  await closedCard.locator("select.move").selectOption("listed");
  const refusal = closedCard.getByRole("alert");
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /^Refused: .*closed/);
  await page.locator('.column[data-status="closed"]').locator(`[data-deal-id="${closed.id}"]`).waitFor();
  assert.equal((await owner.get(`/re/transactions/${closed.id}`)).status, "closed");
  await screenshot(page, "pipeline");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the leaderboard shows the metrics the hub computed; metrics are plotted", async () => {
  const { context, page, errors } = await signIn("admin", "/re/leaderboard");
  const rows = page.locator("table.leaderboard tbody tr");
  await rows.first().waitFor();
  const start = await page.locator("#l-start").inputValue();
  const expected = await owner.get(`/re/metrics/leaderboard?period=monthly&period_start=${start}`);
  assert.ok(expected.length > 0, "the demo organisation has closed deals in its latest month");
  assert.equal(await rows.count(), expected.length);
  for (let i = 0; i < expected.length; i++) {
    const row = rows.nth(i);
    assert.equal(await row.getAttribute("data-agent-id"), expected[i].id);
    assert.equal(await row.locator("th").textContent(), expected[i].name);
    const volume = Number((await row.locator(".volume").textContent()).replace(/[^0-9.]/g, ""));
    assert.equal(volume, Math.round(expected[i].metrics.total_volume));
    assert.equal(Number(await row.locator(".closed").textContent()), Number(expected[i].metrics.closed_deals));
  }
  await screenshot(page, "leaderboard");

  await page.click('nav a[href="/re/metrics"]');
  await page.locator("svg.chart").first().waitFor();
  assert.ok((await page.locator("svg.chart circle.point").count()) > 0);
  await screenshot(page, "metrics");
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByRole("button", { name: "Switch colour theme" }).click();
  const afterToggle = await page.evaluate(() => document.documentElement.dataset.theme);
  assert.notEqual(afterToggle, before);
  await page.reload(); // the choice is remembered
  await page.locator("svg.chart").first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), afterToggle);
  await screenshot(page, `metrics-${afterToggle}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the other pages render without errors (activity, search, settings, transactions, integrations, phone width)", async () => {
  const { context, page, errors } = await signIn("owner", "/activity");
  await page.locator("table tbody tr").first().waitFor();
  await page.fill("#f-action", "transaction.updated");
  await page.click('form[aria-label="Filter activity"] button[type=submit]');
  await page.locator("table tbody tr").first().waitFor();
  const actions = await page.locator("table tbody tr td:nth-child(3)").allTextContents();
  assert.ok(actions.length > 0 && actions.every((a) => a === "transaction.updated"), actions.join());
  await screenshot(page, "activity");

  await page.goto(`${hub.url}/search?q=listings`);
  await page.locator(".results .post", { hasText: "Three new listings" }).waitFor();
  await screenshot(page, "search");

  await page.goto(`${hub.url}/settings`);
  await page.fill("#org-name", "Demo Realty & Co");
  await page.click('form[aria-label="Organisation settings"] button[type=submit]');
  await page.getByText("Saved.").waitFor();
  assert.equal((await owner.get("/org")).name, "Demo Realty & Co");
  await screenshot(page, "settings");

  await page.goto(`${hub.url}/re/transactions`);
  await page.locator("table.transactions tbody tr").first().waitFor();
  await screenshot(page, "transactions");

  await page.goto(`${hub.url}/re/integrations`);
  await page.locator('.integration[data-type="fub"]').waitFor();
  await screenshot(page, "integrations");
  assert.deepEqual(errors, []);
  await context.close();

  const phone = await signIn("member", "/re/pipeline", { width: 390, height: 844 });
  await phone.page.locator(".board").waitFor();
  await phone.page.click(".menu-button");
  await phone.page.locator("nav.sidebar.open").waitFor();
  await screenshot(phone.page, "phone-menu");
  assert.deepEqual(phone.errors, []);
  await phone.context.close();
});

test("an access token the hub refuses is refreshed without the person noticing", async () => {
  const { context, page, errors } = await signIn("member", "/agents");
  await page.locator(".agent-card").first().waitFor();
  // As if the 15-minute token had expired: the hub answers 401, the dashboard refreshes and retries.
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("agenthq.session"));
    localStorage.setItem("agenthq.session", JSON.stringify({ ...s, accessToken: "expired.or.forged" }));
  });
  await page.reload();
  await page.locator(".agent-card").first().waitFor();
  await live(page); // the WebSocket, refused with 4001 at first, reconnects with the new token
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("agenthq.session")).accessToken);
  assert.notEqual(token, "expired.or.forged");
  assert.equal((await apiClient(hub.url, token).get("/org")).slug, "demo");
  assert.deepEqual(errors, []);
  await context.close();
});

test("logout clears the session", async () => {
  const { context, page } = await signIn("member", "/agents");
  await live(page);
  await page.getByTestId("logout").click();
  await page.waitForURL(/\/login$/);
  assert.equal(await page.evaluate(() => localStorage.getItem("agenthq.session")), null);
  await page.goto(`${hub.url}/agents`);
  await page.waitForURL(/\/login\?next=%2Fagents/);
  await page.locator("#email").waitFor();
  await context.close();
});
