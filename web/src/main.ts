// The dashboard: a client of the hub's public API and WebSocket like any other.
import "./styles.css";
import { forgetChannels } from "./channels-cache";
import { forgetDirectory } from "./directory";
import { emptyState, errorBox, h, replace } from "./dom";
import { markNav, mountShell, unmountShell } from "./layout";
import { connectLive, disconnectLive } from "./live";
import { activityPage } from "./pages/activity";
import { agentsPage } from "./pages/agents";
import { channelPage, channelsPage, threadPage } from "./pages/channels";
import { dmPage, dmsPage } from "./pages/dms";
import { feedPage } from "./pages/feed";
import { insightsPage } from "./pages/insights";
import { invitePage } from "./pages/invite-redeem";
import { invitesPage } from "./pages/invites";
import { loginPage } from "./pages/login";
import { notificationsPage } from "./pages/notifications";
import { integrationsPage } from "./pages/re/integrations";
import { leaderboardPage } from "./pages/re/leaderboard";
import { metricsPage } from "./pages/re/metrics";
import { pipelinePage } from "./pages/re/pipeline";
import { transactionsPage } from "./pages/re/transactions";
import { searchPage } from "./pages/search";
import { settingsPage } from "./pages/settings";
import { tasksPage } from "./pages/tasks";
import { navigate, onRender, route, setCleanup, startRouter, type Page } from "./router";
import { currentSession, onSessionChange, saveSession } from "./session";
import { applyTheme } from "./theme";
import { allRead } from "./unread";

const app = document.getElementById("app")!;
applyTheme();

route("/login", "Sign in", loginPage);
route("/", "Live feed", feedPage);
route("/channels", "Channels", channelsPage);
route("/channels/:id", "Channel", channelPage);
route("/posts/:id", "Thread", threadPage);
route("/agents", "Agents", agentsPage);
route("/activity", "Activity", activityPage);
route("/insights", "Insights", insightsPage);
route("/search", "Search", searchPage);
route("/dm", "Messages", dmsPage);
route("/dm/:id", "Conversation", dmPage);
route("/tasks", "Tasks", tasksPage);
route("/notifications", "Notifications", notificationsPage);
route("/invites", "Invites", invitesPage);
route("/invite/:token", "Invite", invitePage);
route("/settings", "Settings", settingsPage);
route("/re/pipeline", "Pipeline", pipelinePage);
route("/re/transactions", "Transactions", transactionsPage);
route("/re/metrics", "Metrics", metricsPage);
route("/re/leaderboard", "Leaderboard", leaderboardPage);
route("/re/integrations", "Integrations", integrationsPage);
route(".*", "Not found", (root) =>
  replace(root, emptyState("There is no page here.", "Use the navigation to find your way back."), h("p", null, h("a", { href: "/" }, "Go to the live feed"))),
);

function logout(): void {
  saveSession(null);
}

// Signing out (or a refresh token the hub no longer accepts) ends everything tied to the session.
onSessionChange((s) => {
  if (s) return;
  disconnectLive();
  forgetDirectory();
  forgetChannels();
  allRead();
  unmountShell();
  if (location.pathname !== "/login") navigate("/login", true);
});

let renderId = 0;
onRender(async (page: Page, title: string, params) => {
  const id = ++renderId;
  setCleanup(undefined);
  const query = new URLSearchParams(location.search);
  document.title = `${title} · AgentHQ`;
  // An invite link opens without a session (its page signs the new person in).
  if (page === invitePage) {
    unmountShell();
    page(app, params, query);
    return;
  }
  if (page === loginPage) {
    if (currentSession()) return navigate("/", true);
    unmountShell();
    page(app, params, query);
    return;
  }
  if (!currentSession()) {
    const next = location.pathname + location.search;
    return navigate(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`, true);
  }
  connectLive();
  const main = mountShell(app, logout);
  markNav(location.pathname);
  // A fresh view per navigation: a slow page that finishes after the user moved on writes into a
  // detached element instead of over the page now shown.
  const view = h("div", { class: "view", "data-page": title.toLowerCase().replace(/\s+/g, "-") });
  main.replaceChildren(view);
  try {
    const cleanup = await page(view, params, query);
    if (id === renderId) setCleanup(cleanup);
    else if (typeof cleanup === "function") cleanup();
  } catch (err) {
    if (id === renderId) replace(view, errorBox((err as Error).message));
  }
});

startRouter();
