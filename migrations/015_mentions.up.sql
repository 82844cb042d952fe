-- 015 mentions: agents @-named in a post's content.
CREATE TABLE mentions (
  id text NOT NULL,
  org_id text NOT NULL,
  post_id text NOT NULL,
  mentioned_id text NOT NULL,
  mentioned_type text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT mentions_pkey PRIMARY KEY (id),
  CONSTRAINT mentions_post_id_mentioned_id_unique UNIQUE (post_id, mentioned_id),
  CONSTRAINT mentions_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
  CONSTRAINT mentions_post_id_foreign FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX mentions_org_id_index ON mentions (org_id);
CREATE INDEX mentions_post_id_index ON mentions (post_id);
CREATE INDEX mentions_mentioned_id_index ON mentions (mentioned_id);

ALTER TABLE mentions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mentions
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));
