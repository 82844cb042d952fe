// Tasks: the org's to-dos for agents and people, with the hub's filters (status, priority,
// assignee), creating one, changing its status or assignee in place, deleting it; changes by
// anyone arrive live (task:new, task:updated).
import { api, ApiError } from "../api";
import { loadMembers, memberName, type Member } from "../directory";
import { ago, dateTime, emptyState, errorBox, h, label, loading, replace } from "../dom";
import { on } from "../live";
import type { Cleanup } from "../router";
import { currentSession, isAdmin } from "../session";
import type { Task, TaskPriority, TaskStatus } from "../types";
import { badge, field, pageHeader, pager, select } from "./common";

const STATUSES: TaskStatus[] = ["open", "in_progress", "completed", "cancelled"];
const PRIORITIES: TaskPriority[] = ["low", "medium", "high", "urgent"];

// "user:<id>" / "agent:<id>" in selects, so one control carries both the id and its type.
const memberValue = (id: string | null, type: string | null) => (id ? `${type ?? "agent"}:${id}` : "");
function parseMember(v: string): { assigned_to: string | null; assigned_type: string | null } {
  if (!v) return { assigned_to: null, assigned_type: null };
  const i = v.indexOf(":");
  return { assigned_type: v.slice(0, i), assigned_to: v.slice(i + 1) };
}

function memberOptions(members: Member[], none: string, current?: { id: string | null; type: string | null }): [string, string][] {
  const me = currentSession()?.user.id;
  const opts: [string, string][] = [["", none]];
  for (const m of members) opts.push([memberValue(m.id, m.type), m.id === me ? `${m.name.replace(/ \(you\)$/, "")} (you)` : m.type === "agent" ? `${m.name} (agent)` : m.name]);
  // An assignee the pickers do not list (e.g. a person who never signed in) stays selectable.
  if (current?.id && !members.some((m) => m.id === current.id)) opts.push([memberValue(current.id, current.type), memberName(current.id, current.type)]);
  return opts;
}

function canWrite(): boolean {
  return currentSession()?.user.role !== "viewer";
}

