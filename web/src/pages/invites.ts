// Invites (owners and admins): invite an agent or a person; the token is shown once, with the
// invite URL to hand over (the Go CLI and the dashboard's /invite/<token> page read it); the list
// shows each invite's status, and a pending one can be revoked.
import { api, ApiError } from "../api";
import { memberName } from "../directory";
import { actionButton, ago, dateTime, emptyState, errorBox, h, loading, replace } from "../dom";
import { isAdmin } from "../session";
import type { Invite } from "../types";
import { badge, field, pageHeader, pager, select } from "./common";

export function inviteUrl(token: string): string {
  return `${location.origin}/invite/${encodeURIComponent(token)}`;
}

function shownOnce(invite: Invite, token: string): HTMLElement {
  const url = inviteUrl(token);
  const copy = h("button", { class: "btn", type: "button" }, "Copy link");
  copy.addEventListener("click", async () => {
    await navigator.clipboard?.writeText(url).catch(() => {});
    copy.textContent = "Copied";
  });
  const who = invite.invite_type === "agent" ? "an agent" : `${invite.email} (${invite.role ?? "member"})`;
  return h(
    "div",
    { class: "notice", role: "status", "data-testid": "invite-created" },
    h("p", null, h("strong", null, `Invite for ${who} created.`), " Send this link. It is shown only now and works once, for 7 days:"),
    h("div", { class: "row" }, h("code", { class: "secret", "data-testid": "invite-url" }, url), copy),
    h("p", { class: "muted small" }, "Token: ", h("code", { "data-testid": "invite-token" }, token)),
  );
}

export async function invitesPage(root: HTMLElement): Promise<void> {
  const header = pageHeader("Invites", "Bring agents and people into the organisation. An invite works once and expires after 7 days.");
  if (!isAdmin()) {
    replace(root, header, emptyState("Only owners and admins manage invites.", "Ask one of them to invite the agent or person you have in mind."));
    return;
  }
  const result = h("div", null);
  const filter = select([["", "All invites"], ["agent", "Agents"], ["user", "People"]]);
  const list = h("tbody", null);
  const body = h("div", null, loading());
  let page = 1;

  const row = (i: Invite): HTMLElement => {
    const message = h("span", { class: "form-error", role: "alert" });
    const revoke =
      i.status === "pending"
        ? actionButton("Revoke", async () => {
            message.textContent = "";
            try {
              const { data } = await api.post<Invite>(`/invites/${i.id}/revoke`);
              tr.replaceWith(row(data));
            } catch (err) {
              message.textContent = err instanceof ApiError && err.code === "INVALID_STATUS" ? "It is no longer pending." : (err as Error).message;
            }
          }, "btn danger")
        : null;
    const redeemedBy = i.redeemed_by_user_id ? memberName(i.redeemed_by_user_id, "user") : i.redeemed_by_agent_id ? memberName(i.redeemed_by_agent_id, "agent") : null;
    const tr = h(
      "tr",
      { "data-invite-id": i.id, "data-type": i.invite_type, "data-status": i.status },
      h("td", null, i.invite_type === "agent" ? "Agent" : "Person"),
      h("td", null, i.email ?? "—", i.role ? h("span", { class: "muted small" }, ` · ${i.role}`) : null),
      h("td", { class: "invite-status" }, badge(i.status), redeemedBy ? h("span", { class: "muted small" }, ` by ${redeemedBy}`) : null),
      h("td", null, h("time", { datetime: i.created_at, title: dateTime(i.created_at) }, ago(i.created_at))),
      h("td", null, i.status === "pending" ? dateTime(i.expires_at) : "—"),
      h("td", null, revoke, message),
    );
    return tr;
  };

  let generation = 0;  // only the latest load renders (filters changed while one was in flight)
  async function load(): Promise<void> {
    const mine = ++generation;
    replace(body, loading());
    try {
      const res = await api.get<Invite[]>("/invites", { page, limit: 20, type: filter.value });
      if (mine !== generation) return;
      list.replaceChildren(...res.data.map(row));
      replace(
        body,
        res.data.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { class: "invites" },
                h("thead", null, h("tr", null, ["Kind", "Email and role", "Status", "Created", "Expires", ""].map((t) => h("th", { scope: "col" }, t)))),
                list,
              ),
            )
          : emptyState("No invites yet.", "Create one above: an agent invite gives an agent its API key, a person's invite lets them choose a password."),
        res.pagination && (page > 1 || res.pagination.hasMore) ? pager(page, !!res.pagination.hasMore, res.pagination.total, (n) => ((page = n), load())) : null,
      );
    } catch (err) {
      if (mine === generation) replace(body, errorBox((err as Error).message));
    }
  }
  filter.addEventListener("change", () => ((page = 1), load()));

  const agentError = h("p", { class: "form-error", role: "alert" });
  const agentInvite = actionButton("Create agent invite", async () => {
    agentError.textContent = "";
    try {
      const { data } = await api.post<{ invite: Invite; token: string }>("/invites/agent");
      replace(result, shownOnce(data.invite, data.token));
      page = 1;
      await load();
    } catch (err) {
      agentError.textContent = (err as Error).message;
    }
  }, "btn primary");

  const email = h("input", { type: "email", required: true, placeholder: "colleague@example.com", autocomplete: "off" });
  const role = select([["member", "Member"], ["admin", "Admin"], ["viewer", "Viewer (read only)"]], "member");
  const userError = h("p", { class: "form-error", role: "alert" });
  const userForm = h(
    "form",
    { class: "form-inline", "aria-label": "Invite a person" },
    field("Email", email, "invite-email"),
    field("Role", role, "invite-role"),
    h("button", { class: "btn primary", type: "submit" }, "Invite person"),
    userError,
  );
  userForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    userError.textContent = "";
    try {
      const { data } = await api.post<{ invite: Invite; token: string }>("/invites/user", { email: email.value.trim(), role: role.value });
      email.value = "";
      replace(result, shownOnce(data.invite, data.token));
      page = 1;
      await load();
    } catch (err) {
      userError.textContent =
        err instanceof ApiError && err.code === "PENDING_INVITE_EXISTS"
          ? "That address already has a pending invite. Revoke it first to send a new one."
          : err instanceof ApiError && err.code === "USER_ALREADY_IN_ORG"
            ? "That person is already a member of this organisation."
            : (err as Error).message;
    }
  });

  replace(
    root,
    header,
    h(
      "div",
      { class: "invite-forms" },
      h("section", { class: "card", "aria-labelledby": "inv-agent" }, h("h2", { id: "inv-agent" }, "Invite an agent"), h("p", { class: "muted small" }, "The agent redeems the link with a name of its choosing and receives its API key."), h("div", { class: "row" }, agentInvite), agentError),
      h("section", { class: "card", "aria-labelledby": "inv-user" }, h("h2", { id: "inv-user" }, "Invite a person"), userForm),
    ),
    result,
    h("h2", null, "All invites"),
    h("div", { class: "filters card" }, field("Show", filter, "inv-type")),
    body,
  );
  await load();
}
