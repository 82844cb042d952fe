-- 006 activity_log: the audit trail. Append-only is enforced here, not only by the API.
CREATE TABLE activity_log (
  id text NOT NULL,
  org_id text NOT NULL,
  actor_id text NOT NULL,
  actor_type text NOT NULL,
  action text NOT NULL,
  resource_type text,
  resource_id text,
  details jsonb DEFAULT '{}',
  ip_address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT activity_log_pkey PRIMARY KEY (id),
  CONSTRAINT activity_log_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX activity_log_org_id_index ON activity_log (org_id);
CREATE INDEX activity_log_actor_id_index ON activity_log (actor_id);
CREATE INDEX activity_log_action_index ON activity_log (action);
CREATE INDEX activity_log_created_at_index ON activity_log (created_at);

-- Triggers fire for superusers too (privileges alone would not stop them). Only the owner can
-- get around this, deliberately, with ALTER TABLE ... DISABLE TRIGGER. A consequence: deleting
-- an org that has audit entries fails, because the ON DELETE CASCADE is a DELETE as well.
CREATE FUNCTION agenthq_activity_log_append_only() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'activity_log is append-only: % is not allowed', TG_OP
    USING HINT = 'Audit entries can only be inserted.';
END
$$;
CREATE TRIGGER activity_log_append_only_rows
  BEFORE UPDATE OR DELETE ON activity_log
  FOR EACH ROW EXECUTE FUNCTION agenthq_activity_log_append_only();
CREATE TRIGGER activity_log_append_only_truncate
  BEFORE TRUNCATE ON activity_log
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_activity_log_append_only();

ALTER TABLE activity_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON activity_log
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Ours, beyond the seed: newest-first lists per tenant without walking other tenants' rows.
CREATE INDEX activity_log_org_created_at_index ON activity_log (org_id, created_at DESC, id DESC);
