-- 022 post counts (ours, issue 8): pagination.total of the post lists without counting rows on
-- read. Numbered after parity's reserved 012-021; the migrator applies whatever is pending in
-- name order, so this works whether 013 (soft delete) lands before or after it.
--
-- One row per (channel, type or any, author or any, slot). A top-level post that is not soft
-- deleted counts in four rows: (any, any), (type, any), (any, author), (type, author). The
-- trigger below keeps them exact in the same transaction as the change, whoever writes the
-- post (the hub, an import, psql), so a count read in the same snapshot as the page agrees
-- with it. slot spreads concurrent writers to one channel over several rows (pg_backend_pid()
-- % 8): a single hot row would serialise every insert into a channel until its commit.
-- NULL means "any" (NULLS NOT DISTINCT makes (channel, NULL, NULL, slot) one row).
CREATE TABLE post_counts (
  org_id text NOT NULL,
  type text,
  author_id text,
  channel_id text NOT NULL,
  slot smallint NOT NULL,
  n bigint NOT NULL,
  CONSTRAINT post_counts_key UNIQUE NULLS NOT DISTINCT (org_id, type, author_id, channel_id, slot),
  CONSTRAINT post_counts_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT post_counts_channel_id_foreign FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE
);

ALTER TABLE post_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON post_counts
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Whether a row counts in the lists: top level and not soft deleted. deleted_at is read through
-- to_jsonb so this works before and after migration 013 adds the column.
CREATE FUNCTION agenthq_post_counted(p posts) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT p.parent_id IS NULL AND (to_jsonb(p) ->> 'deleted_at') IS NULL
$$;

-- One statement-level trigger per operation, with the statement's rows as transition tables:
-- a bulk insert or import costs one aggregated upsert, not four per row, and counter rows are
-- locked in key order, so concurrent statements cannot deadlock on them. Each post is
-- (org, channel, type, author, +1 or -1), summed into its four counters in this backend's slot.
-- Runs as the owner: the server's role may read the counters but never write them itself. A
-- post deleted together with its channel or org (ON DELETE CASCADE) is not subtracted: its
-- counters go with the channel, and re-inserting them would violate their foreign keys.
-- The three branches differ only in where the changes come from (static SQL: plans cached).
CREATE FUNCTION agenthq_post_counts_trigger() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.post_counts AS pc (org_id, type, author_id, channel_id, slot, n)
    SELECT c.org_id, k.type, k.author_id, c.channel_id, (pg_backend_pid() % 8)::smallint, sum(c.d)
    FROM (SELECT p.org_id, p.channel_id, p.type, p.author_id, 1 AS d FROM new_rows p WHERE agenthq_post_counted(p)) c,
         LATERAL (VALUES (NULL::text, NULL::text), (c.type, NULL), (NULL, c.author_id), (c.type, c.author_id)) k (type, author_id)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (org_id, type, author_id, channel_id, slot) DO UPDATE SET n = pc.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.post_counts AS pc (org_id, type, author_id, channel_id, slot, n)
    SELECT c.org_id, k.type, k.author_id, c.channel_id, (pg_backend_pid() % 8)::smallint, sum(c.d)
    FROM (SELECT p.org_id, p.channel_id, p.type, p.author_id, -1 AS d FROM old_rows p
          WHERE agenthq_post_counted(p) AND EXISTS (SELECT 1 FROM public.channels ch WHERE ch.id = p.channel_id)) c,
         LATERAL (VALUES (NULL::text, NULL::text), (c.type, NULL), (NULL, c.author_id), (c.type, c.author_id)) k (type, author_id)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (org_id, type, author_id, channel_id, slot) DO UPDATE SET n = pc.n + EXCLUDED.n;
  ELSE
    INSERT INTO public.post_counts AS pc (org_id, type, author_id, channel_id, slot, n)
    SELECT c.org_id, k.type, k.author_id, c.channel_id, (pg_backend_pid() % 8)::smallint, sum(c.d)
    FROM (SELECT p.org_id, p.channel_id, p.type, p.author_id, -1 AS d FROM old_rows p WHERE agenthq_post_counted(p)
          UNION ALL
          SELECT p.org_id, p.channel_id, p.type, p.author_id, 1 FROM new_rows p WHERE agenthq_post_counted(p)) c,
         LATERAL (VALUES (NULL::text, NULL::text), (c.type, NULL), (NULL, c.author_id), (c.type, c.author_id)) k (type, author_id)
    GROUP BY 1, 2, 3, 4 HAVING sum(c.d) <> 0 ORDER BY 1, 2, 3, 4  -- an edit or reply_count bump: nothing
    ON CONFLICT (org_id, type, author_id, channel_id, slot) DO UPDATE SET n = pc.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION agenthq_post_counts_trigger() FROM PUBLIC;

CREATE TRIGGER posts_counts_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_post_counts_trigger();
CREATE TRIGGER posts_counts_update AFTER UPDATE ON posts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_post_counts_trigger();
CREATE TRIGGER posts_counts_delete AFTER DELETE ON posts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION agenthq_post_counts_trigger();

-- The posts that exist already.
INSERT INTO post_counts (org_id, type, author_id, channel_id, slot, n)
SELECT p.org_id, p.type, p.author_id, p.channel_id, 0, count(*)
FROM posts p WHERE agenthq_post_counted(p)
GROUP BY GROUPING SETS ((p.org_id, p.channel_id), (p.org_id, p.channel_id, p.type),
                        (p.org_id, p.channel_id, p.author_id), (p.org_id, p.channel_id, p.type, p.author_id));
