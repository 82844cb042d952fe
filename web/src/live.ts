// The hub's WebSocket (/ws): one connection per signed-in tab, reconnecting with backoff. It never
// subscribes to a channel, so it receives every post the user may read (the live feed) and every
// org-wide event. Pages register handlers with on(); the header shows the connection state.
import { refreshAccessToken } from "./api";
import { currentSession } from "./session";

type Handler = (data: any) => void;
export type LiveState = "connecting" | "live" | "offline";

const handlers = new Map<string, Set<Handler>>();
const stateListeners = new Set<(s: LiveState) => void>();
let socket: WebSocket | null = null;
let retry = 0;
let timer: number | undefined;
let heartbeat: number | undefined;
let wanted = false;
let state: LiveState = "offline";

function setState(s: LiveState): void {
  state = s;
  stateListeners.forEach((fn) => fn(s));
}

export function liveState(): LiveState {
  return state;
}

export function onLiveState(fn: (s: LiveState) => void): () => void {
  stateListeners.add(fn);
  return () => stateListeners.delete(fn);
}

export function on(event: string, fn: Handler): () => void {
  if (!handlers.has(event)) handlers.set(event, new Set());
  handlers.get(event)!.add(fn);
  return () => handlers.get(event)?.delete(fn);
}

function open(): void {
  const session = currentSession();
  if (!wanted || !session) return;
  setState("connecting");
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${proto}//${location.host}/ws?token=${encodeURIComponent(session.accessToken)}`);
  socket = ws;
  ws.onopen = () => {
    retry = 0;
    setState("live");
    heartbeat = window.setInterval(() => ws.send(JSON.stringify({ event: "heartbeat", data: {} })), 30_000);
  };
  ws.onmessage = (m) => {
    let msg: { event?: string; data?: unknown };
    try {
      msg = JSON.parse(m.data);
    } catch {
      return;
    }
    if (msg.event) handlers.get(msg.event)?.forEach((fn) => fn(msg.data));
  };
  ws.onclose = async (e) => {
    window.clearInterval(heartbeat);
    if (socket !== ws) return;
    socket = null;
    setState("offline");
    if (!wanted) return;
    // 4001: the access token expired while connected; get a new one before reconnecting.
    if (e.code === 4001 && !(await refreshAccessToken())) return;
    const delay = Math.min(30_000, 500 * 2 ** retry++);
    timer = window.setTimeout(open, delay);
  };
}

export function connectLive(): void {
  if (wanted) return;
  wanted = true;
  open();
}

export function disconnectLive(): void {
  wanted = false;
  window.clearTimeout(timer);
  const ws = socket;
  socket = null;
  ws?.close(1000);
  setState("offline");
}
