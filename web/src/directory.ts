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
  peopleIds = null;
  people.clear();
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

// The people of the org, named by GET /org/members (which also lists the agents; those come from
// /agents with their presence). The signed-in person is always among them.
export interface Member {
  id: string;
  type: "agent" | "user";
  name: string;
}

let peopleIds: string[] | null = null;

export async function loadPeople(force = false): Promise<string[]> {
  if (peopleIds && !force) return peopleIds;
  const ids: string[] = [];
  try {
    const res = await api.get<Member[]>("/org/members");
    for (const m of res.data) {
      if (m.type !== "user") continue;
      people.set(m.id, m.name);
      ids.push(m.id);
    }
  } catch {
    /* the signed-in person alone, then */
  }
  const me = currentSession()?.user;
  if (me && !ids.includes(me.id)) ids.unshift(me.id);
  peopleIds = ids;
  return peopleIds;
}

export function rememberPerson(id: string, name: string): void {
  people.set(id, name);
}

// Agents and people, for pickers (DM partner, task assignee), names sorted, "you" first.
export async function loadMembers(): Promise<Member[]> {
  const [agentMap, ids] = await Promise.all([loadAgents(), loadPeople()]);
  const me = currentSession()?.user;
  const persons: Member[] = ids.map((id) => ({ id, type: "user", name: actorName(id, "user") }));
  persons.sort((a, b) => (a.id === me?.id ? -1 : b.id === me?.id ? 1 : a.name.localeCompare(b.name)));
  const bots: Member[] = [...agentMap.values()].map((a): Member => ({ id: a.id, type: "agent", name: a.name })).sort((a, b) => a.name.localeCompare(b.name));
  return [...persons, ...bots];
}

export function memberName(id: string | null | undefined, type: string | null | undefined): string {
  if (!id) return "nobody";
  return actorName(id, type === "agent" ? "agent" : "user");
}
