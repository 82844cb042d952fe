-- 007 insights: conclusions drawn from posts and agents. No updated_at (contract §6).
CREATE TABLE insights (
  id text NOT NULL,
  org_id text NOT NULL,
  type text NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  data jsonb DEFAULT '{}',
  source_posts jsonb DEFAULT '[]',
  source_agents jsonb DEFAULT '[]',
  confidence real,
  reviewed boolean DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT insights_pkey PRIMARY KEY (id),
  CONSTRAINT insights_org_id_foreign FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX insights_org_id_index ON insights (org_id);
CREATE INDEX insights_type_index ON insights (type);
CREATE INDEX insights_created_at_index ON insights (created_at);

ALTER TABLE insights ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON insights
  USING (org_id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (org_id = NULLIF(current_setting('app.org_id', true), ''));

-- Ours, beyond the seed: newest-first lists per tenant without walking other tenants' rows.
CREATE INDEX insights_org_created_at_index ON insights (org_id, created_at DESC, id DESC);
