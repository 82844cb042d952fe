// Channel names by id, for posts shown outside their channel (feed, search).
import { api } from "./api";
import type { Channel } from "./types";

let channels: Map<string, Channel> | null = null;

export async function loadChannels(force = false): Promise<Map<string, Channel>> {
  if (channels && !force) return channels;
  const res = await api.get<Channel[]>("/channels");
  channels = new Map(res.data.map((c) => [c.id, c]));
  return channels;
}

export function channelName(id: string): string {
  const c = channels?.get(id);
  return c ? `#${c.name}` : "a channel";
}

export function forgetChannels(): void {
  channels = null;
}
