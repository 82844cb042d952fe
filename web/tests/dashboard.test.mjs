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

test("a direct message between two people arrives live; a third member cannot see it", async () => {
  const mia = await login(hub.url, users.member.email, users.member.password);
  const adam = await login(hub.url, users.admin.email, users.admin.password);
  const o = await signIn("owner", "/dm");
  const m = await signIn("member", "/notifications");
  const a = await signIn("admin", "/");
  await Promise.all([live(o.page), live(m.page), live(a.page)]);
  const unreadBefore = Number((await m.page.getByTestId("unread-count").getAttribute("data-count")) ?? 0);

  // Olivia opens a conversation with Mia: people are listed by name (GET /org/members).
  const miaOption = o.page.locator(`#dm-with option[value="user:${mia.user.id}"]`);
  assert.equal((await miaOption.textContent()).trim(), mia.user.name);
  await o.page.locator("#dm-with").selectOption(`user:${mia.user.id}`);
  await o.page.click('form[aria-label="Start a conversation"] button[type=submit]');
  await o.page.waitForURL(/\/dm\/[0-9A-Z]{26}$/);
  const dmId = o.page.url().split("/").pop();
  const channel = await owner.get(`/channels/${dmId}`);
  assert.equal(channel.type, "dm");
  await o.page.getByText("No messages yet.").waitFor();

  // Mia sees the conversation in her list once she opens Messages, and waits in it.
  await m.page.click('nav a[href="/dm"]');
  await m.page.locator(`[data-dm-id="${dmId}"]`).waitFor();
  await m.page.click(`[data-dm-id="${dmId}"]`);
  await m.page.waitForURL(`${hub.url}/dm/${dmId}`);
  await m.page.locator(".dm-log").waitFor();

  const text = "Can you take the Harbour Street viewing at 4? The keys are at the front desk.";
  await o.page.fill("#dm-content", text);
  await o.page.press("#dm-content", "Enter"); // Enter sends
  await o.page.locator(".dm-message.mine", { hasText: text }).waitFor();
  assert.equal(await o.page.inputValue("#dm-content"), "");
  // Live for Mia, as someone else's message, and it raised her unread badge (a dm notification).
  await m.page.locator(".dm-message:not(.mine)", { hasText: text }).waitFor();
  await m.page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute("data-count")) === n,
    unreadBefore + 1,
  );
  await m.page.fill("#dm-content", "Yes, I'll be there.");
  await m.page.click('form[aria-label="Send a message"] button[type=submit]');
  await o.page.locator(".dm-message:not(.mine)", { hasText: "Yes, I'll be there." }).waitFor();
  await screenshot(o.page, "dm-conversation");
  await screenshot(m.page, "dm-conversation-other");

  // Adam, a member of the same org, was on the live feed the whole time: nothing of it reached him.
  await a.page.getByText("Three new listings match the Brennans").waitFor();
  assert.equal(await a.page.getByText(text).count(), 0);
  assert.equal((await adam.get("/dm")).some((c) => c.id === dmId), false);
  const peek = await adam.status("GET", `/posts?channel_id=${dmId}`);
  assert.ok(peek.status === 404 || (peek.status === 200 && peek.data.length === 0), JSON.stringify(peek));
  await a.page.goto(`${hub.url}/dm/${dmId}`);
  await a.page.getByText("This conversation does not exist or is not yours.").waitFor();
  await a.page.goto(`${hub.url}/dm`);
  await a.page.getByText("No conversations yet.").waitFor();
  assert.equal(await a.page.locator(`[data-dm-id="${dmId}"]`).count(), 0);
  await screenshot(a.page, "dm-empty");
  // The hub stored the two messages in the DM channel.
  const posts = await owner.get(`/posts?channel_id=${dmId}`);
  assert.deepEqual(posts.map((p) => p.content).sort(), [text, "Yes, I'll be there."].sort());
  for (const x of [o, m, a]) assert.deepEqual(x.errors, []);
  await Promise.all([o.context.close(), m.context.close(), a.context.close()]);
});

