-- 016 notifications: one row per recipient, read only by that recipient.
CREATE TABLE notifications (
  id text NOT NULL,
  org_id text NOT NULL,
  recipient_id text NOT NULL,
  recipient_type text NOT NULL,
  type text NOT NULL,
  source_id text,
  source_type text,
  actor_id text,
  actor_type text,
  title text NOT NULL,
  body text,
  read boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notifications_pkey PRIMARY KEY (id),
  CONSTRAINT notifications_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX notifications_org_id_index ON notifications (org_id);
CREATE INDEX notifications_recipient_id_recipient_type_index ON notifications (recipient_id, recipient_type);
CREATE INDEX notifications_read_index ON notifications (read);
CREATE INDEX notifications_type_index ON notifications (type);
CREATE INDEX notifications_created_at_index ON notifications (created_at);
-- Ours: a recipient's inbox, newest first, and its unread count, without touching other tenants.
CREATE INDEX notifications_org_recipient_created_at_index
  ON notifications (org_id, recipient_id, recipient_type, created_at DESC, id DESC);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
