// The signed-in person: tokens and profile, kept in localStorage so a reload stays signed in.
export interface User {
  id: string;
  email: string;
  name: string;
  role: "owner" | "admin" | "member" | "viewer";
  org_id: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const KEY = "agenthq.session";
const listeners = new Set<(s: Session | null) => void>();

export function currentSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session | null): void {
  if (s) localStorage.setItem(KEY, JSON.stringify(s));
  else localStorage.removeItem(KEY);
  listeners.forEach((fn) => fn(s));
}

export function onSessionChange(fn: (s: Session | null) => void): void {
  listeners.add(fn);
}

export function isAdmin(): boolean {
  const role = currentSession()?.user.role;
  return role === "owner" || role === "admin";
}