test("a task is created and assigned; the assignee's badge rises live; the notification is read", async () => {
  const mia = await login(hub.url, users.member.email, users.member.password);
  await mia.post("/notifications/read-all");
  const o = await signIn("owner", "/tasks");
  const m = await signIn("member", "/tasks");
  await Promise.all([live(o.page), live(m.page)]);
  const badge = m.page.getByTestId("unread-count");
  assert.equal(await badge.isHidden(), true); // nothing unread: no badge

  const title = "Order the sign board for 9 Quay Court";
  await o.page.fill("#task-title", title);
  await o.page.fill("#task-description", "Double-sided, with the QR code to the listing.");
  await o.page.locator("#task-priority").selectOption("high");
  await o.page.locator("#task-assignee").selectOption(`user:${mia.user.id}`);
  await o.page.fill("#task-due", "2031-05-17");
  await o.page.click('form[aria-label="New task"] button[type=submit]');
  const ownerCard = o.page.locator(".task", { hasText: title });
  await ownerCard.waitFor();
  const taskId = await ownerCard.getAttribute("data-task-id");
  const stored = await owner.get(`/tasks/${taskId}`);
  assert.equal(stored.priority, "high");
  assert.equal(stored.assigned_to, mia.user.id);
  assert.equal(stored.assigned_type, "user");
  assert.equal(stored.status, "open");
  assert.equal(new Date(stored.due_date).getFullYear(), 2031);

  // Mia: the task appears live on her list, and her badge says 1.
  const miaCard = m.page.locator(`[data-task-id="${taskId}"]`);
  await miaCard.waitFor();
  await m.page.waitForFunction(() => document.querySelector('[data-testid="unread-count"]')?.getAttribute("data-count") === "1");
  assert.equal(await badge.isVisible(), true);

  // Olivia moves it to in progress; Mia's card follows.
  await ownerCard.locator("select.task-status").selectOption("in_progress");
  await m.page.locator(`[data-task-id="${taskId}"][data-status="in_progress"]`).waitFor();
  assert.equal((await owner.get(`/tasks/${taskId}`)).status, "in_progress");
  // A filter the task does not match hides it; the hub applied it.
  await o.page.locator("#t-status").selectOption("completed");
  await o.page.getByText("No tasks match.").waitFor();
  await o.page.locator("#t-status").selectOption("");
  await ownerCard.waitFor();
  await screenshot(o.page, "tasks");

  // Mia reads her notification: the badge goes away.
  await m.page.click('nav a[href="/notifications"]');
  const item = m.page.locator(".notification.unread", { hasText: `You were assigned a task: ${title}` });
  await item.waitFor();
  await screenshot(m.page, "notifications");
  await item.getByRole("button", { name: "Mark read" }).click();
  await m.page.locator(".notification[data-read=true]", { hasText: title }).waitFor();
  await badge.waitFor({ state: "hidden" });
  assert.equal((await mia.get("/notifications/unread-count")).count, 0);

  // Reassigning to an agent notifies nobody here; deleting (two clicks) removes it everywhere.
  await ownerCard.locator("select.task-assignee").selectOption(`agent:${agents["deal-coordinator"].id}`);
  await o.page.locator(`[data-task-id="${taskId}"] .task-assigned`, { hasText: "deal-coordinator" }).waitFor();
  assert.equal((await owner.get(`/tasks/${taskId}`)).assigned_to, agents["deal-coordinator"].id);
  const del = ownerCard.getByRole("button", { name: "Delete" });
  await del.click();
  await ownerCard.getByRole("button", { name: "Click again to delete" }).click();
  await ownerCard.waitFor({ state: "detached" });
  assert.equal((await owner.status("GET", `/tasks/${taskId}`)).status, 404);
  for (const x of [o, m]) assert.deepEqual(x.errors, []);
  await Promise.all([o.context.close(), m.context.close()]);
});

