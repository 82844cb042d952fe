-- 018 tasks.
CREATE TABLE tasks (
  id text NOT NULL,
  org_id text NOT NULL,
  channel_id text,
  title text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'open',
  priority text NOT NULL DEFAULT 'medium',
  assigned_to text,
  assigned_type text,
  created_by text NOT NULL,
  created_by_type text NOT NULL,
  due_date timestamptz,
  completed_at timestamptz,
  metadata jsonb DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tasks_pkey PRIMARY KEY (id),
  CONSTRAINT tasks_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT tasks_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE SET NULL
);
CREATE INDEX tasks_org_id_index ON tasks (org_id);
CREATE INDEX tasks_channel_id_index ON tasks (channel_id);
CREATE INDEX tasks_status_index ON tasks (status);
CREATE INDEX tasks_priority_index ON tasks (priority);
CREATE INDEX tasks_assigned_to_index ON tasks (assigned_to);
CREATE INDEX tasks_created_by_index ON tasks (created_by);
CREATE INDEX tasks_due_date_index ON tasks (due_date);
-- Ours: the list order (newest first) per tenant.
CREATE INDEX tasks_org_created_at_index ON tasks (org_id, created_at DESC, id DESC);

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tasks
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
