// The pipeline as a board: one column per status. A deal moves with its "Move to" menu (keyboard
// and touch) or by dragging it; the hub applies its pipeline rules and a refused move is shown
// on the card in the hub's own words.
import { ApiError } from "../../api";
import { loadAgents } from "../../directory";
import { emptyState, errorBox, h, label, loading, replace } from "../../dom";
import { on } from "../../live";
import type { Cleanup } from "../../router";
import { PIPELINE, type Transaction, type TransactionStatus } from "../../types";
import { badge, pageHeader } from "../common";
import { agentsOf, allTransactions, moveTransaction, price } from "./transactions-data";

export async function pipelinePage(root: HTMLElement): Promise<Cleanup> {
  const header = pageHeader("Pipeline", "Prospecting → listed → under contract → pending → closed. Closed and cancelled deals are final.");
  replace(root, header, loading());
  let deals: Map<string, Transaction>;
  try {
    await loadAgents();
    deals = new Map((await allTransactions()).map((t) => [t.id, t]));
  } catch (err) {
    replace(root, header, errorBox((err as Error).message));
    return;
  }
  const columns = new Map<TransactionStatus, HTMLElement>();
  const counts = new Map<TransactionStatus, HTMLElement>();
  const board = h(
    "div",
    { class: "board" },
    PIPELINE.map((status) => {
      const list = h("ol", { class: "column-cards", "aria-label": label(status) });
      const count = h("span", { class: "count" }, "0");
      columns.set(status, list);
      counts.set(status, count);
      const col = h("section", { class: "column", "data-status": status }, h("h2", null, label(status), " ", count), list);
      col.addEventListener("dragover", (e) => {
        e.preventDefault();
        col.classList.add("drop");
      });
      col.addEventListener("dragleave", () => col.classList.remove("drop"));
      col.addEventListener("drop", (e) => {
        e.preventDefault();
        col.classList.remove("drop");
        const id = e.dataTransfer?.getData("text/plain");
        const t = id && deals.get(id);
        if (t && t.status !== status) move(t, status);
      });
      return col;
    }),
  );

  function card(t: Transaction, problem?: string): HTMLElement {
    const menu = h(
      "select",
      { "aria-label": `Move ${t.property_address} to`, class: "move" },
      PIPELINE.map((s) => h("option", { value: s, selected: s === t.status }, label(s))),
    );
    menu.value = t.status;
    menu.addEventListener("change", () => move(t, menu.value as TransactionStatus));
    const el = h(
      "li",
      { class: "deal card", draggable: "true", "data-deal-id": t.id, "data-status": t.status },
      h("strong", { class: "address" }, t.property_address),
      h("div", { class: "row" }, badge(t.type), h("span", { class: "price" }, price(t))),
      t.client_name ? h("span", { class: "small" }, t.client_name) : null,
      agentsOf(t),
      h("label", { class: "small move-label" }, "Move to ", menu),
      problem ? h("p", { class: "form-error", role: "alert" }, problem) : null,
    );
    el.addEventListener("dragstart", (e) => e.dataTransfer?.setData("text/plain", t.id));
    return el;
  }

  function place(t: Transaction, problem?: string): HTMLElement {
    board.querySelector(`[data-deal-id="${t.id}"]`)?.remove();
    const el = card(t, problem);
    columns.get(t.status)?.prepend(el);
    for (const [s, list] of columns) {
      counts.get(s)!.textContent = String(list.children.length);
      list.parentElement!.querySelector(".empty")?.remove();
    }
    return el;
  }

  async function move(t: Transaction, to: TransactionStatus): Promise<void> {
    const el = board.querySelector(`[data-deal-id="${t.id}"]`);
    el?.classList.add("busy");
    try {
      const updated = await moveTransaction(t, to);
      deals.set(updated.id, updated);
      place(updated).classList.add("fresh");
    } catch (err) {
      const why = err instanceof ApiError && err.status === 400 ? `Refused: ${err.message}` : (err as Error).message;
      place(t, why).querySelector<HTMLSelectElement>("select")?.focus();
    }
  }

  [...deals.values()].reverse().forEach((t) => place(t));
  replace(root, header, deals.size ? board : emptyState("No transactions yet.", "Create one on the Transactions page, or sync an integration."));
  const update = (t: Transaction) => {
    const known = deals.get(t.id);
    if (known && known.updated_at === t.updated_at && known.status === t.status) return;
    deals.set(t.id, t);
    if (!board.isConnected) replace(root, header, board);
    place(t).classList.add("fresh");
  };
  const offs = [on("transaction:new", update), on("transaction:updated", update)];
  return () => offs.forEach((o) => o());
}
