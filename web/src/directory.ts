// Names for the ids the API returns (author_id, actor_id, agent ids on deals): the org's agents,
// loaded once and kept current from agent events, plus the signed-in user.
import { api } from "./api";
import { on } from "./live";
import { currentSession } from "./session";
import type { Agent } from "./types";

let agents: Map<string, Agent> | null = null;
let loadingAgents: Promise<Map<string, Agent>> | null = null;

export async function loadAgents(force = false): Promise<Map<string, Agent>> {
  if (agents && !force) return agents;
  loadingAgents ??= (async () => {
    const all = new Map<string, Agent>();
    for (let page = 1; page <= 10; page++) {
      const res = await api.get<Agent[]>("/agents", { page, limit: 100 });
      res.data.forEach((a) => all.set(a.id, a));
      if (!res.pagination?.hasMore) break;
    }
    agents = all;
    return all;
  })().finally(() => (loadingAgents = null));
  return loadingAgents;
}

export function agentName(id: string | null | undefined): string {
  if (!id) return "—";
  return agents?.get(id)?.name ?? id.slice(-6);
}

export function actorName(id: string, type: string): string {
  if (type === "system") return "AgentHQ";
  if (type === "agent") return agents?.get(id)?.name ?? `agent …${id.slice(-6)}`;
  const me = currentSession()?.user;
  if (me && me.id === id) return `${me.name} (you)`;
  return people.get(id) ?? `person …${id.slice(-6)}`;
}

export function forgetDirectory(): void {
  agents = null;
}

on("agent:status", (d: { agentId: string; status: Agent["status"] }) => {
  const a = agents?.get(d.agentId);
  if (a) a.status = d.status;
});

// Names the hub told us elsewhere (GET /posts/:id returns an `authors` map with people's names).
const people = new Map<string, string>();
export function rememberNames(authors: Record<string, { id: string; name: string; type: string }>): void {
  for (const a of Object.values(authors)) if (a.type === "user") people.set(a.id, a.name);
}
export function personName(id: string): string | undefined {
  return people.get(id);
}