export async function tasksPage(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams): Promise<Cleanup> {
  const header = pageHeader("Tasks", "Work handed to agents and people. Assigning a task notifies the assignee.");
  replace(root, header, loading());
  let members: Member[];
  try {
    members = await loadMembers();
  } catch (err) {
    replace(root, header, errorBox((err as Error).message));
    return;
  }
  const me = currentSession()!.user;
  const focus = query.get("task");

  const fStatus = select([["", "Any status"], ...STATUSES.map((s): [string, string] => [s, label(s)])]);
  const fPriority = select([["", "Any priority"], ...PRIORITIES.map((p): [string, string] => [p, label(p)])]);
  const fAssignee = select(memberOptions(members, "Anyone"));
  const list = h("ul", { class: "task-list", "aria-label": "Tasks", "aria-live": "polite" });
  const body = h("div", null, loading());
  let page = 1;

  const matches = (t: Task) =>
    (!fStatus.value || t.status === fStatus.value) &&
    (!fPriority.value || t.priority === fPriority.value) &&
    (!fAssignee.value || t.assigned_to === parseMember(fAssignee.value).assigned_to);

  function taskItem(t: Task): HTMLElement {
    const message = h("p", { class: "form-error", role: "alert" });
    const item = h("li", { class: "card task", "data-task-id": t.id, "data-status": t.status, "data-priority": t.priority });
    const patch = async (body: Record<string, unknown>, control: HTMLSelectElement, previous: string) => {
      message.textContent = "";
      control.disabled = true;
      try {
        const { data } = await api.patch<Task>(`/tasks/${t.id}`, body);
        show(data);
      } catch (err) {
        control.value = previous;
        message.textContent = (err as Error).message;
      } finally {
        control.disabled = false;
      }
    };
    const controls: HTMLElement[] = [];
    if (canWrite()) {
      const status = select(STATUSES.map((s): [string, string] => [s, label(s)]), t.status);
      status.classList.add("task-status");
      status.addEventListener("change", () => patch({ status: status.value }, status, t.status));
      const assignee = select(memberOptions(members, "Unassigned", { id: t.assigned_to, type: t.assigned_type }), memberValue(t.assigned_to, t.assigned_type));
      assignee.classList.add("task-assignee");
      assignee.addEventListener("change", () => patch(parseMember(assignee.value), assignee, memberValue(t.assigned_to, t.assigned_type)));
      controls.push(field("Status", status, `task-status-${t.id}`), field("Assignee", assignee, `task-assignee-${t.id}`));
      if (t.created_by === me.id || isAdmin()) {
        // Two steps instead of a confirm() dialog: the second click deletes.
        const del = h("button", { class: "btn danger", type: "button" }, "Delete");
        let armed = false;
        del.addEventListener("click", async () => {
          if (!armed) {
            armed = true;
            del.textContent = "Click again to delete";
            window.setTimeout(() => ((armed = false), (del.textContent = "Delete")), 4000);
            return;
          }
          del.disabled = true;
          try {
            await api.del(`/tasks/${t.id}`);
            item.remove();
            if (!list.children.length) replace(body, emptyState("No tasks match.", "Change the filters or create a task below."));
          } catch (err) {
            del.disabled = false;
            message.textContent = (err as Error).message;
          }
        });
        controls.push(h("div", { class: "field task-delete" }, del));
      }
    }
    item.append(
      h(
        "header",
        null,
        h("strong", { class: "task-title" }, t.title),
        badge(t.priority, `priority-${t.priority}`),
        badge(t.status, t.status),
        h("time", { datetime: t.created_at, title: `Created ${new Date(t.created_at).toLocaleString()}` }, ago(t.created_at)),
      ),
      h("div", { class: "content", hidden: !t.description }, t.description ?? ""),
      h(
        "dl",
        { class: "facts" },
        h("dt", null, "Assigned to"),
        h("dd", { class: "task-assigned" }, t.assigned_to ? memberName(t.assigned_to, t.assigned_type) : "nobody yet"),
        h("dt", null, "Due"),
        h("dd", null, t.due_date ? new Date(t.due_date).toLocaleDateString(undefined, { dateStyle: "medium" }) : "no date"),
        h("dt", null, "Created by"),
        h("dd", null, memberName(t.created_by, t.created_by_type)),
        t.completed_at ? [h("dt", null, "Completed"), h("dd", null, dateTime(t.completed_at))] : null,
      ),
      message,
    );
    if (controls.length) item.insertBefore(h("div", { class: "row task-controls" }, controls), message);
    if (t.id === focus) item.classList.add("focus");
    return item;
  }

  // A task changed (here or by anyone): replace its card, or drop it when it no longer matches.
  function show(t: Task, fresh = false): void {
    const old = list.querySelector(`[data-task-id="${t.id}"]`);
    if (!matches(t)) {
      old?.remove();
      return;
    }
    const el = taskItem(t);
    if (fresh) el.classList.add("fresh");
    if (old) old.replaceWith(el);
    else {
      if (!list.isConnected) replace(body, list);
      list.prepend(el);
    }
  }

  let generation = 0;  // only the latest load renders (filters changed while one was in flight)
  async function load(): Promise<void> {
    const mine = ++generation;
    replace(body, loading());
    try {
      const res = await api.get<Task[]>("/tasks", { page, limit: 25, status: fStatus.value, priority: fPriority.value, assigned_to: parseMember(fAssignee.value).assigned_to });
      if (mine !== generation) return;
      list.replaceChildren(...res.data.map(taskItem));
      const filtered = fStatus.value || fPriority.value || fAssignee.value;
      replace(
        body,
        res.data.length ? list : filtered ? emptyState("No tasks match.", "Change the filters to see more.") : emptyState("No tasks yet.", canWrite() ? "Create the first one below." : undefined),
        res.pagination && (page > 1 || res.pagination.hasMore) ? pager(page, !!res.pagination.hasMore, res.pagination.total, (n) => ((page = n), load())) : null,
      );
      list.querySelector(".focus")?.scrollIntoView({ block: "center" });
    } catch (err) {
      if (mine === generation) replace(body, errorBox((err as Error).message));
    }
  }
  [fStatus, fPriority, fAssignee].forEach((s) => s.addEventListener("change", () => ((page = 1), load())));

  replace(
    root,
    header,
    h("div", { class: "filters card", role: "group", "aria-label": "Filter tasks" }, field("Status", fStatus, "t-status"), field("Priority", fPriority, "t-priority"), field("Assigned to", fAssignee, "t-assignee")),
    body,
    canWrite() ? [h("h2", null, "New task"), createForm(members, (t) => show(t, true))] : null,
  );
  await load();
  const offNew = on("task:new", (d: { task: Task }) => {
    if (page === 1 && !list.querySelector(`[data-task-id="${d.task.id}"]`)) show(d.task, true);
  });
  const offUpdated = on("task:updated", (d: { task: Task }) => {
    if (list.querySelector(`[data-task-id="${d.task.id}"]`) || page === 1) show(d.task, true);
  });
  return () => (offNew(), offUpdated());
}

function createForm(members: Member[], onCreated: (t: Task) => void): HTMLElement {
  const title = h("input", { required: true, maxlength: 500, placeholder: "Book the photographer for 9 Quay Court", autocomplete: "off" });
  const description = h("textarea", { rows: 2, placeholder: "Details, links, what done looks like" });
  const priority = select(PRIORITIES.map((p): [string, string] => [p, label(p)]), "medium");
  const assignee = select(memberOptions(members, "Unassigned"));
  const due = h("input", { type: "date" });
  const message = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card composer", "aria-label": "New task" },
    h("div", { class: "row" }, field("Title", title, "task-title"), field("Priority", priority, "task-priority")),
    field("Description", description, "task-description"),
    h("div", { class: "row" }, field("Assignee", assignee, "task-assignee"), field("Due date", due, "task-due")),
    h("div", { class: "row end" }, message, h("button", { class: "btn primary", type: "submit" }, "Create task")),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "";
    const body: Record<string, unknown> = { title: title.value.trim(), priority: priority.value };
    if (!body.title) return;
    if (description.value.trim()) body.description = description.value.trim();
    const who = parseMember(assignee.value);
    if (who.assigned_to) Object.assign(body, who);
    // A due date is a day; the hub stores a timestamp, so take the end of that day, local time.
    if (due.value) body.due_date = new Date(`${due.value}T23:59:00`).toISOString();
    const submit = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    submit.disabled = true;
    try {
      const { data } = await api.post<Task>("/tasks", body);
      title.value = description.value = due.value = "";
      assignee.value = "";
      priority.value = "medium";
      onCreated(data);
    } catch (err) {
      message.textContent = err instanceof ApiError && err.status === 404 ? "That assignee is not a member of this organisation." : (err as Error).message;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
