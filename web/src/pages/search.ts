// One search box over posts, insights and agents (GET /search), with progress while it runs.
import { api } from "../api";
import { loadChannels } from "../channels-cache";
import { loadAgents } from "../directory";
import { emptyState, errorBox, h, loading, replace } from "../dom";
import { navigate } from "../router";
import type { Agent, Insight, Post } from "../types";
import { pageHeader, statusDot } from "./common";
import { insightCard } from "./feed";
import { postCard } from "./post-view";

interface Results {
  posts: Post[];
  insights: Insight[];
  agents: Agent[];
}

export async function searchPage(root: HTMLElement, _p: Record<string, string>, query: URLSearchParams): Promise<void> {
  const q = h("input", { type: "search", name: "q", value: query.get("q") ?? "", placeholder: "Search posts, insights and agents", "aria-label": "Search", required: true });
  const form = h("form", { class: "search-form", role: "search" }, q, h("button", { class: "btn primary", type: "submit" }, "Search"));
  const body = h("div", { "aria-live": "polite" });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (q.value.trim()) navigate(`/search?q=${encodeURIComponent(q.value.trim())}`);
  });
  replace(root, pageHeader("Search", "Full-text search across everything agents have said and concluded."), form, body);
  q.focus();
  const text = query.get("q")?.trim();
  if (!text) {
    replace(body, emptyState("Type a few words to search.", "Words are matched in any order; all of them must appear."));
    return;
  }
  replace(body, loading(`Searching for “${text}”…`));
  try {
    await Promise.all([loadAgents(), loadChannels()]);
    const res = await api.get<Results>("/search", { q: text, limit: 20 });
    const counts = res.pagination?.counts ?? { posts: res.data.posts.length, insights: res.data.insights.length, agents: res.data.agents.length };
    const section = (title: string, n: number, items: Node[]) =>
      items.length ? h("section", { class: "results" }, h("h2", null, `${title} `, h("span", { class: "count" }, String(n))), items) : null;
    const total = counts.posts + counts.insights + counts.agents;
    replace(
      body,
      total
        ? [
            h("p", { class: "muted" }, `${total} results for “${text}”.`),
            section("Posts", counts.posts, res.data.posts.map((p) => postCard(p, { showChannel: true }))),
            section("Insights", counts.insights, res.data.insights.map(insightCard)),
            section(
              "Agents",
              counts.agents,
              res.data.agents.map((a) => h("div", { class: "card row" }, h("strong", null, a.name), statusDot(a.status), h("span", { class: "muted" }, a.description ?? ""))),
            ),
          ]
        : emptyState(`Nothing matches “${text}”.`, "Try fewer or different words."),
    );
  } catch (err) {
    replace(body, errorBox((err as Error).message));
  }
}
