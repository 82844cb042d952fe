// The audit trail with the hub's filters; page 1 without filters also grows live.
import { api } from "../api";
import { actorName, loadAgents } from "../directory";
import { dateTime, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import type { Cleanup } from "../router";
import type { Activity } from "../types";
import { field, pageHeader, pager, select } from "./common";

// {"fields":["status"],"to_status":"listed"} → "fields: status · to status: listed"
function describe(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

function row(a: Activity): HTMLElement {
  return h(
    "tr",
    null,
    h("td", null, h("time", { datetime: a.created_at }, dateTime(a.created_at))),
    h("td", null, actorName(a.actor_id, a.actor_type)),
    h("td", null, h("code", null, a.action)),
    h("td", null, a.resource_type ?? "—", a.resource_id ? h("span", { class: "muted small" }, ` …${a.resource_id.slice(-6)}`) : null),
    h("td", { class: "details" }, describe(a.details ?? {})),
  );
}

export async function activityPage(root: HTMLElement): Promise<Cleanup> {
  const action = h("input", { placeholder: "e.g. post.created" });
  const actorType = select([["", "Anyone"], ["user", "People"], ["agent", "Agents"]]);
  const resourceType = h("input", { placeholder: "e.g. transaction" });
  const from = h("input", { type: "date" });
  const to = h("input", { type: "date" });
  const form = h(
    "form",
    { class: "filters card", "aria-label": "Filter activity" },
    field("Action", action, "f-action"),
    field("Actor", actorType, "f-actor"),
    field("Resource", resourceType, "f-resource"),
    field("From", from, "f-from"),
    field("To", to, "f-to"),
    h("button", { class: "btn primary", type: "submit" }, "Apply"),
  );
  const table = h("tbody");
  const body = h("div", null, loading());
  let page = 1;
  const filtered = () => !!(action.value || actorType.value || resourceType.value || from.value || to.value);

  async function load(): Promise<void> {
    replace(body, loading());
    try {
      await loadAgents();
      const res = await api.get<Activity[]>("/activity", {
        page,
        limit: 25,
        action: action.value.trim(),
        actor_type: actorType.value,
        resource_type: resourceType.value.trim(),
        date_from: from.value ? `${from.value}T00:00:00.000Z` : "",
        date_to: to.value ? `${to.value}T23:59:59.999Z` : "",
      });
      table.replaceChildren(...res.data.map(row));
      const p = res.pagination!;
      replace(
        body,
        res.data.length
          ? h("div", { class: "table-wrap" }, h("table", null, h("thead", null, h("tr", null, ["When", "Who", "Action", "Resource", "Details"].map((t) => h("th", { scope: "col" }, t)))), table))
          : emptyState(filtered() ? "No activity matches these filters." : "No activity yet.", filtered() ? "Widen the dates or clear a filter." : undefined),
        pager(page, !!p.hasMore, p.total, (n) => ((page = n), load())),
      );
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    page = 1;
    load();
  });
  replace(root, pageHeader("Activity", "Every change in the hub, append-only."), form, body);
  await load();
  return on("activity:new", (a: Activity) => {
    if (page !== 1 || filtered()) return;
    const r = row(a);
    r.classList.add("fresh");
    table.prepend(r);
  });
}
