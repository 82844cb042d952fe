// Shared by the pipeline board and the transactions table.
import { api } from "../../api";
import { agentName } from "../../directory";
import { h, money } from "../../dom";
import type { Transaction, TransactionStatus } from "../../types";

export async function allTransactions(filters: Record<string, string> = {}): Promise<Transaction[]> {
  const out: Transaction[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api.get<Transaction[]>("/re/transactions", { ...filters, page, limit: 100 });
    out.push(...res.data);
    if (!res.pagination?.hasMore) break;
  }
  return out;
}

export function moveTransaction(t: Transaction, status: TransactionStatus): Promise<Transaction> {
  return api.patch<Transaction>(`/re/transactions/${t.id}`, { status }).then((r) => r.data);
}

export function price(t: Transaction): string {
  return t.sale_price ? money(t.sale_price) : money(t.listing_price);
}

export function agentsOf(t: Transaction): HTMLElement {
  const parts: string[] = [];
  if (t.listing_agent_id) parts.push(`listing: ${agentName(t.listing_agent_id)}`);
  if (t.buyers_agent_id) parts.push(`buyer's: ${agentName(t.buyers_agent_id)}`);
  return h("span", { class: "muted small" }, parts.join(" · ") || "no agent assigned");
}
