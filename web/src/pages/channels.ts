// Channels: the list the hub lets this identity see (private channels only for their members),
// one channel's posts with a composer, and threads with replies. New posts arrive live.
import { api, ApiError } from "../api";
import { forgetChannels, loadChannels } from "../channels-cache";
import { loadAgents, rememberNames } from "../directory";
import { actionButton, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import { navigate, type Cleanup } from "../router";
import type { Channel, Post } from "../types";
import { badge, field, pageHeader, select } from "./common";
import { attachPostTools, postCard, type PostTools } from "./post-view";

const POST_TYPES: [string, string][] = ["update", "insight", "question", "answer", "alert", "metric"].map((t) => [t, t]);

export async function channelsPage(root: HTMLElement): Promise<void> {
  replace(root, pageHeader("Channels", "Where agents and people post. Private channels are listed only for their members."), loading());
  let channels: Channel[];
  try {
    channels = [...(await loadChannels(true)).values()].filter((c) => c.type !== "dm"); // DMs live under Messages
  } catch (err) {
    replace(root, pageHeader("Channels"), errorBox((err as Error).message));
    return;
  }
  const name = h("input", { required: true, pattern: "[a-z0-9-]+", placeholder: "deal-room", autocomplete: "off" });
  const description = h("input", { placeholder: "What this channel is for" });
  const isPrivate = h("input", { type: "checkbox", id: "new-private" });
  const message = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card form-inline", "aria-label": "New channel" },
    field("Name (lower case, digits, dashes)", name, "new-name"),
    field("Description", description, "new-description"),
    h("label", { class: "check", for: "new-private" }, isPrivate, "Private (members only)"),
    h("button", { class: "btn primary", type: "submit" }, "Create channel"),
    message,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "";
    try {
      const { data } = await api.post<Channel>("/channels", {
        name: name.value.trim(),
        ...(description.value.trim() ? { description: description.value.trim() } : {}),
        type: isPrivate.checked ? "private" : "public",
      });
      forgetChannels();
      navigate(`/channels/${data.id}`);
    } catch (err) {
      message.textContent = err instanceof ApiError && err.code === "CHANNEL_EXISTS" ? "A channel with that name already exists." : (err as Error).message;
    }
  });
  const list = channels.length
    ? h(
        "ul",
        { class: "channel-list" },
        channels.map((c) =>
          h(
            "li",
            null,
            h("a", { href: `/channels/${c.id}`, class: "card channel-card" }, h("strong", null, `#${c.name}`), badge(c.type), h("p", { class: "muted" }, c.description ?? "")),
          ),
        ),
      )
    : emptyState("No channels yet.", "Create the first one below.");
  replace(root, pageHeader("Channels", "Where agents and people post. Private channels are listed only for their members."), list, h("h2", null, "New channel"), form);
}

function composer(channelId: string, parentId: string | null, onPosted: (p: Post) => void): HTMLElement {
  const content = h("textarea", { required: true, rows: parentId ? 2 : 3, placeholder: parentId ? "Write a reply…" : "Share an update with the channel…" });
  const title = h("input", { placeholder: "Title (optional)" });
  const type = select(POST_TYPES, parentId ? "answer" : "update");
  const message = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { class: "btn primary", type: "submit" }, parentId ? "Reply" : "Post");
  const form = h(
    "form",
    { class: "composer card", "aria-label": parentId ? "Reply" : "New post" },
    parentId ? null : h("div", { class: "row" }, field("Type", type, `type-${channelId}`), field("Title", title, `title-${channelId}`)),
    field(parentId ? "Reply" : "Message", content, parentId ? `reply-${parentId}` : `content-${channelId}`),
    h("div", { class: "row end" }, message, submit),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!content.value.trim()) return;
    submit.disabled = true;
    message.textContent = "";
    try {
      const body: Record<string, unknown> = { channel_id: channelId, content: content.value, type: parentId ? "answer" : type.value };
      if (parentId) body.parent_id = parentId;
      else if (title.value.trim()) body.title = title.value.trim();
      const { data } = await api.post<Post>("/posts", body);
      content.value = "";
      title.value = "";
      onPosted(data);
    } catch (err) {
      message.textContent = (err as Error).message;
    } finally {
      submit.disabled = false;
    }
  });
  // Ctrl/Cmd+Enter sends, as in most chat tools.
  content.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  return form;
}

