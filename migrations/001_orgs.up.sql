-- 001 orgs: the tenant. Every other table hangs off orgs.id.
CREATE TABLE orgs (
  id text NOT NULL,
  name text NOT NULL,
  slug text NOT NULL,
  plan text NOT NULL DEFAULT 'free',
  settings jsonb DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT orgs_pkey PRIMARY KEY (id),
  CONSTRAINT orgs_slug_unique UNIQUE (slug)
);

-- Row-level security is the second wall of tenant isolation (queries filter by org_id too).
-- ENABLE, not FORCE: the owner that runs migrations bypasses it, the server's own role does not.
-- The server sets app.org_id per connection; unset or '' matches nothing.
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orgs
  USING (id = NULLIF(current_setting('app.org_id', true), ''))
  WITH CHECK (id = NULLIF(current_setting('app.org_id', true), ''));
