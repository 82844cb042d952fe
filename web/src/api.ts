// The hub's public REST API (api-contract.md), as any client would use it: bearer tokens, the
// {success,data,error} envelope, and one transparent refresh when the access token expires.
import { currentSession, saveSession } from "./session";

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Page<T> {
  data: T;
  pagination?: { page: number; limit: number; total: number; hasMore?: boolean; counts?: Record<string, number> };
}

type Query = Record<string, string | number | boolean | null | undefined>;

function url(path: string, query?: Query): string {
  const u = new URL(`/api/v1${path}`, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") u.searchParams.set(k, String(v));
  return u.pathname + u.search;
}

let refreshing: Promise<boolean> | null = null;

// One refresh at a time, shared by every request that hit a 401 meanwhile.
export function refreshAccessToken(): Promise<boolean> {
  const session = currentSession();
  if (!session) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const res = await fetch(url("/auth/refresh"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!res.ok) return false;
      const body = await res.json();
      saveSession({ ...session, accessToken: body.data.accessToken });
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

// bare: the route answers without the envelope (e.g. /integrations/{type}/test); data is the body.
async function request<T>(method: string, path: string, body?: unknown, query?: Query, retried = false, bare = false): Promise<Page<T>> {
  const session = currentSession();
  const headers: Record<string, string> = {};
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "NETWORK", "The hub cannot be reached. Check that it is running, then try again.");
  }
  if (res.status === 401 && session && !retried && !path.startsWith("/auth/")) {
    if (await refreshAccessToken()) return request<T>(method, path, body, query, true, bare);
    saveSession(null);
    throw new ApiError(401, "SESSION_EXPIRED", "Your session has ended. Please sign in again.");
  }
  let json: { success?: boolean; data?: T; pagination?: Page<T>["pagination"]; error?: { code: string; message: string } };
  try {
    json = await res.json();
  } catch {
    throw new ApiError(res.status, "BAD_REPLY", `The hub answered ${res.status} without a readable reply.`);
  }
  if (bare && res.ok) return { data: json as T };
  if (!res.ok || json.success === false) {
    const err = json.error ?? { code: "ERROR", message: `Request failed (${res.status})` };
    throw new ApiError(res.status, err.code, friendly(res.status, err.message));
  }
  return { data: json.data as T, pagination: json.pagination };
}

function friendly(status: number, message: string): string {
  if (status === 429) return "Too many requests right now. Wait a moment and try again.";
  if (status === 503) return "The hub's database is unavailable. Try again shortly.";
  if (status >= 500) return "Something went wrong on the hub. Try again; if it keeps happening, check the hub's log.";
  return message;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, undefined, query),
  bare: <T>(path: string) => request<T>("GET", path, undefined, undefined, false, true),
  post: <T>(path: string, body: unknown = {}) => request<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  del: <T>(path: string) => request<T>("DELETE", path),
};
