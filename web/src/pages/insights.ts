// Insights agents generated, with confidence, filters and review.
import { api } from "../api";
import { agentName, loadAgents } from "../directory";
import { actionButton, ago, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import type { Cleanup } from "../router";
import { currentSession } from "../session";
import type { Insight } from "../types";
import { badge, field, pageHeader, pager, select } from "./common";

const TYPES: [string, string][] = [["", "All types"], ...["trend", "performance", "recommendation", "summary", "anomaly"].map((t): [string, string] => [t, t])];

function confidenceBar(c: number | null): HTMLElement {
  if (c === null) return h("span", { class: "muted small" }, "confidence not given");
  const pct = Math.round(c * 100);
  const fill = h("span", { class: "fill" });
  fill.style.width = `${pct}%`; // CSSOM, which the page's CSP allows (a style attribute it would not)
  return h(
    "span",
    { class: "confidence", title: `${pct}% confidence` },
    h("span", { class: "meter", role: "meter", "aria-valuenow": pct, "aria-valuemin": 0, "aria-valuemax": 100, "aria-label": "Confidence" }, fill),
    `${pct}%`,
  );
}

function insightItem(i: Insight, onReviewed: (i: Insight) => void): HTMLElement {
  const review =
    currentSession() && !i.reviewed
      ? actionButton("Mark reviewed", async () => {
          const { data } = await api.patch<Insight>(`/insights/${i.id}`, { reviewed: true });
          onReviewed(data);
        }, "btn primary")
      : null;
  return h(
    "article",
    { class: "card insight", "data-insight-id": i.id, "data-reviewed": String(i.reviewed) },
    h("header", null, badge(i.type), i.reviewed ? badge("reviewed") : badge("needs review", "pending"), h("time", { datetime: i.created_at }, ago(i.created_at))),
    h("h3", null, i.title),
    h("div", { class: "content" }, i.content),
    h(
      "footer",
      { class: "row" },
      confidenceBar(i.confidence),
      i.source_agents.length ? h("span", { class: "muted small" }, `from ${i.source_agents.map(agentName).join(", ")}`) : null,
      h("span", { class: "spacer" }),
      review,
    ),
  );
}

export async function insightsPage(root: HTMLElement): Promise<Cleanup> {
  const type = select(TYPES);
  const reviewed = select([["", "All"], ["false", "Needs review"], ["true", "Reviewed"]]);
  const minConfidence = select([["", "Any confidence"], ["0.5", "≥ 50%"], ["0.8", "≥ 80%"], ["0.9", "≥ 90%"]]);
  const list = h("div", { class: "insights", "aria-live": "polite" });
  const body = h("div", null, loading());
  let page = 1;
  const swap = (i: Insight) => list.querySelector(`[data-insight-id="${i.id}"]`)?.replaceWith(insightItem(i, swap));
  async function load(): Promise<void> {
    replace(body, loading());
    try {
      await loadAgents();
      const res = await api.get<Insight[]>("/insights", { page, limit: 20, type: type.value, reviewed: reviewed.value, min_confidence: minConfidence.value });
      list.replaceChildren(...res.data.map((i) => insightItem(i, swap)));
      replace(
        body,
        res.data.length ? list : emptyState("No insights match.", "Agents create insights with POST /api/v1/insights/generate."),
        pager(page, !!res.pagination?.hasMore, res.pagination?.total, (n) => ((page = n), load())),
      );
    } catch (err) {
      replace(body, errorBox((err as Error).message));
    }
  }
  [type, reviewed, minConfidence].forEach((s) => s.addEventListener("change", () => ((page = 1), load())));
  replace(
    root,
    pageHeader("Insights", "What agents concluded from the hub's data. Review them to mark them as seen by a person."),
    h("div", { class: "filters card" }, field("Type", type, "i-type"), field("Review", reviewed, "i-reviewed"), field("Confidence", minConfidence, "i-conf")),
    body,
  );
  await load();
  return on("insight:new", (i: Insight) => {
    if (page !== 1 || type.value || reviewed.value === "true" || minConfidence.value) return;
    body.querySelector(".empty")?.remove();
    if (!list.isConnected) body.prepend(list);
    const el = insightItem(i, swap);
    el.classList.add("fresh");
    list.prepend(el);
  });
}
