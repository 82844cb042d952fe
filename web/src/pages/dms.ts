// Direct messages: the signed-in person's conversations (GET /dm), starting one with an agent or
// a person of the org (POST /dm), and one conversation, a members-only channel whose messages are
// ordinary posts and arrive live (post:new reaches only the two members).
import { api, ApiError } from "../api";
import { actorName, loadAgents, loadMembers, memberName, rememberNames, type Member } from "../directory";
import { ago, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import { navigate, type Cleanup } from "../router";
import { currentSession } from "../session";
import type { Channel, Post } from "../types";
import { badge, field, pageHeader, select } from "./common";

interface Thread {
  authors: Record<string, { id: string; name: string; type: string }>;
}

function startForm(members: Member[]): HTMLElement {
  const me = currentSession()!.user;
  const OTHER = "other";
  const options: [string, string][] = [["", "Choose someone…"]];
  for (const m of members) if (m.id !== me.id) options.push([`${m.type}:${m.id}`, m.type === "agent" ? `${m.name} (agent)` : m.name]);
  options.push([OTHER, "Someone else, by member id…"]);
  const who = select(options, "");
  const otherId = h("input", { placeholder: "01H…", autocomplete: "off", spellcheck: "false" });
  const otherType = select([["user", "Person"], ["agent", "Agent"]], "user");
  const other = h("div", { class: "row", hidden: true }, field("Member id", otherId, "dm-other-id"), field("Kind", otherType, "dm-other-type"));
  who.addEventListener("change", () => (other.hidden = who.value !== OTHER));
  const message = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card composer", "aria-label": "Start a conversation" },
    field("With", who, "dm-with"),
    other,
    h("div", { class: "row end" }, message, h("button", { class: "btn primary", type: "submit" }, "Open conversation")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "";
    let member_id: string;
    let member_type: string;
    if (who.value === OTHER) {
      member_id = otherId.value.trim();
      member_type = otherType.value;
    } else if (who.value) {
      const i = who.value.indexOf(":");
      member_type = who.value.slice(0, i);
      member_id = who.value.slice(i + 1);
    } else {
      message.textContent = "Choose who to write to.";
      return;
    }
    if (!member_id) {
      message.textContent = "Enter their member id.";
      return;
    }
    try {
      const { data } = await api.post<Channel>("/dm", { member_id, member_type });
      navigate(`/dm/${data.id}`);
    } catch (err) {
      message.textContent =
        err instanceof ApiError && err.status === 404
          ? "There is no such member in this organisation."
          : err instanceof ApiError && err.status === 400 && member_id === me.id
            ? "That is you — choose someone else."
            : (err as Error).message;
    }
  });
  return form;
}

export async function dmsPage(root: HTMLElement): Promise<Cleanup> {
  const header = pageHeader("Messages", "Direct conversations with agents and people. Only the two of you can read them.");
  replace(root, header, loading());
  let dms: Channel[];
  let members: Member[];
  try {
    [dms, members] = await Promise.all([api.get<Channel[]>("/dm").then((r) => r.data), loadMembers()]);
  } catch (err) {
    replace(root, header, errorBox((err as Error).message));
    return;
  }
  const me = currentSession()!.user;
  const list = h(
    "ul",
    { class: "dm-list", "aria-label": "Conversations" },
    dms.map((c) =>
      h(
        "li",
        null,
        h(
          "a",
          { href: `/dm/${c.id}`, class: "card dm-card", "data-dm-id": c.id },
          h("strong", null, memberName(c.member_id, c.member_type)),
          badge(c.member_type === "agent" ? "agent" : "person", c.member_type ?? "user"),
          h("span", { class: "muted small" }, `active ${ago(c.updated_at ?? c.created_at)}`),
        ),
      ),
    ),
  );
  const copy = h("button", { class: "btn", type: "button" }, "Copy");
  copy.addEventListener("click", async () => {
    await navigator.clipboard?.writeText(me.id).catch(() => {});
    copy.textContent = "Copied";
  });
  replace(
    root,
    header,
    dms.length ? list : emptyState("No conversations yet.", "Start one below; the other member is notified of every message."),
    h("h2", null, "Start a conversation"),
    startForm(members),
    h("p", { class: "muted small row" }, "Your member id, for colleagues who want to write to you:", h("code", { class: "secret", "data-testid": "my-member-id" }, me.id), copy),
  );
  // A conversation someone opens with me shows up once its first message arrives.
  return on("post:new", (p: Post) => {
    if (!dms.some((c) => c.id === p.channel_id) && p.author_id !== me.id)
      api
        .get<Channel>(`/channels/${p.channel_id}`)
        .then((r) => r.data.type === "dm" && root.isConnected && navigate("/dm", true))
        .catch(() => {});
  });
}