test("mark all read clears the badge", async () => {
  const mia = await login(hub.url, users.member.email, users.member.password);
  await mia.post("/notifications/read-all");
  const m = await signIn("member", "/notifications");
  await live(m.page);
  for (const t of ["Prepare the Quay Court brochure", "Call the Brennans back"])
    await owner.post("/tasks", { title: t, assigned_to: mia.user.id, assigned_type: "user" });
  await m.page.waitForFunction(() => document.querySelector('[data-testid="unread-count"]')?.getAttribute("data-count") === "2");
  await m.page.locator(".notification.unread", { hasText: "Call the Brennans back" }).waitFor(); // arrived live
  await m.page.getByRole("button", { name: "Mark all read" }).click();
  await m.page.getByTestId("unread-count").waitFor({ state: "hidden" });
  assert.equal(await m.page.locator(".notification.unread").count(), 0);
  assert.equal((await mia.get("/notifications/unread-count")).count, 0);
  await m.page.locator("#n-read").selectOption("false");
  await m.page.getByText("Nothing unread.").waitFor();
  assert.deepEqual(m.errors, []);
  await m.context.close();
});

test("an admin invites an agent and a person and revokes an invite; a member has no invites page", async () => {
  const a = await signIn("admin", "/invites");
  await a.page.getByText("No invites yet.").waitFor();
  await a.page.getByRole("button", { name: "Create agent invite" }).click();
  const url = await a.page.getByTestId("invite-url").textContent();
  assert.match(url, new RegExp(`^${hub.url.replace(/[.]/g, "\\.")}/invite/AHQ-[A-Za-z0-9]{5}-[A-Za-z0-9]{4}$`));
  const agentToken = url.split("/").pop();
  const agentRow = a.page.locator('tr[data-type="agent"][data-status="pending"]');
  await agentRow.waitFor();
  // The token is shown once: the list does not repeat it.
  assert.equal(await a.page.locator("table.invites", { hasText: agentToken }).count(), 0);

  await a.page.fill("#invite-email", "new.colleague@demo.agenthq.dev");
  await a.page.locator("#invite-role").selectOption("member");
  await a.page.click('form[aria-label="Invite a person"] button[type=submit]');
  await a.page.getByTestId("invite-created").getByText("new.colleague@demo.agenthq.dev (member)").waitFor();
  const userUrl = await a.page.getByTestId("invite-url").textContent();
  await a.page.locator("tr", { hasText: "new.colleague@demo.agenthq.dev" }).waitFor();
  // The same address again is explained.
  await a.page.fill("#invite-email", "new.colleague@demo.agenthq.dev");
  await a.page.click('form[aria-label="Invite a person"] button[type=submit]');
  await a.page.getByText("That address already has a pending invite.").waitFor();

  await agentRow.getByRole("button", { name: "Revoke" }).click();
  await a.page.locator('tr[data-type="agent"][data-status="revoked"]').waitFor();
  assert.equal((await apiClient(hub.url).status("GET", `/auth/invites/${agentToken}`)).code, "TOKEN_REVOKED");
  await screenshot(a.page, "invites");
  assert.deepEqual(a.errors, []);
  await a.context.close();

  // The person opens the link, chooses a password and is signed in.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(userUrl);
  await page.getByText("You are invited to").waitFor();
  await screenshot(page, "invite-accept");
  await page.fill("#inv-name", "Nora New");
  await page.fill("#inv-password", "nora-secret-pass");
  await page.click('form[aria-label="Accept the invite"] button[type=submit]');
  await page.waitForSelector(".shell");
  await page.getByText("Nora New · member").waitFor({ state: "attached" });
  assert.equal((await (await login(hub.url, "new.colleague@demo.agenthq.dev", "nora-secret-pass")).get("/org")).slug, "demo");
  // A revoked link says so.
  await page.goto(`${hub.url}/invite/${agentToken}`);
  await page.getByText("This invite was withdrawn.").waitFor();
  assert.deepEqual(errors, []);
  await context.close();

  const m = await signIn("member", "/");
  assert.equal(await m.page.locator('nav a[href="/invites"]').count(), 0);
  await m.page.goto(`${hub.url}/invites`);
  await m.page.getByText("Only owners and admins manage invites.").waitFor();
  assert.equal(await m.page.locator("table.invites").count(), 0);
  assert.deepEqual(m.errors, []);
  await m.context.close();
});

