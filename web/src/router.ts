// History-API routing: the hub answers every non-API path with index.html, so /channels/general
// can be bookmarked and reloaded. A page renders into the main element and may return a cleanup
// (live-event handlers to drop) that runs when the user navigates away.
export type Cleanup = (() => void) | void;
export type Page = (root: HTMLElement, params: Record<string, string>, query: URLSearchParams) => Cleanup | Promise<Cleanup>;

interface Route {
  pattern: RegExp;
  keys: string[];
  page: Page;
  title: string;
}

const routes: Route[] = [];
let cleanup: Cleanup;
let render: (page: Page, title: string, params: Record<string, string>) => void = () => {};

export function route(path: string, title: string, page: Page): void {
  const keys: string[] = [];
  const pattern = new RegExp(
    "^" + path.replace(/:(\w+)/g, (_m, k) => (keys.push(k), "([^/]+)")) + "/?$",
  );
  routes.push({ pattern, keys, page, title });
}

export function onRender(fn: typeof render): void {
  render = fn;
}

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else if (to !== location.pathname + location.search) history.pushState(null, "", to);
  resolve();
}

export function setCleanup(c: Cleanup): void {
  if (typeof cleanup === "function") cleanup();
  cleanup = c;
}

export function resolve(): void {
  const path = location.pathname;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
    render(r.page, r.title, params);
    return;
  }
  const notFound = routes.find((r) => r.title === "Not found");
  if (notFound) render(notFound.page, notFound.title, {});
}

export function startRouter(): void {
  window.addEventListener("popstate", resolve);
  // Same-origin links navigate in place; modified clicks (new tab) keep the browser's behaviour.
  document.addEventListener("click", (e) => {
    const a = (e.target as Element).closest?.("a");
    if (!a || a.target || a.hasAttribute("download") || e.defaultPrevented) return;
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = a.getAttribute("href");
    if (!href || !href.startsWith("/") || href.startsWith("//")) return;
    e.preventDefault();
    navigate(href);
  });
  resolve();
}
