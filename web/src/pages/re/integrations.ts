// Follow Up Boss, Dotloop and QuickBooks: status, connect, sync (with progress) and the sync log.
import { api } from "../../api";
import { actionButton, ago, dateTime, errorBox, h, loading, replace } from "../../dom";
import { on } from "../../live";
import type { Cleanup } from "../../router";
import { isAdmin } from "../../session";
import type { Integration, SyncLog } from "../../types";
import { badge, field, pageHeader } from "../common";

interface Provider {
  type: Integration["type"];
  name: string;
  about: string;
  fields: { key: string; label: string; secret?: boolean }[];
}

const PROVIDERS: Provider[] = [
  { type: "fub", name: "Follow Up Boss", about: "CRM: people and deals. A sync imports deals as transactions.", fields: [{ key: "apiKey", label: "API key", secret: true }] },
  {
    type: "dotloop",
    name: "Dotloop",
    about: "Transaction management: a sync imports loops as transactions.",
    fields: [
      { key: "accessToken", label: "Access token", secret: true },
      { key: "refreshToken", label: "Refresh token", secret: true },
    ],
  },
  {
    type: "quickbooks",
    name: "QuickBooks Online",
    about: "Accounting: a sync counts accounts, invoices, payments and bills.",
    fields: [
      { key: "accessToken", label: "Access token", secret: true },
      { key: "refreshToken", label: "Refresh token", secret: true },
      { key: "realmId", label: "Company (realm) id" },
    ],
  },
];

function logTable(logs: SyncLog[]): HTMLElement {
  if (!logs.length) return h("p", { class: "muted small" }, "No syncs yet.");
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "sync-log" },
      h("thead", null, h("tr", null, ["Started", "Operation", "Status", "Records", "Error"].map((t) => h("th", { scope: "col" }, t)))),
      h(
        "tbody",
        null,
        logs.map((l) => h("tr", null, h("td", null, dateTime(l.started_at)), h("td", null, h("code", null, l.operation)), h("td", null, badge(l.status)), h("td", { class: "num" }, String(l.records_synced)), h("td", null, l.error ?? ""))),
      ),
    ),
  );
}

function providerCard(p: Provider, integration: Integration | undefined, reload: () => void): HTMLElement {
  const logArea = h("div", null);
  const progress = h("div", { role: "status", "aria-live": "polite" });
  const card = h("section", { class: "card integration", "data-type": p.type });
  const status = integration?.status ?? "not connected";
  const connectForm = () => {
    const inputs = p.fields.map((f) => ({ f, input: h("input", { type: f.secret ? "password" : "text", required: true, autocomplete: "off" }) }));
    const message = h("p", { class: "form-error", role: "alert" });
    const form = h(
      "form",
      { class: "connect" },
      inputs.map(({ f, input }) => field(f.label, input, `${p.type}-${f.key}`)),
      h("div", { class: "row end" }, message, h("button", { class: "btn primary", type: "submit" }, integration ? "Reconnect" : "Connect")),
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      message.textContent = "";
      const credentials: Record<string, string | number> = {};
      inputs.forEach(({ f, input }) => (credentials[f.key] = input.value.trim()));
      if (p.type !== "fub") credentials.expiresAt = Date.now() + 3600_000;
      try {
        await api.post<Integration>("/integrations/connect", { type: p.type, credentials });
        reload();
      } catch (err) {
        message.textContent = (err as Error).message;
      }
    });
    return form;
  };
  const actions = h("div", { class: "row" });
  if (integration && integration.status !== "disconnected") {
    actions.append(
      actionButton("Sync now", async () => {
        replace(progress, loading(`Syncing with ${p.name}… this can take a while.`));
        try {
          const { data } = await api.post<SyncLog[]>(`/integrations/${p.type}/sync`);
          const total = data.reduce((a, l) => a + l.records_synced, 0);
          replace(progress, h("p", { class: "notice" }, `Sync finished: ${total} records.`));
        } catch (err) {
          replace(progress, errorBox(`Sync failed: ${(err as Error).message}`));
        }
        loadLogs();
      }, "btn primary"),
      actionButton("Test connection", async () => {
        replace(progress, loading(`Asking ${p.name}…`));
        try {
          const { data } = await api.bare<{ success: boolean; message: string }>(`/integrations/${p.type}/test`);
          replace(progress, data.success ? h("p", { class: "notice" }, data.message || "Connected.") : errorBox(`${p.name} refused: ${data.message}`));
        } catch (err) {
          replace(progress, errorBox((err as Error).message));
        }
      }),
    );
    if (isAdmin())
      actions.append(
        actionButton("Disconnect", async () => {
          await api.post(`/integrations/${integration.id}/disconnect`);
          reload();
        }, "btn danger"),
      );
  }
  async function loadLogs(): Promise<void> {
    if (!integration) return;
    try {
      const { data } = await api.get<SyncLog[]>(`/integrations/${integration.id}/sync-logs`, { limit: 10 });
      replace(logArea, h("h3", null, "Sync log"), logTable(data));
    } catch (err) {
      replace(logArea, errorBox((err as Error).message));
    }
  }
  replace(
    card,
    h("header", { class: "row" }, h("h2", null, p.name), badge(status, status.replace(/ /g, "_"))),
    h("p", { class: "muted" }, p.about),
    integration?.last_error ? errorBox(integration.last_error) : null,
    integration ? h("p", { class: "small muted" }, `Last synced ${ago(integration.last_synced_at)}`) : null,
    actions,
    progress,
    !integration || integration.status === "disconnected" ? (isAdmin() ? connectForm() : h("p", { class: "muted small" }, "An owner or admin can connect it.")) : null,
    logArea,
  );
  loadLogs();
  return card;
}

export async function integrationsPage(root: HTMLElement): Promise<Cleanup> {
  const header = pageHeader("Integrations", "Credentials are stored encrypted and never shown again.");
  const body = h("div", { class: "integrations" }, loading());
  replace(root, header, body);
  async function load(): Promise<void> {
    try {
      const { data } = await api.get<Integration[]>("/integrations");
      replace(body, PROVIDERS.map((p) => providerCard(p, data.find((i) => i.type === p.type), load)));
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }
  await load();
  return on("integration:updated", () => load());
}
