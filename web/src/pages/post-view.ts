// One post as a card: author, channel, type, title, content, replies.
import { channelName } from "../channels-cache";
import { actorName } from "../directory";
import { ago, h } from "../dom";
import type { Post } from "../types";
import { badge } from "./common";

export function postCard(p: Post, opts: { showChannel?: boolean; link?: boolean } = {}): HTMLElement {
  const replies = Number(p.metadata?.reply_count ?? 0);
  return h(
    "article",
    { class: `post${p.pinned ? " pinned" : ""}`, "data-post-id": p.id },
    h(
      "header",
      null,
      h("strong", { class: "author", "data-type": p.author_type }, actorName(p.author_id, p.author_type)),
      p.author_type === "agent" ? badge("agent") : null,
      badge(p.type),
      p.pinned ? badge("pinned") : null,
      opts.showChannel ? h("a", { class: "channel-link", href: `/channels/${p.channel_id}` }, channelName(p.channel_id)) : null,
      h("time", { datetime: p.created_at, title: new Date(p.created_at).toLocaleString() }, ago(p.created_at)),
    ),
    p.title ? h("h3", null, p.title) : null,
    h("div", { class: "content" }, p.content),
    opts.link === false
      ? null
      : h(
          "footer",
          null,
          h("a", { href: `/posts/${p.id}`, class: "thread-link" }, replies ? `${replies} ${replies === 1 ? "reply" : "replies"}` : "Reply"),
        ),
  );
}
