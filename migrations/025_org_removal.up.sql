-- Removing a whole tenant (`agenthq org delete`). The audit trail stays append-only for every
-- other path: the one exception is a DELETE of an organisation's entries while the session has
-- named that organisation in agenthq.purge_org AND the session's own role is (a member of) the
-- role owning activity_log, i.e. the schema owner running the command. The server's runtime role
-- is not, so it cannot use the exception even through the cascade from orgs (cascades run as
-- the table owner, but session_user stays the runtime role).
CREATE OR REPLACE FUNCTION agenthq_activity_log_append_only() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND OLD.org_id = NULLIF(current_setting('agenthq.purge_org', true), '')
     AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'activity_log'::regclass), 'USAGE') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'activity_log is append-only: % is not allowed', TG_OP
    USING HINT = 'Audit entries can only be inserted.';
END
$$;

-- Where a removal is recorded, since the tenant's own trail goes with it. Append-only as well.
CREATE TABLE org_removals (
  org_id text NOT NULL,
  org_slug text NOT NULL,
  org_name text NOT NULL,
  audit_entries bigint NOT NULL,
  removed_by text NOT NULL DEFAULT session_user,
  removed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT org_removals_pkey PRIMARY KEY (org_id)
);
CREATE FUNCTION agenthq_org_removals_append_only() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'org_removals is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER org_removals_append_only_rows
  BEFORE UPDATE OR DELETE ON org_removals
  FOR EACH ROW EXECUTE FUNCTION agenthq_org_removals_append_only();
CREATE TRIGGER org_removals_append_only_truncate
  BEFORE TRUNCATE ON org_removals
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_removals_append_only();
