// Agents ranked by sales volume for one period, with the metrics behind the ranking.
import { api } from "../../api";
import { barList } from "../../charts";
import { compactMoney, emptyState, errorBox, h, loading, money, replace } from "../../dom";
import type { MetricRow, Metrics } from "../../types";
import { field, pageHeader, select } from "../common";
import { periodLabel } from "./metrics";

interface Entry {
  id: string;
  name: string;
  metrics: Metrics;
}

export async function leaderboardPage(root: HTMLElement): Promise<void> {
  const period = select([["weekly", "Week"], ["monthly", "Month"]], "monthly");
  const start = h("select");
  const body = h("div", null, loading());

  async function loadPeriods(): Promise<void> {
    const p = period.value as MetricRow["period"];
    const res = await api.get<MetricRow[]>("/re/metrics", { period: p });
    const starts = [...new Set(res.data.filter((r) => r.agent_id === null).map((r) => r.period_start.slice(0, 10)))];
    start.replaceChildren(...starts.map((s) => h("option", { value: s }, periodLabel(p, s))));
    if (!starts.length) start.append(h("option", { value: new Date().toISOString().slice(0, 10) }, "This period"));
  }

  async function load(): Promise<void> {
    replace(body, loading());
    try {
      const res = await api.get<Entry[]>("/re/metrics/leaderboard", { period: period.value, period_start: start.value });
      if (!res.data.length) {
        replace(body, emptyState("No agent closed or lost a deal in this period.", "Pick another period above."));
        return;
      }
      const rows = res.data.map((e, i) =>
        h(
          "tr",
          { "data-agent-id": e.id },
          h("td", { class: "rank" }, String(i + 1)),
          h("th", { scope: "row" }, e.name),
          h("td", { class: "num volume" }, money(e.metrics.total_volume)),
          h("td", { class: "num closed" }, String(e.metrics.closed_deals)),
          h("td", { class: "num" }, money(e.metrics.commission_earned)),
          h("td", { class: "num" }, e.metrics.avg_days_to_close === null ? "—" : Number(e.metrics.avg_days_to_close).toFixed(1)),
          h("td", { class: "num" }, `${Math.round(Number(e.metrics.conversion_rate) * 100)}%`),
        ),
      );
      replace(
        body,
        barList(res.data.map((e) => ({ label: e.name, value: Number(e.metrics.total_volume), note: `${e.metrics.closed_deals} closed` })), { title: "Sales volume", format: compactMoney }),
        h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "leaderboard" },
            h("thead", null, h("tr", null, ["#", "Agent", "Volume", "Closed", "Commission", "Days to close", "Conversion"].map((t) => h("th", { scope: "col" }, t)))),
            h("tbody", null, rows),
          ),
        ),
      );
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }
  period.addEventListener("change", async () => {
    await loadPeriods().catch(() => {});
    await load();
  });
  start.addEventListener("change", load);
  replace(root, pageHeader("Leaderboard", "Agents ranked by the sales volume of the deals they closed."), h("div", { class: "filters card" }, field("Period", period, "l-period"), field("Starting", start, "l-start")), body);
  try {
    await loadPeriods();
  } catch (err) {
    replace(body, errorBox((err as Error).message));
    return;
  }
  await load();
}
