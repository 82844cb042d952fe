// The frame around every signed-in page: header (org, live status, theme, sign out) and the
// navigation, which folds into a menu at phone width.
import { api } from "./api";
import { h, replace } from "./dom";
import { liveState, onLiveState, type LiveState } from "./live";
import { navigate } from "./router";
import { currentSession, isAdmin } from "./session";
import { currentTheme, toggleTheme } from "./theme";
import type { Org } from "./types";
import { onUnread, refreshUnread, unreadCount } from "./unread";

interface NavItem {
  href: string;
  text: string;
  admin?: boolean;
}

const NAV: { heading: string; items: NavItem[] }[] = [
  {
    heading: "Hub",
    items: [
      { href: "/", text: "Live feed" },
      { href: "/channels", text: "Channels" },
      { href: "/agents", text: "Agents" },
      { href: "/activity", text: "Activity" },
      { href: "/insights", text: "Insights" },
      { href: "/search", text: "Search" },
    ],
  },
  {
    heading: "Work",
    items: [
      { href: "/dm", text: "Messages" },
      { href: "/tasks", text: "Tasks" },
      { href: "/notifications", text: "Notifications" },
    ],
  },
  {
    heading: "Real estate",
    items: [
      { href: "/re/pipeline", text: "Pipeline" },
      { href: "/re/transactions", text: "Transactions" },
      { href: "/re/metrics", text: "Metrics" },
      { href: "/re/leaderboard", text: "Leaderboard" },
      { href: "/re/integrations", text: "Integrations" },
    ],
  },
  {
    heading: "Organisation",
    items: [
      { href: "/invites", text: "Invites", admin: true },
      { href: "/settings", text: "Settings", admin: true },
    ],
  },
];

const LIVE_TEXT: Record<LiveState, string> = { live: "Live", connecting: "Connecting…", offline: "Offline" };

let shell: { root: HTMLElement; main: HTMLElement; nav: HTMLElement; orgName: HTMLElement } | null = null;

export function mountShell(app: HTMLElement, onLogout: () => void): HTMLElement {
  if (shell && app.contains(shell.root)) return shell.main;
  const session = currentSession()!;
  const orgName = h("span", { class: "org-name" }, "");
  const live = h("span", { class: "live-state", "data-state": liveState(), role: "status", "aria-live": "polite" }, LIVE_TEXT[liveState()]);
  onLiveState((s) => {
    live.dataset.state = s;
    live.textContent = LIVE_TEXT[s];
  });
  const themeButton = h("button", { class: "btn ghost", type: "button", "aria-label": "Switch colour theme" }, currentTheme() === "dark" ? "Light" : "Dark");
  themeButton.addEventListener("click", () => (themeButton.textContent = toggleTheme() === "dark" ? "Light" : "Dark"));
  const nav = h("nav", { class: "sidebar", id: "nav", "aria-label": "Main" });
  const menu = h("button", { class: "btn ghost menu-button", type: "button", "aria-controls": "nav", "aria-expanded": "false" }, "Menu");
  menu.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    menu.setAttribute("aria-expanded", String(open));
  });
  nav.addEventListener("click", (e) => {
    if ((e.target as Element).closest("a")) {
      nav.classList.remove("open");
      menu.setAttribute("aria-expanded", "false");
    }
  });
  // The unread count: a badge on the navigation link ("3 unread" to a screen reader).
  const unreadBadge = h("span", { class: "nav-count", "data-testid": "unread-count", hidden: true });
  const showUnread = (n: number) => {
    replace(unreadBadge, n > 99 ? "99+" : String(n), h("span", { class: "sr-only" }, " unread"));
    unreadBadge.dataset.count = String(n);
    unreadBadge.hidden = n === 0;
  };
  onUnread(showUnread);
  showUnread(unreadCount());
  void refreshUnread();
  for (const group of NAV) {
    const items = group.items.filter((i) => !i.admin || isAdmin());
    if (!items.length) continue;
    nav.append(
      h("p", { class: "nav-heading" }, group.heading),
      h("ul", null, items.map((i) => h("li", null, h("a", { href: i.href, "data-nav": i.href }, i.text, i.href === "/notifications" ? unreadBadge : null)))),
    );
  }
  const logout = h("button", { class: "btn ghost", type: "button", "data-testid": "logout" }, "Sign out");
  logout.addEventListener("click", onLogout);
  const main = h("main", { id: "main", tabindex: "-1" });
  const root = h(
    "div",
    { class: "shell" },
    h("a", { class: "skip-link", href: "#main" }, "Skip to content"),
    h(
      "header",
      { class: "topbar" },
      menu,
      h("a", { class: "brand", href: "/" }, h("span", { class: "logo", "aria-hidden": "true" }, "A"), "AgentHQ"),
      orgName,
      h("span", { class: "spacer" }),
      live,
      h("span", { class: "who", title: session.user.email }, `${session.user.name} · ${session.user.role}`),
      themeButton,
      logout,
    ),
    nav,
    main,
  );
  replace(app, root);
  shell = { root, main, nav, orgName };
  api.get<Org>("/org").then((r) => (orgName.textContent = r.data.name)).catch(() => {});
  return main;
}

export function setOrgName(name: string): void {
  if (shell) shell.orgName.textContent = name;
}

export function markNav(path: string): void {
  if (!shell) return;
  shell.nav.querySelectorAll("a").forEach((a) => {
    const href = a.getAttribute("data-nav")!;
    const active = href === "/" ? path === "/" : path === href || path.startsWith(href + "/");
    if (active) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
}

export function unmountShell(): void {
  shell = null;
}

export { navigate };
