// Transactions as a table with the hub's filters, and a form to open a new one.
import { api } from "../../api";
import { agentName, loadAgents } from "../../directory";
import { dateTime, emptyState, errorBox, h, label, loading, money, replace } from "../../dom";
import { PIPELINE, type Transaction } from "../../types";
import { badge, field, pageHeader, pager, select } from "../common";

export async function transactionsPage(root: HTMLElement): Promise<void> {
  const status = select([["", "Any status"], ...PIPELINE.map((s): [string, string] => [s, label(s)])]);
  const type = select([["", "Any type"], ["buy", "Buy"], ["sell", "Sell"], ["lease", "Lease"]]);
  const agent = select([["", "Any agent"]]);
  const body = h("div", null, loading());
  let page = 1;

  async function load(): Promise<void> {
    replace(body, loading());
    try {
      const res = await api.get<Transaction[]>("/re/transactions", { page, limit: 25, status: status.value, type: type.value, listing_agent_id: agent.value });
      const rows = res.data.map((t) =>
        h(
          "tr",
          null,
          h("td", null, h("strong", null, t.property_address), t.mls_number ? h("div", { class: "muted small" }, `MLS ${t.mls_number}`) : null),
          h("td", null, badge(t.status)),
          h("td", null, t.type),
          h("td", { class: "num" }, money(t.listing_price)),
          h("td", { class: "num" }, money(t.sale_price)),
          h("td", { class: "num" }, money(t.commission_amount)),
          h("td", null, agentName(t.listing_agent_id)),
          h("td", null, t.client_name ?? "—"),
          h("td", null, dateTime(t.updated_at)),
        ),
      );
      const head = ["Property", "Status", "Type", "Listing price", "Sale price", "Commission", "Listing agent", "Client", "Updated"];
      replace(
        body,
        res.data.length
          ? h("div", { class: "table-wrap" }, h("table", { class: "transactions" }, h("thead", null, h("tr", null, head.map((t) => h("th", { scope: "col" }, t)))), h("tbody", null, rows)))
          : emptyState("No transactions match these filters."),
        pager(page, !!res.pagination?.hasMore, res.pagination?.total, (n) => ((page = n), load())),
      );
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }
  [status, type, agent].forEach((s) => s.addEventListener("change", () => ((page = 1), load())));

  const address = h("input", { required: true, placeholder: "12 Harbour Street" });
  const newType = select([["sell", "Sell"], ["buy", "Buy"], ["lease", "Lease"]], "sell");
  const listing = h("input", { type: "number", min: 0, step: 1000, placeholder: "450000" });
  const client = h("input", { placeholder: "Client name" });
  const listingAgent = select([["", "No agent yet"]]);
  const message = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card form-grid", "aria-label": "New transaction" },
    field("Address", address, "t-address"),
    field("Type", newType, "t-type"),
    field("Listing price (USD)", listing, "t-price"),
    field("Client", client, "t-client"),
    field("Listing agent", listingAgent, "t-agent"),
    h("div", { class: "row end" }, message, h("button", { class: "btn primary", type: "submit" }, "Open transaction")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "";
    try {
      await api.post<Transaction>("/re/transactions", {
        property_address: address.value.trim(),
        type: newType.value,
        ...(listing.value ? { listing_price: Number(listing.value) } : {}),
        ...(client.value.trim() ? { client_name: client.value.trim() } : {}),
        ...(listingAgent.value ? { listing_agent_id: listingAgent.value } : {}),
      });
      form.reset();
      page = 1;
      await load();
    } catch (err) {
      message.textContent = (err as Error).message;
    }
  });

  replace(
    root,
    pageHeader("Transactions", "Every deal of the brokerage. Move deals on the Pipeline board."),
    h("div", { class: "filters card" }, field("Status", status, "tx-status"), field("Type", type, "tx-type"), field("Listing agent", agent, "tx-agent")),
    body,
    h("h2", null, "New transaction"),
    form,
  );
  try {
    const agents = await loadAgents();
    for (const a of agents.values()) {
      agent.append(h("option", { value: a.id }, a.name));
      listingAgent.append(h("option", { value: a.id }, a.name));
    }
  } catch {
    /* the filters still work without names */
  }
  await load();
}
