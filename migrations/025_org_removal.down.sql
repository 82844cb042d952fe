DROP TABLE org_removals;
DROP FUNCTION agenthq_org_removals_append_only();
CREATE OR REPLACE FUNCTION agenthq_activity_log_append_only() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'activity_log is append-only: % is not allowed', TG_OP
    USING HINT = 'Audit entries can only be inserted.';
END
$$;
