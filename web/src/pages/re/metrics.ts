// Brokerage metrics over time (the hub computes them from closed and cancelled deals), plotted.
import { api } from "../../api";
import { barList, lineChart } from "../../charts";
import { loadAgents } from "../../directory";
import { compactMoney, emptyState, errorBox, h, loading, money, replace } from "../../dom";
import type { MetricRow } from "../../types";
import { field, pageHeader, select } from "../common";

export function periodLabel(period: MetricRow["period"], start: string): string {
  return period === "monthly" ? start.slice(0, 7) : start.slice(0, 10);
}

const RANGE_DAYS: Record<MetricRow["period"], number> = { daily: 90, weekly: 365, monthly: 3 * 365 };

function tile(title: string, value: string): HTMLElement {
  return h("div", { class: "tile card" }, h("span", { class: "muted small" }, title), h("strong", null, value));
}

export async function metricsPage(root: HTMLElement): Promise<void> {
  const period = select([["daily", "Daily"], ["weekly", "Weekly"], ["monthly", "Monthly"]], "monthly");
  const who = select([["", "Whole brokerage"]]);
  const body = h("div", null, loading());
  async function load(): Promise<void> {
    replace(body, loading());
    try {
      const p = period.value as MetricRow["period"];
      const from = new Date(Date.now() - RANGE_DAYS[p] * 86_400_000).toISOString().slice(0, 10);
      const res = await api.get<MetricRow[]>("/re/metrics", { period: p, from, ...(who.value ? { agent_id: who.value } : {}) });
      const rows = res.data.filter((r) => (who.value ? r.agent_id === who.value : r.agent_id === null)).reverse();
      if (!rows.length) {
        replace(body, emptyState("No closed or cancelled deals in this range yet.", "Metrics appear as soon as a deal closes or falls through."));
        return;
      }
      const sum = (k: "closed_deals" | "total_volume" | "commission_earned" | "cancelled_deals") => rows.reduce((a, r) => a + Number(r.metrics[k] ?? 0), 0);
      const closed = sum("closed_deals");
      const cancelled = sum("cancelled_deals");
      const withDays = rows.filter((r) => r.metrics.avg_days_to_close !== null);
      const avgDays = withDays.length ? withDays.reduce((a, r) => a + Number(r.metrics.avg_days_to_close) * r.metrics.closed_deals, 0) / Math.max(1, withDays.reduce((a, r) => a + r.metrics.closed_deals, 0)) : null;
      const points = (k: keyof MetricRow["metrics"]) => rows.map((r) => ({ label: periodLabel(p, r.period_start), value: Number(r.metrics[k] ?? 0) }));
      replace(
        body,
        h(
          "div",
          { class: "tiles" },
          tile("Closed deals", String(closed)),
          tile("Volume", money(sum("total_volume"))),
          tile("Commission earned", money(sum("commission_earned"))),
          tile("Avg. days to close", avgDays === null ? "—" : avgDays.toFixed(1)),
          tile("Conversion", closed + cancelled ? `${Math.round((100 * closed) / (closed + cancelled))}%` : "—"),
        ),
        h(
          "div",
          { class: "charts" },
          lineChart(points("total_volume"), { title: "Sales volume", format: compactMoney }),
          lineChart(points("closed_deals"), { title: "Closed deals", format: (n) => String(Math.round(n)), bars: true, integer: true }),
          lineChart(points("commission_earned"), { title: "Commission earned", format: compactMoney }),
          barList(
            rows.slice(-12).map((r) => ({ label: periodLabel(p, r.period_start), value: Math.round(Number(r.metrics.conversion_rate) * 100), note: `${r.metrics.closed_deals} closed / ${r.metrics.cancelled_deals} cancelled` })),
            { title: "Conversion rate (latest periods)", format: (n) => `${n}%` },
          ),
        ),
      );
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }
  [period, who].forEach((s) => s.addEventListener("change", load));
  replace(root, pageHeader("Metrics", "Computed by the hub from every closed and cancelled deal, on the day it closed."), h("div", { class: "filters card" }, field("Period", period, "m-period"), field("For", who, "m-who")), body);
  try {
    for (const a of (await loadAgents()).values()) who.append(h("option", { value: a.id }, a.name));
  } catch {
    /* brokerage-wide metrics still work */
  }
  await load();
}