test("reactions, an edit and a delete of one's own post reach another reader live", async () => {
  const post = await owner.post("/posts", { channel_id: general.id, type: "update", content: "Open house at 12 Harbour Street on Saturday, 11:00–13:00." });
  const o = await signIn("owner", `/posts/${post.id}`);
  const m = await signIn("member", `/posts/${post.id}`);
  await Promise.all([live(o.page), live(m.page)]);
  const ownerPost = o.page.locator(`article[data-post-id="${post.id}"]`);
  const memberPost = m.page.locator(`article[data-post-id="${post.id}"]`);
  await memberPost.locator(".reactions").waitFor();
  // Only the author may edit or delete.
  await ownerPost.getByRole("button", { name: "Edit" }).waitFor();
  assert.equal(await memberPost.getByRole("button", { name: "Edit" }).count(), 0);
  assert.equal(await memberPost.getByRole("button", { name: "Delete" }).count(), 0);

  await memberPost.getByRole("button", { name: "Add a reaction" }).click();
  await memberPost.getByRole("button", { name: "React with 🎉" }).click();
  await memberPost.locator('.reaction[data-emoji="🎉"][aria-pressed="true"] .reaction-count', { hasText: "1" }).waitFor();
  await ownerPost.locator('.reaction[data-emoji="🎉"][aria-pressed="false"] .reaction-count', { hasText: "1" }).waitFor(); // live
  await ownerPost.locator('.reaction[data-emoji="🎉"]').click(); // joins in
  await memberPost.locator('.reaction[data-emoji="🎉"] .reaction-count', { hasText: "2" }).waitFor();
  let groups = await owner.get(`/posts/${post.id}/reactions`);
  assert.deepEqual(groups.map((g) => [g.emoji, g.count]), [["🎉", 2]]);
  await memberPost.locator('.reaction[data-emoji="🎉"]').click(); // and takes hers back
  await ownerPost.locator('.reaction[data-emoji="🎉"][aria-pressed="true"] .reaction-count', { hasText: "1" }).waitFor();
  groups = await owner.get(`/posts/${post.id}/reactions`);
  assert.deepEqual(groups.map((g) => [g.emoji, g.count, g.authors[0].id]), [["🎉", 1, owner.user.id]]);

  await ownerPost.getByRole("button", { name: "Edit" }).click();
  await o.page.fill('form[aria-label="Edit post"] textarea', "Open house at 12 Harbour Street moved to Sunday, 11:00–13:00.");
  await o.page.click('form[aria-label="Edit post"] button[type=submit]');
  await ownerPost.locator(".edited").waitFor();
  await memberPost.locator(".content", { hasText: "moved to Sunday" }).waitFor(); // live
  assert.match((await owner.get(`/posts/${post.id}`)).post.content, /moved to Sunday/);
  await screenshot(o.page, "post-reactions");

  await ownerPost.getByRole("button", { name: "Delete" }).click();
  await ownerPost.getByRole("button", { name: "Click again to delete" }).click();
  await ownerPost.getByText("This post was deleted.").waitFor();
  await memberPost.getByText("This post was deleted.").waitFor(); // live
  assert.ok((await owner.get(`/posts/${post.id}`)).post.deleted_at);
  for (const x of [o, m]) assert.deepEqual(x.errors, []);
  await Promise.all([o.context.close(), m.context.close()]);
});

test("messages and tasks are usable at phone width", async () => {
  const phone = await signIn("member", "/tasks", { width: 390, height: 844 });
  await phone.page.locator('form[aria-label="New task"]').waitFor();
  await phone.page.fill("#task-title", "Water the plants at the show home");
  await phone.page.click('form[aria-label="New task"] button[type=submit]');
  await phone.page.locator(".task", { hasText: "Water the plants" }).waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the tasks page is ${overflow}px wider than the phone`);
  await screenshot(phone.page, "phone-tasks");
  await phone.page.click(".menu-button");
  await phone.page.click('nav a[href="/dm"]');
  await phone.page.locator('form[aria-label="Start a conversation"]').waitFor();
  await screenshot(phone.page, "phone-messages");
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
