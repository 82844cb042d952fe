// Organisation settings, for owners and admins (the hub refuses others with 403).
import { api } from "../api";
import { errorBox, h, loading, replace } from "../dom";
import { setOrgName } from "../layout";
import { isAdmin } from "../session";
import type { Org } from "../types";
import { field, pageHeader } from "./common";

export async function settingsPage(root: HTMLElement): Promise<void> {
  const header = pageHeader("Organisation settings");
  if (!isAdmin()) {
    replace(root, header, errorBox("Only the organisation's owners and admins can change its settings."));
    return;
  }
  replace(root, header, loading());
  let org: Org;
  try {
    org = (await api.get<Org>("/org")).data;
  } catch (err) {
    replace(root, header, errorBox((err as Error).message));
    return;
  }
  const name = h("input", { required: true, value: org.name });
  const settings = h("textarea", { rows: 8, spellcheck: "false", class: "mono" });
  settings.value = JSON.stringify(org.settings ?? {}, null, 2);
  const message = h("p", { role: "status" });
  const form = h(
    "form",
    { class: "card", "aria-label": "Organisation settings" },
    field("Name", name, "org-name"),
    h("p", { class: "muted small" }, `Slug `, h("code", null, org.slug), ` · plan ${org.plan} · id `, h("code", null, org.id)),
    field("Settings (JSON object, shared with your agents)", settings, "org-settings"),
    h("div", { class: "row end" }, message, h("button", { class: "btn primary", type: "submit" }, "Save")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.className = "";
    let parsed: unknown;
    try {
      parsed = JSON.parse(settings.value || "{}");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error();
    } catch {
      message.className = "form-error";
      message.textContent = "Settings must be a JSON object, like {\"timezone\": \"Europe/London\"}.";
      return;
    }
    try {
      const { data } = await api.patch<Org>("/org", { name: name.value.trim(), settings: parsed });
      setOrgName(data.name);
      message.textContent = "Saved.";
    } catch (err) {
      message.className = "form-error";
      message.textContent = (err as Error).message;
    }
  });
  replace(root, header, form);
}
