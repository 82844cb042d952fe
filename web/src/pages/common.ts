// Pieces several pages share: page header, pager, badges, filter rows.
import { h } from "../dom";

export function pageHeader(title: string, subtitle?: string, ...actions: Node[]): HTMLElement {
  return h(
    "div",
    { class: "page-header" },
    h("div", null, h("h1", null, title), subtitle ? h("p", { class: "muted" }, subtitle) : null),
    actions.length ? h("div", { class: "actions" }, actions) : null,
  );
}

export function badge(text: string, kind = text): HTMLElement {
  return h("span", { class: "badge", "data-kind": kind }, text.replace(/_/g, " "));
}

export function statusDot(status: string): HTMLElement {
  return h("span", { class: "status", "data-status": status }, h("span", { class: "dot", "aria-hidden": "true" }), status);
}

export function pager(page: number, hasMore: boolean, total: number | undefined, go: (page: number) => void): HTMLElement {
  const prev = h("button", { class: "btn", type: "button", disabled: page <= 1 }, "← Newer");
  const next = h("button", { class: "btn", type: "button", disabled: !hasMore }, "Older →");
  prev.addEventListener("click", () => go(page - 1));
  next.addEventListener("click", () => go(page + 1));
  return h("div", { class: "pager" }, prev, h("span", { class: "muted" }, `Page ${page}${total !== undefined ? ` · ${total} in all` : ""}`), next);
}

export function field(labelText: string, control: HTMLElement, id: string): HTMLElement {
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, labelText), control);
}

export function select(options: [string, string][], value = ""): HTMLSelectElement {
  const el = h("select", null, options.map(([v, t]) => h("option", { value: v, selected: v === value }, t)));
  el.value = value;
  return el;
}
