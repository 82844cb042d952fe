// One post as a card: author, channel, type, title, content, replies.
import { channelName } from "../channels-cache";
import { actorName } from "../directory";
import { api } from "../api";
import { ago, h, replace } from "../dom";
import { currentSession } from "../session";
import type { Post, ReactionGroup } from "../types";
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

// Reactions, and editing or deleting one's own post, under a post card (thread view).
// refresh() re-reads the reactions (reaction:new/removed say only which post changed).
export interface PostTools {
  refresh(): Promise<void>;
  updated(p: Post): void;
  deleted(): void;
}

const QUICK_EMOJI = ["👍", "🎉", "❤️", "👀", "✅", "🙏"];

export function attachPostTools(card: HTMLElement, post: Post): PostTools {
  const me = currentSession()?.user;
  const mine = !!me && post.author_id === me.id && post.author_type === "user";
  let p = post;
  const bar = h("div", { class: "reactions", role: "group", "aria-label": "Reactions" });
  const message = h("p", { class: "form-error", role: "alert" });
  let groups: ReactionGroup[] = [];

  const reactedBy = (g: ReactionGroup) => !!me && g.authors.some((a) => a.id === me.id && a.type === "user");
  const toggle = async (emoji: string, on: boolean) => {
    message.textContent = "";
    try {
      if (on) await api.post(`/posts/${p.id}/reactions`, { emoji });
      else await api.del(`/posts/${p.id}/reactions/${encodeURIComponent(emoji)}`);
      await refresh();
    } catch (err) {
      message.textContent = (err as Error).message;
    }
  };
  const palette = h("div", { class: "emoji-palette", hidden: true, role: "group", "aria-label": "Choose a reaction" });
  const add = h("button", { class: "btn ghost small add-reaction", type: "button", "aria-expanded": "false", "aria-label": "Add a reaction" }, "☺︎ +");
  add.addEventListener("click", () => {
    palette.hidden = !palette.hidden;
    add.setAttribute("aria-expanded", String(!palette.hidden));
    if (!palette.hidden) palette.querySelector("button")?.focus();
  });
  for (const e of QUICK_EMOJI) {
    const b = h("button", { class: "btn ghost emoji", type: "button", "aria-label": `React with ${e}` }, e);
    b.addEventListener("click", async () => {
      palette.hidden = true;
      add.setAttribute("aria-expanded", "false");
      const g = groups.find((x) => x.emoji === e);
      await toggle(e, !(g && reactedBy(g)));
      add.focus();
    });
    palette.append(b);
  }
  palette.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      palette.hidden = true;
      add.setAttribute("aria-expanded", "false");
      add.focus();
    }
  });

  function render(): void {
    bar.replaceChildren(
      ...groups.map((g) => {
        const pressed = reactedBy(g);
        const b = h(
          "button",
          { class: `chip reaction${pressed ? " mine" : ""}`, type: "button", "aria-pressed": String(pressed), "data-emoji": g.emoji, title: pressed ? "Remove your reaction" : "React too" },
          h("span", { "aria-hidden": "true" }, g.emoji),
          h("span", { class: "sr-only" }, g.emoji),
          h("span", { class: "reaction-count" }, String(g.count)),
        );
        b.addEventListener("click", () => toggle(g.emoji, !pressed));
        return b;
      }),
      add,
      palette,
    );
  }
  async function refresh(): Promise<void> {
    try {
      groups = (await api.get<ReactionGroup[]>(`/posts/${p.id}/reactions`)).data;
      render();
    } catch (err) {
      message.textContent = (err as Error).message;
    }
  }

  const tools = h("div", { class: "post-tools" }, bar, message);
  if (mine) {
    const edit = h("button", { class: "btn ghost small", type: "button" }, "Edit");
    const del = h("button", { class: "btn ghost small danger", type: "button" }, "Delete");
    edit.addEventListener("click", () => startEdit());
    let armed = false;
    del.addEventListener("click", async () => {
      if (!armed) {
        armed = true;
        del.textContent = "Click again to delete";
        window.setTimeout(() => ((armed = false), (del.textContent = "Delete")), 4000);
        return;
      }
      del.disabled = true;
      try {
        await api.del(`/posts/${p.id}`);
        deleted();
      } catch (err) {
        del.disabled = false;
        message.textContent = (err as Error).message;
      }
    });
    tools.append(h("div", { class: "row own-actions" }, edit, del));

    function startEdit(): void {
      const content = card.querySelector<HTMLElement>(".content");
      if (!content || card.querySelector("form.edit")) return;
      const text = h("textarea", { rows: 3, "aria-label": "Edit the post" });
      text.value = p.content;
      const save = h("button", { class: "btn primary", type: "submit" }, "Save");
      const cancel = h("button", { class: "btn", type: "button" }, "Cancel");
      const form = h("form", { class: "edit composer", "aria-label": "Edit post" }, text, h("div", { class: "row end" }, cancel, save));
      cancel.addEventListener("click", () => {
        form.replaceWith(content);
        edit.focus();
      });
      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        save.disabled = true;
        message.textContent = "";
        try {
          const { data } = await api.patch<Post>(`/posts/${p.id}`, { content: text.value });
          form.replaceWith(content);
          updated(data);
          edit.focus();
        } catch (err) {
          message.textContent = (err as Error).message;
          save.disabled = false;
        }
      });
      text.addEventListener("keydown", (e) => {
        if (e.key === "Escape") cancel.click();
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
      });
      content.replaceWith(form);
      text.focus();
    }
  }
  card.append(tools);

  function updated(next: Post): void {
    p = next;
    const content = card.querySelector(".content");
    if (content) content.textContent = next.content;
    const title = card.querySelector("h3");
    if (title) title.textContent = next.title ?? "";
    if (next.edited_at && !card.querySelector(".edited")) card.querySelector("header")?.append(h("span", { class: "edited muted small", title: `Edited ${new Date(next.edited_at).toLocaleString()}` }, "edited"));
  }
  function deleted(): void {
    card.classList.add("deleted");
    card.dataset.deleted = "true";
    replace(card, h("p", { class: "muted" }, "This post was deleted."));
  }
  if (p.edited_at) updated(p);
  void refresh();
  return { refresh, updated, deleted };
}
