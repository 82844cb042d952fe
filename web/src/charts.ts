// Small SVG charts drawn by hand: a line/area chart over time and horizontal bars. Each has a
// text table fallback for screen readers (the numbers, not only the picture).
import { h, s } from "./dom";

export interface Point {
  label: string; // x-axis label, e.g. "2026-03"
  value: number;
}

// A top for the y axis that splits into four round steps (integers stay integers).
function niceMax(v: number, integer: boolean): number {
  if (v <= 0) return integer ? 4 : 1;
  const p = 10 ** Math.floor(Math.log10(v));
  let top = 10 * p;
  for (const m of [1, 2, 4, 6, 8, 10]) if (m * p >= v) { top = m * p; break; }
  return integer ? Math.max(4, Math.ceil(top / 4) * 4) : top;
}

export function lineChart(points: Point[], opts: { title: string; format: (n: number) => string; bars?: boolean; integer?: boolean }): HTMLElement {
  const W = 640, H = 240, L = 56, R = 12, T = 16, B = 32;
  const max = niceMax(Math.max(0, ...points.map((p) => p.value)), !!opts.integer);
  const bw = Math.max(3, Math.min(28, ((W - L - R) / Math.max(1, points.length)) * 0.6));
  const pad = opts.bars ? bw / 2 + 2 : 0;
  const x = (i: number) => L + pad + (points.length <= 1 ? (W - L - R) / 2 - pad : (i * (W - L - R - 2 * pad)) / (points.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) =>
    s("g", { class: "grid" }, s("line", { x1: L, x2: W - R, y1: y(max * f), y2: y(max * f) }), s("text", { x: L - 6, y: y(max * f) + 4, "text-anchor": "end" }, opts.format(max * f))),
  );
  const every = Math.max(1, Math.ceil(points.length / 8));
  const anchor = (i: number) => (points.length > 1 && i === 0 ? "start" : points.length > 1 && i === points.length - 1 ? "end" : "middle");
  const xLabels = points.map((p, i) =>
    i % every === 0 || i === points.length - 1 ? s("text", { x: x(i), y: H - 10, "text-anchor": anchor(i), class: "x-label" }, p.label) : null,
  );
  let marks: SVGElement[];
  if (opts.bars) {
    marks = points.map((p, i) =>
      s("rect", { class: "bar", x: x(i) - bw / 2, y: y(p.value), width: bw, height: Math.max(0, y(0) - y(p.value)), rx: 2 }, s("title", null, `${p.label}: ${opts.format(p.value)}`)),
    );
  } else {
    const line = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join("");
    const area = points.length ? `${line}L${x(points.length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z` : "";
    marks = [
      s("path", { class: "area", d: area }),
      s("path", { class: "line", d: line }),
      ...points.map((p, i) => s("circle", { class: "point", cx: x(i), cy: y(p.value), r: 3.5 }, s("title", null, `${p.label}: ${opts.format(p.value)}`))),
    ];
  }
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": opts.title }, grid, marks, xLabels);
  return h("figure", { class: "chart-card card" }, h("figcaption", null, opts.title), svg, dataTable(points, opts.format, opts.title));
}

export function barList(items: { label: string; value: number; note?: string }[], opts: { title: string; format: (n: number) => string }): HTMLElement {
  const max = Math.max(0, ...items.map((i) => i.value)) || 1;
  return h(
    "figure",
    { class: "chart-card card" },
    h("figcaption", null, opts.title),
    h(
      "ol",
      { class: "bar-list" },
      items.map((i) => {
        const fill = h("span", { class: "bar-fill" });
        fill.style.width = `${(100 * i.value) / max}%`;
        return h("li", null, h("span", { class: "bar-label" }, i.label), h("span", { class: "bar-track", "aria-hidden": "true" }, fill), h("span", { class: "bar-value" }, opts.format(i.value), i.note ? h("span", { class: "muted small" }, ` ${i.note}`) : null));
      }),
    ),
  );
}

function dataTable(points: Point[], format: (n: number) => string, title: string): HTMLElement {
  return h(
    "table",
    { class: "sr-only" },
    h("caption", null, title),
    h("tbody", null, points.map((p) => h("tr", null, h("th", { scope: "row" }, p.label), h("td", null, format(p.value))))),
  );
}
