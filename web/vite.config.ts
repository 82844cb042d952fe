import { defineConfig } from "vite";

// The hub serves the build from memory: hashed files under /assets/ are cached forever, and
// nothing is inlined into index.html (the hub's Content-Security-Policy allows no inline script).
const hub = process.env.AGENTHQ_URL ?? "http://localhost:3000";

export default defineConfig({
  build: {
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: "es2022",
  },
  server: {
    // `npm run dev` against a running hub (default :3000; AGENTHQ_URL=http://host:port for another).
    proxy: {
      "/api": hub,
      "/ws": { target: hub.replace(/^http/, "ws"), ws: true },
    },
  },
});
