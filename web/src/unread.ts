// The signed-in person's unread notification count, shown as a badge in the navigation. Read
// from the hub when the shell mounts, raised live by notification:new (which the hub sends to the
// recipient's own connections only) and set again by the notifications page when things are read.
import { api } from "./api";
import { on } from "./live";
import { currentSession } from "./session";
import type { Notification } from "./types";

let count = 0;
const listeners = new Set<(n: number) => void>();

function set(n: number): void {
  count = Math.max(0, n);
  listeners.forEach((fn) => fn(count));
}

export function unreadCount(): number {
  return count;
}

export function onUnread(fn: (n: number) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export async function refreshUnread(): Promise<void> {
  try {
    const { data } = await api.get<{ count: number }>("/notifications/unread-count");
    set(data.count);
  } catch {
    /* the badge keeps its last value */
  }
}

export function markedRead(n = 1): void {
  set(count - n);
}

export function allRead(): void {
  set(0);
}

on("notification:new", (d: { recipientId: string; notification: Notification }) => {
  if (d.recipientId !== currentSession()?.user.id || d.notification.read) return;
  set(count + 1); // at once; then the hub's own count, which also covers anything read elsewhere
  void refreshUnread();
});
