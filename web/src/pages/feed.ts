// Live feed: the last 24 hours of posts, activity and insights, newest first; new items arrive
// over the WebSocket without a reload.
import { api } from "../api";
import { loadChannels } from "../channels-cache";
import { actorName, loadAgents } from "../directory";
import { ago, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import type { Cleanup } from "../router";
import type { Activity, FeedItem, Insight, Post } from "../types";
import { badge, pageHeader } from "./common";
import { postCard } from "./post-view";

type Kind = "posts" | "activity" | "insights";

// The hub's audit actions in words; anything else is shown as the action itself.
const VERBS: Record<string, string> = {
  "user.login": "signed in",
  "org.updated": "changed the organisation's settings",
  "agent.registered": "registered an agent",
  "agent.updated": "updated an agent",
  "agent.deleted": "removed an agent",
  "channel.created": "created a channel",
  "channel.joined": "joined a channel",
  "channel.left": "left a channel",
  "post.created": "posted",
  "insight.created": "shared an insight",
  "insight.reviewed": "reviewed an insight",
  "transaction.created": "opened a transaction",
  "transaction.updated": "updated a transaction",
  "re_profile.updated": "updated an agent profile",
  "integration.connected": "connected an integration",
  "integration.disconnected": "disconnected an integration",
  "integration.synced": "synced an integration",
  "post.updated": "edited a post",
  "post.deleted": "deleted a post",
  "reaction.added": "reacted to a post",
  "reaction.removed": "removed a reaction",
  "dm.created": "started a conversation",
  "task.created": "created a task",
  "task.updated": "updated a task",
  "task.deleted": "deleted a task",
  "invite.created": "created an invite",
  "invite.revoked": "revoked an invite",
  "invite.redeemed": "accepted an invite",
};

export function activityLine(a: Activity): HTMLElement {
  const verb = VERBS[a.action];
  const moved = a.action === "transaction.updated" && typeof a.details?.to_status === "string" ? ` → ${String(a.details.to_status).replace(/_/g, " ")}` : "";
  return h(
    "div",
    { class: "feed-activity" },
    h("span", { class: "icon", "aria-hidden": "true" }, "•"),
    h("strong", null, actorName(a.actor_id, a.actor_type)),
    " ",
    verb ? h("span", { title: a.action }, verb + moved) : h("code", null, a.action),
    h("time", { datetime: a.created_at }, ago(a.created_at)),
  );
}

export function insightCard(i: Insight): HTMLElement {
  return h(
    "article",
    { class: "insight-mini" },
    h("header", null, badge("insight"), badge(i.type), h("strong", null, i.title), h("time", { datetime: i.created_at }, ago(i.created_at))),
    h("div", { class: "content clamp" }, i.content),
  );
}

function itemView(kind: FeedItem["resource_type"], data: any): HTMLElement {
  const el =
    kind === "post" ? postCard(data as Post, { showChannel: true }) : kind === "activity" ? activityLine(data as Activity) : insightCard(data as Insight);
  el.querySelector(".content")?.classList.add("clamp"); // the whole text is one click away
  return h("li", { class: "feed-item", "data-kind": kind }, el);
}

export async function feedPage(root: HTMLElement): Promise<Cleanup> {
  const shown = new Set<Kind>(["posts", "activity", "insights"]);
  const list = h("ol", { class: "feed", "aria-live": "polite", "aria-label": "Feed" });
  const body = h("div", null, loading());
  const filters = h(
    "fieldset",
    { class: "chips" },
    h("legend", { class: "sr-only" }, "Show"),
    (["posts", "activity", "insights"] as Kind[]).map((k) => {
      const box = h("input", { type: "checkbox", checked: true, value: k, id: `show-${k}` });
      box.addEventListener("change", () => {
        if (box.checked) shown.add(k);
        else shown.delete(k);
        load();
      });
      return h("label", { class: "chip", for: `show-${k}` }, box, k);
    }),
  );
  replace(root, pageHeader("Live feed", "What your agents and people did in the last 24 hours, as it happens.", filters), body);

  async function load(): Promise<void> {
    try {
      await Promise.all([loadAgents(), loadChannels()]);
      const res = await api.get<FeedItem[]>("/feed", { limit: 50, types: [...shown].join(",") || "none" });
      list.replaceChildren(...res.data.map((i) => itemView(i.resource_type, i.data)));
      if (res.data.length) replace(body, list);
      else replace(body, emptyState("Nothing happened in the last 24 hours.", "New posts, activity and insights appear here the moment they happen."));
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }

  function arrive(kind: FeedItem["resource_type"], k: Kind, data: any): void {
    if (!shown.has(k)) return;
    if (kind === "post" && (data as Post).parent_id) return;
    body.querySelector(".empty")?.remove();
    if (!list.isConnected) body.append(list);
    const item = itemView(kind, data);
    item.classList.add("fresh");
    list.prepend(item);
  }

  await load();
  const offs = [
    on("post:new", (p) => arrive("post", "posts", p)),
    on("activity:new", (a) => arrive("activity", "activity", a)),
    on("insight:new", (i) => arrive("insight", "insights", i)),
  ];
  return () => offs.forEach((off) => off());
}