export async function dmPage(root: HTMLElement, params: Record<string, string>): Promise<Cleanup> {
  const id = params.id;
  replace(root, loading());
  const me = currentSession()!.user;
  let channel: Channel | undefined;
  let posts: Post[];
  try {
    await loadAgents();
    const dms = (await api.get<Channel[]>("/dm")).data;
    channel = dms.find((c) => c.id === id);
    if (!channel) throw new ApiError(404, "NOT_FOUND", "not found");
    posts = (await api.get<Post[]>("/posts", { channel_id: id, limit: 100 })).data;
  } catch (err) {
    const missing = err instanceof ApiError && err.status === 404;
    replace(
      root,
      pageHeader("Conversation"),
      missing ? emptyState("This conversation does not exist or is not yours.", "Direct messages can be read only by their two members.") : errorBox((err as Error).message),
      h("p", null, h("a", { href: "/dm" }, "← All conversations")),
    );
    return;
  }
  // People's names come with a post's thread reply; ask once for the other person's.
  const otherPost = posts.find((p) => p.author_type === "user" && p.author_id !== me.id);
  if (otherPost) await api.get<Thread>(`/posts/${otherPost.id}`).then((r) => rememberNames(r.data.authors)).catch(() => {});
  const withName = memberName(channel.member_id, channel.member_type);

  const log = h("ol", { class: "dm-log", "aria-label": `Messages with ${withName}`, "aria-live": "polite" });
  const seen = new Set<string>();
  const add = (p: Post) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    log.querySelector(".empty")?.remove();
    const mine = p.author_id === me.id;
    log.append(
      h(
        "li",
        { class: `dm-message${mine ? " mine" : ""}`, "data-post-id": p.id },
        h("div", { class: "dm-meta" }, h("strong", null, mine ? "You" : actorName(p.author_id, p.author_type)), h("time", { datetime: p.created_at, title: new Date(p.created_at).toLocaleString() }, ago(p.created_at))),
        h("div", { class: "content" }, p.content),
      ),
    );
    log.lastElementChild?.scrollIntoView({ block: "nearest" });
  };
  [...posts].reverse().forEach(add);
  if (!posts.length) log.append(h("li", { class: "empty" }, `No messages yet. Say hello to ${withName}.`));

  const content = h("textarea", { required: true, rows: 2, placeholder: `Message ${withName}…`, "aria-describedby": "dm-hint" });
  const message = h("p", { class: "form-error", role: "alert" });
  const send = h("button", { class: "btn primary", type: "submit" }, "Send");
  const form = h(
    "form",
    { class: "card composer dm-composer", "aria-label": "Send a message" },
    field("Message", content, "dm-content"),
    h("div", { class: "row end" }, h("span", { class: "muted small spacer", id: "dm-hint" }, "Enter sends, Shift+Enter starts a new line."), message, send),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!content.value.trim() || send.disabled) return;
    send.disabled = true;
    message.textContent = "";
    try {
      const { data } = await api.post<Post>("/posts", { channel_id: id, type: "update", content: content.value });
      content.value = "";
      add(data);
    } catch (err) {
      message.textContent = (err as Error).message;
    } finally {
      send.disabled = false;
      content.focus();
    }
  });
  content.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  replace(
    root,
    h("p", null, h("a", { href: "/dm" }, "← All conversations")),
    pageHeader(withName, channel.member_type === "agent" ? "A direct conversation with an agent." : "A direct conversation. Only the two of you can read it.", badge(channel.member_type === "agent" ? "agent" : "person", channel.member_type ?? "user")),
    log,
    form,
  );
  log.lastElementChild?.scrollIntoView({ block: "nearest" });
  return on("post:new", (p: Post) => {
    if (p.channel_id === id && !p.parent_id) add(p);
  });
}
