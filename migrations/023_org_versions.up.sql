-- 023 org versions (ours, issue 8): a number per org that grows with every committed change to
-- what a search or the feed reads (posts, channels, channel members, activity, insights),
-- whoever makes it (this hub, another hub process, an import, psql). The hub keeps recent search
-- and feed pages in memory under the version they were read at and serves one again only while
-- the version is unchanged, which costs one index lookup instead of ranking every hit or
-- counting a whole window (src/hub/cache/versioned_cache.hpp).
-- Numbered after parity's reserved 012-021.
--
-- The version is sum(v) over the org's rows; each change adds 1 to the row of its backend's
-- slot (pg_backend_pid() % 8), so concurrent writers rarely wait on each other's row lock,
-- and the sum only ever grows. No foreign key to orgs: the triggers run during an org's
-- ON DELETE CASCADE, when a reference to it would fail; its few rows are left behind.
CREATE TABLE org_versions (
  org_id text NOT NULL,
  slot smallint NOT NULL,
  v bigint NOT NULL,
  CONSTRAINT org_versions_pkey PRIMARY KEY (org_id, slot)
);

ALTER TABLE org_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON org_versions
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- posts, activity_log, insights: once per statement for every org it touched (statement-level,
-- transition tables).
CREATE FUNCTION agenthq_org_versions_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO public.org_versions AS o (org_id, slot, v)
    SELECT DISTINCT r.org_id, (pg_backend_pid() % 8)::smallint, 1 FROM old_rows r ORDER BY 1
    ON CONFLICT (org_id, slot) DO UPDATE SET v = o.v + 1;
  ELSE  -- an UPDATE never moves a row to another org (RLS's WITH CHECK): new_rows has them all
    INSERT INTO public.org_versions AS o (org_id, slot, v)
    SELECT DISTINCT r.org_id, (pg_backend_pid() % 8)::smallint, 1 FROM new_rows r ORDER BY 1
    ON CONFLICT (org_id, slot) DO UPDATE SET v = o.v + 1;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION agenthq_org_versions_rows() FROM PUBLIC;

CREATE TRIGGER posts_org_version_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();
CREATE TRIGGER posts_org_version_update AFTER UPDATE ON posts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();
CREATE TRIGGER posts_org_version_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();
-- activity_log is append-only (migration 006): inserts are its only change.
CREATE TRIGGER activity_log_org_version AFTER INSERT ON activity_log REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();
CREATE TRIGGER insights_org_version_insert AFTER INSERT ON insights REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();
CREATE TRIGGER insights_org_version_update AFTER UPDATE ON insights REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();
CREATE TRIGGER insights_org_version_delete AFTER DELETE ON insights REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_org_versions_rows();

-- channels and their members change rarely: per row. A member row names its channel only; a
-- member removed together with its channel needs no bump (the channel's own delete bumps).
CREATE FUNCTION agenthq_org_versions_channels() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  org text;
BEGIN
  IF TG_TABLE_NAME = 'channels' THEN
    org := CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END;
  ELSE
    SELECT c.org_id INTO org FROM public.channels c
    WHERE c.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.channel_id ELSE NEW.channel_id END;
  END IF;
  IF org IS NOT NULL THEN
    INSERT INTO public.org_versions AS o (org_id, slot, v) VALUES (org, (pg_backend_pid() % 8)::smallint, 1)
    ON CONFLICT (org_id, slot) DO UPDATE SET v = o.v + 1;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION agenthq_org_versions_channels() FROM PUBLIC;

CREATE TRIGGER channels_org_version AFTER INSERT OR UPDATE OR DELETE ON channels
  FOR EACH ROW EXECUTE FUNCTION agenthq_org_versions_channels();
CREATE TRIGGER channel_members_org_version AFTER INSERT OR UPDATE OR DELETE ON channel_members
  FOR EACH ROW EXECUTE FUNCTION agenthq_org_versions_channels();
