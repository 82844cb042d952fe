// Debian's chromium driven by playwright-core, with the flags this kind of machine needs (no
// sandbox as root, no GPU, no background traffic to Google that the closed network refuses).
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// Every console error and page error of a page, so a test can assert there were none (a
// Content-Security-Policy violation shows up here as "Refused to …"). Chromium's own notes about
// HTTP error statuses ("Failed to load resource: … 401") are left out: tests cause those on purpose.
export function watchErrors(page) {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const outDir = process.env.AGENTHQ_TEST_OUTPUT ?? path.resolve("test-output");
fs.mkdirSync(outDir, { recursive: true });

export async function screenshot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });
}
