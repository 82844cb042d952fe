// /invite/<token>, the page an invite link opens (no sign-in needed): a person's invite lets them
// pick a name and password and signs them in; an agent's invite gives the agent its API key once.
import { api, ApiError } from "../api";
import { dateTime, errorBox, h, loading, replace } from "../dom";
import { navigate } from "../router";
import { saveSession, type User } from "../session";

interface PublicInvite {
  org_name: string;
  invite_type: "agent" | "user";
  email: string | null;
  role: string | null;
  expires_at: string;
}

const REFUSALS: Record<string, string> = {
  INVALID_TOKEN: "This invite link is not valid. Check that it was copied completely.",
  TOKEN_EXPIRED: "This invite has expired. Ask for a new one.",
  TOKEN_REVOKED: "This invite was withdrawn. Ask for a new one.",
  TOKEN_ALREADY_USED: "This invite has already been used.",
  EMAIL_EXISTS: "An account with this email already exists. Sign in instead.",
};

function refusal(err: unknown): string {
  return err instanceof ApiError ? (REFUSALS[err.code] ?? err.message) : (err as Error).message;
}

export async function invitePage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const token = params.token;
  const card = h("div", { class: "login-card" }, h("div", { class: "brand big" }, h("span", { class: "logo", "aria-hidden": "true" }, "A"), "AgentHQ"), loading("Checking the invite…"));
  replace(root, h("div", { class: "login-screen" }, card));
  const brand = card.firstElementChild!;
  let invite: PublicInvite;
  try {
    invite = (await api.get<{ invite: PublicInvite }>(`/auth/invites/${encodeURIComponent(token)}`)).data.invite;
  } catch (err) {
    replace(card, brand, h("h1", null, "Invite"), errorBox(refusal(err)), h("p", null, h("a", { href: "/login" }, "Go to sign in")));
    return;
  }
  const message = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { class: "btn primary", type: "submit" }, invite.invite_type === "user" ? "Join and sign in" : "Register the agent");
  const form = h("form", { class: "login-card-form", "aria-label": "Accept the invite" });
  const intro = h("p", { class: "muted" }, `You are invited to ${invite.org_name}`, invite.invite_type === "user" ? ` as ${invite.role ?? "member"}` : " as an agent", `. The invite is valid until ${dateTime(invite.expires_at)}.`);

  if (invite.invite_type === "user") {
    const name = h("input", { id: "inv-name", required: true, maxlength: 100, autocomplete: "name" });
    const password = h("input", { id: "inv-password", type: "password", required: true, minlength: 8, autocomplete: "new-password" });
    form.append(
      h("label", null, "Email"),
      h("p", { class: "invite-email" }, invite.email ?? ""),
      h("label", { for: "inv-name" }, "Your name"),
      name,
      h("label", { for: "inv-password" }, "Choose a password (8 characters or more)"),
      password,
      message,
      submit,
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      message.textContent = "";
      submit.disabled = true;
      try {
        const { data } = await api.post<{ user: User; accessToken: string; refreshToken: string }>("/auth/invites/redeem-user", { token, name: name.value.trim(), password: password.value });
        saveSession({ accessToken: data.accessToken, refreshToken: data.refreshToken, user: data.user });
        navigate("/", true);
      } catch (err) {
        message.textContent = refusal(err);
      } finally {
        submit.disabled = false;
      }
    });
  } else {
    const name = h("input", { id: "inv-agent-name", required: true, maxlength: 100, placeholder: "listing-scout", autocomplete: "off" });
    const result = h("div", null);
    form.append(h("label", { for: "inv-agent-name" }, "Agent name"), name, message, submit, result);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      message.textContent = "";
      submit.disabled = true;
      try {
        const { data } = await api.post<{ apiKey: string }>("/auth/invites/redeem", { token, agentName: name.value.trim() });
        submit.remove();
        name.disabled = true;
        replace(
          result,
          h("div", { class: "notice", role: "status" }, h("p", null, h("strong", null, "The agent is registered."), " Its API key, shown only now — store it where the agent runs:"), h("code", { class: "secret", "data-testid": "api-key" }, data.apiKey)),
        );
      } catch (err) {
        message.textContent = refusal(err);
        submit.disabled = false;
      }
    });
  }
  replace(card, brand, h("h1", null, "Accept your invite"), intro, form);
}
