// A real `agenthq serve --demo` on a fresh database of the throwaway cluster that
// tests/with_postgres.sh started (AGENTHQ_TEST_PG): its own database, a separate runtime role (so
// row-level security applies as in production), PORT=0 and a temporary data directory — the
// same set-up as tests/integration/support/hub_process.cpp.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function conninfoWith(conninfo, key, value) {
  const parts = conninfo.split(/\s+/).filter((p) => p && !p.startsWith(`${key}=`));
  return [...parts, `${key}=${value}`].join(" ");
}

export async function startHub() {
  const admin = process.env.AGENTHQ_TEST_PG;
  const binary = process.env.AGENTHQ_BINARY;
  if (!admin || !binary) throw new Error("run under tests/with_postgres.sh with AGENTHQ_BINARY set (ctest does both)");
  const name = `t_web_${randomBytes(6).toString("hex")}`;
  execFileSync("psql", [admin, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", `CREATE ROLE ${name} LOGIN`, "-c", `CREATE DATABASE ${name}`]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agenthq-web-"));
  const env = {
    ...process.env,
    JWT_SECRET: "browser-test-secret-0123456789abcdef",
    ENCRYPTION_KEY: "b".repeat(64),
    AGENTHQ_BCRYPT_COST: "4",
    RATE_LIMIT_MAX: "1000000",
    AGENTHQ_DATA_DIR: path.join(dir, "data"),
    AGENTHQ_THREADS: "2",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "warn",
    DATABASE_ADMIN_URL: conninfoWith(admin, "dbname", name),
    DATABASE_URL: conninfoWith(conninfoWith(admin, "dbname", name), "user", name),
  };
  const logPath = path.join(dir, "hub.log");
  const log = fs.openSync(logPath, "w");
  const child = spawn(binary, ["serve", "--demo"], { env, stdio: ["ignore", log, log] });
  const deadline = Date.now() + 60_000;
  let port = 0;
  while (!port) {
    const text = fs.readFileSync(logPath, "utf8");
    const m = /AgentHQ is running at http:\/\/[^:]+:(\d+)/.exec(text);
    if (m) port = Number(m[1]);
    else if (child.exitCode !== null) throw new Error(`agenthq serve exited early:\n${text}`);
    else if (Date.now() > deadline) throw new Error(`agenthq serve did not start:\n${text}`);
    else await new Promise((r) => setTimeout(r, 50));
  }
  const credentials = JSON.parse(fs.readFileSync(path.join(dir, "data", "demo-credentials.json"), "utf8"));
  return {
    url: `http://127.0.0.1:${port}`,
    credentials,
    log: () => fs.readFileSync(logPath, "utf8"),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      fs.rmSync(dir, { recursive: true, force: true });
      execFileSync("psql", [admin, "-qAtX", "-c", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, "-c", `DROP ROLE IF EXISTS ${name}`]);
    },
  };
}

// The hub's API as an agent or a script would call it.
export function apiClient(base, token) {
  const call = async (method, p, body) => {
    const res = await fetch(`${base}/api/v1${p}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  return {
    get: (p) => call("GET", p),
    post: (p, b = {}) => call("POST", p, b),
    patch: (p, b) => call("PATCH", p, b),
    del: (p) => call("DELETE", p),
    // The status and error code of a call expected to fail.
    async status(method, p, body) {
      const res = await fetch(`${base}/api/v1${p}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json().catch(() => ({}));
      return { status: res.status, code: json.error?.code, data: json.data };
    },
  };
}

export async function login(base, email, password) {
  const data = await apiClient(base).post("/auth/login", { email, password });
  return Object.assign(apiClient(base, data.accessToken), { user: data.user });
}