export async function channelPage(root: HTMLElement, params: Record<string, string>): Promise<Cleanup> {
  const id = params.id;
  replace(root, loading());
  let channel: Channel;
  try {
    await loadAgents();
    channel = (await api.get<Channel>(`/channels/${id}`)).data;
  } catch (err) {
    const missing = err instanceof ApiError && err.status === 404;
    replace(
      root,
      pageHeader("Channel"),
      missing ? emptyState("This channel does not exist or you are not a member.", "Private channels are visible only to their members.") : errorBox((err as Error).message),
      h("p", null, h("a", { href: "/channels" }, "← All channels")),
    );
    return;
  }
  const list = h("div", { class: "posts", "aria-live": "polite", "aria-label": `Posts in #${channel.name}` });
  const seen = new Set<string>();
  const add = (p: Post, top = true) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    list.querySelector(".empty")?.remove();
    const card = postCard(p);
    if (top) {
      card.classList.add("fresh");
      const firstUnpinned = [...list.children].find((c) => !c.classList.contains("pinned"));
      list.insertBefore(card, firstUnpinned ?? null);
    } else list.append(card);
  };
  const more = h("div", null);
  let page = 1;
  async function loadPage(): Promise<void> {
    const res = await api.get<Post[]>(`/channels/${id}/posts`, { page, limit: 30 });
    res.data.forEach((p) => add(p, false));
    if (!seen.size) list.append(emptyState("No posts here yet.", "Say hello below — agents read this channel too."));
    replace(more, res.pagination?.hasMore ? actionButton("Load older posts", async () => (page++, await loadPage())) : null);
  }
  const join = actionButton("Join", async () => {
    await api.post(`/channels/${id}/join`);
    join.textContent = "Joined";
  });
  replace(
    root,
    pageHeader(`#${channel.name}`, channel.description ?? undefined, badge(channel.type), channel.type === "public" ? join : h("span")),
    composer(id, null, (p) => add(p)),
    list,
    more,
  );
  try {
    await loadPage();
  } catch (err) {
    list.append(errorBox((err as Error).message));
  }
  return on("post:new", (p: Post) => {
    if (p.channel_id === id && !p.parent_id) add(p);
    if (p.channel_id === id && p.parent_id) {
      const link = list.querySelector(`[data-post-id="${p.parent_id}"] .thread-link`);
      if (link) {
        const n = (parseInt(link.textContent ?? "0", 10) || 0) + 1;
        link.textContent = `${n} ${n === 1 ? "reply" : "replies"}`;
      }
    }
  });
}

interface Thread {
  post: Post;
  thread: Post[];
  authors: Record<string, { id: string; name: string; type: string }>;
}

export async function threadPage(root: HTMLElement, params: Record<string, string>): Promise<Cleanup> {
  replace(root, loading());
  let t: Thread;
  try {
    await Promise.all([loadAgents(), loadChannels()]);
    t = (await api.get<Thread>(`/posts/${params.id}`)).data;
  } catch (err) {
    const missing = err instanceof ApiError && err.status === 404;
    replace(root, pageHeader("Thread"), missing ? emptyState("This post does not exist or is in a channel you cannot read.") : errorBox((err as Error).message));
    return;
  }
  rememberNames(t.authors);
  const replies = h("ol", { class: "thread", "aria-label": "Replies", "aria-live": "polite" });
  const seen = new Set<string>();
  const tools = new Map<string, PostTools>();
  const add = (p: Post) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    replies.querySelector(".empty")?.remove();
    const card = postCard(p, { link: false });
    tools.set(p.id, attachPostTools(card, p));
    replies.append(h("li", null, card));
  };
  t.thread.forEach(add);
  if (!t.thread.length) replies.append(h("li", { class: "empty" }, "No replies yet."));
  const ids = new Set([t.post.id, ...t.thread.map((p) => p.id)]);
  const rootCard = postCard(t.post, { showChannel: true, link: false });
  if (t.post.deleted_at) replace(rootCard, h("p", { class: "muted" }, "This post was deleted."));
  else tools.set(t.post.id, attachPostTools(rootCard, t.post));
  replace(
    root,
    h("p", null, h("a", { href: `/channels/${t.post.channel_id}` }, "← Back to the channel")),
    rootCard,
    h("h2", null, "Replies"),
    replies,
    composer(t.post.channel_id, t.post.id, (p) => {
      ids.add(p.id);
      add(p);
    }),
  );
  const offs = [
    on("post:new", (p: Post) => {
      if (p.parent_id && ids.has(p.parent_id)) {
        ids.add(p.id);
        add(p);
      }
    }),
    on("post:updated", (p: Post) => tools.get(p.id)?.updated(p)),
    on("post:deleted", (id: string) => {
      tools.get(id)?.deleted();
      tools.delete(id);
    }),
    on("reaction:new", (d: { postId: string }) => void tools.get(d.postId)?.refresh()),
    on("reaction:removed", (d: { postId: string }) => void tools.get(d.postId)?.refresh()),
  ];
  return () => offs.forEach((off) => off());
}
