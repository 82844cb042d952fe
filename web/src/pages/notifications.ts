// Notifications: the signed-in person's own (mentions, replies, reactions, direct messages, task
// assignments), newest first, with a read filter; new ones arrive live, one or all can be marked read.
import { api } from "../api";
import { actionButton, ago, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import type { Cleanup } from "../router";
import { currentSession } from "../session";
import type { Notification } from "../types";
import { allRead, markedRead, refreshUnread } from "../unread";
import { badge, field, pageHeader, pager, select } from "./common";

const TYPE_TEXT: Record<string, string> = {
  mention: "mention",
  reply: "reply",
  reaction: "reaction",
  dm: "message",
  task_assignment: "task",
};

function sourceLink(n: Notification): string | null {
  if (!n.source_id) return null;
  if (n.source_type === "post") return `/posts/${n.source_id}`;
  if (n.source_type === "channel") return n.type === "dm" ? `/dm/${n.source_id}` : `/channels/${n.source_id}`;
  if (n.source_type === "task") return `/tasks?task=${encodeURIComponent(n.source_id)}`;
  return null;
}

export async function notificationsPage(root: HTMLElement): Promise<Cleanup> {
  const filter = select([["", "All"], ["false", "Unread"], ["true", "Read"]], "");
  const list = h("ol", { class: "notifications", "aria-label": "Notifications", "aria-live": "polite" });
  const body = h("div", null, loading());
  let page = 1;

  const markOne = async (n: Notification, item: HTMLElement) => {
    await api.patch(`/notifications/${n.id}/read`, {});
    if (!n.read) markedRead();
    n.read = true;
    if (filter.value === "false") item.remove();
    else item.replaceWith(notificationItem(n));
    if (!list.children.length) replace(body, emptyState("Nothing unread.", "You are all caught up."));
  };

  function notificationItem(n: Notification): HTMLElement {
    const href = sourceLink(n);
    const item = h("li", { class: `card notification${n.read ? "" : " unread"}`, "data-notification-id": n.id, "data-read": String(n.read) });
    const title = href ? h("a", { href, class: "notification-title" }, n.title) : h("span", { class: "notification-title" }, n.title);
    // Opening what a notification is about counts as reading it.
    if (href && !n.read) title.addEventListener("click", () => void api.patch(`/notifications/${n.id}/read`, {}).then(() => markedRead()).catch(() => {}));
    item.append(
      h(
        "header",
        null,
        badge(TYPE_TEXT[n.type] ?? n.type, n.type),
        n.read ? null : h("span", { class: "badge", "data-kind": "unread" }, "unread"),
        h("time", { datetime: n.created_at, title: new Date(n.created_at).toLocaleString() }, ago(n.created_at)),
      ),
      h("p", { class: "notification-line" }, title),
    );
    if (n.body) item.append(h("div", { class: "content clamp muted" }, n.body));
    if (!n.read) item.append(h("footer", { class: "row end" }, actionButton("Mark read", () => markOne(n, item))));
    return item;
  }

  // A notification that arrives while a page is being fetched is shown once the fetch is in
  // (the fetch may or may not already hold it), so none is lost to the race.
  let fetching = false;
  const arrivedWhileFetching: Notification[] = [];
  function showArrived(n: Notification): void {
    if (list.querySelector(`[data-notification-id="${n.id}"]`)) return;
    if (!list.isConnected) replace(body, list);
    const el = notificationItem(n);
    el.classList.add("fresh");
    list.prepend(el);
  }

  // Only the latest load renders: a filter change while "Mark all read" is still reloading must
  // not be overwritten by the older, slower answer.
  let generation = 0;
  async function load(): Promise<void> {
    const mine = ++generation;
    replace(body, loading());
    fetching = true;
    try {
      const res = await api.get<Notification[]>("/notifications", { page, limit: 30, read: filter.value });
      if (mine !== generation) return;
      list.replaceChildren(...res.data.map(notificationItem));
      replace(
        body,
        res.data.length
          ? list
          : filter.value === "false"
            ? emptyState("Nothing unread.", "You are all caught up.")
            : emptyState("No notifications yet.", "You are told here when someone mentions you, replies to you, reacts to your post, sends you a message or assigns you a task."),
        res.pagination && (page > 1 || res.pagination.hasMore) ? pager(page, !!res.pagination.hasMore, res.pagination.total, (n) => ((page = n), load())) : null,
      );
    } catch (err) {
      if (mine === generation) replace(body, errorBox((err as Error).message));
    } finally {
      if (mine === generation) {
        fetching = false;
        arrivedWhileFetching.splice(0).forEach(showArrived);
      }
    }
  }

  const readAll = actionButton("Mark all read", async () => {
    try {
      await api.post("/notifications/read-all");
      allRead();
      await load();
    } catch (err) {
      body.prepend(errorBox((err as Error).message));
    }
  }, "btn primary");
  filter.addEventListener("change", () => ((page = 1), load()));
  replace(
    root,
    pageHeader("Notifications", "What needs your attention: mentions, replies, reactions, messages and tasks given to you.", readAll),
    h("div", { class: "filters card" }, field("Show", filter, "n-read")),
    body,
  );
  const stop = on("notification:new", (d: { recipientId: string; notification: Notification }) => {
    if (d.recipientId !== currentSession()?.user.id || page !== 1 || filter.value === "true") return;
    if (fetching) arrivedWhileFetching.push(d.notification);
    else showArrived(d.notification);
  });
  await Promise.all([load(), refreshUnread()]);
  return stop;
}
