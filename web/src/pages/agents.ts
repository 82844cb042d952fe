// Agents: presence (updated live from agent:status events), capabilities, last heartbeat, and
// registering a new agent, whose API key is shown exactly once.
import { api } from "../api";
import { loadAgents } from "../directory";
import { ago, emptyState, errorBox, h, loading, replace } from "../dom";
import { on } from "../live";
import type { Cleanup } from "../router";
import { currentSession } from "../session";
import type { Agent } from "../types";
import { field, pageHeader, statusDot } from "./common";

function agentRow(a: Agent): HTMLElement {
  return h(
    "li",
    { class: "card agent-card", "data-agent-id": a.id },
    h("div", { class: "row" }, h("strong", { class: "agent-name" }, a.name), statusDot(a.status)),
    h("p", { class: "muted" }, a.description ?? "No description."),
    h(
      "div",
      { class: "chips" },
      a.capabilities.length ? a.capabilities.map((c) => h("span", { class: "chip small" }, c)) : h("span", { class: "muted small" }, "No capabilities declared"),
    ),
    h(
      "dl",
      { class: "facts" },
      h("dt", null, "Last heartbeat"),
      h("dd", { class: "heartbeat" }, h("time", { datetime: a.last_heartbeat ?? "" }, ago(a.last_heartbeat))),
      h("dt", null, "Key prefix"),
      h("dd", null, h("code", null, `${a.api_key_prefix}…`)),
    ),
  );
}

function registerForm(onCreated: (a: Agent) => void): HTMLElement {
  const name = h("input", { required: true, maxlength: 100, placeholder: "listing-scout" });
  const description = h("input", { placeholder: "What this agent does" });
  const message = h("p", { class: "form-error", role: "alert" });
  const result = h("div", null);
  const form = h(
    "form",
    { class: "card", "aria-label": "Register an agent" },
    h("div", { class: "row" }, field("Name", name, "agent-name"), field("Description", description, "agent-description")),
    h("div", { class: "row end" }, message, h("button", { class: "btn primary", type: "submit" }, "Register agent")),
    result,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "";
    try {
      const { data } = await api.post<{ agent: Agent; apiKey: string }>("/auth/agents/register", {
        name: name.value.trim(),
        ...(description.value.trim() ? { description: description.value.trim() } : {}),
      });
      name.value = description.value = "";
      const key = h("code", { class: "secret", "data-testid": "api-key" }, data.apiKey);
      const copy = h("button", { class: "btn", type: "button" }, "Copy");
      copy.addEventListener("click", async () => {
        await navigator.clipboard?.writeText(data.apiKey).catch(() => {});
        copy.textContent = "Copied";
      });
      replace(
        result,
        h(
          "div",
          { class: "notice", role: "status" },
          h("p", null, h("strong", null, `${data.agent.name} is registered.`), " This is its API key. It is shown only now — store it where the agent runs:"),
          h("div", { class: "row" }, key, copy),
        ),
      );
      onCreated(data.agent);
    } catch (err) {
      message.textContent = (err as Error).message;
    }
  });
  return form;
}

export async function agentsPage(root: HTMLElement): Promise<Cleanup> {
  const header = pageHeader("Agents", "Presence updates live as agents heartbeat, connect and disconnect.");
  replace(root, header, loading());
  let agents: Map<string, Agent>;
  try {
    agents = await loadAgents(true);
  } catch (err) {
    replace(root, header, errorBox((err as Error).message));
    return;
  }
  const list = h("ul", { class: "agent-grid", "aria-label": "Agents" });
  const render = () => {
    const all = [...agents.values()].sort((a, b) => a.name.localeCompare(b.name));
    list.replaceChildren(...all.map(agentRow));
  };
  render();
  const listArea = h("div", null, agents.size ? list : emptyState("No agents yet.", "Register one below; it then authenticates with its API key."));
  const created = (a: Agent) => {
    agents.set(a.id, a);
    render();
    replace(listArea, list);
  };
  replace(root, header, listArea, currentSession() ? [h("h2", null, "Register an agent"), registerForm(created)] : null);
  return on("agent:status", async (d: { agentId: string; status: Agent["status"] }) => {
    const card = list.querySelector<HTMLElement>(`[data-agent-id="${d.agentId}"]`);
    if (!card) return;
    card.querySelector(".status")?.replaceWith(statusDot(d.status));
    card.classList.add("fresh");
    try {
      const { data } = await api.get<Agent>(`/agents/${d.agentId}`);
      agents.set(data.id, { ...data, status: d.status });
      card.querySelector(".heartbeat")?.replaceChildren(h("time", { datetime: data.last_heartbeat ?? "" }, ago(data.last_heartbeat)));
    } catch {
      /* the dot already shows the new status */
    }
  });
}
