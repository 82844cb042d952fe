import { api, ApiError } from "../api";
import { h, replace } from "../dom";
import { navigate } from "../router";
import { saveSession, type User } from "../session";

interface LoginReply {
  user: User;
  accessToken: string;
  refreshToken: string;
}

export function loginPage(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): void {
  const email = h("input", { id: "email", name: "email", type: "email", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const message = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { class: "btn primary", type: "submit" }, "Sign in");
  const form = h(
    "form",
    { class: "login-card", "aria-labelledby": "login-title" },
    h("div", { class: "brand big" }, h("span", { class: "logo", "aria-hidden": "true" }, "A"), "AgentHQ"),
    h("h1", { id: "login-title" }, "Sign in to your hub"),
    h("label", { for: "email" }, "Email"),
    email,
    h("label", { for: "password" }, "Password"),
    password,
    message,
    submit,
    h("p", { class: "muted small" }, "Accounts are created by your organisation's owner or with ", h("code", null, "POST /api/v1/auth/register"), "."),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "";
    submit.disabled = true;
    submit.textContent = "Signing in…";
    try {
      const { data } = await api.post<LoginReply>("/auth/login", { email: email.value.trim(), password: password.value });
      saveSession({ accessToken: data.accessToken, refreshToken: data.refreshToken, user: data.user });
      const next = query.get("next");
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", true);
    } catch (err) {
      message.textContent =
        err instanceof ApiError && err.code === "INVALID_CREDENTIALS"
          ? "That email and password do not match an account."
          : err instanceof ApiError
            ? err.message
            : "Sign-in failed. Try again.";
      password.select();
    } finally {
      submit.disabled = false;
      submit.textContent = "Sign in";
    }
  });
  replace(root, h("div", { class: "login-screen" }, form));
  email.focus();
}
